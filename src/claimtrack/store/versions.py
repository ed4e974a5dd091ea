"""A claim's version, for ``edit``: so saving a form can tell that another change came in between.

Every change to a claim writes its event in the same transaction (DESIGN), and writers hold the
write lock while they do, so the id of the newest event on a claim names the state a reader saw:
any change committed after that read has a larger event id. ``edit`` reads the version with the
claim when it opens the form and checks it inside the transaction that saves the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack.store.writer import Writer

if TYPE_CHECKING:
    from claimtrack.store.database import Database

# The fields ``edit``'s form holds, as events name them; a status change or a note is no conflict.
FORM_FIELDS = ("text", "source", "confidence", "quote", "url", "said_on", "review_by", "tag")


def version(db: Database, claim_id: int) -> int:
    """The id of the newest event on the claim (0 if it has none)."""
    row = db.query_one("SELECT max(id) AS version FROM event WHERE claim_id = :id", {"id": claim_id})
    return int(row["version"] or 0) if row else 0


def changed_since(w: Writer, claim_id: int, since: int) -> list[str]:
    """The form's fields that events after version ``since`` changed, in the form's order."""
    names = ", ".join(f"'{name}'" for name in FORM_FIELDS)
    found = {
        row["field"]
        for row in w.rows(
            f"SELECT DISTINCT field FROM event WHERE claim_id = :id AND id > :since AND field IN ({names})",
            {"id": claim_id, "since": since},
        )
    }
    return [name for name in FORM_FIELDS if name in found]
