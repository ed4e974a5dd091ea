"""Turning claims, timelines and summaries into output in every read format.

``table`` is a Rich table for people (every string reaches Rich as ``Text``, so ``[bold]`` prints
as typed); ``tsv`` is one record a line for pipes; ``json``/``jsonl``/``csv``/``md`` are for
scripts, spreadsheets and reports. ``claimtrack.textsafe`` makes the text inert in each of them.
Data goes to ``out`` (stdout); nothing here writes to stderr.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, Any

from claimtrack import confidence as conf
from claimtrack import textsafe
from claimtrack.choices import Format
from claimtrack.errors import InvalidInput
from claimtrack.fit import Col, View, register
from claimtrack import fit

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
        writer = textsafe.csv_writer(out, fields)
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


def _console(out: IO[str], view: View | None = None) -> Any:
    from rich.console import Console

    view = view or View()
    return Console(file=out, highlight=False, emoji=False, markup=False, width=view.width,
                   force_terminal=True if view.terminal or view.color == "always" else None,
                   no_color=True if view.color == "never" else None)


def _fit_view(console: Any, view: View | None) -> View:
    """``view`` with the width to fit filled in: the console's (terminal, $COLUMNS, else 80)."""
    view = view or View()
    return View(width=view.width or console.width, columns=view.columns, wide=view.wide, terminal=view.terminal,
                color=view.color)


def _print_fitted(console: Any, renderable: Any, view: View, notes: Sequence[str] = ()) -> None:
    """Print a fitted table; with --wide it may be wider than the console, and is not cut.

    ``notes``: the web addresses ``fit.render`` took out of the table as ``[n]``, printed below it
    whole, each on a line of its own that the terminal may wrap but nothing breaks, so it can
    still be selected or clicked."""
    from rich.table import Table

    if view.wide and isinstance(renderable, Table):
        needed = fit.overhead(len(renderable.columns)) + sum(c.width or 0 for c in renderable.columns)
        if needed > console.width:
            console.width = needed
    console.print(renderable)
    for n, url in enumerate(notes, start=1):
        _print_whole(console, f"[{n}] ", url)


def _print_whole(console: Any, label: str, url: str) -> None:
    """``label`` then ``url`` on one line, never wrapped or cut by Rich (the terminal wraps it)."""
    from rich.text import Text

    console.print(Text(label, style="dim") + Text(url), soft_wrap=True)


def _status_style(row: dict[str, str]) -> str:
    return STATUS_STYLE.get(row.get("status", ""), "")


def _percent_only(label: str) -> str:
    """'70% likely' -> '70%' (a confidence cell when space is short)."""
    return label.split(" ", 1)[0]


def _said(claim: dict[str, Any]) -> str:
    """A confidence as it was given, for a narrow table: the words typed (``likely``), else the
    percentage (``70%``); JSON keeps the number."""
    phrase = claim.get("confidence_phrase")
    if phrase:
        return _t(phrase)
    return _percent_only(_t(claim["confidence_label"] or ""))


def _day_only(moment: str) -> str:
    """'2024-06-19T00:00:00Z' -> '2024-06-19' (a time cell when space is short)."""
    return moment[:10]


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


CLAIM_COLUMNS = register("list", (
    Col("id", "ID", 0, justify="right"),
    Col("text", "Claim", 0, wrap=True, min_width=20, comfort=36, names=("claim",)),
    Col("source", "Source", 2, wrap=True, min_width=8, comfort=12),
    Col("code", "Code", 5, names=("admiralty",)),
    Col("confidence", "Confidence", 0, short="Conf", compact_key="said", wrap=True, min_width=4,
        whole_words=True, comfort=24),  # whole (``12.5% highly improbable``) or, compact, the words typed
    Col("status", "Status", 0, style=_status_style),
    Col("said_on", "Said on", 3, short="Said"),
    Col("tags", "Tags", 4, wrap=True, min_width=10, whole_words=True, style=lambda _: "dim"),
    Col("review_by", "Review by", 6, default=False),
    Col("url", "URL", 6, wrap=True, min_width=16, default=False, links=True),
    Col("quote", "Quote", 6, wrap=True, min_width=16, default=False),
    Col("uuid", "UUID", 6, default=False),
    Col("created", "Added", 6, default=False, compact=_day_only, names=("created_at",)),
    Col("updated", "Updated", 6, default=False, compact=_day_only, names=("updated_at",)),
))


