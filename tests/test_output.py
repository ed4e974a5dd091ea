"""Output formats through the CLI (DESIGN.md "Output").

Covers: TSV when piped (a real subprocess) and ``--format table``; the JSON shapes of ``list``,
``show`` and ``log`` (exact keys, dates, UTC times, event order); claim text, source names and
notes treated as data (Rich markup printed as typed, control characters escaped in table/TSV,
exact text in JSON); and ``NO_COLOR`` on a real terminal (a pseudo-terminal).
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from conftest import Run, run_process

CLAIM_KEYS = {
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
}
EVENT_KEYS = {"at", "recorded_at", "kind", "field", "old", "new", "note", "evidence_url", "author", "db_role"}

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UTC_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
BOX_CHARS = re.compile("[\u2500-\u257f]")  # Unicode box drawing block
ANSI_SGR = re.compile(r"\x1b\[([0-9;]*)m")

# Hostile data: Rich markup, an ANSI colour escape, an OSC title sequence, a carriage return and
# a right-to-left override.
EVIL_TEXT = "Markup [bold]x[/bold] and [red]y[/red] ansi \x1b[31mred osc \x1b]0;title\x07 cr\rback bidi \u202eevil"
EVIL_SOURCE = "Evil \x1b[31mSource"
EVIL_NOTE = "note \x1b[2Jclear"
RAW_CONTROLS = ("\x1b", "\x07", "\r", "\u202e")


def _json(run: Run) -> object:
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def _seeded_count(init: subprocess.CompletedProcess[str]) -> int:
    match = re.search(r"Seed: (\d+) claims? added", init.stderr)
    assert match, init.stderr
    return int(match.group(1))


# ---- TSV when piped, table on request ----------------------------------------------------------


def test_list_piped_prints_tsv_one_line_per_claim() -> None:
    init = run_process("init", "--seed")
    assert init.returncode == 0, init.stderr
    count = _seeded_count(init)
    assert count > 0

    piped = run_process("list")
    assert piped.returncode == 0, piped.stderr
    lines = piped.stdout.splitlines()
    assert len(lines) == count
    assert not BOX_CHARS.search(piped.stdout)
    assert "\x1b" not in piped.stdout

    claims = json.loads(run_process("list", "--format", "json").stdout)
    assert len(claims) == count
    for line, claim in zip(lines, claims, strict=True):
        fields = line.split("\t")
        # README: id, status, confidence, source, said_on, tags, text; no header.
        assert len(fields) == 7, line
        assert fields[0] == str(claim["id"])
        assert fields[1] == claim["status"]
        assert fields[3] == claim["source"]
        assert fields[4] == (claim["said_on"] or "")
        assert fields[5] == ",".join(claim["tags"])
        assert fields[6] == claim["text"]
        if claim["confidence"] is None:
            assert fields[2] == ""
        else:
            assert float(fields[2]) == pytest.approx(claim["confidence"])


def test_list_format_table_prints_a_box_table() -> None:
    assert run_process("init", "--seed").returncode == 0
    table = run_process("list", "--format", "table")
    assert table.returncode == 0, table.stderr
    assert BOX_CHARS.search(table.stdout)
    header = next(line for line in table.stdout.splitlines() if "ID" in line)
    assert "Claim" in header
    assert "\t" not in table.stdout
    assert "\x1b" not in table.stdout  # piped: no colour even as a table


# ---- JSON shapes -------------------------------------------------------------------------------


def _check_claim_object(claim: dict) -> None:
    assert set(claim) == CLAIM_KEYS
    assert isinstance(claim["id"], int)
    assert isinstance(claim["tags"], list)
    assert all(isinstance(t, str) for t in claim["tags"])
    assert isinstance(claim["source"], str)
    for key in ("said_on", "review_by"):
        assert claim[key] is None or DATE.match(claim[key]), (key, claim[key])
    for key in ("created_at", "updated_at"):
        assert UTC_TIME.match(claim[key]), (key, claim[key])
    assert claim["confidence"] is None or 0 <= claim["confidence"] <= 1
    assert (claim["confidence"] is None) == (claim["confidence_label"] is None)


def _check_event_object(event: dict, extra: set[str] = frozenset()) -> None:
    assert set(event) == EVENT_KEYS | extra
    assert UTC_TIME.match(event["at"]), event
    assert UTC_TIME.match(event["recorded_at"]), event


def test_list_json_is_an_array_of_claim_objects(seeded: Callable[..., Run]) -> None:
    assert seeded("set", "1", "--review-by", "2030-01-31").exit_code == 0
    claims = _json(seeded("list", "--format", "json"))
    assert isinstance(claims, list) and claims
    for claim in claims:
        _check_claim_object(claim)
    assert [c["id"] for c in claims] == sorted(c["id"] for c in claims)
    assert claims[0]["review_by"] == "2030-01-31"
    assert any(c["said_on"] for c in claims)
    assert any(c["tags"] for c in claims)
    assert len({c["uuid"] for c in claims}) == len(claims)


def test_show_json_has_claim_keys_and_events_oldest_first(seeded: Callable[..., Run]) -> None:
    confirm = seeded(
        "confirm", "5", "--note", "two agencies", "--evidence", "https://example.org/r", "--at", "2024-01-02"
    )
    assert confirm.exit_code == 0, confirm.stderr
    claim = _json(seeded("show", "5", "--format", "json"))
    assert set(claim) == CLAIM_KEYS | {"events", "deleted_at"}  # deleted_at: null unless deleted
    assert claim["deleted_at"] is None
    _check_claim_object({k: v for k, v in claim.items() if k not in ("events", "deleted_at")})
    assert claim["id"] == 5 and claim["status"] == "confirmed"

    events = claim["events"]
    assert len(events) >= 2
    for event in events:
        _check_event_object(event)
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)
    assert events[0]["kind"] == "created"
    last = events[-1]
    assert (last["kind"], last["field"], last["old"], last["new"]) == ("status", "status", "unverified", "confirmed")
    assert last["at"] == "2024-01-02T12:00:00Z"  # a day typed for --at is noon there (TZ=UTC: conftest)
    assert (last["note"], last["evidence_url"]) == ("two agencies", "https://example.org/r")


def test_log_json_events_carry_claim_id_newest_first(seeded: Callable[..., Run]) -> None:
    assert seeded("confirm", "5", "--at", "2026-01-02").exit_code == 0  # after the seed's last news
    assert seeded("note", "2", "latest news").exit_code == 0
    events = _json(seeded("log", "--format", "json"))
    assert isinstance(events, list) and len(events) >= 3
    for event in events:
        _check_event_object(event, {"claim_id", "change_id"})
        assert isinstance(event["claim_id"], int)
    ats = [e["at"] for e in events]
    assert ats == sorted(ats, reverse=True)
    assert (events[0]["claim_id"], events[0]["kind"], events[0]["note"]) == (2, "note", "latest news")
    confirm = next(e for e in events if e["kind"] == "status")
    assert (confirm["claim_id"], confirm["at"]) == (5, "2026-01-02T12:00:00Z")

    one = _json(seeded("log", "5", "--format", "json"))
    assert one and {e["claim_id"] for e in one} == {5}


# ---- claim text is data ------------------------------------------------------------------------


@pytest.fixture
def evil(cli: Callable[..., Run]) -> tuple[Callable[..., Run], str]:
    """A database holding one hostile claim (tag ``evil``) with a hostile note; returns (cli, id)."""
    added = cli("add", EVIL_TEXT, "--source", EVIL_SOURCE, "--tag", "evil", "--note", EVIL_NOTE, "--format", "json")
    assert added.exit_code == 0, added.stderr
    claim_id = str(json.loads(added.stdout)[0]["id"])
    assert cli("note", claim_id, EVIL_NOTE).exit_code == 0
    return cli, claim_id


def _assert_escaped(stdout: str) -> None:
    assert "[bold]x[/bold]" in stdout
    assert "[red]y[/red]" in stdout
    for char in RAW_CONTROLS:
        assert char not in stdout, f"raw {char!r} reached stdout"
    assert "\\x1b" in stdout


@pytest.mark.parametrize("fmt", ["table", "tsv"])
def test_list_shows_hostile_text_as_escaped_data(evil: tuple[Callable[..., Run], str], fmt: str) -> None:
    cli, _ = evil
    run = cli("list", "--tag", "evil", "--format", fmt)
    assert run.exit_code == 0, run.stderr
    _assert_escaped(run.stdout)
    assert "Evil \\x1b[31mSource" in run.stdout


@pytest.mark.parametrize("fmt", ["table", "tsv"])
def test_show_shows_hostile_text_source_and_note_escaped(evil: tuple[Callable[..., Run], str], fmt: str) -> None:
    cli, claim_id = evil
    run = cli("show", claim_id, "--format", fmt)
    assert run.exit_code == 0, run.stderr
    _assert_escaped(run.stdout)
    assert "Evil \\x1b[31mSource" in run.stdout
    assert "note \\x1b[2Jclear" in run.stdout


@pytest.mark.parametrize("fmt", ["table", "tsv"])
def test_log_shows_hostile_note_escaped(evil: tuple[Callable[..., Run], str], fmt: str) -> None:
    cli, claim_id = evil
    run = cli("log", claim_id, "--format", fmt)
    assert run.exit_code == 0, run.stderr
    for char in RAW_CONTROLS:
        assert char not in run.stdout
    assert "note \\x1b[2Jclear" in run.stdout


def test_json_keeps_hostile_text_exactly(evil: tuple[Callable[..., Run], str]) -> None:
    cli, claim_id = evil
    listed = _json(cli("list", "--tag", "evil", "--format", "json"))
    assert [(c["text"], c["source"]) for c in listed] == [(EVIL_TEXT, EVIL_SOURCE)]

    shown = _json(cli("show", claim_id, "--format", "json"))
    assert (shown["text"], shown["source"]) == (EVIL_TEXT, EVIL_SOURCE)
    assert [e["note"] for e in shown["events"]] == [EVIL_NOTE, EVIL_NOTE]

    logged = _json(cli("log", claim_id, "--format", "json"))
    assert [e["note"] for e in logged] == [EVIL_NOTE, EVIL_NOTE]


def test_json_output_sends_no_raw_control_characters(evil: tuple[Callable[..., Run], str]) -> None:
    cli, claim_id = evil
    for args in (("list", "--format", "json"), ("show", claim_id, "--format", "json"), ("log", "--format", "json")):
        run = cli(*args)
        assert run.exit_code == 0, run.stderr
        for char in RAW_CONTROLS:
            assert char not in run.stdout, (args, char)


# ---- NO_COLOR on a real terminal ---------------------------------------------------------------


def run_on_terminal(*args: str, env: dict[str, str | None]) -> str:
    """Run ``python -m claimtrack`` with stdout on a pseudo-terminal; return what it printed."""
    pty = pytest.importorskip("pty")
    full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
    for var in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        full_env.pop(var, None)
    full_env.update({k: v for k, v in env.items() if v is not None})
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *args], stdout=slave, stderr=subprocess.DEVNULL, env=full_env
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
        proc.wait(timeout=30)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def _colour_codes(output: str) -> list[str]:
    """SGR parameters that set a foreground or background colour."""
    found = []
    for params in ANSI_SGR.findall(output):
        for p in params.split(";"):
            if p.isdigit() and (30 <= int(p) <= 38 or 40 <= int(p) <= 48 or 90 <= int(p) <= 107):
                found.append(p)
    return found


@pytest.fixture
def seeded_process() -> None:
    assert run_process("init", "--seed").returncode == 0


def test_terminal_table_is_coloured_without_no_color(seeded_process: None) -> None:
    """Control for the NO_COLOR tests: on a terminal the table does use colour."""
    output = run_on_terminal("list", "--format", "table", env={})
    assert BOX_CHARS.search(output)
    assert _colour_codes(output)


@pytest.mark.parametrize("args", [("list", "--format", "table"), ("show", "1", "--format", "table")])
def test_no_color_removes_colour_on_a_terminal(seeded_process: None, args: tuple[str, ...]) -> None:
    output = run_on_terminal(*args, env={"NO_COLOR": "1"})
    assert "Claim" in output
    assert _colour_codes(output) == []


def test_timeline_shows_an_unknown_confidence_value_as_recorded() -> None:
    """History written by a newer claimtrack may hold a confidence this one cannot parse."""
    from claimtrack.records import event_summary

    event = {"kind": "confidence", "field": "confidence", "old": "0.5", "new": "fairly sure"}
    assert event_summary(event) == "confidence 50% roughly even chance -> fairly sure"
