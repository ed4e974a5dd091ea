"""Turning claims, timelines and summaries into output in every read format.

``table`` is a Rich table for people (every string reaches Rich as ``Text``, so ``[bold]`` prints
as typed); ``tsv`` is one record a line for pipes; ``json``/``jsonl``/``csv``/``md`` are for
scripts, spreadsheets and reports. ``claimtrack.textsafe`` makes the text inert in each of them.
Data goes to ``out`` (stdout); nothing here writes to stderr.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO, Any

from claimtrack import confidence as conf
from claimtrack import textsafe
from claimtrack.choices import Format
from claimtrack.errors import InvalidInput

STATUS_STYLE = {"confirmed": "green", "refuted": "red", "disputed": "yellow", "unverified": "cyan"}

CLAIM_FIELDS = (
    "id", "uuid", "text", "quote", "source", "status", "confidence", "confidence_label",
    "tags", "url", "said_on", "review_by", "created_at", "updated_at",
)
EVENT_FIELDS = ("at", "recorded_at", "kind", "field", "old", "new", "note", "evidence_url")
LOG_FIELDS = ("claim_id", *EVENT_FIELDS)
SUMMARY_FIELDS = ("group", "count", "share")
TSV_CLAIM = ("id", "status", "confidence", "source", "said_on", "tags", "text")


def event_summary(event: dict[str, Any]) -> str:
    """One human line for an event: 'status unverified -> confirmed', '+tag russia'..."""
    kind, field = event["kind"], event.get("field")
    old, new = event.get("old"), event.get("new")
    if kind in ("created", "note"):
        return kind
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


def _flat(value: object) -> object:
    """A value for one TSV/CSV/Markdown cell: lists joined, numbers in their shortest form."""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, float):
        return conf.format_number(value)
    return value


# ---- generic writers ---------------------------------------------------------------------------


def write_records(rows: Iterable[dict[str, Any]], fields: Sequence[str], fmt: Format, out: IO[str]) -> None:
    """json, jsonl, csv, tsv and md for a list of flat records."""
    if fmt is Format.json:
        out.write(textsafe.json_text([{k: r[k] for k in fields} for r in rows]) + "\n")
    elif fmt is Format.jsonl:
        for r in rows:
            out.write(textsafe.json_text({k: r[k] for k in fields}, indent=None) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fields)
        for r in rows:
            writer.writerow([textsafe.csv_cell(_flat(r[k])) for k in fields])
    elif fmt is Format.tsv:
        for r in rows:
            out.write("\t".join(textsafe.terminal(_flat(r[k])) for k in fields) + "\n")
    elif fmt is Format.md:
        out.write(markdown_table(fields, ([r[k] for k in fields] for r in rows)))
    else:  # pragma: no cover - table is drawn by the callers
        raise ValueError(fmt)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(textsafe.markdown(_flat(v)) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _console(out: IO[str]) -> Any:
    from rich.console import Console

    return Console(file=out, highlight=False, emoji=False, markup=False)


def _text(value: object, style: str = "") -> Any:
    from rich.text import Text

    return Text(textsafe.terminal(_flat(value)), style=style)


def _table(*columns: tuple[str, dict[str, Any]], title: str | None = None) -> Any:
    from rich.table import Table

    table = Table(header_style="bold", title=title, title_justify="left")
    for name, options in columns:
        table.add_column(name, **options)
    return table


# ---- commands ----------------------------------------------------------------------------------


def claims(rows: list[dict[str, Any]], fmt: Format, out: IO[str]) -> None:
    """``list`` output."""
    if fmt is Format.tsv:
        write_records(rows, TSV_CLAIM, fmt, out)
        return
    if fmt is Format.md:
        headers = ("id", "claim", "source", "confidence", "status", "said_on", "tags")
        keys = ("id", "text", "source", "confidence_label", "status", "said_on", "tags")
        out.write(markdown_table(headers, ([r[k] for k in keys] for r in rows)))
        return
    if fmt is not Format.table:
        write_records(rows, CLAIM_FIELDS, fmt, out)
        return
    console = _console(out)
    if not rows:
        console.print(_text("No claims match.", "dim"))
        return
    table = _table(
        ("ID", {"justify": "right", "no_wrap": True}), ("Claim", {"ratio": 1, "min_width": 30}),
        ("Source", {"min_width": 8}), ("Code", {"no_wrap": True}), ("Confidence", {"no_wrap": True}),
        ("Status", {"no_wrap": True}), ("Said on", {"no_wrap": True}), ("Tags", {}),
    )
    for r in rows:
        table.add_row(
            _text(r["id"]), _text(r["text"]), _text(r["source"]), _text(r.get("admiralty"), "bold"),
            _text(r["confidence_label"]), _text(r["status"], STATUS_STYLE.get(r["status"], "")),
            _text(r["said_on"]), _text(", ".join(r["tags"]), "dim"),
        )
    console.print(table)
    console.print(_text(f"{len(rows)} claim{'s' if len(rows) != 1 else ''}", "dim"))


def claim_detail(claim: dict[str, Any], fmt: Format, out: IO[str]) -> None:
    """``show`` output: the claim and its timeline. csv: the timeline, one event a row."""
    events = claim["events"]
    if fmt in (Format.json, Format.jsonl):
        data = {k: claim[k] for k in CLAIM_FIELDS}
        data["events"] = [{k: e[k] for k in EVENT_FIELDS} for e in events]
        out.write(textsafe.json_text(data, indent=2 if fmt is Format.json else None) + "\n")
    elif fmt is Format.csv:
        write_records(events, LOG_FIELDS, fmt, out)
    elif fmt is Format.tsv:
        for key in CLAIM_FIELDS:
            out.write(f"{key}\t{textsafe.terminal(_flat(claim[key]))}\n")
        for e in events:
            out.write("\t".join(textsafe.terminal(x) for x in ("event", *(e[k] for k in EVENT_FIELDS))) + "\n")
    elif fmt is Format.md:
        out.write(f"## Claim {claim['id']}: {textsafe.markdown(claim['text'])}\n\n")
        for key in CLAIM_FIELDS[3:]:
            if key != "text" and claim[key] not in (None, []):
                out.write(f"- **{key}**: {textsafe.markdown(_flat(claim[key]))}\n")
        out.write("\n" + markdown_table(
            ("at", "change", "note", "evidence"),
            ([e["at"], event_summary(e), e["note"], e["evidence_url"]] for e in events),
        ))
    else:
        _claim_table(claim, out)


def _claim_table(claim: dict[str, Any], out: IO[str]) -> None:
    from rich.table import Table

    console = _console(out)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row(_text(f"Claim {claim['id']}"), _text(claim["text"]))
    fields = (
        ("Quote", claim["quote"]), ("Source", claim["source"]), ("Admiralty", claim.get("admiralty")),
        ("Status", claim["status"]),
        ("Confidence", claim["confidence_label"] or "not assessed"), ("Said on", claim["said_on"]),
        ("Tags", ", ".join(claim["tags"])), ("URL", claim["url"]), ("Review by", claim["review_by"]),
        ("Added", claim["created_at"]), ("Updated", claim["updated_at"]), ("UUID", claim["uuid"]),
    )
    for name, value in fields:
        if value:
            grid.add_row(_text(name), _text(value, STATUS_STYLE.get(value, "") if name == "Status" else ""))
    console.print(grid)
    timeline = _table(("At", {"no_wrap": True}), ("Change", {}), ("Note / evidence", {"ratio": 1}), title="Timeline")
    for e in claim["events"]:
        detail = " ".join(textsafe.terminal(x) for x in (e["note"], e["evidence_url"]) if x)
        timeline.add_row(_text(e["at"]), _text(event_summary(e)), _text(detail))
    console.print(timeline)


def events(rows: list[dict[str, Any]], fmt: Format, out: IO[str]) -> None:
    """``log`` output: changes newest first."""
    if fmt is Format.md:
        out.write(markdown_table(
            ("at", "claim", "change", "note", "evidence"),
            ([e["at"], e["claim_id"], event_summary(e), e["note"], e["evidence_url"]] for e in rows),
        ))
        return
    if fmt is not Format.table:
        write_records(rows, LOG_FIELDS, fmt, out)
        return
    console = _console(out)
    if not rows:
        console.print(_text("No changes.", "dim"))
        return
    table = _table(("At", {"no_wrap": True}), ("Claim", {"justify": "right"}), ("Change", {}), ("Note / evidence", {"ratio": 1}))
    for e in rows:
        detail = " ".join(textsafe.terminal(x) for x in (e["note"], e["evidence_url"]) if x)
        table.add_row(_text(e["at"]), _text(e["claim_id"]), _text(event_summary(e)), _text(detail))
    console.print(table)


def summary(rows: list[dict[str, Any]], by: str, fmt: Format, out: IO[str]) -> None:
    """``summary`` output: count and share of the matching claims in each group."""
    if fmt is not Format.table:
        write_records(rows, SUMMARY_FIELDS, fmt, out)
        return
    console = _console(out)
    table = _table((by.capitalize(), {}), ("Claims", {"justify": "right"}), ("Share", {"justify": "right"}))
    for r in rows:
        style = STATUS_STYLE.get(r["group"], "") if by == "status" else ""
        table.add_row(_text(r["group"], style), _text(r["count"]), _text(f"{r['share'] * 100:.1f}%"))
    console.print(table)


def report(data: dict[str, Any], fmt: Format, out: IO[str]) -> None:
    """A flat key/value report (``db check``)."""
    if fmt in (Format.json, Format.jsonl):
        out.write(textsafe.json_text(data, indent=2 if fmt is Format.json else None) + "\n")
        return
    # A list (``findings``) becomes one row per item, each under the singular key, or "none".
    rows: list[tuple[str, object]] = []
    for key, value in data.items():
        if isinstance(value, list):
            rows += [(key.removesuffix("s"), item) for item in value] if value else [(key, "none")]
        else:
            rows.append((key, value))
    if fmt is not Format.table:
        write_records([{"key": k, "value": v} for k, v in rows], ("key", "value"), fmt, out)
        return
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for key, value in rows:
        style = "" if key not in ("integrity", "foreign_keys", "ok", "finding") else (
            "green" if value in ("ok", True) else "red")
        grid.add_row(_text(key.replace("_", " ")), _text(value, style))
    _console(out).print(grid)


SOURCE_FIELDS = ("name", "kind", "reliability", "claims", "unverified", "confirmed", "refuted", "disputed",
                 "resolved", "accuracy", "brier")
DUE_FIELDS = ("due", "reason", *CLAIM_FIELDS)


def sources(rows: list[dict[str, Any]], fmt: Format, out: IO[str]) -> None:
    """``sources``: each source's claims by status and track record."""
    if fmt is not Format.table:
        write_records(rows, SOURCE_FIELDS, fmt, out)
        return
    table = _table(("Source", {}), ("Kind", {}), ("Grade", {"justify": "center"}),
                   *((name, {"justify": "right"}) for name in ("Claims", "Unverified", "Confirmed", "Refuted",
                                                                "Disputed", "Accuracy", "Brier")))
    for r in rows:
        table.add_row(
            _text(r["name"]), _text(r["kind"]), _text(r["reliability"] or "-"), _text(r["claims"]),
            _text(r["unverified"]), _text(r["confirmed"], "green"), _text(r["refuted"], "red"), _text(r["disputed"]),
            _text(f"{r['accuracy'] * 100:.0f}%" if r["accuracy"] is not None else "-"),
            _text(f"{r['brier']:.3f}" if r["brier"] is not None else "-"),
        )
    _console(out).print(table)


