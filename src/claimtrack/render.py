"""The tables and records of the commands that list and count: ``list``, ``due``, ``summary``,
``sources``, ``calibration``, ``config get`` and ``db check``.

``table`` is a Rich table for people, fitted to the terminal (``fit``; every column set is
registered with ``fit.register`` for ``--columns`` and its completion); ``tsv`` is one record a
line for pipes; ``json``/``jsonl``/``csv``/``md`` are for scripts, spreadsheets and reports
(``records``). ``show`` and ``log`` are drawn by ``timeline``. ``claimtrack.textsafe`` makes the
text inert in each format. Data goes to ``out`` (stdout); nothing here writes to stderr.
"""

from __future__ import annotations

from typing import IO, Any

from claimtrack import fit, textsafe
from claimtrack.choices import Format
from claimtrack.fit import Col, View, register
from claimtrack.records import CLAIM_FIELDS, markdown_table, write_records
from claimtrack.richout import STATUS_STYLE, cell, console_for, day_only, fit_view, print_fitted, status_style, styled

SUMMARY_FIELDS = ("group", "count", "share")
TSV_CLAIM = ("id", "status", "confidence", "source", "said_on", "tags", "text")


def _percent_only(label: str) -> str:
    """'70% likely' -> '70%' (a confidence cell when space is short)."""
    return label.split(" ", 1)[0]


def _said(claim: dict[str, Any]) -> str:
    """A confidence as it was given, for a narrow table: the words typed (``likely``), else the
    percentage (``70%``); JSON keeps the number."""
    phrase = claim.get("confidence_phrase")
    if phrase:
        return cell(phrase)
    return _percent_only(cell(claim["confidence_label"] or ""))


CLAIM_COLUMNS = register(
    "list",
    (
        Col("id", "ID", 0, justify="right"),
        Col("text", "Claim", 0, wrap=True, min_width=20, comfort=36, names=("claim",)),
        Col("source", "Source", 2, wrap=True, min_width=8, comfort=12),
        Col("code", "Code", 5, names=("admiralty",)),
        Col(
            "confidence",
            "Confidence",
            0,
            short="Conf",
            compact_key="said",
            wrap=True,
            min_width=4,
            whole_words=True,
            comfort=24,
        ),  # whole (``12.5% highly improbable``) or, compact, the words typed
        Col("status", "Status", 0, style=status_style),
        Col("said_on", "Said on", 3, short="Said"),
        Col("tags", "Tags", 4, wrap=True, min_width=10, whole_words=True, style=lambda _: "dim"),
        Col("review_by", "Review by", 6, default=False),
        Col("url", "URL", 6, wrap=True, min_width=16, default=False, links=True),
        Col("quote", "Quote", 6, wrap=True, min_width=16, default=False),
        Col("uuid", "UUID", 6, default=False),
        Col("created", "Added", 6, default=False, compact=day_only, names=("created_at",)),
        Col("updated", "Updated", 6, default=False, compact=day_only, names=("updated_at",)),
    ),
)


def claims(
    rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None, empty: str = "No claims match."
) -> None:
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
    console = console_for(out, view)
    if not rows:
        console.print(styled(empty, "dim"))
        return
    view = fit_view(console, view)
    cells = [
        {
            "id": str(r["id"]),
            "text": cell(r["text"]),
            "source": cell(r["source"]),
            "code": cell(r.get("admiralty")),
            "confidence": cell(r["confidence_label"]),
            "said": _said(r),
            "status": r["status"],
            "said_on": cell(r["said_on"]),
            "tags": ", ".join(cell(t) for t in r["tags"]),
            "url": cell(r.get("url")),
            "review_by": cell(r.get("review_by")),
            "quote": cell(r.get("quote")),
            "uuid": cell(r.get("uuid")),
            "created": cell(r.get("created_at")),
            "updated": cell(r.get("updated_at")),
        }
        for r in rows
    ]
    notes: list[str] = []
    print_fitted(console, fit.render(CLAIM_COLUMNS, cells, view, notes=notes), view, notes)
    console.print(styled(f"{len(rows)} claim{'s' if len(rows) != 1 else ''}", "dim"))


