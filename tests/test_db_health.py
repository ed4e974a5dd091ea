"""Issue 10, items 2, 3, 5 and 8: full disks, interrupted backups, consistent reads, tamper-proof history.

* A full disk gets one clear line saying what was and was not saved; a failure after an import
  committed (the WAL checkpoint) is a warning, not a failed import (users would import again).
  SQLite is made to run out of space for real: ``PRAGMA max_page_count`` set on every connection
  (through SQLAlchemy's public pool events: no hook in claimtrack), and, where this test run may
  mount one, a tiny tmpfs.
* A backup is written under a temporary name and renamed only when complete.
* Every export (and every multi-query read) reads one snapshot, even while others write.
* History cannot be rewritten with INSERT OR REPLACE (SQLite) or emptied with TRUNCATE
  (PostgreSQL), and ``db check`` finds missing schema objects, lost events, statuses that do not
  replay from their history and a search index out of step.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import chain
from claimtrack.store.writer import SqliteWriter
from conftest import SERVER, open_db, pg_connect, table_digest

DISK_FULL_WRITE = "Error: the disk is full: nothing was saved; free some space and try again\n"


# ---- helpers -----------------------------------------------------------------------------------


def write_csv(path: Path, rows: int, text: str = "Claim number {i} about the harbour cranes.") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "source"])
        for i in range(rows):
            writer.writerow([text.format(i=i), f"Source {i % 7}"])
    return path


@contextmanager
def pages_capped() -> Iterator[None]:
    """Every new SQLite connection may not grow its database: SQLite's real SQLITE_FULL ("database or
    disk is full"), the error a full disk gives. Every claimtrack connection, whichever driver writes
    (``sqlite3`` or SQLAlchemy, whose engine connects through the same function), is made by
    ``store.connections.connect``; the cap wraps it."""
    from claimtrack.store import connections

    original = connections.connect

    def capped(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = original(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    connections.connect = capped
    try:
        yield
    finally:
        connections.connect = original


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """Mount a tmpfs of N KiB under tmp_path (root only; skipped where mounting is not allowed)."""
    mounted: list[Path] = []

    def mount(size_kib: int) -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("mounting a small tmpfs needs root")
        where = tmp_path / f"disk{len(mounted)}"
        where.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(where)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(where)
        return where

    yield mount
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], check=False)


def free_bytes(where: Path) -> int:
    st = os.statvfs(where)
    return st.f_bavail * st.f_frsize


def fill(where: Path, leave: int = 0) -> Path:
    """Fill a file system until only ``leave`` bytes are free (0: completely full)."""
    filler = where / "filler"
    chunk = b"\0" * 65536
    with filler.open("ab") as handle:
        while free_bytes(where) > leave:
            try:
                handle.write(chunk[: max(4096, min(len(chunk), free_bytes(where) - leave))])
                handle.flush()
            except OSError:
                break
    return filler


def replayed(claim: dict[str, Any], born: str = "unverified") -> str:
    """A claim's status as its exported history tells it."""
    status = born
    for event in claim["events"]:
        if event["kind"] == "status":
            status = event["new"]
    return status


# ---- item 2: a full disk -----------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_add_on_a_full_disk_says_so_and_saves_nothing(seeded, db_path: Path):
    before = table_digest(db_path)
    with pages_capped():
        result = seeded("add", "A long claim. " * 700, "--source", "Nobody new")
    assert result.exit_code == 1
    assert result.stderr == DISK_FULL_WRITE
    assert table_digest(db_path) == before


@pytest.mark.sqlite_only
def test_import_on_a_full_disk_says_so_and_saves_nothing(seeded, db_path: Path, tmp_path: Path):
    before = table_digest(db_path)
    with pages_capped():
        result = seeded("import", str(write_csv(tmp_path / "claims.csv", 300)))
    assert result.exit_code == 1
    assert result.stderr == DISK_FULL_WRITE
    assert table_digest(db_path) == before


@pytest.mark.sqlite_only
def test_add_on_a_really_full_disk(cli, small_disk, tmp_path: Path):
    disk = small_disk(4096)
    db = disk / "claims.db"
    assert cli("--db", str(db), "init", "--seed").exit_code == 0
    holder = sqlite3.connect(db)  # keeps the -wal and -shm files, as any other open terminal would
    try:
        holder.execute("SELECT count(*) FROM claim").fetchone()
        before = table_digest(db)
        fill(disk)
        result = cli("--db", str(db), "add", "Cranes are idle. " * 400, "--source", "Port authority")
        assert result.exit_code == 1
        assert result.stderr == DISK_FULL_WRITE
        assert table_digest(db) == before
    finally:
        holder.close()


