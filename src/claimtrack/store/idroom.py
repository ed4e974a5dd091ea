"""Room for new ids: the largest id a table has used, against the largest the database can store.

Ids are signed 64-bit integers on SQLite and PostgreSQL, so no id can pass ``LARGEST``
(9223372036854775807). A new row gets the next id after the largest ever used (SQLite's
AUTOINCREMENT counter in ``sqlite_sequence``, PostgreSQL's identity sequence), so a table that
has used ``LARGEST`` cannot take another row, ever: SQLite then fails the insert with
SQLITE_FULL, "database or disk is full", the very error of a full disk, and PostgreSQL with
"reached maximum value of sequence". Deleting the row does not help (ids are never reused).

claimtrack itself never gives such ids: ``import`` keeps a backup's ids only up to
``IMPORT_MAX`` (2^53 - 1, the largest integer every JSON reader keeps exact), which leaves
room for more new rows than any database will hold. Only SQL written behind claimtrack's back
can get there; ``spent`` says so truthfully when a write fails (instead of "the disk is full"),
and ``findings`` lets ``db check`` report an id past ``SUSPECT_ABOVE`` before writes fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from claimtrack.store.migrations_1to5 import CHANGE_TABLE
from claimtrack.store.migrations_6to9 import FEED_TABLE

LARGEST = 2**63 - 1  # signed 64-bit: SQLite INTEGER, PostgreSQL BIGINT
IMPORT_MAX = 2**53 - 1  # the largest id an import keeps (exact as a double in every JSON reader)
# ``db check`` reports ids past this: 2^62 - 2^53 new rows after the largest import would be needed
# to get there, so claimtrack never does.
SUSPECT_ABOVE = 2**62
TABLES = ("claim", "event", "source", "tag", CHANGE_TABLE, FEED_TABLE)

Rows = Callable[[str], Iterable[Mapping[str, Any]]]


def used(rows: Rows, dialect: str, tables: Iterable[str] | None = None) -> dict[str, int]:
    """The largest id each table holds or has handed out (its max id, or its id counter if higher)."""
    wanted = tuple(tables or TABLES)
    top: dict[str, int] = {}
    present = _tables(rows, dialect)
    for table in wanted:
        if table in present:
            value = next(iter(rows(f"SELECT max(id) AS top FROM {table}")), {}).get("top")
            top[table] = int(value or 0)
    if dialect == "sqlite":
        if "sqlite_sequence" in present:
            for r in rows("SELECT name, seq FROM sqlite_sequence"):
                if r["name"] in top and r["seq"] is not None:
                    top[r["name"]] = max(top[r["name"]], int(r["seq"]))
    elif dialect == "postgresql":
        for table in list(top):
            seq = next(
                iter(
                    rows(
                        "SELECT s.last_value AS v FROM pg_sequences s "
                        f"WHERE s.schemaname || '.' || s.sequencename = pg_get_serial_sequence('{table}', 'id')"
                    )
                ),
                {},
            ).get("v")
            if seq is not None:
                top[table] = max(top[table], int(seq))
    return top


def _tables(rows: Rows, dialect: str) -> set[str]:
    if dialect == "sqlite":
        return {r["name"] for r in rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        r["name"]
        for r in rows("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")
    }


def spent(rows: Rows, dialect: str) -> str | None:
    """Why a write failed, if a table's ids ran out: one true line; None when there is room."""
    for table, top in used(rows, dialect).items():
        if top >= LARGEST:
            return exhausted(table, top)
    return None


def exhausted(table: str, top: int) -> str:
    return (
        f"no new {_what(table)} can be saved: {table} ids have reached {top}, the largest the database can "
        f"store (the disk is not full; claimtrack gives ids only up to {IMPORT_MAX}, so other SQL wrote it); "
        'nothing was saved. To go on: export --format json, remove the "id" of every claim above '
        f"{IMPORT_MAX}, and import the file into a new database"
    )


def findings(rows: Rows, dialect: str) -> list[str]:
    """``db check``: each table whose ids pass ``SUSPECT_ABOVE`` (at ``LARGEST``, no row can be added)."""
    lines = []
    for table, top in used(rows, dialect).items():
        if top > SUSPECT_ABOVE:
            room = "no new row can be added" if top >= LARGEST else f"{LARGEST - top} more rows can be added"
            lines.append(
                f"the {table} table has used id {top}, near the largest the database can store ({LARGEST}): "
                f"{room}; claimtrack never gives such ids (imports keep ids up to {IMPORT_MAX}), so other SQL wrote it"
            )
    return lines


def _what(table: str) -> str:
    return {
        "claim": "claim",
        "event": "change",
        "source": "source",
        "tag": "tag",
        CHANGE_TABLE: "change",
        FEED_TABLE: "feed item",
    }.get(table, "row")
