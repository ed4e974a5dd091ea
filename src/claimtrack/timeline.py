"""What happened to claims, in every read format: one claim and its timeline (``show``), and the
log of changes across claims (``log``).

Both list events, one a row, each as ``records.event_summary`` words it, with its note and
evidence link; the tables are fitted to the terminal (``fit``), the other formats are for scripts
and reports. Data goes to ``out`` (stdout); nothing here writes to stderr.
"""

from __future__ import annotations

from typing import IO, Any

from claimtrack import fit, textsafe
from claimtrack.choices import Format
from claimtrack.fit import Col, View, register
from claimtrack.records import (
    CLAIM_FIELDS,
    EVENT_FIELDS,
    LOG_FIELDS,
    event_summary,
    flat,
    markdown_table,
    write_records,
)
from claimtrack.richout import STATUS_STYLE, cell, console_for, day_only, fit_view, print_fitted, print_whole, styled


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
            out.write(f"{key}\t{textsafe.terminal(flat(claim[key]))}\n")
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
                out.write(f"- **{key}**: {textsafe.markdown(flat(claim[key]))}\n")
        out.write(
            "\n"
            + markdown_table(
                ("at", "change", "by", "note", "evidence"),
                ([e["at"], event_summary(e), by(e), e["note"], e["evidence_url"]] for e in events),
            )
        )
    else:
        _claim_table(claim, out, view)


TIMELINE_COLUMNS = register(
    "show",
    (
        Col("at", "At", 0, compact=day_only),
        Col("change", "Change", 0, wrap=True, min_width=14),
        Col("by", "By", 0, wrap=True, min_width=7, names=("author",)),
        Col(
            "detail",
            "Note / evidence",
            1,
            wrap=True,
            min_width=12,
            short="Note",
            names=("note", "evidence"),
            links=True,
        ),
        Col("change_id", "Undo ID", 2, justify="right", short="Undo", default=False, names=("undo",)),
    ),
)


def by(event: dict[str, Any]) -> str:
    """Who made an event, as the tables show it: the author, with the PostgreSQL role when it is
    another name; ``unknown`` for an event recorded before claimtrack kept authors (migration 10)."""
    author, role = event.get("author"), event.get("db_role")
    shown = author if author is not None else "unknown"
    return textsafe.terminal(shown if not role or role == author else f"{shown} ({role})")


def _undo_id(event: dict[str, Any]) -> str:
    return "" if event.get("change_id") is None else str(event["change_id"])


def _change_in_timeline(event: dict[str, Any], claim: dict[str, Any]) -> str:
    """The creation says when the claim was made, since back-dated changes may precede its entry."""
    if event["kind"] == "created" and claim.get("said_on"):
        return f"created (said on {claim['said_on']})"
    return event_summary(event)


def _detail(event: dict[str, Any]) -> str:
    return " ".join(textsafe.terminal(x) for x in (event["note"], event["evidence_url"]) if x)


def _claim_table(claim: dict[str, Any], out: IO[str], view: View | None) -> None:
    from rich.table import Table

    console = console_for(out, view)
    view = fit_view(console, view)
    head = f"Claim {claim['id']}"
    label = max(len(head), len("Confidence"))

    def grid() -> Any:
        part = Table.grid(padding=(0, 2))
        part.add_column(style="bold", no_wrap=True, width=label)
        part.add_column(overflow="fold")
        return part

    rows = grid()
    rows.add_row(styled(head), styled(claim["text"]))
    if claim.get("deleted_at"):
        rows.add_row(
            styled("Deleted", "bold red"),
            styled(
                f"{claim['deleted_at']}: only show and list --deleted show it; "
                f"bring it back with: claimtrack restore {claim['id']}",
                "red",
            ),
        )
    fields = (
        ("Quote", claim["quote"]),
        ("Source", claim["source"]),
        ("Admiralty", claim.get("admiralty")),
        ("Status", claim["status"]),
        ("Confidence", claim["confidence_label"] or "not assessed"),
        ("Said on", claim["said_on"]),
        ("Tags", ", ".join(claim["tags"])),
        ("URL", claim["url"]),
        ("Review by", claim["review_by"]),
        ("Added", claim["created_at"]),
        ("Updated", claim["updated_at"]),
        ("UUID", claim["uuid"]),
    )
    for name, value in fields:
        if name == "URL" and value and fit.cell_width(cell(value)) > console.width - label - 2:
            # Too long for its cell: printed whole on its own line, so it is not broken in pieces.
            console.print(rows)
            print_whole(console, name.ljust(label + 2), cell(value))
            rows = grid()
        elif value:
            rows.add_row(styled(name), styled(value, STATUS_STYLE.get(value, "") if name == "Status" else ""))
    console.print(rows)
    cells = [
        {
            "at": e["at"],
            "change": cell(_change_in_timeline(e, claim)),
            "by": by(e),
            "detail": _detail(e),
            "change_id": _undo_id(e),
        }
        for e in claim["events"]
    ]
    notes: list[str] = []
    print_fitted(console, fit.render(TIMELINE_COLUMNS, cells, view, title="Timeline", notes=notes), view, notes)


LOG_COLUMNS = register(
    "log",
    (
        Col("at", "At", 0, compact=day_only),
        # The claim's ID and By give way (By first) before the Undo ID, which ``undo --change`` takes:
        # a row whose only number is the claim's ID invites ``undo --change <claim ID>``. Their
        # blocks show both again when even At, Change and Undo ID cannot fit (below 38 columns).
        Col("id", "ID", 1, justify="right", names=("claim_id",), block=True),
        # The claim's first dozen letters go first (a claim's words matter less than its ID).
        Col("text", "Claim", 3, ellipsis=True, min_width=12, names=("claim",)),
        # Down to 10 ("unverified", "confidence" whole) only to keep the claim's ID, at 40 columns.
        Col("change", "Change", 0, wrap=True, min_width=14, comfort=17, tight=10),
        Col("by", "By", 1, wrap=True, min_width=7, names=("author",), block=True),
        Col(
            "detail",
            "Note / evidence",
            2,
            wrap=True,
            min_width=12,
            short="Note",
            names=("note", "evidence"),
            links=True,
            comfort=30,
            lines=3,
        ),
        Col("change_id", "Undo ID", 0, justify="right", short="Undo", names=("undo",)),
    ),
)


def events(rows: list[dict[str, Any]], fmt: Format, out: IO[str], view: View | None = None) -> None:
    """``log`` output: changes newest first, each with the start of its claim's text."""
    if fmt is Format.md:
        out.write(
            markdown_table(
                ("at", "claim", "change", "by", "note", "evidence", "undo id"),
                (
                    [e["at"], e["claim_id"], event_summary(e), by(e), e["note"], e["evidence_url"], e.get("change_id")]
                    for e in rows
                ),
            )
        )
        return
    if fmt is not Format.table:
        write_records(rows, LOG_FIELDS, fmt, out)
        return
    console = console_for(out, view)
    if not rows:
        console.print(styled("No changes.", "dim"))
        return
    view = fit_view(console, view)
    cells = [
        {
            "at": e["at"],
            "id": str(e["claim_id"]),
            "text": cell(" ".join(str(e.get("claim_text") or "").split())),
            "change": cell(event_summary(e)),
            "by": by(e),
            "detail": _detail(e),
            "change_id": _undo_id(e),
        }
        for e in rows
    ]
    notes: list[str] = []
    print_fitted(console, fit.render(LOG_COLUMNS, cells, view, notes=notes), view, notes)