@pytest.mark.sqlite_only
def test_a_checkpoint_failing_after_the_import_committed_is_a_warning(cli, small_disk, tmp_path: Path):
    """The import commits to the WAL; folding the WAL into the file then hits the full disk.

    That must not be reported as a failed import (a CSV has no uuids: importing it again would
    double every claim): exit 0, the claims are there, and one warning line says so.
    """
    from claimtrack.store.imports import BATCH

    rows = write_csv(tmp_path / "claims.csv", BATCH)
    # Measure on an ordinary disk how much the import grows the database file...
    scratch = tmp_path / "measure.db"
    assert cli("--db", str(scratch), "init").exit_code == 0
    start = scratch.stat().st_size
    assert cli("--db", str(scratch), "import", str(rows)).exit_code == 0
    growth = scratch.stat().st_size - start
    page = 4096
    wal_at_most = (growth // page + start // page) * (page + 24) + 32
    assert growth > start + 256 * 1024, "the import must grow the file by more than the slack below"

    # ...then leave room for the WAL (and -shm, and slack) but not for the file to grow as well.
    disk = small_disk(16384)
    db = disk / "claims.db"
    assert cli("--db", str(db), "init").exit_code == 0
    filler = fill(disk, leave=wal_at_most + 32 * 1024 + 64 * 1024)
    result = cli("--db", str(db), "import", str(rows))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"Imported {BATCH} claims."
    assert lines[1].startswith(f"Warning: imported {BATCH} claims, but ")
    assert "the disk is full" in lines[1] and "do not import them again" in lines[1]
    assert len(lines) == 2

    filler.unlink()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM claim").fetchone()[0] == BATCH
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert cli("--db", str(db), "db", "check").exit_code == 0


@pytest.mark.sqlite_only
def test_backup_onto_a_full_disk_leaves_no_file(seeded, small_disk):
    disk = small_disk(1024)
    fill(disk)
    target = disk / "backup.db"
    result = seeded("db", "backup", str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: the disk is full: the backup was not written (no file was left at {target}); "
        "free some space and try again\n"
    )
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]


# ---- item 3: an interrupted backup -------------------------------------------------------------


@pytest.mark.sqlite_only
def test_a_killed_backup_leaves_nothing_under_the_final_name(seeded, db_path: Path, tmp_path: Path):
    """SIGKILL a backup while it writes: the name asked for stays free, and the retry works."""
    with sqlite3.connect(db_path) as conn:  # ~60 MB of history, so the copy takes a while
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) "
            "INSERT INTO event (claim_id, at, recorded_at, kind, note) "
            "SELECT 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'note', hex(randomblob(5000)) FROM n"
        )
        chain.fill(SqliteWriter(conn), "event")  # hashed as claimtrack would: the copy is a whole history
    out = tmp_path / "backups"
    out.mkdir()
    final = out / "claims-backup.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "db", "backup", str(final)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if any(p.stat().st_size > 0 for p in out.iterdir()):  # it has started writing
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    if proc.returncode == 0:
        pytest.skip("the backup finished before it could be killed")
    assert proc.returncode == -signal.SIGKILL
    assert not final.exists(), "an interrupted backup carries the final name"
    retry = seeded("db", "backup", str(final))
    assert retry.exit_code == 0, retry.stderr
    assert table_digest(final) == table_digest(db_path)
    check = seeded("--db", str(final), "db", "check", "--format", "json")
    assert check.exit_code == 0 and json.loads(check.stdout)["events"] > 6000


