"""Bulk import: many claims, their tags and events, in one all-or-nothing transaction.

Rows go in with ``executemany`` in batches of SQL text (the ``Writer`` of ``Database.writing()``:
``sqlite3`` on SQLite, SQLAlchemy elsewhere), holding one batch in memory at a time. A claim whose
uuid is already present is skipped and counted. So is, unless ``allow_duplicates``, a claim whose
text and source match a live claim that was there before the import (the same ``claim_key`` and
source ``name_key``): a CSV imported twice adds nothing the second time. Records that repeat earlier
records of the same file are kept, so a backup holding forced duplicates restores exactly (and a
backup's deleted claim is never skipped as a duplicate: it is in no view). A backup's claim ids are
kept when they are free, so a restored database reads like the original; otherwise the next unused
id is given. So are its event ids, when above every event id there before (an import's events stay
the one range its journal row names), and each event is written with every column it carries, by
name (a column of a later migration: refused in one line if this database lacks it); a column
declared ``REFERENCES event (id)`` follows the id its event was given (events are
``store.importevents``'; the records and the result, ``store.imported``'s). The feed
items a backup holds are remembered in the same transaction (one already remembered is kept).

On SQLite the per-row index work is done in bulk, inside the same transaction (DDL is
transactional there, so an error, Ctrl-C or kill -9 rolls it back with the rows):

* the search-index trigger (``claim_fts_insert``) is dropped at the start and its rows are written
  by one ``INSERT ... SELECT`` per run of consecutive new ids (one for a whole import of new
  claims), copying what the trigger would have copied, then the trigger is recreated; so is the guard trigger
  ``event_no_replace``, which only refuses an event id already taken, and an import gives none;
* when the database is still small (``REBUILD_INDEXES_BELOW`` claims), the secondary indexes of
  ``claim``, ``claim_tag`` and ``event`` are dropped too and rebuilt once at the end, which costs
  little on a small table and saves updating them row by row.

Every object is recreated from the SQL text SQLite kept for it (``sqlite_master``), so the schema
after an import is byte-identical to the one before (``db check`` verifies it). Concurrent readers
keep reading their snapshot; writers wait for the lock as for any other write.
"""

from __future__ import annotations

import functools
import json
import uuid as uuidlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from claimtrack import timeutil
from claimtrack.confidence import format_number
from claimtrack.errors import DatabaseError
from claimtrack.history import Inconsistent, chain_end, earliest, state_json
from claimtrack.reversals import is_undo
from claimtrack.store import idroom
from claimtrack.store.changing import changing
from claimtrack.store.importdups import Duplicates
from claimtrack.store.imported import ImportedClaim, ImportedFeedItem, ImportedSource, ImportResult, plain_state
from claimtrack.store.importevents import ImportedEvents, already_there
from claimtrack.store.writer import Writer, insert_sql, scalar
from claimtrack.textkeys import name_key
from claimtrack.textsafe import claim_key

if TYPE_CHECKING:
    from claimtrack.store.database import Database

BATCH = 2_000
_number = functools.lru_cache(maxsize=4096)(format_number)  # a large import repeats the same confidences


CLAIM_COLUMNS = (
    "id",
    "uuid",
    "text",
    "quote",
    "source_id",
    "url",
    "said_on",
    "status",
    "confidence",
    "confidence_phrase",
    "review_by",
    "created_at",
    "updated_at",
    "text_key",
    "deleted_at",
)
FEED_ITEM_SQL = (
    "INSERT INTO feed_item (feed, item, first_seen) VALUES (:feed, :item, :first_seen) "
    "ON CONFLICT (feed, item) DO NOTHING"
)
SOURCE_COLUMNS = ("name", "name_key", "kind", "reliability", "url", "notes", "created_at")
FTS_FILL = "INSERT INTO claim_fts (rowid, text, quote) SELECT id, text, quote FROM claim WHERE id BETWEEN :lo AND :hi"
FTS_TRIGGER = "claim_fts_insert"
# Row triggers an import does the work of itself: the search rows (written by hand, below), and the
# guard against INSERT OR REPLACE rewriting an event (m003): an import never gives event ids, and
# holds the write lock, so no other statement can run before the guard is back.
BULK_TRIGGERS = (FTS_TRIGGER, "event_no_replace")
REBUILD_INDEXES_BELOW = 50_000  # claims already there: rebuilding indexes over them costs well under a second
_BULK_TABLES = ("claim", "claim_tag", "event")
IMPORT_CACHE_KIB = 64 * 1024


