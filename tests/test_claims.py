"""The everyday jobs: add a claim, list and filter, update it as news arrives, see its history."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest


def add(cli, *args: str) -> dict:
    result = cli("add", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)[0]


def events_of(cli, claim_id: int) -> list[dict]:
    result = cli("show", str(claim_id), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["events"]


def test_add_stores_every_field(cli):
    claim = add(
        cli,
        "Russia vetoed new UN sanctions.",
        "--source",
        "The Bell",
        "--confidence",
        "very likely",
        "--status",
        "confirmed",
        "--url",
        "https://example.org/a",
        "--said-on",
        "2022-05-26",
        "--tag",
        "UN",
        "--tag",
        "sanctions",
        "--quote",
        "Russia vetoed",
        "--review-by",
        "2030-01-01",
    )
    assert claim["id"] == 1
    assert claim["text"] == "Russia vetoed new UN sanctions."
    assert claim["source"] == "The Bell"
    assert claim["status"] == "confirmed"
    assert claim["confidence"] == 0.875
    assert claim["confidence_label"] == "87.5% very likely"
    assert claim["tags"] == ["sanctions", "un"]
    assert claim["url"] == "https://example.org/a"
    assert claim["said_on"] == "2022-05-26"
    assert claim["quote"] == "Russia vetoed"
    assert claim["review_by"] == "2030-01-01"
    assert len(claim["uuid"]) == 36


def test_add_reports_new_source_and_suggests_existing(seeded):
    result = seeded("add", "Something checkable.", "--source", "Lankov")
    assert result.exit_code == 0
    assert "New source 'Lankov' created" in result.stderr
    assert "Andrei Lankov" in result.stderr
    # An existing source, typed in another case, is reused and not reported as new.
    again = seeded("add", "Another one.", "--source", "andrei LANKOV", "--format", "json")
    assert "New source" not in again.stderr
    assert json.loads(again.stdout)[0]["source"] == "Andrei Lankov"


def test_acceptance_added_confirmed_refuted_shows_three_changes(cli):
    claim = add(cli, "North Korea sends workers to Donetsk.", "--source", "Media reports", "--said-on", "2023-02-01")
    cid = str(claim["id"])
    confirmed = cli(
        "confirm",
        cid,
        "--note",
        "Two agencies report it",
        "--evidence",
        "https://example.org/r",
        "--at",
        "2024-06-19T14:30:00+02:00",
    )
    assert confirmed.exit_code == 0, confirmed.stderr
    refuted = cli("refute", cid, "--note", "Agencies retracted")
    assert refuted.exit_code == 0, refuted.stderr

    events = events_of(cli, claim["id"])
    # The created event's new holds what the claim was created with (claimtrack.history): here its status.
    assert [
        (e["kind"], e["old"], json.loads(e["new"])["status"] if e["kind"] == "created" else e["new"]) for e in events
    ] == [
        ("created", None, "unverified"),  # always first, even when a change is back-dated before it was entered
        ("status", "unverified", "confirmed"),  # back-dated to when the news broke
        ("status", "confirmed", "refuted"),
    ]
    confirm_event = events[1]
    assert confirm_event["at"] == "2024-06-19T12:30:00Z"  # converted to UTC
    assert confirm_event["recorded_at"] > confirm_event["at"]
    assert confirm_event["note"] == "Two agencies report it"
    assert confirm_event["evidence_url"] == "https://example.org/r"
    assert events[2]["note"] == "Agencies retracted"
    for event in events:
        assert event["at"].endswith("Z") and event["recorded_at"].endswith("Z")

    table = cli("show", cid, "--format", "table")
    assert table.exit_code == 0
    for text in (
        "created",
        "unverified -> confirmed",
        "confirmed -> refuted",
        "2024-06-19T12:30:00Z",
        "Two agencies report it",
        "https://example.org/r",
        "Agencies retracted",
    ):
        assert text in table.stdout


@pytest.mark.sqlite_only
def test_each_change_writes_exactly_one_event(cli, db_path: Path):
    claim = add(cli, "A claim.", "--source", "S")
    cid = str(claim["id"])
    steps = [
        ("dispute", cid),
        ("reopen", cid),
        ("set", cid, "--confidence", "30%"),
        ("set", cid, "--text", "A corrected claim."),
        ("note", cid, "Read the transcript", "--evidence", "https://example.org/t"),
    ]
    for expected, step in enumerate(steps, start=2):
        assert cli(*step).exit_code == 0, step
        with sqlite3.connect(db_path) as conn:
            assert (
                conn.execute("SELECT count(*) FROM event WHERE claim_id = ?", (claim["id"],)).fetchone()[0] == expected
            )


def test_set_changes_fields_with_history(cli):
    claim = add(cli, "Original text.", "--source", "A", "--tag", "one", "--confidence", "0.2")
    cid = str(claim["id"])
    result = cli(
        "set",
        cid,
        "--confidence",
        "likely",
        "--text",
        "New text.",
        "--source",
        "B",
        "--url",
        "https://x.org",
        "--said-on",
        "2023-02-15",
        "--add-tag",
        "two",
        "--remove-tag",
        "one",
        "--review-by",
        "2031-01-01",
        "--note",
        "after re-reading",
    )
    assert result.exit_code == 0, result.stderr
    assert "8 changes recorded" in result.stderr
    shown = json.loads(cli("show", cid, "--format", "json").stdout)
    assert (shown["text"], shown["source"], shown["url"], shown["said_on"]) == (
        "New text.",
        "B",
        "https://x.org",
        "2023-02-15",
    )
    assert shown["tags"] == ["two"]
    assert shown["confidence"] == 0.675 and shown["confidence_label"] == "67.5% likely"
    changes = {(e["field"], e["old"], e["new"]) for e in shown["events"] if e["kind"] != "created"}
    assert ("confidence", "0.2", "likely") in changes
    assert ("text", "Original text.", "New text.") in changes
    assert ("source", "A", "B") in changes
    assert ("tag", None, "two") in changes and ("tag", "one", None) in changes
    assert all(e["note"] == "after re-reading" for e in shown["events"] if e["kind"] != "created")
    # Clearing optional values is a change too.
    assert cli("set", cid, "--confidence", "none", "--url", "").exit_code == 0
    cleared = json.loads(cli("show", cid, "--format", "json").stdout)
    assert cleared["confidence"] is None and cleared["confidence_label"] is None and cleared["url"] is None


def test_updated_at_moves_and_created_at_does_not(cli):
    claim = add(cli, "A claim.", "--source", "S")
    cli("refute", str(claim["id"]), "--at", "2020-01-01")
    shown = json.loads(cli("show", str(claim["id"]), "--format", "json").stdout)
    assert shown["created_at"] == claim["created_at"]
    assert shown["updated_at"] >= claim["updated_at"]
    # show lists the claim's creation first, then changes by when they happened (even back-dated ones).
    assert [e["kind"] for e in shown["events"]] == ["created", "status"]


def test_list_filters_combine(seeded):
    def ids(*args: str) -> list[int]:
        result = seeded("list", *args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return [c["id"] for c in json.loads(result.stdout)]

    everything = json.loads(seeded("list", "--format", "json").stdout)
    assert len(everything) >= 12
    confirmed = ids("--status", "confirmed")
    assert confirmed and all(c["status"] == "confirmed" for c in everything if c["id"] in confirmed)
    either = ids("--status", "confirmed", "--status", "unverified")
    assert set(either) == {c["id"] for c in everything if c["status"] in ("confirmed", "unverified")}
    lankov = ids("--source", "lankov")
    assert lankov and all(c["source"] == "Andrei Lankov" for c in everything if c["id"] in lankov)
    tagged = ids("--tag", "sanctions")
    assert tagged and all("sanctions" in c["tags"] for c in everything if c["id"] in tagged)
    both = ids("--tag", "sanctions", "--source", "lankov")
    assert set(both) == set(tagged) & set(lankov)
    high = ids("--min-confidence", "very likely")
    assert high and all(c["confidence"] >= 0.875 for c in everything if c["id"] in high)
    assert ids("--limit", "3") == [c["id"] for c in everything][:3]
    assert ids("--tag", "no-such-tag") == []


def test_list_sorts(seeded):
    rows = json.loads(seeded("list", "--sort", "confidence", "--desc", "--format", "json").stdout)
    values = [r["confidence"] for r in rows if r["confidence"] is not None]
    assert values == sorted(values, reverse=True)
    assert rows[-1]["confidence"] is None  # unassessed claims go last
    by_id_desc = [r["id"] for r in json.loads(seeded("list", "--desc", "--format", "json").stdout)]
    assert by_id_desc == sorted(by_id_desc, reverse=True)


def test_empty_list_is_success(cli):
    assert cli("init").exit_code == 0
    result = cli("list", "--format", "tsv")
    assert result.exit_code == 0 and result.stdout == ""
    assert cli("list", "--format", "json").stdout.strip() == "[]"


def test_log_newest_first_and_per_claim(cli):
    a = add(cli, "First.", "--source", "S")
    b = add(cli, "Second.", "--source", "S")
    cli("confirm", str(a["id"]), "--at", "2024-01-01")
    cli("refute", str(b["id"]), "--at", "2024-02-01")
    events = json.loads(cli("log", "--format", "json").stdout)
    ats = [e["at"] for e in events]
    assert ats == sorted(ats, reverse=True)
    assert {e["claim_id"] for e in events} == {a["id"], b["id"]}
    only_a = json.loads(cli("log", str(a["id"]), "--format", "json").stdout)
    assert {e["claim_id"] for e in only_a} == {a["id"]} and len(only_a) == 2
    since = json.loads(cli("log", "--since", "2024-01-15", "--format", "json").stdout)
    assert all(e["at"] >= "2024-01-15" for e in since) and any(e["new"] == "refuted" for e in since)
    assert len(json.loads(cli("log", "--limit", "1", "--format", "json").stdout)) == 1


@pytest.mark.sqlite_only
def test_ids_are_never_reused(cli, db_path: Path):
    add(cli, "One.", "--source", "S")
    add(cli, "Two.", "--source", "S")
    with sqlite3.connect(db_path) as conn:  # not a user feature: simulate a row removed by hand
        conn.execute("DROP TRIGGER IF EXISTS event_no_delete")
        conn.execute("DELETE FROM event WHERE claim_id = 2")
        conn.execute("DELETE FROM claim WHERE id = 2")
    assert add(cli, "Three.", "--source", "S")["id"] == 3


def test_status_changes_cannot_be_back_dated_before_the_last_one(cli, db_path: Path):
    """History must replay to the current status, so a change may not land before the last one."""
    from conftest import table_digest

    claim = add(cli, "Ordered.", "--source", "S")
    cid = str(claim["id"])
    assert cli("dispute", cid, "--at", "2024-09-01").exit_code == 0
    before = table_digest(db_path)
    late = cli("confirm", cid, "--at", "2024-06-19")
    assert late.exit_code == 1
    assert "before claim" in late.stderr and "2024-09-01" in late.stderr
    assert table_digest(db_path) == before
    assert cli("confirm", cid, "--at", "2024-09-02").exit_code == 0
    today = json.loads(cli("list", "--as-of", "2100-01-01", "--format", "json").stdout)
    assert [c["status"] for c in today if c["id"] == claim["id"]] == ["confirmed"]


def test_a_note_can_be_back_dated_but_not_before_the_claim_was_said(cli, db_path: Path):
    """``note --at``: when the news it records broke (match --review uses it); never in the future,
    never before the claim was said, and a refused one changes nothing."""
    from conftest import table_digest

    cid = str(add(cli, "Noted.", "--source", "S", "--said-on", "2024-01-10")["id"])
    assert (
        cli("note", cid, "Reported by a wire", "--at", "2024-03-05", "--evidence", "https://example.org/w").exit_code
        == 0
    )
    events = json.loads(cli("show", cid, "--format", "json").stdout)["events"]
    note = [e for e in events if e["kind"] == "note"][-1]
    assert note["at"].startswith("2024-03-05") and note["recorded_at"] > note["at"]
    before = table_digest(db_path)
    for when, says in (("2024-01-09", "before claim"), ("2999-01-01", "in the future")):
        run = cli("note", cid, "Too early or late", "--at", when)
        assert run.exit_code == 1 and says in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert table_digest(db_path) == before
