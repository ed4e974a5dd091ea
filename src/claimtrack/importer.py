"""Reading import files: our JSON/JSONL backups, claim lists, and CSV from a spreadsheet.

``read`` parses a file into plain dicts, each with a label that names it in errors
(``record 3 (line 4)``); ``validated`` checks each record into what the store imports. Writing
is the store's job (``store.imports``), in one all-or-nothing transaction.
Formats: ``--format`` wins, else the file extension (.json, .jsonl/.ndjson, .csv), else JSONL
for standard input. Every format is read a record at a time, none over 16 MiB (``bounded``), so
endless input (``/dev/zero``) is refused in bounded memory. CSV may be separated by commas,
semicolons, tabs or vertical bars (detected from the header, or named by a ``sep=X`` first line),
and claimtrack's own CSV export reads back as the same claims: its ``resolved_on``, ``evidence`` and
``last_note`` columns become a history that exports to the same cells (``csvhistory``).

Validation is as strict as the command line: every field must have its type (text is never made
from an object or number), every string must be valid Unicode, URLs (the claim's, a source's, an
event's evidence) must be http(s), ``said_on`` and every time must not be in the future (times
may run ``CLOCK_SKEW`` ahead, for a writer whose clock is a little fast), and a claim's events
must be a history the commands could have written. Events are append-only, so a bad one let in
could never be taken out again.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import os
import re
import sys
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from claimtrack import confidence as conf
from claimtrack import bounded, csvhistory, history, textsafe, timeutil
from claimtrack.choices import ImportFormat, Status
from claimtrack.errors import InvalidInput
from claimtrack.reversals import is_undo, pair
from claimtrack.store.idroom import IMPORT_MAX
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

CSV_REQUIRED = ("text", "source")
CSV_OPTIONAL = ("confidence", "status", "tags", "url", "said_on", "quote", "review_by", "uuid", "id", "created_at", "updated_at",
                *csvhistory.COLUMNS)


class Record(NamedTuple):
    """One record of an import file (a tuple: one is made for every line of a large import)."""

    kind: str  # "claim", "source" or "feed_item"
    label: str  # how errors name it: "record 3 (line 4)"
    data: dict[str, Any]


def detect_format(name: str, given: ImportFormat | None) -> ImportFormat:
    if given is not None:
        return given
    if name == "-":
        return ImportFormat.jsonl
    suffix = Path(name).suffix.lower()
    known = {".json": ImportFormat.json, ".jsonl": ImportFormat.jsonl, ".ndjson": ImportFormat.jsonl, ".csv": ImportFormat.csv}
    if suffix not in known:
        raise InvalidInput(f"cannot tell the format of {name}; name it .json, .jsonl or .csv, or pass --format")
    return known[suffix]


def open_text(name: str, stdin: IO[str] | None = None) -> IO[str]:
    """The file (or standard input for ``-``) as UTF-8 text."""
    if name == "-":
        stream = stdin or sys.stdin
        return io.TextIOWrapper(stream.buffer, encoding="utf-8-sig", newline="") if hasattr(stream, "buffer") else stream
    try:
        return open(name, encoding="utf-8-sig", newline="")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise InvalidInput(f"cannot read {name}: {exc.strerror}; check the path") from exc


def read(handle: IO[str], fmt: ImportFormat, name: str) -> Iterator[Record]:
    """Yield the records of an import file, sources before the claims that use them."""
    try:
        if fmt is ImportFormat.json:
            yield from _json(handle, name)
        elif fmt is ImportFormat.jsonl:
            yield from _jsonl(handle, name)
        else:
            yield from _csv(handle, name)
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{name} is not UTF-8 text (byte {exc.start}); export it again as UTF-8") from exc


def _loads(text: str, where: str) -> Any:
    """``json.loads`` with every way it can fail as one clear line naming ``where``."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise bounded.loads_error(exc, where) from exc


