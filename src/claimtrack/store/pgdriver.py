"""PostgreSQL's fast path: the store's SQL text run through psycopg directly, without SQLAlchemy.

As on SQLite (``sqlite3``), importing SQLAlchemy, SQLModel and pydantic cost far more per command
(~0.3 s) than the statements themselves (~1 ms each on a local server). So on a
``postgresql+psycopg://`` target every read and write runs here; SQLAlchemy is imported only to
migrate a database whose schema is behind, and for the cross-check pass
(``CLAIMTRACK_READ_DRIVER`` / ``CLAIMTRACK_WRITE_DRIVER=sqlalchemy``) that runs the same statements
through it. ``Database`` chooses the driver; this module connects, adapts the SQL and runs it.

Placeholders. The store writes ``:name`` parameters (SQLite's style, and SQLAlchemy ``text()``'s);
psycopg wants ``%(name)s`` and reads every other ``%`` as the start of one. ``adapt`` rewrites a
statement the way SQLAlchemy's ``text()`` does for psycopg: the same pattern finds the names (a
``::`` cast is not one), and every ``%`` is doubled. Statements are adapted once and cached.

Transactions. The connection is in autocommit mode, so a lone read is its own snapshot (as the
``sqlite3`` reader is); ``Database.reading()`` wraps several in ``REPEATABLE READ, READ ONLY``, in
which rows are streamed through a server-side cursor (an export of a million claims is never all
in memory); ``writing`` opens a write transaction that takes the writers' advisory lock first.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from claimtrack.errors import DatabaseError
from claimtrack.store.locking import WRITE_LOCK_KEY
from claimtrack.store.target import Target
from claimtrack.store.writer import Params, Row, insert_sql

# SQLAlchemy's own pattern for ``text()`` bind parameters (sqlalchemy.sql.elements.TextClause).
_BIND = re.compile(r"(?<![:\w\x5c]):(\w+)(?!:)", re.UNICODE)
_cursor_names = itertools.count(1)
STREAM_ROWS = 2000  # rows fetched per round trip by a server-side cursor
COPY_FROM_ROWS = 20  # an ``executemany`` of a plain insert this long runs as COPY (``copy_statement``)
_PLAIN_INSERT = re.compile(r"^INSERT INTO (?P<table>\w+) \((?P<columns>[\w, ]+)\) VALUES \((?P<values>[:\w, ]+)\)$")


def uses_psycopg(target: Target) -> bool:
    """Whether the target's URL names psycopg (v3) as its driver: only then is this path taken."""
    return target.url.split(":", 1)[0].lower() == "postgresql+psycopg"


@functools.lru_cache(maxsize=512)
def adapt(sql: str) -> str:
    """``:name`` parameters as ``%(name)s``, every other ``%`` doubled (see the module docstring)."""
    return _BIND.sub(r"%(\1)s", sql.replace("%", "%%")).replace("\\:", ":")


@functools.lru_cache(maxsize=64)
def copy_statement(sql: str) -> tuple[str, tuple[str, ...], frozenset[str]] | None:
    """``COPY table (a, b) FROM STDIN`` and its columns (in order, and as a set), for a plain ``writer.insert_sql`` insert.

    An import writes tens of thousands of rows a statement; ``COPY`` sends them in one stream,
    where ``executemany`` has the server run the insert once per row. The rows are the same (the
    table's defaults and triggers apply to both); any other statement is run as it is."""
    found = _PLAIN_INSERT.match(sql)
    if found is None:
        return None
    columns = tuple(name.strip() for name in found["columns"].split(","))
    if tuple(value.strip() for value in found["values"].split(",")) != tuple(f":{name}" for name in columns):
        return None
    return f"COPY {found['table']} ({', '.join(columns)}) FROM STDIN", columns, frozenset(columns)