class _Importer:
    def __init__(self, w: Writer, source_kind: str = "other") -> None:
        self.w = w
        self.source_kind = source_kind  # for a source created without a kind
        known = w.rows("SELECT name_key, name, id FROM source")
        self.sources = {r["name_key"]: r["id"] for r in known}
        self.names = {r["name_key"]: r["name"] for r in known}  # each source's name as stored
        self.tags = {r["name"]: r["id"] for r in w.rows("SELECT name, id FROM tag")}
        top = scalar(w, "SELECT max(id) AS top FROM claim") or 0
        if w.dialect == "sqlite":  # ids of deleted claims are never given again
            seq = scalar(w, "SELECT seq FROM sqlite_sequence WHERE name = 'claim'")
            top = max(top, seq or 0)
        self.existing = int(scalar(w, "SELECT count(*) AS n FROM claim") or 0)
        self.next_id = top + 1
        self.top = top
        self.events = ImportedEvents(w)  # their ids, and the statements writing them
        self.feed_items: list[dict[str, Any]] = []
        self.duplicates: Duplicates | None = None  # set by ``skip_duplicates``
        self.respelled: dict[str, str] = {}  # source names (casefolded) in histories -> the name now (``_respell``)
        self.set_aside: list[dict[str, Any]] = []  # schema objects dropped for the import, recreated at the end
        self.run: tuple[int, int] | None = None  # new claim ids lo..hi not yet in the search index
        self.claim_sql = insert_sql("claim", CLAIM_COLUMNS)
        self.link_sql = insert_sql("claim_tag", ("claim_id", "tag_id"))

    # -- bulk index work (SQLite)

    def set_indexes_aside(self) -> None:
        """Drop the search trigger (and, on a small database, the secondary indexes) until ``restore``."""
        if self.w.dialect != "sqlite":
            return
        tables = ", ".join(f"'{t}'" for t in _BULK_TABLES)
        triggers = ", ".join(f"'{t}'" for t in BULK_TRIGGERS)
        wanted = f"(type = 'trigger' AND name IN ({triggers}))"
        if self.existing < REBUILD_INDEXES_BELOW:
            wanted += f" OR (type = 'index' AND sql IS NOT NULL AND tbl_name IN ({tables}))"
        self.set_aside = self.w.rows(f"SELECT type, name, sql FROM sqlite_master WHERE {wanted} ORDER BY type, name")
        for obj in self.set_aside:
            self.w.execute(f'DROP {obj["type"].upper()} "{obj["name"]}"')

    def restore(self) -> None:
        """Recreate what ``set_indexes_aside`` dropped, from the very SQL text it had."""
        self.index_run()
        for obj in self.set_aside:
            self.w.execute(obj["sql"])
        self.set_aside = []

    @property
    def _search_rows_by_hand(self) -> bool:
        return any(obj["name"] == FTS_TRIGGER for obj in self.set_aside)

    def skip_duplicates(self) -> None:
        """Skip records that match a live claim already there (call after ``set_indexes_aside``)."""
        if self.existing:
            index_aside = any(obj["name"] == "ix_claim_text_key" for obj in self.set_aside)
            self.duplicates = Duplicates(self.w, self.top, preload=index_aside)

    # -- rows

    def source_id(self, name: str, details: ImportedSource | None = None) -> int:
        key = name_key(name)
        if key not in self.sources:
            d = details or ImportedSource(name)
            row = {
                "name": name,
                "name_key": key,
                "kind": d.kind or self.source_kind,
                "reliability": d.reliability,
                "url": d.url,
                "notes": d.notes,
                "created_at": d.created_at or timeutil.now(),
            }
            self.sources[key] = self.w.insert("source", row)
            self.names[key] = name
        return self.sources[key]

    def tag_id(self, name: str) -> int:
        if name not in self.tags:
            self.tags[name] = self.w.insert("tag", {"name": name})
        return self.tags[name]

    def add(self, batch: list[ImportedClaim], result: ImportResult) -> None:
        if not batch:
            return
        given = [c.uuid for c in batch if c.uuid is not None]
        present = already_there(self.w, "uuid", given) if given else set()
        wanted = [c.id for c in batch if c.id is not None]
        taken = already_there(self.w, "id", wanted) if wanted else set()
        keys = [c.key or claim_key(c.text) for c in batch]
        there = self.duplicates.present(keys) if self.duplicates is not None else set()
        claims: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for c, key in zip(batch, keys, strict=True):
            if c.uuid is not None and c.uuid in present:
                result.skipped += 1
                continue
            if there and c.deleted_at is None and (key, self.sources.get(name_key(c.source))) in there:
                result.duplicates += 1  # (a deleted claim duplicates nothing: it is in no view)
                continue
            if c.uuid is None:
                uuid = c.fresh_uuid or str(uuidlib.uuid4())
            else:
                uuid = c.uuid
                present.add(uuid)
            cid = c.id if c.id is not None and c.id not in taken else self.next_id
            if cid > idroom.LARGEST:  # ids written by other SQL left none to give (store.idroom)
                raise DatabaseError(idroom.exhausted("claim", cid - 1))
            taken.add(cid)
            if self.duplicates is not None:
                self.duplicates.given(cid)
            self.next_id = max(self.next_id, cid + 1)
            claims.append(
                {
                    "id": cid,
                    "uuid": uuid,
                    "text": c.text,
                    "quote": c.quote,
                    "source_id": self.source_id(c.source),
                    "url": c.url,
                    "said_on": c.said_on,
                    "status": c.status,
                    "confidence": c.confidence,
                    "confidence_phrase": c.confidence_phrase,
                    "review_by": c.review_by,
                    "created_at": c.created_at,
                    "updated_at": c.updated_at,
                    "text_key": key,
                    "deleted_at": c.deleted_at,
                }
            )
            links += [{"claim_id": cid, "tag_id": self.tag_id(t)} for t in c.tags]
            created = (
                c.events[0] if c.events[0]["kind"] == "created" else next(e for e in c.events if e["kind"] == "created")
            )
            if created.get("new") is None:
                created["new"] = self._created_state(c)
                if len(c.events) > 1:
                    self._respell(c, created["new"])
            else:
                self._respell(c, created["new"])
            if (  # (a lone event is the claim's creation: nothing to pair)
                len(c.events) > 1
                and any(e.get("note") and is_undo(e) for e in c.events)
                and not any("reverses" in e for e in c.events)
            ):
                self.events.pair_reversals(c.events)
            for event in c.events:
                event["claim_id"] = cid
                events.append(event)
            result.added += 1
        self.w.executemany(self.claim_sql, claims)
        if self._search_rows_by_hand:
            for row in claims:
                self._index_later(row["id"])
        self.w.executemany(self.link_sql, links)
        self.events.write(events)

    def _created_state(self, c: ImportedClaim) -> str:
        """What the claim was created with (``claimtrack.history``), for a created event holding none:
        the record itself, or with a history, walked back from it through its events' ``old`` values."""
        confidence = c.confidence_phrase or (None if c.confidence is None else _number(c.confidence))
        source = self.names[name_key(c.source)]
        if c.state and source == c.source:  # worked out as the record was read (importcheck.prepare)
            return c.state
        if len(c.events) == 1:  # the common case (every CSV and plain JSON record): the record as it is
            return plain_state(c, source)
        now = {
            "text": c.text,
            "source": source,
            "status": c.status,
            "confidence": confidence,
            "quote": c.quote,
            "url": c.url,
            "said_on": c.said_on,
            "review_by": c.review_by,
            "tags": sorted(set(c.tags)),
        }
        return state_json(earliest(now, c.events))

    def _respell(self, c: ImportedClaim, state: str) -> None:
        """Note a source renamed in the database the record comes from: its history then names the
        source as it was called (renames write no claim event), its record as it is called now.
        ``db check`` reads the import's ``respelled`` detail as renames of this import's claims."""
        steps = [
            (name_key(e["old"]), name_key(e["new"]))
            for e in c.events
            if e["kind"] == "edit" and e.get("field") == "source" and e["old"] and e["new"]
        ]
        try:
            end = chain_end(name_key(str(json.loads(state)["source"])), steps)
        except Inconsistent:
            return  # a history that does not chain: db check names it
        key = name_key(c.source)
        if end != key:
            self.respelled.setdefault(str(end), self.names[key])

    def feed_item(self, item: ImportedFeedItem) -> None:
        self.feed_items.append({"feed": item.feed, "item": item.item, "first_seen": item.first_seen})
        if len(self.feed_items) >= BATCH:
            self.write_feed_items()

    def write_feed_items(self) -> None:
        """Remember the feed items read so far (one a backup holds and this database has is kept as it is)."""
        if self.feed_items:
            self.w.executemany(FEED_ITEM_SQL, self.feed_items)
            self.feed_items = []

    def _index_later(self, claim_id: int) -> None:
        """Note a new claim for the search index: consecutive ids make one run, filled by one
        statement (a run of ids given in this import holds no other claim: ids are unique)."""
        if self.run is not None and claim_id == self.run[1] + 1:
            self.run = (self.run[0], claim_id)
            return
        self.index_run()
        self.run = (claim_id, claim_id)

    def index_run(self) -> None:
        """Write the search rows of the pending run of new claims: what the trigger would have."""
        if self.run is not None:
            self.w.execute(FTS_FILL, {"lo": self.run[0], "hi": self.run[1]})
            self.run = None


