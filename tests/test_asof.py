"""Time travel: ``list --as-of`` and ``show --as-of`` (DESIGN.md "Commands", issue "Query and report").

A claim exists from its ``said_on`` (or from when it was added if it has none); each change counts
from its ``--at`` time (default: when it was recorded); the status and confidence shown are those
at the end of the given day. Covers the required scenario (said 2023-03-01, confirmed
2024-06-19, seen on 2023-01-01 / 2024-01-01 / 2024-07-01 in list and show), the day boundary,
several back-dated moves, confidence changed today (seen before and after), claims without
``said_on``, ``--status`` / ``--min-confidence`` filtering on the rebuilt values, and show's
timeline cut at the as-of day.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from conftest import Run

TODAY = datetime.now(UTC).date()
YESTERDAY = (TODAY - timedelta(days=1)).isoformat()


def _json(run: Run) -> object:
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def _list(cli: Callable[..., Run], *args: str) -> dict[int, dict]:
    return {c["id"]: c for c in _json(cli("list", *args, "--format", "json"))}


def _add(cli: Callable[..., Run], text: str, *extra: str) -> int:
    run = cli("add", text, "--source", "Desk", *extra, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)[0]["id"]


def _one_error_line(run: Run) -> str:
    assert run.exit_code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    return lines[0]


@pytest.fixture
def scenario(cli: Callable[..., Run]) -> int:
    """The issue's scenario: a claim said on 2023-03-01 and confirmed as of 2024-06-19."""
    assert cli("init").exit_code == 0
    cid = _add(cli, "The plant will close by summer.", "--said-on", "2023-03-01", "--confidence", "0.4")
    run = cli("confirm", str(cid), "--at", "2024-06-19", "--note", "closure announced")
    assert run.exit_code == 0, run.stderr
    return cid


# ---- the required scenario ---------------------------------------------------------------------


def test_scenario_in_list(cli: Callable[..., Run], scenario: int) -> None:
    assert scenario not in _list(cli, "--as-of", "2023-01-01")
    assert _list(cli, "--as-of", "2024-01-01")[scenario]["status"] == "unverified"
    assert _list(cli, "--as-of", "2024-07-01")[scenario]["status"] == "confirmed"
    assert _list(cli)[scenario]["status"] == "confirmed"


def test_scenario_in_show(cli: Callable[..., Run], scenario: int) -> None:
    line = _one_error_line(cli("show", str(scenario), "--as-of", "2023-01-01", "--format", "json"))
    assert str(scenario) in line
    assert _json(cli("show", str(scenario), "--as-of", "2024-01-01", "--format", "json"))["status"] == "unverified"
    assert _json(cli("show", str(scenario), "--as-of", "2024-07-01", "--format", "json"))["status"] == "confirmed"


def test_scenario_not_yet_existing_show_prints_nothing_on_stdout(cli: Callable[..., Run], scenario: int) -> None:
    run = cli("show", str(scenario), "--as-of", "2023-01-01")
    _one_error_line(run)
    assert run.stdout == ""


def test_claim_exists_from_its_said_on_day(cli: Callable[..., Run], scenario: int) -> None:
    assert scenario not in _list(cli, "--as-of", "2023-02-28")
    assert _list(cli, "--as-of", "2023-03-01")[scenario]["status"] == "unverified"


def test_change_counts_from_the_end_of_its_day(cli: Callable[..., Run], scenario: int) -> None:
    assert _list(cli, "--as-of", "2024-06-18")[scenario]["status"] == "unverified"
    assert _list(cli, "--as-of", "2024-06-19")[scenario]["status"] == "confirmed"


