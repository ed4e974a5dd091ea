"""Reading claims' histories: the event rows of one claim, of many at once, and of the journal.

Kept apart from ``store.queries`` (which selects claims) because a timeline has its own shapes:
``show`` and ``log`` read every event, the derived views only the effective history
(``sqltext.EFFECTIVE``), a CSV export only what resolved and annotated a claim, and a backup every
column of the table, whatever a later migration added (``event_columns``).
"""

from __future__ import annotations

import bisect
from typing import Any

from claimtrack.store.database import Database, Row
from claimtrack.store.sqltext import EFFECTIVE
from claimtrack.store.sqltext import ids_where as _ids_where
from claimtrack.store.sqltext import in_list as _in_list

EVENT_COLUMNS = (
    "e.id, e.claim_id, e.at, e.recorded_at, e.kind, e.field, e.old, e.new, e.note, e.evidence_url, e.author, e.db_role"
)
_EVENT_NAMES = tuple(c.strip().removeprefix("e.") for c in EVENT_COLUMNS.split(","))  # claim_id second

# The events that say how a claim was resolved and what was noted on it: status changes and any
# change carrying a note (a note event always does; evidence links only ever sit on these two kinds).
_NOTED = "e.kind <> 'created' AND (e.kind = 'status' OR e.note IS NOT NULL)"


def event_columns(db: Database) -> tuple[str, ...]:
    """Every column of the ``event`` table, in table order (``id`` and ``claim_id`` first): what a
    backup carries, so a column a later migration adds is backed up and restored without a list
    here naming it. Read once per database handle."""
    found = getattr(db, "_event_columns", None)
    if found is None:
        if db.dialect == "sqlite":
            rows = db.query("SELECT name FROM pragma_table_info('event') ORDER BY cid")
        else:
            rows = db.query(
                "SELECT column_name AS name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = 'event' ORDER BY ordinal_position"
            )
        found = tuple(r["name"] for r in rows)
        db._event_columns = found  # type: ignore[attr-defined]
    return found


def with_events(
    db: Database,
    claims: list[Row],
    kinds: tuple[str, ...] = (),
    full: bool = True,
    noted: bool = False,
    effective: bool = False,
) -> list[Row]:
    """Attach each claim's events (only these ``kinds``, if given; only ``_NOTED`` ones if
    ``noted``; only the ``EFFECTIVE`` ones if ``effective``) as ``events``, oldest first.

    ``full=False``: the events as an export writes them: every column of the table
    (``event_columns``) but ``claim_id``, the event's ``id`` first, each dict made once instead of
    copied per claim."""
    names = _EVENT_NAMES if full else tuple(c for c in event_columns(db) if c != "claim_id")
    columns = EVENT_COLUMNS if full else "e.claim_id, " + ", ".join(f"e.{c}" for c in names)
    by_id: dict[int, list[Row]] = {c["id"]: [] for c in claims}
    if by_id:
        params: dict[str, Any] = {}
        where = _ids_where("e.claim_id", list(by_id), params)
        if kinds:
            where += f" AND e.kind IN ({_in_list('kind', kinds, params)})"
        if noted:
            where += f" AND {_NOTED}"
        if effective:
            where += f" AND {EFFECTIVE}"
        owner, skip = (1, 0) if full else (0, 1)
        for values in db.values(f"SELECT {columns} FROM event e WHERE {where} ORDER BY e.claim_id, e.at, e.id", params):
            if values[owner] in by_id:  # a range may hold claims that are not ours
                by_id[values[owner]].append(dict(zip(names, values[skip:], strict=True)))
    for claim in claims:
        claim["events"] = by_id[claim["id"]]
    return claims


def events(
    db: Database, claim_id: int, until: str | None = None, effective: bool = False, every: bool = False
) -> list[Row]:
    """A claim's timeline, oldest first (by when each change happened), up to ``until``; only
    its effective history (``EFFECTIVE``) if ``effective``; ``every``: with every column of the
    table (``event_columns``), as a backup holds them."""
    params: dict[str, Any] = {"id": claim_id}
    where = "e.claim_id = :id" + (f" AND {EFFECTIVE}" if effective else "")
    if until:  # the claim existed by then (said_on), so its creation is part of the story
        params["until"] = until
        where += " AND (e.at <= :until OR e.kind = 'created')"
    first = "CASE WHEN e.kind = 'created' THEN 0 ELSE 1 END"  # back-dated changes come after it
    columns = ", ".join(f"e.{c}" for c in event_columns(db)) if every else EVENT_COLUMNS
    return db.query(f"SELECT {columns} FROM event e WHERE {where} ORDER BY {first}, e.at, e.id", params)


def log(db: Database, claim_id: int | None, since: str | None, limit: int | None, by: str | None = None) -> list[Row]:
    """Changes across all claims (or one; only those ``by`` an author), newest first, each with its
    claim's current text and the journal change that wrote it (``change_ids``)."""
    params: dict[str, Any] = {}
    where = ["1 = 1"]
    if by is not None:
        params["by"] = by
        # ``unknown`` is also how the By column shows an event that records no author (the seed's, or
        # one written before migration 10): it finds those too.
        where.append("(e.author = :by OR e.author IS NULL)" if by == "unknown" else "e.author = :by")
    if claim_id is not None:
        params["id"] = claim_id
        where.append("e.claim_id = :id")
    if since:
        params["since"] = since
        where.append("e.at >= :since")
    sql = (
        f"SELECT {EVENT_COLUMNS}, c.text AS claim_text FROM event e JOIN claim c ON c.id = e.claim_id "
        f"WHERE {' AND '.join(where)} ORDER BY e.at DESC, e.id DESC"
    )
    if limit is not None:
        params["limit"] = limit
        sql += " LIMIT :limit"
    return change_ids(db, db.query(sql, params))


def authors(db: Database) -> list[str]:
    """The authors the events name, sorted (events written before migration 10 name none)."""
    return [r["author"] for r in db.query("SELECT DISTINCT author FROM event WHERE author IS NOT NULL ORDER BY author")]


def change_ids(db: Database, rows: list[Row]) -> list[Row]:
    """Add to each event row the id of the undo-journal change that wrote it (``change_id``: what
    ``undo --change`` takes; None for an event written before the journal, migration 4). Only the
    journal rows whose ranges reach the events' ids are read."""
    ids = [r["id"] for r in rows]
    spans: list[Row] = []
    if ids:
        spans = db.query(
            "SELECT id, first_event, last_event FROM change_log "
            "WHERE first_event IS NOT NULL AND last_event >= :lo AND first_event <= :hi ORDER BY first_event",
            {"lo": min(ids), "hi": max(ids)},
        )
    starts = [s["first_event"] for s in spans]
    for row in rows:
        at = bisect.bisect_right(starts, row["id"]) - 1
        row["change_id"] = spans[at]["id"] if at >= 0 and spans[at]["last_event"] >= row["id"] else None
    return rows


def change_reach(db: Database, change_id: int) -> tuple[list[int], int]:
    """The claims a journalled change wrote events for (at most two: one, or "several") and how many events."""
    row = db.query_one("SELECT first_event, last_event FROM change_log WHERE id = :id", {"id": change_id})
    if row is None or row["first_event"] is None:
        return [], 0
    span = {"a": row["first_event"], "b": row["last_event"]}
    claims = [
        r["claim_id"] for r in db.query("SELECT DISTINCT claim_id FROM event WHERE id BETWEEN :a AND :b LIMIT 2", span)
    ]
    return claims, int(row["last_event"]) - int(row["first_event"]) + 1
