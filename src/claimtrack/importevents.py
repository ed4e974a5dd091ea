"""Checking the history of an imported claim: each event, and the events together.

Events are append-only, so a bad one let in could never be taken out again: each event is
checked as the command that writes it would (its kind, field, old and new values, note and
evidence URL, times not in the future), and the whole history must be one the commands could have
written: exactly one ``created`` event, recorded first, and status changes that replay (undone
pairs left out, ``reversals``) to the claim's status. A backup's ``deleted_at`` must agree with
the history, which alone says whether a claim is deleted (``deleted_at``, which export reads too).
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack import confidence as conf
from claimtrack import history, textsafe, timeutil
from claimtrack.errors import InvalidInput
from claimtrack.importfields import (
    MAX_ID,
    field_error,
    kind_of,
    known_status,
    not_future,
    string_field,
    time_field,
    valid_unicode,
)
from claimtrack.reversals import is_undo, pair
from claimtrack.validate import MAX_NAME, clean_tag, clean_text, clean_url

EVENT_KINDS = ("created", "status", "confidence", "edit", "note")
EDIT_FIELDS = ("text", "quote", "url", "said_on", "review_by", "source", "tag", "deleted")


def checked_events(events: Any, label: str, status: str, now: str) -> list[dict[str, Any]]:
    """A record's events, each checked as the command that writes it would, and the whole history:
    exactly one ``created`` event, recorded first, and status changes that replay to ``status``."""
    if not isinstance(events, list):
        raise field_error(label, "events", InvalidInput(f"expected a list of events, got {kind_of(events)}"))
    clean = []
    for i, event in enumerate(events, start=1):
        try:
            clean.append(_event(event, now))
        except (InvalidInput, ValueError) as exc:
            raise InvalidInput(f"{label}, event {i}: {exc}; nothing was imported") from exc
    _check_history(clean, label, status)
    return clean


def _event(event: Any, now: str) -> dict[str, Any]:
    if not isinstance(event, dict):
        raise InvalidInput(f"expected an object, got {kind_of(event)}")
    kind = event.get("kind")
    if kind not in EVENT_KINDS:
        raise InvalidInput(f"kind {kind!r} is not one of {', '.join(EVENT_KINDS)}")
    row: dict[str, Any] = {"kind": kind}
    more = event.keys() - _EVENT_KEYS
    if more:  # a backup's event id (every event of a backup has one) and any later column
        eid = event.get("id")
        if more == _ID_ONLY and type(eid) is int and 1 <= eid <= MAX_ID:
            row["id"] = eid
        else:
            _more_columns(event, more, row)
    for key in ("field", "old", "new", "note", "evidence_url"):
        try:
            row[key] = string_field(event.get(key))
        except InvalidInput as exc:
            raise InvalidInput(f"{key}: {exc}") from exc
    at = string_field(event.get("at"), "an ISO 8601 time")
    recorded = string_field(event.get("recorded_at"), "an ISO 8601 time")
    row["at"] = not_future(timeutil.parse_datetime(at or "", "at"), now, "at")
    row["recorded_at"] = (
        not_future(timeutil.parse_datetime(recorded, "recorded_at"), now, "recorded_at") if recorded else row["at"]
    )
    field, old, new = row["field"], row["old"], row["new"]
    if kind == "note" and field == "withdrawn":  # a note taken back by undo: old holds it
        if old is None or new is not None:
            raise InvalidInput("a withdrawn note event holds the note taken back as old, and no new value")
    elif kind == "created":
        if field is not None or old is not None:
            raise InvalidInput("a created event has no field or old value")
        if new is not None:  # what the claim was created with (claimtrack.history); None: filled on import
            try:
                history.parse_state(new)
            except ValueError as exc:
                raise InvalidInput(f"new: {exc}") from None
    elif kind == "note":
        if field is not None or old is not None or new is not None:
            raise InvalidInput(f"a {kind} event has no field, old or new value")
    elif kind == "status":
        if field not in (None, "status"):
            raise InvalidInput(f"a status event's field is 'status', not {field!r}")
        row["field"] = "status"
        for key, value in (("old", old), ("new", new)):
            try:
                known_status(value)
            except InvalidInput as exc:
                raise InvalidInput(f"{key}: {exc}") from exc
        if old == new:
            raise InvalidInput(f"a status event must change the status (old and new are both {old!r})")
    elif kind == "confidence":
        if field not in (None, "confidence"):
            raise InvalidInput(f"a confidence event's field is 'confidence', not {field!r}")
        row["field"] = "confidence"
        for key, value in (("old", old), ("new", new)):
            if value is not None:
                try:
                    conf.parse(value)
                except InvalidInput as exc:
                    raise InvalidInput(f"{key}: {exc}") from exc
    else:  # edit
        _check_edit(field, old, new)
    if row["note"] is not None:
        row["note"] = clean_text(row["note"], "note")
    elif kind == "note":
        raise InvalidInput("a note event needs its note text")
    row["evidence_url"] = clean_url(row["evidence_url"], "evidence_url")
    return row


# The keys of an event this module checks one by one; others go through ``_more_columns``.
_EVENT_KEYS = frozenset(("at", "recorded_at", "kind", "field", "old", "new", "note", "evidence_url"))
_ID_ONLY = frozenset(("id",))
_COLUMN_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


def _more_columns(event: dict[str, Any], keys: set[Any], row: dict[str, Any]) -> None:
    """An event's ``id`` (a backup's: kept where free) and the columns this version does not
    name (a later migration's, carried by name): each a whole number, text or null. Whether the
    database has such a column is the store's to say. ``claim_id`` is the record's own claim."""
    for key in sorted(keys, key=str):
        value = event[key]
        if key == "claim_id":
            continue
        if not isinstance(key, str) or not _COLUMN_NAME.fullmatch(key):
            raise InvalidInput(f"{textsafe.terminal(repr(key))} is not an event field")
        if key == "id":
            if value is not None and (
                not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID
            ):
                raise InvalidInput(f"id: expected a whole number from 1 to {MAX_ID}")
        elif isinstance(value, bool) or not (
            value is None or isinstance(value, str) or (isinstance(value, int) and abs(value) <= MAX_ID)
        ):
            raise InvalidInput(f"{key}: expected text, a whole number or null, got {kind_of(value)}")
        elif isinstance(value, str):
            valid_unicode(value)
        row[key] = value


def _check_edit(field: str | None, old: str | None, new: str | None) -> None:
    """An edit event's values are what ``set`` would have written for that field."""
    if field not in EDIT_FIELDS:
        raise InvalidInput(f"an edit event's field {field!r} is not one of {', '.join(EDIT_FIELDS)}")
    if field == "deleted":
        if {old, new} != {None, "deleted"}:
            raise InvalidInput("a deleted edit goes from no value to 'deleted' (deleted) or back (restored)")
        return
    if field == "tag":
        if (old is None) == (new is None):
            raise InvalidInput("a tag edit adds a tag (new) or removes one (old), one of the two")
        clean_tag(old or new or "")
        return
    for key, value in (("old", old), ("new", new)):
        if value is None:
            if field in ("text", "source"):
                raise InvalidInput(f"an edit of {field} needs its {key} value")
            continue
        try:
            if field == "url":
                clean_url(value, "url")
            elif field in ("said_on", "review_by"):
                timeutil.parse_date(value, field)
            elif field == "source":
                clean_text(value, "source name", MAX_NAME)
            elif field == "text":
                clean_text(value)
        except InvalidInput as exc:
            raise InvalidInput(f"{key}: {exc}") from exc


def _taken_back(events: list[dict[str, Any]]) -> set[int]:
    """The places (from 1) of undo events and of the events they took back (``reversals.pair``):
    a pair that never happened, which the status chain leaves out (after an undo the change meant
    may be recorded at the same ``at`` as the one undone)."""
    if not any(e["note"] and is_undo(e) for e in events):
        return set()
    order = sorted(range(len(events)), key=lambda k: events[k]["at"])
    pairs = pair([events[k] for k in order])
    return {order[k] + 1 for i, j in pairs.items() if j is not None for k in (i, j)}


def _check_history(events: list[dict[str, Any]], label: str, status: str) -> None:
    """One ``created`` event recorded first; status changes of the effective history (undone ones
    left out) chain (each ``old`` is the previous ``new``, in time order) and end at the claim's
    status; with none, it was born with it."""
    created = [i for i, e in enumerate(events) if e["kind"] == "created"]
    if len(created) != 1:
        raise InvalidInput(
            f"{label}: has {len(created) or 'no'} created event{'s' if len(created) > 1 else ''}; a claim's history "
            "starts with exactly one; nothing was imported"
        )
    first = events[created[0]]["recorded_at"]
    for i, event in enumerate(events, start=1):
        if event["recorded_at"] < first:
            raise InvalidInput(
                f"{label}, event {i}: recorded at {event['recorded_at']}, before the claim's created event "
                f"({first}); the created event must come first; nothing was imported"
            )
    gone = _taken_back(events)
    moves = sorted((e["at"], i, e) for i, e in enumerate(events, start=1) if e["kind"] == "status" and i not in gone)
    before = None
    for _, i, event in moves:
        if before is not None and event["old"] != before:
            raise InvalidInput(
                f"{label}, event {i}: changes status from {event['old']!r}, but the claim was {before!r} by then; "
                "status changes must replay in order; nothing was imported"
            )
        before = event["new"]
    if before is not None and before != status:
        _, i, _ = moves[-1]
        raise InvalidInput(
            f"{label}, event {i}: the last status change is to {before!r}, but the claim's status is {status!r}; "
            "the history must replay to the claim's status; nothing was imported"
        )


def deleted_at(events: list[dict[str, Any]]) -> str | None:
    """When a claim was deleted, if its history (events in time order) ends deleted: the time of
    its last ``deleted`` edit, None if that was a restore or there is none."""
    last = None
    for event in sorted((e for e in events if e.get("field") == "deleted"), key=lambda e: e["at"]):
        last = event
    return last["at"] if last is not None and last.get("new") is not None else None


def checked_deleted_at(given: Any, events: list[dict[str, Any]], label: str, now: str) -> str | None:
    """A record's ``deleted_at``: the one its history says (a backup's field, when given, must
    agree: a claim is deleted only by a ``deleted`` edit in its history)."""
    told = deleted_at(events)
    if given is None:
        return told
    when = time_field(given, "deleted_at", label, now, now)
    if told is None:
        raise field_error(
            label,
            "deleted_at",
            InvalidInput(
                "the claim's history does not end deleted; a deleted claim's events end with an edit of field "
                "'deleted' to 'deleted' (or leave deleted_at out)"
            ),
        )
    return when
