"""Checking one import record (a claim, a source, a feed item) into what the store imports.

Validation is as strict as the command line: each field is checked by the same function the
command line uses, every field must have its type (text is never made from an object or number),
URLs (the claim's, a source's) must be http(s), ``said_on`` and every time must not be in the
future, and a claim's events must be a history the commands could have written (``importevents``).
A claim exported as CSV brings its ``resolved_on``, ``evidence`` and ``last_note`` cells, which
become a history that exports to the same cells (``csvhistory``). Values a large import repeats
(sources, tags, dates, confidences) are checked once each.
"""

from __future__ import annotations

import functools
import os
import uuid as uuidlib
from typing import TYPE_CHECKING, Any

from claimtrack import confidence as conf
from claimtrack import csvhistory, timeutil
from claimtrack.confidence import format_number
from claimtrack.errors import InvalidInput
from claimtrack.importevents import checked_deleted_at, checked_events
from claimtrack.importfields import MAX_ID, field_error, kind_of, known_status, string_field, time_field, valid_unicode
from claimtrack.store.imported import plain_state
from claimtrack.textsafe import claim_key
from claimtrack.validate import (
    MAX_NAME,
    clean_kind,
    clean_optional,
    clean_reliability,
    clean_tag,
    clean_text,
    clean_url,
    past_date,
)

if TYPE_CHECKING:
    from claimtrack.store.imported import ImportedClaim, ImportedFeedItem, ImportedSource

_number = functools.lru_cache(maxsize=4096)(format_number)  # a large import repeats the same confidences


def _opt_str(data: dict[str, Any], key: str, label: str) -> str | None:
    try:
        value = string_field(data.get(key))
    except InvalidInput as exc:
        raise field_error(label, key, exc) from exc
    return value or None


@functools.lru_cache(maxsize=4)
def _today(now: str, zone: str | None) -> str:
    """The local day of ``now``: the latest said_on an import accepts (``zone``, the TZ it was
    read in, keys the cache only)."""
    return timeutil.local_date(now)


def validate_source(data: dict[str, Any], label: str) -> ImportedSource:
    from claimtrack.store.imported import ImportedSource

    try:
        name = clean_text(_opt_str(data, "name", label) or "", "source name", MAX_NAME)
        kind = _opt_str(data, "kind", label)
        reliability = _opt_str(data, "reliability", label)
        url = _opt_str(data, "url", label)
        return ImportedSource(
            name=name,
            kind=clean_kind(kind) if kind else None,  # None: the import's default kind
            reliability=clean_reliability(reliability) if reliability is not None else None,
            url=clean_url(url, "url"),
            notes=_opt_str(data, "notes", label),
            created_at=time_field(data.get("created_at"), "created_at", label, timeutil.now()),
        )
    except InvalidInput as exc:
        if "nothing was imported" in str(exc):
            raise
        raise InvalidInput(f"{label}: {exc}; nothing was imported") from exc


def validate_claim(data: dict[str, Any], label: str, origin: str, now: str) -> ImportedClaim:
    """One import record -> an ImportedClaim, or InvalidInput naming the record and field."""
    from claimtrack.store.imported import ImportedClaim

    # Each field is checked by the same function the command line uses; ``name`` follows along so
    # that an error names its field (a plain variable: this runs for every record of an import).
    # Fields are checked in a fixed order, so a record with several errors always reports the same one.
    name = "text"
    try:
        text = clean_text(string_field(data.get("text")) or "")
        name = "source"
        source = _source_name(string_field(data.get("source")) or "")
        name = "status"
        status = known_status(data.get("status") or "unverified")
        name = "confidence_phrase"
        phrase = string_field(data.get("confidence_phrase"))
        name = "confidence"
        # A record that names its phrase (a backup, even as null) says it all: the label, which
        # shows a midpoint's band phrase whether or not one was said, is only read when it does not.
        shown = None if "confidence_phrase" in data else data.get("confidence_label")
        confidence = _confidence(data.get("confidence"), phrase, shown)
        name = "tags"
        tags = _tags(data.get("tags"))
        name = "uuid"
        raw_uuid = string_field(data.get("uuid"))
        uuid = str(uuidlib.UUID(raw_uuid)) if raw_uuid else None  # None: the store gives a new one
        name = "id"
        raw_id = data.get("id")
        if raw_id is not None and (
            not isinstance(raw_id, int) or isinstance(raw_id, bool) or not 1 <= raw_id <= MAX_ID
        ):
            raise InvalidInput(
                f"expected a whole number from 1 to {MAX_ID} (claimtrack's largest id; "
                "leave the id out and the claim gets the next free one)"
            )
    except (InvalidInput, ValueError, TypeError) as exc:
        raise field_error(label, name, exc) from exc
    created_at = time_field(data.get("created_at"), "created_at", label, now, now)
    events = data.get("events")
    if events is None:
        events = [
            {
                "at": created_at,
                "recorded_at": now,
                "kind": "created",
                "field": None,
                "old": None,
                "new": None,
                "note": f"Imported from {origin}",
                "evidence_url": None,
            }
        ]
    else:
        events = checked_events(events, label, status, now)
    name = "quote"
    try:
        quote = clean_optional(string_field(data.get("quote")) or None, "quote")
        name = "url"
        url = clean_url(string_field(data.get("url")) or None, "url")
        name = "said_on"
        said_on = _said_on(string_field(data.get("said_on")) or None, _today(now, os.environ.get("TZ")))
        name = "review_by"
        review = string_field(data.get("review_by"))
        review_by = timeutil.parse_date(review, "review_by") if review else None
    except (InvalidInput, ValueError, TypeError) as exc:
        raise field_error(label, name, exc) from exc
    if ("resolved_on" in data or "evidence" in data or "last_note" in data) and csvhistory.wanted(data):
        # A CSV export's resolved_on, evidence and last_note: a history that exports to them again.
        day, links, note = csvhistory.check(data, label, status, said_on, _today(now, os.environ.get("TZ")))
        events = checked_events(csvhistory.events(events[0], status, day, links, note, origin), label, status, now)
    gone = checked_deleted_at(data.get("deleted_at"), events, label, now)
    return prepare(
        ImportedClaim(
            id=raw_id,
            uuid=uuid,
            text=text,
            quote=quote,
            source=source,
            status=status,
            confidence=confidence.value if confidence else None,
            confidence_phrase=confidence.phrase if confidence else None,
            url=url,
            said_on=said_on,
            review_by=review_by,
            tags=tags,
            created_at=created_at,
            updated_at=time_field(data.get("updated_at"), "updated_at", label, created_at, now),
            events=events,
            deleted_at=gone,
        )
    )


