"""Every change to the data, each as one transaction that also writes its history event.

The service validates input and decides what should change; these functions make the change
atomically. A change and its event are written in the same transaction, and events are only ever
inserted (the SQLite schema refuses updates and deletes of events outright).
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, select

from claimtrack import timeutil
from claimtrack.confidence import Confidence
from claimtrack.errors import InvalidInput, NotFound
from claimtrack.store.models import Claim, ClaimTag, Event, Source, Tag

if TYPE_CHECKING:
    from claimtrack.store.database import Database

EDITABLE = ("text", "quote", "url", "said_on", "review_by")


@dataclass(frozen=True, slots=True)
class NewClaim:
    text: str
    source: str
    status: str = "unverified"
    confidence: Confidence | None = None
    quote: str | None = None
    url: str | None = None
    said_on: str | None = None
    review_by: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One requested change. ``field``: status, confidence, source, tag+, tag-, or an EDITABLE."""

    field: str
    value: Any  # str | None; a Confidence (or None) for "confidence"


@dataclass(slots=True)
class Written:
    claim_id: int
    events: list[dict[str, Any]] = field(default_factory=list)
    new_source: bool = False


def _source(session: Session, name: str) -> tuple[Source, bool]:
    key = name.casefold()
    found = session.exec(select(Source).where(Source.name_key == key)).first()
    if found is not None:
        return found, False
    source = Source(name=name, name_key=key, kind="other", created_at=timeutil.now())
    session.add(source)
    session.flush()
    return source, True


def _tag_id(session: Session, name: str) -> int:
    found = session.exec(select(Tag).where(Tag.name == name)).first()
    if found is None:
        found = Tag(name=name)
        session.add(found)
        session.flush()
    assert found.id is not None
    return found.id


def _event(session: Session, claim_id: int, kind: str, at: str, recorded_at: str, **values: Any) -> dict[str, Any]:
    event = Event(claim_id=claim_id, kind=kind, at=at, recorded_at=recorded_at, **values)
    session.add(event)
    return {"claim_id": claim_id, "kind": kind, "at": at, "recorded_at": recorded_at, **values}


def create_claim(db: Database, new: NewClaim) -> Written:
    """Insert a claim, its source (if new), its tags and its ``created`` event."""
    with db.session() as session:
        now = timeutil.now()  # read once the lock is held, so times follow commit order
        source, created = _source(session, new.source)
        claim = Claim(
            uuid=str(uuidlib.uuid4()),
            text=new.text,
            quote=new.quote,
            source_id=source.id,
            url=new.url,
            said_on=new.said_on,
            status=new.status,
            confidence=new.confidence.value if new.confidence else None,
            confidence_phrase=new.confidence.phrase if new.confidence else None,
            review_by=new.review_by,
            created_at=now,
            updated_at=now,
        )
        session.add(claim)
        session.flush()
        assert claim.id is not None
        for tag in sorted(set(new.tags)):
            session.add(ClaimTag(claim_id=claim.id, tag_id=_tag_id(session, tag)))
        event = _event(session, claim.id, "created", now, now, note=new.note)
        return Written(claim.id, [event], new_source=created)


def set_source(db: Database, name: str, details: dict[str, str | None]) -> tuple[str, bool, list[str]]:
    """Create a source or update its details: (its name, created?, the fields that changed)."""
    with db.session() as session:
        source, created = _source(session, name)
        changed = []
        for key, value in details.items():
            if value is not None and getattr(source, key) != value:
                setattr(source, key, value)
                changed.append(key)
        session.add(source)
        return source.name, created, changed


def _confidence_text(value: float | None, phrase: str | None) -> str | None:
    return None if value is None else Confidence(value, phrase).canonical


