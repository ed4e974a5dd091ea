"""PostgreSQL's fast path: the store's SQL text run through psycopg2 directly, without SQLAlchemy.

As on SQLite (``sqlite3``), importing SQLAlchemy, SQLModel and pydantic cost far more per command
(~0.3 s) than the statements themselves (~1 ms each on a local server), and so did psycopg 3
(~0.1 s and 174 modules: asyncio, ssl, email...), where psycopg2 costs ~20 ms. So on a PostgreSQL
target named ``postgresql://``, ``postgres://``, ``postgresql+psycopg2://`` or (as documented
before) ``postgresql+psycopg://`` every read and write runs here, through psycopg2 (``direct``);
SQLAlchemy, given the same URL with ``psycopg2`` as its driver (``alchemy_url``), is imported only
to migrate a database whose schema is behind, and for the cross-check pass
(``CLAIMTRACK_READ_DRIVER`` / ``CLAIMTRACK_WRITE_DRIVER=sqlalchemy``) that runs the same statements
through it. ``Database`` chooses the driver; this module connects, adapts the SQL and runs it.

Placeholders. The store writes ``:name`` parameters (SQLite's style, and SQLAlchemy ``text()``'s);
psycopg2 wants ``%(name)s`` and reads every other ``%`` as the start of one. ``adapt`` rewrites a
statement the way SQLAlchemy's ``text()`` does for psycopg2: the same pattern finds the names (a
``::`` cast is not one), and every ``%`` is doubled; parameters are then always passed as a dict
(even an empty one), so psycopg2 always undoubles them. Statements are adapted once and cached.
``script`` runs its statements verbatim, with no parameters: psycopg2 leaves their ``%`` alone.

Transactions. The connection is in autocommit mode, so a lone read is its own snapshot (as the
``sqlite3`` reader is); ``Database.reading()`` wraps several in ``REPEATABLE READ, READ ONLY``, in
which rows are streamed through a server-side cursor (``DECLARE ... CURSOR``, ``FETCH``: an export
of a million claims is never all in memory); ``writing`` opens a write transaction that takes the
writers' advisory lock first.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from claimtrack.errors import DatabaseError
from claimtrack.store.locking import WRITE_LOCK_KEY
from claimtrack.store.pgcopy import CopyPipe
from claimtrack.store.target import Target
from claimtrack.store.writer import Params, Row, insert_sql

# SQLAlchemy's own pattern for ``text()`` bind parameters (sqlalchemy.sql.elements.TextClause).
_BIND = re.compile(r"(?<![:\w\x5c]):(\w+)(?!:)", re.UNICODE)
_cursor_names = itertools.count(1)
STREAM_ROWS = 2000  # rows fetched per round trip by a server-side cursor
BATCH_ROWS = 1000  # rows sent per statement by an ``executemany`` (``execute_values``, ``execute_batch``)
COPY_FROM_ROWS = 20  # an ``executemany`` of a plain insert this long runs as ``COPY`` (``copy_text``)
ANALYZE_AFTER_ROWS = 1000  # a table bulk-inserted this many rows is analyzed once they are committed
_PLAIN_INSERT = re.compile(r"^INSERT INTO (?P<table>\w+) \((?P<columns>[\w, ]+)\) VALUES \((?P<values>[:\w, ]+)\)$")
# The schemes that name PostgreSQL through libpq: psycopg2 serves them all.
DIRECT_SCHEMES = frozenset({"postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg"})


def _scheme(target: Target) -> str:
    return target.url.split(":", 1)[0]


def direct(target: Target) -> bool:
    """Whether the target is PostgreSQL through libpq (see ``DIRECT_SCHEMES``): only then is this path taken.

    Other drivers (``+pg8000``, ``+asyncpg``...) go through SQLAlchemy with their own driver."""
    return _scheme(target).lower() in DIRECT_SCHEMES


def alchemy_url(target: Target) -> str:
    """The URL SQLAlchemy is given: a direct target's with ``postgresql+psycopg2`` as its scheme
    (one driver for both paths), any other as it was typed."""
    if not direct(target):
        return target.url
    return "postgresql+psycopg2" + target.url[len(_scheme(target)) :]


def dsn(target: Target) -> str:
    """The libpq connection URI of a direct target (``postgresql://...``)."""
    return "postgresql" + target.url[len(_scheme(target)) :]


@functools.lru_cache(maxsize=512)
def adapt(sql: str) -> str:
    """``:name`` parameters as ``%(name)s``, every other ``%`` doubled (see the module docstring)."""
    return _BIND.sub(r"%(\1)s", sql.replace("%", "%%")).replace("\\:", ":")


class PlainInsert(NamedTuple):
    """A plain ``writer.insert_sql`` insert, as the statements that send many rows at once."""

    table: str
    copy: str  # COPY table (a, b) FROM STDIN
    values: str  # INSERT INTO table (a, b) VALUES %s  (``psycopg2.extras.execute_values``)
    template: str  # (%(a)s, %(b)s)
    columns: tuple[str, ...]
    names: frozenset[str]


@functools.lru_cache(maxsize=64)
def plain_insert(sql: str) -> PlainInsert | None:
    """The ways to send many rows of a plain ``writer.insert_sql`` insert; None for any other statement.

    An import writes tens of thousands of rows a statement; ``COPY`` sends them in one stream (the
    fastest: nothing to parse per row), a multi-row ``INSERT ... VALUES`` a thousand a statement,
    where ``executemany`` sends them one by one. The rows are the same (the table's defaults and
    triggers apply to all); any other statement is run in batches as it is (``execute_batch``)."""
    found = _PLAIN_INSERT.match(sql)
    if found is None:
        return None
    columns = tuple(name.strip() for name in found["columns"].split(","))
    if tuple(value.strip() for value in found["values"].split(",")) != tuple(f":{name}" for name in columns):
        return None
    listed = ", ".join(columns)
    return PlainInsert(
        table=found["table"],
        copy=f"COPY {found['table']} ({listed}) FROM STDIN",
        values=f"INSERT INTO {found['table']} ({listed}) VALUES %s",
        template="(" + ", ".join(f"%({name})s" for name in columns) + ")",
        columns=columns,
        names=frozenset(columns),
    )


_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]")  # most values hold none of them: only those are translated
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(rows: Sequence[Params], columns: Sequence[str]) -> str | None:
    """``rows`` in ``COPY``'s text format (a line a row, tab-separated; NULL as ``\\N``; backslash,
    tab, newline and carriage return escaped; booleans ``t``/``f``; numbers as Python writes them,
    which PostgreSQL reads back exactly), or None when a value is of a type this does not write
    (the rows then go as a multi-row ``INSERT``, whose adaptation knows every type)."""
    lines = []
    for row in rows:
        fields = []
        for name in columns:
            value = row[name]
            if type(value) is str:
                fields.append(value.translate(_COPY_ESCAPES) if _NEEDS_ESCAPE.search(value) else value)
            elif value is None:
                fields.append("\\N")
            elif isinstance(value, bool):
                fields.append("t" if value else "f")
            elif isinstance(value, int | float):
                fields.append(repr(value))
            elif isinstance(value, str):  # a str subclass
                fields.append(value.translate(_COPY_ESCAPES))
            else:
                return None
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def connect(target: Target) -> Any:
    """An autocommit psycopg2 connection to the target (``psycopg2.extensions.connection``).

    Failing to connect (server down, wrong password, no such database) is the same one line the
    SQLAlchemy path gives."""
    try:
        import psycopg2
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"the driver for {target} is not installed ({exc.name}); install it, e.g. pip install 'claimtrack[postgres]'"
        ) from exc
    from claimtrack.store.failures import first_line
    from claimtrack.textsafe import terminal

    try:
        conn = psycopg2.connect(dsn(target))
    except psycopg2.Error as exc:
        raise DatabaseError(f"cannot connect to {target}: {terminal(target.scrub(first_line(exc)))}") from exc
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(PLAN_WHOLE)
    return conn


