"""Tables fit the terminal (issue 12): ``fit.layout`` and every table command at several widths.

Covers: the layout keeps essential columns and drops low-priority ones first, tries compact
forms before dropping, never cuts a cell (every word of every cell is in the output), falls back
to one block per row when even the essentials cannot fit; ``--columns`` picks and orders columns
and is never dropped; ``--wide`` keeps every default column; and every table command drawn at
40, 60, 80, 120 and 200 columns has no line wider than that. (Real terminals: test_terminal.py.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from claimtrack import fit
from claimtrack.fit import Col, View
from conftest import Run
from test_terminal import WHOLE_URL

COLUMNS = (
    Col("id", "ID", 0, justify="right"),
    Col("text", "Claim", 0, wrap=True, min_width=20, comfort=36),
    Col("source", "Source", 2, wrap=True, min_width=8),
    Col("confidence", "Confidence", 0, short="Conf", compact=lambda v: v.split()[0]),
    Col("status", "Status", 0),
    Col("said_on", "Said on", 3, short="Said"),
    Col("tags", "Tags", 4, wrap=True, whole_words=True),
    Col("url", "URL", 5, default=False),
)
ROWS = [
    {
        "id": "1",
        "text": "North Korea will send workers to Russian-occupied eastern Ukraine.",
        "source": "Andrei Lankov",
        "confidence": "70% likely",
        "status": "unverified",
        "said_on": "2023-02-15",
        "tags": "north-korea, russia",
        "url": "https://example.org",
    },
    {
        "id": "22",
        "text": "Short.",
        "source": "The Bell",
        "confidence": "97% almost certain",
        "status": "confirmed",
        "said_on": "2023-02-15",
        "tags": "alliance",
        "url": "",
    },
]


def width_of(plan: fit.Plan) -> int:
    return fit.overhead(len(plan.columns)) + sum(plan.widths)


def test_everything_fits_at_full_size_when_there_is_room() -> None:
    plan = fit.layout(COLUMNS, ROWS, View(width=200))
    assert [c.key for c in plan.columns] == ["id", "text", "source", "confidence", "status", "said_on", "tags"]
    assert not plan.compact and plan.headers[3] == "Confidence"
    assert width_of(plan) <= 200


def test_compact_forms_come_before_dropping_a_column() -> None:
    shown = [c for c in COLUMNS if c.default]
    full_size = fit.overhead(len(shown)) + sum(fit._minimum(c, ROWS, False, comfortable=True) for c in shown)
    assert not fit.layout(COLUMNS, ROWS, View(width=full_size)).compact
    need = full_size - 1  # one cell short of the full-size table
    plan = fit.layout(COLUMNS, ROWS, View(width=need))
    assert plan.compact and plan.dropped == []
    assert "Conf" in plan.headers and width_of(plan) <= need


@pytest.mark.parametrize("width", [50, 60, 70, 80, 100])
def test_narrow_tables_drop_low_priority_columns_first_and_keep_the_essentials(width: int) -> None:
    plan = fit.layout(COLUMNS, ROWS, View(width=width))
    keys = [c.key for c in plan.columns]
    if not plan.stacked:
        assert width_of(plan) <= width
        assert {"id", "text", "confidence", "status"} <= set(keys)
    priorities = {c.key: c.priority for c in COLUMNS}
    for gone in plan.dropped:  # nothing dropped while a lower-priority column stayed
        assert all(priorities[k] <= priorities[gone] for k in keys if priorities[k] > 0)


def test_too_narrow_for_the_essentials_shows_one_block_per_row() -> None:
    plan = fit.layout(COLUMNS, ROWS, View(width=30))
    assert plan.stacked


def test_columns_option_picks_orders_and_is_never_dropped() -> None:
    plan = fit.layout(COLUMNS, ROWS, View(width=60, columns=("status", "URL", "id")))
    assert [c.key for c in plan.columns] == ["status", "url", "id"]
    plan = fit.layout(COLUMNS, ROWS, View(width=30, columns=("text", "tags", "source", "said-on")))
    assert plan.stacked and [c.key for c in plan.columns] == ["text", "tags", "source", "said_on"]


def test_unknown_column_names_the_choices() -> None:
    from claimtrack.errors import InvalidInput

    with pytest.raises(InvalidInput, match=r"no column 'colour'.*choose from id, text, source"):
        fit.layout(COLUMNS, ROWS, View(width=80, columns=("id", "colour")))


def test_wide_keeps_every_default_column_at_full_width() -> None:
    plan = fit.layout(COLUMNS, ROWS, View(width=40, wide=True))
    assert [c.key for c in plan.columns][:7] == [c.key for c in COLUMNS if c.default]
    assert plan.widths[1] == len(ROWS[0]["text"])


def test_whole_words_never_splits_a_tag() -> None:
    rows = [dict(ROWS[0], tags="north-korea, sanctions-evasion")]
    plan = fit.layout(COLUMNS, rows, View(width=120))
    if "tags" in [c.key for c in plan.columns]:
        assert plan.widths[[c.key for c in plan.columns].index("tags")] >= len("sanctions-evasion")


# ---- every table command, drawn through the CLI at several widths ----------------------------

TABLE_COMMANDS = [
    ("list",),
    ("list", "--as-of", "2023-02-15"),
    ("show", "2"),
    ("log",),
    ("summary",),
    ("summary", "--by", "tag"),
    ("summary", "--by", "source"),
    ("sources",),
    ("calibration",),
    ("due", "--days", "4000"),
    ("db", "check"),
    ("extract", str(Path(__file__).resolve().parent.parent / "data" / "seed-article.txt"), "--format", "table"),
]


def test_a_short_wrapping_column_gets_its_comfortable_width_before_the_claim_takes_the_rest() -> None:
    """due's Why column at 120 columns: "review overdue by 1202 days" on two lines, not three, while
    the claim text keeps the room; at 80 the claim text is served first."""
    from claimtrack.render import DUE_COLUMNS

    rows = [
        {
            "id": "4",
            "due": "2023-08-15",
            "reason": "review overdue by 1202 days",
            "status": "disputed",
            "text": "North Korea will send workers to Russian-occupied eastern Ukraine. " * 2,
        },
        {
            "id": "5",
            "due": "2023-02-15",
            "reason": "unverified, unchanged for 1383 days",
            "status": "unverified",
            "text": "Russia, in a major conflict with the West, is guided by the principle of the enemy.",
        },
    ]
    plan = fit.layout(DUE_COLUMNS, rows, View(width=120))
    wide = dict(zip([c.key for c in plan.columns], plan.widths))
    assert wide["reason"] >= len("review overdue by") and wide["text"] >= 50
    assert sum(plan.widths) + fit.overhead(len(plan.widths)) <= 120
    plan = fit.layout(DUE_COLUMNS, rows, View(width=80))
    narrow = dict(zip([c.key for c in plan.columns], plan.widths))
    assert narrow["text"] > narrow["reason"] and narrow["text"] >= 30


def test_log_gives_the_notes_the_room_at_80_columns() -> None:
    """log at 80 columns: a note (what the news said) reads on lines of 15 characters or more, not
    in a 12-character strip beside a wide Change column; the change still reads on two lines, and
    who made it (the By column, issue 29) stays on screen. Before By, the note had 20: merging By
    into the Change cell on narrow screens would give those 5 back (left for a later change)."""
    from claimtrack.timeline import LOG_COLUMNS

    note = (
        "North Korea confirmed that Kim Jong Un had sent troops to fight alongside Russian forces in "
        "the Kursk region: the pledge kept, in a literal trench."
    )
    rows = [
        {
            "at": "2025-04-28T12:00:00Z",
            "id": "3",
            "text": "North Korea will always stand in the same trench.",
            "change": "status unverified -> confirmed",
            "by": "alice",
            "detail": note,
            "change_id": "12",
        }
    ]
    plan = fit.layout(LOG_COLUMNS, rows, View(width=80))
    widths = dict(zip([c.key for c in plan.columns], plan.widths))
    assert widths["detail"] >= 15 and widths["change"] >= len("status unverified")
    assert widths["by"] >= len("alice")
    assert sum(plan.widths) + fit.overhead(len(plan.widths)) <= 80


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=" ".join)
def test_no_line_is_wider_than_the_terminal(
    seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    run = seeded(*command, "--format", "table")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines
    too_wide = [line for line in lines if cell_len(line) > width and not WHOLE_URL.match(line)]
    assert too_wide == [], f"{command} at {width}: {too_wide[:2]}"


@pytest.mark.parametrize("width", [40, 80, 120])
def test_list_shows_every_word_of_every_claim_and_each_status(
    seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    claims = json.loads(seeded("list", "--format", "json").stdout)
    monkeypatch.setenv("COLUMNS", str(width))
    out = seeded("list", "--format", "table").stdout
    words = re.findall(r"\S+", re.sub(r"[│┃┏┓┗┛┡┩└┘┳┻╇┴━─]", " ", out))
    text = " ".join(words)
    for claim in claims:
        for word in claim["text"].split():
            assert word in text or all(part in text for part in re.split(r"(?<=-)", word)), (claim["id"], word)
        assert claim["status"] in out
    for line in out.splitlines():  # each row that starts a claim shows its id and status together
        match = re.match(r"[│ ]\s*(\d+) ", line)
        if match and width >= 80:
            status = next(c["status"] for c in claims if c["id"] == int(match.group(1)))
            assert status in line, line


def test_columns_and_wide_through_the_cli(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    picked = seeded("list", "--format", "table", "--columns", "id,status,tags").stdout
    header = picked.splitlines()[1]
    assert [h.strip() for h in header.strip("┃").split("┃")] == ["ID", "Status", "Tags"]
    wide = seeded("list", "--format", "table", "--wide").stdout
    assert all(h in wide.splitlines()[1] for h in ("Code", "Confidence", "Said on", "Tags"))
    bad = seeded("list", "--format", "table", "--columns", "id,nosuch")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: --columns: no column 'nosuch'")
    assert len(bad.stderr.splitlines()) == 1
    piped = seeded("list", "--columns", "id")
    assert piped.exit_code == 1 and "--columns shapes the table; add --format table" in piped.stderr


def test_narrow_terminal_shows_each_claim_as_a_block(
    seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "36")
    out = seeded("list", "--format", "table", "-n", "2").stdout
    assert re.search(r"^ID\s+1\s*$", out, re.MULTILINE) and re.search(r"^Status\s+confirmed\s*$", out, re.MULTILINE)
    assert all(cell_len(line) <= 36 for line in out.splitlines())


def test_show_timeline_takes_columns_and_wide(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    out = seeded("show", "2", "--format", "table", "--columns", "change,at").stdout
    header = next(line for line in out.splitlines() if line.startswith("┃"))
    assert [h.strip() for h in header.strip("┃").split("┃")] == ["Change", "At"]
    wide = seeded("show", "2", "--format", "table", "--wide").stdout
    assert "2023-02-15T12:00:00Z" in wide  # full times, not the compact date
    assert seeded("show", "2", "--columns", "at").exit_code == 1  # piped: tsv has no table to shape


def test_extract_drops_the_quote_before_squeezing_the_claim_at_80_columns() -> None:
    from claimtrack.cli.extract import COLUMNS

    rows = [
        {
            "n": "1",
            "text": "North Korea continues to support Russia almost a year after the invasion.",
            "source": "The Bell",
            "confidence": "87.5% very likely",
            "quote": "North Korea continues to support Russia almost a year after the invasion.",
        }
    ]
    assert [c.key for c in fit.layout(COLUMNS, rows, View(width=100)).columns][-1] == "quote"
    narrow = fit.layout(COLUMNS, rows, View(width=80))
    assert "quote" in narrow.dropped
    assert narrow.widths[[c.key for c in narrow.columns].index("text")] >= 36


@pytest.mark.parametrize("width", [60, 80])
def test_an_unknown_author_is_never_broken_mid_word(width: int) -> None:
    """Changes from before authors were kept say "unknown" in By: whole, not "unknow" over "n"."""
    from claimtrack.timeline import LOG_COLUMNS

    rows = [
        {
            "at": "2025-04-29T12:00:00Z",
            "id": "24",
            "text": "North Korea sent troops.",
            "change": "note",
            "by": "unknown",
            "detail": "Rodong Sinmun, the paper read at home, printed Putin's full message.",
        }
    ]
    plan = fit.layout(LOG_COLUMNS, rows, View(width=width))
    widths = dict(zip([c.key for c in plan.columns], plan.widths))
    assert widths.get("by", 0) >= len("unknown")


def test_log_keeps_the_undo_id_at_80_columns_and_drops_the_claims_words_first() -> None:
    """At 80 columns log used to drop the Undo ID that ``undo --change`` takes, so the only number
    left on a row was the claim's ID, easy to pass to ``undo --change`` by mistake. The claim's
    first dozen letters go first now; both show when there is room."""
    from claimtrack.timeline import LOG_COLUMNS

    row = {
        "at": "2025-04-28T12:00:00Z",
        "id": "3",
        "text": "North Korea will always stand in the same trench.",
        "change": "status unverified -> confirmed",
        "by": "alice",
        "detail": "North Korea confirmed that Kim Jong Un had sent troops to fight alongside Russian forces.",
        "change_id": "12",
    }
    narrow = [c.key for c in fit.layout(LOG_COLUMNS, [row], View(width=80)).columns]
    assert "change_id" in narrow and "id" in narrow and "by" in narrow and "text" not in narrow
    assert {"text", "change_id"} <= {c.key for c in fit.layout(LOG_COLUMNS, [row], View(width=120)).columns}


LOG_ROWS = [
    {
        "at": "2025-04-28T12:00:00Z",
        "id": "23",
        "text": "North Korea will always stand in the same trench.",
        "change": "status unverified -> confirmed",
        "by": "unknown",
        "detail": "North Korea confirmed that Kim Jong Un had sent troops to fight alongside Russian forces.",
        "change_id": "412",
    },
    {
        "at": "2025-04-26T12:00:00Z",
        "id": "3",
        "text": "Russia will acknowledge the troops.",
        "change": "note",
        "by": "alice",
        "detail": "Russia acknowledged for the first time that North Korean troops fought for it.",
        "change_id": "98",
    },
]


@pytest.mark.parametrize("width", range(40, 131))
def test_log_keeps_the_undo_id_at_every_width_from_40(width: int) -> None:
    """At 40 to 60 columns log showed At, ID, Change and By: the Undo ID that ``undo --change``
    takes had gone, and the claim's ID was the only number on a row. Now the note, then By give
    way first, and at 40 the Change column narrows to 10 so the claim's ID stays too."""
    from claimtrack.timeline import LOG_COLUMNS

    plan = fit.layout(LOG_COLUMNS, LOG_ROWS, View(width=width))
    keys = [c.key for c in plan.columns]
    assert not plan.stacked and {"at", "id", "change", "change_id"} <= set(keys), (width, keys)
    assert width_of(plan) <= width
    widths = dict(zip(keys, plan.widths))
    assert widths["change"] >= len("unverified") and widths["change_id"] >= len("Undo")
    if width >= 80:
        assert {"by", "detail"} <= set(keys)
    lines = render_lines(LOG_COLUMNS, LOG_ROWS, View(width=width))
    header = next(line for line in lines if line.startswith("┃"))
    assert header.split("┃")[-2].strip() in ("Undo", "Undo ID")
    assert [line.split("│")[-2].strip() for line in lines if re.match(r"│ 2025", line)] == ["412", "98"]