def prepare(c: ImportedClaim) -> ImportedClaim:
    """Work out what the writer would per claim and need not (``ImportedClaim.key`` and the rest).

    Where the import has a reader process (``readahead``), this runs there, on the other core."""
    c.key = claim_key(c.text)
    if c.uuid is None:
        c.fresh_uuid = str(uuidlib.uuid4())
    if len(c.events) == 1 and c.events[0].get("new") is None:
        c.state = plain_state(c, c.source)
    return c


def validate_feed_item(data: dict[str, Any], label: str, now: str) -> ImportedFeedItem:
    """A feed item ``match --feed`` had seen, from a backup: its feed, its key there, when first seen."""
    from claimtrack.store.imported import ImportedFeedItem

    values = {}
    for key in ("feed", "item"):
        try:
            value = string_field(data.get(key))
            if not value:
                raise InvalidInput("expected text, got nothing")
        except InvalidInput as exc:
            raise field_error(label, key, exc) from exc
        values[key] = value
    return ImportedFeedItem(
        values["feed"], values["item"], time_field(data.get("first_seen"), "first_seen", label, now, now)
    )


# A large import repeats the same few sources, tags, dates and confidences on every record: their
# checks are pure functions of the value, so each distinct value is checked once. Failures are
# not cached (an exception is raised every time); ``typed`` keeps True apart from 1.
_tag = functools.lru_cache(maxsize=4096)(clean_tag)
_said_on = functools.lru_cache(maxsize=4096)(lambda value, today: past_date(value, "said_on", today=today))


@functools.lru_cache(maxsize=4096)
def _source_name(value: str) -> str:
    return clean_text(value, "source name", MAX_NAME)


def _confidence(value: Any, phrase: str | None, shown: Any) -> conf.Confidence | None:
    if isinstance(shown, list | dict) or isinstance(value, list | dict):
        return _import_confidence(value, phrase, shown)  # unhashable: refused there, uncached
    return _cached_confidence(value, phrase, shown)


def _tags(value: Any) -> tuple[str, ...]:
    """Tags as a list of strings or one comma-separated string (a spreadsheet cell)."""
    if value is None or value == "":
        return ()
    items: list[str | None]
    if isinstance(value, str):
        items = [t for t in valid_unicode(value).replace(";", ",").split(",") if t.strip()]
    elif isinstance(value, list):
        items = [string_field(t, "each tag to be text") for t in value]
    else:
        raise InvalidInput(f"expected a list of tags or comma-separated text, got {kind_of(value)}")
    return tuple(sorted({_tag(t) for t in items if t is not None}))


def _import_confidence(value: Any, phrase: str | None, shown: Any = None) -> conf.Confidence | None:
    """The confidence of a record: a number or text, checked against its phrase if one is given.

    ``shown`` is the ``confidence_label`` column of a claim list or CSV export (``87.5% very
    likely``): when no phrase is given and the label names an estimative phrase whose midpoint
    is the value, that phrase is kept, so a re-imported claim reads as it did.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidInput(f"expected a probability (a number or text), got {kind_of(value)}")
    if isinstance(value, int | float):
        # + 0.0: a -0.0 (which JSON writers produce) is the probability 0, not a negative one
        parsed = conf.parse(conf.format_number(float(value) + 0.0)) if 0 <= value <= 1 else conf.parse(str(value))
    else:
        parsed = conf.parse(valid_unicode(value))
    if phrase:
        named = conf.parse(phrase)
        if named.phrase is None or abs(named.value - parsed.value) > 1e-9:
            raise InvalidInput(f"confidence_phrase {phrase!r} does not match confidence {value!r}")
        return named
    if parsed.phrase is None and isinstance(shown, str) and " " in shown:
        try:
            named = conf.parse(shown.split(" ", 1)[1])
        except InvalidInput:
            return parsed
        if named.phrase is not None and abs(named.value - parsed.value) < 1e-9:
            return named
    return parsed


_cached_confidence = functools.lru_cache(maxsize=4096, typed=True)(_import_confidence)
