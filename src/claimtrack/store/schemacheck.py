"""``db check``'s look at the schema: are the objects claimtrack created all there, unchanged,
and is the search index in step with the rows?

The rules of a claimtrack database are enforced by schema objects: the append-only triggers, the
search index and the triggers that keep it in step, the indexes that keep commands fast. Anyone
with the file (or the server) can drop or alter them behind claimtrack's back; each one missing,
altered or disabled is a finding (one line). On SQLite the expected schema is read from a
database migrated in memory today; on PostgreSQL it is the list below.
"""

from __future__ import annotations

import functools

from claimtrack.store import migrations
from claimtrack.store.handle import Handle

FTS_TABLES = {"claim_fts": "claim", "source_fts": "source"}  # SQLite's search indexes and their content tables
MAX_LINES = 20  # findings of one kind listed one by one; the rest are counted

# What the migrations create on PostgreSQL (SQLite's list is read from a freshly migrated database).
PG_TABLES = (
    "source",
    "claim",
    "tag",
    "claim_tag",
    "event",
    migrations.VERSION_TABLE,
    migrations.CHANGE_TABLE,
    migrations.FEED_TABLE,
    migrations.VECTOR_TABLE,
)
PG_INDEXES = (
    "ix_claim_source",
    "ix_claim_status",
    "ix_claim_said_on",
    "ix_claim_updated",
    "ix_claim_confidence",
    "ix_claim_tag_tag",
    "ix_event_claim",
    "ix_event_at_id",  # m012: (at, id); SQLite keeps ix_event_at (at), whose entries hold the id
    "ix_claim_search",
    "ix_claim_text_key",
    "ix_claim_deleted",
    "ix_event_reverses",
)
PG_TRIGGERS = (
    ("event", "event_append_only"),
    ("claim", "claim_search"),
    ("source", "source_search"),
    *((table, f"{table}_no_truncate") for table in migrations.GUARDED_TABLES),
    (migrations.CHANGE_TABLE, "change_log_append_only"),
    (migrations.CHANGE_TABLE, f"{migrations.CHANGE_TABLE}_no_truncate"),
)


def listed(lines: list[str], what: str) -> list[str]:
    """At most MAX_LINES findings of one kind, then how many more there were."""
    if len(lines) <= MAX_LINES:
        return lines
    return [*lines[:MAX_LINES], f"... and {len(lines) - MAX_LINES} more {what}"]


# ---- schema objects ----------------------------------------------------------------------------


def table_names(db: Handle) -> set[str]:
    if db.dialect == "sqlite":
        return {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        r["name"]
        for r in db.query(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    }


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


def sqlite_schema(db: Handle) -> list[str]:
    """Each table, index, trigger (and the FTS table) the migrations create: missing or altered."""
    expected = _expected_sqlite_schema()
    actual = {
        (r["type"], r["name"]): (r["tbl_name"], _normal(r["sql"]))
        for r in db.query("SELECT type, name, tbl_name, sql FROM sqlite_master")
    }
    findings = []
    for (kind, name), (table, sql) in sorted(expected.items()):
        if (kind, name) not in actual:
            fts = name.rsplit("_", 1)[0]
            if kind == "table" and fts in FTS_TABLES and ("table", fts) not in actual:
                continue  # FTS5's own shadow tables: reported once, as the missing claim_fts
            what = "full-text search table" if name in FTS_TABLES else kind
            findings.append(
                f"missing {what} {name} (on {table})" if kind in ("index", "trigger") else f"missing {what} {name}"
            )
        elif actual[(kind, name)][1] != sql:
            findings.append(f"{kind} {name} differs from the one claimtrack created")
    claimtrack_tables = {table for (table, _) in expected.values()}
    for (kind, name), (table, _) in sorted(actual.items()):
        if kind == "trigger" and (kind, name) not in expected and table in claimtrack_tables:
            findings.append(f"trigger {name} on {table} was not created by claimtrack")
    return findings


def server_schema(db: Handle) -> list[str]:
    """The tables, indexes and triggers the migrations create on PostgreSQL, and enabled."""
    findings = []
    tables = table_names(db)
    findings += [f"missing table {t}" for t in PG_TABLES if t not in tables]
    indexes = {
        r["name"] for r in db.query("SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()")
    }
    findings += [f"missing index {i}" for i in PG_INDEXES if i not in indexes]
    triggers = {
        (r["tbl"], r["name"]): r["enabled"]
        for r in db.query(
            "SELECT c.relname AS tbl, t.tgname AS name, t.tgenabled AS enabled FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND n.nspname = current_schema()"
        )
    }
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


# ---- search index ------------------------------------------------------------------------------


def search_index(db: Handle) -> list[str]:
    """Every claim (and, on SQLite, source) in the search index, and no others."""
    if db.dialect == "postgresql":
        document = "c.text || ' ' || coalesce(c.quote, '') || ' ' || coalesce(s.name, '')"
        if db.schema_version >= 9 and (db.query_one(migrations.PG_NORMALIZES) or {}).get("ok"):
            document = f"normalize({document}, NFC)"  # as migration 9 builds it
        rows = (
            db.query(
                "SELECT c.id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.search_vector IS NULL "
                f"OR c.search_vector IS DISTINCT FROM to_tsvector('simple', {document}) ORDER BY c.id"
            )
            if _has_column(db, "claim", "search_vector")
            else []
        )
        lines = [f"claim {r['id']} is out of step with the search index" for r in rows]
        return listed(lines, "claims out of step with the search index")
    if db.dialect != "sqlite":
        return []
    lines = []
    present = table_names(db)
    for fts, content in FTS_TABLES.items():
        if f"{fts}_docsize" not in present:
            continue  # a missing index is a schema finding already
        # FTS5 keeps one row per indexed document in its docsize shadow table: a plain table, so
        # which rows are missing or left over can be read in this snapshot (what the index holds
        # for each row is FTS5's own integrity-check, see ``search_index_in_step``).
        missing = db.query(
            f"SELECT t.id FROM {content} t WHERE NOT EXISTS "
            f"(SELECT 1 FROM {fts}_docsize d WHERE d.id = t.id) ORDER BY t.id"
        )
        stale = db.query(
            f"SELECT d.id FROM {fts}_docsize d WHERE NOT EXISTS "
            f"(SELECT 1 FROM {content} t WHERE t.id = d.id) ORDER BY d.id"
        )
        lines += [f"{content} {r['id']} is missing from the search index" for r in missing]
        lines += [f"the search index holds {content} {r['id']}, which does not exist" for r in stale]
    return listed(lines, "search index problems")


def search_index_in_step(db: Handle) -> list[str] | None:
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
                findings.append(
                    f"the search index {fts} is out of step with the {content} table{why}: FTS5's "
                    f"integrity-check failed; rebuild it: INSERT INTO {fts} ({fts}) VALUES ('rebuild')"
                )
    return findings


def _has_column(db: Handle, table: str, column: str) -> bool:
    return bool(
        db.query(
            "SELECT 1 AS one FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = :table AND column_name = :column",
            {"table": table, "column": column},
        )
    )
