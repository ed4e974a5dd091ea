"""Read queries, as SQL text with ``:name`` parameters, built once here.

Portable SQL only (it runs on SQLite through ``sqlite3`` and on other databases through
SQLAlchemy); anything dialect-specific belongs in ``store.database``. Each function returns rows as
plain dicts shaped for the service layer. This module selects claims (a ``ClaimFilter``) and counts
them; the words of a search are ``store.search``'s, and the events of a claim ``store.timeline``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from claimtrack import textkeys, timeutil
from claimtrack.store import asof
from claimtrack.store.database import Database, Row
from claimtrack.store.search import search_clause
from claimtrack.store.sqltext import EFFECTIVE, LIVE
from claimtrack.store.sqltext import ids_where as _ids_where
from claimtrack.store.sqltext import in_list as _in_list
from claimtrack.store.tagfilter import tags_clause
from claimtrack.store.timeline import with_events

CLAIM_COLUMNS = (
    "c.id, c.uuid, c.text, c.quote, s.name AS source, c.status, c.confidence, "
    "c.confidence_phrase, c.url, c.said_on, c.review_by, c.created_at, c.updated_at, "
    "s.reliability AS source_reliability"
)
CLAIM_FROM = "claim c JOIN source s ON s.id = c.source_id"
SORTS = {
    "id": "c.id",
    "confidence": "c.confidence",
    "status": "c.status",
    "said_on": "c.said_on",
    "updated": "c.updated_at",
}


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What ``list`` (and later summary/export) select. Conditions combine with AND."""

    statuses: tuple[str, ...] = ()  # any of these
    source: str | None = None  # case-insensitive substring of the source name
    tags: tuple[str, ...] = ()  # any of these
    min_confidence: float | None = None
    max_confidence: float | None = None
    since: str | None = None  # said_on >= since
    until: str | None = None  # said_on <= until
    search: str | None = None  # full-text: words, prefixes (word*), "quoted phrases"
    as_of: str | None = None  # a stored time: every field as it stood then
    sort: str = "id"
    desc: bool = False
    limit: int | None = None
    deleted: bool | None = False  # True: only deleted claims (``list --deleted``); None: both (``db copy``)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_clause(f: ClaimFilter, params: dict[str, Any], now: bool = True, db: Database | None = None) -> str:
    """The WHERE conditions of a filter: live claims (or only deleted ones), then the rest.

    ``now=False`` leaves out whether a claim is deleted now (``--as-of`` asks about then); with
    ``db``, tags are matched by their ids, looked up first (``store.tagfilter``)."""
    alive = {False: LIVE, True: "c.deleted_at IS NOT NULL", None: "1 = 1"}[f.deleted]
    where = [alive if now else "1 = 1"]
    if f.statuses:
        where.append(f"c.status IN ({_in_list('st', f.statuses, params)})")
    if f.source:
        params["source"] = f"%{_like_escape(textkeys.name_key(f.source))}%"
        where.append("s.name_key LIKE :source ESCAPE '\\'")
    if f.tags and db is not None:
        where.append(tags_clause(db, f.tags, params))
    elif f.tags:
        where.append(
            "c.id IN (SELECT ct.claim_id FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE t.name IN ({_in_list('tg', tuple(s for t in f.tags for s in textkeys.spellings(t)), params)}))"
        )
    if f.min_confidence is not None:
        params["minc"] = f.min_confidence
        where.append("c.confidence >= :minc")
    if f.max_confidence is not None:
        params["maxc"] = f.max_confidence
        where.append("c.confidence <= :maxc")
    if f.since:
        params["since"] = f.since
        where.append("c.said_on >= :since")
    if f.until:
        params["until"] = f.until
        where.append("c.said_on <= :until")
    return " AND ".join(where)


