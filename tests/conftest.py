"""Shared fixtures: every test gets its own real database and never touches a home directory.

By default that is a SQLite file in the test's tmp dir. With ``CLAIMTRACK_TEST_DB`` set to a
PostgreSQL URL (``postgresql://user@127.0.0.1:5432/postgres``, any database the user may
create databases from), every test gets a fresh PostgreSQL database instead, dropped afterwards;
tests marked ``sqlite_only`` (they open the file with ``sqlite3`` or test SQLite itself) are
skipped there. ``.ci/run`` runs the suite both ways.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

import forkserver
from claimtrack.cli import app

SERVER = os.environ.get("CLAIMTRACK_TEST_DB", "").strip()

# Typer's CliRunner builds the Click command from the app on every invoke: about 70 ms, and the
# suite invokes the app in-process thousands of times (it was most of an in-process test's time).
# The app does not change while the suite runs, so it is built once; a real process builds its own.
_APP_COMMAND = typer.main.get_command(app)
_build_command = typer.testing._get_command
assert callable(_build_command), "typer.testing._get_command moved: update the cache in conftest.py"
typer.testing._get_command = lambda typer_app: _APP_COMMAND if typer_app is app else _build_command(typer_app)

# claimtrack reads the dates people type in the local time zone, and the suite's expectations are
# UTC ("today" is ``datetime.now(UTC).date()``): pin the zone, for in-process runs and the processes
# tests start, so the suite passes wherever it runs. tests/test_timezones.py sets other zones.
os.environ["TZ"] = "UTC"
time.tzset()

# How many claims ``init --seed`` adds: counted in the seed file, so tests follow its edits.
SEED_CLAIMS = (
    (Path(__file__).resolve().parents[1] / "data" / "seed.sql").read_text(encoding="utf-8").count("INSERT INTO claim (")
)

# Property tests are derandomized by default: the same examples every run, so a failure always
# reproduces and the suite never fails "one run in ten". Every example hypothesis ever found is
# pinned with @example next to its test. ``HYPOTHESIS_PROFILE=explore`` searches afresh (random
# seeds, more examples) when you want hypothesis to look for new failures.
settings.register_profile("deterministic", derandomize=True, deadline=None, print_blob=True, database=None)
settings.register_profile("explore", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: needs the database to be a SQLite file")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SERVER:
        skip = pytest.mark.skip(reason="SQLite-specific; the suite runs on CLAIMTRACK_TEST_DB")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


def _dsn(url: str) -> str:
    """A SQLAlchemy URL (``postgresql+psycopg://``, ``postgresql+psycopg2://``...) as a libpq connection string."""
    return "postgresql" + url[len(url.split(":", 1)[0]) :]


def alchemy_url(url: str) -> str:
    """A server URL for the tests' own ``create_engine``: through psycopg2, claimtrack's one driver
    (``store.pgdriver.alchemy_url``), whichever spelling ``CLAIMTRACK_TEST_DB`` has."""
    return "postgresql+psycopg2" + url[len(url.split(":", 1)[0]) :] if url.startswith("postgres") else url


class PgConnection:
    """A psycopg2 connection as the tests use it: ``execute`` returns its cursor, and ``with``
    commits (or rolls back on an error) and then closes it, which psycopg2's own ``with`` does not."""

    def __init__(self, url: str, autocommit: bool = False) -> None:
        import psycopg2

        self.raw = psycopg2.connect(_dsn(url))
        self.raw.autocommit = autocommit

    def execute(self, sql: str, params: Any = None) -> Any:
        cursor = self.raw.cursor()
        cursor.execute(sql, params)
        return cursor

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, kind: Any, *_: Any) -> None:
        try:
            if not self.raw.closed and not self.raw.autocommit:
                self.raw.commit() if kind is None else self.raw.rollback()
        finally:
            self.raw.close()


def pg_connect(url: str, autocommit: bool = False) -> PgConnection:
    """A psycopg2 connection to the server URL ``url`` (see ``PgConnection``)."""
    return PgConnection(url, autocommit)


