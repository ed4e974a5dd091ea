"""Checks a change to several claims makes before it changes any: every id at once, and edit's version.

A command on ``confirm 3 5 8-12`` names every unknown or deleted claim in one line, not the first
of them and then, on the next try, the next; ``edit`` refuses to save over a field another command
changed while its form was open. Both run inside the write transaction of the change they guard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack.errors import Conflict, InvalidInput, NotFound
from claimtrack.ids import shown as shown_ids

if TYPE_CHECKING:
    from claimtrack.store.writer import Writer

_CHUNK = 500  # ids named in one IN (...) when a command's ids are checked together


def check_claims(w: Writer, ids: list[int], deleted_ok: bool = False, verb: str = "change") -> None:
    """Check every id of a command on several claims before any is changed, so that one line names
    every unknown (and, unless ``deleted_ok``, deleted) claim, not the first of them and then, on
    the next try, the next. One id is left to ``writes._claim``, which says it for one."""
    if len(ids) < 2:
        return
    found: dict[int, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        names = ", ".join(f":i{n}" for n in range(len(chunk)))
        for row in w.rows(
            f"SELECT id, deleted_at FROM claim WHERE id IN ({names})", {f"i{n}": cid for n, cid in enumerate(chunk)}
        ):
            found[row["id"]] = row["deleted_at"]
    missing = [cid for cid in ids if cid not in found]
    deleted = [] if deleted_ok else [cid for cid in ids if found.get(cid) is not None]
    problems = []
    if missing:
        problems.append(
            f"no claim with id {missing[0]}" if len(missing) == 1 else f"no claims with ids {shown_ids(missing)}"
        )
    if deleted:
        again = " ".join(shown_ids(deleted).split(", "))
        problems.append(
            f"claim {deleted[0]} is deleted (bring it back first with: claimtrack restore {again})"
            if len(deleted) == 1
            else f"claims {shown_ids(deleted)} are deleted (bring them back first with: claimtrack restore {again})"
        )
    if problems:
        where = "; list ids with: claimtrack list" if missing else ""
        error = NotFound if missing else InvalidInput
        raise error(
            f"{', and '.join(problems)}; nothing was changed; leave "
            f"{'it' if len(missing) + len(deleted) == 1 else 'them'} out to {verb} the others{where}"
        )


def check_unchanged(w: Writer, ids: list[int], since: int) -> None:
    """``Conflict`` if a field of ``edit``'s form changed on one of ``ids`` after version ``since``."""
    from claimtrack.store.versions import changed_since

    for cid in ids:
        fields = [{"tag": "tags"}.get(name, name) for name in changed_since(w, cid, since)]
        if fields:
            raise Conflict(
                f"claim {cid} was changed by another command while you were editing it ({', '.join(fields)})", fields
            )