def _json(handle: IO[str], name: str) -> Iterator[Record]:
    """A claimtrack JSON backup (sources, then claims) or a JSON array of claims, a record at a time.

    Claims that come before the sources in a hand-made object are held until the sources are read,
    as the sources' details apply to the claims that name them."""
    stream = bounded.JsonStream(handle, name)
    first = stream.peek()
    if first == "":
        raise InvalidInput(f"{name} is empty; nothing to import")
    if first == "[":
        for i, claim in enumerate(stream.array("record"), start=1):
            yield Record("claim", f"record {i}", _object(claim, f"record {i}"))
        stream.end()
        return
    if first != "{":
        stream.value("the start")
        stream.end()
        raise InvalidInput(f"{name} holds no claims: expected a claimtrack export or a JSON array of claims")
    held: list[Record] | None = None  # claims read before the sources
    claims = sources_read = False
    for key in stream.members():
        if key == "sources" and stream.peek() == "[":
            for i, source in enumerate(stream.array("source"), start=1):
                yield Record("source", f"source {i}", _object(source, f"source {i}"))
            sources_read = True
            yield from held or ()
            held = None
        elif key == "sources":
            if stream.value("'sources'"):
                raise InvalidInput(f"{name}: 'sources' must be a list")
        elif key == "claims" and stream.peek() == "[":
            claims = True
            records = (Record("claim", f"record {i}", _object(claim, f"record {i}"))
                       for i, claim in enumerate(stream.array("record"), start=1))
            if sources_read:
                yield from records
            else:
                held = [*(held or ()), *records]
        elif key == "feed_items" and stream.peek() == "[":
            for i, item in enumerate(stream.array("feed item"), start=1):
                yield Record("feed_item", f"feed item {i}", _object(item, f"feed item {i}"))
        elif key == "feed_items":
            if stream.value("'feed_items'"):
                raise InvalidInput(f"{name}: 'feed_items' must be a list")
        else:
            stream.skip(f"property {textsafe.terminal(key[:40])!r}")
    stream.end()
    if not claims:
        raise InvalidInput(f"{name} holds no claims: expected a claimtrack export or a JSON array of claims")
    yield from held or ()


def _jsonl(handle: IO[str], name: str) -> Iterator[Record]:
    claims = 0
    seen_any = False
    for line_no, line in bounded.lines(handle, name):
        if not line.strip():
            continue
        seen_any = True
        data = _object(_loads(line, f"line {line_no} of {name}"), f"line {line_no}")
        kind = data.pop("type", "claim")
        if kind == "header":
            continue
        if kind == "source":
            yield Record("source", f"source on line {line_no}", data)
        elif kind == "claim":
            claims += 1
            yield Record("claim", f"record {claims} (line {line_no})", data)
        elif kind == "feed_item":
            yield Record("feed_item", f"feed item on line {line_no}", data)
        else:
            raise InvalidInput(f"line {line_no} of {name} has unknown type {kind!r}; expected claim, source or feed_item")
    if not seen_any:
        raise InvalidInput(f"{name} is empty; nothing to import")


CSV_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
_SEP_LINE = re.compile(r"sep=(.)")


def _csv(handle: IO[str], name: str) -> Iterator[Record]:
    """Rows of a CSV file as claim records, streamed.

    The delimiter is what a ``sep=X`` first line says (Excel writes one), else the first of
    comma, semicolon, tab and vertical bar that splits the header into columns naming ``text``
    and ``source`` (spreadsheets in many European locales write semicolons). Cells that
    ``export --format csv`` guarded against formula injection get their ``'`` back off, and its
    bookkeeping columns (id, created_at, ...) are read as in a JSON backup, so a CSV export imports
    back to the same claims.
    """
    skipped = 0  # lines before the header that the csv reader does not see
    try:
        rows = bounded.lines(handle, name)
        first = next(rows, (1, ""))[1]
        sep = _SEP_LINE.fullmatch(first.rstrip("\r\n"))
        if sep:
            skipped, first = 1, next(rows, (2, ""))[1]
        if not first.strip():
            raise InvalidInput(f"{name} is empty; a CSV needs a header row with at least: text,source")
        delimiter = sep.group(1) if sep else _delimiter(first)
        reader = csv.reader(itertools.chain([first], (line for _, line in rows)), delimiter=delimiter)
        header = next(reader)
    except csv.Error as exc:
        raise InvalidInput(f"{name} is not valid CSV ({exc})") from exc
    columns = [h.strip().lower() for h in header]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    if missing:
        raise InvalidInput(_missing_columns(name, missing, header, delimiter))
    count = 0
    try:
        for row in reader:
            if not row:  # a blank line
                continue
            count += 1
            label = f"record {count} (line {reader.line_num + skipped})"
            if len(row) > len(columns):
                raise InvalidInput(f"{label} of {name} has more cells than the header; nothing was imported")
            data: dict[str, Any] = {}
            for key, cell in zip(columns, row, strict=False):
                value = textsafe.csv_unguard(cell.strip())
                if key and value != "":
                    data[key] = value
            if isinstance(data.get("id"), str) and data["id"].isascii() and data["id"].isdigit():
                data["id"] = int(data["id"])
            yield Record("claim", label, data)
    except csv.Error as exc:
        raise InvalidInput(f"{name} is not valid CSV at line {reader.line_num + skipped} ({exc})") from exc


