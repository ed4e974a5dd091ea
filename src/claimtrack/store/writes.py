"""Every change to claims, each as one transaction that also writes its history event.

The service validates input and decides what should change; these functions make the change
atomically. A change and its event are written in the same transaction, and events are only ever
inserted (the SQLite schema refuses updates and deletes of events outright). The transaction and
its journal row are ``store.changing``'s; changes to sources are ``store.sources``'.

Every statement is SQL text built here, with ``:name`` parameters, and run by the ``Writer`` that
``Database.writing()`` gives (``sqlite3`` on SQLite, SQLAlchemy elsewhere: see ``store.writer``).
The tables and columns are those of ``store.models``; a test checks every column named here exists.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimtrack import timeutil
from claimtrack.confidence import Confidence
from claimtrack.errors import InvalidInput, NotFound, NothingChanged
from claimtrack.history import make_state
from claimtrack.ids import shown as shown_ids
from claimtrack.store.changing import _event, _ids_text, _link_tag, _source, changing
from claimtrack.store.claimchecks import check_claims, check_unchanged
from claimtrack.store.sqltext import EFFECTIVE
from claimtrack.store.writer import Writer, one
from claimtrack.textsafe import claim_key

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
    source_kind: str = "other"  # the kind of the source, if this claim creates it


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
    source_id: int | None = None  # the source ``new_source`` says was created


class Duplicate(InvalidInput):
    """``add`` of a claim whose folded text equals a live claim's (``--force`` records it anyway)."""

    def __init__(self, message: str, claim_id: int) -> None:
        super().__init__(message)
        self.claim_id = claim_id


def live_duplicate(w: Writer, key: str) -> int | None:
    """The oldest live claim whose text folds to ``key`` (``textsafe.claim_key``), if any."""
    found = one(w, "SELECT min(id) AS id FROM claim WHERE text_key = :key AND deleted_at IS NULL", {"key": key})
    return int(found["id"]) if found and found["id"] is not None else None


def create_claim(db: Database, new: NewClaim, force: bool = False) -> Written:
    """Insert a claim, its source (if new), its tags and its ``created`` event (holding what the
    claim was created with: ``claimtrack.history``).

    Refuses (``Duplicate``) a text that folds to a live claim's, unless ``force``: looked up under
    the write lock, so two terminals adding the same claim at once cannot both succeed."""
    key = claim_key(new.text)
    with changing(db, "add") as (w, journal):
        now = journal.now
        if not force:
            same = live_duplicate(w, key)
            if same is not None:
                raise Duplicate(
                    f"claim {same} already says this (case, spaces and punctuation aside); nothing was added: "
                    f"see it with: claimtrack show {same}, or add --force to record it again",
                    same,
                )
        source, created = _source(w, new.source, new.source_kind)
        claim_id = w.insert(
            "claim",
            {
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
                "text_key": key,
            },
        )
        for tag in sorted(set(new.tags)):
            _link_tag(w, claim_id, tag)
        state = make_state(
            text=new.text,
            source=source["name"],
            status=new.status,
            confidence=new.confidence.canonical if new.confidence else None,
            quote=new.quote,
            url=new.url,
            said_on=new.said_on,
            review_by=new.review_by,
            tags=new.tags,
        )
        event = _event(w, claim_id, "created", now, now, new=state, note=new.note)
        journal.summary = f"added claim {claim_id}"
        return Written(claim_id, [event], new_source=created)


def _confidence_text(value: float | None, phrase: str | None) -> str | None:
    return None if value is None else Confidence(value, phrase).canonical


CLAIM_FIELDS = ("status", "confidence", "confidence_phrase", "source_id", *EDITABLE)


def _claim(w: Writer, claim_id: int, deleted_ok: bool = False) -> dict[str, Any]:
    claim = one(w, f"SELECT id, {', '.join(CLAIM_FIELDS)}, deleted_at FROM claim WHERE id = :id", {"id": claim_id})
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}; list ids with: claimtrack list")
    if claim["deleted_at"] is not None and not deleted_ok:
        raise InvalidInput(f"claim {claim_id} is deleted; bring it back first with: claimtrack restore {claim_id}")
    return claim


