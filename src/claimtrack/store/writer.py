"""One write transaction, as SQL text with ``:name`` parameters, through either of two drivers.

Every change is SQL text built in ``store.writes`` and ``store.imports`` and run by a ``Writer``.
On SQLite the ``Writer`` drives the standard library's ``sqlite3`` directly: a write command then
never imports SQLAlchemy, SQLModel or pydantic, which cost ~0.4 s per command, far more than the
SQL itself. On other databases (and with ``CLAIMTRACK_WRITE_DRIVER=sqlalchemy``, which the tests
and CI use to check both drivers leave the same database) the same statements run through a
SQLAlchemy connection. ``Database.writing()`` chooses, opens the transaction (taking the write
lock first) and maps failures to one-line errors; this module only runs statements.

Statements are portable SQL. The one dialect difference is how an insert gives back its new id:
``cursor.lastrowid`` on SQLite (either driver), ``RETURNING id`` on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, Protocol

Row = dict[str, Any]
Params = Mapping[str, Any]

# The inserts ``insert_sql`` spelled -> the same with ``?`` parameters and what picks a row's values
# in their order: ``SqliteWriter.executemany`` binds rows by position, which costs sqlite3 half of
# binding them by name (a bulk import binds ~30 values a claim). Kept small: inserts come in a few shapes.
_by_position: dict[str, tuple[str, Callable[[Params], tuple[Any, ...]]]] = {}


def insert_sql(table: str, columns: Iterable[str]) -> str:
    """``INSERT INTO table (a, b) VALUES (:a, :b)``: the one place inserts are spelled."""
    names = list(columns)
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
    if sql not in _by_position and names:
        if len(_by_position) >= 256:
            _by_position.clear()
        pick = itemgetter(*names) if len(names) > 1 else (lambda row, n=names[0]: (row[n],))
        _by_position[sql] = (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", pick)
    return sql


class Writer(Protocol):
    """What ``store.writes`` and ``store.imports`` may do inside one write transaction."""

    dialect: str
    author: str | None  # who is making the change (``claimtrack.authors``): every event and journal row records it
    db_role: str | None  # the PostgreSQL session role (``current_user``); None on SQLite

    def execute(self, sql: str, params: Params | None = None) -> int:
        """Run one statement; return how many rows it changed."""

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement once per row, in one go."""

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        """Run a query inside the transaction; rows as dicts."""

    def insert(self, table: str, row: Params) -> int:
        """Insert one row into a table with an ``id`` key; return the new id."""

    def script(self, statements: Iterable[str]) -> None:
        """Run SQL statements verbatim, with no parameters (the seed)."""


def one(writer: Writer, sql: str, params: Params | None = None) -> Row | None:
    found = writer.rows(sql, params)
    return found[0] if found else None


def scalar(writer: Writer, sql: str, params: Params | None = None) -> Any:
    row = one(writer, sql, params)
    return next(iter(row.values())) if row else None


class SqliteWriter:
    """Statements on a ``sqlite3`` connection already inside ``BEGIN IMMEDIATE``."""

    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.author: str | None = None
        self.db_role: str | None = None

    def execute(self, sql: str, params: Params | None = None) -> int:
        return self.conn.execute(sql, params or {}).rowcount

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        plan = _by_position.get(sql) if len(rows) > 1 else None
        if plan is not None:
            try:
                values = list(map(plan[1], rows))
            except KeyError:  # a row lacking a column: sqlite3 names it, below
                pass
            else:
                self.conn.executemany(plan[0], values)
                return
        self.conn.executemany(sql, rows)

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        cursor = self.conn.execute(sql, params or {})
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, values, strict=True)) for values in cursor]

    def insert(self, table: str, row: Params) -> int:
        cursor = self.conn.execute(insert_sql(table, row), row)
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def script(self, statements: Iterable[str]) -> None:
        for statement in statements:
            self.conn.execute(statement)


class AlchemyWriter:
    """The same statements on a SQLAlchemy connection inside its write transaction."""

    def __init__(self, conn: Any) -> None:  # sqlalchemy.Connection, imported only on this path
        from sqlalchemy import text

        self.conn = conn
        self.dialect = conn.dialect.name
        self._text = text
        self.author: str | None = None
        self.db_role: str | None = None

    def execute(self, sql: str, params: Params | None = None) -> int:
        return int(self.conn.execute(self._text(sql), dict(params or {})).rowcount)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self.conn.execute(self._text(sql), [dict(r) for r in rows])

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        return [dict(m) for m in self.conn.execute(self._text(sql), dict(params or {})).mappings()]

    def insert(self, table: str, row: Params) -> int:
        sql = insert_sql(table, row)
        if self.dialect == "sqlite":
            result = self.conn.execute(self._text(sql), dict(row))
            assert result.lastrowid is not None
            return int(result.lastrowid)
        return int(self.conn.execute(self._text(sql + " RETURNING id"), dict(row)).scalar_one())

    def script(self, statements: Iterable[str]) -> None:
        for statement in statements:
            self.conn.exec_driver_sql(statement)