@pytest.mark.sqlite_only
def test_backup_names_only_a_complete_copy_and_never_overwrites(seeded, db_path: Path, tmp_path: Path):
    final = tmp_path / "copy.db"
    assert seeded("db", "backup", str(final)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == ["copy.db"]  # no partial left
    assert oct(final.stat().st_mode & 0o777) == "0o600"
    before = final.read_bytes()
    again = seeded("db", "backup", str(final))
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert final.read_bytes() == before
    dangling = tmp_path / "link.db"
    dangling.symlink_to(tmp_path / "nowhere.db")
    refused = seeded("db", "backup", str(dangling))
    assert refused.exit_code == 1 and "already exists" in refused.stderr
    assert not (tmp_path / "nowhere.db").exists()


# ---- item 5: one snapshot per read -------------------------------------------------------------


@pytest.mark.parametrize("driver", ["sqlite3", "sqlalchemy"])
def test_export_reads_claims_and_events_in_one_snapshot(cli, db_path: Any, tmp_path: Path, monkeypatch, driver: str):
    """A write lands after the export read a batch of claims but before it read their events."""
    from claimtrack.service import Service
    from claimtrack.store.queries import ClaimFilter

    monkeypatch.setenv("CLAIMTRACK_READ_DRIVER", driver)
    assert cli("import", str(write_csv(tmp_path / "claims.csv", 501))).exit_code == 0
    reader, writer = Service(str(db_path)), Service(str(db_path))
    try:
        exported = reader.export_claims(ClaimFilter())
        first = next(exported)  # the first 500 claims (and their events) are read; claim 501 is not
        writer.set_status(1, "confirmed")
        writer.set_status(501, "refuted", note="while the export ran")
        claims = [first, *exported]
    finally:
        reader.close()
        writer.close()
    assert len(claims) == 501
    for claim in claims:
        assert claim["status"] == replayed(claim), f"claim {claim['id']} contradicts its own history"
    assert claims[0]["status"] == "unverified" and claims[-1]["status"] == "unverified"  # as when the export began


def test_json_exports_while_another_process_writes_are_consistent(seeded, db_path: Any, tmp_path: Path):
    """30 exports while a writer flips statuses: no claim's status contradicts its last event."""
    ids = [c["id"] for c in json.loads(seeded("list", "--format", "json").stdout)]
    born = {
        i: next(
            (
                e["old"]
                for e in json.loads(seeded("show", str(i), "--format", "json").stdout)["events"]
                if e["kind"] == "status"
            ),
            None,
        )
        for i in ids
    }
    script = (
        "import sys\nfrom claimtrack.service import Service\nsvc = Service(sys.argv[1])\n"
        "ids = [int(x) for x in sys.argv[2:]]\n"
        "for n in range(40):\n"
        "    for i in ids:\n"
        "        status = svc.get(i)['status']\n"
        "        svc.set_status(i, 'refuted' if status == 'confirmed' else 'confirmed')\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", script, str(db_path), *map(str, ids[:6])])
    try:
        for _ in range(30):
            result = seeded("export", "--format", "json")
            assert result.exit_code == 0, result.stderr
            for claim in json.loads(result.stdout)["claims"]:
                statuses = [e for e in claim["events"] if e["kind"] == "status"]
                start = born[claim["id"]] or claim["status"]
                expected = statuses[-1]["new"] if statuses else start
                assert claim["status"] == expected, f"claim {claim['id']} contradicts its own history"
    finally:
        assert writer.wait(timeout=300) == 0


def test_show_and_list_read_one_snapshot_too(seeded, db_path: Any):
    """Reads that take several queries run inside one read transaction (and nest)."""
    from claimtrack.service import Service
    from claimtrack.store.queries import ClaimFilter

    svc = Service(str(db_path))
    try:
        with svc.reading():
            before = svc.show(1)
            other = Service(str(db_path))
            try:
                other.set_status(1, "refuted" if before["status"] != "refuted" else "confirmed")
            finally:
                other.close()
            again = svc.show(1)  # nested read: still the snapshot of the outer block
            listed = {c["id"]: c for c in svc.list(ClaimFilter())}
        after = svc.show(1)
    finally:
        svc.close()
    assert again == before and listed[1]["status"] == before["status"]
    assert after["status"] != before["status"] and len(after["events"]) == len(before["events"]) + 1


# ---- item 8: append-only, and a db check that notices tampering ---------------------------------


