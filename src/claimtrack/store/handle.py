"""What a module that examines an opened database gets to use of it: the ``Handle``.

``store.database.Database`` is one (structurally: it never imports this module's users). Code
that only needs to read, and to run a write transaction now and then, takes a ``Handle`` instead
of importing the database: ``db check`` (``store.health``) and the rename history
(``store.renames``) do, so they sit below the database and no import runs back up to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol

from claimtrack.store.target import Target
from claimtrack.store.writer import Row, Writer


class Handle(Protocol):
    """An opened, checked and migrated claimtrack database, as its readers see it."""

    target: Target
    schema_version: int
    read_only: str | None  # why writes are refused (one line), None when writable

    @property
    def dialect(self) -> str:
        """``sqlite``, ``postgresql``..."""

    @property
    def in_snapshot(self) -> bool:
        """Whether a ``reading()`` block is open: no write transaction may start until it ends."""

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run a read query (SQL text, ``:name`` parameters) and return rows as dicts."""

    def query_one(self, sql: str, params: dict[str, Any] | None = None) -> Row | None:
        """The first row of a read query, or None."""

    def iterate(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[Row]:
        """Stream rows of a read query, one dict at a time."""

    def reading(self) -> AbstractContextManager[None]:
        """Every read inside the block in one read transaction: one consistent snapshot."""

    def writing(self) -> AbstractContextManager[Writer]:
        """A write transaction: everything inside commits together or not at all."""
