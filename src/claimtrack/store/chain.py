"""The hash chains that let a history prove itself: every event and journal row names its predecessor.

Two chains, each ordered by id: the events (``event``) and the undo journal (``change_log``).
(One chain across both tables would need a global sequence; two, each in id order, prove as much,
since a journal row names its events' ids.) Each row's ``hash`` column (migration 10) is

    hash = sha256(prev_hash + "\\n" + table + "\\n" + canonical_json(row)), hex digits

where ``prev_hash`` is the ``hash`` of the row before it in the same table by id ("" for the
first) and the canonical JSON of a row is, as UTF-8: the JSON object of every column except
``hash`` whose value is not NULL, keys sorted, compact separators (``,`` and ``:``), no ASCII
escaping (``ensure_ascii=False``); the integer columns (``INT_COLUMNS``: ids and references to ids)
as JSON integers, every other value as JSON text (times are ISO 8601 text in this schema). SQLite
and PostgreSQL give the same bytes. NULLs are left out, so a nullable column a later migration adds
does not change the hashes of the rows written before it.

Every writer computes the hash inside its write transaction, from the hash of the row before it,
while holding the write lock (``store.locking``), so concurrent writers keep one chain. Single rows
take their id up front (``insert``); bulk imports hash rows in the same pass (``Sealer``). Rows a
SQL script wrote without one (the seed) and rows written before migration 10 are hashed by
``fill``. ``db check`` re-walks both chains (``findings``); ``db verify`` compares a backup's.
The chain proves order and content against a head known from elsewhere (a backup, a published
report): someone able to rewrite the whole table can recompute every hash after their edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from hashlib import sha256
from json.encoder import encode_basestring  # json's C string encoder
from typing import Any

from claimtrack.errors import DatabaseError
from claimtrack.store import idroom
from claimtrack.store.migrations_1to5 import CHANGE_TABLE
from claimtrack.store.writer import Row, Writer, insert_sql, one, scalar

CHAINED = ("event", CHANGE_TABLE)
INT_COLUMNS = frozenset({"id", "claim_id", "reverses", "first_event", "last_event", "undoes"})
NAMES = {"event": "event", CHANGE_TABLE: "undo journal row"}
# The update guards ``fill`` lifts inside its transaction: SQLite trigger, PostgreSQL trigger.
GUARDS = {
    "event": ("event_no_update", "event_append_only"),
    CHANGE_TABLE: ("change_log_no_update", "change_log_append_only"),
}

_plans: dict[tuple[str, ...], tuple[tuple[str, str, bool], ...]] = {}  # column names -> how to write them


def canonical(row: Row) -> str:
    """The canonical JSON of a row (any columns, NULLs and ``hash`` left out), as the docstring says.

    Built by hand, a column at a time, with ``json``'s own string encoder: the same text as
    ``json.dumps(normal(row), sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` (a test
    compares them), at a third of the cost, which a bulk import pays once per event. The columns'
    order and JSON keys are worked out once per set of column names (a bulk import has a few)."""
    names = tuple(row)
    plan = _plans.get(names)
    if plan is None:
        if len(_plans) >= 256:  # rows of many shapes (not a bulk import): keep the cache small
            _plans.clear()
        plan = _plans[names] = tuple(
            (k, encode_basestring(k) + ":", k in INT_COLUMNS) for k in sorted(names) if k != "hash"
        )
    parts = []
    for k, key, whole in plan:
        v = row[k]
        if v is None:
            continue
        if whole:
            parts.append(f"{key}{int(v)}")
        else:
            parts.append(key + encode_basestring(v if type(v) is str else str(v)))
    return "{" + ",".join(parts) + "}"


def normal(row: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """The row as it is hashed: NULLs and ``hash`` left out, ids as int, the rest as text."""
    return {
        k: (int(v) if k in INT_COLUMNS else v if type(v) is str else str(v))
        for k, v in row
        if v is not None and k != "hash"
    }


def link(prev: str, table: str, row: Row) -> str:
    """The hash of ``row`` (any columns) of ``table`` following a row hashed ``prev``."""
    return sha256(f"{prev}\n{table}\n{canonical(row)}".encode()).hexdigest()


def row_hash(prev: str, table: str, row: Row) -> str:
    """The hash a stored row (any columns, NULLs included) should carry after ``prev``."""
    return link(prev, table, row)


def head(w: Writer, table: str) -> tuple[int, str]:
    """The last row's id and hash (0 and "" when the table is empty)."""
    row = one(w, f"SELECT id, hash FROM {table} ORDER BY id DESC LIMIT 1")
    return (int(row["id"]), row["hash"] or "") if row else (0, "")


def reserve(w: Writer, table: str, after: int, n: int = 1) -> int:
    """The first of ``n`` new ids above ``after`` (the last row's), taken from the table's counter.

    SQLite: above its AUTOINCREMENT counter too (ids are never reused); an explicit id moves it.
    PostgreSQL: the identity sequence is moved past the ids taken."""
    if w.dialect == "sqlite":
        seq = scalar(w, "SELECT seq FROM sqlite_sequence WHERE name = :t", {"t": table})
        top = max(after, int(seq or 0))
        if top + n > idroom.LARGEST:  # ids written by other SQL left none to give (store.idroom)
            raise DatabaseError(idroom.exhausted(table, top))
        return top + 1
    seq = f"pg_get_serial_sequence('{table}', 'id')"
    first = max(int(scalar(w, f"SELECT nextval({seq}) AS v")), after + 1)
    w.execute(f"SELECT setval({seq}, :last)", {"last": first + n - 1})
    return first


def insert(w: Writer, table: str, row: dict[str, Any]) -> int:
    """Insert one row of a chained table with its id and hash; return the id."""
    after, prev = head(w, table)
    rid = reserve(w, table, after)
    stored = {"id": rid, **row}
    stored["hash"] = link(prev, table, stored)
    w.execute(insert_sql(table, stored), stored)
    return rid


def insert_many(w: Writer, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows of a chained table, in order, given ids and hashes (one statement per set of columns)."""
    if not rows:
        return
    after, prev = head(w, table)
    sealer = Sealer(table, prev)
    first = reserve(w, table, after, len(rows))
    stored = [{"id": first + i, **row} for i, row in enumerate(rows)]
    for row in stored:
        sealer.seal_stored(row)
    write_grouped(w, table, stored)


def write_grouped(w: Writer, table: str, rows: list[dict[str, Any]]) -> None:
    """``executemany`` per set of columns, keeping the order of the rows within each set."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    for keys, group in groups.items():
        w.executemany(insert_sql(table, keys), group)


class Sealer:
    """Hashes rows of one table in id order, each after the last: ``seal`` one row at a time."""

    __slots__ = ("table", "prev", "last_id")

    def __init__(self, table: str, prev: str, last_id: int = 0) -> None:
        self.table, self.prev, self.last_id = table, prev, last_id

    def seal(self, row: dict[str, Any]) -> dict[str, Any]:
        """Give ``row`` its hash (in place, and returned); rows must come in increasing id order."""
        if row["id"] <= self.last_id:  # pragma: no cover - a programming error
            raise RuntimeError(f"{self.table} {row['id']} sealed after {self.last_id}")
        self.last_id = row["id"]
        self.prev = row["hash"] = link(self.prev, self.table, row)
        return row

    def seal_stored(self, row: dict[str, Any]) -> None:
        """Give a row about to be written (NULLs as None) its hash."""
        self.seal(row)


def fill(w: Writer, table: str, lift: bool = True) -> int:
    """Hash the rows written without one (before migration 10, or by a SQL script), in id order.

    The rows before the first unhashed one keep theirs; every row from it on is (re)hashed, with the
    table's update guard lifted inside this transaction (so a failure leaves it in place). Returns
    how many rows were hashed. ``lift`` False: on PostgreSQL from migration 14, whose guard lets
    a missing hash be filled, so a role without DDL rights can (the seed); only rows with no hash
    then, which is all a script leaves (the rows after the first unhashed one)."""
    start = scalar(w, f"SELECT min(id) AS id FROM {table} WHERE hash IS NULL")
    if start is None:
        return 0
    before = one(w, f"SELECT hash FROM {table} WHERE id < :s ORDER BY id DESC LIMIT 1", {"s": start})
    prev = before["hash"] or "" if before else ""
    restore = _lift_guard(w, table) if lift or w.dialect == "sqlite" else (lambda: None)
    done, last = 0, int(start) - 1
    while True:
        rows = w.rows(f"SELECT * FROM {table} WHERE id > :last ORDER BY id LIMIT 5000", {"last": last})
        if not rows:
            break
        updates = []
        for row in rows:
            prev = row_hash(prev, table, row)
            updates.append({"h": prev, "id": row["id"]})
        w.executemany(f"UPDATE {table} SET hash = :h WHERE id = :id", updates)
        done, last = done + len(rows), int(rows[-1]["id"])
    restore()
    return done


def _lift_guard(w: Writer, table: str) -> Callable[[], None]:
    """Drop (SQLite) or disable (PostgreSQL) the table's update guard; returns what puts it back."""
    lite, server = GUARDS[table]
    if w.dialect != "sqlite":
        w.execute(f"ALTER TABLE {table} DISABLE TRIGGER {server}")
        return lambda: _run(w, f"ALTER TABLE {table} ENABLE TRIGGER {server}")
    sql = scalar(w, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n", {"n": lite})
    if sql is None:
        return lambda: None
    w.execute(f"DROP TRIGGER {lite}")
    return lambda: _run(w, sql)


def _run(w: Writer, sql: str) -> None:
    w.execute(sql)


# ---- checking ----------------------------------------------------------------------------------


def breaks(rows: Iterator[Row], table: str) -> str | None:
    """The first row of ``table`` (streamed in id order) that breaks its chain, as one line (None: none)."""
    name = NAMES[table]
    prev_id, prev, before = 0, "", ""  # the last row's id and hash, and the hash of the one before it
    for row in rows:
        rid, stored = int(row["id"]), row["hash"]
        content = row
        if stored is None:
            return f"{name} {rid} has no hash: it was written behind claimtrack's back"
        if link(prev, table, content) != stored:
            after = f"{name} {prev_id}" if prev_id else "the start of the chain"
            if prev_id and link(before, table, content) == stored:
                why = f"{name} {prev_id} was inserted"
            elif rid > prev_id + 1:
                gone = f"{prev_id + 1}" if rid == prev_id + 2 else f"{prev_id + 1}..{rid - 1}"
                why = f"{name} {gone} deleted, or {name} {rid} edited"
            else:
                why = f"{name} {rid} (or the one before it) was edited"
            return f"{name} {rid}: hash does not follow from {after}: {why}"
        prev_id, before, prev = rid, prev, stored
    return None


def heads(read: Callable[[str], Row | None]) -> dict[str, dict[str, Any]]:
    """Each chain's head: its last row's id and hash (``read`` runs one query, returns its row)."""
    found = {}
    for table in CHAINED:
        row = read(f"SELECT id, hash FROM {table} ORDER BY id DESC LIMIT 1")
        found[table] = {"id": int(row["id"]), "hash": row["hash"]} if row else {"id": 0, "hash": ""}
    return found