@pytest.mark.sqlite_only
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_replace_cannot_rewrite_an_event(seeded, db_path: Path, verb: str):
    before = table_digest(db_path)
    with sqlite3.connect(db_path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(
                f"{verb} INTO event (id, claim_id, at, recorded_at, kind, note) "
                "VALUES (1, 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'note', 'rewritten')"
            )
    assert table_digest(db_path) == before
    assert seeded("note", "1", "new events still go in").exit_code == 0


@pytest.mark.skipif(not SERVER, reason="PostgreSQL only: run with CLAIMTRACK_TEST_DB")
@pytest.mark.parametrize(
    "statement",
    [
        "TRUNCATE event",
        "TRUNCATE claim CASCADE",
        "TRUNCATE source CASCADE",
        "TRUNCATE claim_tag",
        "TRUNCATE tag CASCADE",
    ],
)
def test_truncate_is_refused_on_postgresql(seeded, db_path: str, statement: str):
    import psycopg2.errors

    before = table_digest(db_path)
    with pg_connect(db_path) as conn:
        with pytest.raises(psycopg2.errors.RaiseException, match="append-only history"):
            conn.execute(statement)
    assert table_digest(db_path) == before


def check(cli: Callable[..., Any]) -> tuple[int, list[str], str]:
    result = cli("db", "check", "--format", "json")
    return result.exit_code, json.loads(result.stdout).get("findings", []), result.stderr


def test_db_check_finds_nothing_wrong_with_a_healthy_database(seeded, tmp_path: Path):
    assert seeded("confirm", "5").exit_code == 0  # unverified in the seed
    assert seeded("refute", "5").exit_code == 0
    assert seeded("add", "Born refuted.", "-s", "Eve", "--status", "refuted").exit_code == 0
    assert seeded("import", str(write_csv(tmp_path / "more.csv", 20))).exit_code == 0
    code, findings, stderr = check(seeded)
    assert (code, findings, stderr) == (0, [], "")
    table = seeded("db", "check", "--format", "tsv")
    assert "findings\tnone" in table.stdout.splitlines()


@pytest.mark.sqlite_only
def test_db_check_passes_a_database_upgraded_from_version_1(cli, db_path: Path):
    from test_migrations import build_v1

    build_v1(db_path)
    code, findings, _ = check(cli)
    assert (code, findings) == (0, [])


def _sqlite_tamper(db_path: Path, statements: list[str], lift_guards: bool) -> None:
    """Change the file behind claimtrack's back; ``lift_guards``: drop the append-only triggers
    for it, then put them back exactly as they were (so only the change itself is to be found)."""
    conn = sqlite3.connect(db_path)
    try:
        guards = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event'"
        ).fetchall()
        if lift_guards:
            for name, _ in guards:
                conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement)
        if lift_guards:
            for _, sql in guards:
                conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def history(seeded: Callable[..., Any]) -> Callable[..., Any]:
    """The seed, plus claim 7 moved three times (unverified, confirmed, refuted, disputed) and claim 3 once."""
    for args in (("confirm", "7"), ("refute", "7"), ("dispute", "7"), ("dispute", "3")):
        assert seeded(*args).exit_code == 0
    return seeded


SQLITE_TAMPERING = {
    "dropped index": (["DROP INDEX ix_claim_status"], "missing index ix_claim_status (on claim)"),
    "dropped FTS table": (["DROP TABLE claim_fts"], "missing full-text search table claim_fts"),
    "dropped trigger": (["DROP TRIGGER event_no_delete"], "missing trigger event_no_delete (on event)"),
    "dropped guard": (["DROP TRIGGER event_no_replace"], "missing trigger event_no_replace (on event)"),
    "dropped search trigger": (["DROP TRIGGER claim_fts_update"], "missing trigger claim_fts_update (on claim)"),
    "defused trigger": (
        ["DROP TRIGGER event_no_update", "CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT 1; END"],
        "trigger event_no_update differs from the one claimtrack created",
    ),
    "foreign trigger": (
        ["CREATE TRIGGER sneaky AFTER INSERT ON event BEGIN SELECT 1; END"],
        "trigger sneaky on event was not created by claimtrack",
    ),
    "deleted created event": (
        ["DELETE FROM event WHERE claim_id = 4 AND kind = 'created'"],
        "claim 4 has no 'created' event: the start of its history is missing",
    ),
    "deleted last status event": (
        ["DELETE FROM event WHERE id = (SELECT max(id) FROM event WHERE claim_id = 7 AND kind = 'status')"],
        "claim 7: its status is 'disputed' but its history ends at 'refuted' (changed without an event)",
    ),
    "deleted middle status event": (
        ["DELETE FROM event WHERE claim_id = 7 AND kind = 'status' AND new = 'refuted'"],
        "moves it from 'refuted', but its history had it 'confirmed' then (an event is missing)",
    ),
    "status without an event": (
        ["UPDATE claim SET status = 'confirmed' WHERE id = 3"],
        "claim 3: its status is 'confirmed' but its history ends at 'disputed' (changed without an event)",
    ),
    "claim missing from the search index": (
        [
            "INSERT INTO claim_fts (claim_fts, rowid, text, quote) SELECT 'delete', id, text, quote FROM claim WHERE id = 5"
        ],
        "claim 5 is missing from the search index",
    ),
    "stale search row": (
        ["INSERT INTO claim_fts (rowid, text, quote) VALUES (9999, 'ghost', '')"],
        "the search index holds claim 9999, which does not exist",
    ),
    "source missing from the search index": (
        ["INSERT INTO source_fts (source_fts, rowid, name) SELECT 'delete', id, name FROM source WHERE id = 1"],
        "source 1 is missing from the search index",
    ),
    "outdated search row": (
        ["DROP TRIGGER claim_fts_update", "UPDATE claim SET text = 'old words' WHERE id = 6"],
        "the search index claim_fts is out of step with the claim table",
    ),
    "outdated source name": (
        ["DROP TRIGGER source_fts_update", "UPDATE source SET name = 'Somebody Else' WHERE id = 1"],
        "the search index source_fts is out of step with the source table",
    ),
}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("case", list(SQLITE_TAMPERING))
def test_db_check_reports_tampering(history, db_path: Path, case: str):
    statements, finding = SQLITE_TAMPERING[case]
    assert check(history)[0] == 0
    _sqlite_tamper(db_path, statements, lift_guards=case.startswith("deleted"))
    code, findings, stderr = check(history)
    assert code == 1
    assert any(finding in f for f in findings), findings
    assert stderr.startswith("Error: the database failed its integrity check (")
    assert len(stderr.splitlines()) == 1