def calibration(data: dict[str, Any], fmt: Format, out: IO[str]) -> None:
    """``calibration``: bins of stated confidence against the share that came true, with a chart."""
    from claimtrack.scoring import FEW

    bins = data["bins"]
    if fmt in (Format.json, Format.jsonl):
        out.write(textsafe.json_text(data, indent=2 if fmt is Format.json else None) + "\n")
        return
    if fmt is not Format.table:
        write_records(bins, ("low", "high", "count", "mean_confidence", "share_confirmed"), fmt, out)
        return
    width = 30
    table = _table(("Stated", {"no_wrap": True}), ("Claims", {"justify": "right"}), ("Said", {"justify": "right"}),
                   ("Came true", {"justify": "right"}), ("Said (cyan) vs came true (green)", {"no_wrap": True}),
                   title="Calibration: resolved claims by the confidence they had before resolution")
    for b in bins:
        said, true = b["mean_confidence"], b["share_confirmed"]
        if b["count"]:
            bars = _text("█" * round(said * width), "cyan")
            bars.append("\n")
            bars.append("█" * round(true * width), "green")
        else:
            bars = _text("", "dim")
        thin = b["count"] and b["count"] < FEW
        table.add_row(
            _text(f"{b['low'] * 100:.0f}-{b['high'] * 100:.0f}%"),
            _text(f"{b['count']}{' (few)' if thin else ''}", "yellow" if thin else ""),
            _text(f"{said * 100:.0f}%" if said is not None else "-"),
            _text(f"{true * 100:.0f}%" if true is not None else "-"), bars,
        )
    console = _console(out)
    console.print(table)
    brier = data["brier"]
    console.print(_text(f"Brier score: {brier:.3f} (0 is perfect; always saying 50% scores 0.250)" if brier is not None
                        else "Brier score: - (no resolved claim had a confidence)"))


def due(rows: list[dict[str, Any]], fmt: Format, out: IO[str]) -> None:
    """``due``: claims to look at again, most urgent first."""
    if fmt is not Format.table:
        write_records(rows, DUE_FIELDS if fmt is not Format.tsv else ("id", "due", "reason", "status", "text"), fmt, out)
        return
    console = _console(out)
    if not rows:
        console.print(_text("Nothing is due.", "dim"))
        return
    table = _table(("ID", {"justify": "right"}), ("Due", {"no_wrap": True}), ("Why", {}), ("Claim", {"ratio": 1}),
                   ("Status", {"no_wrap": True}))
    for r in rows:
        urgent = "overdue" in r["reason"]
        table.add_row(_text(r["id"]), _text(r["due"], "red" if urgent else ""), _text(r["reason"]), _text(r["text"]),
                      _text(r["status"], STATUS_STYLE.get(r["status"], "")))
    console.print(table)
