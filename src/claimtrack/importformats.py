"""Reading import files into records: our JSON/JSONL backups, claim lists, and CSV from a spreadsheet.

``read`` parses a file into plain dicts, each a ``Record`` with a label that names it in errors
(``record 3 (line 4)``); checking them is ``importcheck``'s job, writing the store's. It is its own
module because how a file is laid out (brackets, lines, separators) is a different question from
whether a record's values are good, and a new format only adds a reader here.
Formats: ``--format`` wins, else the file extension (.json, .jsonl/.ndjson, .csv), else JSONL
for standard input. Every format is read a record at a time, none over 16 MiB (``bounded``), so
endless input (``/dev/zero``) is refused in bounded memory. CSV may be separated by commas,
semicolons, tabs or vertical bars (detected from the header, or named by a ``sep=X`` first line),
and claimtrack's own CSV export reads back as the same claims: its ``resolved_on``, ``evidence`` and
``last_note`` columns become a history that exports to the same cells (``csvhistory``).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from claimtrack import bounded, csvhistory, textsafe
from claimtrack.choices import ImportFormat
from claimtrack.errors import InvalidInput

CSV_REQUIRED = ("text", "source")
CSV_OPTIONAL = (
    "confidence",
    "status",
    "tags",
    "url",
    "said_on",
    "quote",
    "review_by",
    "uuid",
    "id",
    "created_at",
    "updated_at",
    *csvhistory.COLUMNS,
)


class Record(NamedTuple):
    """One record of an import file (a tuple: one is made for every line of a large import)."""

    kind: str  # "claim", "source" or "feed_item"
    label: str  # how errors name it: "record 3 (line 4)"
    data: dict[str, Any]


def detect_format(name: str, given: ImportFormat | None) -> ImportFormat:
    if name != "-" and Path(name).is_dir():  # (before the format: a folder has none to tell)
        raise InvalidInput(f"{name} is a folder; give the path of a file in it (.json, .jsonl or .csv)")
    if given is not None:
        return given
    if name == "-":
        return ImportFormat.jsonl
    suffix = Path(name).suffix.lower()
    known = {
        ".json": ImportFormat.json,
        ".jsonl": ImportFormat.jsonl,
        ".ndjson": ImportFormat.jsonl,
        ".csv": ImportFormat.csv,
    }
    if suffix not in known:
        raise InvalidInput(f"cannot tell the format of {name}; name it .json, .jsonl or .csv, or pass --format")
    return known[suffix]


def open_text(name: str, stdin: IO[str] | None = None) -> IO[str]:
    """The file (or standard input for ``-``) as UTF-8 text."""
    if name == "-":
        stream = stdin or sys.stdin
        return (
            io.TextIOWrapper(stream.buffer, encoding="utf-8-sig", newline="") if hasattr(stream, "buffer") else stream
        )
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
            records = (
                Record("claim", f"record {i}", _object(claim, f"record {i}"))
                for i, claim in enumerate(stream.array("record"), start=1)
            )
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
            raise InvalidInput(
                f"line {line_no} of {name} has unknown type {kind!r}; expected claim, source or feed_item"
            )
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
    ``export --format csv`` guarded against formula injection get their ``'`` back off and its
    escapes (``\\u200b``, ``\\\\``) read back (``textsafe.csv_text``), and its
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
                value = textsafe.csv_text(cell.strip())
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
