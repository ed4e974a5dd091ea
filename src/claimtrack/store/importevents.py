"""The events of a bulk import: the ids they are given, and the statements that write them.

Kept apart from ``store.imports`` (claims, sources, tags and the indexes set aside) because event
ids follow rules of their own. A backup's event ids are kept when above every id there before (so
the import's events stay the one range its journal row names) and not taken; the others get the
next free id, and a column naming another event (``reverses``, m007) follows it to its new id. A
history of an older claimtrack, holding undo events but no ``reverses``, is paired again here. An
event with columns this version does not name (a later migration's) is written with those, if
this database has them. Who made an event (``author``, ``db_role``, migration 10) is kept as a
backup says; an event the import makes itself (a record's ``created``, a CSV's history) is the
importer's, and a backup's event that does not say (an older claimtrack's) stays unknown.
"""

from __future__ import annotations

from typing import Any

from claimtrack.errors import DatabaseError
from claimtrack.reversals import pair
from claimtrack.store import chain, idroom
from claimtrack.store.writer import Writer, insert_sql

EVENT_COLUMNS = (
    "id",
    "claim_id",
    "at",
    "recorded_at",
    "kind",
    "field",
    "old",
    "new",
    "note",
    "evidence_url",
    "author",
    "db_role",
)


def already_there(w: Writer, column: str, values: list[Any], table: str = "claim") -> set[Any]:
    """Which of ``values`` some row of ``table`` already holds in ``column``."""
    params = {f"v{i}": v for i, v in enumerate(values)}
    marks = ", ".join(f":v{i}" for i in range(len(values)))
    return {r[column] for r in w.rows(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", params)}


class ImportedEvents:
    """Gives an import's events their ids and writes them, batch by batch, in its transaction."""

    def __init__(self, w: Writer) -> None:
        self.w = w
        # Event ids: a backup's are kept when above every id there before (so the import's events
        # stay the one range its journal row names) and not taken; the others get the next one.
        self.event_top, prev = chain.head(w, "event")
        self.next_event = self.event_top + 1  # above every event id there and written so far
        self.event_columns = _event_columns(w)
        self.event_refs = _event_references(w)  # columns naming another event: follow its new id
        self.plain_columns = tuple(c for c in EVENT_COLUMNS if c in self.event_columns)  # an older schema's fewer
        self.who = "author" in self.event_columns  # m010
        self.event_sql = insert_sql("event", (*self.plain_columns, "hash"))
        self.sealer = chain.Sealer("event", prev, self.event_top)  # the hash chain (``store.chain``), in id order
        # Events whose ids a backup gave (or ``pair_reversals``) may come in any order: they are
        # held here and written, in id order, by ``finish``. Others are written at once.
        self.staged: list[dict[str, Any]] | None = None
        self.staged_ids: set[int] = set()
        self.more_sql: dict[tuple[str, ...], str] = {}  # insert statements for events with more columns

    def _next_event_id(self) -> int:
        if self.next_event > idroom.LARGEST:  # ids written by other SQL left none to give (store.idroom)
            raise DatabaseError(idroom.exhausted("event", self.next_event - 1))
        self.next_event += 1
        return self.next_event - 1

    def pair_reversals(self, history: list[dict[str, Any]]) -> None:
        """A history holding undo events but no ``reverses`` (a backup of an older claimtrack): the
        pairs are found again (``claimtrack.reversals``), and each event is given its id here, in
        time order, so an undo event can name the event it took back (m007)."""
        ordered = sorted(history, key=lambda e: e["at"])
        for event in ordered:
            event["id"] = self._next_event_id()
        for i, took in pair(ordered).items():
            if took is not None and took < i:
                ordered[i]["reverses"] = ordered[took]["id"]

    def write(self, events: list[dict[str, Any]]) -> None:
        """Give each event its id (a backup's where free, see ``__init__``) and write them; an
        event with columns beyond ``EVENT_COLUMNS`` (a later migration's) is written with those."""
        top = self.event_top
        for event in events if self.who else ():  # who (m010): as the backup says, else (made here) the importer
            if "author" not in event:
                made_here = "id" not in event
                event["author"] = self.w.author if made_here else None
                event.setdefault("db_role", self.w.db_role if made_here else None)
            else:
                event.setdefault("db_role", None)
        for event in events:
            event.pop("hash", None)  # a backup's hashes: recomputed here, in this database's chain
        if self.staged is None and any(e.get("id") is not None for e in events):
            self.staged = []
        if self.event_refs:  # in the order of the backup's ids: an event named by another is written first
            events.sort(key=lambda e: e.get("id") or 0)
        wanted = [e["id"] for e in events if e.get("id") is not None and e["id"] > top]
        taken: set[int] = set()
        if wanted and min(wanted) < self.next_event:  # may meet ids this import wrote already
            for start in range(0, len(wanted), 500):
                taken |= already_there(self.w, "id", wanted[start : start + 500], "event")
            taken |= self.staged_ids.intersection(wanted)
        moved: dict[int, int] = {}  # a backup's event id -> the one it was given instead
        for event in events:
            eid = event.get("id")
            if eid is None or eid <= top or eid in taken:
                if eid is not None:
                    moved[eid] = self.next_event
                eid = event["id"] = self._next_event_id()
            elif eid >= self.next_event:
                self.next_event = eid + 1
            if wanted:
                taken.add(eid)
        if moved and self.event_refs:  # a claim's events are all in one batch: so are the events they name
            for event in events:
                for column in self.event_refs:
                    if event.get(column) in moved:
                        event[column] = moved[event[column]]
        if self.staged is not None:
            self.staged.extend(events)
            self.staged_ids.update(e["id"] for e in events)
        else:
            self._insert(events)

    def finish(self) -> None:
        """Write the events held back (a backup's), in id order, each hashed after the one before."""
        if self.staged:
            self.staged.sort(key=lambda e: e["id"])
            for start in range(0, len(self.staged), 5_000):
                self._insert(self.staged[start : start + 5_000])
        self.staged, self.staged_ids = None, set()

    def _insert(self, events: list[dict[str, Any]]) -> None:
        """Hash events (in increasing id order, above every event written before) and write them."""
        plain: list[dict[str, Any]] = []
        wider: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        seal = self.sealer.seal_stored
        for event in events:
            seal(event)
            if len(event) == len(self.plain_columns) + 1:
                plain.append(event)
            else:
                wider.setdefault(tuple(sorted(event)), []).append(event)
        self.w.executemany(self.event_sql, plain)
        for keys, rows in wider.items():
            self.w.executemany(self._wider_sql(keys, rows[0]["claim_id"]), rows)

    def _wider_sql(self, keys: tuple[str, ...], claim_id: int) -> str:
        """The insert for events with columns this version does not name (a later migration's)."""
        if keys not in self.more_sql:
            unknown = [k for k in keys if k not in self.event_columns]
            if unknown:
                from claimtrack.errors import InvalidInput

                raise InvalidInput(
                    f"claim {claim_id}'s history holds the event field{'s' if len(unknown) > 1 else ''} "
                    f"{', '.join(map(repr, unknown))}, which this database's events have no column for (a backup "
                    "from a newer claimtrack?); upgrade claimtrack and import again; nothing was imported"
                )
            self.more_sql[keys] = insert_sql(
                "event", [c for c in self.event_columns if c in keys or c in self.plain_columns or c == "hash"]
            )
        return self.more_sql[keys]


def _event_references(w: Writer) -> tuple[str, ...]:
    """The columns of the event table declared as references to another event (``REFERENCES event (id)``)."""
    if w.dialect == "sqlite":
        rows = w.rows("SELECT \"from\" AS name FROM pragma_foreign_key_list('event') WHERE \"table\" = 'event'")
    else:
        rows = w.rows(
            "SELECT k.column_name AS name FROM information_schema.table_constraints t "
            "JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
            "AND k.table_schema = t.table_schema "
            "JOIN information_schema.constraint_column_usage u ON u.constraint_name = t.constraint_name "
            "AND u.table_schema = t.table_schema "
            "WHERE t.constraint_type = 'FOREIGN KEY' AND t.table_schema = current_schema() "
            "AND t.table_name = 'event' AND u.table_name = 'event'"
        )
    return tuple(sorted({r["name"] for r in rows}))


def _event_columns(w: Writer) -> tuple[str, ...]:
    """The columns of the event table, in table order (a later migration may have added some)."""
    if w.dialect == "sqlite":
        rows = w.rows("SELECT name FROM pragma_table_info('event') ORDER BY cid")
    else:
        rows = w.rows(
            "SELECT column_name AS name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'event' ORDER BY ordinal_position"
        )
    return tuple(r["name"] for r in rows)
