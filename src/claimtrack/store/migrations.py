"""Numbered schema migrations, recorded in the ``claimtrack_migrations`` table.

Each migration is a function that receives a SQLAlchemy connection inside its own transaction;
``MIGRATIONS`` lists them in order and its length is the current schema version. Migrations are
frozen history: never edit one that has shipped, add the next number instead. DDL is written out
rather than taken from the models so that a database created today and one upgraded from version 1
end up identical; a test compares the result with ``store.models``.

The migrations themselves live in modules named for their numbers (``migrations_1to5``,
``migrations_6to9``, ``migrations_10``); the next ones go in a new module named so, listed here. This module is the
registry: the order, the version table, and the names other modules read (tables, statuses...),
each defined beside the migration that made it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from claimtrack.store.migrations_1to5 import (
    CHANGE_TABLE,
    GUARDED_TABLES,
    STATUSES,
    m001_initial,
    m002_search,
    m003_guards,
    m004_corrections,
    m005_search_external,
)
from claimtrack.store.migrations_6to9 import (
    FEED_TABLE,
    PG_NORMALIZES,
    m006_feed_items,
    m007_reversals,
    m008_record_integrity,
    m009_canonical_text,
)
from claimtrack.store.migrations_10 import WHO_COLUMNS, m010_authors
from claimtrack.store.migrations_11 import m011_hash_chain
from claimtrack.store.migrations_12 import m012_event_order
from claimtrack.store.migrations_13 import VECTOR_TABLE, m013_claim_vectors
from claimtrack.store.migrations_14 import m014_fill_hashes

if TYPE_CHECKING:  # this module is imported on every command: keep SQLAlchemy out of it
    from sqlalchemy import Connection

__all__ = [  # the migrations, and the names other modules read (defined beside the migration that made them)
    "m001_initial",
    "m002_search",
    "m003_guards",
    "m004_corrections",
    "m005_search_external",
    "m006_feed_items",
    "m007_reversals",
    "m008_record_integrity",
    "m009_canonical_text",
    "m010_authors",
    "m011_hash_chain",
    "m012_event_order",
    "m013_claim_vectors",
    "m014_fill_hashes",
    "CHANGE_TABLE",
    "FEED_TABLE",
    "GUARDED_TABLES",
    "PG_NORMALIZES",
    "STATUSES",
    "WHO_COLUMNS",
    "VECTOR_TABLE",
    "VERSION_TABLE",
    "MIGRATIONS",
    "LATEST",
    "create_version_table",
]

VERSION_TABLE = "claimtrack_migrations"

MIGRATIONS: list[Callable[[Connection], None]] = [
    m001_initial,
    m002_search,
    m003_guards,
    m004_corrections,
    m005_search_external,
    m006_feed_items,
    m007_reversals,
    m008_record_integrity,
    m009_canonical_text,
    m010_authors,
    m011_hash_chain,
    m012_event_order,
    m013_claim_vectors,
    m014_fill_hashes,
]
LATEST = len(MIGRATIONS)


def create_version_table(conn: Connection) -> None:
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
