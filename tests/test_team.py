"""Team mode: moving a whole database between targets, and PostgreSQL's driver as an extra.

The rest of the suite runs a second time on a real PostgreSQL server in CI (``CLAIMTRACK_TEST_DB``);
these tests cover ``db copy`` in both directions and the error when the driver is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_CLAIMS, SERVER, table_digest


def build(cli, db: str) -> None:
    steps = [
        ("init", "--seed"),
        ("add", "Ünïcode claim — «quoted»", "--source", "Copier", "--confidence", "likely", "--tag", "copy"),
        (
            "confirm",
            str(SEED_CLAIMS + 1),
            "--note",
            "seen",
            "--evidence",
            "https://example.org/e",
            "--at",
            "2024-06-19",
        ),
        ("set", "1", "--confidence", "0.42", "--add-tag", "copied"),
        ("note", "2", "A note"),
        ("source", "set", "Copier", "--kind", "person", "--reliability", "C"),
    ]
    for step in steps:
        result = cli("--db", db, *step)
        assert result.exit_code == 0, (step, result.stderr)


def export(cli, db: str) -> str:
    result = cli("--db", db, "export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_db_copy_between_sqlite_files_is_lossless(cli, tmp_path: Path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    build(cli, a)
    copied = cli("db", "copy", a, b)
    assert copied.exit_code == 0, copied.stderr
    assert f"Copied {SEED_CLAIMS + 1} claims" in copied.stderr
    assert export(cli, a) == export(cli, b)
    assert cli("--db", b, "sources", "--format", "json").stdout == cli("--db", a, "sources", "--format", "json").stdout


def test_db_copy_refuses_a_destination_with_claims(cli, tmp_path: Path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    build(cli, a)
    assert cli("--db", b, "add", "Already here.", "--source", "X").exit_code == 0
    before = table_digest(b)
    refused = cli("db", "copy", a, b)
    assert refused.exit_code == 1 and "already holds 1 claims" in refused.stderr
    assert table_digest(b) == before
    same = cli("db", "copy", a, a)
    assert same.exit_code == 1 and "same database" in same.stderr


def test_db_copy_from_a_missing_source_makes_nothing(cli, tmp_path: Path):
    """A typo in the source used to create an empty database there, copy 0 claims and exit 0."""
    missing, b = tmp_path / "typo.db", tmp_path / "b.db"
    refused = cli("db", "copy", str(missing), str(b))
    assert refused.exit_code == 1, refused.stderr
    assert f"no claimtrack database at {missing} to copy from" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1
    assert not missing.exists() and not b.exists()


@pytest.mark.skipif(not SERVER, reason="needs CLAIMTRACK_TEST_DB (a PostgreSQL server)")
def test_db_copy_up_to_postgresql_and_back(cli, tmp_path: Path, server_database: str):
    local, back = str(tmp_path / "local.db"), str(tmp_path / "back.db")
    build(cli, local)
    assert cli("db", "copy", local, server_database).exit_code == 0
    assert export(cli, server_database) == export(cli, local)
    assert cli("--db", server_database, "list", "--search", "ünïcode", "--format", "tsv").stdout.startswith(
        f"{SEED_CLAIMS + 1}\t"
    )
    assert cli("db", "copy", server_database, back).exit_code == 0
    assert export(cli, back) == export(cli, local)


def test_missing_driver_names_the_extra(tmp_path: Path):
    code = (
        "import sys; sys.modules['psycopg2'] = None; sys.argv = ['claimtrack', '--db', "
        "'postgresql://someone@127.0.0.1:1/claims', 'list']; from claimtrack.cli import main; main()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CLAIMTRACK_DEBUG": ""},
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("Error: ")
    assert "claimtrack[postgres]" in proc.stderr and "Traceback" not in proc.stderr