def test_log_too_narrow_for_a_table_shows_blocks_with_the_claim_author_and_undo_id() -> None:
    """Below what At, Change and the Undo ID need, rows become blocks as in other commands; the
    claim's ID and By, dropped from the narrow table, are back in them."""
    from claimtrack.timeline import LOG_COLUMNS

    plan = fit.layout(LOG_COLUMNS, LOG_ROWS, View(width=34))
    assert plan.stacked and [c.key for c in plan.columns] == ["at", "id", "change", "by", "change_id"]
    lines = render_lines(LOG_COLUMNS, LOG_ROWS, View(width=34))
    assert all(cell_len(line) <= 34 for line in lines)
    labels = [line.split()[:2] for line in lines if line and not line.startswith(" ")]
    assert ["ID", "23"] in labels and ["By", "alice"] in labels and ["Undo", "412"] in labels


def render_lines(columns: tuple[Col, ...], rows: list[dict[str, str]], view: View) -> list[str]:
    from rich.console import Console

    console = Console(width=view.width or 2000, file=__import__("io").StringIO(), color_system=None)
    notes: list[str] = []
    console.print(fit.render(columns, rows, view, notes=notes))
    return console.file.getvalue().splitlines() + [f"[{n}] {u}" for n, u in enumerate(notes, 1)]


