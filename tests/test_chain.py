"""Issue 29, point 4: a history that proves itself.

Every event and undo-journal row carries a SHA-256 hash chained to the row before it (``store.chain``);
``db check`` walks both chains and names the first row that breaks one, even when the append-only
triggers were dropped and put back around the edit; backups carry the hashes and the chain's head;
``db verify`` compares a backup with the database; a report can state the head it was made from.
The hashes are recomputed here from the encoding the docstring of ``store.chain`` documents, not with
its code.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SERVER, Run, open_db
from test_migrations import build_v1

INT_COLUMNS = {"id", "claim_id", "reverses", "first_event", "last_event", "undoes"}


def ok(result: Run) -> Run:
    assert result.exit_code == 0, result.stderr
    return result


def documented_chain(target: Any, table: str) -> list[tuple[int, str | None, str]]:
    """(id, stored hash, the hash the documented encoding gives) of every row, in id order."""
    conn = open_db(target)
    try:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cursor.description]
        found, prev = [], ""
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            content = {
                k: (int(v) if k in INT_COLUMNS else str(v)) for k, v in row.items() if v is not None and k != "hash"
            }
            text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            prev = hashlib.sha256(f"{prev}\n{table}\n{text}".encode()).hexdigest()
            found.append((row["id"], row["hash"], prev))
        return found
    finally:
        conn.close()


def assert_chained(target: Any) -> None:
    for table in ("event", "change_log"):
        rows = documented_chain(target, table)
        assert rows, table
        assert [stored for _, stored, _ in rows] == [want for _, _, want in rows], table


def check(cli: Callable[..., Run], *target: str) -> tuple[int, list[str]]:
    result = cli(*target, "db", "check", "--format", "json")
    return result.exit_code, json.loads(result.stdout)["findings"]


def write_csv(path: Path) -> Path:
    path.write_text("text,source,confidence,tags\nImported one,Wire,0.4,a\nImported two,Wire,0.7,b\n")
    return path


@pytest.mark.parametrize(
    "row",
    [
        {"id": 7, "claim_id": "12", "at": "2024-01-01T00:00:00Z", "kind": "note", "note": None, "hash": "x"},
        {"id": 1, "new": '{"a":"b\\"c"}', "note": "tab\tnew\nline \x01 é ✓ 🙂 \u2028 </script>", "old": 0.5},
        {"id": 2, "summary": "", "detail": '{"new_sources":[1]}', "first_event": 3, "last_event": 9, "undoes": None},
    ],
)
def test_the_canonical_encoding_is_the_documented_json(row: dict[str, Any]) -> None:
    """``store.chain.canonical`` builds by hand what the docstring documents with ``json.dumps``."""
    from claimtrack.store import chain

    content = {k: (int(v) if k in INT_COLUMNS else str(v)) for k, v in row.items() if v is not None and k != "hash"}
    assert chain.canonical(row) == json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_every_writer_hashes_what_it_writes_and_db_check_walks_both_chains(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    """Seed, add, confirm, note, set, source rename and merge, delete, undo, CSV and backup imports:
    every row is hashed after the one before it, as the documented encoding says."""
    cli = seeded
    ok(cli("add", "Prices will fall — «bientôt»", "--source", "Desk", "--confidence", "0.6", "--tag", "x"))
    ok(cli("confirm", "4", "--note", "checked ✓"))
    ok(cli("note", "2", "a note"))
    ok(cli("set", "3", "--confidence", "0.25"))
    ok(cli("source", "rename", "Desk", "News Desk"))
    ok(cli("add", "Another", "--source", "Other Desk"))
    ok(cli("source", "merge", "Other Desk", "News Desk"))
    ok(cli("delete", "4"))
    ok(cli("undo"))
    ok(cli("import", str(write_csv(tmp_path / "claims.csv"))))
    backup = tmp_path / "backup.jsonl"
    ok(cli("export", "--format", "jsonl", "-o", str(backup)))
    ok(cli("import", str(backup), "--allow-duplicates"))  # nothing new (same uuids): a journal row at most
    assert_chained(db_path)
    assert check(cli) == (0, [])


def tamper(target: Any, *statements: str) -> None:
    """Run SQL behind claimtrack's back with the append-only triggers dropped, then put them back."""
    conn = sqlite3.connect(target)
    try:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('event', 'change_log')"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement)
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("statements", "finding"),
    [
        (
            ["UPDATE event SET note = 'not what was said' WHERE id = 5"],
            "event 5: hash does not follow from event 4: event 5 (or the one before it) was edited",
        ),
        (
            [
                "UPDATE event SET note = 'rewritten' WHERE id = 5",
                "UPDATE event SET hash = 'f' || substr(hash, 2) WHERE id = 5",
            ],
            "event 5: hash does not follow from event 4",
        ),
        (
            ["DELETE FROM event WHERE id = 5"],
            "event 6: hash does not follow from event 4: event 5 deleted, or event 6 edited",
        ),
        (
            [
                "INSERT INTO event (id, claim_id, at, recorded_at, kind, note) "
                "SELECT max(id) + 1, 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'note', 'slipped in' FROM event"
            ],
            "has no hash: it was written behind claimtrack's back",
        ),
        (
            ["UPDATE change_log SET summary = 'nothing to see' WHERE id = 2"],
            "undo journal row 2: hash does not follow from undo journal row 1",
        ),
    ],
    ids=["edited", "edited-and-rehashed-badly", "deleted", "inserted", "journal-edited"],
)
def test_a_history_changed_behind_claimtracks_back_fails_db_check(
    seeded: Callable[..., Run], db_path: Path, statements: list[str], finding: str
) -> None:
    """Edited, deleted or inserted rows, even with the triggers dropped and restored: exit 1, the row named."""
    ok(seeded("confirm", "4"))
    ok(seeded("note", "2", "noted"))
    assert check(seeded) == (0, [])
    tamper(db_path, *statements)
    code, findings = check(seeded)
    assert code == 1
    chain_lines = [f for f in findings if f.startswith("the history does not prove itself: ")]
    assert len(chain_lines) == 1 and finding in chain_lines[0], findings


