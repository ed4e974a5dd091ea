"""``undo`` takes back only your own changes, unless told which, and never one a later change needs.

Two authors share one database (``USER=alice`` / ``USER=bob``): in-process, and as real processes
running at the same time (``tests/forkserver.py``), on SQLite and on PostgreSQL
(``CLAIMTRACK_TEST_DB``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import pytest

import forkserver
from conftest import Run, table_digest


def ok(result: Run) -> Run:
    assert result.exit_code == 0, result.stderr
    return result


def refused(result: Run) -> str:
    assert result.exit_code == 1 and result.stderr.startswith("Error: "), (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("USER", name)
    monkeypatch.setenv("LOGNAME", name)


def status(cli: Callable[..., Run], cid: int) -> str:
    return str(json.loads(ok(cli("show", str(cid), "--format", "json")).stdout)["status"])


def test_the_issue_alice_cannot_take_back_bobs_confirmation_by_mistake(
    cli: Callable[..., Run], db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "Alice's claim", "--source", "Desk", "--confidence", "0.6"))
    as_user(monkeypatch, "bob")
    ok(cli("confirm", "1", "--note", "bob checked"))
    as_user(monkeypatch, "alice")
    before = table_digest(db_path)
    error = refused(cli("undo"))
    assert "cannot undo change 1 (added claim 1): change 2 by bob (confirm claim 1)" in error, error
    assert "claimtrack undo --change 2" in error
    assert table_digest(db_path) == before and status(cli, 1) == "confirmed"
    as_user(monkeypatch, "bob")
    done = ok(cli("undo"))
    assert done.stderr.startswith("Undid change 2 (yours): confirm claim 1"), done.stderr
    assert status(cli, 1) == "unverified"
    as_user(monkeypatch, "alice")
    assert ok(cli("undo")).stderr.startswith("Undid change 1 (yours): added claim 1")


def test_undo_skips_others_newer_changes_to_take_back_your_own(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "Alice's claim", "--source", "Desk"))
    as_user(monkeypatch, "bob")
    ok(cli("add", "Bob's claim", "--source", "Desk"))
    as_user(monkeypatch, "alice")
    dry = ok(cli("undo", "--dry-run"))
    assert dry.stdout.startswith("Would undo change 1 (yours): added claim 1"), dry.stdout
    ok(cli("undo"))
    listed = json.loads(ok(cli("list", "--format", "json")).stdout)
    assert [c["text"] for c in listed] == ["Bob's claim"]


def test_nothing_of_yours_says_whose_newest_is_and_how_to_take_it(
    cli: Callable[..., Run], db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "bob")
    ok(cli("add", "Bob's claim", "--source", "Desk"))
    as_user(monkeypatch, "alice")
    before = table_digest(db_path)
    error = refused(cli("undo"))
    assert "nothing of yours (alice) to undo" in error and "change 1 by bob (added claim 1)" in error, error
    assert "claimtrack undo --change 1" in error
    assert table_digest(db_path) == before


def test_change_and_anyone_take_back_anothers(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "bob")
    ok(cli("add", "First", "--source", "Desk"))
    ok(cli("add", "Second", "--source", "Desk"))
    as_user(monkeypatch, "alice")
    named = ok(cli("undo", "--change", "1"))
    assert named.stderr.startswith("Undid change 1 (by bob): added claim 1"), named.stderr
    newest = ok(cli("undo", "--anyone"))
    assert newest.stderr.startswith("Undid change 2 (by bob): added claim 2"), newest.stderr
    listed = ok(cli("undo", "--list")).stdout.splitlines()
    assert "alice" in listed[0] and "undid change 2" in listed[0]
    assert "[undone by change 3]" in listed[3] and "bob" in listed[3], listed


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (("--change", "99"), "no change 99 in the undo journal"),
        (("--change", "2"), "change 2 is itself an undo"),
        (("--change", "1"), "was undone already, by change 2"),
    ],
)
def test_a_change_that_cannot_be_named_is_one_error_line(
    cli: Callable[..., Run], db_path: Any, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], why: str
) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "A claim", "--source", "Desk"))
    ok(cli("undo"))
    before = table_digest(db_path)
    result = cli("undo", *args)
    assert result.exit_code == 1 and why in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert table_digest(db_path) == before


def test_a_change_a_later_one_depends_on_is_refused_naming_it(
    cli: Callable[..., Run], db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "A claim", "--source", "Desk"))  # change 1
    as_user(monkeypatch, "bob")
    ok(cli("confirm", "1"))  # change 2
    as_user(monkeypatch, "alice")
    ok(cli("note", "1", "seen it"))  # change 3
    ok(cli("add", "Another claim", "--source", "Desk"))  # change 4: another claim, no bearing
    as_user(monkeypatch, "bob")
    before = table_digest(db_path)
    for args in ((), ("--change", "2")):
        error = refused(cli("undo", *args))
        assert "cannot undo change 2 (confirm claim 1): change 3 by alice (" in error, error
        assert "undo that first (claimtrack undo --change 3)" in error
    assert table_digest(db_path) == before
    assert ok(cli("undo", "--anyone")).stderr.startswith("Undid change 4 (by alice)")  # nothing needs it
    as_user(monkeypatch, "alice")
    ok(cli("undo"))  # alice's note (change 3); its undo (change 6) does not hold bob's back
    as_user(monkeypatch, "bob")
    assert ok(cli("undo")).stderr.startswith("Undid change 2 (yours): confirm claim 1")
    assert status(cli, 1) == "unverified"


def test_a_source_change_a_later_one_depends_on_is_refused(
    cli: Callable[..., Run], db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("source", "set", "Wire", "--kind", "outlet"))  # change 1
    ok(cli("source", "rename", "Wire", "Wire One"))  # change 2
    as_user(monkeypatch, "bob")
    ok(cli("source", "rename", "Wire One", "Wire Two"))  # change 3
    as_user(monkeypatch, "alice")
    before = table_digest(db_path)
    error = refused(cli("undo"))
    assert "cannot undo change 2" in error and "change 3 by bob" in error and "same source" in error, error
    assert table_digest(db_path) == before


def test_log_shows_the_undo_id_undo_change_takes(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "A claim", "--source", "Desk"))
    ok(cli("confirm", "1"))
    events = json.loads(ok(cli("log", "--format", "json")).stdout)
    assert [(e["kind"], e["change_id"]) for e in events] == [("status", 2), ("created", 1)]
    table = ok(cli("log", "--format", "table", "--no-pager")).stdout  # COLUMNS=200
    assert "Undo ID" in table
    as_user(monkeypatch, "bob")
    assert ok(cli("undo", "--change", str(events[0]["change_id"]))).stderr.startswith("Undid change 2 (by alice)")


def test_list_cannot_be_mixed_with_an_undo(cli: Callable[..., Run]) -> None:
    ok(cli("add", "A claim", "--source", "Desk"))
    for args in (("--list", "--change", "1"), ("--change", "1", "--anyone")):
        result = cli("undo", *args)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "leave out --" in result.stderr and "Traceback" not in result.stderr, result.stderr


def _env(user: str) -> dict[str, str]:
    return {**os.environ, "USER": user, "LOGNAME": user}


def _journal(cli: Callable[..., Run]) -> list[str]:
    return ok(cli("undo", "--list")).stdout.splitlines()


def test_two_people_undoing_at_once_each_take_back_their_own(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    rounds = 3
    for i in range(rounds):  # interleaved: alice's and bob's changes alternate in the journal
        for user in ("alice", "bob"):
            as_user(monkeypatch, user)
            ok(cli("add", f"{user}'s claim {i}", "--source", "Desk"))
    procs = [
        forkserver.popen(["undo"], env=_env(user), stdout=-1, stderr=-1, text=True)
        for _ in range(rounds)
        for user in ("alice", "bob")
    ]
    outcomes = [(p.args, *p.communicate(timeout=120), p.returncode) for p in procs]
    assert all(code == 0 for *_, code in outcomes), outcomes
    assert all("(yours)" in err for _, _, err, _ in outcomes), outcomes
    assert json.loads(ok(cli("list", "--format", "json")).stdout) == []
    undos = [line for line in _journal(cli) if "undid change" in line]
    assert len(undos) == 2 * rounds
    for line in undos:  # each undo row is by the author of the change it took back
        who, undone = line.split()[2], int(line.split("undid change ")[1].split()[0])
        original = next(x for x in _journal(cli) if x.split()[0] == str(undone))
        assert original.split()[2] == who, (line, original)


def test_an_undo_racing_a_later_change_never_clobbers_it(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "A claim", "--source", "Desk"))
    ok(cli("confirm", "1"))  # change 2, alice's
    undo = forkserver.popen(["undo"], env=_env("alice"), stdout=-1, stderr=-1, text=True)
    refute = forkserver.popen(
        ["refute", "1", "--note", "bob disagrees"], env=_env("bob"), stdout=-1, stderr=-1, text=True
    )
    _, undo_err = undo.communicate(timeout=120)
    _, refute_err = refute.communicate(timeout=120)
    events = json.loads(ok(cli("log", "1", "--format", "json")).stdout)
    if undo.returncode == 0:  # the undo ran first: then bob refuted an unverified claim
        assert undo_err.startswith("Undid change 2 (yours)"), undo_err
        assert refute.returncode == 0, refute_err
        assert status(cli, 1) == "refuted"
        assert [e["author"] for e in events[:2]] == ["bob", "alice"]
    else:  # bob's refutation ran first: alice's undo names it and changes nothing
        assert undo.returncode == 1 and "change 3 by bob" in undo_err and undo_err.count("\n") == 1, undo_err
        assert refute.returncode == 0 and status(cli, 1) == "refuted"
        assert [e["author"] for e in events[:2]] == ["bob", "alice"] and len(events) == 3
