"""The queries ``match`` runs: word counts, candidate claims through the search index, seen feed items.

``claimtrack.match`` decides which words of the news count and how a claim scores; these functions
only ask the database. Candidates come from the search index, ranked by it: FTS5's bm25 over
``claim_fts`` on SQLite, ``ts_rank`` over the ``search_vector`` on PostgreSQL (the same indexes
``list --search`` uses). A term is a word of the news as ``(text, prefix)``: ``prefix`` matches every
indexed word starting with it (``russi`` finds Russia, Russian, Russians). Every term is quoted
from its word characters here, so nothing in the news is ever read as query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimtrack.store.migrations import FEED_TABLE
from claimtrack.store.sqltext import LIVE
from claimtrack.store.sqltext import in_list as _in_list

if TYPE_CHECKING:
    from claimtrack.store.database import Database, Row

Term = tuple[str, bool]  # (word characters, prefix)
_WORD = re.compile(r"[^\W_]+")
CHUNK = 500  # ids per IN list


@dataclass(frozen=True, slots=True)
class Query:
    """One sentence's search: claims holding any of ``any_of``, or every one of ``all_of``."""

    any_of: tuple[Term, ...] = ()
    all_of: tuple[Term, ...] = ()


def _clean(term: Term) -> Term | None:
    text = "".join(_WORD.findall(term[0].lower()))
    return (text, term[1]) if text else None


def _fts(term: Term) -> str:
    return f'"{term[0]}"' + ("*" if term[1] else "")


def _ts(term: Term) -> str:
    return f"'{term[0]}'" + (":*" if term[1] else "")


def _expression(query: Query, postgres: bool) -> str | None:
    """The query as FTS5 or ``to_tsquery`` text, or None when it holds no word."""
    spell = _ts if postgres else _fts
    either, both = (" | ", " & ") if postgres else (" OR ", " AND ")
    any_of = [spell(t) for t in filter(None, map(_clean, query.any_of))]
    all_of = [spell(t) for t in filter(None, map(_clean, query.all_of))]
    parts = any_of + (["(" + both.join(all_of) + ")"] if all_of else [])
    return either.join(parts) if parts else None


def live_claims(db: Database) -> int:
    """How many claims are live: the N of the words' document frequencies."""
    row = db.query_one(f"SELECT count(*) AS n FROM claim c WHERE {LIVE}")
    return int(row["n"]) if row else 0


def term_counts(db: Database, terms: Iterable[Term]) -> dict[Term, int]:
    """In how many claims each term is found (its document frequency in the search index).

    One indexed count a term; on SQLite a count reads the term's entries in the index only, so it
    costs in proportion to how common the word is (the caller drops the commonest words first
    from what it searches for, never from what it counts)."""
    postgres = db.dialect == "postgresql"
    sql = (
        "SELECT count(*) AS n FROM claim WHERE search_vector @@ to_tsquery('simple', :q)"
        if postgres
        else "SELECT count(*) AS n FROM claim_fts WHERE claim_fts MATCH :q"
    )
    found: dict[Term, int] = {}
    for term in terms:
        clean = _clean(term)
        if clean is None or term in found:
            continue
        row = db.query_one(sql, {"q": _ts(clean) if postgres else _fts(clean)})
        found[term] = int(row["n"]) if row else 0
    return found


def candidates(db: Database, queries: Sequence[Query], statuses: tuple[str, ...], per_query: int) -> list[list[int]]:
    """For each query, the ids of up to ``per_query`` live claims (in ``statuses``, if given) the
    search index ranks best for it, best first. One ranked, limited statement a query."""
    postgres = db.dialect == "postgresql"
    params: dict[str, Any] = {"k": per_query}
    where = LIVE
    if statuses:
        where += f" AND c.status IN ({_in_list('st', statuses, params)})"
    if postgres:
        sql = (
            "SELECT c.id FROM claim c, to_tsquery('simple', :q) query WHERE c.search_vector @@ query "
            f"AND {where} ORDER BY ts_rank(c.search_vector, query) DESC, c.id LIMIT :k"
        )
    else:  # bm25 (rank) is lower for a better match
        sql = (
            "SELECT claim_fts.rowid AS id FROM claim_fts JOIN claim c ON c.id = claim_fts.rowid "
            f"WHERE claim_fts MATCH :q AND {where} ORDER BY claim_fts.rank, c.id LIMIT :k"
        )
    found: list[list[int]] = []
    for query in queries:
        expression = _expression(query, postgres)
        if expression is None:
            found.append([])
            continue
        params["q"] = expression
        found.append([values[0] for values in db.values(sql, params)])
    return found


MATCH_COLUMNS = "c.id, c.text, c.quote, c.status, s.name AS source, c.url, c.said_on, c.confidence, c.confidence_phrase"


def claims(db: Database, ids: Iterable[int]) -> dict[int, Row]:
    """The claims with these ids (as ``match`` shows them), by id."""
    wanted = sorted(set(ids))
    found: dict[int, Row] = {}
    for start in range(0, len(wanted), CHUNK):
        params: dict[str, Any] = {}
        marks = _in_list("id", tuple(wanted[start : start + CHUNK]), params)
        for row in db.iterate(
            f"SELECT {MATCH_COLUMNS} FROM claim c JOIN source s ON s.id = c.source_id WHERE c.id IN ({marks})", params
        ):
            found[row["id"]] = row
    return found


def seen_items(db: Database, feed: str, items: Sequence[str]) -> set[str]:
    """Which of a feed's ``items`` an earlier ``match --feed`` has seen."""
    seen: set[str] = set()
    for start in range(0, len(items), CHUNK):
        params: dict[str, Any] = {"feed": feed}
        marks = _in_list("it", tuple(items[start : start + CHUNK]), params)
        seen.update(
            r["item"]
            for r in db.iterate(f"SELECT item FROM {FEED_TABLE} WHERE feed = :feed AND item IN ({marks})", params)
        )
    return seen


def remember_items(db: Database, feed: str, items: Sequence[str]) -> None:
    """Record a feed's items as seen (items seen before keep their first time), in one transaction."""
    from claimtrack import timeutil

    if not items:
        return
    with db.writing() as w:
        now = timeutil.now()  # read inside the lock, as every write does
        rows = [{"feed": feed, "item": item, "first_seen": now} for item in dict.fromkeys(items)]
        w.executemany(
            f"INSERT INTO {FEED_TABLE} (feed, item, first_seen) VALUES (:feed, :item, :first_seen) "
            "ON CONFLICT (feed, item) DO NOTHING",
            rows,
        )


def all_items(db: Database) -> list[Row]:
    """Every remembered feed item (feed, item, first_seen): what ``db copy`` carries over."""
    return list(db.iterate(f"SELECT feed, item, first_seen FROM {FEED_TABLE} ORDER BY feed, item"))


def copy_items(db: Database, rows: Sequence[Row]) -> None:
    """Remember ``rows`` (from ``all_items``) as they were, first seen times kept, in one transaction."""
    if not rows:
        return
    with db.writing() as w:
        w.executemany(
            f"INSERT INTO {FEED_TABLE} (feed, item, first_seen) VALUES (:feed, :item, :first_seen) "
            "ON CONFLICT (feed, item) DO NOTHING",
            [{"feed": r["feed"], "item": r["item"], "first_seen": r["first_seen"]} for r in rows],
        )