def log_row(note: str) -> dict[str, str]:
    """One row of log's table: a note on claim 3."""
    return {
        "at": "2025-04-28T12:00:00Z",
        "id": "3",
        "text": "A claim.",
        "change": "note",
        "by": "bob",
        "detail": note,
        "change_id": "7",
    }


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_long_note_in_log_is_cut_to_three_lines_and_keeps_its_address_marks(width: int) -> None:
    """A long note made a log row 14 lines tall at 80 columns. Fitted to the screen, a note now
    takes at most 3 lines ending in …, followed by the [n] marks of the addresses cut with it, so
    every address printed below the table is still pointed at; a line under the table says so and
    how to see it whole (--wide, which cuts nothing)."""
    note = " ".join(["The ministry said in a statement that the shipments continued through the winter."] * 4)
    note += " https://example.org/" + "a" * 90 + " and https://example.net/" + "b" * 90
    row = log_row(note)
    lines = render_lines(LOG, [row], View(width=width))
    body = [line for line in lines if line.startswith("│")]
    assert len(body) <= 3
    cell = " ".join(line.split("│")[-3].strip() for line in body)
    assert "…" in cell and "[1]" in cell and "[2]" in cell, cell
    assert any(line.startswith("[2] https://example.net/") for line in lines)
    assert any("cut to 3 lines" in line and "--wide" in line for line in lines)
    assert all(cell_len(line) <= width for line in lines if not line.startswith("["))
    whole = render_lines(LOG, [row], View(width=None, wide=True))  # drawn as wide as it is (richout.print_fitted)
    assert not any("cut to" in line for line in whole) and any(note in line for line in whole)


def test_a_note_that_fits_is_not_touched() -> None:
    lines = render_lines(LOG, [log_row("Checked twice.")], View(width=80))
    assert any("Checked twice." in line for line in lines) and not any("cut to" in line for line in lines)


def _log_columns() -> tuple[Col, ...]:
    from claimtrack.timeline import LOG_COLUMNS

    return LOG_COLUMNS


LOG = _log_columns()
