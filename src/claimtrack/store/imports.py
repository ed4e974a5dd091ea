"""Bulk import: many claims, their tags and events, in one all-or-nothing transaction.

Rows go in with ``executemany`` in batches of SQL text (the ``Writer`` of ``Database.writing()``:
``sqlite3`` on SQLite, SQLAlchemy elsewhere), holding one batch in memory at a time. A claim whose
uuid is already present is skipped and counted. So is, unless ``allow_duplicates``, a claim whose
text and source match a live claim that was there before the import (the same ``claim_key`` and
source ``name_key``): a CSV imported twice adds nothing the second time. Records that repeat earlier
records of the same file are kept, so a backup holding forced duplicates restores exactly. A
backup's claim ids are kept when they are free, so a restored database reads like the original;
otherwise the next unused id is given.

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

import uuid as uuidlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimtrack import timeutil
from claimtrack.errors import DatabaseError
from claimtrack.store import idroom
from claimtrack.store.writer import Writer, insert_sql, scalar
from claimtrack.textsafe import claim_key

if TYPE_CHECKING:
    from claimtrack.store.database import Database

BATCH = 2_000


@dataclass(slots=True)
class ImportedClaim:
    """A validated claim to import (the service builds these). ``uuid`` None: a new claim, given a
    fresh random uuid here (which no claim can already have, so it is not looked up)."""

    uuid: str | None
    text: str
    source: str
    status: str
    confidence: float | None
    confidence_phrase: str | None
    created_at: str
    updated_at: str
    id: int | None = None
    quote: str | None = None
    url: str | None = None
    said_on: str | None = None
    review_by: str | None = None
    tags: tuple[str, ...] = ()
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class ImportedSource:
    name: str
    kind: str | None = None  # None: not given; the import's default kind (defaults.source_kind)
    reliability: str | None = None
    url: str | None = None
    notes: str | None = None
    created_at: str | None = None


@dataclass(slots=True)
class ImportResult:
    added: int = 0
    skipped: int = 0  # the uuid is already present
    duplicates: int = 0  # text and source match a live claim already there (see ``_Duplicates``)
    warnings: list[str] = field(default_factory=list)  # what went wrong AFTER the commit


CLAIM_COLUMNS = ("id", "uuid", "text", "quote", "source_id", "url", "said_on", "status", "confidence",
                 "confidence_phrase", "review_by", "created_at", "updated_at", "text_key", "deleted_at")
EVENT_COLUMNS = ("claim_id", "at", "recorded_at", "kind", "field", "old", "new", "note", "evidence_url")
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


class _Duplicates:
    """Finds the records whose (``text_key``, source id) a live claim had before the import began.

    Claims this import writes never count: only ids up to the highest one before it, less those of
    this import that landed below it (free ids a backup kept). Looked up once per batch with an
    ``IN`` list over the ``text_key`` index; while that index is set aside (a small database, see
    ``REBUILD_INDEXES_BELOW``) the existing keys are read once instead, which is fewer than that."""

    def __init__(self, w: Writer, top: int, preload: bool) -> None:
        self.w = w
        self.top = top
        self.below_top: set[int] = set()  # ids this import gave that are <= top
        self.loaded: set[tuple[str, int]] | None = None
        if preload:
            self.loaded = {(r["text_key"], r["source_id"]) for r in w.rows(
                "SELECT text_key, source_id FROM claim WHERE deleted_at IS NULL")}

    def given(self, claim_id: int) -> None:
        if claim_id <= self.top:
            self.below_top.add(claim_id)

    def present(self, keys: list[str]) -> set[tuple[str, int]]:
        """The (text_key, source_id) pairs among live claims there before, for these text keys."""
        if self.loaded is not None:
            return self.loaded
        found: set[tuple[str, int]] = set()
        distinct = list(dict.fromkeys(keys))
        for start in range(0, len(distinct), 500):
            chunk = distinct[start:start + 500]
            params = {f"k{i}": k for i, k in enumerate(chunk)}
            marks = ", ".join(f":k{i}" for i in range(len(chunk)))
            for r in self.w.rows(f"SELECT id, text_key, source_id FROM claim WHERE text_key IN ({marks}) "
                                 "AND deleted_at IS NULL", params):
                if r["id"] <= self.top and r["id"] not in self.below_top:
                    found.add((r["text_key"], r["source_id"]))
        return found


class _Importer:
    def __init__(self, w: Writer, source_kind: str = "other") -> None:
        self.w = w
        self.source_kind = source_kind  # for a source created without a kind
        self.sources = {r["name_key"]: r["id"] for r in w.rows("SELECT name_key, id FROM source")}
        self.tags = {r["name"]: r["id"] for r in w.rows("SELECT name, id FROM tag")}
        top = scalar(w, "SELECT max(id) AS top FROM claim") or 0
        if w.dialect == "sqlite":  # ids of deleted claims are never given again
            seq = scalar(w, "SELECT seq FROM sqlite_sequence WHERE name = 'claim'")
            top = max(top, seq or 0)
        self.existing = int(scalar(w, "SELECT count(*) AS n FROM claim") or 0)
        self.next_id = top + 1
        self.top = top
        self.duplicates: _Duplicates | None = None  # set by ``skip_duplicates``
        self.set_aside: list[dict[str, Any]] = []  # schema objects dropped for the import, recreated at the end
        self.run: tuple[int, int] | None = None  # new claim ids lo..hi not yet in the search index
        self.claim_sql = insert_sql("claim", CLAIM_COLUMNS)
        self.link_sql = insert_sql("claim_tag", ("claim_id", "tag_id"))
        self.event_sql = insert_sql("event", EVENT_COLUMNS)

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
            self.duplicates = _Duplicates(self.w, self.top, preload=index_aside)

    # -- rows

    def source_id(self, name: str, details: ImportedSource | None = None) -> int:
        key = name.casefold()
        if key not in self.sources:
            d = details or ImportedSource(name)
            row = {
                "name": name, "name_key": key, "kind": d.kind or self.source_kind, "reliability": d.reliability, "url": d.url,
                "notes": d.notes, "created_at": d.created_at or timeutil.now(),
            }
            self.sources[key] = self.w.insert("source", row)
        return self.sources[key]

    def tag_id(self, name: str) -> int:
        if name not in self.tags:
            self.tags[name] = self.w.insert("tag", {"name": name})
        return self.tags[name]

    def add(self, batch: list[ImportedClaim], result: ImportResult) -> None:
        if not batch:
            return
        given = [c.uuid for c in batch if c.uuid is not None]
        present = self._existing("uuid", given) if given else set()
        wanted = [c.id for c in batch if c.id is not None]
        taken = self._existing("id", wanted) if wanted else set()
        keys = [claim_key(c.text) for c in batch]
        there = self.duplicates.present(keys) if self.duplicates is not None else set()
        claims: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for c, key in zip(batch, keys, strict=True):
            if c.uuid is not None and c.uuid in present:
                result.skipped += 1
                continue
            if there and (key, self.sources.get(c.source.casefold())) in there:
                result.duplicates += 1
                continue
            if c.uuid is None:
                uuid = str(uuidlib.uuid4())
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
            claims.append({
                "id": cid, "uuid": uuid, "text": c.text, "quote": c.quote, "source_id": self.source_id(c.source),
                "url": c.url, "said_on": c.said_on, "status": c.status, "confidence": c.confidence,
                "confidence_phrase": c.confidence_phrase, "review_by": c.review_by,
                "created_at": c.created_at, "updated_at": c.updated_at, "text_key": key,
                "deleted_at": _deleted_at(c.events),
            })
            links += [{"claim_id": cid, "tag_id": self.tag_id(t)} for t in c.tags]
            for event in c.events:  # validated events carry every column; fill any missing one
                event["claim_id"] = cid
                events.append(event if len(event) == len(EVENT_COLUMNS) else {k: event.get(k) for k in EVENT_COLUMNS})
            result.added += 1
        self.w.executemany(self.claim_sql, claims)
        if self._search_rows_by_hand:
            for row in claims:
                self._index_later(row["id"])
        self.w.executemany(self.link_sql, links)
        self.w.executemany(self.event_sql, events)

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

    def _existing(self, column: str, values: list[Any]) -> set[Any]:
        params = {f"v{i}": v for i, v in enumerate(values)}
        marks = ", ".join(f":v{i}" for i in range(len(values)))
        return {r[column] for r in self.w.rows(f"SELECT {column} FROM claim WHERE {column} IN ({marks})", params)}


def _deleted_at(events: list[dict[str, Any]]) -> str | None:
    """A claim whose history ends deleted (``db copy`` of a deleted claim) is imported deleted."""
    last = None
    for event in sorted((e for e in events if e.get("field") == "deleted"), key=lambda e: e["at"]):
        last = event
    return last["at"] if last is not None and last.get("new") is not None else None


def import_items(db: Database, items: Iterable[ImportedSource | ImportedClaim],
                 allow_duplicates: bool = False, source_kind: str = "other") -> ImportResult:
    """Import sources and claims in one transaction: any error (or Ctrl-C) leaves the database as it was.

    A source is created when met (with its details) unless one of that name exists; claims are
    written ``BATCH`` at a time. ``allow_duplicates``: import records that match a live claim
    already there too (``ImportResult.duplicates`` counts those skipped otherwise).
    ``source_kind``: the kind of a source created without one.
    """
    from claimtrack.store.writes import changing

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
            batch.append(item)
            if len(batch) >= BATCH:
                importer.add(batch, result)
                batch = []
        importer.add(batch, result)
        importer.restore()
        if w.dialect == "postgresql" and result.added:  # explicit ids: move the identity past them
            w.execute("SELECT setval(pg_get_serial_sequence('claim', 'id'), (SELECT max(id) FROM claim))")
        journal.summary = f"imported {result.added} claim{'s' if result.added != 1 else ''}"
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
