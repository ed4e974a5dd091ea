"""Opening a database made by the first schema version upgrades it in place, without loss.

The SQL below is the schema exactly as version 1 (``m001_initial``) wrote it for SQLite, frozen
here as text: migrations are history, and this is what users' old files contain. A version-1
file is built from it with the standard library's ``sqlite3`` and filled by hand; then real
``claimtrack`` processes open it. Every migration must be recorded once (even when two processes
open the old file at the same moment), every old row must be intact, and full-text search
(added by migration 2) must find the claims that were there before it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

import forkserver
from claimtrack.store import migrations

pytestmark = pytest.mark.sqlite_only  # tests SQLite itself: skipped when the suite runs on PostgreSQL

V1_SCHEMA = """
CREATE TABLE claimtrack_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);

CREATE TABLE source (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('person', 'outlet', 'organisation', 'government', 'other')),
            reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
            url TEXT,
            notes TEXT,
            created_at TEXT NOT NULL
        );
CREATE TABLE claim (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
            quote TEXT,
            source_id BIGINT NOT NULL REFERENCES source (id),
            url TEXT,
            said_on TEXT,
            status TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'confirmed', 'refuted', 'disputed')),
            confidence REAL CHECK (confidence >= 0 AND confidence <= 1),
            confidence_phrase TEXT,
            review_by TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
CREATE TABLE tag (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE claim_tag (
            claim_id BIGINT NOT NULL REFERENCES claim (id),
            tag_id BIGINT NOT NULL REFERENCES tag (id),
            PRIMARY KEY (claim_id, tag_id)
        );
CREATE TABLE event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id BIGINT NOT NULL REFERENCES claim (id),
            at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'confidence', 'edit', 'note')),
            field TEXT,
            old TEXT,
            new TEXT,
            note TEXT,
            evidence_url TEXT
        );