def _claims_sql(db: Database, f: ClaimFilter, params: dict[str, Any]) -> list[str] | None:
    """The SELECTs for a filter (not --as-of), run in turn until the limit is reached.

    Usually one statement. Sorting on a column that may be empty (confidence, said_on) puts the
    empty ones last in either direction; that is two statements (values by the index, then the
    empty ones by id), since no index can serve "NULLs last" in both directions. A search sorted
    by id walks the full-text index in rowid order, so a word found in most claims costs no more
    than a rare one. None when nothing can match.
    """
    search = search_clause(db, f.search, params)
    if search is None:
        return None
    join, match = search
    direction = "DESC" if f.desc else "ASC"
    column = "claim_fts.rowid" if f.sort == "id" and join else SORTS[f.sort]
    where = where_clause(f, params, db=db) + (f" AND {match}" if match else "")
    limit = ""
    if f.limit is not None:
        params["limit"] = f.limit
        limit = " LIMIT :limit"
    select = f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM}{join} WHERE {where}"
    if f.sort not in ("confidence", "said_on"):
        tiebreak = "" if column in ("c.id", "claim_fts.rowid") else f", c.id {direction}"
        return [f"{select} ORDER BY {column} {direction}{tiebreak}{limit}"]
    return [
        f"{select} AND {column} IS NOT NULL ORDER BY {column} {direction}, c.id {direction}{limit}",
        f"{select} AND {column} IS NULL ORDER BY c.id {direction}{limit}",
    ]


def _run(db: Database, statements: list[str], params: dict[str, Any], limit: int | None) -> Iterator[Row]:
    """Rows of each statement in turn, stopping at ``limit`` rows in all."""
    produced = 0
    for sql in statements:
        for row in db.iterate(sql, params):
            yield row
            produced += 1
            if limit is not None and produced >= limit:
                return


def list_claims(db: Database, f: ClaimFilter) -> list[Row]:
    """Claims matching a filter, sorted and limited, with their tags."""
    if f.as_of:
        return _list_as_of(db, f)
    params: dict[str, Any] = {}
    statements = _claims_sql(db, f, params)
    return with_tags(db, list(_run(db, statements, params, f.limit))) if statements else []


def iter_claims(db: Database, f: ClaimFilter, batch: int = 500, events: bool | str = True) -> Iterator[Row]:
    """Stream matching claims with tags and (unless ``events`` is false) their whole timeline,
    ``batch`` claims at a time; ``events="effective"``: only the effective history (``EFFECTIVE``:
    what the reports read); ``events="noted"``: only its status changes and the events that
    carry a note (what a CSV export's resolved_on, evidence and last_note read; not the created
    event every claim has, which is most of the events of a large database)."""
    params: dict[str, Any] = {}
    statements = _claims_sql(db, replace(f, as_of=None), params)
    if statements is None:
        return
    for chunk in _chunks(_run(db, statements, params, f.limit), batch):
        chunk = with_tags(db, chunk)
        yield from (
            with_events(db, chunk, full=False, noted=events == "noted", effective=events in ("noted", "effective"))
            if events
            else chunk
        )


def _chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _filtered(db: Database, f: ClaimFilter, params: dict[str, Any]) -> tuple[str, str] | None:
    """(FROM, WHERE) selecting the claims of a filter, joining sources only when it needs them."""
    search = search_clause(db, f.search, params)
    if search is None:
        return None
    join, match = search
    source = " JOIN source s ON s.id = c.source_id" if f.source else ""
    return f"claim c{source}{join}", where_clause(f, params, db=db) + (f" AND {match}" if match else "")


def count(db: Database, f: ClaimFilter) -> int:
    """How many claims match a filter (ignoring its limit)."""
    params: dict[str, Any] = {}
    found = _filtered(db, f, params)
    if found is None:
        return 0
    row = db.query_one(f"SELECT count(*) AS n FROM {found[0]} WHERE {found[1]}", params)
    return int(row["n"]) if row else 0


def summary(db: Database, f: ClaimFilter, by: str) -> tuple[list[Row], int]:
    """(groups with their counts, total matching claims) for ``summary --by``.

    Counts are taken over ids in covering indexes (status, source_id, tag_id) and only then
    joined to names, so a summary of a million claims reads indexes, not rows.
    """
    params: dict[str, Any] = {}
    found = _filtered(db, f, params)
    if found is None:
        return [], 0
    tables, where = found
    if by == "status":
        sql = f"SELECT c.status AS grp, count(*) AS n FROM {tables} WHERE {where} GROUP BY c.status"
    elif by == "source":
        sql = (
            f"SELECT src.name AS grp, x.n FROM (SELECT c.source_id, count(*) AS n FROM {tables} WHERE {where} "
            "GROUP BY c.source_id) x JOIN source src ON src.id = x.source_id"
        )
    else:
        everything = where == LIVE and not _any_deleted(db)
        narrowed = "" if everything else f" WHERE ct.claim_id IN (SELECT c.id FROM {tables} WHERE {where})"
        sql = (
            f"SELECT t.name AS grp, x.n FROM (SELECT ct.tag_id, count(*) AS n FROM claim_tag ct{narrowed} "
            "GROUP BY ct.tag_id) x JOIN tag t ON t.id = x.tag_id"
        )
    rows = db.query(sql, params)
    total = count(db, replace(f, limit=None))
    if by == "tag":
        if everything:  # every claim: count the tagged ones off the link index
            tagged = db.query_one("SELECT count(DISTINCT claim_id) AS n FROM claim_tag")
            untagged = total - int(tagged["n"] if tagged else 0)
        else:
            row = db.query_one(
                f"SELECT count(*) AS n FROM {tables} WHERE {where} AND NOT EXISTS "
                "(SELECT 1 FROM claim_tag ct WHERE ct.claim_id = c.id)",
                params,
            )
            untagged = int(row["n"]) if row else 0
        if untagged:
            rows.append({"grp": None, "n": untagged})
    return rows, total


