"""Reading import files: our JSON/JSONL backups, claim lists, and CSV from a spreadsheet.

``read`` parses a file into plain dicts, each with a label that names it in errors
(``record 3 (line 4)``); ``validated`` checks each record into what the store imports. Writing
is the store's job (``store.imports``), in one all-or-nothing transaction.
Formats: ``--format`` wins, else the file extension (.json, .jsonl/.ndjson, .csv), else JSONL
for standard input. JSONL and CSV stream; JSON is read whole.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from claimtrack import confidence as conf
from claimtrack import timeutil
from claimtrack.choices import ImportFormat, Status
from claimtrack.errors import InvalidInput
from claimtrack.validate import (
    MAX_NAME,
    clean_kind,
    clean_optional,
    clean_reliability,
    clean_tag,
    clean_text,
    clean_url,
)

if TYPE_CHECKING:
    from claimtrack.store.imports import ImportedClaim, ImportedSource

CSV_REQUIRED = ("text", "source")
CSV_OPTIONAL = ("confidence", "status", "tags", "url", "said_on", "quote", "review_by", "uuid")


@dataclass(frozen=True, slots=True)
class Record:
    kind: str  # "claim" or "source"
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


def _json(handle: IO[str], name: str) -> Iterator[Record]:
    text = handle.read()
    if not text.strip():
        raise InvalidInput(f"{name} is empty; nothing to import")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{name} is not valid JSON (line {exc.lineno}: {exc.msg}); is it complete?") from exc
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        sources, claims = data.get("sources") or [], data["claims"]
    elif isinstance(data, list):
        sources, claims = [], data
    else:
        raise InvalidInput(f"{name} holds no claims: expected a claimtrack export or a JSON array of claims")
    if not isinstance(sources, list):
        raise InvalidInput(f"{name}: 'sources' must be a list")
    for i, source in enumerate(sources, start=1):
        yield Record("source", f"source {i}", _object(source, f"source {i}"))
    for i, claim in enumerate(claims, start=1):
        yield Record("claim", f"record {i}", _object(claim, f"record {i}"))


def _jsonl(handle: IO[str], name: str) -> Iterator[Record]:
    claims = 0
    seen_any = False
    for line_no, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"line {line_no} of {name} is not valid JSON ({exc.msg}); nothing was imported") from exc
        data = _object(data, f"line {line_no}")
        kind = data.pop("type", "claim")
        if kind == "header":
            continue
        if kind == "source":
            yield Record("source", f"source on line {line_no}", data)
        elif kind == "claim":
            claims += 1
            yield Record("claim", f"record {claims} (line {line_no})", data)
        else:
            raise InvalidInput(f"line {line_no} of {name} has unknown type {kind!r}; expected claim or source")
    if not seen_any:
        raise InvalidInput(f"{name} is empty; nothing to import")


def _csv(handle: IO[str], name: str) -> Iterator[Record]:
    reader = csv.DictReader(handle)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise InvalidInput(f"{name} is not valid CSV ({exc})") from exc
    if not header:
        raise InvalidInput(f"{name} is empty; a CSV needs a header row with at least: text,source")
    columns = [(h or "").strip().lower() for h in header]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    if missing:
        raise InvalidInput(
            f"{name} lacks the column(s) {', '.join(missing)}; the header must name text and source "
            f"(optional: {', '.join(CSV_OPTIONAL)})"
        )
    try:
        for i, row in enumerate(reader, start=1):
            data = {key: (row.get(raw) or "").strip() for raw, key in zip(header, columns, strict=True) if key}
            if None in row:
                raise InvalidInput(f"record {i} (line {reader.line_num}) of {name} has more cells than the header")
            yield Record("claim", f"record {i} (line {reader.line_num})", {k: v for k, v in data.items() if v != ""})
    except csv.Error as exc:
        raise InvalidInput(f"{name} is not valid CSV at line {reader.line_num} ({exc})") from exc


def _object(value: Any, label: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInput(f"{label} is not an object with claim fields; nothing was imported")
    return value


# ---- import validation -------------------------------------------------------------------------

EVENT_KINDS = ("created", "status", "confidence", "edit", "note")


def _field(label: str, name: str, exc: Exception) -> InvalidInput:
    return InvalidInput(f"{label}, field {name!r}: {exc}; nothing was imported")


def _opt_str(data: dict[str, Any], key: str, label: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _field(label, key, InvalidInput(f"expected text, got {type(value).__name__}"))
    return value


def _time(value: Any, key: str, label: str, default: str) -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        raise _field(label, key, InvalidInput("expected an ISO 8601 time"))
    try:
        return timeutil.parse_datetime(value, key)
    except InvalidInput as exc:
        raise _field(label, key, exc) from exc


def validate_source(data: dict[str, Any], label: str) -> ImportedSource:
    from claimtrack.store.imports import ImportedSource

    try:
        name = clean_text(str(data.get("name") or ""), "source name", MAX_NAME)
        reliability = data.get("reliability")
        return ImportedSource(
            name=name,
            kind=clean_kind(str(data.get("kind") or "other")),
            reliability=clean_reliability(str(reliability)) if reliability is not None else None,
            url=_opt_str(data, "url", label),
            notes=_opt_str(data, "notes", label),
            created_at=_time(data.get("created_at"), "created_at", label, timeutil.now()),
        )
    except InvalidInput as exc:
        if "nothing was imported" in str(exc):
            raise
        raise InvalidInput(f"{label}: {exc}; nothing was imported") from exc


def validate_claim(data: dict[str, Any], label: str, origin: str, now: str) -> ImportedClaim:
    """One import record -> an ImportedClaim, or InvalidInput naming the record and field."""
    from claimtrack.store.imports import ImportedClaim

    def check(name: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except (InvalidInput, ValueError, TypeError) as exc:
            raise _field(label, name, exc) from exc

    text = check("text", clean_text, str(data.get("text") or ""))
    source_value = data.get("source")
    source = check("source", clean_text, str(source_value or ""), "source name", MAX_NAME)
    status = check("status", lambda v: Status(v).value if v in {s.value for s in Status} else _bad_status(v), data.get("status") or "unverified")
    confidence = check("confidence", _import_confidence, data.get("confidence"), data.get("confidence_phrase"))
    raw_tags = data.get("tags") or []
    if isinstance(raw_tags, str):
        raw_tags = [t for t in raw_tags.replace(";", ",").split(",") if t.strip()]
    tags = tuple(sorted({check("tags", clean_tag, str(t)) for t in raw_tags}))
    raw_uuid = data.get("uuid")
    uuid = check("uuid", lambda v: str(uuidlib.UUID(str(v))), raw_uuid) if raw_uuid else str(uuidlib.uuid4())
    raw_id = data.get("id")
    if raw_id is not None and (not isinstance(raw_id, int) or isinstance(raw_id, bool) or raw_id < 1):
        raise _field(label, "id", InvalidInput("expected a whole number from 1"))
    created_at = _time(data.get("created_at"), "created_at", label, now)
    events = data.get("events")
    if events is None:
        events = [{"at": created_at, "recorded_at": now, "kind": "created", "field": None, "old": None,
                   "new": None, "note": f"Imported from {origin}", "evidence_url": None}]
    else:
        events = check("events", _events, events, label)
    return ImportedClaim(
        id=raw_id,
        uuid=uuid,
        text=text,
        quote=check("quote", clean_optional, _opt_str(data, "quote", label), "quote"),
        source=source,
        status=status,
        confidence=confidence.value if confidence else None,
        confidence_phrase=confidence.phrase if confidence else None,
        url=check("url", clean_url, _opt_str(data, "url", label)),
        said_on=check("said_on", lambda v: timeutil.parse_date(v, "said_on") if v else None, _opt_str(data, "said_on", label)),
        review_by=check("review_by", lambda v: timeutil.parse_date(v, "review_by") if v else None, _opt_str(data, "review_by", label)),
        tags=tags,
        created_at=created_at,
        updated_at=_time(data.get("updated_at"), "updated_at", label, created_at),
        events=events,
    )


def _bad_status(value: object) -> str:
    raise InvalidInput(f"unknown status {value!r}; use one of {', '.join(s.value for s in Status)}")


def _import_confidence(value: Any, phrase: Any) -> conf.Confidence | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidInput("expected a probability, not true/false")
    if isinstance(value, int | float):
        parsed = conf.parse(conf.format_number(float(value))) if 0 <= value <= 1 else conf.parse(str(value))
    else:
        parsed = conf.parse(str(value))
    if phrase:
        named = conf.parse(str(phrase))
        if named.phrase is None or abs(named.value - parsed.value) > 1e-9:
            raise InvalidInput(f"confidence_phrase {phrase!r} does not match confidence {value!r}")
        return named
    return parsed


def _events(events: Any, label: str) -> list[dict[str, Any]]:
    if not isinstance(events, list):
        raise InvalidInput("expected a list of events")
    clean = []
    for i, event in enumerate(events, start=1):
        if not isinstance(event, dict) or event.get("kind") not in EVENT_KINDS:
            raise InvalidInput(f"event {i} has no valid kind (one of {', '.join(EVENT_KINDS)})")
        row = {k: event.get(k) for k in ("field", "old", "new", "note", "evidence_url")}
        for key, value in row.items():
            if value is not None and not isinstance(value, str):
                raise InvalidInput(f"event {i}: {key} must be text")
        row["kind"] = event["kind"]
        row["at"] = timeutil.parse_datetime(str(event.get("at") or ""), f"event {i} at")
        row["recorded_at"] = timeutil.parse_datetime(str(event.get("recorded_at") or event.get("at") or ""), f"event {i} recorded_at")
        clean.append(row)
    return clean


def validated(records: Iterable[Record], origin: str) -> Iterator[ImportedSource | ImportedClaim]:
    now = timeutil.now()
    for record in records:
        if record.kind == "source":
            yield validate_source(record.data, record.label)
        else:
            yield validate_claim(record.data, record.label, origin, now)
