"""One write transaction on SQLite's fast path: the standard library's ``sqlite3``, lock first.

``Database.writing()`` chooses the driver; on this path the transaction takes the write lock
before anything is read (``BEGIN IMMEDIATE``), so a read-then-write never fails half way with
"locked": other writers wait their turn, up to the busy timeout (``store.locking``). It commits
everything together or rolls everything back; a failure becomes the one line ``fail`` makes of it
(``store.failures``). A Ctrl-C that lands as the commit finishes is not a failure: the work is saved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from claimtrack.errors import DatabaseError
from claimtrack.store.locking import when_unlocked
from claimtrack.store.writer import SqliteWriter


@contextmanager
def immediate(
    conn: sqlite3.Connection, fail: Callable[[BaseException], DatabaseError], wal_checked: bool = False
) -> Iterator[SqliteWriter]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` on ``conn`` (in autocommit mode, outside any transaction).

    Unless ``wal_checked``, the file is first switched to WAL mode if it is not in it yet."""
    if conn.in_transaction:  # pragma: no cover - a programming error: writing inside reading()
        raise RuntimeError("a write transaction cannot start inside a read transaction")
    try:
        if not wal_checked and conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            when_unlocked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise fail(exc) from exc
    committing = False
    try:
        yield SqliteWriter(conn)
        committing = True
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        _rollback(conn)
        raise fail(exc) from exc
    except KeyboardInterrupt:
        if committing and not conn.in_transaction:
            return  # Ctrl-C landed as the commit finished: the work is saved; report it as done
        _rollback(conn)
        raise
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo an open write transaction; a failure here only means SQLite already rolled back."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