def summary(rows: list[dict[str, Any]], by: str, fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``summary`` output: count and share of the matching claims in each group."""
    if fmt is not Format.table:
        write_records(rows, SUMMARY_FIELDS, fmt, out)
        return
    console = console_for(out, view)
    view = fit_view(console, view)
    columns = register(
        "summary",
        (
            Col(
                "group",
                by.capitalize(),
                0,
                wrap=True,
                min_width=10,
                style=(lambda r: STATUS_STYLE.get(r["group"], "")) if by == "status" else None,
                names=("group",),
            ),
            Col("count", "Claims", 0, justify="right", names=("count",)),
            Col("share", "Share", 0, justify="right"),
        ),
    )
    cells = [{"group": cell(r["group"]), "count": str(r["count"]), "share": f"{r['share'] * 100:.1f}%"} for r in rows]
    print_fitted(console, fit.render(columns, cells, view), view)


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
        style = (
            ""
            if key not in ("integrity", "foreign_keys", "search_index", "ok", "finding")
            else ("green" if value in ("ok", True) else "red")
        )
        grid.add_row(styled(key.replace("_", " ")), styled(value, style))
    console_for(out, view).print(grid)


SOURCE_FIELDS = (
    "name",
    "kind",
    "reliability",
    "claims",
    "unverified",
    "confirmed",
    "refuted",
    "disputed",
    "resolved",
    "accuracy",
    "brier",
)
DUE_FIELDS = ("due", "reason", *CLAIM_FIELDS)

SOURCE_COLUMNS = register(
    "sources",
    (
        Col("name", "Source", 0, wrap=True, min_width=10, comfort=16, names=("source",)),
        Col("kind", "Kind", 4),
        Col("reliability", "Grade", 3, justify="center", short="Gr", names=("grade",)),
        Col("claims", "Claims", 0, justify="right", short="All"),
        Col("unverified", "Unverified", 2, justify="right", short="Unver", names=("open",)),  # (its old short name)
        Col("confirmed", "Confirmed", 1, justify="right", short="Conf", style=lambda _: "green", names=("true",)),
        Col("refuted", "Refuted", 1, justify="right", short="Ref", style=lambda _: "red", names=("false",)),
        Col("disputed", "Disputed", 2, justify="right", short="Disp"),
        Col("accuracy", "Accuracy", 0, justify="right", short="Acc"),
        Col("brier", "Brier", 0, justify="right"),
    ),
)


def sources(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``sources``: each source's claims by status and track record."""
    if fmt is not Format.table:
        write_records(rows, SOURCE_FIELDS, fmt, out)
        return
    console = console_for(out, view)
    view = fit_view(console, view)
    cells = [
        {
            "name": cell(r["name"]),
            "kind": cell(r["kind"]),
            "reliability": cell(r["reliability"] or "-"),
            **{k: str(r[k]) for k in ("claims", "unverified", "confirmed", "refuted", "disputed")},
            "accuracy": f"{r['accuracy'] * 100:.0f}%" if r["accuracy"] is not None else "-",
            "brier": f"{r['brier']:.3f}" if r["brier"] is not None else "-",
        }
        for r in rows
    ]
    print_fitted(console, fit.render(SOURCE_COLUMNS, cells, view), view)


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
    console = console_for(out, view)
    view = fit_view(console, view)
    rows = []
    for b in bins:
        said, true = b["mean_confidence"], b["share_confirmed"]
        thin = b["count"] and b["count"] < FEW
        rows.append(
            {
                "stated": f"{b['low'] * 100:.0f}-{b['high'] * 100:.0f}%",
                "claims": f"{b['count']}{' (few)' if thin else ''}",
                "said": f"{said * 100:.0f}%" if said is not None else "-",
                "true": f"{true * 100:.0f}%" if true is not None else "-",
                "_said": said,
                "_true": true,
                "_count": b["count"],
            }
        )
    columns = [
        Col("stated", "Stated", 0),
        Col("claims", "Claims", 0, justify="right", style=lambda r: "yellow" if "few" in r["claims"] else ""),
        Col("said", "Said", 0, justify="right"),
        Col("true", "Came true", 0, justify="right", short="True"),
    ]
    chosen = fit.select(columns, view.columns) if view.columns else columns
    used = fit.overhead(len(chosen) + 1) + sum(max(len(c.header), *(len(r[c.key]) for r in rows)) for c in chosen)
    width = 30 if view.wide else min(30, (view.width or 80) - used)
    header = f"Said {SAID_BAR} vs came true {TRUE_BAR}"
    if width >= 8 and not view.columns:
        columns.append(Col("chart", header if width >= len(header) else f"{SAID_BAR} said {TRUE_BAR} true", 0))
        for r in rows:
            r["chart"] = (
                (SAID_BAR * round(r["_said"] * width) + "\n" + TRUE_BAR * round(r["_true"] * width))
                if r["_count"]
                else ""
            )
    register("calibration", columns)
    table = fit.render(
        columns, rows, view, title="Calibration: resolved claims by the confidence they had before resolution"
    )
    _color_bars(table)
    print_fitted(console, table, view)
    brier = data["brier"]
    console.print(
        styled(
            f"Brier score: {brier:.3f} (0 is perfect; always saying 50% scores 0.250)"
            if brier is not None
            else "Brier score: - (no resolved claim had a confidence)"
        )
    )


def _color_bars(table: Any) -> None:
    """Colour the chart's two bars (cyan: said, green: came true), where a table has a chart."""
    from rich.table import Table
    from rich.text import Text

    if not isinstance(table, Table) or not table.columns or "true" not in str(table.columns[-1].header):
        return
    for bars in table.columns[-1]._cells:
        if not isinstance(bars, Text):
            continue
        bars.highlight_regex(SAID_BAR + "+", "cyan")
        bars.highlight_regex(TRUE_BAR + "+", "green")


DUE_COLUMNS = register(
    "due",
    (
        Col("id", "ID", 0, justify="right"),
        Col("due", "Due", 0, style=lambda r: "red" if "overdue" in r["reason"] else ""),
        Col("reason", "Why", 1, wrap=True, min_width=10, comfort=22, whole_words=True, names=("why",)),
        Col("text", "Claim", 0, wrap=True, min_width=20, comfort=36, names=("claim",)),
        Col("status", "Status", 0, style=status_style),
    ),
)


def due(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``due``: claims to look at again, most urgent first."""
    if fmt is not Format.table:
        write_records(
            rows, DUE_FIELDS if fmt is not Format.tsv else ("id", "due", "reason", "status", "text"), fmt, out
        )
        return
    console = console_for(out, view)
    if not rows:
        console.print(styled("Nothing is due.", "dim"))
        return
    view = fit_view(console, view)
    cells = [
        {
            "id": str(r["id"]),
            "due": cell(r["due"]),
            "reason": cell(r["reason"]),
            "text": cell(r["text"]),
            "status": r["status"],
        }
        for r in rows
    ]
    print_fitted(console, fit.render(DUE_COLUMNS, cells, view), view)


SETTING_FIELDS = ("key", "value", "from")
SETTING_COLUMNS = register(
    "config get",
    (
        Col("key", "Key", 0),
        Col("value", "Value", 0, wrap=True, min_width=16),
        Col("from", "From", 1, style=lambda r: "dim" if r["from"] == "default" else ""),
    ),
)


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
    console = console_for(out, view)
    view = fit_view(console, view)

    def shown(value: object) -> str:
        if value is None:
            return "(not set)"
        return cell(text(value)) if value != [] else "(none)"

    cells = [{"key": r["key"], "value": shown(r["value"]), "from": r["from"]} for r in rows]
    print_fitted(console, fit.render(SETTING_COLUMNS, cells, view), view)


# Tables made when drawn (their headers depend on the data): their keys, for ``--columns`` completion.
fit.register_keys("summary", ("group", "count", "share"))
fit.register_keys("calibration", ("stated", "claims", "said", "true"))