CREATE INDEX ix_claim_source ON claim (source_id, id);
CREATE INDEX ix_claim_status ON claim (status, id);
CREATE INDEX ix_claim_said_on ON claim (said_on);
CREATE INDEX ix_claim_updated ON claim (updated_at);
CREATE INDEX ix_claim_confidence ON claim (confidence);
CREATE INDEX ix_claim_tag_tag ON claim_tag (tag_id, claim_id);
CREATE INDEX ix_event_claim ON event (claim_id, at);
CREATE INDEX ix_event_at ON event (at);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
               BEGIN SELECT RAISE(ABORT, 'claimtrack events are append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
               BEGIN SELECT RAISE(ABORT, 'claimtrack events are append-only'); END;

INSERT INTO claimtrack_migrations (version, name, applied_at) VALUES (1, 'm001_initial', '2024-05-01T09:00:00Z');
"""

V1_DATA = """
INSERT INTO source (id, name, name_key, kind, reliability, url, notes, created_at) VALUES
  (1, 'Andrei Lankov', 'andrei lankov', 'person', 'B', 'https://example.org/lankov', 'Kookmin University', '2024-05-01T09:00:00Z'),
  (2, 'The Bell', 'the bell', 'outlet', NULL, NULL, NULL, '2024-05-01T09:01:00Z'),
  (3, 'Kim Yo-Jong', 'kim yo-jong', 'government', 'F', NULL, NULL, '2024-05-01T09:02:00Z');
INSERT INTO claim (id, uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase,
                   review_by, created_at, updated_at) VALUES
  (1, '8d3c8f0e-3c1a-4a57-9a53-0c1f3b1e0001', 'North Korean workers will be sent to the Donetsk reconstruction sites.',
      'They will go, and soon.', 1, 'https://example.org/a', '2024-04-30', 'confirmed', 0.675, 'likely',
      '2024-09-01', '2024-05-01T09:10:00Z', '2024-06-19T10:00:00Z'),
  (2, '8d3c8f0e-3c1a-4a57-9a53-0c1f3b1e0002', 'Sanctions evasion through the café networks in Vladivostok is growing.',
      NULL, 2, NULL, NULL, 'unverified', 0.3, NULL, NULL, '2024-05-01T09:11:00Z', '2024-05-01T09:11:00Z'),
  (3, '8d3c8f0e-3c1a-4a57-9a53-0c1f3b1e0003', 'Pyongyang denies any deal on artillery shells.',
      NULL, 3, NULL, '2024-04-29', 'refuted', NULL, NULL, NULL, '2024-05-01T09:12:00Z', '2024-05-02T08:00:00Z'),
  (5, '8d3c8f0e-3c1a-4a57-9a53-0c1f3b1e0005', 'A zeppelin-shaped balloon crossed the border.',
      NULL, 2, NULL, NULL, 'disputed', 0.5, 'roughly even chance', NULL, '2024-05-01T09:13:00Z', '2024-05-03T08:00:00Z');
INSERT INTO tag (id, name) VALUES (1, 'north-korea'), (2, 'sanctions'), (3, 'russia');
INSERT INTO claim_tag (claim_id, tag_id) VALUES (1, 1), (1, 3), (2, 2), (2, 3), (3, 1);
INSERT INTO event (id, claim_id, at, recorded_at, kind, field, old, new, note, evidence_url) VALUES
  (1, 1, '2024-05-01T09:10:00Z', '2024-05-01T09:10:00Z', 'created', NULL, NULL, NULL, NULL, NULL),
  (2, 2, '2024-05-01T09:11:00Z', '2024-05-01T09:11:00Z', 'created', NULL, NULL, NULL, 'from the newsletter', NULL),
  (3, 3, '2024-05-01T09:12:00Z', '2024-05-01T09:12:00Z', 'created', NULL, NULL, NULL, NULL, NULL),
  (4, 5, '2024-05-01T09:13:00Z', '2024-05-01T09:13:00Z', 'created', NULL, NULL, NULL, NULL, NULL),
  (5, 3, '2024-05-02T00:00:00Z', '2024-05-02T08:00:00Z', 'status', 'status', 'unverified', 'refuted', 'KCNA statement', 'https://example.org/kcna'),
  (6, 5, '2024-05-03T08:00:00Z', '2024-05-03T08:00:00Z', 'status', 'status', 'unverified', 'disputed', NULL, NULL),
  (7, 1, '2024-06-19T00:00:00Z', '2024-06-19T10:00:00Z', 'status', 'status', 'unverified', 'confirmed', 'UN panel report', 'https://example.org/un'),
  (8, 1, '2024-06-19T10:00:00Z', '2024-06-19T10:00:00Z', 'note', NULL, NULL, NULL, 'Satellite images agree', NULL);
"""

V1_TABLES = ("source", "claim", "tag", "claim_tag", "event", "sqlite_sequence")


def build_v1(path: Path, journal_mode: str = "wal") -> None:
    """A version-1 database as claimtrack 1 left it (WAL; 'delete': a copy made without WAL)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        conn.executescript(V1_SCHEMA)
        conn.executescript(V1_DATA)
        conn.commit()
    finally:
        conn.close()


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of the version-1 tables, in version 1's columns (later migrations add columns)."""
    conn = sqlite3.connect(path)
    try:
        # Migration 8 fills each created event's ``new`` (what the claim was created with, NULL in
        # version 1: tests/test_record_integrity.py checks what it holds); every other value stays.
        columns = {
            t: ", ".join(
                "CASE WHEN kind = 'created' THEN NULL ELSE new END" if (t, c) == ("event", "new") else c
                for c in V1_COLUMNS[t]
            )
            for t in V1_TABLES
        }
        found = {t: conn.execute(f'SELECT {columns[t]} FROM "{t}" ORDER BY 1, 2').fetchall() for t in V1_TABLES}
        found["v1_record"] = conn.execute("SELECT * FROM claimtrack_migrations WHERE version = 1").fetchall()
        return found
    finally:
        conn.close()


V1_COLUMNS = {
    "source": ("id", "name", "name_key", "kind", "reliability", "url", "notes", "created_at"),
    "claim": (
        "id",
        "uuid",
        "text",
        "quote",
        "source_id",
        "url",
        "said_on",
        "status",
        "confidence",
        "confidence_phrase",
        "review_by",
        "created_at",
        "updated_at",
    ),
    "tag": ("id", "name"),
    "claim_tag": ("claim_id", "tag_id"),
    "event": ("id", "claim_id", "at", "recorded_at", "kind", "field", "old", "new", "note", "evidence_url"),
    "sqlite_sequence": ("name", "seq"),
}


def recorded_versions(path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version, name FROM claimtrack_migrations ORDER BY version, rowid").fetchall()
    finally:
        conn.close()


ALL_VERSIONS = [(n, m.__name__) for n, m in enumerate(migrations.MIGRATIONS, start=1)]


def claimtrack(*args: str) -> subprocess.CompletedProcess[str]:
    from conftest import run_process

    return run_process(*args)


def test_frozen_v1_sql_is_what_m001_writes(tmp_path: Path):
    """Guards this file's copy: m001 must still create exactly this schema (migrations never change)."""
    from sqlalchemy import create_engine

    frozen, fresh = tmp_path / "frozen.db", tmp_path / "fresh.db"
    build_v1(frozen)
    engine = create_engine(f"sqlite:///{fresh}")
    with engine.begin() as conn:
        migrations.create_version_table(conn)
        migrations.m001_initial(conn)
    engine.dispose()

    def schema(path: Path) -> list[tuple[str, str, str]]:
        conn = sqlite3.connect(path)
        try:
            return sorted(
                (t, n, " ".join(sql.split()))
                for t, n, sql in conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
            )
        finally:
            conn.close()

    assert schema(frozen) == schema(fresh)


def test_v1_database_is_upgraded_in_place_without_loss(db_path: Path):
    build_v1(db_path)
    before = rows(db_path)
    assert recorded_versions(db_path) == [(1, "m001_initial")]

    listed = claimtrack("list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    claims = {c["id"]: c for c in json.loads(listed.stdout)}
    assert sorted(claims) == [1, 2, 3, 5]
    assert claims[1]["source"] == "Andrei Lankov"
    assert claims[1]["tags"] == ["north-korea", "russia"]
    assert claims[1]["confidence"] == 0.675 and claims[1]["status"] == "confirmed"
    assert claims[3]["said_on"] == "2024-04-29" and claims[3]["confidence"] is None

    assert recorded_versions(db_path) == ALL_VERSIONS
    assert rows(db_path) == before, "a row of the version-1 tables changed during the upgrade"

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()

    # Full-text search finds claims that existed before the search index did.
    for query, want in [
        ("Donetsk", [1]),
        ("cafe", [2]),  # diacritics folded: the claim says "café"
        ("zeppelin", [5]),
        ("artill*", [3]),
        ('"North Korean workers"', [1]),
        ("Lankov", [1]),  # the source's name is searchable too
        ("Bell", [2, 5]),
    ]:
        found = claimtrack("list", "--search", query, "--format", "json")
        assert found.returncode == 0, found.stderr
        assert sorted(c["id"] for c in json.loads(found.stdout)) == want, query

    # The upgraded file keeps working for writes, and the index follows them.
    assert claimtrack("set", "2", "--text", "Sanctions evasion via Nakhodka is growing.").returncode == 0
    assert [c["id"] for c in json.loads(claimtrack("list", "--search", "Nakhodka", "--format", "json").stdout)] == [2]
    assert json.loads(claimtrack("list", "--search", "cafe", "--format", "json").stdout) == []

    # Claims from before duplicates were looked for are found as duplicates (migration 4 keyed them).
    again = claimtrack("add", "north korean workers will be sent to the DONETSK reconstruction sites", "--source", "X")
    assert again.returncode == 1 and "claim 1 already says this" in again.stderr
    # The journal starts with the upgrade: the set above can be undone, what came before cannot.
    assert "set claim 2" in claimtrack("undo").stderr
    assert "nothing to undo" in claimtrack("undo", "--dry-run").stderr


def test_the_upgrade_is_a_no_op_the_second_time(db_path: Path):
    build_v1(db_path)
    assert claimtrack("list", "--format", "json").returncode == 0
    after_first = rows(db_path)
    again = claimtrack("list", "--format", "json")
    assert again.returncode == 0, again.stderr
    assert recorded_versions(db_path) == ALL_VERSIONS
    assert rows(db_path) == after_first


@pytest.mark.slow
@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_two_processes_upgrading_at_once_record_each_version_once(db_path: Path, journal_mode: str):
    env = {**os.environ}
    for attempt in range(3):
        if attempt:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        build_v1(db_path, journal_mode)
        before = rows(db_path)
        procs = [
            forkserver.popen(
                ["list", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
            )
            for _ in range(2)
        ]
        outputs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outputs, strict=True):
            assert p.returncode == 0, f"attempt {attempt}: exit {p.returncode}: {err}"
            assert sorted(c["id"] for c in json.loads(out)) == [1, 2, 3, 5]
        assert recorded_versions(db_path) == ALL_VERSIONS
        assert rows(db_path) == before
        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("SELECT count(*) FROM claim_fts_docsize").fetchone()[0] == 4
        finally:
            conn.close()


def build_v4(path: Path) -> None:
    """A version-4 database (standalone ``claim_fts`` of m002) holding the version-1 claims, written
    through version 4's own triggers, with a source renamed and a claim edited after they were indexed."""
    from sqlalchemy import create_engine

    from claimtrack.textsafe import claim_key

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrations.create_version_table(conn)
        for number, migration in enumerate(migrations.MIGRATIONS[:4], start=1):
            migration(conn)
            conn.exec_driver_sql(
                f"INSERT INTO {migrations.VERSION_TABLE} VALUES (?, ?, '2024-05-01T09:00:00Z')",
                (number, migration.__name__),
            )
    engine.dispose()
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_DATA)
        for cid, text in conn.execute("SELECT id, text FROM claim").fetchall():
            conn.execute("UPDATE claim SET text_key = ? WHERE id = ?", (claim_key(text), cid))
        conn.execute("UPDATE source SET name = 'Kim Yo Jong, KCNA' WHERE id = 3")
        conn.execute("UPDATE claim SET quote = 'Shells? None were sold.' WHERE id = 3")
        conn.commit()
    finally:
        conn.close()


V4_SEARCHES = [
    "Donetsk",
    "cafe",
    "zeppelin",
    "artill*",
    '"North Korean workers"',
    "Lankov",
    "Bell",
    "KCNA",
    "shells",
    "sold",
    "Lankov workers",
    "bell balloon",
    "kim deal",
    '"yo jong" shells',
    "nothing",
]


def test_v4_database_moves_to_the_external_content_index_and_searches_the_same(db_path: Path):
    from claimtrack.store.search import fts_query

    build_v4(db_path)
    before = rows(db_path)
    conn = sqlite3.connect(db_path)
    try:  # what the standalone index of version 4 finds
        found_before = {
            q: sorted(
                r[0] for r in conn.execute("SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?", (fts_query(q),))
            )
            for q in V4_SEARCHES
        }
    finally:
        conn.close()
    assert found_before["Lankov"] == [1] and found_before["KCNA"] == [3] and found_before["nothing"] == []

    for query in V4_SEARCHES:
        found = claimtrack("list", "--search", query, "--format", "ids")
        assert found.returncode == 0, found.stderr
        assert sorted(int(i) for i in found.stdout.split()) == found_before[query], query
    assert recorded_versions(db_path)[4] == (5, "m005_search_external")
    assert rows(db_path) == before

    conn = sqlite3.connect(db_path)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'claim_fts'").fetchone()[0]
        assert 'content="claim"' in sql and 'content_rowid="id"' in sql  # what sqlite-utils and Datasette look for
        assert conn.execute("SELECT count(*) FROM claim_fts_docsize").fetchone()[0] == 4
        assert conn.execute("SELECT count(*) FROM source_fts_docsize").fetchone()[0] == 3
        for fts in ("claim_fts", "source_fts"):
            conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")  # raises if out of step
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'claim_fts_content'").fetchone() is None
    finally:
        conn.close()
    check = claimtrack("db", "check", "--format", "json")
    assert check.returncode == 0, check.stdout + check.stderr
    assert json.loads(check.stdout)["search_index"] == "ok"

    # Writes after the upgrade keep both indexes in step: a renamed source is found by its new name.
    assert claimtrack("source", "rename", "The Bell", "Bell Weekly").returncode == 0
    assert [int(i) for i in claimtrack("list", "--search", "weekly", "--format", "ids").stdout.split()] == [2, 5]
    assert claimtrack("list", "--search", "bell zeppelin", "--format", "ids").stdout.split() == ["5"]
