"""The store: a real SQLite file with WAL, foreign keys, a busy timeout, migrations and history."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from claimtrack.choices import Status
from claimtrack.errors import NotFound
from claimtrack.store import migrations
from claimtrack.store.database import Database
from claimtrack.store.target import resolve

pytestmark = pytest.mark.sqlite_only  # tests SQLite itself: skipped when the suite runs on PostgreSQL


def open_db(path: Path) -> Database:
    return Database.open(resolve(str(path)))


def test_sqlite_settings(db_path: Path):
    db = open_db(db_path)
    reader = db._sqlite_conn()
    assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reader.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert reader.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.close()


def test_migrations_are_recorded(db_path: Path):
    open_db(db_path).close()
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT version, name FROM claimtrack_migrations ORDER BY version").fetchall()
    assert rows == [(i, m.__name__) for i, m in enumerate(migrations.MIGRATIONS, start=1)]
    assert len(rows) == migrations.LATEST


def test_migrated_schema_matches_the_models(db_path: Path):
    from sqlmodel import SQLModel

    import claimtrack.store.models  # noqa: F401  (registers the tables)

    open_db(db_path).close()
    with sqlite3.connect(db_path) as conn:
        for table in SQLModel.metadata.sorted_tables:
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table.name})")}
            assert columns == {c.name for c in table.columns}, table.name


def test_vocabularies_match_the_schema():
    assert tuple(s.value for s in Status) == migrations.STATUSES


def test_foreign_keys_are_enforced(db_path: Path):
    db = open_db(db_path)
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO claim (uuid, text, source_id, status, created_at, updated_at) "
            "VALUES ('u', 't', 999, 'unverified', 'x', 'x')"
        )
    db.close()


def test_events_are_append_only(seeded, db_path: Path):
    with sqlite3.connect(db_path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE event SET note = 'rewritten' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM event WHERE id = 1")


def test_a_failed_change_writes_nothing(seeded, db_path: Path):
    """A change and its event share one transaction: an error half way rolls both back."""
    from claimtrack.store import writes
    from conftest import table_digest

    before = table_digest(db_path)
    db = open_db(db_path)
    with pytest.raises(ValueError):
        writes.apply_changes(db, 1, [writes.Change("status", "refuted"), writes.Change("no-such-field", "x")])
    with pytest.raises(NotFound):
        writes.apply_changes(db, 9999, [writes.Change("status", "refuted")])
    db.close()
    assert table_digest(db_path) == before


def test_new_database_is_private(tmp_path: Path):
    path = tmp_path / "private" / "dir" / "claims.db"
    open_db(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_target_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "env.db"))
    assert resolve(str(tmp_path / "flag.db")).path == tmp_path / "flag.db"
    assert resolve(None).path == tmp_path / "env.db"
    assert resolve(f"sqlite:///{tmp_path}/url.db").path == tmp_path / "url.db"
    monkeypatch.delenv("CLAIMTRACK_DB")
    default = resolve(None).path
    assert default is not None and default.name == "claims.db" and default.parent.name == "claimtrack"
    assert str(default).startswith(os.environ["XDG_DATA_HOME"])


@pytest.mark.parametrize(
    "command", [["list"], ["show", "2"], ["log"], ["list", "--tag", "sanctions", "--sort", "confidence"]]
)
def test_both_read_drivers_return_identical_results(seeded, monkeypatch: pytest.MonkeyPatch, command: list[str]):
    seeded("confirm", "1", "--note", "n", "--evidence", "https://example.org")
    args = [*command, "--format", "json"]
    stdlib = seeded(*args)
    monkeypatch.setenv("CLAIMTRACK_READ_DRIVER", "sqlalchemy")
    alchemy = seeded(*args)
    assert stdlib.exit_code == alchemy.exit_code == 0
    assert json.loads(stdlib.stdout) == json.loads(alchemy.stdout)
    assert json.loads(stdlib.stdout)  # not trivially equal because empty
