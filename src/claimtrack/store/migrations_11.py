"""Schema migration 11: a history that proves itself, each event and journal row hashed after the one before.

Frozen history, as every migration (``store.migrations``, which numbers and runs them): never
edit one, add the next number instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack.store import chain

if TYPE_CHECKING:  # this module is imported on every command: keep SQLAlchemy out of it
    from sqlalchemy import Connection


def m011_hash_chain(conn: Connection) -> None:
    """``hash`` on ``event`` and on the undo journal (``change_log``): the chains of ``store.chain``.

    Existing rows are hashed in id order, each after the one before, with the tables' update
    guards lifted inside this migration's transaction. From here on every writer hashes the rows it
    writes, and ``db check`` walks both chains.
    """
    from claimtrack.store.writer import AlchemyWriter

    w = AlchemyWriter(conn)
    for table in chain.CHAINED:
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN hash TEXT")
        chain.fill(w, table)
