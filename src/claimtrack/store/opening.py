"""Looking at a database before using it, then creating or migrating it.

Before anything is written, the file is checked without modifying it: a file that is not SQLite,
a SQLite database of another program, or one made by a newer claimtrack is refused untouched.

The file is never opened with ``open()``: closing any descriptor of a file drops every POSIX lock
this process holds on it, including those of another connection (a second ``Service``) still
using it, and another process may then checkpoint and delete a WAL that is still in use. SQLite's
own VFS shares descriptors and locks between the connections of a process, so every look at the
file goes through ``sqlite3``: first ``os.stat`` (a FIFO or a device is refused before anything
opens it), then a read-only connection that cannot write, checkpoint, or change the journal mode.

A database we may read but not write (``?mode=ro``, a read-only file, folder or medium) opens
read-only: ``inspect_file`` gives the reason, the line the first write will show.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.errors import DatabaseError, DatabaseRefused
from claimtrack.store import connections, migrations, privileges
from claimtrack.store.failures import first_line, sqlstate
from claimtrack.store.locking import WRITE_LOCK_KEY, when_unlocked
from claimtrack.store.target import Target
from claimtrack.textsafe import terminal

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

PEEK_RETRY_S = 2.0  # how long to keep looking at a file whose WAL files change under us

Scalar = Callable[[str], Any]  # runs one query, returns its one value


def inspect_file(target: Target) -> tuple[int, str | None]:
    """The schema version found in a SQLite file (0: new or empty), and why it may not be written
    (None: it may); refuse anything we must not touch.

    Nothing here writes: ``os.stat`` first (so a FIFO cannot hang us), then one read-only
    connection (``_peek``) that is closed before the file is accepted.
    """
    path = target.path
    assert path is not None  # target.resolve refuses in-memory SQLite
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if target.read_only:
            raise DatabaseRefused(f"{target} does not exist; ?mode=ro opens an existing database only") from None
        return 0, None  # migrate creates it
    except NotADirectoryError:
        raise DatabaseRefused(
            f"cannot use {target}: a part of that path is a file, not a folder; give another database path"
        ) from None
    except OSError as exc:
        raise DatabaseRefused(f"cannot use {target}: {exc.strerror}; give another database path") from exc
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseRefused(f"{target} is a directory; give a database file path with --db")
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseRefused(f"{target} is not a regular file ({_file_kind(info.st_mode)}); give a database file path")
    if not _may(path, os.R_OK):
        raise DatabaseRefused(f"cannot read {target}: permission denied; check its permissions")
    read_only = _read_only_reason(target, path)
    if info.st_size == 0:
        return 0, read_only
    deadline = time.monotonic() + PEEK_RETRY_S
    while True:
        try:
            return _peek_version(target, path), read_only
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
                raise DatabaseRefused(
                    f"{target} is not a SQLite database; point --db or CLAIMTRACK_DB at a claimtrack database"
                ) from exc
            # Other processes open, write and close the file meanwhile: its -wal/-shm files come
            # and go between _peek's look at them and its open. Look again before giving up.
            if time.monotonic() < deadline:
                time.sleep(0.02)
                continue
            raise DatabaseRefused(
                f"{target} cannot be read as a SQLite database ({exc}); it was left untouched"
            ) from exc


def _peek_version(target: Target, path: Path) -> int:
    """The version ``inspect_file`` found, from one look through ``_peek``.

    With no -wal, ``_peek`` reads without any lock (``immutable=1``): that look counts only if
    no -wal appeared and the file did not change while it ran (another process opened it and
    checkpointed meanwhile); otherwise it raises so that ``inspect_file`` looks again. A refusal
    ("another program") is never decided on such a torn read.
    """
    before = _file_state(path)
    conn = _peek(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = None
        if migrations.VERSION_TABLE in tables:
            version = conn.execute(f"SELECT max(version) FROM {migrations.VERSION_TABLE}").fetchone()[0]
    finally:
        conn.close()
    unlocked = not before[0] and not before[2]  # no -wal, no -journal: _peek read immutable
    if unlocked and _file_state(path) != before:
        raise sqlite3.OperationalError("the file changed while it was read without a lock")
    return check_tables(target, tables, lambda _sql: version)


def _read_only_reason(target: Target, path: Path) -> str | None:
    """Why this existing file may be read but not written, as the line a write will show."""
    if target.read_only:
        return "the database was opened read-only (mode=ro); nothing was changed: drop ?mode=ro to make changes"
    try:
        on_read_only_medium = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        on_read_only_medium = False
    if on_read_only_medium:
        return f"{target} is on a read-only medium; nothing was changed: copy it (claimtrack db backup) to change it"
    if not _may(path, os.W_OK):
        return (
            f"{target} is read-only to you (no write permission); nothing was changed: "
            "ask its owner, or copy it (claimtrack db backup) to change it"
        )
    if not _may(path.parent, os.W_OK | os.X_OK):
        return (
            f"the folder of {target} is read-only to you (SQLite writes its -wal and -shm files "
            "there); nothing was changed: copy it (claimtrack db backup) to change it"
        )
    return None


def check_tables(target: Target, tables: set[str], scalar: Scalar) -> int:
    """The schema version, after refusing tables that are not (or not yet) ours.

    ``scalar`` runs one query on the connection that listed ``tables``.
    """
    if not tables:
        return 0
    if migrations.VERSION_TABLE not in tables:
        raise DatabaseRefused(
            f"{target} belongs to another program (no claimtrack tables); "
            "it was left untouched: choose another file with --db"
        )
    version = int(scalar(f"SELECT max(version) AS v FROM {migrations.VERSION_TABLE}") or 0)
    if version > migrations.LATEST:
        raise DatabaseRefused(
            f"{target} was written by a newer claimtrack (schema {version}, this one knows "
            f"{migrations.LATEST}); upgrade claimtrack to use it"
        )
    return version


# The tables of the schema a server connection uses (what SQLAlchemy's inspector lists), read with
# one query through psycopg2: opening a database that is up to date never imports SQLAlchemy.
PG_TABLES = "SELECT tablename AS t FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"


def inspect_server(target: Target, engine: Engine, scalar: Scalar) -> int:
    """The schema version found on a server (0: an empty database); refuse another program's."""
    from sqlalchemy import inspect

    try:
        tables = set(inspect(engine).get_table_names())
    except DatabaseError:
        raise
    except Exception as exc:  # server down, bad credentials, no such database...
        raise DatabaseError(f"cannot connect to {target}: {terminal(target.scrub(first_line(exc)))}") from exc
    return check_tables(target, tables, scalar)


