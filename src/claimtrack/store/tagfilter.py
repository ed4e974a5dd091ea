"""``--tag``'s condition, with the tags' ids looked up first: kept apart from ``store.queries``.

Written as a join with ``tag`` (``... JOIN tag t ... WHERE t.name IN (...)``), PostgreSQL cannot
know how many claims a tag holds when it plans, guesses a few dozen, and gathers and sorts every
tagged claim before ``LIMIT 20``: ``list --tag military --limit 20`` took 52 ms at 50,000 claims.
Given the tag's id itself, it reads the statistics of ``claim_tag``, walks the claims in order and
stops at 20 (0.2 ms). SQLite plans both forms alike. Run inside the reading snapshot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack import textkeys
from claimtrack.store.sqltext import in_list

if TYPE_CHECKING:
    from claimtrack.store.database import Database


def tags_clause(db: Database, tags: tuple[str, ...], params: dict[str, Any]) -> str:
    """Claims tagged with any of ``tags`` (each spelling ``textkeys.spellings`` gives); false when none exists."""
    asked: dict[str, Any] = {}
    names = in_list("tn", tuple(s for t in tags for s in textkeys.spellings(t)), asked)
    ids = tuple(int(row["id"]) for row in db.query(f"SELECT id FROM tag WHERE name IN ({names}) ORDER BY id", asked))
    if not ids:
        return "1 = 0"
    return f"c.id IN (SELECT ct.claim_id FROM claim_tag ct WHERE ct.tag_id IN ({in_list('tg', ids, params)}))"
