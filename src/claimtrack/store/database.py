"""Opening a claimtrack database safely, migrating it, and the two ways of talking to it.

* Reads are SQL text with named parameters (``store.queries``). On SQLite they run through the
  standard library's ``sqlite3``, so read commands never import SQLAlchemy; elsewhere (or with
  ``CLAIMTRACK_READ_DRIVER=sqlalchemy``, which the tests use to check both paths agree) they run
  through SQLAlchemy. ``Database._reader`` is the one place that chooses. A command that reads
  with several queries wraps them in ``Database.reading()``: one read transaction, so every query
  sees the same snapshot even while others write.
* Writes are SQL text too (``store.writes``, ``store.imports``), run by a ``store.writer.Writer``
  inside ``Database.writing()``, whose transaction takes the write lock up front (``BEGIN
  IMMEDIATE`` on SQLite), so a read-then-write never fails half way with "locked". On SQLite the
  writer is the standard library's ``sqlite3`` (on the reading connection, outside any read
  transaction); elsewhere, or with ``CLAIMTRACK_WRITE_DRIVER=sqlalchemy``, a SQLAlchemy connection.
  Migrations, and the SQLAlchemy paths, use the engine (``Database.session()``).

Before anything is written, the file is checked without modifying it: a file that is not SQLite,
a SQLite database of another program, or one made by a newer claimtrack is refused untouched.
SQLite-only settings (WAL, foreign keys, busy timeout, file modes) live here and nowhere else.

The file is never opened with ``open()``: closing any descriptor of a file drops every POSIX lock
this process holds on it, including those of another connection (a second ``Service``) still
using it, and another process may then checkpoint and delete a WAL that is still in use. SQLite's
own VFS shares descriptors and locks between the connections of a process, so every look at the
file goes through ``sqlite3``: first ``os.stat`` (a FIFO or a device is refused before anything
opens it), then a read-only connection that cannot write, checkpoint, or change the journal mode.

A database we may read but not write (``?mode=ro``, a read-only file, folder or medium) opens
read-only: reads work, and the first write is refused with a line saying why, before any change.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claimtrack.errors import DatabaseError, DatabaseRefused, NotFound
from claimtrack.store import migrations
from claimtrack.store.target import Target
from claimtrack.textsafe import terminal

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from claimtrack.store.writer import Writer

WRITE_LOCK_KEY = 0x636C6D74  # "clmt": PostgreSQL advisory lock that serialises claimtrack writers
BUSY_TIMEOUT_MS = 10_000  # concurrent writers wait this long for the lock before giving up
READ_DRIVER_ENV = "CLAIMTRACK_READ_DRIVER"
WRITE_DRIVER_ENV = "CLAIMTRACK_WRITE_DRIVER"
PEEK_RETRY_S = 2.0  # how long to keep looking at a file whose WAL files change under us

Row = dict[str, Any]


class Database:
    """An opened, checked and migrated claimtrack database."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self._engine: Engine | None = None
        self._sqlite: sqlite3.Connection | None = None
        self._read_conn: Any = None  # the SQLAlchemy connection pinned by ``reading()``
        self._read_depth = 0  # how many ``reading()`` blocks are open (they nest)
        self.schema_version = 0
        self.read_only: str | None = None  # why writes are refused (one line), None when writable
        self.created = False  # ``open`` made a new database here (it held none)
        self._wal_checked = False  # the sqlite3 writer made sure the file is in WAL mode
        self.recorded: list[Any] = []  # the changes committed through this handle (``writes.Journal``s)

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
                db._migrate()
                db.created = version == 0
        except BaseException:
            db.close()  # a refused file keeps no connection (nor -wal/-shm files) open
            raise
        db.schema_version = migrations.LATEST
        return db

    def _inspect(self) -> int:
        """The schema version found (0: new or empty); refuse anything we must not touch.

        Nothing here writes: ``os.stat`` first (so a FIFO cannot hang us), then one read-only
        connection (``_peek``) that is closed before the file is accepted.
        """
        if not self.target.is_sqlite:
            return self._inspect_server()
        path = self.target.path
        assert path is not None  # target.resolve refuses in-memory SQLite
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if self.target.read_only:
                raise DatabaseRefused(
                    f"{self.target} does not exist; ?mode=ro opens an existing database only"
                ) from None
            return 0  # _migrate creates it
        except NotADirectoryError:
            raise DatabaseRefused(
                f"cannot use {self.target}: a part of that path is a file, not a folder; give another database path"
            ) from None
        except OSError as exc:
            raise DatabaseRefused(f"cannot use {self.target}: {exc.strerror}; give another database path") from exc
        if stat.S_ISDIR(info.st_mode):
            raise DatabaseRefused(f"{self.target} is a directory; give a database file path with --db")
        if not stat.S_ISREG(info.st_mode):
            raise DatabaseRefused(
                f"{self.target} is not a regular file ({_file_kind(info.st_mode)}); give a database file path"
            )
        if not _may(path, os.R_OK):
            raise DatabaseRefused(f"cannot read {self.target}: permission denied; check its permissions")
        self.read_only = self._read_only_reason(path)
        if info.st_size == 0:
            return 0
        deadline = time.monotonic() + PEEK_RETRY_S
        while True:
            try:
                return self._peek_version(path)
            except sqlite3.DatabaseError as exc:
                if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
                    raise DatabaseRefused(
                        f"{self.target} is not a SQLite database; point --db or CLAIMTRACK_DB at a claimtrack database"
                    ) from exc
                # Other processes open, write and close the file meanwhile: its -wal/-shm files come
                # and go between _peek's look at them and its open. Look again before giving up.
                if time.monotonic() < deadline:
                    time.sleep(0.02)
                    continue
                raise DatabaseRefused(
                    f"{self.target} cannot be read as a SQLite database ({exc}); it was left untouched"
                ) from exc

    def _peek_version(self, path: Path) -> int:
        """The version ``_inspect`` found, from one look through ``_peek``.

        With no -wal, ``_peek`` reads without any lock (``immutable=1``): that look counts only if
        no -wal appeared and the file did not change while it ran (another process opened it and
        checkpointed meanwhile); otherwise it raises so that ``_inspect`` looks again. A refusal
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
        return self._check_tables(tables, lambda _sql: version)

    def _read_only_reason(self, path: Path) -> str | None:
        """Why this existing file may be read but not written, as the line a write will show."""
        if self.target.read_only:
            return "the database was opened read-only (mode=ro); nothing was changed: drop ?mode=ro to make changes"
        try:
            on_read_only_medium = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
        except OSError:
            on_read_only_medium = False
        if on_read_only_medium:
            return f"{self.target} is on a read-only medium; nothing was changed: copy it (claimtrack db backup) to change it"
        if not _may(path, os.W_OK):
            return (f"{self.target} is read-only to you (no write permission); nothing was changed: "
                    "ask its owner, or copy it (claimtrack db backup) to change it")
        if not _may(path.parent, os.W_OK | os.X_OK):
            return (f"the folder of {self.target} is read-only to you (SQLite writes its -wal and -shm files "
                    "there); nothing was changed: copy it (claimtrack db backup) to change it")
        return None

    def _check_tables(self, tables: set[str], scalar: Callable[[str], Any] | None = None) -> int:
        """The schema version, after refusing tables that are not (or not yet) ours.

        ``scalar`` runs one query on the connection that listed ``tables``.
        """
        if not tables:
            return 0
        if migrations.VERSION_TABLE not in tables:
            raise DatabaseRefused(
                f"{self.target} belongs to another program (no claimtrack tables); "
                "it was left untouched: choose another file with --db"
            )
        if scalar is None:
            row = self.query_one(f"SELECT max(version) AS v FROM {migrations.VERSION_TABLE}")
            found = row["v"] if row else None
        else:
            found = scalar(f"SELECT max(version) AS v FROM {migrations.VERSION_TABLE}")
        version = int(found or 0)
        if version > migrations.LATEST:
            raise DatabaseRefused(
                f"{self.target} was written by a newer claimtrack (schema {version}, this one knows "
                f"{migrations.LATEST}); upgrade claimtrack to use it"
            )
        return version

    def _inspect_server(self) -> int:
        from sqlalchemy import inspect

        try:
            tables = set(inspect(self.engine).get_table_names())
        except DatabaseError:
            raise
        except Exception as exc:  # server down, bad credentials, no such database...
            raise DatabaseError(f"cannot connect to {self.target}: {terminal(self.target.scrub(_first_line(exc)))}") from exc
        return self._check_tables(tables)

    def _migrate(self) -> None:
        """Apply every missing migration, each in its own transaction, recording each one."""
        from claimtrack import timeutil

        if self.target.path is not None:
            _create_private_file(self.target.path)
        for number, migration in enumerate(migrations.MIGRATIONS, start=1):
            _when_unlocked(lambda: self._apply(number, migration, timeutil.now))

    def _apply(self, number: int, migration: Callable[[Any], None], now: Callable[[], str]) -> None:
        """Apply one migration in its own transaction unless another process already did."""
        with self.engine.connect() as conn, conn.begin():
            if self.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            migrations.create_version_table(conn)
            done = conn.exec_driver_sql(
                f"SELECT 1 FROM {migrations.VERSION_TABLE} WHERE version = ?"
                if self.target.is_sqlite
                else f"SELECT 1 FROM {migrations.VERSION_TABLE} WHERE version = %s",
                (number,),
            ).first()
            if done:  # another process got here first
                return
            migration(conn)
            conn.exec_driver_sql(
                f"INSERT INTO {migrations.VERSION_TABLE} (version, name, applied_at) VALUES "
                + ("(?, ?, ?)" if self.target.is_sqlite else "(%s, %s, %s)"),
                (number, migration.__name__, now()),
            )

    @property
    def dialect(self) -> str:
        """``sqlite``, ``postgresql``...: read from the URL, without importing SQLAlchemy."""
        return self.target.url.split(":", 1)[0].split("+", 1)[0]

    # ---- reading -----------------------------------------------------------------------------

    def _reader(self) -> str:
        """Which driver runs reads: the one place that decides."""
        if self.target.is_sqlite and os.environ.get(READ_DRIVER_ENV, "sqlite3") != "sqlalchemy":
            return "sqlite3"
        return "sqlalchemy"

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
        if self._reader() == "sqlite3":
            cursor = self._sqlite_conn().execute(sql, params)
            names = [d[0] for d in cursor.description or ()]
            for values in cursor:
                yield dict(zip(names, values, strict=True))
            return
        yield from self._alchemy_rows(sql, params)

    def values(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
        """Stream rows of a read query as tuples: for the queries an export runs per claim.

        On SQLite this is the ``sqlite3`` cursor itself, with no Python step per row."""
        params = params or {}
        if self._reader() == "sqlite3":
            return iter(self._sqlite_conn().execute(sql, params))
        return (tuple(row.values()) for row in self._alchemy_rows(sql, params))

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
        PostgreSQL: one pinned connection in a ``REPEATABLE READ, READ ONLY`` transaction.
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
        """The reading connection (read-only when writes are refused, see ``_read_only_conn``)."""
        if self._sqlite is None:
            assert self.target.path is not None
            if self.read_only is None:
                conn = _connect(self.target.path)
            else:
                conn = _read_only_conn(self.target.path)
            conn.execute("PRAGMA foreign_keys = ON")
            self._sqlite = conn
        return self._sqlite

    # ---- writing -----------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = _make_engine(self.target, self.read_only)
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
        except DBAPIError as exc:
            if not isinstance(exc, OperationalError) and _sqlstate(exc) != _PG_SEQUENCE_LIMIT:
                raise
            raise self._write_error(exc) from exc

    def _write_driver(self) -> str:
        """Which driver runs writes: the one place that decides (see ``store.writer``)."""
        if self.target.is_sqlite and os.environ.get(WRITE_DRIVER_ENV, "sqlite3") != "sqlalchemy":
            return "sqlite3"
        return "sqlalchemy"

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """A write transaction: everything inside commits together or not at all.

        The write lock is taken before anything is read (``BEGIN IMMEDIATE`` on SQLite, an advisory
        lock on PostgreSQL), so a read-then-write never fails half way with "locked": other writers
        wait their turn, up to the busy timeout. Read the clock inside the block, once the lock is
        held, so recorded times follow commit order. Failures become one-line ``DatabaseError``s
        (busy, disk full, read-only), and nothing is written.
        """
        from claimtrack.store.writer import AlchemyWriter, SqliteWriter

        if self._write_driver() != "sqlite3":
            with self.session() as session:
                yield AlchemyWriter(session.connection())
            return
        if self.read_only is not None:
            raise DatabaseError(self.read_only)  # before BEGIN: nothing was written
        conn = self._sqlite_conn()
        if conn.in_transaction:  # pragma: no cover - a programming error: writing inside reading()
            raise RuntimeError("a write transaction cannot start inside a read transaction")
        try:
            if not self._wal_checked:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    _when_unlocked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
                self._wal_checked = True
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from exc
        committing = False
        try:
            yield SqliteWriter(conn)
            committing = True
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            _rollback(conn)
            raise self._write_error(exc) from exc
        except KeyboardInterrupt:
            if committing and not conn.in_transaction:
                return  # Ctrl-C landed as the commit finished: the work is saved; report it as done
            _rollback(conn)
            raise
        except BaseException:
            _rollback(conn)
            raise

    def _write_error(self, exc: BaseException) -> DatabaseError:
        """The one line for a failed write transaction (rolled back by now): ids run out, disk full, busy...

        SQLite says "database or disk is full" (SQLITE_FULL) both when the disk is full and when a
        table has used the largest id it can store (``store.idroom``), so that is looked at first:
        "the disk is full" is said only when it is."""
        if is_disk_full(exc) or _sqlstate(exc) == _PG_SEQUENCE_LIMIT:
            from claimtrack.store import idroom

            try:
                problem = idroom.spent(self.query, self.dialect)
            except Exception:  # noqa: BLE001 - cannot even read: the disk-full line below stands
                problem = None
            if problem:
                return DatabaseError(problem)
        elif _is_io_error(exc) and self._no_space_left():
            # A disk with no byte free fails even the shared-memory file SQLite opens first, which
            # it reports as "disk I/O error" (SQLITE_IOERR_SHMSIZE), not SQLITE_FULL.
            return DatabaseError(f"{DISK_FULL}: nothing was saved; free some space and try again")
        return _write_error(exc, self.target)

    def _no_space_left(self) -> bool:
        """Whether the file system holding the SQLite file has no free block left at all."""
        if self.target.path is None:
            return False
        try:
            found = os.statvfs(self.target.path.parent)
            return (found.f_bfree if os.geteuid() == 0 else found.f_bavail) == 0  # root may use the reserve
        except (OSError, AttributeError):  # no statvfs (Windows), or the folder is gone
            return False

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
            return DISK_FULL if is_disk_full(exc) else _first_line(exc)
        return None

    # ---- care ------------------------------------------------------------------------------

    def check(self) -> dict[str, Any]:
        """What ``db check`` reports: counts, integrity, and every finding of ``store.health``.

        Everything is read in one snapshot, so a check made while others write is consistent.
        """
        from claimtrack.store import health

        # FTS5 checks its index by an INSERT: in a write transaction of its own, before the snapshot
        # (not when the caller already holds a snapshot: no write may start inside it).
        in_step = None if self._read_depth else health.search_index_in_step(self)
        with self.reading():
            report = health.check(self, in_step)
        if self.target.path is not None:  # named, never removed: the next backup removes them
            from claimtrack import backupfiles

            left = backupfiles.abandoned(self.target.path)
            if left:
                report["abandoned_backup_files"] = left
        return report

    def backup(self, destination: Path) -> list[str]:
        """A consistent copy (``VACUUM INTO``), safe while other commands are writing.

        The copy is written to a private temporary name in the destination's folder
        (``backupfiles``: it holds our pid, and is flock-ed while SQLite writes it) and given
        its final name only once complete, so an interrupted backup (killed, disk full) never
        leaves a file under the name asked for, and the retry is not refused. The final name is
        claimed with ``link``, which never replaces an existing file. The partial files of backups
        that were killed (pid gone, lock free) are removed first; returns their paths.
        The database's own files (``livefiles``) are refused as a destination.
        """
        from claimtrack import backupfiles, livefiles, signals

        if self.dialect != "sqlite":
            raise DatabaseError("db backup copies SQLite files; for a server database use its own tools "
                                "(pg_dump) or: claimtrack export --format json")
        livefiles.refuse(str(destination), self.target.path, f"the backup to {destination}")
        livefiles.refuse_companion_name(str(destination), f"the backup to {destination}")
        if destination.exists() or destination.is_symlink():
            raise DatabaseError(f"{destination} already exists; choose a new file name (nothing was overwritten)")
        if not destination.parent.is_dir():
            raise DatabaseError(f"cannot write {destination}: the folder does not exist")
        removed = backupfiles.remove_abandoned(destination.parent, self.target.path)
        partial = destination.parent / backupfiles.partial_name(destination.name)
        with signals.ended_by_signals():  # SIGTERM/SIGHUP: the finally below removes the partial file
            self._backup_to(partial, destination)
        return removed

    def _backup_to(self, partial: Path, destination: Path) -> None:
        from claimtrack import backupfiles

        try:
            # Born empty and 0600, before any data lands in it; VACUUM INTO accepts an empty file.
            os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            with backupfiles.writing(partial, self.target.path):
                self._sqlite_conn().execute("VACUUM INTO ?", (str(partial),))
                _fsync(partial)
                _claim_name(partial, destination)
        except FileExistsError as exc:
            partial.unlink(missing_ok=True)
            raise DatabaseError(f"{destination} already exists; choose a new file name (nothing was overwritten)") from exc
        except (OSError, sqlite3.Error) as exc:
            partial.unlink(missing_ok=True)
            if is_disk_full(exc):
                raise DatabaseError(
                    f"{DISK_FULL}: the backup was not written (no file was left at {destination}); "
                    "free some space and try again"
                ) from exc
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _first_line(exc)
            raise DatabaseError(f"backup to {destination} failed: {reason}; nothing was written") from exc
        finally:
            partial.unlink(missing_ok=True)
            Path(f"{partial}-journal").unlink(missing_ok=True)

    def close(self) -> None:
        self._read_conn, self._read_depth = None, 0
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _write_error(exc: BaseException, target: Target) -> DatabaseError:
    """The one line for a failed write transaction (either driver): disk full, busy, or what SQLite said."""
    if is_disk_full(exc):
        return DatabaseError(f"{DISK_FULL}: nothing was saved; free some space and try again")
    if "locked" in str(exc) or "busy" in str(exc):
        return DatabaseError(
            f"the database is busy (another claimtrack kept it locked for over "
            f"{BUSY_TIMEOUT_MS // 1000} s); nothing was changed, try again"
        )
    return DatabaseError(f"could not write to {target}: {target.scrub(_first_line(exc))}")


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo an open write transaction; a failure here only means SQLite already rolled back."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def _make_engine(target: Target, read_only: str | None = None) -> Engine:
    """The SQLAlchemy engine; ``read_only`` (the reason) refuses every write transaction."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    if not target.is_sqlite:
        try:
            return create_engine(target.url)
        except ModuleNotFoundError as exc:
            raise DatabaseError(
                f"the driver for {target} is not installed ({exc.name}); "
                "install it, e.g. pip install 'claimtrack[postgres]'"
            ) from exc
        except Exception as exc:
            if type(exc).__name__ == "NoSuchModuleError":  # an unknown scheme: http://, postgres://...
                raise DatabaseError(
                    f"invalid database URL {target}: unknown database type {target.url.split(':', 1)[0]!r}; "
                    "give sqlite:///PATH, postgresql+psycopg://USER:PASSWORD@HOST/DBNAME, or a file path"
                ) from exc
            raise DatabaseError(f"invalid database URL {target}: {terminal(target.scrub(_first_line(exc)))}") from exc

    path = target.path
    assert path is not None

    def connect() -> sqlite3.Connection:
        # Our own connect, so the path is used exactly (a "?" or "%" in it is not URL syntax).
        return _connect(path) if read_only is None else _read_only_conn(path)

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see "begin" below).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only is None and cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            _when_unlocked(lambda: cursor.execute("PRAGMA journal_mode = WAL"))
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


