"""Schema migration 12: the newest events first, straight from an index, on PostgreSQL too.

Frozen history, as every migration (``store.migrations``, which numbers and runs them): never
edit one, add the next number instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # this module is imported on every command: keep SQLAlchemy out of it
    from sqlalchemy import Connection


def m012_event_order(conn: Connection) -> None:
    """``log`` lists events by ``at``, then ``id``, newest first: on PostgreSQL, index both.

    SQLite's ``ix_event_at (at)`` holds each event's rowid, which is its id, so ``ORDER BY at DESC,
    id DESC LIMIT 20`` reads 20 index entries; PostgreSQL's holds no order within one ``at``, and an
    import gives thousands of events the same time: it sorted every one of them (50,000 events: ~40
    ms of a 0.12 s command). ``ix_event_at_id (at, id)`` replaces it there; SQLite is left as it is.
    """
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("CREATE INDEX ix_event_at_id ON event (at, id)")
    conn.exec_driver_sql("DROP INDEX ix_event_at")