def connect(target: Target) -> Any:
    """An autocommit psycopg connection to the target (``psycopg.Connection``).

    Failing to connect (server down, wrong password, no such database) is the same one line the
    SQLAlchemy path gives."""
    try:
        import psycopg
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"the driver for {target} is not installed ({exc.name}); install it, e.g. pip install 'claimtrack[postgres]'"
        ) from exc
    from claimtrack.store.failures import first_line
    from claimtrack.textsafe import terminal

    conninfo = "postgresql" + target.url[len("postgresql+psycopg") :]
    try:
        return psycopg.connect(conninfo, autocommit=True)
    except psycopg.Error as exc:
        raise DatabaseError(f"cannot connect to {target}: {terminal(target.scrub(first_line(exc)))}") from exc


def iterate(conn: Any, sql: str, params: Params, in_transaction: bool) -> Iterator[tuple[list[str], Iterable[Any]]]:
    """The column names and rows (tuples) of a read query: streamed from a server-side cursor
    inside a transaction, else fetched at once (a lone statement in autocommit mode)."""
    if in_transaction:
        with conn.cursor(name=f"claimtrack_{next(_cursor_names)}") as cursor:
            cursor.itersize = STREAM_ROWS
            cursor.execute(adapt(sql), dict(params))
            yield [d.name for d in cursor.description or ()], cursor
        return
    cursor = conn.execute(adapt(sql), dict(params))
    yield [d.name for d in cursor.description or ()], cursor.fetchall()


def rows(conn: Any, sql: str, params: Params, in_transaction: bool = False) -> Iterator[Row]:
    for names, found in iterate(conn, sql, params, in_transaction):
        for values in found:
            yield dict(zip(names, values, strict=True))


@contextmanager
def reading(conn: Any) -> Iterator[None]:
    """One ``REPEATABLE READ, READ ONLY`` transaction on ``conn``: one snapshot for every read."""
    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    try:
        yield
    finally:
        _end(conn, "ROLLBACK")  # it read only: ending it either way is the same


class PgWriter:
    """The store's statements on a psycopg connection inside its write transaction."""

    dialect = "postgresql"

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.author: str | None = None  # who makes the change (``store.writer.Writer``)
        self.db_role: str | None = None
        self.statement: str | None = None  # the last one sent: a refusal names what it refused

    def execute(self, sql: str, params: Params | None = None) -> int:
        self.statement = sql
        return int(self.conn.execute(adapt(sql), dict(params or {})).rowcount)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        self.statement = sql
        copy = copy_statement(sql) if len(rows) >= COPY_FROM_ROWS else None
        with self.conn.cursor() as cursor:
            if copy is None or any(row.keys() != copy[2] for row in rows):
                cursor.executemany(adapt(sql), rows)
                return
            with cursor.copy(copy[0]) as out:
                for row in rows:
                    out.write_row([row[name] for name in copy[1]])

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        self.statement = sql
        return list(rows(self.conn, sql, params or {}))

    def insert(self, table: str, row: Params) -> int:
        self.statement = insert_sql(table, row)
        found = self.conn.execute(adapt(self.statement + " RETURNING id"), dict(row)).fetchone()
        return int(found[0])

    def script(self, statements: Iterable[str]) -> None:
        for statement in statements:
            self.conn.execute(statement)


@contextmanager
def writing(conn: Any, fail: Callable[[BaseException, str | None], DatabaseError | None]) -> Iterator[PgWriter]:
    """``BEGIN``, the writers' advisory lock, the block's statements, ``COMMIT``; all or nothing.

    ``fail`` makes the one line of a failure the SQLAlchemy path would also report (lock timeout,
    lost connection, ids run out, disk full...), or None for one it would let through."""
    import psycopg

    writer = PgWriter(conn)
    try:
        conn.execute("BEGIN")
        conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        yield writer
        conn.execute("COMMIT")
    except psycopg.Error as exc:
        _end(conn, "ROLLBACK")
        line = fail(exc, writer.statement)
        if line is None:
            raise
        raise line from exc
    except BaseException:
        _end(conn, "ROLLBACK")
        raise


def _end(conn: Any, how: str) -> None:
    """End the open transaction, if there is one (a lost connection has none left to end)."""
    import psycopg
    from psycopg.pq import TransactionStatus

    if conn.closed or conn.info.transaction_status == TransactionStatus.IDLE:
        return
    try:
        conn.execute(how)
    except psycopg.Error:
        if how == "COMMIT":
            raise
