"""Read queries, as SQL text with ``:name`` parameters, built once here.

Portable SQL only (it runs on SQLite through ``sqlite3`` and on other databases through
SQLAlchemy); anything dialect-specific belongs in ``store.database``. Each function returns rows as
plain dicts shaped for the service layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimtrack.store.database import Database, Row

CLAIM_COLUMNS = (
    "c.id, c.uuid, c.text, c.quote, s.name AS source, c.status, c.confidence, "
    "c.confidence_phrase, c.url, c.said_on, c.review_by, c.created_at, c.updated_at"
)
CLAIM_FROM = "claim c JOIN source s ON s.id = c.source_id"
EVENT_COLUMNS = "e.id, e.claim_id, e.at, e.recorded_at, e.kind, e.field, e.old, e.new, e.note, e.evidence_url"

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
    sort: str = "id"
    desc: bool = False
    limit: int | None = None


def _in_list(prefix: str, values: tuple[str, ...], params: dict[str, Any]) -> str:
    names = []
    for i, value in enumerate(values):
        params[f"{prefix}{i}"] = value
        names.append(f":{prefix}{i}")
    return ", ".join(names)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_clause(f: ClaimFilter, params: dict[str, Any]) -> str:
    """The WHERE conditions of a filter (``1 = 1`` when there are none)."""
    where = ["1 = 1"]
    if f.statuses:
        where.append(f"c.status IN ({_in_list('st', f.statuses, params)})")
    if f.source:
        params["source"] = f"%{_like_escape(f.source.casefold())}%"
        where.append("s.name_key LIKE :source ESCAPE '\\'")
    if f.tags:
        where.append(
            "c.id IN (SELECT ct.claim_id FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE t.name IN ({_in_list('tg', f.tags, params)}))"
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


def list_claims(db: Database, f: ClaimFilter) -> list[Row]:
    params: dict[str, Any] = {}
    column = SORTS[f.sort]
    direction = "DESC" if f.desc else "ASC"
    order = f"{column} {direction}, c.id {direction}"
    if f.sort in ("confidence", "said_on"):  # unassessed / undated claims go last either way
        order = f"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, {order}"
    sql = f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE {where_clause(f, params)} ORDER BY {order}"
    if f.limit is not None:
        params["limit"] = f.limit
        sql += " LIMIT :limit"
    return with_tags(db, db.query(sql, params))


def get_claim(db: Database, claim_id: int) -> Row | None:
    row = db.query_one(f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id = :id", {"id": claim_id})
    return with_tags(db, [row])[0] if row else None


def with_tags(db: Database, claims: list[Row]) -> list[Row]:
    """Attach each claim's sorted tag names as ``tags`` (one query per 500 claims)."""
    by_id: dict[int, list[str]] = {c["id"]: [] for c in claims}
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        params: dict[str, Any] = {}
        marks = _in_list("id", tuple(ids[start:start + 500]), params)
        for row in db.query(
            "SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE ct.claim_id IN ({marks}) ORDER BY t.name",
            params,
        ):
            by_id[row["claim_id"]].append(row["name"])
    for claim in claims:
        claim["tags"] = by_id[claim["id"]]
    return claims


def events(db: Database, claim_id: int) -> list[Row]:
    """A claim's whole timeline, oldest first (by when each change happened)."""
    return db.query(
        f"SELECT {EVENT_COLUMNS} FROM event e WHERE e.claim_id = :id ORDER BY e.at, e.id",
        {"id": claim_id},
    )


def log(db: Database, claim_id: int | None, since: str | None, limit: int | None) -> list[Row]:
    """Changes across all claims (or one), newest first."""
    params: dict[str, Any] = {}
    where = ["1 = 1"]
    if claim_id is not None:
        params["id"] = claim_id
        where.append("e.claim_id = :id")
    if since:
        params["since"] = since
        where.append("e.at >= :since")
    sql = f"SELECT {EVENT_COLUMNS} FROM event e WHERE {' AND '.join(where)} ORDER BY e.at DESC, e.id DESC"
    if limit is not None:
        params["limit"] = limit
        sql += " LIMIT :limit"
    return db.query(sql, params)


def claim_exists(db: Database, claim_id: int) -> bool:
    return db.query_one("SELECT 1 AS one FROM claim WHERE id = :id", {"id": claim_id}) is not None


def source_names(db: Database) -> list[str]:
    return [r["name"] for r in db.query("SELECT name FROM source ORDER BY name")]


def count_claims(db: Database) -> int:
    row = db.query_one("SELECT count(*) AS n FROM claim")
    return int(row["n"]) if row else 0