@pytest.mark.sqlite_only
def test_an_event_forged_with_a_correct_hash_in_the_middle_is_named(seeded: Callable[..., Run], db_path: Path) -> None:
    """A row slipped into a gap of ids with the hash it would have had: the row after it breaks, and
    the check says which row was inserted."""
    ok(seeded("confirm", "4"))
    last = documented_chain(db_path, "event")[-1][0]
    tamper(db_path, f"DELETE FROM event WHERE id = {last}")
    ok(seeded("note", "1", "after the gap"))  # chained from event last-1; id last is free
    conn = sqlite3.connect(db_path)
    prev = conn.execute("SELECT hash FROM event WHERE id = ?", (last - 1,)).fetchone()[0]
    conn.close()
    row = {"id": last, "claim_id": 1, "at": "2020-01-01T00:00:00Z", "recorded_at": "2020-01-01T00:00:00Z"}
    row |= {"kind": "note", "note": "forged"}
    text = json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(f"{prev}\nevent\n{text}".encode()).hexdigest()
    tamper(
        db_path,
        "INSERT INTO event (id, claim_id, at, recorded_at, kind, note, hash) VALUES "
        f"({last}, 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'note', 'forged', '{digest}')",
    )
    code, findings = check(seeded)
    assert code == 1
    assert f"event {last + 1}: hash does not follow from event {last}: event {last} was inserted" in "\n".join(findings)


