"""Claims and events as flat records: their fields, one line for an event, and the machine formats.

What every reader of claims agrees on, below all of them: the fields a claim and an event have in
json (``CLAIM_FIELDS``, ``EVENT_FIELDS``), how an event reads as one line (``event_summary``: the
``log`` and ``show`` tables, the reports' last change, ``fix``'s list of what it would take back),
and the writers of a list of flat records as json, jsonl, csv, tsv and md (``write_records``,
``markdown_table``) that ``render``, ``timeline``, the reports and a few commands share.
``claimtrack.textsafe`` makes the text inert in each format. Nothing here writes to stderr.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, Any

from claimtrack import confidence as conf
from claimtrack import textsafe
from claimtrack.choices import Format
from claimtrack.errors import InvalidInput

CLAIM_FIELDS = (
    "id",
    "uuid",
    "text",
    "quote",
    "source",
    "status",
    "confidence",
    "confidence_label",
    "tags",
    "url",
    "said_on",
    "review_by",
    "created_at",
    "updated_at",
)
EVENT_FIELDS = ("at", "recorded_at", "kind", "field", "old", "new", "note", "evidence_url", "author", "db_role")
LOG_FIELDS = ("claim_id", *EVENT_FIELDS, "change_id")  # change_id: the undo journal's (``undo --change ID``)


def event_summary(event: dict[str, Any]) -> str:
    """One human line for an event: 'status unverified -> confirmed', '+tag russia'..."""
    kind, field = event["kind"], event.get("field")
    old, new = event.get("old"), event.get("new")
    if kind == "note" and field == "withdrawn":
        return f"note withdrawn: {_short(old)}"
    if kind in ("created", "note"):
        return kind
    if field == "deleted":
        return "deleted" if new is not None else "restored"
    if kind == "confidence":
        return f"confidence {_confidence_text(old)} -> {_confidence_text(new)}"
    if field == "tag":
        return f"+tag {new}" if new is not None else f"-tag {old}"
    return f"{field} {_short(old)} -> {_short(new)}"


def _confidence_text(canonical: str | None) -> str:
    if canonical is None:
        return "not assessed"
    try:
        return conf.parse(canonical).label
    except InvalidInput:  # written by a newer version: show it as recorded
        return canonical


def _short(value: object, width: int = 60) -> str:
    if value is None:
        return "(none)"
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def flat(value: object) -> object:
    """A value for one TSV/CSV/Markdown cell: lists joined, numbers in their shortest form."""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, float):
        return conf.format_number(value)
    return value


def write_records(rows: Iterable[dict[str, Any]], fields: Sequence[str], fmt: Format, out: IO[str]) -> None:
    """json, jsonl, csv, tsv and md for a list of flat records."""
    if fmt is Format.json:
        out.write(textsafe.json_text([{k: r[k] for k in fields} for r in rows]) + "\n")
    elif fmt is Format.jsonl:
        for r in rows:
            out.write(textsafe.json_text({k: r[k] for k in fields}, indent=None) + "\n")
    elif fmt is Format.csv:
        writer = textsafe.csv_writer(out, fields)
        for r in rows:
            writer.writerow([textsafe.csv_cell(flat(r[k])) for k in fields])
    elif fmt is Format.tsv:
        for r in rows:
            out.write("\t".join(textsafe.terminal(flat(r[k])) for k in fields) + "\n")
    elif fmt is Format.md:
        out.write(markdown_table(fields, ([r[k] for k in fields] for r in rows)))
    else:  # pragma: no cover - table is drawn by the callers
        raise ValueError(fmt)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(textsafe.markdown(flat(v)) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