def migrate(target: Target, engine: Engine, dialect: str) -> None:
    """Apply every missing migration, each in its own transaction, recording each one."""
    from claimtrack import timeutil

    if target.path is not None:
        _create_private_file(target.path)
    try:
        for number, migration in enumerate(migrations.MIGRATIONS, start=1):
            when_unlocked(functools.partial(_apply, target, engine, dialect, number, migration, timeutil.now))
    except Exception as exc:
        if sqlstate(exc) != privileges.INSUFFICIENT_PRIVILEGE:
            raise
        # A PostgreSQL role without DDL rights (an editor or reader, README "Sharing with a team"):
        # only the schema's owner creates or upgrades it.
        query = _engine_query(engine)
        try:
            found = int(next(iter(query(f"SELECT max(version) AS v FROM {migrations.VERSION_TABLE}")))["v"] or 0)
        except Exception:  # noqa: BLE001 - no version table (nothing created yet), or cannot read it
            found = 0
        raise privileges.upgrade_refused(exc, query, str(target), found, migrations.LATEST) from exc


def _engine_query(engine: Engine) -> privileges.Query:
    """Run one read query (SQL text, ``:name`` parameters) on a connection of its own: rows as dicts."""

    def query(sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        from sqlalchemy import text

        with engine.connect() as conn:
            return [dict(row) for row in conn.execute(text(sql), params or {}).mappings()]

    return query


def _apply(
    target: Target, engine: Engine, dialect: str, number: int, migration: Callable[[Any], None], now: Callable[[], str]
) -> None:
    """Apply one migration in its own transaction unless another process already did."""
    with engine.connect() as conn, conn.begin():
        if dialect == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        migrations.create_version_table(conn)
        done = conn.exec_driver_sql(
            f"SELECT 1 FROM {migrations.VERSION_TABLE} WHERE version = ?"
            if target.is_sqlite
            else f"SELECT 1 FROM {migrations.VERSION_TABLE} WHERE version = %s",
            (number,),
        ).first()
        if done:  # another process got here first
            return
        migration(conn)
        conn.exec_driver_sql(
            f"INSERT INTO {migrations.VERSION_TABLE} (version, name, applied_at) VALUES "
            + ("(?, ?, ?)" if target.is_sqlite else "(%s, %s, %s)"),
            (number, migration.__name__, now()),
        )


def _peek(path: Path) -> sqlite3.Connection:
    """A connection to look at a file not yet accepted, which leaves all its files as they were.

    ``mode=ro`` alone is not enough in WAL mode: a read-only connection still creates missing
    -wal/-shm files (and cannot remove them again), and the first connection to a -shm rewrites it.
    So: with no -wal, nothing is pending and ``immutable=1`` reads the main file without locks or
    side files; with both, ``readonly_shm=1`` reads the WAL without writing the -shm (SQLite falls
    back to a private index when it cannot use the shared one). With a -wal but no -shm, plain
    ``mode=ro`` is the only way to read what the WAL holds; SQLite then creates a new -shm.
    """
    wal, shm, journal = (Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))
    if not wal and not journal:
        params = "mode=ro&immutable=1"
    elif wal and shm:
        params = "mode=ro&readonly_shm=1"
    else:
        params = "mode=ro"
    return connections.connect(path, connections.uri(path, params))