def _any_deleted(db: Database) -> bool:
    return db.query_one("SELECT 1 AS one FROM claim WHERE deleted_at IS NOT NULL LIMIT 1") is not None


def source_counts(db: Database) -> list[Row]:
    """Every source with its number of live claims in each status (status NULL: a source with none).

    A source whose every claim is deleted is left out (it is what a mistake left behind; its
    claims can be restored); a source with no claims at all (made by ``source set``) is listed."""
    return db.query(
        "SELECT s.name, s.kind, s.reliability, c.status, count(c.id) AS n FROM source s "
        "LEFT JOIN claim c ON c.source_id = s.id AND c.deleted_at IS NULL "
        "WHERE c.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM claim d WHERE d.source_id = s.id) "
        "GROUP BY s.name_key, s.name, s.kind, s.reliability, c.status ORDER BY s.name_key"
    )


def iter_resolved(db: Database, source: str | None = None, batch: int = 500) -> Iterator[Row]:
    """Confirmed and refuted claims with their effective status and confidence events, for scoring."""
    params: dict[str, Any] = {}
    where = f"c.status IN ('confirmed', 'refuted') AND {LIVE}"
    if source:
        params["source"] = f"%{_like_escape(textkeys.name_key(source))}%"
        where += " AND s.name_key LIKE :source ESCAPE '\\'"
    sql = (
        "SELECT c.id, s.name AS source, c.status, c.confidence FROM claim c JOIN source s ON s.id = c.source_id "
        f"WHERE {where} ORDER BY c.id"
    )
    for chunk in _chunks(db.iterate(sql, params), batch):
        yield from with_events(db, chunk, kinds=("status", "confidence"), effective=True)


def source_exists(db: Database, name: str) -> bool:
    params = {"source": f"%{_like_escape(textkeys.name_key(name))}%"}
    return db.query_one("SELECT 1 AS one FROM source s WHERE s.name_key LIKE :source ESCAPE '\\'", params) is not None


# When a claim was last changed, undone changes aside: its ``updated_at``, unless undo touched it;
# then when the last change of its effective history was recorded, else when it was created.
_LAST_CHANGE = (
    f"(SELECT max(e.recorded_at) FROM event e WHERE e.claim_id = c.id AND e.kind <> 'created' AND {EFFECTIVE})"
)
_TOUCHED = (
    "CASE WHEN NOT EXISTS (SELECT 1 FROM event u WHERE u.claim_id = c.id AND u.reverses IS NOT NULL) "
    f"THEN c.updated_at WHEN coalesce({_LAST_CHANGE}, '') > c.created_at THEN {_LAST_CHANGE} "
    "ELSE c.created_at END"
)


def due(db: Database, horizon: str, stale_before: str) -> list[Row]:
    """Claims to look at again: review date by ``horizon`` (unless already confirmed or refuted:
    the question it was to be reviewed for is settled), or unverified and untouched since
    ``stale_before`` (an undone change is no touch); ``touched``: when it was last changed."""
    rows = db.query(
        f"SELECT {CLAIM_COLUMNS}, {_TOUCHED} AS touched FROM {CLAIM_FROM} WHERE {LIVE} AND "
        "((c.review_by IS NOT NULL AND c.review_by <= :horizon AND c.status NOT IN ('confirmed', 'refuted')) "
        f"OR (c.status = 'unverified' AND (c.updated_at < :stale OR {_TOUCHED} < :stale))) ORDER BY c.id",
        {"horizon": horizon, "stale": stale_before},
    )
    return with_tags(db, rows)


