"""Database care: db path, db check and db backup."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import table_digest


def test_db_path_follows_flag_then_env_then_user_dir(cli, db_path: Path, tmp_path: Path, monkeypatch):
    assert cli("db", "path").stdout.strip() == str(db_path)
    assert cli("--db", str(tmp_path / "flag.db"), "db", "path").stdout.strip() == str(tmp_path / "flag.db")
    monkeypatch.delenv("CLAIMTRACK_DB")
    default = cli("db", "path")
    assert default.stdout.strip() == str(Path(os.environ["XDG_DATA_HOME"]) / "claimtrack" / "claims.db")
    assert "does not exist yet" in default.stderr
    assert not Path(default.stdout.strip()).exists()  # asking where does not create it


@pytest.mark.sqlite_only
def test_db_check_reports_a_healthy_database(seeded):
    result = seeded("db", "check", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["integrity"] == "ok" and report["foreign_keys"] == "ok" and report["ok"] is True
    assert report["journal_mode"] == "wal"
    assert report["schema_version"] >= 2
    assert report["claims"] >= 12 and report["events"] >= report["claims"]


@pytest.mark.sqlite_only
def test_db_check_finds_broken_references(seeded, db_path: Path):
    with sqlite3.connect(db_path) as conn:  # damage it behind claimtrack's back
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE claim SET source_id = 999 WHERE id = 1")
    result = seeded("db", "check", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["foreign_keys"] == "1 broken reference(s)"
    assert result.stderr.startswith("Error: the database failed its integrity check")


@pytest.mark.sqlite_only
def test_db_backup_is_a_private_consistent_copy(seeded, db_path: Path, tmp_path: Path):
    copy = tmp_path / "backup.db"
    result = seeded("db", "backup", str(copy))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert table_digest(copy) == table_digest(db_path)
    assert seeded("--db", str(copy), "db", "check").exit_code == 0
    again = seeded("db", "backup", str(copy))
    assert again.exit_code == 1 and "already exists" in again.stderr
    missing = seeded("db", "backup", str(tmp_path / "no" / "such" / "dir.db"))
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: ")


@pytest.mark.sqlite_only
def test_db_backup_while_another_process_writes(seeded, db_path: Path, tmp_path: Path):
    """A backup taken during a stream of writes is a complete, consistent database."""
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom claimtrack.service import Service\nsvc = Service(sys.argv[1])\n"
            "for i in range(150):\n    svc.note(1, f'note {i}')\n",
            str(db_path),
        ]
    )
    copies = []
    try:
        for i in range(5):
            copy = tmp_path / f"copy{i}.db"
            assert seeded("db", "backup", str(copy)).exit_code == 0
            copies.append(copy)
    finally:
        assert writer.wait(timeout=120) == 0
    for copy in copies:
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            notes = conn.execute("SELECT count(*) FROM event WHERE kind = 'note' AND note LIKE 'note %'").fetchone()[0]
            assert 0 <= notes <= 150
