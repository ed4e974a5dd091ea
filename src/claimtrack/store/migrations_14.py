"""Schema migration 14: on PostgreSQL, a role without DDL rights can hash what a SQL script wrote.

Frozen history, as every migration (``store.migrations``, which numbers and runs them): never
edit one, add the next number instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # this module is imported on every command: keep SQLAlchemy out of it
    from sqlalchemy import Connection


def m014_fill_hashes(conn: Connection) -> None:
    """The append-only guard of ``event`` and ``change_log`` lets one update through: a row's
    missing hash filled in, nothing else changed (``store.chain.fill``).

    The seed is a SQL script, and SQL cannot hash: its events are written without one and hashed
    in the same transaction. ``fill`` used to lift the guard for that (``ALTER TABLE ... DISABLE
    TRIGGER``), which only the table's owner may do, so an editor role (README: GRANT INSERT,
    UPDATE, no DDL) could not run ``init --seed``. A hash once set can still never change, and a
    filled hash that is wrong is what ``db check`` names. SQLite: the file's owner writes, and
    ``fill`` drops and recreates its trigger as before.
    """
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(
        """CREATE OR REPLACE FUNCTION claimtrack_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF TG_OP = 'UPDATE' AND to_jsonb(OLD) ->> 'hash' IS NULL AND to_jsonb(NEW) ->> 'hash' IS NOT NULL
                AND to_jsonb(NEW) - 'hash' = to_jsonb(OLD) - 'hash' THEN
               RETURN NEW;
             END IF;
             RAISE EXCEPTION 'claimtrack events are append-only';
           END $$"""
    )
