"""``db check``: is this database whole, and is its history the truth about its claims?

A claimtrack database promises more than SQLite's integrity check can see: the schema objects
that enforce its rules (the append-only triggers, the search index and the triggers that keep it
in step, the indexes that keep commands fast) must all be there and unchanged, every claim must
have the ``created`` event that starts its history, every claim row must be what its history
says, and every row of the undo journal must be one claimtrack could have written. Anyone with the
file (or the server) can break these behind claimtrack's back, so the check looks at each one and
reports every finding as one line; any finding fails the check.

How a claim *replays* from its history (one pass over the claims, their tags and their events,
each read in claim order side by side): its ``created`` event holds what it was created with
(``claimtrack.history``); each field's events then lead it from there to one value, which must be
the row's. Sources are compared by name, respelled by every rename since the event (renames
write no claim event; the journal records them). Status keeps its own message: each ``status``
event, in ``(at, id)`` order, moves the claim from ``old`` to ``new``, and a break in that chain
names the event. A created event recording nothing (written before migration 8 filled them)
is a finding of its own; then the status is replayed from the ``old`` of the first status event.

Everything is read inside the caller's read transaction (``Database.check`` opens it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from claimtrack.history import Inconsistent, chain_end, differences, parse_state, row_confidence
from claimtrack.store import idroom, migrations
from claimtrack.store.journal import row_problem
from claimtrack.store.renames import Renames
from claimtrack.store.migrations import CHANGE_TABLE
from claimtrack.textkeys import name_key
from claimtrack.textsafe import terminal

if TYPE_CHECKING:
    from claimtrack.store.database import Database, Row

TABLES = ("source", "claim", "tag", "event")
FTS_TABLES = {"claim_fts": "claim", "source_fts": "source"}  # SQLite's search indexes and their content tables
MAX_LINES = 20  # findings of one kind listed one by one; the rest are counted

# What the migrations create on PostgreSQL (SQLite's list is read from a freshly migrated database).
PG_TABLES = ("source", "claim", "tag", "claim_tag", "event", migrations.VERSION_TABLE, migrations.CHANGE_TABLE,
             migrations.FEED_TABLE)
PG_INDEXES = (
    "ix_claim_source", "ix_claim_status", "ix_claim_said_on", "ix_claim_updated", "ix_claim_confidence",
    "ix_claim_tag_tag", "ix_event_claim", "ix_event_at", "ix_claim_search", "ix_claim_text_key", "ix_claim_deleted",
    "ix_event_reverses",
)
PG_TRIGGERS = (
    ("event", "event_append_only"), ("claim", "claim_search"), ("source", "source_search"),
    *((table, f"{table}_no_truncate") for table in migrations.GUARDED_TABLES),
    (migrations.CHANGE_TABLE, "change_log_append_only"), (migrations.CHANGE_TABLE, f"{migrations.CHANGE_TABLE}_no_truncate"),
)


def check(db: Database, search_index: list[str] | None = None) -> dict[str, Any]:
    """The ``db check`` report: counts, SQLite's own checks, and ``findings`` (one line each).

    ``search_index``: what ``search_index_in_step`` found, in its own transaction (None: not run)."""
    report: dict[str, Any] = {"target": str(db.target), "schema_version": db.schema_version}
    findings: list[str] = list(search_index or [])
    if db.dialect == "sqlite":  # FTS5's integrity-check (rank 1) of each search index against its table
        report["search_index"] = ("not compared with the rows (FTS5's check needs a write transaction of its own)"
                                  if search_index is None else "out of step" if search_index else "ok")
    if db.dialect == "sqlite":
        problems = [r["integrity_check"] for r in db.query("PRAGMA integrity_check")]
        problems = [p for p in problems if p != "ok"]
        orphans = db.query("PRAGMA foreign_key_check")
        report["journal_mode"] = db.query_one("PRAGMA journal_mode")["journal_mode"]  # type: ignore[index]
        report["integrity"] = "ok" if not problems else "; ".join(problems[:10])
        report["foreign_keys"] = "ok" if not orphans else f"{len(orphans)} broken reference(s)"
    present = _tables(db)
    for table in TABLES:  # a dropped table is counted as None and reported below
        row = db.query_one(f"SELECT count(*) AS n FROM {table}") if table in present else None
        report[f"{table}s"] = int(row["n"]) if row else None
    schema = _sqlite_schema(db) if db.dialect == "sqlite" else _server_schema(db) if db.dialect == "postgresql" else []
    findings += schema
    findings += idroom.findings(db.query, db.dialect)
    if {"claim", "event"} <= present:
        findings += _created_events(db)
        findings += _replays(db)
        findings += _deletions(db)
        findings += _search_index(db)
    if CHANGE_TABLE in present and "event" in present:
        findings += _journal(db)
    report["findings"] = findings
    report["ok"] = report.get("integrity", "ok") == "ok" and report.get("foreign_keys", "ok") == "ok" and not findings
    return report


# ---- schema objects ----------------------------------------------------------------------------


def _tables(db: Database) -> set[str]:
    if db.dialect == "sqlite":
        return {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {r["name"] for r in db.query(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")}


@functools.cache
def _expected_sqlite_schema() -> dict[tuple[str, str], tuple[str, str]]:
    """{(type, name): (table, sql)} of a database created today by every migration."""
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            migrations.create_version_table(conn)
            for migration in migrations.MIGRATIONS:
                migration(conn)
            rows = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master").all()
    finally:
        engine.dispose()
    return {(t, n): (tbl, _normal(sql)) for t, n, tbl, sql in rows}


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _sqlite_schema(db: Database) -> list[str]:
    """Each table, index, trigger (and the FTS table) the migrations create: missing or altered."""
    expected = _expected_sqlite_schema()
    actual = {(r["type"], r["name"]): (r["tbl_name"], _normal(r["sql"]))
              for r in db.query("SELECT type, name, tbl_name, sql FROM sqlite_master")}
    findings = []
    for (kind, name), (table, sql) in sorted(expected.items()):
        if (kind, name) not in actual:
            fts = name.rsplit("_", 1)[0]
            if kind == "table" and fts in FTS_TABLES and ("table", fts) not in actual:
                continue  # FTS5's own shadow tables: reported once, as the missing claim_fts
            what = "full-text search table" if name in FTS_TABLES else kind
            findings.append(f"missing {what} {name} (on {table})" if kind in ("index", "trigger") else f"missing {what} {name}")
        elif actual[(kind, name)][1] != sql:
            findings.append(f"{kind} {name} differs from the one claimtrack created")
    claimtrack_tables = {table for (table, _) in expected.values()}
    for (kind, name), (table, _) in sorted(actual.items()):
        if kind == "trigger" and (kind, name) not in expected and table in claimtrack_tables:
            findings.append(f"trigger {name} on {table} was not created by claimtrack")
    return findings


def _server_schema(db: Database) -> list[str]:
    """The tables, indexes and triggers the migrations create on PostgreSQL, and enabled."""
    findings = []
    tables = _tables(db)
    findings += [f"missing table {t}" for t in PG_TABLES if t not in tables]
    indexes = {r["name"] for r in db.query(
        "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()")}
    findings += [f"missing index {i}" for i in PG_INDEXES if i not in indexes]
    triggers = {(r["tbl"], r["name"]): r["enabled"] for r in db.query(
        "SELECT c.relname AS tbl, t.tgname AS name, t.tgenabled AS enabled FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT t.tgisinternal AND n.nspname = current_schema()")}
    for table, name in PG_TRIGGERS:
        if (table, name) not in triggers:
            findings.append(f"missing trigger {name} (on {table})")
        elif triggers[(table, name)] == "D":
            findings.append(f"trigger {name} on {table} is disabled")
    if "claim" in tables and not db.query(
        "SELECT 1 AS one FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'claim' AND column_name = 'search_vector'"
    ):
        findings.append("missing column claim.search_vector (the full-text search index)")
    return findings


# ---- history -----------------------------------------------------------------------------------


def _listed(lines: list[str], what: str) -> list[str]:
    """At most MAX_LINES findings of one kind, then how many more there were."""
    if len(lines) <= MAX_LINES:
        return lines
    return [*lines[:MAX_LINES], f"... and {len(lines) - MAX_LINES} more {what}"]


def _created_events(db: Database) -> list[str]:
    rows = db.iterate(
        "SELECT c.id FROM claim c WHERE NOT EXISTS "
        "(SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created') ORDER BY c.id"
    )
    lines = [f"claim {r['id']} has no 'created' event: the start of its history is missing" for r in rows]
    return _listed(lines, "claims without a 'created' event")


def _histories(db: Database) -> Iterator[tuple[Row, list[str], list[Row]]]:
    """Each claim (id order) with its tags and its events other than notes (id order): three
    streams read side by side, one pass each, no query per claim."""
    events = db.iterate(
        "SELECT e.id, e.claim_id, e.kind, e.field, e.at, e.old, e.new FROM event e "
        "WHERE e.kind <> 'note' ORDER BY e.claim_id"
    )
    tags = db.iterate("SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id ORDER BY ct.claim_id")
    pending, tag = next(events, None), next(tags, None)
    for claim in db.iterate(
        "SELECT c.id, c.text, c.quote, c.url, c.said_on, c.review_by, c.status, c.confidence, c.confidence_phrase, "
        "s.name AS source FROM claim c LEFT JOIN source s ON s.id = c.source_id ORDER BY c.id"
    ):
        history, names = [], []
        while pending is not None and pending["claim_id"] <= claim["id"]:
            if pending["claim_id"] == claim["id"]:
                history.append(pending)
            pending = next(events, None)
        while tag is not None and tag["claim_id"] <= claim["id"]:
            if tag["claim_id"] == claim["id"]:
                names.append(tag["name"])
            tag = next(tags, None)
        history.sort(key=lambda e: e["id"])
        yield claim, names, history


def replay_problem(status: str, history: list[Row], born: str | None = None) -> str | None:
    """Why a claim's ``status`` does not follow from its status events (None: it does).

    ``history``: its status events; ``born``: the status its created event records (None: not
    recorded, so the rule in the module docstring applies). The events are replayed in ``(at,
    id)`` order, the order status changes must be recorded in; a history that replays only in the
    order the events were written (a change recorded again at its own time after an undo) or
    whose steps balance (see ``claimtrack.history``) is accepted too.
    """
    ordered = sorted(history, key=lambda e: (e["at"], e["id"]))
    if born is not None:
        current = born
    elif ordered:
        current = ordered[0]["old"]
    else:
        return None  # born in its current status
    problem = _status_chain(current, ordered, status)
    if problem is not None:
        written = sorted(history, key=lambda e: e["id"])
        if _status_chain(current, written, status) is None:
            return None
        try:
            if chain_end(current, [(e["old"], e["new"]) for e in history]) == status:
                return None
        except Inconsistent:
            pass
    return problem


def _status_chain(current: str, ordered: list[Row], status: str) -> str | None:
    """Every break in the chain of status events, in one line (None: it chains to ``status``)."""
    breaks = []
    for event in ordered:
        if event["old"] != current:
            breaks.append(f"status event {event['id']} moves it from {event['old']!r}, but its history had it "
                          f"{current!r} then (an event is missing)")
        current = event["new"]
    if current != status:
        breaks.append(f"its status is {status!r} but its history ends at {current!r} (changed without an event)")
    return "; ".join(breaks) or None


def _replays(db: Database) -> list[str]:
    """Every claim row against the replay of its history: its created state, then every event."""
    lines: list[str] = []
    rename = Renames(db, _tables(db))
    for claim, tags, history in _histories(db):
        created = [e for e in history if e["kind"] == "created"]
        state: dict[str, Any] | None = None
        if len(created) == 1:
            try:
                state = parse_state(created[0]["new"])
            except ValueError as exc:
                lines.append(f"claim {claim['id']}: its created event (event {created[0]['id']}) is damaged: {exc}")
        elif len(created) > 1:
            lines.append(f"claim {claim['id']} has {len(created)} 'created' events: its history has one start")
        statuses = [e for e in history if e["kind"] == "status"]
        problem = replay_problem(claim["status"], statuses, state["status"] if state else None)
        if problem:
            lines.append(f"claim {claim['id']}: {problem}")
        if state is None:
            continue
        current = {
            "text": claim["text"], "quote": claim["quote"], "url": claim["url"], "said_on": claim["said_on"],
            "review_by": claim["review_by"], "status": claim["status"],
            "source": name_key(claim["source"]) if claim["source"] is not None else None,
            "confidence": row_confidence(claim["confidence"], claim["confidence_phrase"]), "tags": tags,
        }
        rename.created = int(created[0]["id"])
        for found in differences(state, current, history, rename, frozenset({"status"}), created[0]):
            lines.append(f"claim {claim['id']}: {found}")
    return _listed(lines, "claims whose row does not replay from their history")


def _deletions(db: Database) -> list[str]:
    """Each claim is deleted exactly when its last ``deleted`` event says so."""
    rows = db.query(
        "SELECT c.id, c.deleted_at, (SELECT e.new FROM event e WHERE e.claim_id = c.id AND e.kind = 'edit' "
        "AND e.field = 'deleted' ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last FROM claim c "
        "WHERE c.deleted_at IS NOT NULL OR EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id "
        "AND e.kind = 'edit' AND e.field = 'deleted') ORDER BY c.id"
    )
    lines = [f"claim {r['id']}: {'deleted' if r['deleted_at'] else 'live'}, but its history says "
             f"{'deleted' if r['last'] else 'live'} (changed without an event)"
             for r in rows if (r["deleted_at"] is not None) != (r["last"] is not None)]
    return _listed(lines, "claims deleted or live against their history")


def _journal(db: Database) -> list[str]:
    """Every row of the undo journal, as ``undo`` checks the one it takes back (``store.journal``)."""
    rows = db.query(
        f"SELECT c.id, c.command, c.first_event, c.last_event, c.undoes, c.detail, "
        f"(SELECT count(*) FROM event e WHERE e.id BETWEEN c.first_event AND c.last_event) AS n, "
        f"(SELECT count(*) FROM event e WHERE e.id = c.last_event) AS last_n "
        f"FROM {CHANGE_TABLE} c ORDER BY c.id"
    )
    by_id = {r["id"]: r for r in rows}
    overlaps: dict[int, int] = {}
    ranged = sorted((r for r in rows if r["first_event"] is not None and r["last_event"] is not None),
                    key=lambda r: (r["first_event"], r["id"]))
    reach: Row | None = None  # the row reaching furthest so far
    for r in ranged:
        if reach is not None and r["first_event"] <= reach["last_event"]:
            overlaps[r["id"]] = reach["id"]
            overlaps.setdefault(reach["id"], r["id"])
        if reach is None or r["last_event"] > reach["last_event"]:
            reach = r
    lines = []
    for r in rows:
        problem = row_problem(r, int(r["n"] or 0), bool(r["last_n"]), overlaps.get(r["id"]), by_id.get(r["undoes"]))
        if problem:
            lines.append(f"undo journal row {r['id']} ({terminal(r['command'])}) is damaged: {problem}")
    return _listed(lines, "damaged rows in the undo journal")


# ---- search index ------------------------------------------------------------------------------


def _search_index(db: Database) -> list[str]:
    """Every claim (and, on SQLite, source) in the search index, and no others."""
    if db.dialect == "postgresql":
        document = "c.text || ' ' || coalesce(c.quote, '') || ' ' || coalesce(s.name, '')"
        if db.schema_version >= 9 and (db.query_one(migrations.PG_NORMALIZES) or {}).get("ok"):
            document = f"normalize({document}, NFC)"  # as migration 9 builds it
        rows = db.query(
            "SELECT c.id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.search_vector IS NULL "
            f"OR c.search_vector IS DISTINCT FROM to_tsvector('simple', {document}) ORDER BY c.id"
        ) if _has_column(db, "claim", "search_vector") else []
        lines = [f"claim {r['id']} is out of step with the search index" for r in rows]
        return _listed(lines, "claims out of step with the search index")
    if db.dialect != "sqlite":
        return []
    lines = []
    present = _tables(db)
    for fts, content in FTS_TABLES.items():
        if f"{fts}_docsize" not in present:
            continue  # a missing index is a schema finding already
        # FTS5 keeps one row per indexed document in its docsize shadow table: a plain table, so
        # which rows are missing or left over can be read in this snapshot (what the index holds
        # for each row is FTS5's own integrity-check, see ``search_index_in_step``).
        missing = db.query(f"SELECT t.id FROM {content} t WHERE NOT EXISTS "
                           f"(SELECT 1 FROM {fts}_docsize d WHERE d.id = t.id) ORDER BY t.id")
        stale = db.query(f"SELECT d.id FROM {fts}_docsize d WHERE NOT EXISTS "
                         f"(SELECT 1 FROM {content} t WHERE t.id = d.id) ORDER BY d.id")
        lines += [f"{content} {r['id']} is missing from the search index" for r in missing]
        lines += [f"the search index holds {content} {r['id']}, which does not exist" for r in stale]
    return _listed(lines, "search index problems")


def search_index_in_step(db: Database) -> list[str] | None:
    """FTS5's integrity-check of each search index against its table: findings, or None if not run.

    For an external-content index only the check with rank 1 compares what the index holds with
    the rows (the default checks the index's own structure). FTS5 runs it as an INSERT, so it needs
    a write transaction: it is run in one of its own (it writes nothing) before the read snapshot
    of the other checks, and not at all on a database opened read-only.
    """
    if db.dialect != "sqlite" or db.read_only is not None:
        return None
    import sqlite3

    findings = []
    with db.writing() as w:
        present = {r["name"] for r in w.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for fts, content in FTS_TABLES.items():
            if fts not in present:
                continue  # a schema finding
            try:
                w.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
            except Exception as exc:  # SQLITE_CORRUPT_VTAB: "database disk image is malformed"
                cause = getattr(exc, "orig", exc)  # the SQLAlchemy write driver wraps the sqlite3 error
                if not isinstance(cause, sqlite3.DatabaseError):
                    raise
                why = "" if "malformed" in str(cause) else f" ({cause})"
                findings.append(f"the search index {fts} is out of step with the {content} table{why}: FTS5's "
                                f"integrity-check failed; rebuild it: INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    return findings


def _has_column(db: Database, table: str, column: str) -> bool:
    return bool(db.query(
        "SELECT 1 AS one FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = :table AND column_name = :column", {"table": table, "column": column}))
