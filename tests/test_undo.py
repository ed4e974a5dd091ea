"""``undo``: every kind of change is taken back by new events, newest first, never twice.

The state a user sees (every claim, live or deleted, and every source's track record) must be
exactly what it was before the change; the history must have grown, never shrunk.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, open_db, table_digest


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def state(cli: Callable[..., Run]) -> dict[str, Any]:
    """What the user sees, without the times that record when (updated_at moves on an undo)."""
    live = json.loads(_ok(cli("list", "--format", "json")).stdout)
    gone = json.loads(_ok(cli("list", "--deleted", "--format", "json")).stdout)
    for claim in live + gone:
        claim.pop("updated_at")
    sources = json.loads(_ok(cli("sources", "--format", "json")).stdout)
    return {"live": live, "deleted": gone, "sources": sources}


def events(cli: Callable[..., Run], cid: int) -> list[dict[str, Any]]:
    return json.loads(_ok(cli("show", str(cid), "--format", "json")).stdout)["events"]


def event_count(db_path: Any) -> int:
    conn = open_db(db_path)
    try:
        return int(conn.execute("SELECT count(*) FROM event").fetchone()[0])
    finally:
        conn.close()


# Each change a user can make, on the seeded database (5, 14, 15 and 17 are unverified there).
CHANGES: dict[str, list[tuple[str, ...]]] = {
    "add": [("add", "A brand new claim.", "--source", "Someone New", "--tag", "fresh", "--confidence", "likely")],
    "add to a known source": [("add", "Another claim.", "--source", "andrei lankov")],
    "confirm": [("confirm", "5", "--note", "seen it", "--evidence", "https://example.org/e", "--at", "2024-01-02")],
    "refute several": [("refute", "5", "14-15", "17")],
    "dispute": [("dispute", "5")],
    "reopen": [("confirm", "5"), ("reopen", "5")],
    "set confidence": [("set", "2", "--confidence", "90%")],
    "clear confidence": [("set", "2", "--confidence", "none")],
    "set text": [("set", "2", "--text", "Corrected wording of claim two.")],
    "set source (new)": [("set", "2", "--source", "FNV Haven")],
    "set source (existing)": [("set", "2", "3", "--source", "The Bell")],
    "set url, said_on, quote, review_by": [
        (
            "set",
            "2",
            "--url",
            "https://example.org/a",
            "--said-on",
            "2023-01-01",
            "--quote",
            "the words",
            "--review-by",
            "2099-01-01",
        )
    ],
    "clear url": [("set", "1", "--url", "https://example.org/u"), ("set", "1", "--url", "")],
    "tags": [("set", "1", "2", "--add-tag", "new-tag", "--remove-tag", "russia")],
    "delete": [("delete", "9", "10", "--yes")],
    "restore": [("delete", "9"), ("restore", "9")],
    "source set (new)": [("source", "set", "Brand New Outlet", "--kind", "outlet")],
    "source set (details)": [("source", "set", "The Bell", "--reliability", "A", "--url", "https://thebell.io")],
    "source rename": [
        ("source", "set", "Kim Yo-Jong", "--kind", "person", "--reliability", "C"),
        ("source", "rename", "Kim Yo-Jong", "Kim Yo Jong"),
    ],
    "source merge": [
        ("source", "set", "Kim Yo-Jong", "--reliability", "D"),
        ("delete", "3"),
        ("confirm", "23"),
        ("source", "merge", "The Bell", "Kim Yo-Jong"),
    ],
    "source delete": [
        ("source", "set", "Empty Outlet", "--kind", "outlet", "--reliability", "B"),
        ("source", "delete", "Empty Outlet"),
    ],
}


@pytest.mark.parametrize("steps", list(CHANGES.values()), ids=list(CHANGES))
def test_undo_takes_back_each_kind_of_change(
    seeded: Callable[..., Run], db_path: Any, steps: list[tuple[str, ...]]
) -> None:
    for step in steps[:-1]:
        _ok(seeded(*step))
    before = state(seeded)
    _ok(seeded(*steps[-1]))
    changed = state(seeded)
    assert changed != before, "the change changed nothing visible"
    known = {c["id"] for c in before["live"] + before["deleted"]}
    created = {c["id"] for c in changed["live"]} - known
    written = event_count(db_path)

    run = _ok(seeded("undo"))
    assert run.stderr.startswith("Undid change "), run.stderr
    after = state(seeded)
    # A claim the change created is deleted by its undo: in list --deleted, nowhere else.
    assert {c["id"] for c in after["deleted"]} - known == created
    after["deleted"] = [c for c in after["deleted"] if c["id"] not in created]
    assert after == before
    assert event_count(db_path) >= written  # history only grows (a source set writes no claim event)


def test_undo_of_a_note_withdraws_it(seeded: Callable[..., Run]) -> None:
    _ok(seeded("note", "5", "6", "A note on two claims.", "--evidence", "https://example.org/n"))
    run = _ok(seeded("undo"))
    assert "claim 5: note withdrawn: A note on two claims." in run.stderr
    for cid in (5, 6):
        last = events(seeded, cid)[-2:]
        assert [(e["kind"], e["field"]) for e in last] == [("note", None), ("note", "withdrawn")]
        assert last[1]["old"] == "A note on two claims." and last[1]["new"] is None


def test_undo_of_an_add_deletes_the_claim_and_show_tells_the_story(cli: Callable[..., Run]) -> None:
    added = json.loads(
        _ok(cli("add", "Pyongyang opened a new rail line.", "--source", "S", "--format", "json")).stdout
    )[0]
    run = _ok(cli("undo"))
    assert f"claim {added['id']}: deleted" in run.stderr
    assert json.loads(_ok(cli("list", "--format", "json")).stdout) == []
    shown = json.loads(_ok(cli("show", str(added["id"]), "--format", "json")).stdout)
    assert shown["deleted_at"] is not None
    assert [(e["kind"], e["field"]) for e in shown["events"]] == [("created", None), ("edit", "deleted")]
    assert (
        json.loads(shown["events"][0]["new"])["text"] == "Pyongyang opened a new rail line."
    )  # what it was added with
    assert shown["events"][1]["new"] == "deleted"
    assert "undo" in shown["events"][1]["note"]
    # The same text may be added again: a deleted claim is not a duplicate.
    _ok(cli("add", "Pyongyang opened a new rail line.", "--source", "S"))


def test_undo_of_an_import_takes_back_the_whole_import(cli: Callable[..., Run], tmp_path: Path) -> None:
    _ok(cli("add", "Kept from before.", "--source", "S"))
    csv = tmp_path / "claims.csv"
    csv.write_text(
        "text,source,status\n" + "".join(f"Imported claim {i}.,Importer,unverified\n" for i in range(30)),
        encoding="utf-8",
    )
    _ok(cli("import", str(csv)))
    assert len(json.loads(cli("list", "--format", "json").stdout)) == 31
    dry = _ok(cli("undo", "--dry-run"))
    assert dry.stdout.startswith("Would undo change") and "imported 30 claims" in dry.stdout
    assert "and 10 more changes" in dry.stdout  # 30 deletions, 20 shown
    assert len(json.loads(cli("list", "--format", "json").stdout)) == 31  # a dry run changes nothing
    _ok(cli("undo"))
    assert [c["text"] for c in json.loads(cli("list", "--format", "json").stdout)] == ["Kept from before."]
    assert len(json.loads(cli("list", "--deleted", "--format", "json").stdout)) == 30
    # The importer's source has only deleted claims now: it leaves the sources report.
    assert [s["name"] for s in json.loads(cli("sources", "--format", "json").stdout)] == ["S"]
    # Importing the file again works: deleted claims are not duplicates.
    _ok(cli("import", str(csv)))
    assert len(json.loads(cli("list", "--format", "json").stdout)) == 31


def test_undo_steps_back_one_change_at_a_time_and_never_twice(seeded: Callable[..., Run]) -> None:
    snapshots = [state(seeded)]
    for step in (("confirm", "5"), ("set", "5", "--confidence", "10%"), ("note", "5", "A note."), ("delete", "5")):
        _ok(seeded(*step))
        snapshots.append(state(seeded))
    undone = []
    for expected in reversed(snapshots[:-1]):
        run = _ok(seeded("undo"))
        undone.append(run.stderr.split(":")[0])
        assert state(seeded) == expected
    assert len(set(undone)) == 4  # four different changes
    # Next comes the seed itself (it is one change), then nothing.
    _ok(seeded("undo"))
    assert json.loads(seeded("list", "--format", "json").stdout) == []
    last = seeded("undo")
    assert last.exit_code == 1
    assert last.stderr.startswith("Error: nothing to undo") and len(last.stderr.splitlines()) == 1


def test_dry_run_writes_nothing(seeded: Callable[..., Run], db_path: Any) -> None:
    _ok(seeded("refute", "5"))
    digest = table_digest(db_path)
    run = _ok(seeded("undo", "--dry-run"))
    assert "claim 5: status refuted -> unverified" in run.stdout
    assert table_digest(db_path) == digest
    assert _ok(seeded("undo")).stderr.splitlines()[0].replace("Undid", "Would undo") == run.stdout.splitlines()[0]


def test_undo_on_an_empty_database_says_there_is_nothing(cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    run = cli("undo")
    assert run.exit_code == 1 and "nothing to undo" in run.stderr


def test_redo_is_doing_it_again(seeded: Callable[..., Run]) -> None:
    """Undo never takes back an undo: after undoing a change, undo goes further back."""
    _ok(seeded("confirm", "5"))
    _ok(seeded("refute", "14"))
    _ok(seeded("undo"))  # refute 14 taken back
    second = _ok(seeded("undo")).stderr  # then confirm 5, not the undo
    assert "confirm claim 5" in second
    statuses = {c["id"]: c["status"] for c in json.loads(seeded("list", "--format", "json").stdout)}
    assert statuses[5] == "unverified" and statuses[14] == "unverified"


def test_back_dated_change_undone_keeps_as_of_truthful(seeded: Callable[..., Run]) -> None:
    """A mistake taken back stays in history (show tells it), but for --as-of it never happened."""
    _ok(seeded("confirm", "5", "--at", "2024-03-01"))
    _ok(seeded("undo"))
    assert json.loads(seeded("show", "5", "--as-of", "2024-06-01", "--format", "json").stdout)["status"] == "unverified"
    assert json.loads(seeded("show", "5", "--format", "json").stdout)["status"] == "unverified"
    kinds = [(e["kind"], e["old"], e["new"]) for e in events(seeded, 5)]
    assert kinds[-2:] == [("status", "unverified", "confirmed"), ("status", "confirmed", "unverified")]


def _process(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def test_two_processes_undoing_at_once_take_back_two_different_changes(seeded: Callable[..., Run]) -> None:
    _ok(seeded("confirm", "5"))
    _ok(seeded("refute", "14"))
    _ok(seeded("dispute", "15"))
    first, second = _process("undo"), _process("undo")
    outs = [p.communicate(timeout=120) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outs
    heads = sorted(err.splitlines()[0] for _, err in outs)
    assert len(set(heads)) == 2, heads  # never the same change twice
    statuses = {c["id"]: c["status"] for c in json.loads(seeded("list", "--format", "json").stdout)}
    # The two newest changes were taken back, whichever process got which.
    assert statuses[15] == "unverified" and statuses[14] == "unverified" and statuses[5] == "confirmed"


def test_two_processes_undoing_one_change_one_finds_nothing(cli: Callable[..., Run]) -> None:
    _ok(cli("add", "The only change.", "--source", "S"))
    procs = [_process("undo"), _process("undo")]
    outs = [p.communicate(timeout=120) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 1], outs
    assert any("nothing to undo" in err for _, err in outs)


def test_journal_rows_name_their_events(seeded: Callable[..., Run], db_path: Any) -> None:
    _ok(seeded("confirm", "5", "14"))
    _ok(seeded("undo"))
    conn = open_db(db_path)
    try:
        rows = conn.execute(
            "SELECT id, command, first_event, last_event, undoes FROM change_log ORDER BY id"
        ).fetchall()
        statuses = conn.execute("SELECT id FROM event WHERE kind = 'status' ORDER BY id").fetchall()
    finally:
        conn.close()
    seed, confirm, undo = rows[-3:]
    assert seed[1] == "seed" and confirm[1] == "confirm" and undo[1] == "undo"
    assert undo[4] == confirm[0] and confirm[4] is None
    assert confirm[3] - confirm[2] == 1  # two events, consecutive
    assert undo[2] > confirm[3]
    assert [r[0] for r in statuses][-4:] == [confirm[2], confirm[3], undo[2], undo[3]]


@pytest.mark.sqlite_only
def test_the_journal_is_append_only(seeded: Callable[..., Run], db_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        for sql in ("UPDATE change_log SET summary = 'x'", "DELETE FROM change_log"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                conn.execute(sql)
    finally:
        conn.close()


def test_undo_of_an_edit_takes_back_every_field_it_changed(
    seeded: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "lines = [('confidence: 10%' if l.startswith('confidence:') else 'url: https://example.org/x'"
        " if l.startswith('url:') else l) for l in p.read_text().split('\\n')]\n"
        "p.write_text('\\n'.join(lines))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    before = state(seeded)
    _ok(seeded("edit", "2"))
    assert state(seeded) != before
    run = _ok(seeded("undo"))
    assert "edit claim 2" in run.stderr
    assert state(seeded) == before


def test_a_history_with_undos_survives_export_and_import(seeded: Callable[..., Run], tmp_path: Path) -> None:
    for step in (
        ("note", "4", "A note taken back."),
        ("undo",),
        ("delete", "5"),
        ("restore", "5"),
        ("confirm", "7"),
        ("undo",),
        ("set", "8", "--add-tag", "x"),
        ("undo",),
    ):
        _ok(seeded(*step))
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _ok(seeded("export", "--format", "json", "--output", str(first)))
    copy = tmp_path / "copy.db"
    _ok(seeded("--db", str(copy), "import", str(first)))
    _ok(seeded("--db", str(copy), "export", "--format", "json", "--output", str(second)))
    assert second.read_bytes() == first.read_bytes()
    shown = json.loads(_ok(seeded("--db", str(copy), "show", "4", "--format", "json")).stdout)
    assert [(e["kind"], e["field"]) for e in shown["events"]][-2:] == [("note", None), ("note", "withdrawn")]
