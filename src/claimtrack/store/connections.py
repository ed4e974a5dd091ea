"""How claimtrack connects to its database, with which settings, through either driver.

Every connection to a SQLite file is made by ``connect`` (the ``sqlite3`` reader and writer, and
the SQLAlchemy engine, whose ``creator`` it is): our busy timeout, autocommit (transactions are
explicit), and the path used exactly (a "?" or "%" in it is not URL syntax). ``make_engine`` adds
what SQLAlchemy needs on top: foreign keys, WAL, and a write lock taken at ``BEGIN``. SQLite-only
settings live here and in ``store.opening``, nowhere else.

A database we may read but not write opens through ``read_only_conn``, which cannot write and can
still read a WAL database on read-only media.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claimtrack.errors import DatabaseError
from claimtrack.store import pgdriver
from claimtrack.store.failures import first_line
from claimtrack.store.locking import BUSY_TIMEOUT_MS, when_unlocked
from claimtrack.store.target import Target
from claimtrack.textsafe import terminal

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def connect(path: Path, uri: str | None = None) -> sqlite3.Connection:
    """A ``sqlite3`` connection with our busy timeout and autocommit (transactions are explicit)."""
    conn = sqlite3.connect(
        uri or path, uri=uri is not None, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def uri(path: Path, params: str) -> str:
    return f"file://{quote(str(path), safe='/')}?{params}"


def read_only_conn(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, and can read even a WAL database on read-only media.

    ``mode=ro`` needs the -wal and -shm files to exist or be creatable; on a read-only medium or
    in a folder we may not write with no -wal present (so nobody has it open to write), SQLite can
    only read it as ``immutable=1``, the documented way to read WAL databases on read-only media.
    """
    conn = connect(path, uri(path, "mode=ro"))
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # opens the WAL now, not mid-command
    except sqlite3.OperationalError as exc:
        primary = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if primary not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
            conn.close()
            raise  # "locked" and the like are real: immutable reads would take no lock at all
        conn.close()
        return connect(path, uri(path, "mode=ro&immutable=1"))
    return conn


def make_engine(target: Target, read_only: str | None = None) -> Engine:
    """The SQLAlchemy engine; ``read_only`` (the reason) refuses every write transaction."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    if not target.is_sqlite:
        try:
            engine = create_engine(pgdriver.alchemy_url(target))  # psycopg2 for every libpq URL, as the fast path
        except ModuleNotFoundError as exc:
            raise DatabaseError(
                f"the driver for {target} is not installed ({exc.name}); "
                "install it, e.g. pip install 'claimtrack[postgres]'"
            ) from exc
        except Exception as exc:
            if type(exc).__name__ == "NoSuchModuleError":  # an unknown scheme: http://, mysql+nodriver://...
                raise DatabaseError(
                    f"invalid database URL {target}: unknown database type {target.url.split(':', 1)[0]!r}; "
                    "give sqlite:///PATH, postgresql://USER:PASSWORD@HOST/DBNAME, or a file path"
                ) from exc
            raise DatabaseError(f"invalid database URL {target}: {terminal(target.scrub(first_line(exc)))}") from exc

        @event.listens_for(engine, "connect")
        def _plan_whole(dbapi_conn: Any, _record: Any) -> None:
            with dbapi_conn.cursor() as cursor:  # as pgdriver.connect does, for streamed reads
                cursor.execute(pgdriver.PLAN_WHOLE)
            dbapi_conn.commit()

        return engine

    path = target.path
    assert path is not None

    def creator() -> sqlite3.Connection:
        # Our own connect, so the path is used exactly (a "?" or "%" in it is not URL syntax).
        return connect(path) if read_only is None else read_only_conn(path)

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=creator)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see "begin" below).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only is None and cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            when_unlocked(lambda: cursor.execute("PRAGMA journal_mode = WAL"))
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Take the write lock before the first read of a write transaction: a read-then-write
        # can then never fail with "database is locked" half way; other writers wait instead.
        # Plain reads (``iterate``) take no lock.
        read_only_txn = conn.get_execution_options().get("claimtrack_read", False)
        if read_only is not None and not read_only_txn:
            raise DatabaseError(read_only)  # before BEGIN: nothing was written
        conn.exec_driver_sql("BEGIN" if read_only_txn else "BEGIN IMMEDIATE")

    return engine
