"""Several claims at once: ids and ranges (``3 5 8-12``), all or nothing; ``--from -`` and
``list --format ids``; and the rule that a status change cannot predate the claim."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from claimtrack import ids as id_list
from claimtrack.errors import InvalidInput
from conftest import SEED_CLAIMS, Run, table_digest


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def statuses(cli: Callable[..., Run]) -> dict[int, str]:
    return {c["id"]: c["status"] for c in json.loads(_ok(cli("list", "--format", "json")).stdout)}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["3"], [3]),
        (["3", "5", "8-12"], [3, 5, 8, 9, 10, 11, 12]),
        (["3,5", "4"], [3, 4, 5]),
        (["#7", "7", "7-7"], [7]),
        (["2-4,1"], [1, 2, 3, 4]),
        ([" 9 ", ""], [9]),
    ],
)
def test_ids_and_ranges_parse(typed: list[str], expected: list[int]) -> None:
    assert id_list.parse(typed) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        (["12-8"], "runs backwards"),
        (["abc"], "invalid claim id 'abc'"),
        (["0"], "from 1"),
        (["1_0"], "invalid claim id '1_0'"),
        (["３"], "invalid claim id"),
        (["1-"], "invalid claim id"),
        (["1-200000"], "at most 100000"),
        (["9223372036854775808"], "from 1 to"),
    ],
)
def test_bad_ids_are_refused_with_what_to_type(typed: list[str], words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        id_list.parse(typed)


def test_shown_folds_runs() -> None:
    assert id_list.shown([12, 3, 5, 8, 9, 10, 11]) == "3, 5, 8-12"


def test_status_of_several_claims_at_once(seeded: Callable[..., Run]) -> None:
    run = _ok(seeded("dispute", "5", "14", "26-27"))  # unverified in the seed
    assert run.stderr.strip() == "Claims 5, 14, 26-27 are now disputed."
    now = statuses(seeded)
    assert all(now[i] == "disputed" for i in (5, 14, 26, 27))
    _ok(seeded("undo"))  # one command, one change: undo takes all four back
    assert statuses(seeded)[27] == "unverified" and statuses(seeded)[5] == "unverified"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("confirm", "4", "6", "7"), "claim 6 is already confirmed"),
        (("confirm", "4", "99"), "no claim with id 99"),
        (("refute", "5", "26-40"), f"no claims with ids {SEED_CLAIMS + 1}-40"),  # all of them named at once
        (("note", "4", "99", "A note."), "no claim with id 99"),
        (("set", "4", "99", "--confidence", "10%"), "no claim with id 99"),
        (("restore", "4"), "claim 4 is not deleted"),
    ],
)
def test_all_or_nothing(seeded: Callable[..., Run], db_path: Any, args: tuple[str, ...], words: str) -> None:
    digest = table_digest(db_path)
    run = seeded(*args)
    assert run.exit_code == 1
    assert words in run.stderr and len(run.stderr.splitlines()) == 1, run.stderr
    assert table_digest(db_path) == digest


def test_set_on_several_claims_leaves_those_already_as_asked(seeded: Callable[..., Run]) -> None:
    _ok(seeded("set", "2", "--add-tag", "checked"))
    run = _ok(seeded("set", "1-3", "--add-tag", "checked"))
    assert "2 claims changed (1, 3)" in run.stderr and "left alone: 2" in run.stderr
    tags = {c["id"]: c["tags"] for c in json.loads(seeded("list", "--format", "json").stdout)}
    assert all("checked" in tags[i] for i in (1, 2, 3))


def test_note_on_several_claims(seeded: Callable[..., Run]) -> None:
    _ok(seeded("note", "4", "5", "Both in the same report.", "--evidence", "https://example.org/r"))
    for cid in (4, 5):
        last = json.loads(seeded("show", str(cid), "--format", "json").stdout)["events"][-1]
        assert last["note"] == "Both in the same report." and last["evidence_url"] == "https://example.org/r"


def test_list_format_ids_feeds_from_stdin(seeded: Callable[..., Run]) -> None:
    listed = _ok(
        seeded("list", "--source", "lankov", "--status", "unverified", "--limit", "3", "--format", "ids")
    ).stdout
    assert listed == "5\n7\n8\n"
    run = _ok(seeded("refute", "--from", "-", "--note", "all wrong", input=listed))
    assert run.stderr.strip() == "Claims 5, 7-8 are now refuted."
    assert [statuses(seeded)[i] for i in (5, 7, 8)] == ["refuted"] * 3


def test_from_a_file_and_the_command_line_together(seeded: Callable[..., Run], tmp_path: Any) -> None:
    listing = tmp_path / "ids.txt"
    listing.write_text("4\n\n7-8, 9\n", encoding="utf-8")
    _ok(seeded("delete", "3", "--from", str(listing), "--yes"))
    assert _ok(seeded("list", "--deleted", "--format", "ids")).stdout.split() == ["3", "4", "7", "8", "9"]


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ("", "standard input held no claim ids"),
        ("4\nfour\n", "invalid claim id 'four' (standard input, line 2)"),
        ("4\n" + "1" * 5000 + "\n", "ids are whole numbers from 1 to"),  # int() of 5000 digits raised ValueError
        ("1" * 200_000, "standard input, line 1 is longer than"),  # read in pieces, it was several ids
    ],
)
def test_bad_input_from_stdin(seeded: Callable[..., Run], db_path: Any, given: str, words: str) -> None:
    digest = table_digest(db_path)
    run = seeded("confirm", "--from", "-", input=given)
    assert run.exit_code == 1 and words in run.stderr, run.stderr
    assert table_digest(db_path) == digest


def test_from_a_missing_file(seeded: Callable[..., Run], tmp_path: Any) -> None:
    run = seeded("confirm", "--from", str(tmp_path / "nope.txt"))
    assert run.exit_code == 1 and "cannot read ids from" in run.stderr


def test_no_ids_at_all_is_a_usage_error(seeded: Callable[..., Run]) -> None:
    run = seeded("confirm")
    assert run.exit_code == 2 and "claim id" in run.stderr


def test_a_status_change_before_the_claim_was_made_is_refused(seeded: Callable[..., Run], db_path: Any) -> None:
    digest = table_digest(db_path)  # claim 20 was said on 2023-02-15 and is still unverified
    run = seeded("confirm", "20", "--at", "2023-01-15")
    assert run.exit_code == 1
    assert "before claim 20 was made (said on 2023-02-15)" in run.stderr and len(run.stderr.splitlines()) == 1
    assert table_digest(db_path) == digest
    _ok(seeded("confirm", "20", "--at", "2023-02-15"))  # the same day is fine


def test_show_lists_creation_first_even_when_a_change_is_back_dated(seeded: Callable[..., Run]) -> None:
    _ok(seeded("add", "A claim said last year.", "--source", "S", "--said-on", "2024-01-10"))
    new = str(SEED_CLAIMS + 1)
    _ok(seeded("confirm", new, "--at", "2024-02-01"))
    shown = json.loads(seeded("show", new, "--format", "json").stdout)
    assert [e["kind"] for e in shown["events"]] == ["created", "status"]
    table = _ok(seeded("show", new, "--format", "table")).stdout
    assert "said on 2024-01-10" in table
    assert table.index("created") < table.index("unverified -> confirmed")


@pytest.mark.parametrize("name", ["/dev/zero", "directory", "binary"])
def test_from_hostile_files_fails_at_once(seeded: Callable[..., Run], db_path: Any, tmp_path: Any, name: str) -> None:
    target = {"/dev/zero": "/dev/zero", "directory": str(tmp_path)}.get(name)
    if target is None:
        target = str(tmp_path / "blob.bin")
        (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    digest = table_digest(db_path)
    run = seeded("confirm", "--from", target)
    assert run.exit_code == 1 and len(run.stderr.splitlines()) == 1, run.stderr
    assert table_digest(db_path) == digest


def test_what_looks_like_ids_is_what_parse_reads() -> None:
    """``note`` refuses a note made only of ids (``note 3 5``); the test is ``ids.parse``'s own syntax."""
    from claimtrack import ids

    for text in ("5", " 8-12 ", "3, 5", "#4", "3 5 8-12"):
        assert ids.looks_like_ids(text), text
        ids.parse([text])  # and parse reads each of them
    for text in ("", "  ", "5 ships", "3.5", "٣", "12 noon", "1-"):
        assert not ids.looks_like_ids(text), text