# How every connection plans (SET, not a connection option, so a URL's own ``options`` stay):
# - Reads stream from a server-side cursor (``iterate``), which PostgreSQL plans for its first tenth
#   by default (``cursor_tuple_fraction`` 0.1): ``list --search zanzibar`` at 50,000 claims then
#   walked the whole id index testing every row (30 ms) rather than asking the search index
#   (0.4 ms). claimtrack reads a cursor to its end, so the plan is made for all of it.
# - No JIT compilation: ``due``'s query is estimated costly (a correlated subquery a claim), so
#   PostgreSQL compiled it to machine code first, 256 ms of its 296; run as it is, 14 ms. No
#   query of claimtrack runs long enough to win back what compiling costs. (Set through
#   pg_settings: a server older than PostgreSQL 11 has no ``jit``, and SET would refuse to connect.)
PLAN_WHOLE = "SET cursor_tuple_fraction = 1; SELECT set_config(name, 'off', false) FROM pg_settings WHERE name = 'jit'"


def iterate(conn: Any, sql: str, params: Params, in_transaction: bool) -> Iterator[tuple[list[str], Iterable[Any]]]:
    """The column names and rows (tuples) of a read query: streamed from a server-side cursor
    inside a transaction, else fetched at once (a lone statement in autocommit mode)."""
    with conn.cursor() as cursor:
        if not in_transaction:
            cursor.execute(adapt(sql), dict(params))
            yield [d.name for d in cursor.description or ()], cursor.fetchall()
            return
        name = f"claimtrack_{next(_cursor_names)}"
        cursor.execute(f"DECLARE {name} NO SCROLL CURSOR FOR {adapt(sql)}", dict(params))
        try:
            cursor.execute(f"FETCH {STREAM_ROWS} FROM {name}")
            yield [d.name for d in cursor.description or ()], _fetched(cursor, name)
        finally:
            _close(conn, cursor, name)


