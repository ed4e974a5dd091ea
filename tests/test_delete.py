"""``delete`` and ``restore``: claims leave every view but ``show`` and ``list --deleted``, and come
back as they were; history tells the whole story, and ``--as-of`` what was believed when."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from conftest import SEED_CLAIMS, Run, table_digest


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def _json(run: Run) -> Any:
    return json.loads(_ok(run).stdout)


def ids(cli: Callable[..., Run], *args: str) -> list[int]:
    return [int(line) for line in _ok(cli("list", *args, "--format", "ids")).stdout.split()]


def test_deleted_claims_leave_every_view_but_show(seeded: Callable[..., Run]) -> None:
    # Claim 26 is the Russian commentators' only claim, 20 one of Lankov's: both unverified in the seed.
    _ok(seeded("confirm", "26"))
    _ok(seeded("refute", "20", "--at", "2024-01-01"))
    _ok(seeded("set", "26", "--review-by", "tomorrow"))
    before_sources = {s["name"]: s for s in _json(seeded("sources", "--format", "json"))}
    run = _ok(seeded("delete", "26", "20", "--yes"))
    assert run.stderr.startswith("Deleted 2 claims (20, 26)")

    assert 26 not in ids(seeded) and 20 not in ids(seeded)
    assert ids(seeded, "--deleted") == [20, 26]
    assert 26 not in ids(seeded, "--status", "confirmed")
    summary = {g["group"]: g["count"] for g in _json(seeded("summary", "--format", "json"))}
    assert sum(summary.values()) == SEED_CLAIMS - 2
    exported = _json(seeded("export", "--format", "json"))  # the backup holds them, as deleted (issue 26)
    assert {c["id"] for c in exported["claims"] if c["deleted_at"] is None} == set(range(1, SEED_CLAIMS + 1)) - {20, 26}
    assert {c["id"] for c in exported["claims"] if c["deleted_at"] is not None} == {20, 26}
    spreadsheet = csv.DictReader(io.StringIO(_ok(seeded("export", "--format", "csv")).stdout))
    assert {int(row["id"]) for row in spreadsheet} == set(range(1, SEED_CLAIMS + 1)) - {20, 26}
    sources = {s["name"]: s for s in _json(seeded("sources", "--format", "json"))}
    assert "Russian commentators" not in sources  # its one claim is deleted: it leaves the report with it
    assert sources["Andrei Lankov"]["refuted"] == before_sources["Andrei Lankov"]["refuted"] - 1
    assert 26 not in [c["id"] for c in _json(seeded("due", "--days", "30", "--format", "json"))]
    found = _ok(seeded("list", "--search", "turn", "--format", "tsv")).stdout.splitlines()
    assert not {"20", "26"} & {line.split("\t")[0] for line in found}

    shown = _json(seeded("show", "26", "--format", "json"))
    assert shown["deleted_at"] is not None and shown["status"] == "confirmed"
    table = _ok(seeded("show", "26", "--format", "table")).stdout
    assert "Deleted" in table and "claimtrack restore 26" in table

    _ok(seeded("restore", "26", "20"))
    assert ids(seeded) == list(range(1, SEED_CLAIMS + 1))
    assert {s["name"]: s for s in _json(seeded("sources", "--format", "json"))} == before_sources


def test_a_deleted_then_restored_claim_tells_the_whole_story(seeded: Callable[..., Run]) -> None:
    _ok(seeded("delete", "5"))
    _ok(seeded("restore", "5"))
    shown = _json(seeded("show", "5", "--format", "json"))
    assert shown["deleted_at"] is None
    story = [(e["kind"], e["field"], e["old"], e["new"]) for e in shown["events"][1:]]
    assert story == [("edit", "deleted", None, "deleted"), ("edit", "deleted", "deleted", None)]
    assert shown["events"][0]["kind"] == "created" and json.loads(shown["events"][0]["new"])["text"] == shown["text"]
    assert shown["events"][1]["at"] <= shown["events"][2]["at"]
    log = _json(seeded("log", "5", "--format", "json"))
    assert [e["field"] for e in log[:2]] == ["deleted", "deleted"]


def test_as_of_before_and_after_a_delete_and_restore(seeded: Callable[..., Run]) -> None:
    """Deleted today: yesterday it was there; today it is not; restored, it is there again."""
    _ok(seeded("delete", "6"))
    assert 6 in ids(seeded, "--as-of", "yesterday")
    assert 6 not in ids(seeded, "--as-of", "today")
    assert ids(seeded, "--deleted", "--as-of", "today") == [6]
    assert 6 not in ids(seeded, "--deleted", "--as-of", "yesterday")
    _ok(seeded("restore", "6"))
    assert 6 in ids(seeded, "--as-of", "today") and 6 in ids(seeded, "--as-of", "yesterday")
    assert ids(seeded, "--deleted", "--as-of", "today") == []


def test_deleting_twice_or_restoring_a_live_claim_changes_nothing(seeded: Callable[..., Run], db_path: Any) -> None:
    _ok(seeded("delete", "3"))
    digest = table_digest(db_path)
    for args, words in (
        (("delete", "2", "3", "--yes"), "claim 3 is already deleted"),
        (("restore", "3", "4"), "claim 4 is not deleted"),
        (("delete", "2", "99", "--yes"), "no claim with id 99"),
    ):
        run = seeded(*args)
        assert run.exit_code == 1, run
        assert words in run.stderr and len(run.stderr.splitlines()) == 1
        assert table_digest(db_path) == digest


def test_changing_a_deleted_claim_says_to_restore_it(seeded: Callable[..., Run], db_path: Any) -> None:
    _ok(seeded("delete", "3"))
    digest = table_digest(db_path)
    for args in (("confirm", "3"), ("set", "3", "--confidence", "50%"), ("note", "3", "x"), ("confirm", "2", "3")):
        run = seeded(*args)
        assert run.exit_code == 1 and "claimtrack restore 3" in run.stderr, run
    assert table_digest(db_path) == digest


def test_several_deletes_need_yes_off_a_terminal(seeded: Callable[..., Run], db_path: Any) -> None:
    digest = table_digest(db_path)
    run = seeded("delete", "1", "2")
    assert run.exit_code == 1 and "--yes" in run.stderr
    assert table_digest(db_path) == digest
    _ok(seeded("delete", "1"))  # one claim: no question


def test_delete_asks_on_a_terminal(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimtrack.cli.fix._interactive", lambda: True)
    no = seeded("delete", "1", "2", input="n\n")
    assert no.exit_code == 1 and "Nothing was deleted." in no.stderr
    assert "Delete these 2 claims?" in no.stderr and "North Korea" in no.stderr
    assert ids(seeded, "--deleted") == []
    yes = seeded("delete", "1", "2", input="y\n")
    assert yes.exit_code == 0, yes.stderr
    assert ids(seeded, "--deleted") == [1, 2]


def test_deleted_claims_do_not_count_in_calibration(seeded: Callable[..., Run]) -> None:
    _ok(seeded("refute", "20"))  # unverified in the seed, with a stated confidence
    with_it = _json(seeded("calibration", "--format", "json"))
    _ok(seeded("delete", "20"))
    without = _json(seeded("calibration", "--format", "json"))
    assert sum(b["count"] for b in without["bins"]) == sum(b["count"] for b in with_it["bins"]) - 1
    _ok(seeded("restore", "20"))
    assert _json(seeded("calibration", "--format", "json")) == with_it


@pytest.mark.sqlite_only
def test_db_copy_keeps_deleted_claims_deleted(seeded: Callable[..., Run], db_path: Any, tmp_path: Any) -> None:
    _ok(seeded("delete", "2"))
    _ok(seeded("delete", "3"))
    _ok(seeded("restore", "3"))
    copy = tmp_path / "copy.db"
    _ok(seeded("db", "copy", str(db_path), str(copy)))
    assert _ok(seeded("--db", str(copy), "list", "--deleted", "--format", "ids")).stdout.split() == ["2"]
    assert len(_ok(seeded("--db", str(copy), "list", "--format", "ids")).stdout.split()) == SEED_CLAIMS - 1
    original = _json(seeded("show", "3", "--format", "json"))
    copied = _json(seeded("--db", str(copy), "show", "3", "--format", "json"))
    assert copied["events"] == original["events"] and copied["deleted_at"] is None
    assert _json(seeded("--db", str(copy), "show", "2", "--format", "json"))["deleted_at"] is not None


@pytest.mark.sqlite_only
def test_db_check_finds_a_claim_deleted_without_an_event(seeded: Callable[..., Run], db_path: Any) -> None:
    import sqlite3

    _ok(seeded("delete", "2"))
    assert _json(seeded("db", "check", "--format", "json"))["ok"] is True
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE claim SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = 3")
    conn.execute("UPDATE claim SET deleted_at = NULL WHERE id = 2")
    conn.commit()
    conn.close()
    report = seeded("db", "check", "--format", "json")
    findings = json.loads(report.stdout)["findings"]
    assert "claim 2: live, but its history says deleted (changed without an event)" in findings
    assert "claim 3: deleted, but its history says live (changed without an event)" in findings
