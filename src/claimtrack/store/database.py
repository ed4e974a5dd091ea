"""An opened claimtrack database (``Database``), and the two ways of talking to it.

* Reads are SQL text with named parameters (``store.queries``). On SQLite they run through the
  standard library's ``sqlite3``, so read commands never import SQLAlchemy; elsewhere (or with
  ``CLAIMTRACK_READ_DRIVER=sqlalchemy``, which the tests use to check both paths agree) they run
  through SQLAlchemy. ``Database._reader`` is the one place that chooses. A command that reads
  with several queries wraps them in ``Database.reading()``: one read transaction, so every query
  sees the same snapshot even while others write. On PostgreSQL (a ``postgresql://`` URL, or any
  other naming libpq: ``pgdriver.direct``) they run through psycopg2 directly (``store.pgdriver``),
  again without SQLAlchemy.
* Writes are SQL text too (``store.writes``, ``store.imports``), run by a ``store.writer.Writer``
  inside ``Database.writing()``, whose transaction takes the write lock up front (``BEGIN
  IMMEDIATE`` on SQLite), so a read-then-write never fails half way with "locked". On SQLite the
  writer is the standard library's ``sqlite3`` (on the reading connection, outside any read
  transaction); on PostgreSQL psycopg2 (``store.pgdriver``); elsewhere, or with
  ``CLAIMTRACK_WRITE_DRIVER=sqlalchemy``, a SQLAlchemy connection. Migrations (only when the
  schema is behind), and the SQLAlchemy paths, use the engine (``Database.session()``).

``Database.open`` checks the target before touching it and creates or migrates it
(``store.opening``). The rest is spread by concern below this module: how connections are made
and set up (``store.connections``), how writers take turns (``store.locking``), the ``sqlite3``
write transaction (``store.transaction``), what a failure means in one line (``store.failures``)
and ``db backup`` (``store.backup``). ``db check`` (``store.health``) reads through the
``store.handle.Handle`` a ``Database`` is; this module never imports it.

A database we may read but not write (``?mode=ro``, a read-only file, folder or medium) opens
read-only: reads work, and the first write is refused with a line saying why, before any change.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack import authors
from claimtrack.errors import DatabaseError, NotFound
from claimtrack.store import connections, failures, migrations, opening, pgdriver, transaction
from claimtrack.store.locking import WRITE_LOCK_KEY
from claimtrack.store.target import Target

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from claimtrack.store.writer import Writer

READ_DRIVER_ENV = "CLAIMTRACK_READ_DRIVER"
WRITE_DRIVER_ENV = "CLAIMTRACK_WRITE_DRIVER"

Row = dict[str, Any]


class Database:
    """An opened, checked and migrated claimtrack database."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self._engine: Engine | None = None
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None  # the psycopg2 connection (``store.pgdriver``), made on first use
        self._read_conn: Any = None  # the SQLAlchemy connection pinned by ``reading()``
        self._read_depth = 0  # how many ``reading()`` blocks are open (they nest)
        self.schema_version = 0
        self.read_only: str | None = None  # why writes are refused (one line), None when writable
        self.created = False  # ``open`` made a new database here (it held none)
        self._wal_checked = False  # the sqlite3 writer made sure the file is in WAL mode
        self.recorded: list[Any] = []  # the changes committed through this handle (``changing.Journal``s)
        self._author: str | None = None  # who this command's changes are by (``author``)
        self.author_of: Callable[[], str] = authors.login  # how to find it out (the service adds the settings)

    @property
    def author(self) -> str:
        """Who this command's changes are by (``claimtrack.authors``): resolved on first use, once."""
        if self._author is None:
            self._author = self.author_of()
        return self._author

    @author.setter
    def author(self, name: str) -> None:
        self._author = name

    # ---- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, target: Target, create: bool = True) -> Database:
        """Check the target, create or migrate it if needed, and return it ready to use.

        ``create=False`` (read commands) refuses a target that holds no claimtrack database yet,
        instead of creating one as a side effect of looking.
        """
        db = cls(target)
        try:
            version = db._inspect()
            if version == 0 and not create:
                raise NotFound(
                    f"there is no claimtrack database at {target} yet; create it with: {target.command('init')} "
                    f"(or {target.command('init --seed')} for the bundled article's claims)"
                )
            if version < migrations.LATEST:
                if db.read_only is not None:
                    what = "create a database in it" if version == 0 else f"upgrade it to schema {migrations.LATEST}"
                    raise DatabaseError(f"cannot {what}: {db.read_only}")
                opening.migrate(target, db.engine, db.dialect)
                db.created = version == 0
        except BaseException:
            db.close()  # a refused file keeps no connection (nor -wal/-shm files) open
            raise
        db.schema_version = migrations.LATEST
        return db

    def _inspect(self) -> int:
        """The schema version found (0: new or empty); refuse anything we must not touch (``store.opening``)."""
        if not self.target.is_sqlite:
            scalar = lambda sql: (self.query_one(sql) or {}).get("v")  # noqa: E731
            if self._reader() == "psycopg2":  # connecting is the first query: its failure is the one line
                return opening.check_tables(self.target, {r["t"] for r in self.query(opening.PG_TABLES)}, scalar)
            return opening.inspect_server(self.target, self.engine, scalar)
        version, self.read_only = opening.inspect_file(self.target)
        return version

    @property
    def dialect(self) -> str:
        """``sqlite``, ``postgresql``...: read from the URL, without importing SQLAlchemy."""
        name = self.target.url.split(":", 1)[0].split("+", 1)[0].lower()
        return "postgresql" if name == "postgres" else name  # libpq's alias (``pgdriver.direct``)

    # ---- reading -----------------------------------------------------------------------------

    def _reader(self) -> str:
        """Which driver runs reads: the one place that decides."""
        return self._driver(READ_DRIVER_ENV)

    def _driver(self, env: str) -> str:
        """``sqlite3``, ``psycopg2`` or ``sqlalchemy`` (always, when ``env`` says so)."""
        if os.environ.get(env, "") == "sqlalchemy":
            return "sqlalchemy"
        if self.target.is_sqlite:
            return "sqlite3"
        return "psycopg2" if pgdriver.direct(self.target) else "sqlalchemy"

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run a read query (SQL text, ``:name`` parameters) and return rows as dicts."""
        return list(self.iterate(sql, params))

    def query_one(self, sql: str, params: dict[str, Any] | None = None) -> Row | None:
        for row in self.iterate(sql, params):
            return row
        return None

    def iterate(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[Row]:
        """Stream rows of a read query, one dict at a time."""
        params = params or {}
        reader = self._reader()
        if reader == "sqlite3":
            cursor = self._sqlite_conn().execute(sql, params)
            names = [d[0] for d in cursor.description or ()]
            for values in cursor:
                yield dict(zip(names, values, strict=True))
            return
        if reader == "psycopg2":
            yield from pgdriver.rows(self._pg_conn(), sql, params, self._read_depth > 0)
            return
        yield from self._alchemy_rows(sql, params)

    def values(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
        """Stream rows of a read query as tuples: for the queries an export runs per claim.

        On SQLite this is the ``sqlite3`` cursor itself, with no Python step per row."""
        params = params or {}
        if self._reader() == "sqlite3":
            return iter(self._sqlite_conn().execute(sql, params))
        if self._reader() == "psycopg2":
            return (
                v for _, found in pgdriver.iterate(self._pg_conn(), sql, params, self._read_depth > 0) for v in found
            )
        return (tuple(row.values()) for row in self._alchemy_rows(sql, params))

    def binary(self, sql: str, params: dict[str, Any]) -> bytes | None:
        """PostgreSQL through psycopg2: what ``sql`` selects in binary COPY format; else None."""
        if self._reader() != "psycopg2":
            return None
        return pgdriver.copy_out(self._pg_conn(), sql, params)

    def _alchemy_rows(self, sql: str, params: dict[str, Any]) -> Iterator[Row]:
        from sqlalchemy import text

        if self._read_conn is not None:  # inside ``reading()``: its connection and snapshot
            result = self._read_conn.execute(text(sql), params, execution_options={"stream_results": True})
            for mapping in result.mappings():
                yield dict(mapping)
            return
        with self.engine.connect() as conn:
            conn = conn.execution_options(stream_results=True, claimtrack_read=True)
            result = conn.execute(text(sql), params)
            for mapping in result.mappings():
                yield dict(mapping)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Run every read inside the block in ONE read transaction: one consistent snapshot.

        Without it each statement is its own snapshot (the ``sqlite3`` reader is in autocommit
        mode; on the SQLAlchemy path each ``iterate`` takes its own connection), so a command that
        reads claims and then their events could see a claim's old status next to the event that
        changed it. SQLite: ``BEGIN DEFERRED`` on the reader connection (the snapshot is taken by
        the first read and held until the block ends; it takes no write lock, so writers carry on).
        PostgreSQL: one connection in a ``REPEATABLE READ, READ ONLY`` transaction.
        Blocks nest (only the outermost one opens and ends the transaction). A generator may hold
        the block open while it streams; it ends when the generator is exhausted or closed.
        """
        if self._read_depth:
            self._read_depth += 1
            try:
                yield
            finally:
                self._read_depth -= 1
            return
        if self._reader() == "sqlite3":
            conn = self._sqlite_conn()
            conn.execute("BEGIN DEFERRED")
            self._read_depth = 1
            try:
                yield
            finally:
                self._read_depth = 0
                if self._sqlite is conn:  # not closed meanwhile (closing ends the transaction)
                    try:
                        conn.execute("COMMIT")
                    except sqlite3.Error:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
            return
        if self._reader() == "psycopg2":
            with pgdriver.reading(self._pg_conn()):
                self._read_depth = 1
                try:
                    yield
                finally:
                    self._read_depth = 0
            return
        with self.engine.connect() as sa_conn:
            sa_conn = sa_conn.execution_options(claimtrack_read=True)
            with sa_conn.begin():
                if self.dialect == "postgresql":
                    sa_conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                self._read_conn, self._read_depth = sa_conn, 1
                try:
                    yield
                finally:
                    self._read_conn, self._read_depth = None, 0

    def _sqlite_conn(self) -> sqlite3.Connection:
        """The reading connection (read-only when writes are refused, see ``connections.read_only_conn``)."""
        if self._sqlite is None:
            assert self.target.path is not None
            if self.read_only is None:
                conn = connections.connect(self.target.path)
            else:
                conn = connections.read_only_conn(self.target.path)
            conn.execute("PRAGMA foreign_keys = ON")
            self._sqlite = conn
        return self._sqlite

    def _pg_conn(self) -> Any:
        """The psycopg2 connection (autocommit; ``store.pgdriver``)."""
        if self._pg is None:
            self._pg = pgdriver.connect(self.target)
        return self._pg

    # ---- writing -----------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = connections.make_engine(self.target, self.read_only)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction: everything inside commits together or not at all."""
        from sqlalchemy.exc import DBAPIError, OperationalError
        from sqlmodel import Session

        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                session.connection()  # BEGIN IMMEDIATE now: the lock is held before anything is read
                if self.dialect == "postgresql":  # the same one-writer-at-a-time rule on a server
                    session.connection().exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                yield session
        except OperationalError as exc:
            raise self._write_error(exc) from exc
        except DBAPIError as exc:
            line = self._server_error(exc) if self.dialect == "postgresql" else None
            if line is None:
                raise
            raise line from exc

    def _write_driver(self) -> str:
        """Which driver runs writes: the one place that decides (see ``store.writer``)."""
        return self._driver(WRITE_DRIVER_ENV)

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """A write transaction: everything inside commits together or not at all.

        The write lock is taken before anything is read (``BEGIN IMMEDIATE`` on SQLite, an advisory
        lock on PostgreSQL), so a read-then-write never fails half way with "locked": other writers
        wait their turn, up to the busy timeout. Read the clock inside the block, once the lock is
        held, so recorded times follow commit order. Failures become one-line ``DatabaseError``s
        (busy, disk full, read-only), and nothing is written.
        """
        from claimtrack.store.writer import AlchemyWriter, scalar

        author = self.author  # before the transaction: a bad settings file changes nothing
        driver = self._write_driver()
        if driver == "psycopg2":
            with pgdriver.writing(self._pg_conn(), self._server_error) as pg_writer:
                pg_writer.author = author
                pg_writer.db_role = scalar(
                    pg_writer, "SELECT current_user AS db_role"
                )  # the login no setting can change
                yield pg_writer
            return
        if driver != "sqlite3":
            with self.session() as session:
                writer = AlchemyWriter(session.connection())
                writer.author = author
                if self.dialect == "postgresql":  # the login no setting can change
                    writer.db_role = scalar(writer, "SELECT current_user AS db_role")
                yield writer
            return
        if self.read_only is not None:
            raise DatabaseError(self.read_only)  # before BEGIN: nothing was written
        with transaction.immediate(self._sqlite_conn(), self._write_error, self._wal_checked) as sqlite_writer:
            self._wal_checked = True
            sqlite_writer.author = author
            yield sqlite_writer

    def _write_error(self, exc: BaseException) -> DatabaseError:
        """The one line for a failed write transaction (rolled back by now), see ``store.failures``."""
        return failures.write_error(exc, self.target, self.query, self.dialect)

    def _server_error(self, exc: BaseException, statement: str | None = None) -> DatabaseError | None:
        """The one line for a failed write on a server, or None for a bug (``failures.server_write_error``)."""
        return failures.server_write_error(exc, self.target, self.query, self.dialect, statement)

    def checkpoint(self) -> str | None:
        """Fold the WAL back into the database file (after bulk writes, so reads stay quick).

        Best effort, and only ever called after a commit: the data is already safe in the WAL,
        and SQLite folds it in later by itself, so a failure here (a full disk, most likely) must
        never be reported as a failed write. Returns None, or what went wrong, for a warning.
        """
        if self.dialect != "sqlite":
            return None
        try:
            self._sqlite_conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            return failures.DISK_FULL if failures.is_disk_full(exc) else failures.first_line(exc)
        return None

    # ---- care ------------------------------------------------------------------------------

    @property
    def in_snapshot(self) -> bool:
        """Whether a ``reading()`` block is open: no write transaction may start until it ends."""
        return self._read_depth > 0

    def backup(self, destination: Path) -> list[str]:
        """A consistent copy in the new file ``destination`` (``store.backup``), safe while others
        write; returns the partial files of killed backups removed from its folder on the way."""
        from claimtrack.store import backup

        return backup.copy(self.target, self.dialect, destination, self._sqlite_conn)

    def close(self) -> None:
        self._read_conn, self._read_depth = None, 0
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._pg is not None:
            self._pg.close()
            self._pg = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