def _fetched(cursor: Any, name: str) -> Iterator[Any]:
    """The rows of the server-side cursor ``name``, from the batch ``cursor`` holds on."""
    while True:
        batch = cursor.fetchall()
        yield from batch
        if len(batch) < STREAM_ROWS:
            return
        cursor.execute(f"FETCH {STREAM_ROWS} FROM {name}")


def _close(conn: Any, cursor: Any, name: str) -> None:
    """Close a server-side cursor left open (a read that stopped early), while its transaction is."""
    from psycopg2.extensions import TRANSACTION_STATUS_INTRANS

    if conn.closed or conn.get_transaction_status() != TRANSACTION_STATUS_INTRANS:
        return  # the transaction ended (or failed): it took the cursor with it
    cursor.execute(f"CLOSE {name}")


def rows(conn: Any, sql: str, params: Params, in_transaction: bool = False) -> Iterator[Row]:
    for names, found in iterate(conn, sql, params, in_transaction):
        for values in found:
            yield dict(zip(names, values, strict=True))


def copy_out(conn: Any, sql: str, params: Params) -> bytes:
    """What ``sql`` selects, as PostgreSQL's binary COPY format (``store.pgbinary`` reads it): raw
    bytes, where a cursor's rows send each ``bytea`` as hex text, twice its size, to be decoded
    again row by row. Runs in the open transaction, if any (its snapshot)."""
    buffer = io.BytesIO()
    with conn.cursor() as cursor:
        query = cursor.mogrify(adapt(sql), dict(params)).decode()
        cursor.copy_expert(f"COPY ({query}) TO STDOUT WITH (FORMAT binary)", buffer)
    return buffer.getvalue()