def _server_tamper(url: str, *statements: str) -> None:
    with pg_connect(url) as conn:
        for statement in statements:
            conn.execute(statement)


SERVER_TAMPERING = {
    "dropped index": (["DROP INDEX ix_event_claim"], "missing index ix_event_claim"),
    "dropped search index": (["DROP INDEX ix_claim_search"], "missing index ix_claim_search"),
    "dropped trigger": (["DROP TRIGGER event_append_only ON event"], "missing trigger event_append_only (on event)"),
    "disabled trigger": (
        ["ALTER TABLE event DISABLE TRIGGER event_no_truncate"],
        "trigger event_no_truncate on event is disabled",
    ),
    "deleted created event": (
        [
            "ALTER TABLE event DISABLE TRIGGER event_append_only",
            "DELETE FROM event WHERE claim_id = 4 AND kind = 'created'",
            "ALTER TABLE event ENABLE TRIGGER event_append_only",
        ],
        "claim 4 has no 'created' event",
    ),
    "status without an event": (
        ["UPDATE claim SET status = 'confirmed' WHERE id = 3"],
        "claim 3: its status is 'confirmed' but its history ends at 'disputed'",
    ),
    "search index out of step": (
        [
            "ALTER TABLE claim DISABLE TRIGGER claim_search",
            "UPDATE claim SET text = 'changed words' WHERE id = 5",
            "ALTER TABLE claim ENABLE TRIGGER claim_search",
        ],
        "claim 5 is out of step with the search index",
    ),
}


@pytest.mark.skipif(not SERVER, reason="PostgreSQL only: run with CLAIMTRACK_TEST_DB")
@pytest.mark.parametrize("case", list(SERVER_TAMPERING))
def test_db_check_reports_tampering_on_postgresql(history, db_path: str, case: str):
    statements, finding = SERVER_TAMPERING[case]
    assert check(history)[0] == 0
    _server_tamper(db_path, *statements)
    code, findings, stderr = check(history)
    assert code == 1
    assert any(finding in f for f in findings), findings
    assert stderr.startswith("Error: the database failed its integrity check (")


def test_db_check_reads_one_snapshot(history, db_path: Any):
    """The check's queries all run inside one read transaction (no finding from a write mid-check)."""
    from claimtrack.service import Service

    svc = Service(str(db_path))
    try:
        with svc.reading():
            assert svc.db.query_one("SELECT count(*) AS n FROM claim")  # the snapshot starts here
            other = Service(str(db_path))
            try:
                other.set_status(7, "confirmed")
            finally:
                other.close()
            report = svc.check()
    finally:
        svc.close()
    assert report["ok"] and report["findings"] == []
    conn = open_db(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM event").fetchone()[0] == report["events"] + 1
    finally:
        conn.close()
