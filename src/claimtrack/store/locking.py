"""How claimtrack writers take turns: the busy timeout, the server's write lock, start-up retries.

One writer at a time: on SQLite a write transaction takes the file's write lock up front
(``BEGIN IMMEDIATE``) and others wait for it up to ``BUSY_TIMEOUT_MS``; on PostgreSQL the same
rule is an advisory lock (``WRITE_LOCK_KEY``). Start-up steps that SQLite may refuse at once
rather than wait for run through ``when_unlocked``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from claimtrack.errors import DatabaseError

WRITE_LOCK_KEY = 0x636C6D74  # "clmt": PostgreSQL advisory lock that serialises claimtrack writers
BUSY_TIMEOUT_MS = 10_000  # concurrent writers wait this long for the lock before giving up


def when_unlocked(step: Callable[[], Any]) -> Any:
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