@pytest.fixture
def server_database() -> Any:
    """A fresh, empty PostgreSQL database for one test (its SQLAlchemy URL), dropped afterwards."""
    import uuid

    name = f"ct_{uuid.uuid4().hex[:12]}"
    base, _, _ = SERVER.rpartition("/")
    with pg_connect(SERVER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with pg_connect(SERVER, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Any:
    """Point the database and every per-user directory at this test's tmp dir (or server)."""
    home = tmp_path / "home"
    home.mkdir()
    db: Any = tmp_path / "claims.db"
    if SERVER and "sqlite_only" not in request.keywords:
        db = request.getfixturevalue("server_database")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("CLAIMTRACK_DB", str(db))
    monkeypatch.delenv("CLAIMTRACK_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return db


@pytest.fixture
def db_path(isolated: Any) -> Any:
    """The test's database: a Path to a SQLite file, or a PostgreSQL URL in server mode."""
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


@dataclass
class SeedTemplate:
    target: Any  # a SQLite file, or the name of a PostgreSQL template database
    env: dict[str, str]  # the CLAIMTRACK_* settings it was made under


def _claimtrack_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith("CLAIMTRACK_") and k != "CLAIMTRACK_DB"}


def _admin() -> PgConnection:
    return pg_connect(SERVER, autocommit=True)


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeedTemplate]:
    """``init --seed`` run once per test process (each xdist worker has its own): what ``seeded``
    copies, rather than loading the seed again for each of the hundreds of tests that start from it."""
    import uuid

    folder = tmp_path_factory.mktemp("seed-template")
    target: Any = folder / "claims.db"
    name = f"ct_seed_{uuid.uuid4().hex[:12]}"
    if SERVER:
        with _admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        target = f"{SERVER.rpartition('/')[0]}/{name}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(folder))
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            patch.setenv(var, str(folder / var.lower()))
        patch.setenv("CLAIMTRACK_DB", str(target))
        result = CliRunner().invoke(app, ["init", "--seed"], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
    if not SERVER:
        assert sorted(p.name for p in folder.iterdir()) == ["claims.db"]  # no -wal to copy along
        yield SeedTemplate(target, _claimtrack_env())
        return
    yield SeedTemplate(name, _claimtrack_env())
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def seeded(cli: Callable[..., Run], isolated: Any, seed_template: SeedTemplate) -> Callable[..., Run]:
    """``init --seed`` done: a copy of the worker's seeded template while this test's database is
    still the empty one ``isolated`` gave it and the settings match, else ``init --seed`` itself."""
    fresh = (
        os.environ.get("CLAIMTRACK_DB") == str(isolated)
        and _claimtrack_env() == seed_template.env
        and not Path(os.environ.get("XDG_CONFIG_HOME", "/nonexistent")).exists()
    )
    if fresh and not SERVER and not isolated.exists():
        shutil.copyfile(seed_template.target, isolated)
        return cli
    if fresh and SERVER and isinstance(isolated, str) and not _server_tables(isolated):
        name = isolated.rpartition("/")[2]
        with _admin() as admin:  # the test's empty database becomes a copy of the template
            admin.execute(f'DROP DATABASE "{name}"')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{seed_template.target}"')
        return cli
    assert cli("init", "--seed").exit_code == 0
    return cli


def _server_tables(url: str) -> list[str]:
    with pg_connect(url) as conn:
        return [
            r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        ]


def run_process(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m claimtrack`` as a real process (no TTY: stdout is a pipe), forked from the
    test process's zygote (tests/forkserver.py) rather than started from nothing."""
    return forkserver.run(args, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=cwd, timeout=120)


# Tables of data derived from the claims, which a command that changes nothing may still write:
# ``match`` makes the vectors of claims that have none (migration 13, claimtrack.meaning).
DERIVED_TABLES = ("claim_vector",)


def table_digest(path: Any) -> str:
    """A hash of every row of every table but ``DERIVED_TABLES``: equal digests mean the data did not change."""
    if isinstance(path, str) and path.startswith("postgresql"):
        return _server_digest(path)
    digest = hashlib.sha256()
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(  # an external-content FTS table reads its rows from its table
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
            )
        ]
        for table in tables:
            if table in DERIVED_TABLES:
                continue
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2'):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def _server_digest(url: str) -> str:
    digest = hashlib.sha256()
    with pg_connect(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
            )
        ]
        for table in tables:
            if table in DERIVED_TABLES:
                continue
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


class _ServerConnection:
    """Just enough of sqlite3.Connection over psycopg2 for tests that read rows back (``?`` params)."""

    def __init__(self, url: str) -> None:
        self._conn = pg_connect(url, autocommit=True)

    def execute(self, sql: str, params: tuple = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), params)

    def close(self) -> None:
        self._conn.close()


def open_db(target: Any) -> Any:
    """A connection to the test's database, SQLite file or PostgreSQL URL alike."""
    if isinstance(target, str) and target.startswith("postgresql"):
        return _ServerConnection(target)
    return sqlite3.connect(target)


DATASETTE_STARTUP = 60.0  # seconds Datasette may take to answer at all (a failure, not a measurement)


def get_json(url: str) -> Any:
    """GET ``url`` and parse its JSON (a non-200 answer raises)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        return json.loads(response.read())


@contextmanager
def datasette_server(db_path: Path, log_path: Path, *options: str) -> Iterator[str]:
    """A Datasette server on a free port of 127.0.0.1 (its base URL), always stopped afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    base = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "datasette",
                "serve",
                str(db_path),
                *options,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + DATASETTE_STARTUP
            while True:
                assert server.poll() is None, log_path.read_text()
                try:
                    get_json(f"{base}/-/versions.json")
                    break
                except (urllib.error.URLError, ConnectionError):
                    assert time.monotonic() < deadline, "datasette did not answer"
                    time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