def _file_state(path: Path) -> tuple[bool, bool, bool, tuple[int, int, int]]:
    """Whether -wal, -shm and -journal exist, and the main file's inode, size and change time."""
    wal, shm, journal = (os.path.exists(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))
    try:
        info = os.stat(path)
        main = (info.st_ino, info.st_size, info.st_mtime_ns)
    except OSError:
        main = (0, 0, 0)
    return wal, shm, journal, main


def _may(path: Path, mode: int) -> bool:
    """``os.access`` with the effective ids where the platform allows (what SQLite will get)."""
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def _file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a file"


def _create_private_file(path: Path) -> None:
    """Create every missing folder of ``path`` (0700) and the empty file (0600): claims can be sensitive.

    Folders are made one level at a time, each 0700 whatever the umask (``mkdir -p`` would give
    all but the last the umask's default, 0777 under umask 000); existing folders keep their modes.
    A new database may not be named like another's ``-wal``/``-shm``/``-journal`` (``livefiles``).
    """
    if not path.exists():
        from claimtrack import livefiles

        livefiles.refuse_companion_name(str(path), f"a new database at {path}")
    missing: list[Path] = []
    folder = path.parent
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)  # exactly 0700, whatever the umask took away
        except FileExistsError:
            if not folder.is_dir():
                raise DatabaseError(
                    f"cannot create {terminal(path)}: {terminal(folder)} is a file, not a folder; "
                    "give another database path"
                ) from None
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the folder {terminal(folder)}: {exc.strerror}; "
                "choose a database path in a folder you may write to"
            ) from exc
    if not path.parent.is_dir():
        raise DatabaseError(
            f"cannot create {terminal(path)}: {terminal(path.parent)} is not a folder; give another database path"
        )
    if not path.exists():
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise DatabaseError(
                f"cannot create {terminal(path)}: {exc.strerror}; choose a path in a folder you may write to"
            ) from exc