def apply_changes(
    db: Database,
    claim_ids: int | list[int],
    changes: list[Change],
    *,
    at: str | None = None,
    note: str | None = None,
    evidence_url: str | None = None,
    command: str = "set",
    every: bool = False,
    unchanged_since: int | None = None,
) -> list[Written]:
    """Apply the same changes to one or several claims, all in one transaction.

    One event per field that really changes; changes that would leave a field as it is are skipped.
    ``every``: each claim must change (a status command on a claim already in that status), or
    nothing is written and ``NothingChanged`` names it. Otherwise a claim with nothing to change
    gets an empty ``Written.events``, for the caller to report. All or nothing: any error (an
    unknown or deleted id) leaves every claim as it was. ``unchanged_since``: the version
    (``store.versions``) the changes were made against; if another change to a field of ``edit``'s
    form came after it, nothing is written and ``Conflict`` names those fields.
    """
    ids = [claim_ids] if isinstance(claim_ids, int) else list(claim_ids)
    with changing(db, command) as (w, journal):
        now = journal.now
        check_claims(w, ids)
        if unchanged_since is not None:
            check_unchanged(w, ids, unchanged_since)
        done = [_apply(w, cid, changes, now, at or now, {"note": note, "evidence_url": evidence_url}) for cid in ids]
        journal.new_sources += [d.source_id for d in done if d.source_id is not None]
        unchanged = [cid for written, cid in zip(done, ids, strict=True) if not written.events]
        if every and unchanged:
            status = next((c.value for c in changes if c.field == "status"), None)
            cid = unchanged[0]
            raise NothingChanged(
                f"claim {cid} is already {status}; nothing was changed"
                + (
                    f" (to add evidence use: claimtrack note {cid} TEXT --evidence URL)"
                    if len(ids) == 1
                    else f"; leave {cid} out to change the others"
                )
                if len(unchanged) == 1
                else f"claims {shown_ids(unchanged)} are already {status}; nothing was changed; leave them out to change "
                "the others"
            )
        changed = [d.claim_id for d in done if d.events]
        if changed:
            journal.summary = f"{command} {_ids_text(changed)}"
        return done


def _apply(w: Writer, claim_id: int, changes: list[Change], now: str, at: str, extra: dict[str, Any]) -> Written:
    """The changes to one claim, inside the caller's transaction (see ``apply_changes``)."""
    claim = _claim(w, claim_id)
    before = dict(claim)
    written = Written(claim_id)
    tags = _current_tags(w, claim_id)

    def event(kind: str, name: str, old: Any, new: Any) -> None:
        written.events.append(_event(w, claim_id, kind, at, now, field=name, old=old, new=new, **extra))

    for change in changes:
        if change.field == "status":
            _check_order(w, claim, at, at != now)
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
            source, created = _source(w, change.value)
            if source["id"] != claim["source_id"]:
                if created:
                    written.new_source, written.source_id = True, source["id"]
                event("edit", "source", current["name"], source["name"])
                claim["source_id"] = source["id"]
        elif change.field == "tag+":
            if change.value not in tags:
                _link_tag(w, claim_id, change.value)
                tags[change.value] = -1
                event("edit", "tag", None, change.value)
        elif change.field == "tag-":
            if change.value in tags:
                w.execute(
                    "DELETE FROM claim_tag WHERE claim_id = :claim_id AND tag_id = :tag_id",
                    {"claim_id": claim_id, "tag_id": tags.pop(change.value)},
                )
                event("edit", "tag", change.value, None)
        elif change.field in EDITABLE:
            old = claim[change.field]
            if old != change.value:
                event("edit", change.field, old, change.value)
                claim[change.field] = change.value
        else:  # pragma: no cover - a programming error, not user input
            raise ValueError(f"unknown field {change.field}")
    if written.events:
        _save(w, claim_id, {k: claim[k] for k in CLAIM_FIELDS if claim[k] != before[k]}, now)
    return written