def import_items(
    db: Database,
    items: Iterable[ImportedSource | ImportedClaim | ImportedFeedItem],
    allow_duplicates: bool = False,
    source_kind: str = "other",
) -> ImportResult:
    """Import sources and claims in one transaction: any error (or Ctrl-C) leaves the database as it was.

    A source is created when met (with its details) unless one of that name exists; claims are
    written ``BATCH`` at a time. ``allow_duplicates``: import records that match a live claim
    already there too (``ImportResult.duplicates`` counts those skipped otherwise).
    ``source_kind``: the kind of a source created without one.
    """
    result = ImportResult()
    with changing(db, "import") as (w, journal):
        importer = _Importer(w, source_kind)
        if w.dialect == "sqlite":
            w.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        importer.set_indexes_aside()
        if not allow_duplicates:
            importer.skip_duplicates()
        batch: list[ImportedClaim] = []
        for item in items:
            if isinstance(item, ImportedSource):
                importer.source_id(item.name, item)
                continue
            if isinstance(item, ImportedFeedItem):
                importer.feed_item(item)
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                importer.add(batch, result)
                batch = []
        importer.add(batch, result)
        importer.write_feed_items()
        importer.events.finish()
        importer.restore()
        if w.dialect == "postgresql" and result.added:  # explicit ids: move the identities past them
            for table in ("claim", "event"):
                w.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        journal.summary = f"imported {result.added} claim{'s' if result.added != 1 else ''}"
        if importer.respelled:
            journal.detail = {"respelled": importer.respelled}
    # Committed: from here on nothing may be reported as a failed import (a user told "nothing
    # was saved" imports again, and a CSV has no uuids to skip: every claim would be doubled).
    if result.added >= BATCH:
        try:
            problem = db.checkpoint()
        except KeyboardInterrupt:  # Ctrl-C after the commit: the claims are in; say so, exit 0
            problem = "interrupted"
        if problem:
            result.warnings.append(
                f"imported {result.added} claim{'s' if result.added != 1 else ''}, but folding the write-ahead "
                f"log into the database file failed ({problem}); the claims are saved, so do not import them "
                "again" + ("; free some space" if problem.startswith("the disk is full") else "")
            )
    return result