def test_late_in_the_day_change_counts_that_day(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    cid = _add(cli, "Late news.", "--said-on", "2023-01-01")
    assert cli("refute", str(cid), "--at", "2024-02-10T23:30:00Z").exit_code == 0
    assert _list(cli, "--as-of", "2024-02-10")[cid]["status"] == "refuted"
    assert _list(cli, "--as-of", "2024-02-09")[cid]["status"] == "unverified"


def test_several_back_dated_moves(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    cid = _add(cli, "A claim that went back and forth.", "--said-on", "2022-01-10")
    for verb, at in (
        ("dispute", "2022-03-01"),
        ("confirm", "2022-06-01"),
        ("refute", "2023-01-15"),
        ("reopen", "2023-05-05"),
    ):
        assert cli(verb, str(cid), "--at", at).exit_code == 0
    expected = {
        "2022-02-01": "unverified",
        "2022-03-01": "disputed",
        "2022-12-31": "confirmed",
        "2023-02-01": "refuted",
        "2023-06-01": "unverified",
    }
    for day, status in expected.items():
        assert _list(cli, "--as-of", day)[cid]["status"] == status, day
        assert _json(cli("show", str(cid), "--as-of", day, "--format", "json"))["status"] == status, day


# ---- confidence --------------------------------------------------------------------------------


def test_confidence_changed_today_shows_old_value_before_today(cli: Callable[..., Run], scenario: int) -> None:
    assert cli("set", str(scenario), "--confidence", "0.9").exit_code == 0
    before = _list(cli, "--as-of", YESTERDAY)[scenario]
    now = _list(cli, "--as-of", TODAY.isoformat())[scenario]
    assert before["confidence"] == pytest.approx(0.4)
    assert now["confidence"] == pytest.approx(0.9)
    assert before["status"] == now["status"] == "confirmed"
    shown = _json(cli("show", str(scenario), "--as-of", YESTERDAY, "--format", "json"))
    assert shown["confidence"] == pytest.approx(0.4)
    assert shown["confidence_label"] != _json(cli("show", str(scenario), "--format", "json"))["confidence_label"]


def test_confidence_assessed_today_was_not_assessed_before(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    cid = _add(cli, "No confidence at first.", "--said-on", "2023-05-05")
    assert cli("set", str(cid), "--confidence", "very likely").exit_code == 0
    before = _list(cli, "--as-of", YESTERDAY)[cid]
    assert before["confidence"] is None
    assert before["confidence_label"] is None
    now = _list(cli, "--as-of", TODAY.isoformat())[cid]
    assert now["confidence"] == pytest.approx(0.875)
    assert "very likely" in now["confidence_label"]


def test_confidence_cleared_today_was_set_before(cli: Callable[..., Run], scenario: int) -> None:
    assert cli("set", str(scenario), "--confidence", "none").exit_code == 0
    assert _list(cli, "--as-of", YESTERDAY)[scenario]["confidence"] == pytest.approx(0.4)
    assert _list(cli, "--as-of", TODAY.isoformat())[scenario]["confidence"] is None


def test_confidence_filters_use_the_rebuilt_value(cli: Callable[..., Run], scenario: int) -> None:
    assert cli("set", str(scenario), "--confidence", "0.9").exit_code == 0
    assert scenario in _list(cli, "--as-of", YESTERDAY, "--max-confidence", "0.5")
    assert scenario not in _list(cli, "--as-of", YESTERDAY, "--min-confidence", "0.8")
    assert scenario in _list(cli, "--as-of", TODAY.isoformat(), "--min-confidence", "0.8")
    assert scenario not in _list(cli, "--min-confidence", "0.8", "--as-of", "2024-01-01")


# ---- claims without said_on --------------------------------------------------------------------


def test_claim_without_said_on_exists_from_when_it_was_added(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    cid = _add(cli, "Undated rumour.")
    assert cid not in _list(cli, "--as-of", YESTERDAY)
    assert cid not in _list(cli, "--as-of", "2020-01-01")
    assert _list(cli, "--as-of", TODAY.isoformat())[cid]["status"] == "unverified"
    _one_error_line(cli("show", str(cid), "--as-of", YESTERDAY))
    assert _json(cli("show", str(cid), "--as-of", TODAY.isoformat(), "--format", "json"))["id"] == cid


def test_as_of_mixes_dated_and_undated_claims(cli: Callable[..., Run], scenario: int) -> None:
    undated = _add(cli, "Added today, said whenever.")
    assert set(_list(cli, "--as-of", "2024-01-01")) == {scenario}
    assert set(_list(cli, "--as-of", TODAY.isoformat())) == {scenario, undated}


# ---- filters on the rebuilt status -------------------------------------------------------------


def test_status_filter_uses_the_status_of_that_day(cli: Callable[..., Run], scenario: int) -> None:
    assert scenario in _list(cli, "--as-of", "2024-01-01", "--status", "unverified")
    assert scenario not in _list(cli, "--as-of", "2024-01-01", "--status", "confirmed")
    assert scenario in _list(cli, "--as-of", "2024-07-01", "--status", "confirmed")
    assert scenario not in _list(cli, "--as-of", "2024-07-01", "--status", "unverified")
    assert scenario in _list(cli, "--as-of", "2024-01-01", "--status", "refuted", "--status", "unverified")


def test_status_filter_finds_a_claim_whose_status_later_changed(cli: Callable[..., Run], scenario: int) -> None:
    assert cli("reopen", str(scenario), "--at", "2024-09-01", "--note", "retracted").exit_code == 0
    assert _list(cli)[scenario]["status"] == "unverified"
    assert scenario in _list(cli, "--as-of", "2024-07-01", "--status", "confirmed")
    assert scenario not in _list(cli, "--status", "confirmed")
    assert scenario in _list(cli, "--as-of", "2024-10-01", "--status", "unverified")


def test_as_of_with_search_source_and_tag(cli: Callable[..., Run], scenario: int) -> None:
    other = _add(cli, "Unrelated rumour.", "--said-on", "2023-04-01", "--tag", "misc")
    assert set(_list(cli, "--as-of", "2024-07-01", "--search", "plant")) == {scenario}
    assert set(_list(cli, "--as-of", "2024-07-01", "--tag", "misc")) == {other}
    assert set(_list(cli, "--as-of", "2024-07-01", "--source", "desk", "--status", "confirmed")) == {scenario}


def test_as_of_sort_and_limit(cli: Callable[..., Run], scenario: int) -> None:
    newer = _add(cli, "Another plant claim.", "--said-on", "2023-06-01")
    ids = [c["id"] for c in _json(cli("list", "--as-of", "2024-07-01", "--sort", "id", "--desc", "--format", "json"))]
    assert ids == [newer, scenario]
    ids = [c["id"] for c in _json(cli("list", "--as-of", "2024-07-01", "--limit", "1", "--format", "json"))]
    assert ids == [scenario]


def test_as_of_with_invalid_date_is_an_error(cli: Callable[..., Run], scenario: int) -> None:
    line = _one_error_line(cli("list", "--as-of", "2024-13-45"))
    assert "--as-of" in line
    _one_error_line(cli("show", str(scenario), "--as-of", "yesterdy"))


# ---- show's timeline ---------------------------------------------------------------------------


def test_show_as_of_lists_only_events_up_to_that_day(cli: Callable[..., Run], scenario: int) -> None:
    assert cli("refute", str(scenario), "--at", "2024-08-15", "--note", "plant stayed open").exit_code == 0
    full = _json(cli("show", str(scenario), "--format", "json"))
    assert [e["kind"] for e in full["events"]] == ["created", "status", "status"]  # created (today) first

    # The claim existed then (said on an earlier day): its creation is part of the story, first,
    # even though it was entered later; the back-dated changes follow up to that day.
    early = _json(cli("show", str(scenario), "--as-of", "2024-01-01", "--format", "json"))
    assert [e["kind"] for e in early["events"]] == ["created"]
    mid = _json(cli("show", str(scenario), "--as-of", "2024-07-01", "--format", "json"))
    assert [
        (e["kind"], json.loads(e["new"])["status"] if e["kind"] == "created" else e["new"]) for e in mid["events"]
    ] == [("created", "unverified"), ("status", "confirmed")]
    assert mid["events"][1]["note"] == "closure announced"
    late = _json(cli("show", str(scenario), "--as-of", "2024-09-01", "--format", "json"))
    assert [e["new"] for e in late["events"][1:]] == ["confirmed", "refuted"]
    assert late["status"] == "refuted"
    assert all(e["at"] <= "2024-09-01T23:59:59Z" for e in late["events"][1:])


def test_show_as_of_table_output(cli: Callable[..., Run], scenario: int) -> None:
    run = cli("show", str(scenario), "--as-of", "2024-01-01", "--format", "table")
    assert run.exit_code == 0, run.stderr
    assert "unverified" in run.stdout
    assert "confirmed" not in run.stdout
    assert "closure announced" not in run.stdout


# ---- every field, rebuilt from the history (issue 26) ------------------------------------------


def test_every_field_is_as_it_stood_that_day(cli: Callable[..., Run]) -> None:
    """Text, quote, source, confidence, tags, url, said on and review date corrected today: the
    day before shows every one as it was, today as it is, in list and show, JSON and table."""
    assert cli("init").exit_code == 0
    cid = _add(
        cli,
        "The plant will close by summer.",
        "--said-on",
        "2023-03-01",
        "--quote",
        "It closes in June.",
        "--tag",
        "energy",
        "--tag",
        "jobs",
        "--confidence",
        "0.4",
        "--url",
        "https://before.example/1",
        "--review-by",
        "2030-01-01",
    )
    run = cli(
        "set",
        str(cid),
        "--text",
        "The plant will close by autumn.",
        "--source",
        "Wire",
        "--quote",
        "It closes in October.",
        "--add-tag",
        "labour",
        "--remove-tag",
        "jobs",
        "--confidence",
        "0.7",
        "--url",
        "https://after.example/2",
        "--said-on",
        "2023-03-02",
        "--review-by",
        "2031-01-01",
    )
    assert run.exit_code == 0, run.stderr
    before = {
        "text": "The plant will close by summer.",
        "quote": "It closes in June.",
        "source": "Desk",
        "tags": ["energy", "jobs"],
        "confidence": 0.4,
        "url": "https://before.example/1",
        "said_on": "2023-03-01",
        "review_by": "2030-01-01",
    }
    after = {
        "text": "The plant will close by autumn.",
        "quote": "It closes in October.",
        "source": "Wire",
        "tags": ["energy", "labour"],
        "confidence": 0.7,
        "url": "https://after.example/2",
        "said_on": "2023-03-02",
        "review_by": "2031-01-01",
    }
    for day, want in ((YESTERDAY, before), (TODAY.isoformat(), after)):
        listed = _list(cli, "--as-of", day)[cid]
        shown = _json(cli("show", str(cid), "--as-of", day, "--format", "json"))
        for claim in (listed, shown):
            assert {k: claim[k] for k in want} == want, day
        table = cli("list", "--as-of", day, "--format", "table")
        shown_table = cli("show", str(cid), "--as-of", day, "--format", "table")
        for out in (table, shown_table):
            assert out.exit_code == 0, out.stderr
            assert want["text"] in out.stdout and want["source"] in out.stdout, day
            if out is table or want is before:  # today show's timeline tells the correction
                other = after if want is before else before
                assert other["text"] not in out.stdout and other["source"] not in out.stdout, day
    # Filters on those fields use the values of that day.
    assert cid in _list(cli, "--as-of", YESTERDAY, "--source", "desk", "--tag", "jobs")
    assert cid not in _list(cli, "--as-of", YESTERDAY, "--source", "wire")
    assert cid not in _list(cli, "--as-of", YESTERDAY, "--tag", "labour")
    assert cid in _list(cli, "--as-of", TODAY.isoformat(), "--source", "wire", "--tag", "labour")
    assert cid not in _list(cli, "--as-of", TODAY.isoformat(), "--source", "desk")


def test_cleared_fields_and_an_undone_correction(cli: Callable[..., Run]) -> None:
    """A quote cleared today was there the day before; a correction undone never happened."""
    assert cli("init").exit_code == 0
    cid = _add(cli, "Original words.", "--said-on", "2023-03-01", "--quote", "Said so.")
    assert cli("set", str(cid), "--quote", "").exit_code == 0
    assert cli("set", str(cid), "--text", "Mistaken words.", "--source", "Wrong").exit_code == 0
    assert cli("undo").exit_code == 0
    for day, quote in ((YESTERDAY, "Said so."), (TODAY.isoformat(), None)):
        claim = _list(cli, "--as-of", day)[cid]
        assert (claim["text"], claim["source"], claim["quote"]) == ("Original words.", "Desk", quote), day


# ---- names and words of that day (a rename writes no claim event; search reads that day's text) ----


def test_source_renamed_later_is_shown_by_its_name_of_that_day(cli: Callable[..., Run]) -> None:
    """``source rename`` today: the day before, the claim's source had its old name (also after a
    move to it); an undone rename never happened."""
    assert cli("init").exit_code == 0
    cid = _add(cli, "Exports fell.", "--said-on", "2023-03-01")
    moved = _add(cli, "Imports rose.", "--said-on", "2023-03-01")
    assert cli("set", str(moved), "--source", "Desk Two").exit_code == 0
    assert cli("source", "rename", "Desk", "Newsdesk").exit_code == 0
    assert cli("source", "rename", "Desk Two", "Second Desk").exit_code == 0
    before, now = _list(cli, "--as-of", YESTERDAY), _list(cli, "--as-of", TODAY.isoformat())
    assert (before[cid]["source"], now[cid]["source"]) == ("Desk", "Newsdesk")
    assert (before[moved]["source"], now[moved]["source"]) == ("Desk", "Second Desk")
    assert _json(cli("show", str(cid), "--as-of", YESTERDAY, "--format", "json"))["source"] == "Desk"
    assert cid in _list(cli, "--as-of", YESTERDAY, "--source", "desk")
    assert cid not in _list(cli, "--as-of", YESTERDAY, "--source", "newsdesk")
    assert cli("undo").exit_code == 0  # "Second Desk" is called "Desk Two" again
    assert _list(cli, "--as-of", TODAY.isoformat())[moved]["source"] == "Desk Two"


def test_search_as_of_matches_the_words_of_that_day(cli: Callable[..., Run]) -> None:
    """Text corrected today: the day before, the old words find it and the new ones do not."""
    assert cli("init").exit_code == 0
    cid = _add(cli, "The plant will close by summer.", "--said-on", "2023-03-01")
    other = _add(cli, "Nothing to see.", "--said-on", "2023-03-01")
    assert cli("set", str(cid), "--text", "The factory stays open.").exit_code == 0
    assert set(_list(cli, "--as-of", YESTERDAY, "--search", "plant summer")) == {cid}
    assert set(_list(cli, "--as-of", YESTERDAY, "--search", "factory")) == set()
    assert set(_list(cli, "--as-of", YESTERDAY, "--search", '"close by"')) == {cid}
    assert set(_list(cli, "--as-of", YESTERDAY, "--search", "clos*")) == {cid}
    assert set(_list(cli, "--as-of", TODAY.isoformat(), "--search", "factory")) == {cid}
    assert set(_list(cli, "--as-of", TODAY.isoformat(), "--search", "summer")) == set()
    assert set(_list(cli, "--as-of", YESTERDAY, "--search", "desk see")) == {other}  # the source's name counts


@pytest.mark.sqlite_only
def test_as_of_reads_the_history_not_the_row(cli: Callable[..., Run], db_path: object) -> None:
    """A claim never changed, its row rewritten behind claimtrack's back: the past shows what the
    claim was created with (its created event), not the forged row."""
    import sqlite3

    assert cli("init").exit_code == 0
    cid = _add(cli, "Honest words.", "--said-on", "2023-03-01", "--confidence", "0.3", "--tag", "kept")
    with sqlite3.connect(str(db_path)) as conn:
        conn.execute("UPDATE claim SET text = 'Forged words.', confidence = 0.9 WHERE id = ?", (cid,))
        conn.execute("DELETE FROM claim_tag WHERE claim_id = ?", (cid,))
    claim = _list(cli, "--as-of", YESTERDAY)[cid]
    assert (claim["text"], claim["confidence"], claim["tags"]) == ("Honest words.", 0.3, ["kept"])
    assert _json(cli("show", str(cid), "--as-of", YESTERDAY, "--format", "json"))["text"] == "Honest words."
    assert cli("db", "check").exit_code == 1  # and the check names the forgery


def test_as_of_banner_says_every_field(cli: Callable[..., Run]) -> None:
    run = cli("list", "--help")
    assert run.exit_code == 0
    assert "Every claim as it stood" in " ".join(run.stdout.split())