def _t(value: object) -> str:
    """A value as inert terminal text ('' for none)."""
    return "" if value is None else textsafe.terminal(_flat(value))


def claims(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None,
           empty: str = "No claims match.") -> None:
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
    console = _console(out, view)
    if not rows:
        console.print(_text(empty, "dim"))
        return
    view = _fit_view(console, view)
    cells = [{
        "id": str(r["id"]), "text": _t(r["text"]), "source": _t(r["source"]), "code": _t(r.get("admiralty")),
        "confidence": _t(r["confidence_label"]), "said": _said(r), "status": r["status"], "said_on": _t(r["said_on"]),
        "tags": ", ".join(_t(t) for t in r["tags"]), "url": _t(r.get("url")), "review_by": _t(r.get("review_by")),
        "quote": _t(r.get("quote")), "uuid": _t(r.get("uuid")), "created": _t(r.get("created_at")),
        "updated": _t(r.get("updated_at")),
    } for r in rows]
    notes: list[str] = []
    _print_fitted(console, fit.render(CLAIM_COLUMNS, cells, view, notes=notes), view, notes)
    console.print(_text(f"{len(rows)} claim{'s' if len(rows) != 1 else ''}", "dim"))


def claim_detail(claim: dict[str, Any], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``show`` output: the claim and its timeline. csv: the timeline, one event a row."""
    events = claim["events"]
    if fmt in (Format.json, Format.jsonl):
        data = {k: claim[k] for k in CLAIM_FIELDS}
        data["deleted_at"] = claim.get("deleted_at")  # null unless deleted (then only show and list --deleted)
        data["events"] = [{k: e[k] for k in EVENT_FIELDS} for e in events]
        out.write(textsafe.json_text(data, indent=2 if fmt is Format.json else None) + "\n")
    elif fmt is Format.csv:
        write_records(events, LOG_FIELDS, fmt, out)
    elif fmt is Format.tsv:
        for key in CLAIM_FIELDS:
            out.write(f"{key}\t{textsafe.terminal(_flat(claim[key]))}\n")
        if claim.get("deleted_at"):
            out.write(f"deleted_at\t{claim['deleted_at']}\n")
        for e in events:
            out.write("\t".join(textsafe.terminal(x) for x in ("event", *(e[k] for k in EVENT_FIELDS))) + "\n")
    elif fmt is Format.md:
        out.write(f"## Claim {claim['id']}: {textsafe.markdown(claim['text'])}\n\n")
        if claim.get("deleted_at"):
            out.write(f"- **deleted**: {claim['deleted_at']}\n")
        for key in CLAIM_FIELDS[3:]:
            if key != "text" and claim[key] not in (None, []):
                out.write(f"- **{key}**: {textsafe.markdown(_flat(claim[key]))}\n")
        out.write("\n" + markdown_table(
            ("at", "change", "note", "evidence"),
            ([e["at"], event_summary(e), e["note"], e["evidence_url"]] for e in events),
        ))
    else:
        _claim_table(claim, out, view)


TIMELINE_COLUMNS = register("show", (
    Col("at", "At", 0, compact=_day_only),
    Col("change", "Change", 0, wrap=True, min_width=14),
    Col("detail", "Note / evidence", 1, wrap=True, min_width=12, short="Note", names=("note", "evidence"), links=True),
))


def _change_in_timeline(event: dict[str, Any], claim: dict[str, Any]) -> str:
    """The creation says when the claim was made, since back-dated changes may precede its entry."""
    if event["kind"] == "created" and claim.get("said_on"):
        return f"created (said on {claim['said_on']})"
    return event_summary(event)


def _detail(event: dict[str, Any]) -> str:
    return " ".join(textsafe.terminal(x) for x in (event["note"], event["evidence_url"]) if x)


def _claim_table(claim: dict[str, Any], out: IO[str], view: View | None) -> None:
    from rich.table import Table

    console = _console(out, view)
    view = _fit_view(console, view)
    head = f"Claim {claim['id']}"
    label = max(len(head), len("Confidence"))

    def grid() -> Any:
        part = Table.grid(padding=(0, 2))
        part.add_column(style="bold", no_wrap=True, width=label)
        part.add_column(overflow="fold")
        return part

    rows = grid()
    rows.add_row(_text(head), _text(claim["text"]))
    if claim.get("deleted_at"):
        rows.add_row(_text("Deleted", "bold red"), _text(
            f"{claim['deleted_at']}: only show and list --deleted show it; "
            f"bring it back with: claimtrack restore {claim['id']}", "red"))
    fields = (
        ("Quote", claim["quote"]), ("Source", claim["source"]), ("Admiralty", claim.get("admiralty")),
        ("Status", claim["status"]),
        ("Confidence", claim["confidence_label"] or "not assessed"), ("Said on", claim["said_on"]),
        ("Tags", ", ".join(claim["tags"])), ("URL", claim["url"]), ("Review by", claim["review_by"]),
        ("Added", claim["created_at"]), ("Updated", claim["updated_at"]), ("UUID", claim["uuid"]),
    )
    for name, value in fields:
        if name == "URL" and value and fit.cell_width(_t(value)) > console.width - label - 2:
            # Too long for its cell: printed whole on its own line, so it is not broken in pieces.
            console.print(rows)
            _print_whole(console, name.ljust(label + 2), _t(value))
            rows = grid()
        elif value:
            rows.add_row(_text(name), _text(value, STATUS_STYLE.get(value, "") if name == "Status" else ""))
    console.print(rows)
    cells = [{"at": e["at"], "change": _t(_change_in_timeline(e, claim)), "detail": _detail(e)} for e in claim["events"]]
    notes: list[str] = []
    _print_fitted(console, fit.render(TIMELINE_COLUMNS, cells, view, title="Timeline", notes=notes), view, notes)


LOG_COLUMNS = register("log", (
    Col("at", "At", 0, compact=_day_only),
    Col("id", "ID", 0, justify="right", names=("claim_id",)),
    Col("text", "Claim", 1, ellipsis=True, min_width=12, names=("claim",)),
    Col("change", "Change", 0, wrap=True, min_width=14, comfort=17),
    Col("detail", "Note / evidence", 1, wrap=True, min_width=12, short="Note", names=("note", "evidence"), links=True,
        comfort=30),
))


def events(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``log`` output: changes newest first, each with the start of its claim's text."""
    if fmt is Format.md:
        out.write(markdown_table(
            ("at", "claim", "change", "note", "evidence"),
            ([e["at"], e["claim_id"], event_summary(e), e["note"], e["evidence_url"]] for e in rows),
        ))
        return
    if fmt is not Format.table:
        write_records(rows, LOG_FIELDS, fmt, out)
        return
    console = _console(out, view)
    if not rows:
        console.print(_text("No changes.", "dim"))
        return
    view = _fit_view(console, view)
    cells = [{"at": e["at"], "id": str(e["claim_id"]), "text": _t(" ".join(str(e.get("claim_text") or "").split())),
              "change": _t(event_summary(e)), "detail": _detail(e)} for e in rows]
    notes: list[str] = []
    _print_fitted(console, fit.render(LOG_COLUMNS, cells, view, notes=notes), view, notes)


def summary(rows: list[dict[str, Any]], by: str, fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``summary`` output: count and share of the matching claims in each group."""
    if fmt is not Format.table:
        write_records(rows, SUMMARY_FIELDS, fmt, out)
        return
    console = _console(out, view)
    view = _fit_view(console, view)
    columns = register("summary", (
        Col("group", by.capitalize(), 0, wrap=True, min_width=10, style=(lambda r: STATUS_STYLE.get(r["group"], "")) if by == "status" else None,
            names=("group",)),
        Col("count", "Claims", 0, justify="right", names=("count",)),
        Col("share", "Share", 0, justify="right"),
    ))
    cells = [{"group": _t(r["group"]), "count": str(r["count"]), "share": f"{r['share'] * 100:.1f}%"} for r in rows]
    _print_fitted(console, fit.render(columns, cells, view), view)


def report(data: dict[str, Any], fmt: Format, out: IO[str], view: View | None = None) -> None:
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
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in rows:
        style = "" if key not in ("integrity", "foreign_keys", "search_index", "ok", "finding") else (
            "green" if value in ("ok", True) else "red")
        grid.add_row(_text(key.replace("_", " ")), _text(value, style))
    _console(out, view).print(grid)


SOURCE_FIELDS = ("name", "kind", "reliability", "claims", "unverified", "confirmed", "refuted", "disputed",
                 "resolved", "accuracy", "brier")
DUE_FIELDS = ("due", "reason", *CLAIM_FIELDS)

SOURCE_COLUMNS = register("sources", (
    Col("name", "Source", 0, wrap=True, min_width=10, comfort=16, names=("source",)),
    Col("kind", "Kind", 4),
    Col("reliability", "Grade", 3, justify="center", short="Gr", names=("grade",)),
    Col("claims", "Claims", 0, justify="right", short="All"),
    Col("unverified", "Unverified", 2, justify="right", short="Open"),
    Col("confirmed", "Confirmed", 1, justify="right", short="True", style=lambda _: "green"),
    Col("refuted", "Refuted", 1, justify="right", short="False", style=lambda _: "red"),
    Col("disputed", "Disputed", 2, justify="right", short="Disp"),
    Col("accuracy", "Accuracy", 0, justify="right", short="Acc"),
    Col("brier", "Brier", 0, justify="right"),
))


def sources(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``sources``: each source's claims by status and track record."""
    if fmt is not Format.table:
        write_records(rows, SOURCE_FIELDS, fmt, out)
        return
    console = _console(out, view)
    view = _fit_view(console, view)
    cells = [{
        "name": _t(r["name"]), "kind": _t(r["kind"]), "reliability": _t(r["reliability"] or "-"),
        **{k: str(r[k]) for k in ("claims", "unverified", "confirmed", "refuted", "disputed")},
        "accuracy": f"{r['accuracy'] * 100:.0f}%" if r["accuracy"] is not None else "-",
        "brier": f"{r['brier']:.3f}" if r["brier"] is not None else "-",
    } for r in rows]
    _print_fitted(console, fit.render(SOURCE_COLUMNS, cells, view), view)


SAID_BAR, TRUE_BAR = "░", "█"  # told apart by shape, not only colour (NO_COLOR, print)


def calibration(data: dict[str, Any], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``calibration``: bins of stated confidence against the share that came true, with a chart.

    The chart draws what was said as ``░`` (cyan) and what came true as ``█`` (green), so it reads
    without colour; its bars get what width the terminal leaves, up to 30 cells.
    """
    from claimtrack.scoring import FEW

    bins = data["bins"]
    if fmt in (Format.json, Format.jsonl):
        out.write(textsafe.json_text(data, indent=2 if fmt is Format.json else None) + "\n")
        return
    if fmt is not Format.table:
        write_records(bins, ("low", "high", "count", "mean_confidence", "share_confirmed"), fmt, out)
        return
    console = _console(out, view)
    view = _fit_view(console, view)
    rows = []
    for b in bins:
        said, true = b["mean_confidence"], b["share_confirmed"]
        thin = b["count"] and b["count"] < FEW
        rows.append({
            "stated": f"{b['low'] * 100:.0f}-{b['high'] * 100:.0f}%",
            "claims": f"{b['count']}{' (few)' if thin else ''}",
            "said": f"{said * 100:.0f}%" if said is not None else "-",
            "true": f"{true * 100:.0f}%" if true is not None else "-",
            "_said": said, "_true": true, "_count": b["count"],
        })
    columns = [
        Col("stated", "Stated", 0), Col("claims", "Claims", 0, justify="right", style=lambda r: "yellow" if "few" in r["claims"] else ""),
        Col("said", "Said", 0, justify="right"), Col("true", "Came true", 0, justify="right", short="True"),
    ]
    chosen = fit.select(columns, view.columns) if view.columns else columns
    used = fit.overhead(len(chosen) + 1) + sum(max(len(c.header), *(len(r[c.key]) for r in rows)) for c in chosen)
    width = 30 if view.wide else min(30, (view.width or 80) - used)
    header = f"Said {SAID_BAR} vs came true {TRUE_BAR}"
    if width >= 8 and not view.columns:
        columns.append(Col("chart", header if width >= len(header) else f"{SAID_BAR} said {TRUE_BAR} true", 0))
        for r in rows:
            r["chart"] = (SAID_BAR * round(r["_said"] * width) + "\n" + TRUE_BAR * round(r["_true"] * width)) if r["_count"] else ""
    register("calibration", columns)
    table = fit.render(columns, rows, view, title="Calibration: resolved claims by the confidence they had before resolution")
    _color_bars(table)
    _print_fitted(console, table, view)
    brier = data["brier"]
    console.print(_text(f"Brier score: {brier:.3f} (0 is perfect; always saying 50% scores 0.250)" if brier is not None
                        else "Brier score: - (no resolved claim had a confidence)"))


def _color_bars(table: Any) -> None:
    """Colour the chart's two bars (cyan: said, green: came true), where a table has a chart."""
    from rich.table import Table

    if not isinstance(table, Table) or not table.columns or "true" not in str(table.columns[-1].header):
        return
    for cell in table.columns[-1]._cells:
        cell.highlight_regex(SAID_BAR + "+", "cyan")
        cell.highlight_regex(TRUE_BAR + "+", "green")


DUE_COLUMNS = register("due", (
    Col("id", "ID", 0, justify="right"),
    Col("due", "Due", 0, style=lambda r: "red" if "overdue" in r["reason"] else ""),
    Col("reason", "Why", 1, wrap=True, min_width=10, comfort=22, whole_words=True, names=("why",)),
    Col("text", "Claim", 0, wrap=True, min_width=20, comfort=36, names=("claim",)),
    Col("status", "Status", 0, style=_status_style),
))


def due(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``due``: claims to look at again, most urgent first."""
    if fmt is not Format.table:
        write_records(rows, DUE_FIELDS if fmt is not Format.tsv else ("id", "due", "reason", "status", "text"), fmt, out)
        return
    console = _console(out, view)
    if not rows:
        console.print(_text("Nothing is due.", "dim"))
        return
    view = _fit_view(console, view)
    cells = [{"id": str(r["id"]), "due": _t(r["due"]), "reason": _t(r["reason"]), "text": _t(r["text"]),
              "status": r["status"]} for r in rows]
    _print_fitted(console, fit.render(DUE_COLUMNS, cells, view), view)


SETTING_FIELDS = ("key", "value", "from")
SETTING_COLUMNS = register("config get", (
    Col("key", "Key", 0),
    Col("value", "Value", 0, wrap=True, min_width=16),
    Col("from", "From", 1, style=lambda r: "dim" if r["from"] == "default" else ""),
))


def settings(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``config get``: each setting, its value (typed in json) and where it comes from."""
    def text(value: object) -> object:
        return ("true" if value else "false") if isinstance(value, bool) else value

    if fmt in (Format.json, Format.jsonl):
        write_records(rows, SETTING_FIELDS, fmt, out)
        return
    if fmt is not Format.table:  # true/false as TOML writes them; lists comma-joined; unset empty
        write_records([{**r, "value": text(r["value"])} for r in rows], SETTING_FIELDS, fmt, out)
        return
    console = _console(out, view)
    view = _fit_view(console, view)

    def shown(value: object) -> str:
        if value is None:
            return "(not set)"
        return _t(text(value)) if value != [] else "(none)"

    cells = [{"key": r["key"], "value": shown(r["value"]), "from": r["from"]} for r in rows]
    _print_fitted(console, fit.render(SETTING_COLUMNS, cells, view), view)