def apply_changes(
    db: Database,
    claim_id: int,
    changes: list[Change],
    *,
    at: str | None = None,
    note: str | None = None,
    evidence_url: str | None = None,
) -> Written:
    """Apply changes to one claim, one event per field that really changes.

    Changes that would leave a field as it is are skipped; when nothing changes nothing is written
    and ``Written.events`` is empty, for the caller to report.
    """
    with db.session() as session:
        now = timeutil.now()  # read once the lock is held, so times follow commit order
        at = at or now
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise NotFound(f"no claim with id {claim_id}; list ids with: claimtrack list")
        written = Written(claim_id)
        extra = {"note": note, "evidence_url": evidence_url}
        tags = _current_tags(session, claim_id)
        for change in changes:
            if change.field == "status":
                _check_order(session, claim_id, at)
                if claim.status != change.value:
                    written.events.append(
                        _event(session, claim_id, "status", at, now, field="status", old=claim.status, new=change.value, **extra)
                    )
                    claim.status = change.value
            elif change.field == "confidence":
                conf: Confidence | None = change.value
                old = _confidence_text(claim.confidence, claim.confidence_phrase)
                new = conf.canonical if conf else None
                if old != new:
                    written.events.append(
                        _event(session, claim_id, "confidence", at, now, field="confidence", old=old, new=new, **extra)
                    )
                    claim.confidence = conf.value if conf else None
                    claim.confidence_phrase = conf.phrase if conf else None
            elif change.field == "source":
                current = session.get(Source, claim.source_id)
                assert current is not None
                if current.name_key != change.value.casefold():
                    source, created = _source(session, change.value)
                    written.new_source = written.new_source or created
                    written.events.append(
                        _event(session, claim_id, "edit", at, now, field="source", old=current.name, new=source.name, **extra)
                    )
                    claim.source_id = source.id  # type: ignore[assignment]
            elif change.field == "tag+":
                if change.value not in tags:
                    session.add(ClaimTag(claim_id=claim_id, tag_id=_tag_id(session, change.value)))
                    tags[change.value] = -1
                    written.events.append(_event(session, claim_id, "edit", at, now, field="tag", old=None, new=change.value, **extra))
            elif change.field == "tag-":
                if change.value in tags:
                    link = session.get(ClaimTag, (claim_id, tags.pop(change.value)))
                    if link is not None:
                        session.delete(link)
                    written.events.append(_event(session, claim_id, "edit", at, now, field="tag", old=change.value, new=None, **extra))
            elif change.field in EDITABLE:
                old = getattr(claim, change.field)
                if old != change.value:
                    written.events.append(
                        _event(session, claim_id, "edit", at, now, field=change.field, old=old, new=change.value, **extra)
                    )
                    setattr(claim, change.field, change.value)
            else:  # pragma: no cover - a programming error, not user input
                raise ValueError(f"unknown field {change.field}")
        if written.events:
            claim.updated_at = now
            session.add(claim)
        return written


def _check_order(session: Session, claim_id: int, at: str) -> None:
    """Status changes must be recorded in the order they happened, so history replays to the
    current status: a back-dated change may not land before the claim's last status change."""
    last = session.exec(
        select(Event.at).where(Event.claim_id == claim_id, Event.kind == "status").order_by(Event.at.desc()).limit(1)  # type: ignore[attr-defined]
    ).first()
    if last is not None and at < last:
        raise InvalidInput(
            f"--at {at} is before claim {claim_id}'s last status change ({last}); status changes must be "
            "recorded in the order they happened: record this one as a note instead"
        )


def _current_tags(session: Session, claim_id: int) -> dict[str, int]:
    rows = session.exec(
        select(Tag.name, Tag.id).join(ClaimTag, ClaimTag.tag_id == Tag.id).where(ClaimTag.claim_id == claim_id)
    ).all()
    return {name: tag_id for name, tag_id in rows}


def add_note(db: Database, claim_id: int, note: str, evidence_url: str | None, at: str | None = None) -> Written:
    with db.session() as session:
        now = timeutil.now()
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise NotFound(f"no claim with id {claim_id}; list ids with: claimtrack list")
        event = _event(session, claim_id, "note", at or now, now, note=note, evidence_url=evidence_url)
        claim.updated_at = now
        session.add(claim)
        return Written(claim_id, [event])


def run_script(db: Database, script: str) -> int:
    """Run a SQL script (the seed) in one transaction; return how many claims it added."""
    with db.session() as session:
        conn = session.connection()
        before = conn.exec_driver_sql("SELECT count(*) FROM claim").scalar_one()
        for statement in split_statements(script):
            conn.exec_driver_sql(statement)
        after = conn.exec_driver_sql("SELECT count(*) FROM claim").scalar_one()
        return int(after - before)


def split_statements(script: str) -> list[str]:
    """Split SQL text into complete statements (quotes and comments respected)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
