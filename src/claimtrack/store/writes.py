"""Every change to the data, each as one transaction that also writes its history event.

The service validates input and decides what should change; these functions make the change
atomically. A change and its event are written in the same transaction, and events are only ever
inserted (the SQLite schema refuses updates and deletes of events outright).

Every statement is SQL text built here, with ``:name`` parameters, and run by the ``Writer`` that
``Database.writing()`` gives (``sqlite3`` on SQLite, SQLAlchemy elsewhere: see ``store.writer``).
The tables and columns are those of ``store.models``; a test checks every column named here exists.
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimtrack import timeutil
from claimtrack.confidence import Confidence
from claimtrack.errors import InvalidInput, NotFound
from claimtrack.store.writer import Writer, one

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


def _source(w: Writer, name: str) -> tuple[dict[str, Any], bool]:
    """The source of that name (any case), created when new: (its row, created?)."""
    key = name.casefold()
    found = one(w, "SELECT id, name, name_key, kind, reliability, url, notes FROM source WHERE name_key = :key", {"key": key})
    if found is not None:
        return found, False
    row = {"name": name, "name_key": key, "kind": "other", "created_at": timeutil.now()}
    return {**row, "id": w.insert("source", row), "reliability": None, "url": None, "notes": None}, True


def _tag_id(w: Writer, name: str) -> int:
    found = one(w, "SELECT id FROM tag WHERE name = :name", {"name": name})
    return int(found["id"]) if found is not None else w.insert("tag", {"name": name})


def _event(w: Writer, claim_id: int, kind: str, at: str, recorded_at: str, **values: Any) -> dict[str, Any]:
    event = {"claim_id": claim_id, "kind": kind, "at": at, "recorded_at": recorded_at, **values}
    w.insert("event", event)
    return event


def _link_tag(w: Writer, claim_id: int, tag: str) -> None:
    w.execute("INSERT INTO claim_tag (claim_id, tag_id) VALUES (:claim_id, :tag_id)",
              {"claim_id": claim_id, "tag_id": _tag_id(w, tag)})


def create_claim(db: Database, new: NewClaim) -> Written:
    """Insert a claim, its source (if new), its tags and its ``created`` event."""
    with db.writing() as w:
        now = timeutil.now()  # read once the lock is held, so times follow commit order
        source, created = _source(w, new.source)
        claim_id = w.insert("claim", {
            "uuid": str(uuidlib.uuid4()),
            "text": new.text,
            "quote": new.quote,
            "source_id": source["id"],
            "url": new.url,
            "said_on": new.said_on,
            "status": new.status,
            "confidence": new.confidence.value if new.confidence else None,
            "confidence_phrase": new.confidence.phrase if new.confidence else None,
            "review_by": new.review_by,
            "created_at": now,
            "updated_at": now,
        })
        for tag in sorted(set(new.tags)):
            _link_tag(w, claim_id, tag)
        event = _event(w, claim_id, "created", now, now, note=new.note)
        return Written(claim_id, [event], new_source=created)


SOURCE_DETAILS = ("kind", "reliability", "url", "notes")


def set_source(db: Database, name: str, details: dict[str, str | None]) -> tuple[str, bool, list[str]]:
    """Create a source or update its details: (its name, created?, the fields that changed)."""
    with db.writing() as w:
        source, created = _source(w, name)
        changed = [k for k in SOURCE_DETAILS if details.get(k) is not None and source[k] != details[k]]
        if changed:
            sets = ", ".join(f"{k} = :{k}" for k in changed)
            w.execute(f"UPDATE source SET {sets} WHERE id = :id", {**{k: details[k] for k in changed}, "id": source["id"]})
        return source["name"], created, changed


def _confidence_text(value: float | None, phrase: str | None) -> str | None:
    return None if value is None else Confidence(value, phrase).canonical


CLAIM_FIELDS = ("status", "confidence", "confidence_phrase", "source_id", *EDITABLE)


def _claim(w: Writer, claim_id: int) -> dict[str, Any]:
    claim = one(w, f"SELECT id, {', '.join(CLAIM_FIELDS)} FROM claim WHERE id = :id", {"id": claim_id})
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}; list ids with: claimtrack list")
    return claim


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
    with db.writing() as w:
        now = timeutil.now()  # read once the lock is held, so times follow commit order
        at = at or now
        claim = _claim(w, claim_id)
        before = dict(claim)
        written = Written(claim_id)
        extra = {"note": note, "evidence_url": evidence_url}
        tags = _current_tags(w, claim_id)

        def event(kind: str, name: str, old: Any, new: Any) -> None:
            written.events.append(_event(w, claim_id, kind, at, now, field=name, old=old, new=new, **extra))

        for change in changes:
            if change.field == "status":
                _check_order(w, claim_id, at)
                if claim["status"] != change.value:
                    event("status", "status", claim["status"], change.value)
                    claim["status"] = change.value
            elif change.field == "confidence":
                conf: Confidence | None = change.value
                old = _confidence_text(claim["confidence"], claim["confidence_phrase"])
                new = conf.canonical if conf else None
                if old != new:
                    event("confidence", "confidence", old, new)
                    claim["confidence"] = conf.value if conf else None
                    claim["confidence_phrase"] = conf.phrase if conf else None
            elif change.field == "source":
                current = one(w, "SELECT name, name_key FROM source WHERE id = :id", {"id": claim["source_id"]})
                assert current is not None
                if current["name_key"] != change.value.casefold():
                    source, created = _source(w, change.value)
                    written.new_source = written.new_source or created
                    event("edit", "source", current["name"], source["name"])
                    claim["source_id"] = source["id"]
            elif change.field == "tag+":
                if change.value not in tags:
                    _link_tag(w, claim_id, change.value)
                    tags[change.value] = -1
                    event("edit", "tag", None, change.value)
            elif change.field == "tag-":
                if change.value in tags:
                    w.execute("DELETE FROM claim_tag WHERE claim_id = :claim_id AND tag_id = :tag_id",
                              {"claim_id": claim_id, "tag_id": tags.pop(change.value)})
                    event("edit", "tag", change.value, None)
            elif change.field in EDITABLE:
                old = claim[change.field]
                if old != change.value:
                    event("edit", change.field, old, change.value)
                    claim[change.field] = change.value
            else:  # pragma: no cover - a programming error, not user input
                raise ValueError(f"unknown field {change.field}")
        if written.events:
            changed = [k for k in CLAIM_FIELDS if claim[k] != before[k]]
            sets = ", ".join([*(f"{k} = :{k}" for k in changed), "updated_at = :updated_at"])
            w.execute(f"UPDATE claim SET {sets} WHERE id = :id",
                      {**{k: claim[k] for k in changed}, "updated_at": now, "id": claim_id})
        return written


def _check_order(w: Writer, claim_id: int, at: str) -> None:
    """Status changes must be recorded in the order they happened, so history replays to the
    current status: a back-dated change may not land before the claim's last status change."""
    found = one(w, "SELECT max(at) AS latest FROM event WHERE claim_id = :id AND kind = 'status'", {"id": claim_id})
    last = found["latest"] if found else None
    if last is not None and at < last:
        raise InvalidInput(
            f"--at {at} is before claim {claim_id}'s last status change ({last}); status changes must be "
            "recorded in the order they happened: record this one as a note instead"
        )


def _current_tags(w: Writer, claim_id: int) -> dict[str, int]:
    rows = w.rows(
        "SELECT t.name, t.id FROM tag t JOIN claim_tag ct ON ct.tag_id = t.id WHERE ct.claim_id = :id", {"id": claim_id}
    )
    return {r["name"]: r["id"] for r in rows}


def add_note(db: Database, claim_id: int, note: str, evidence_url: str | None, at: str | None = None) -> Written:
    with db.writing() as w:
        now = timeutil.now()
        _claim(w, claim_id)
        event = _event(w, claim_id, "note", at or now, now, note=note, evidence_url=evidence_url)
        w.execute("UPDATE claim SET updated_at = :now WHERE id = :id", {"now": now, "id": claim_id})
        return Written(claim_id, [event])


def run_script(db: Database, script: str) -> int:
    """Run a SQL script (the seed) in one transaction; return how many claims it added."""
    count = "SELECT count(*) AS n FROM claim"
    with db.writing() as w:
        before = one(w, count)
        w.script(split_statements(script))
        after = one(w, count)
        assert before is not None and after is not None
        return int(after["n"] - before["n"])


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
