"""Turning claims and events into output: Rich tables for people, TSV for pipes, JSON for scripts.

Claim text is data, never markup: every string reaches Rich as a ``Text`` (so ``[bold]`` prints
as typed), and control characters (ANSI/OSC escapes, carriage returns, bidi overrides...) are
shown escaped, e.g. ``\\x1b``, in table and TSV output. JSON keeps the exact text, with the few
characters a terminal might still act on written as ``\\u`` escapes (same text once parsed).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO, Any

from claimtrack import confidence as conf
from claimtrack.choices import Format

# C0/C1 controls, DEL, bidi embeddings/overrides/isolates, LRM/RLM, line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
# Characters json.dumps(ensure_ascii=False) leaves raw that a terminal could still act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

STATUS_STYLE = {"confirmed": "green", "refuted": "red", "disputed": "yellow", "unverified": "cyan"}

CLAIM_FIELDS = (
    "id", "uuid", "text", "quote", "source", "status", "confidence", "confidence_label",
    "tags", "url", "said_on", "review_by", "created_at", "updated_at",
)
EVENT_FIELDS = ("at", "recorded_at", "kind", "field", "old", "new", "note", "evidence_url")


def safe(value: object) -> str:
    """Text that cannot change the terminal: control characters shown as escapes."""
    if value is None:
        return ""
    text = str(value)
    return _UNSAFE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"), text)


def to_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _tsv(values: Iterable[object]) -> str:
    return "\t".join(safe(v) for v in values)


def _number(value: float | None) -> str:
    return "" if value is None else conf.format_number(value)


def event_summary(event: dict[str, Any]) -> str:
    """One human line for an event: 'status unverified -> confirmed', '+tag russia'..."""
    kind, field = event["kind"], event.get("field")
    old, new = event.get("old"), event.get("new")
    if kind == "created":
        return "created"
    if kind == "note":
        return "note"
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
    except Exception:  # history written by a future version: show it as recorded
        return canonical


def _short(value: object, width: int = 60) -> str:
    if value is None:
        return "(none)"
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


# ---- writers -------------------------------------------------------------------------------


def _console(out: IO[str] | None = None) -> Any:
    from rich.console import Console

    return Console(file=out, highlight=False, emoji=False, markup=False)


def _text(value: object, style: str = "") -> Any:
    from rich.text import Text

    return Text(safe(value), style=style)


def claims(rows: list[dict[str, Any]], fmt: Format, out: IO[str]) -> None:
    """``list`` output."""
    if fmt is Format.json:
        out.write(to_json([{k: r[k] for k in CLAIM_FIELDS} for r in rows]) + "\n")
        return
    if fmt is Format.tsv:
        for r in rows:
            out.write(_tsv((r["id"], r["status"], _number(r["confidence"]), r["source"], r["said_on"], ",".join(r["tags"]), r["text"])) + "\n")
        return
    from rich.table import Table

    console = _console(out)
    if not rows:
        console.print(_text("No claims match.", "dim"))
        return
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Claim", ratio=1, min_width=30)
    table.add_column("Source")
    table.add_column("Confidence", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Said on", no_wrap=True)
    table.add_column("Tags")
    for r in rows:
        table.add_row(
            _text(r["id"]), _text(r["text"]), _text(r["source"]), _text(r["confidence_label"]),
            _text(r["status"], STATUS_STYLE.get(r["status"], "")), _text(r["said_on"]), _text(", ".join(r["tags"]), "dim"),
        )
    console.print(table)
    console.print(_text(f"{len(rows)} claim{'s' if len(rows) != 1 else ''}", "dim"))


def claim_detail(claim: dict[str, Any], fmt: Format, out: IO[str]) -> None:
    """``show`` output: the claim and its whole timeline, oldest first."""
    events = claim["events"]
    if fmt is Format.json:
        data = {k: claim[k] for k in CLAIM_FIELDS}
        data["events"] = [{k: e[k] for k in EVENT_FIELDS} for e in events]
        out.write(to_json(data) + "\n")
        return
    if fmt is Format.tsv:
        for key in CLAIM_FIELDS:
            value = claim[key]
            out.write(_tsv((key, ",".join(value) if key == "tags" else value)) + "\n")
        for e in events:
            out.write(_tsv(("event", e["at"], e["kind"], e["field"], e["old"], e["new"], e["note"], e["evidence_url"])) + "\n")
        return
    from rich.table import Table

    console = _console(out)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row(_text(f"Claim {claim['id']}"), _text(claim["text"]))
    rows = [
        ("Quote", claim["quote"]), ("Source", claim["source"]), ("Status", claim["status"]),
        ("Confidence", claim["confidence_label"] or "not assessed"), ("Said on", claim["said_on"]),
        ("Tags", ", ".join(claim["tags"])), ("URL", claim["url"]), ("Review by", claim["review_by"]),
        ("Added", claim["created_at"]), ("Updated", claim["updated_at"]), ("UUID", claim["uuid"]),
    ]
    for name, value in rows:
        if value:
            grid.add_row(_text(name), _text(value, STATUS_STYLE.get(value, "") if name == "Status" else ""))
    console.print(grid)
    timeline = Table(title="Timeline", title_justify="left", header_style="bold")
    timeline.add_column("At", no_wrap=True)
    timeline.add_column("Change")
    timeline.add_column("Note / evidence", ratio=1)
    for e in events:
        detail = " ".join(safe(x) for x in (e["note"], e["evidence_url"]) if x)
        timeline.add_row(_text(e["at"]), _text(event_summary(e)), _text(detail))
    console.print(timeline)


def events(rows: list[dict[str, Any]], fmt: Format, out: IO[str]) -> None:
    """``log`` output: changes newest first."""
    if fmt is Format.json:
        out.write(to_json([{"claim_id": e["claim_id"], **{k: e[k] for k in EVENT_FIELDS}} for e in rows]) + "\n")
        return
    if fmt is Format.tsv:
        for e in rows:
            out.write(_tsv((e["claim_id"], e["at"], e["kind"], e["field"], e["old"], e["new"], e["note"], e["evidence_url"])) + "\n")
        return
    from rich.table import Table

    console = _console(out)
    if not rows:
        console.print(_text("No changes.", "dim"))
        return
    table = Table(header_style="bold")
    table.add_column("At", no_wrap=True)
    table.add_column("Claim", justify="right")
    table.add_column("Change")
    table.add_column("Note / evidence", ratio=1)
    for e in rows:
        detail = " ".join(safe(x) for x in (e["note"], e["evidence_url"]) if x)
        table.add_row(_text(e["at"]), _text(e["claim_id"]), _text(event_summary(e)), _text(detail))
    console.print(table)