@contextmanager
def reading(conn: Any) -> Iterator[None]:
    """One ``REPEATABLE READ, READ ONLY`` transaction on ``conn``: one snapshot for every read."""
    _run(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    try:
        yield
    finally:
        _end(conn, "ROLLBACK")  # it read only: ending it either way is the same


def _run(conn: Any, sql: str) -> None:
    """One statement verbatim (no parameters: its ``%`` are its own)."""
    with conn.cursor() as cursor:
        cursor.execute(sql)


class PgWriter:
    """The store's statements on a psycopg2 connection inside its write transaction."""

    dialect = "postgresql"

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.author: str | None = None  # who makes the change (``store.writer.Writer``)
        self.db_role: str | None = None
        self.statement: str | None = None  # the last one sent: a refusal names what it refused
        self.loaded: dict[str, int] = {}  # rows bulk-inserted, by table (``writing`` analyzes the big ones)
        self.pipe = CopyPipe(conn)  # bulk COPYs, sent while the next batch is built (``store.pgcopy``)

    def sync(self) -> None:
        """Wait for the COPYs sent (``store.pgcopy``): every other statement runs after them."""
        try:
            self.pipe.drain()
        except BaseException:
            if self.pipe.failed is not None:
                self.statement = self.pipe.failed[1]  # a refusal names the statement refused
            raise

    def execute(self, sql: str, params: Params | None = None) -> int:
        self.sync()
        self.statement = sql
        with self.conn.cursor() as cursor:
            cursor.execute(adapt(sql), dict(params or {}))
            return int(cursor.rowcount)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        from psycopg2.extras import execute_batch, execute_values

        if not rows:
            return
        self.sync()
        self.statement = sql
        plain = plain_insert(sql) if len(rows) > 1 else None
        with self.conn.cursor() as cursor:
            if plain is None or any(row.keys() != plain.names for row in rows):
                execute_batch(cursor, adapt(sql), rows, page_size=BATCH_ROWS)
                return
            text = copy_text(rows, plain.columns) if len(rows) >= COPY_FROM_ROWS else None
            if text is None:
                execute_values(cursor, plain.values, rows, template=plain.template, page_size=BATCH_ROWS)
            else:
                self.pipe.send(plain.copy, text, sql)
        self.loaded[plain.table] = self.loaded.get(plain.table, 0) + len(rows)

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        self.sync()
        self.statement = sql
        return list(rows(self.conn, sql, params or {}))

    def insert(self, table: str, row: Params) -> int:
        self.sync()
        self.statement = insert_sql(table, row)
        with self.conn.cursor() as cursor:
            cursor.execute(adapt(self.statement + " RETURNING id"), dict(row))
            return int(cursor.fetchone()[0])

    def script(self, statements: Iterable[str]) -> None:
        self.sync()
        for statement in statements:
            _run(self.conn, statement)


@contextmanager
def writing(conn: Any, fail: Callable[[BaseException, str | None], DatabaseError | None]) -> Iterator[PgWriter]:
    """``BEGIN``, the writers' advisory lock, the block's statements, ``COMMIT``; all or nothing.

    ``fail`` makes the one line of a failure the SQLAlchemy path would also report (lock timeout,
    lost connection, ids run out, disk full...), or None for one it would let through."""
    import psycopg2

    writer = PgWriter(conn)
    try:
        _run(conn, "BEGIN")
        _run(conn, f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        yield writer
        writer.sync()
        writer.pipe.close()
        _run(conn, "COMMIT")
    except psycopg2.Error as exc:
        writer.pipe.abort()
        _end(conn, "ROLLBACK")
        line = fail(exc, writer.statement)
        if line is None:
            raise
        raise line from exc
    except BaseException:
        writer.pipe.abort()
        _end(conn, "ROLLBACK")
        raise
    _analyze(conn, [table for table, count in writer.loaded.items() if count >= ANALYZE_AFTER_ROWS])


def _analyze(conn: Any, tables: Sequence[str]) -> None:
    """``ANALYZE`` the tables a bulk load filled, once it is committed (so outside the write lock).

    Until autovacuum gets to a table, the planner knows nothing of the rows just copied into it and
    guesses: ``summary`` counted 50,000 fresh claims through an index in 15-40 ms where, analyzed,
    a plain scan takes 3-6 ms (PostgreSQL's docs advise the same after a bulk load). A role that
    does not own the tables is told so in a warning, not an error; any failure only leaves the
    statistics to autovacuum: the rows are committed by now."""
    import psycopg2

    if not tables:
        return
    try:
        _run(conn, f"ANALYZE {', '.join(sorted(tables))}")
    except psycopg2.Error:
        _end(conn, "ROLLBACK")


def _end(conn: Any, how: str) -> None:
    """End the open transaction, if there is one (a lost connection has none left to end)."""
    import psycopg2
    from psycopg2.extensions import TRANSACTION_STATUS_IDLE

    if conn.closed or conn.get_transaction_status() == TRANSACTION_STATUS_IDLE:
        return
    try:
        _run(conn, how)
    except psycopg2.Error:
        if how == "COMMIT":
            raise