def _save(w: Writer, claim_id: int, values: dict[str, Any], now: str) -> None:
    """Write a claim's changed columns (and ``text_key`` with its text) and its ``updated_at``."""
    if "text" in values:
        values = {**values, "text_key": claim_key(values["text"])}
    sets = ", ".join([*(f"{k} = :{k}" for k in values), "updated_at = :updated_at"])
    w.execute(f"UPDATE claim SET {sets} WHERE id = :id", {**values, "updated_at": now, "id": claim_id})


def _check_order(w: Writer, claim: dict[str, Any], at: str, back_dated: bool) -> None:
    """Status changes must be recorded in the order they happened, so history replays to the
    current status: a back-dated change may not land before the claim's last status change, nor
    before the day the claim was made."""
    claim_id = claim["id"]
    if back_dated and claim["said_on"] and timeutil.local_date(at) < claim["said_on"]:  # said_on is a local day
        raise InvalidInput(
            f"--at {at} is before claim {claim_id} was made (said on {claim['said_on']}); a claim cannot be "
            "resolved before it was made: check --at, or fix the date with: "
            f"claimtrack set {claim_id} --said-on DATE"
        )
    # Against the effective history: a change undo took back (and undo's own) never happened, so
    # the change that was meant may be recorded at the same --at.
    found = one(
        w,
        f"SELECT max(e.at) AS latest FROM event e WHERE e.claim_id = :id AND e.kind = 'status' AND {EFFECTIVE}",
        {"id": claim_id},
    )
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


def add_note(
    db: Database, claim_ids: int | list[int], note: str, evidence_url: str | None, at: str | None = None
) -> list[Written]:
    """The same note on one or several claims, in one transaction (all or nothing); ``at`` (when the
    news broke) may not come before the day a claim was said."""
    ids = [claim_ids] if isinstance(claim_ids, int) else list(claim_ids)
    with changing(db, "note") as (w, journal):
        now = journal.now
        check_claims(w, ids)
        done = []
        for cid in ids:
            claim = _claim(w, cid)
            if at and claim["said_on"] and timeutil.local_date(at) < claim["said_on"]:
                raise InvalidInput(
                    f"--at {at} is before claim {cid} was made (said on {claim['said_on']}); a claim's "
                    "timeline starts when it was said: leave --at out, or fix the date with: "
                    f"claimtrack set {cid} --said-on DATE"
                )
            event = _event(w, cid, "note", at or now, now, note=note, evidence_url=evidence_url)
            w.execute("UPDATE claim SET updated_at = :now WHERE id = :id", {"now": now, "id": cid})
            done.append(Written(cid, [event]))
        journal.summary = f"note on {_ids_text(ids)}"
        return done


def set_deleted(db: Database, claim_ids: list[int], deleted: bool) -> list[Written]:
    """Delete (or restore) claims: an ``edit`` event of the field ``deleted`` on each, all or nothing.

    The row and its history stay; ``deleted_at`` takes the claim out of every view but ``show``.
    A claim already in that state is an error naming it, and nothing changes."""
    verb = "delete" if deleted else "restore"
    with changing(db, verb) as (w, journal):
        now = journal.now
        check_claims(w, claim_ids, deleted_ok=True, verb=verb)
        claims = [_claim(w, cid, deleted_ok=True) for cid in claim_ids]
        already = [c["id"] for c in claims if (c["deleted_at"] is not None) == deleted]
        if already:
            state = "already deleted" if deleted else "not deleted"
            raise NothingChanged(
                (
                    f"claim {already[0]} is {state}; nothing was changed"
                    if len(already) == 1
                    else f"claims {shown_ids(already)} are {state}; nothing was changed"
                )
                + (
                    ""
                    if len(claim_ids) == 1
                    else f"; leave {already[0] if len(already) == 1 else 'them'} out to {verb} the others"
                )
            )
        done = []
        for cid in claim_ids:
            event = _event(
                w,
                cid,
                "edit",
                now,
                now,
                field="deleted",
                old=None if deleted else "deleted",
                new="deleted" if deleted else None,
            )
            w.execute(
                "UPDATE claim SET deleted_at = :d, updated_at = :now WHERE id = :id",
                {"d": now if deleted else None, "now": now, "id": cid},
            )
            done.append(Written(cid, [event]))
        journal.summary = f"{'deleted' if deleted else 'restored'} {_ids_text(claim_ids)}"
        return done
