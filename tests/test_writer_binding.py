"""``SqliteWriter.executemany`` binds the rows of an ``insert_sql`` insert by position (half the
cost of binding by name): the rows stored are the same, and a row lacking a column is still refused
by sqlite3, naming it, as binding by name does (inside the write transaction, which then rolls back)."""

from __future__ import annotations

import sqlite3

import pytest

from claimtrack.store.writer import SqliteWriter, insert_sql


@pytest.fixture
def writer() -> SqliteWriter:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT, c REAL)")
    conn.execute("CREATE TABLE one (x TEXT)")
    return SqliteWriter(conn)


def test_rows_are_stored_as_named_binding_stores_them(writer: SqliteWriter) -> None:
    rows = [{"c": i / 4, "a": i, "b": f"row {i}", "extra": "not a column"} for i in range(5)]
    writer.executemany(insert_sql("t", ("b", "a", "c")), rows)
    writer.executemany("INSERT INTO t (b, a, c) VALUES (:b, :a, :c)", rows)  # not insert_sql's: by name
    stored = writer.conn.execute("SELECT a, b, c FROM t ORDER BY rowid").fetchall()
    expected = [(i, f"row {i}", i / 4) for i in range(5)]
    assert stored == expected + expected


def test_a_single_column_insert(writer: SqliteWriter) -> None:
    writer.executemany(insert_sql("one", ("x",)), [{"x": "first"}, {"x": None}, {"x": "third"}])
    assert writer.conn.execute("SELECT x FROM one ORDER BY rowid").fetchall() == [("first",), (None,), ("third",)]


def test_a_row_lacking_a_column_is_refused_naming_it(writer: SqliteWriter) -> None:
    rows = [{"a": 1, "b": "x", "c": 0.5}, {"a": 2, "b": "y"}]
    with pytest.raises(sqlite3.ProgrammingError, match="parameter :c"):
        writer.executemany(insert_sql("t", ("a", "b", "c")), rows)