def test_a_backup_carries_the_hashes_and_the_head_and_restores_to_the_same_chain(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    ok(seeded("confirm", "4", "--note", "ok"))
    ok(seeded("undo"))
    for fmt in ("jsonl", "json"):
        backup = tmp_path / f"backup.{fmt}"
        ok(seeded("export", "--format", fmt, "-o", str(backup)))
        text = backup.read_text(encoding="utf-8")
        header = json.loads(text.splitlines()[0]) if fmt == "jsonl" else json.loads(text)
        chain = documented_chain(db_path, "event")
        assert header["chain"] == {"event": {"id": chain[-1][0], "hash": chain[-1][1]}}
        fresh = tmp_path / f"fresh-{fmt}.db"
        ok(seeded("--db", str(fresh), "import", str(backup)))
        assert [(i, h) for i, h, _ in documented_chain(fresh, "event")] == [(i, h) for i, h, _ in chain]
        assert check(seeded, "--db", str(fresh)) == (0, [])
        verdict = ok(seeded("--db", str(fresh), "db", "verify", str(backup)))
        assert verdict.stdout.startswith("The backup and the database hold the same history: ")


def test_db_verify_says_same_prefix_or_where_they_part(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    first = tmp_path / "first.jsonl"
    ok(seeded("export", "--format", "jsonl", "-o", str(first)))
    top = documented_chain(db_path, "event")[-1][0]
    ok(seeded("confirm", "4"))
    ok(seeded("note", "1", "later"))
    result = ok(seeded("db", "verify", str(first)))
    assert result.stdout == (
        f"The backup's history is a prefix of the database's: the database has 2 events more, after event {top}.\n"
    )
    later = tmp_path / "later.json"
    ok(seeded("export", "--format", "json", "-o", str(later)))
    other = tmp_path / "other.db"  # the first history, then a different change
    ok(seeded("--db", str(other), "import", str(first)))
    result = ok(seeded("--db", str(other), "db", "verify", str(later)))
    assert "The database's history is a prefix of the backup's: the backup has 2 events more" in result.stdout
    ok(seeded("--db", str(other), "note", "2", "elsewhere"))
    result = seeded("--db", str(other), "db", "verify", str(later))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"The backup and the database part at event {top + 1}: the backup's hash ")
    assert result.stdout.rstrip().endswith(f"(after event {top}, the last they share).")


def test_db_verify_refuses_an_edited_backup_and_files_without_history(
    seeded: Callable[..., Run], tmp_path: Path
) -> None:
    backup = tmp_path / "backup.jsonl"
    ok(seeded("export", "--format", "jsonl", "-o", str(backup)))
    lines = backup.read_text(encoding="utf-8").splitlines()
    claim = json.loads(lines[-1])
    claim["events"][0]["note"] = "edited by hand"
    (tmp_path / "edited.jsonl").write_text("\n".join([*lines[:-1], json.dumps(claim)]) + "\n", encoding="utf-8")
    result = seeded("db", "verify", str(tmp_path / "edited.jsonl"))
    assert result.exit_code == 1
    assert result.stdout.startswith("The backup does not prove itself: event ")
    csv = tmp_path / "claims.csv"
    ok(seeded("export", "--format", "csv", "-o", str(csv)))
    result = seeded("db", "verify", str(csv))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {csv} is a CSV file, which holds no history; verify a JSON or JSONL backup\n"
    del claim["events"][0]["hash"]
    (tmp_path / "old.jsonl").write_text(json.dumps(claim) + "\n", encoding="utf-8")
    result = seeded("db", "verify", str(tmp_path / "old.jsonl"))
    assert result.exit_code == 1 and "has an event without an id and a hash" in result.stderr
    (tmp_path / "list.jsonl").write_text('{"text": "A claim", "source": "Desk"}\n', encoding="utf-8")
    result = seeded("db", "verify", str(tmp_path / "list.jsonl"))
    assert result.exit_code == 1 and "holds no history (no events)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_report_states_the_chain_head_it_was_made_from(seeded: Callable[..., Run], db_path: Any) -> None:
    ok(seeded("confirm", "4"))
    last, digest, _ = documented_chain(db_path, "event")[-1]
    for fmt in ("md", "html"):
        report = ok(seeded("export", "--format", fmt, "--chain-head")).stdout
        assert f"Made from the history up to event {last} (SHA-256 chain head {digest})." in report
    assert "chain head" not in ok(seeded("export", "--format", "md")).stdout
    refused = seeded("export", "--format", "csv", "--chain-head")
    assert refused.exit_code == 1
    assert refused.stderr == "Error: --chain-head shapes a report; use it with --format md or --format html\n"


@pytest.mark.sqlite_only
def test_the_migration_hashes_an_old_history_in_id_order(cli: Callable[..., Run], db_path: Path) -> None:
    """A version-1 database: its events and journal rows are hashed by the upgrade; db check is ok."""
    build_v1(db_path)
    ok(cli("note", "1", "after the upgrade"))
    assert_chained(db_path)
    assert check(cli) == (0, [])


@pytest.mark.skipif(not SERVER, reason="PostgreSQL only: run with CLAIMTRACK_TEST_DB")
def test_sqlite_and_postgresql_give_the_same_hashes(
    seeded: Callable[..., Run], db_path: Any, server_database: str, tmp_path: Path
) -> None:
    """The same history on both: a copy from the server to a SQLite file keeps every hash."""
    ok(seeded("confirm", "4", "--note", "Zürich — ✓"))
    ok(seeded("set", "2", "--confidence", "0.35"))
    copy = tmp_path / "copy.db"
    ok(seeded("db", "copy", str(db_path), str(copy)))
    server = [(i, h) for i, h, _ in documented_chain(db_path, "event")]
    assert server == [(i, h) for i, h, _ in documented_chain(copy, "event")]
    assert_chained(db_path)
    assert check(seeded, "--db", str(copy)) == (0, [])