def _delimiter(header: str) -> str:
    """The delimiter that splits a header line into the required columns; else the one giving most columns."""
    best, most = ",", 0
    for delimiter in CSV_DELIMITERS:
        columns = [c.strip().lower() for c in next(csv.reader([header], delimiter=delimiter), [])]
        if all(c in columns for c in CSV_REQUIRED):
            return delimiter
        if len(columns) > most:
            best, most = delimiter, len(columns)
    return best


def _missing_columns(name: str, missing: list[str], header: list[str], delimiter: str) -> str:
    found = ", ".join(repr(textsafe.terminal(h)) for h in header[:8]) + (", ..." if len(header) > 8 else "")
    what = f"its header has {len(header)} column{'s' if len(header) != 1 else ''}, {found}"
    if len(header) == 1:
        other = next((d for d in CSV_DELIMITERS if d != delimiter and d in header[0]), None)
        if other:
            what += f": is the file separated by {_DELIMITER_NAMES[other]}? Then make its first line sep={other}"
    return (
        f"{name} lacks the column(s) {', '.join(missing)} ({what}); the header must name text and source "
        f"(optional: {', '.join(CSV_OPTIONAL)})"
    )


def _object(value: Any, label: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInput(f"{label} is not an object with claim fields; nothing was imported")
    return value


# ---- import validation -------------------------------------------------------------------------
#
# An import is held to the same rules as the command line, because whatever it stores is read by
# every later command and events can never be corrected (they are append-only): values have the
# type the field needs (no silent str() of an object), text is valid Unicode, URLs are web
# addresses, dates are not in the future, and a history is one the commands could have written.

EVENT_KINDS = ("created", "status", "confidence", "edit", "note")
EDIT_FIELDS = ("text", "quote", "url", "said_on", "review_by", "source", "tag", "deleted")
# A backup's ids are kept up to 2^53 - 1 (exact in every JSON reader): the database's limit is
# 2^63 - 1, and a claim there would leave no id for the next claim (see store.idroom).
MAX_ID = IMPORT_MAX
# How far ahead of this machine's clock a time may be: the clock of the machine that wrote the
# file may run a little fast. Anything later is refused as "in the future".
CLOCK_SKEW = timedelta(minutes=5)


def _field(label: str, name: str, exc: Exception) -> InvalidInput:
    return InvalidInput(f"{label}, field {name!r}: {exc}; nothing was imported")


def _kind_of(value: Any) -> str:
    """A JSON value's type as a person would name it."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _unicode(value: str) -> str:
    """``value``, unless it holds a lone surrogate (JSON can escape one; no database can store it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise InvalidInput(f"holds U+{code:04X}, half of a surrogate pair, which is not text; fix the file") from exc
    return value


def _string(value: Any, what: str = "text") -> str | None:
    """A string field: None when absent, else a valid Unicode string (anything else is refused)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"expected {what}, got {_kind_of(value)}")
    return _unicode(value)


def _opt_str(data: dict[str, Any], key: str, label: str) -> str | None:
    try:
        value = _string(data.get(key))
    except InvalidInput as exc:
        raise _field(label, key, exc) from exc
    return value or None


@functools.lru_cache(maxsize=4)
def _latest(now: str) -> str:
    """The latest time an import accepts: ``now`` plus the allowed clock skew (one per import)."""
    return timeutil.format_time(datetime.fromisoformat(now.replace("Z", "+00:00")) + CLOCK_SKEW)


@functools.lru_cache(maxsize=4)
def _today(now: str, zone: str | None) -> str:
    """The local day of ``now``: the latest said_on an import accepts (``zone``, the TZ it was
    read in, keys the cache only)."""
    return timeutil.local_date(now)


def _not_future(moment: str, now: str, key: str) -> str:
    """``moment`` (stored time text), unless it is later than ``now`` plus the allowed clock skew."""
    if moment > _latest(now):
        raise InvalidInput(f"{key} {moment} is in the future (it is now {now}); give when it happened, up to now")
    return moment


def _time(value: Any, key: str, label: str, default: str, now: str | None = None) -> str:
    if value is None:
        return default
    try:
        if not isinstance(value, str):
            raise InvalidInput(f"expected an ISO 8601 time, got {_kind_of(value)}")
        moment = timeutil.parse_datetime(_unicode(value), key)
        return _not_future(moment, now, key) if now else moment
    except InvalidInput as exc:
        raise _field(label, key, exc) from exc


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
            created_at=_time(data.get("created_at"), "created_at", label, timeutil.now()),
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
        text = clean_text(_string(data.get("text")) or "")
        name = "source"
        source = _source_name(_string(data.get("source")) or "")
        name = "status"
        status = _status(data.get("status") or "unverified")
        name = "confidence_phrase"
        phrase = _string(data.get("confidence_phrase"))
        name = "confidence"
        # A record that names its phrase (a backup, even as null) says it all: the label, which
        # shows a midpoint's band phrase whether or not one was said, is only read when it does not.
        shown = None if "confidence_phrase" in data else data.get("confidence_label")
        confidence = _confidence(data.get("confidence"), phrase, shown)
        name = "tags"
        tags = _tags(data.get("tags"))
        name = "uuid"
        raw_uuid = _string(data.get("uuid"))
        uuid = str(uuidlib.UUID(raw_uuid)) if raw_uuid else None  # None: the store gives a new one
        name = "id"
        raw_id = data.get("id")
        if raw_id is not None and (not isinstance(raw_id, int) or isinstance(raw_id, bool) or not 1 <= raw_id <= MAX_ID):
            raise InvalidInput(f"expected a whole number from 1 to {MAX_ID} (claimtrack's largest id; "
                               "leave the id out and the claim gets the next free one)")
    except (InvalidInput, ValueError, TypeError) as exc:
        raise _field(label, name, exc) from exc
    created_at = _time(data.get("created_at"), "created_at", label, now, now)
    events = data.get("events")
    if events is None:
        events = [{"at": created_at, "recorded_at": now, "kind": "created", "field": None, "old": None,
                   "new": None, "note": f"Imported from {origin}", "evidence_url": None}]
    else:
        events = _events(events, label, status, now)
    name = "quote"
    try:
        quote = clean_optional(_string(data.get("quote")) or None, "quote")
        name = "url"
        url = clean_url(_string(data.get("url")) or None, "url")
        name = "said_on"
        said_on = _said_on(_string(data.get("said_on")) or None, _today(now, os.environ.get("TZ")))
        name = "review_by"
        review = _string(data.get("review_by"))
        review_by = timeutil.parse_date(review, "review_by") if review else None
    except (InvalidInput, ValueError, TypeError) as exc:
        raise _field(label, name, exc) from exc
    if ("resolved_on" in data or "evidence" in data or "last_note" in data) and csvhistory.wanted(data):
        # A CSV export's resolved_on, evidence and last_note: a history that exports to them again.
        day, links, note = csvhistory.check(data, label, status, said_on, _today(now, os.environ.get("TZ")))
        events = _events(csvhistory.events(events[0], status, day, links, note, origin), label, status, now)
    gone = _deleted(data.get("deleted_at"), events, label, now)
    return ImportedClaim(
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
        updated_at=_time(data.get("updated_at"), "updated_at", label, created_at, now),
        events=events,
        deleted_at=gone,
    )


def deleted_at(events: list[dict[str, Any]]) -> str | None:
    """When a claim was deleted, if its history (events in time order) ends deleted: the time of
    its last ``deleted`` edit, None if that was a restore or there is none."""
    last = None
    for event in sorted((e for e in events if e.get("field") == "deleted"), key=lambda e: e["at"]):
        last = event
    return last["at"] if last is not None and last.get("new") is not None else None


def _deleted(given: Any, events: list[dict[str, Any]], label: str, now: str) -> str | None:
    """A record's ``deleted_at``: the one its history says (a backup's field, when given, must
    agree: a claim is deleted only by a ``deleted`` edit in its history)."""
    told = deleted_at(events)
    if given is None:
        return told
    when = _time(given, "deleted_at", label, now, now)
    if told is None:
        raise _field(label, "deleted_at", InvalidInput(
            "the claim's history does not end deleted; a deleted claim's events end with an edit of field "
            "'deleted' to 'deleted' (or leave deleted_at out)"))
    return when


STATUSES = frozenset(s.value for s in Status)


def _status(value: Any) -> str:
    if isinstance(value, str) and value in STATUSES:
        return value
    raise InvalidInput(f"unknown status {value!r}; use one of {', '.join(s.value for s in Status)}")


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
    if isinstance(value, str):
        items = [t for t in _unicode(value).replace(";", ",").split(",") if t.strip()]
    elif isinstance(value, list):
        items = [_string(t, "each tag to be text") for t in value]
    else:
        raise InvalidInput(f"expected a list of tags or comma-separated text, got {_kind_of(value)}")
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
        raise InvalidInput(f"expected a probability (a number or text), got {_kind_of(value)}")
    if isinstance(value, int | float):
        # + 0.0: a -0.0 (which JSON writers produce) is the probability 0, not a negative one
        parsed = conf.parse(conf.format_number(float(value) + 0.0)) if 0 <= value <= 1 else conf.parse(str(value))
    else:
        parsed = conf.parse(_unicode(value))
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


def _events(events: Any, label: str, status: str, now: str) -> list[dict[str, Any]]:
    """A record's events, each checked as the command that writes it would, and the whole history:
    exactly one ``created`` event, recorded first, and status changes that replay to ``status``."""
    if not isinstance(events, list):
        raise _field(label, "events", InvalidInput(f"expected a list of events, got {_kind_of(events)}"))
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
        raise InvalidInput(f"expected an object, got {_kind_of(event)}")
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
            row[key] = _string(event.get(key))
        except InvalidInput as exc:
            raise InvalidInput(f"{key}: {exc}") from exc
    at = _string(event.get("at"), "an ISO 8601 time")
    recorded = _string(event.get("recorded_at"), "an ISO 8601 time")
    row["at"] = _not_future(timeutil.parse_datetime(at or "", "at"), now, "at")
    row["recorded_at"] = _not_future(timeutil.parse_datetime(recorded, "recorded_at"), now, "recorded_at") if recorded else row["at"]
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
                _status(value)
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
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID):
                raise InvalidInput(f"id: expected a whole number from 1 to {MAX_ID}")
        elif isinstance(value, bool) or not (value is None or isinstance(value, str) or
                                             (isinstance(value, int) and abs(value) <= MAX_ID)):
            raise InvalidInput(f"{key}: expected text, a whole number or null, got {_kind_of(value)}")
        elif isinstance(value, str):
            _unicode(value)
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


def validate_feed_item(data: dict[str, Any], label: str, now: str) -> ImportedFeedItem:
    """A feed item ``match --feed`` had seen, from a backup: its feed, its key there, when first seen."""
    from claimtrack.store.imported import ImportedFeedItem

    values = {}
    for key in ("feed", "item"):
        try:
            value = _string(data.get(key))
            if not value:
                raise InvalidInput("expected text, got nothing")
        except InvalidInput as exc:
            raise _field(label, key, exc) from exc
        values[key] = value
    return ImportedFeedItem(values["feed"], values["item"], _time(data.get("first_seen"), "first_seen", label, now, now))


def validated(records: Iterable[Record], origin: str) -> Iterator[ImportedSource | ImportedClaim | ImportedFeedItem]:
    now = timeutil.now()
    for record in records:
        if record.kind == "claim":
            yield validate_claim(record.data, record.label, origin, now)
        elif record.kind == "source":
            yield validate_source(record.data, record.label)
        else:
            yield validate_feed_item(record.data, record.label, now)
