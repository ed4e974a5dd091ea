"""``db check``: is this database whole, and is its history the truth about its claims?

A claimtrack database promises more than SQLite's integrity check can see: the schema objects
that enforce its rules (the append-only triggers, the search index and the triggers that keep it
in step, the indexes that keep commands fast) must all be there and unchanged, every claim must
have the ``created`` event that starts its history, and every claim's status must be what its
history says. Anyone with the file (or the server) can break these behind claimtrack's back, so
the check looks at each one and reports every finding as one line; any finding fails the check.

How a status *replays* from the history: a claim starts in its creation status, then each
``status`` event, in ``(at, id)`` order, moves it from ``old`` to ``new``. The ``created`` event
does not record the creation status, so it is taken to be the ``old`` of the claim's first status
event, or, for a claim with no status events, its current status (a claim recorded, or imported,
already confirmed or refuted is legitimately born resolved). A status event whose ``old`` is not
the status the claim had at that point, or a last ``new`` that is not the claim's current status,
means an event was lost or the claim was changed without one.

Everything is read inside the caller's read transaction (``Database.check`` opens it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from claimtrack.store import idroom, migrations

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


def _status_histories(db: Database) -> Iterator[tuple[Row, list[Row]]]:
    """Each claim (id order) with its status events, merged from two streams (no per-claim query)."""
    events = db.iterate(
        "SELECT e.id, e.claim_id, e.kind, e.field, e.at, e.old, e.new FROM event e "
        "WHERE e.kind = 'status' OR (e.kind = 'created' AND e.field = 'status') ORDER BY e.claim_id"
    )
    pending = next(events, None)
    for claim in db.iterate("SELECT c.id, c.status FROM claim c ORDER BY c.id"):
        history = []
        while pending is not None and pending["claim_id"] <= claim["id"]:
            if pending["claim_id"] == claim["id"]:
                history.append(pending)
            pending = next(events, None)
        history.sort(key=lambda e: (e["kind"] != "created", e["at"], e["id"]))
        yield claim, history


def replay_problem(status: str, history: list[Row]) -> str | None:
    """Why a claim's ``status`` does not follow from its status events (None: it does).

    ``history``: its status events in ``(at, id)`` order, after its ``created`` event if that
    records the creation status (``field = 'status'``, ``new``: the status; claimtrack may record
    it so; when it does not, the rule in the module docstring applies).
    """
    if history and history[0]["kind"] == "created":
        current, history = history[0]["new"], history[1:]
    elif history:
        current = history[0]["old"]
    else:
        return None  # born in its current status
    for event in history:
        if event["old"] != current:
            return (f"status event {event['id']} moves it from {event['old']!r}, but its history had it "
                    f"{current!r} then (an event is missing)")
        current = event["new"]
    if current != status:
        return f"its status is {status!r} but its history ends at {current!r} (changed without an event)"
    return None


def _replays(db: Database) -> list[str]:
    lines = []
    for claim, history in _status_histories(db):
        problem = replay_problem(claim["status"], history)
        if problem:
            lines.append(f"claim {claim['id']}: {problem}")
    return _listed(lines, "claims whose status does not replay from their history")


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


# ---- search index ------------------------------------------------------------------------------


def _search_index(db: Database) -> list[str]:
    """Every claim (and, on SQLite, source) in the search index, and no others."""
    if db.dialect == "postgresql":
        rows = db.query(
            "SELECT c.id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.search_vector IS NULL "
            "OR c.search_vector IS DISTINCT FROM to_tsvector('simple', c.text || ' ' || coalesce(c.quote, '') "
            "|| ' ' || coalesce(s.name, '')) ORDER BY c.id"
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
