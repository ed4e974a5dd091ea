"""Shared fixtures: every test gets its own real SQLite file and never touches a home directory."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the database and every per-user directory at this test's tmp dir."""
    home = tmp_path / "home"
    home.mkdir()
    db = tmp_path / "claims.db"
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("CLAIMTRACK_DB", str(db))
    monkeypatch.delenv("CLAIMTRACK_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return db


@pytest.fixture
def db_path(isolated: Path) -> Path:
    return isolated


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> Callable[..., Run]:
    """Run the CLI in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def seeded(cli: Callable[..., Run]) -> Callable[..., Run]:
    assert cli("init", "--seed").exit_code == 0
    return cli


def run_process(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m claimtrack`` as a real process (no TTY: stdout is a pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
    )


def table_digest(path: Path) -> str:
    """A hash of every row of every table: equal digests mean the data did not change."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2'):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()
