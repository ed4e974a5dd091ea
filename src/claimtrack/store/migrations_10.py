"""Schema migration 10: who made each change.

Frozen history, as every migration (``store.migrations`` numbers and runs them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack.store.migrations_1to5 import CHANGE_TABLE

if TYPE_CHECKING:  # this module is imported on every command: keep SQLAlchemy out of it
    from sqlalchemy import Connection

WHO_COLUMNS = ("author", "db_role")  # the columns m010 adds to the events and to the undo journal


def m010_authors(conn: Connection) -> None:
    """Every event and every row of the undo journal names who made it (``claimtrack.authors``).

    * ``author``: the ``reviewer.name`` setting, else the operating-system login, of whoever ran the
      command;
    * ``db_role``: on PostgreSQL, the session's role (``current_user``), which no setting can
      change; NULL on SQLite, which has no logins.
    Rows written before this migration hold NULL in both: their author is unknown.
    """
    for table in ("event", CHANGE_TABLE):
        for column in WHO_COLUMNS:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
