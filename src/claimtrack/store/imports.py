"""Bulk import: many claims, their tags and events, in one all-or-nothing transaction.

Rows go in with SQLAlchemy Core ``executemany`` in batches, which is several times faster than
ORM objects and keeps memory bounded: only one batch is held at a time. A claim whose uuid is
already present is skipped and counted. A backup's claim ids are kept when they are free, so a
restored database reads like the original; otherwise the next unused id is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, text

from claimtrack import timeutil
from claimtrack.store.models import Claim, ClaimTag, Event, Source, Tag

if TYPE_CHECKING:
    from claimtrack.store.database import Database

BATCH = 2_000


@dataclass(slots=True)
class ImportedClaim:
    """A validated claim to import (the service builds these)."""

    uuid: str
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
    kind: str = "other"
    reliability: str | None = None
    url: str | None = None
    notes: str | None = None
    created_at: str | None = None


@dataclass(slots=True)
class ImportResult:
    added: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)  # what went wrong AFTER the commit


class _Importer:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sources = {key: sid for key, sid in conn.execute(text("SELECT name_key, id FROM source"))}
        self.tags = {name: tid for name, tid in conn.execute(text("SELECT name, id FROM tag"))}
        top = conn.execute(text("SELECT max(id) FROM claim")).scalar() or 0
        if conn.dialect.name == "sqlite":  # ids of deleted claims are never given again
            seq = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'claim'")).scalar()
            top = max(top, seq or 0)
        self.next_id = top + 1

    def source_id(self, name: str, details: ImportedSource | None = None) -> int:
        key = name.casefold()
        if key not in self.sources:
            d = details or ImportedSource(name)
            row = {
                "name": name, "name_key": key, "kind": d.kind, "reliability": d.reliability, "url": d.url,
                "notes": d.notes, "created_at": d.created_at or timeutil.now(),
            }
            self.sources[key] = self.conn.execute(insert(Source).values(**row).returning(Source.id)).scalar_one()
        return self.sources[key]

    def tag_id(self, name: str) -> int:
        if name not in self.tags:
            self.tags[name] = self.conn.execute(insert(Tag).values(name=name).returning(Tag.id)).scalar_one()
        return self.tags[name]

    def add(self, batch: list[ImportedClaim], result: ImportResult) -> None:
        if not batch:
            return
        uuids = [c.uuid for c in batch]
        present = self._existing("uuid", uuids)
        wanted = [c.id for c in batch if c.id is not None]
        taken = self._existing("id", wanted) if wanted else set()
        claims, links, events = [], [], []
        for c in batch:
            if c.uuid in present:
                result.skipped += 1
                continue
            present.add(c.uuid)
            if c.id is not None and c.id not in taken:
                cid = c.id
            else:
                cid = self.next_id
            taken.add(cid)
            self.next_id = max(self.next_id, cid + 1)
            claims.append({
                "id": cid, "uuid": c.uuid, "text": c.text, "quote": c.quote, "source_id": self.source_id(c.source),
                "url": c.url, "said_on": c.said_on, "status": c.status, "confidence": c.confidence,
                "confidence_phrase": c.confidence_phrase, "review_by": c.review_by,
                "created_at": c.created_at, "updated_at": c.updated_at,
            })
            links += [{"claim_id": cid, "tag_id": self.tag_id(t)} for t in c.tags]
            events += [{"claim_id": cid, **e} for e in c.events]
            result.added += 1
        for table, rows in ((Claim, claims), (ClaimTag, links), (Event, events)):
            if rows:
                self.conn.execute(insert(table), rows)

    def _existing(self, column: str, values: list[Any]) -> set[Any]:
        params = {f"v{i}": v for i, v in enumerate(values)}
        marks = ", ".join(f":v{i}" for i in range(len(values)))
        return {r[0] for r in self.conn.execute(text(f"SELECT {column} FROM claim WHERE {column} IN ({marks})"), params)}


def import_items(db: Database, items: Iterable[ImportedSource | ImportedClaim]) -> ImportResult:
    """Import sources and claims in one transaction: any error (or Ctrl-C) leaves the database as it was.

    A source is created when met (with its details) unless one of that name exists; claims are
    written ``BATCH`` at a time.
    """
    result = ImportResult()
    with db.session() as session:
        importer = _Importer(session.connection())
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
        if db.dialect == "postgresql" and result.added:  # explicit ids: move the identity past them
            session.connection().execute(
                text("SELECT setval(pg_get_serial_sequence('claim', 'id'), (SELECT max(id) FROM claim))")
            )
    # Committed: from here on nothing may be reported as a failed import (a user told "nothing
    # was saved" imports again, and a CSV has no uuids to skip: every claim would be doubled).
    if result.added >= BATCH:
        problem = db.checkpoint()
        if problem:
            result.warnings.append(
                f"imported {result.added} claim{'s' if result.added != 1 else ''}, but folding the write-ahead "
                f"log into the database file failed ({problem}); the claims are saved, so do not import them "
                "again" + ("; free some space" if problem.startswith("the disk is full") else "")
            )
    return result