def _connect(path: Path, uri: str | None = None) -> sqlite3.Connection:
    """A ``sqlite3`` connection with our busy timeout and autocommit (transactions are explicit)."""
    conn = sqlite3.connect(
        uri or path, uri=uri is not None, timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None, check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _uri(path: Path, params: str) -> str:
    return f"file://{quote(str(path), safe='/')}?{params}"


def _when_unlocked(step: Callable[[], Any]) -> Any:
    """Run a start-up step (journal mode switch, one migration), again if SQLite said "locked".

    SQLite answers "database is locked" at once, without waiting out the busy timeout, when
    waiting could deadlock: two processes opening a rollback-journal database at the same moment
    both switch it to WAL or migrate it, and one of them is told to back off. Each step is safe to
    repeat (a migration checks whether it is already applied), so back off and try again for up to
    the busy timeout; then it is a clear "busy" error, not an unexpected one.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            return step()
        except Exception as exc:  # sqlite3 or SQLAlchemy's wrapper of it
            locked = "database is locked" in str(exc) or "database is busy" in str(exc)
            if not locked:
                raise
            if time.monotonic() >= deadline:
                raise DatabaseError(
                    f"the database is busy (another claimtrack kept it locked for over "
                    f"{BUSY_TIMEOUT_MS // 1000} s while opening it); nothing was changed, try again"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


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
    return _connect(path, _uri(path, params))


def _file_state(path: Path) -> tuple[bool, bool, bool, tuple[int, int, int]]:
    """Whether -wal, -shm and -journal exist, and the main file's inode, size and change time."""
    wal, shm, journal = (os.path.exists(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))
    try:
        info = os.stat(path)
        main = (info.st_ino, info.st_size, info.st_mtime_ns)
    except OSError:
        main = (0, 0, 0)
    return wal, shm, journal, main


def _read_only_conn(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, and can read even a WAL database on read-only media.

    ``mode=ro`` needs the -wal and -shm files to exist or be creatable; on a read-only medium or
    in a folder we may not write with no -wal present (so nobody has it open to write), SQLite can
    only read it as ``immutable=1``, the documented way to read WAL databases on read-only media.
    """
    conn = _connect(path, _uri(path, "mode=ro"))
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # opens the WAL now, not mid-command
    except sqlite3.OperationalError as exc:
        primary = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if primary not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
            conn.close()
            raise  # "locked" and the like are real: immutable reads would take no lock at all
        conn.close()
        return _connect(path, _uri(path, "mode=ro&immutable=1"))
    return conn


def _may(path: Path, mode: int) -> bool:
    """``os.access`` with the effective ids where the platform allows (what SQLite will get)."""
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
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
                raise DatabaseError(f"cannot create {_shown(path)}: {_shown(folder)} is a file, not a folder; "
                                    "give another database path") from None
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder {_shown(folder)}: {exc.strerror}; "
                                "choose a database path in a folder you may write to") from exc
    if not path.parent.is_dir():
        raise DatabaseError(f"cannot create {_shown(path)}: {_shown(path.parent)} is not a folder; "
                            "give another database path")
    if not path.exists():
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise DatabaseError(f"cannot create {_shown(path)}: {exc.strerror}; "
                                "choose a path in a folder you may write to") from exc


def _shown(path: Path) -> str:
    return terminal(path)


DISK_FULL = "the disk is full"
_SQLITE_FULL = 13
_SQLITE_IOERR = 10
_PG_DISK_FULL = "53100"
_PG_SEQUENCE_LIMIT = "2200H"  # nextval past the sequence's maximum


def _is_io_error(exc: BaseException) -> bool:
    """SQLITE_IOERR (any extended code), raw or wrapped by SQLAlchemy."""
    orig = getattr(exc, "orig", None) or exc
    return isinstance(orig, sqlite3.Error) and (
        getattr(orig, "sqlite_errorcode", 0) & 0xFF == _SQLITE_IOERR or "disk I/O error" in str(orig))


def _sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a PostgreSQL error (raw or wrapped by SQLAlchemy), else None."""
    return getattr(getattr(exc, "orig", None) or exc, "sqlstate", None)


def is_disk_full(exc: BaseException) -> bool:
    """Whether an error (SQLite, PostgreSQL, the OS; raw or wrapped by SQLAlchemy) means no space left."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(exc, sqlite3.Error) and (
            getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL or "database or disk is full" in str(exc)
        ):
            return True
        if getattr(exc, "sqlstate", None) == _PG_DISK_FULL:  # psycopg.errors.DiskFull
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__  # type: ignore[assignment]
    return False


def _fsync(path: Path) -> None:
    """Make a finished file durable before it gets its final name."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _claim_name(partial: Path, final: Path) -> None:
    """Give a finished file its final name, never replacing a file of that name (FileExistsError).

    ``link`` is atomic and refuses an existing name; where a file system has no hard links, fall
    back to ``rename`` after checking the name is still free.
    """
    try:
        os.link(partial, final)
    except FileExistsError:
        raise
    except OSError:
        if final.exists() or final.is_symlink():
            raise FileExistsError(errno.EEXIST, "file exists", str(final)) from None
        os.rename(partial, final)
    else:
        partial.unlink()
    try:  # the new name itself must survive a crash
        dir_fd = os.open(final.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