def all_sources(db: Database) -> list[Row]:
    return db.query("SELECT name, kind, reliability, url, notes, created_at FROM source ORDER BY name_key")


# Whether a claim was deleted at :as_of ('' when not): its last effective ``deleted`` edit by then;
# before any, deleted if undo took its creation back (it was never there), else not.
_DELETED_THEN = (
    "coalesce((SELECT coalesce(e.new, '') FROM event e WHERE e.claim_id = c.id AND e.kind = 'edit' "
    f"AND e.field = 'deleted' AND e.at <= :as_of AND {EFFECTIVE} ORDER BY e.at DESC, e.id DESC LIMIT 1), "
    "CASE WHEN EXISTS (SELECT 1 FROM event b JOIN event u ON u.reverses = b.id WHERE b.claim_id = c.id "
    "AND b.kind = 'created') THEN 'deleted' ELSE '' END)"
)


def _list_as_of(db: Database, f: ClaimFilter) -> list[Row]:
    """``--as-of``: the claims that existed then, every field as it stood (``store.asof``).

    Filters on the rebuilt fields (status, confidence, source, tags, said on, the search words),
    sorting and the limit apply to the rebuilt values, so the service applies them after the rows
    are read (time travel is an analysis query, not the fast path).
    """
    static = replace(
        f,
        statuses=(),
        min_confidence=None,
        max_confidence=None,
        source=None,
        tags=(),
        since=None,
        until=None,
        search=None,
    )
    assert f.as_of is not None
    params: dict[str, Any] = {"as_of_day": timeutil.local_date(f.as_of)}  # the day typed: as_of ends it in local time
    where = where_clause(static, params, now=False)
    where += " AND coalesce(c.said_on, substr(c.created_at, 1, 10)) <= :as_of_day"
    if f.deleted is not None:  # None: deleted or not then (a backup as of then holds both)
        where += f" AND {_DELETED_THEN} {'<>' if f.deleted else '='} ''"
    params["as_of"] = f.as_of
    rows = db.query(f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE {where} ORDER BY c.id", params)
    return asof.rebuild(db, with_tags(db, rows), f.as_of)


def get_claim(db: Database, claim_id: int) -> Row | None:
    """One claim, deleted or not (``deleted_at`` says which)."""
    row = db.query_one(f"SELECT {CLAIM_COLUMNS}, c.deleted_at FROM {CLAIM_FROM} WHERE c.id = :id", {"id": claim_id})
    return with_tags(db, [row])[0] if row else None


def with_tags(db: Database, claims: list[Row]) -> list[Row]:
    """Attach each claim's sorted tag names as ``tags`` (one query per 500 claims)."""
    by_id: dict[int, list[str]] = {c["id"]: [] for c in claims}
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        params: dict[str, Any] = {}
        where = _ids_where("ct.claim_id", ids[start : start + 500], params)
        for claim_id, name in db.values(
            f"SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE {where} ORDER BY t.name",
            params,
        ):
            if claim_id in by_id:  # a range may hold claims that are not ours
                by_id[claim_id].append(name)
    for claim in claims:
        claim["tags"] = by_id[claim["id"]]
    return claims


def get_claim_as_of(db: Database, claim_id: int, as_of: str) -> Row | None:
    """One claim as it stood at ``as_of`` (None if it did not exist yet): ``store.asof``."""
    row = db.query_one(
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id = :id "
        "AND coalesce(c.said_on, substr(c.created_at, 1, 10)) <= :as_of_day",
        {"id": claim_id, "as_of_day": timeutil.local_date(as_of)},
    )
    return asof.rebuild(db, with_tags(db, [row]), as_of)[0] if row else None


def claim_exists(db: Database, claim_id: int) -> bool:
    return db.query_one("SELECT 1 AS one FROM claim WHERE id = :id", {"id": claim_id}) is not None


def source_names(db: Database) -> list[str]:
    return [r["name"] for r in db.query("SELECT name FROM source ORDER BY name")]


def tag_names(db: Database) -> list[str]:
    return [r["name"] for r in db.query("SELECT name FROM tag ORDER BY name")]


def count_claims(db: Database) -> int:
    row = db.query_one("SELECT count(*) AS n FROM claim")
    return int(row["n"]) if row else 0
