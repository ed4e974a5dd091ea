"""Bulk import on SQLite sets the search trigger (and on a small database the indexes) aside and
puts them back in the same transaction: the schema after any import, finished or failed, is the
schema before, and the search index holds exactly what the trigger would have written."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrack import importer
from claimtrack.service import Service
from claimtrack.store import imports
from conftest import SEED_CLAIMS
from test_write_drivers import PROBE, dump

pytestmark = pytest.mark.sqlite_only


def schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"))
    finally:
        conn.close()


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        if sql == FTS_FOUND:
            conn.execute("INSERT INTO claim_fts (claim_fts, rank) VALUES ('integrity-check', 1)")
        return list(conn.execute(sql))
    finally:
        conn.close()


def write_jsonl(path: Path, n: int, start: int = 0, bad_last: bool = False, with_uuids: bool = False) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            record: dict[str, Any] = {
                "text": f"Claim {i} about grain shipments through Rajin port.",
                "source": f"Source {i % 13}" if i % 5 else "The Bell",  # The Bell exists in the seed
                "confidence": round((i % 100) / 100, 2),
                "tags": ["trade", f"t{i % 3}"],
                "said_on": "2024-03-01",
            }
            if i % 7 == 0:
                record["quote"] = f"quote {i}"
            if with_uuids:
                record["uuid"] = str(uuid.UUID(int=i + 1, version=4))
            out.write(json.dumps(record) + "\n")
        if bad_last:
            out.write(json.dumps({"text": "late and wrong", "source": "X", "status": "maybe"}) + "\n")
    return path


FTS_EXPECTED = "SELECT id FROM claim ORDER BY id"
# The claims the (external-content) search index holds: one docsize row each, and FTS5's
# integrity-check with rank 1 raising unless every row's text and quote are indexed as they are.
FTS_FOUND = "SELECT id FROM claim_fts_docsize ORDER BY id"


@pytest.mark.parametrize("rebuild_below", [imports.REBUILD_INDEXES_BELOW, 0], ids=["indexes-rebuilt", "indexes-kept"])
def test_a_bulk_import_leaves_the_schema_as_it_was_and_the_search_index_complete(
    seeded, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rebuild_below: int
):
    monkeypatch.setattr(imports, "REBUILD_INDEXES_BELOW", rebuild_below)
    before = schema(db_path)
    n = imports.BATCH * 2 + 17  # several batches
    result = seeded("import", str(write_jsonl(tmp_path / "many.jsonl", n)))
    assert result.exit_code == 0, result.stderr
    assert schema(db_path) == before
    assert rows(db_path, FTS_FOUND) == rows(db_path, FTS_EXPECTED)
    assert len(rows(db_path, FTS_FOUND)) == SEED_CLAIMS + n
    found = seeded("list", "--search", "rajin", "--format", "json", "--limit", "5")
    assert len(json.loads(found.stdout)) == 5
    check = seeded("db", "check")
    assert check.exit_code == 0, check.stdout + check.stderr


def test_triggers_work_again_after_a_bulk_import(seeded, db_path: Path, tmp_path: Path):
    assert seeded("import", str(write_jsonl(tmp_path / "a.jsonl", 50))).exit_code == 0
    assert seeded("add", "Zanzibar cranes arrived at Nampo.", "--source", "Yonhap").exit_code == 0
    assert len(json.loads(seeded("list", "--search", "zanzibar", "--format", "json").stdout)) == 1
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(
                "INSERT OR REPLACE INTO event (id, claim_id, at, recorded_at, kind) "
                "VALUES (1, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'note')"
            )
    finally:
        conn.close()


def test_an_import_that_fails_late_leaves_schema_and_data_untouched(seeded, db_path: Path, tmp_path: Path):
    from conftest import table_digest

    before, digest = schema(db_path), table_digest(db_path)
    result = seeded("import", str(write_jsonl(tmp_path / "bad.jsonl", imports.BATCH * 2 + 5, bad_last=True)))
    assert result.exit_code == 1
    assert "unknown status 'maybe'" in result.stderr
    assert schema(db_path) == before
    assert table_digest(db_path) == digest


def test_an_interrupted_import_leaves_schema_and_data_untouched(seeded, db_path: Path, tmp_path: Path):
    from conftest import table_digest

    before, digest = schema(db_path), table_digest(db_path)
    path = write_jsonl(tmp_path / "many.jsonl", imports.BATCH * 2)

    def interrupted() -> Iterator[importer.Record]:
        with path.open(encoding="utf-8") as handle:
            for i, record in enumerate(importer.read(handle, importer.ImportFormat.jsonl, str(path))):
                if i == imports.BATCH + 10:
                    raise KeyboardInterrupt
                yield record

    svc = Service(str(db_path))
    try:
        with pytest.raises(KeyboardInterrupt):
            svc.import_records(interrupted(), str(path))
    finally:
        svc.close()
    assert schema(db_path) == before
    assert table_digest(db_path) == digest


def test_uuids_given_are_kept_and_skipped_when_present_and_new_ones_are_fresh(seeded, db_path: Path, tmp_path: Path):
    given = write_jsonl(tmp_path / "given.jsonl", 30, with_uuids=True)
    assert seeded("import", str(given)).stderr.strip() == "Imported 30 claims."
    again = seeded("import", str(given))
    assert again.exit_code == 0
    assert again.stderr.strip() == "Imported 0 claims; 30 already present (same uuid), skipped."
    # the same texts again without uuids: duplicates, imported on request, each with a fresh uuid
    assert seeded("import", str(write_jsonl(tmp_path / "new.jsonl", 40)), "--allow-duplicates").exit_code == 0
    uuids = [r[0] for r in rows(db_path, "SELECT uuid FROM claim")]
    assert len(uuids) == len(set(uuids)) == SEED_CLAIMS + 30 + 40
    assert all(uuid.UUID(u).version == 4 for u in uuids)
    assert str(uuid.UUID(int=1, version=4)) in uuids


def test_both_write_drivers_import_the_same_database(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    source = write_jsonl(tmp_path / "claims.jsonl", imports.BATCH + 50)
    dumps = []
    for driver in ("sqlite3", "sqlalchemy"):
        monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", driver)
        path = tmp_path / f"{driver}.db"
        assert cli("--db", str(path), "init", "--seed").exit_code == 0
        result = cli("--db", str(path), "import", str(source))
        assert result.exit_code == 0, result.stderr
        dumps.append(dump(path))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["claim"]) == SEED_CLAIMS + imports.BATCH + 50


def test_import_does_not_import_the_database_stack(cli, tmp_path: Path):
    db = tmp_path / "claims.db"
    assert cli("--db", str(db), "init", "--seed").exit_code == 0
    source = write_jsonl(tmp_path / "claims.jsonl", 10)
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.replace("ARGS", repr(["--db", str(db), "import", str(source)]))],
        capture_output=True,
        text=True,
        timeout=120,
        env={**{k: v for k, v in os.environ.items() if not k.endswith("_DRIVER")}, "COLUMNS": "200"},
    )
    out, _, probe = proc.stdout.rpartition("\nPROBE ")
    result = json.loads(probe)
    assert result["code"] in (0, None), proc.stdout + proc.stderr
    assert "Imported 10 claims." in out + proc.stderr
    assert result["heavy"] == []


def test_checks_remembered_for_repeated_values_still_refuse_look_alikes(seeded, tmp_path: Path):
    """Repeated sources, tags, dates and confidences are checked once per value; ``true`` is not
    ``1`` to that memory, and a bad value is refused every time it comes."""
    path = tmp_path / "mixed.jsonl"
    lines = [
        {"text": "one", "source": "S", "confidence": 1, "tags": ["a"], "said_on": "2024-01-01"},
        {"text": "two", "source": "S", "confidence": 1.0, "tags": ["a"], "said_on": "2024-01-01"},
        {"text": "three", "source": "S", "confidence": True},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = seeded("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: record 3 (line 3), field 'confidence'")
    for bad in ({"text": "x", "source": "S", "said_on": "2999-01-01"}, {"text": "x", "source": "S", "tags": ["a,b"]}):
        path.write_text("\n".join(json.dumps(line) for line in [bad, bad]) + "\n", encoding="utf-8")
        assert seeded("import", str(path)).stderr.startswith("Error: record 1 (line 1)")


def test_the_search_index_is_complete_when_ids_come_in_runs_and_gaps(seeded, db_path: Path, tmp_path: Path):
    """Given ids (a backup's) break the runs of new ids that the search rows are written for."""
    path = tmp_path / "ids.jsonl"
    ids = [None, 5000, 5002, None, 5001, 3, 7000, None, None, 24, 6999]  # 3 is taken: it gets a new id
    with path.open("w", encoding="utf-8") as out:
        for i, cid in enumerate(ids):
            record: dict[str, Any] = {"text": f"Gap claim {i} about Chongjin.", "source": f"Gap source {i % 2}"}
            if cid is not None:
                record["id"] = cid
            out.write(json.dumps(record) + "\n")
    result = seeded("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert rows(db_path, FTS_FOUND) == rows(db_path, FTS_EXPECTED)
    assert len(json.loads(seeded("list", "--search", "chongjin", "--format", "json").stdout)) == len(ids)
    assert {5000, 5001, 5002, 7000, 6999, 24} <= {r[0] for r in rows(db_path, "SELECT id FROM claim")}


@pytest.mark.parametrize("reader", ["process", "inline"])
def test_the_created_state_names_the_source_as_the_database_spells_it(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: str
):
    """The created event's state is worked out as the record is read (importcheck.prepare), naming
    the source as the record spells it; a source the database spells otherwise is named its way."""
    monkeypatch.setenv("CLAIMTRACK_IMPORT_READER", reader)
    assert cli("add", "A first claim.", "--source", "The Desk").exit_code == 0
    records = [
        {"text": "Spelled the other way.", "source": "the desk", "tags": ["b", "a"], "confidence": 0.25},
        {"text": "A source of its own.", "source": "Wire", "said_on": "2024-02-01"},
    ]
    path = tmp_path / "spell.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = cli("import", str(path))
    assert run.exit_code == 0, run.stderr
    shown = json.loads(cli("show", "2", "--format", "json").stdout)
    created = json.loads(next(e for e in shown["events"] if e["kind"] == "created")["new"])
    assert (created["source"], created["tags"], created["confidence"]) == ("The Desk", ["a", "b"], "0.25")
    shown = json.loads(cli("show", "3", "--format", "json").stdout)
    created = json.loads(next(e for e in shown["events"] if e["kind"] == "created")["new"])
    assert (created["source"], created["said_on"], created["status"]) == ("Wire", "2024-02-01", "unverified")
    assert cli("db", "check").exit_code == 0
