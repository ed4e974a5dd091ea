"""The JSON and JSONL backups rebuild the database they were made from (issue 26).

After a realistic session on the seed (claims added, confirmed back-dated, corrected, moved,
retagged, noted, two deleted and one of them restored, a change undone, sources renamed and merged,
a confidence at a band's midpoint with no phrase said, hostile Unicode), a backup imported into a
fresh database gives the same ``list --as-of`` on ten dates over the history, the same
``list --deleted``, and a backup of it that is byte-identical to the first. Deleted claims come
back deleted (``restore`` brings them back), the feed items ``match --feed`` saw are remembered,
and every column of the event table travels by name, so a column a later migration adds is
carried without the backup naming it. The undo journal is not carried: after a restore ``undo``
takes back the import. Runs on SQLite and, with ``CLAIMTRACK_TEST_DB``, on PostgreSQL.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import chain
from conftest import SEED_CLAIMS, SERVER, Run, open_db, pg_connect, table_digest
from test_match import ITEMS, rss

HOSTILE = 'Kim\u202e said \u200b"‘trench’"\x1b[31m <script>alert(1)</script> 🇰🇵 e\u0301\ufeff ＼ end'


@pytest.fixture
def fresh_target(tmp_path: Path) -> Iterator[str]:
    """A second, empty database to restore into: a SQLite file, or a new PostgreSQL database.
    Not conftest's ``server_database``: a test gets that one fixture value once, and it is already
    the database the test's ``cli`` writes to."""
    if not SERVER:
        yield str(tmp_path / "restored.db")
        return
    name = f"ct_{uuid.uuid4().hex[:12]}"
    base, _, _ = SERVER.rpartition("/")
    with pg_connect(SERVER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with pg_connect(SERVER, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def ok(result: Run) -> Run:
    assert result.exit_code == 0, result.stderr
    return result


def session(cli: Callable[..., Run], tmp_path: Path) -> None:
    """A day of work on the seed, touching every kind of change."""
    ok(cli("init", "--seed"))
    ok(cli("add", HOSTILE, "-s", "Über Wire", "-c", "0.5", "--tag", "hostile", "--said-on", "2024-05-01"))  # 30
    ok(cli("add", "Pyongyang will reopen its border to tourists", "-s", "Some Paper", "-c", "0.5"))  # 31
    ok(cli("add", "Kim will visit Moscow", "-s", "Some Paper", "-c", "likely"))  # 32
    ok(cli("confirm", "5", "--at", "2024-06-01", "--evidence", "https://example.org/five", "--note", "seen it"))
    ok(
        cli(
            "set",
            "14",
            "--text",
            "Corrected: " + HOSTILE,
            "--source",
            "The Bell",
            "--add-tag",
            "fixed",
            "--remove-tag",
            "media",
        )
    )
    ok(cli("set", "15", "--confidence", "very likely", "--quote", "exact words"))
    ok(cli("note", "17", "A note \u2028 across a line separator", "--evidence", "https://example.org/n"))
    ok(cli("refute", "22", "--at", "2024-07-01"))
    ok(cli("delete", "20"))
    ok(cli("delete", "21"))
    ok(cli("restore", "21"))
    ok(cli("dispute", "27"))
    ok(cli("undo"))  # takes back the dispute of 27
    ok(cli("source", "rename", "Some Paper", "Some Newspaper"))
    ok(cli("source", "merge", "Über Wire", "Some Newspaper"))
    feed = tmp_path / "wire.xml"
    feed.write_text(rss(ITEMS), encoding="utf-8")
    assert "2 new items" in ok(cli("match", "--feed", str(feed), "--format", "json")).stderr


def ten_dates(backup: dict[str, Any]) -> list[str]:
    """Ten days spread over the history the backup holds, first to last."""
    days = sorted(
        {e["at"][:10] for c in backup["claims"] for e in c["events"]}
        | {c["said_on"] for c in backup["claims"] if c["said_on"]}
    )
    picked = [days[round(i * (len(days) - 1) / 9)] for i in range(10)]
    assert len(set(picked)) == 10
    return picked


def views(cli: Callable[..., Run], target: str, dates: list[str]) -> dict[str, str]:
    seen = {f"as-of {d}": ok(cli("--db", target, "list", "--as-of", d, "--format", "json")).stdout for d in dates}
    seen["deleted"] = ok(cli("--db", target, "list", "--deleted", "--format", "json")).stdout
    seen["sources"] = ok(cli("--db", target, "sources", "--format", "json")).stdout
    return seen


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_backup_rebuilds_the_database(
    seeded_session: Any, cli: Callable[..., Run], db_path: Any, fresh_target: str, tmp_path: Path, fmt: str
) -> None:
    first = tmp_path / f"first.{fmt}"
    ok(cli("export", "--format", fmt, "-o", str(first)))
    ok(cli("export", "--format", "json", "-o", str(tmp_path / "whole.json")))
    whole = json.loads((tmp_path / "whole.json").read_text(encoding="utf-8"))
    dates = ten_dates(whole)
    before = views(cli, str(db_path), dates)
    assert '"id": 20' in before["deleted"]
    assert f"Imported {SEED_CLAIMS + 3} claims." in ok(cli("--db", fresh_target, "import", str(first))).stderr
    assert views(cli, fresh_target, dates) == before
    second = tmp_path / f"second.{fmt}"
    ok(cli("--db", fresh_target, "export", "--format", fmt, "-o", str(second)))
    assert second.read_bytes() == first.read_bytes()


@pytest.fixture
def seeded_session(cli: Callable[..., Run], tmp_path: Path) -> None:
    session(cli, tmp_path)


def test_deleted_claims_come_back_deleted_and_restorable(
    cli: Callable[..., Run], fresh_target: str, tmp_path: Path
) -> None:
    ok(cli("init", "--seed"))
    ok(cli("confirm", "5", "--at", "2024-06-01", "--note", "before the deletion"))
    ok(cli("delete", "5", "9", "--yes"))
    backup = tmp_path / "backup.jsonl"
    ok(cli("export", "--format", "jsonl", "-o", str(backup)))
    records = [json.loads(line) for line in backup.read_text(encoding="utf-8").splitlines()]
    deleted = {r["id"]: r for r in records if r["type"] == "claim" and r["deleted_at"]}
    assert set(deleted) == {5, 9}
    assert deleted[5]["deleted_at"] == deleted[5]["events"][-1]["at"]
    assert all(r["deleted_at"] is None for r in records if r["type"] == "claim" and r["id"] not in (5, 9))
    ok(cli("--db", fresh_target, "import", str(backup)))
    assert [
        c["id"] for c in json.loads(ok(cli("--db", fresh_target, "list", "--deleted", "--format", "json")).stdout)
    ] == [5, 9]
    assert 5 not in [c["id"] for c in json.loads(ok(cli("--db", fresh_target, "list", "--format", "json")).stdout)]
    ok(cli("--db", fresh_target, "restore", "5"))
    back = json.loads(ok(cli("--db", fresh_target, "show", "5", "--format", "json")).stdout)
    assert back["status"] == "confirmed"
    assert [e["field"] for e in back["events"]][-2:] == ["deleted", "deleted"]
    # The other formats still leave deleted claims out.
    text = json.loads(ok(cli("show", "9", "--format", "json")).stdout)["text"]
    for fmt in ("csv", "md", "html", "claimreview"):
        assert text[:40] not in ok(cli("export", "--format", fmt)).stdout, fmt
    # The journal is not carried: undo takes back the restore just made, then the import as one change.
    assert "restored claim 5" in ok(cli("--db", fresh_target, "undo")).stderr
    assert f"imported {SEED_CLAIMS} claims" in ok(cli("--db", fresh_target, "undo")).stderr
    assert json.loads(ok(cli("--db", fresh_target, "list", "--format", "json")).stdout) == []
    assert "nothing to undo" in cli("--db", fresh_target, "undo").stderr


def test_a_midpoint_confidence_said_as_a_number_comes_back_without_a_phrase(
    cli: Callable[..., Run], fresh_target: str, tmp_path: Path
) -> None:
    ok(cli("init"))
    ok(cli("add", "Said as a number", "-s", "S", "-c", "0.5"))
    ok(cli("add", "Said as a phrase", "-s", "S", "-c", "roughly even chance"))
    backup = tmp_path / "backup.json"
    ok(cli("export", "--format", "json", "-o", str(backup)))
    ok(cli("--db", fresh_target, "import", str(backup)))
    claims = {c["text"]: c for c in json.loads(backup.read_text(encoding="utf-8"))["claims"]}
    assert claims["Said as a number"]["confidence_phrase"] is None
    again = tmp_path / "again.json"
    ok(cli("--db", fresh_target, "export", "--format", "json", "-o", str(again)))
    assert again.read_bytes() == backup.read_bytes()
    restored = {c["text"]: c for c in json.loads(again.read_text(encoding="utf-8"))["claims"]}
    assert restored["Said as a number"]["confidence_phrase"] is None
    assert restored["Said as a phrase"]["confidence_phrase"] == "roughly even chance"


def test_the_feed_items_seen_survive_a_backup(cli: Callable[..., Run], fresh_target: str, tmp_path: Path) -> None:
    ok(cli("init", "--seed"))
    feed = tmp_path / "wire.xml"
    feed.write_text(rss(ITEMS), encoding="utf-8")
    assert "2 new items" in ok(cli("match", "--feed", str(feed), "--format", "json")).stderr
    backup = tmp_path / "backup.json"
    ok(cli("export", "--format", "json", "-o", str(backup)))
    assert [i["item"] for i in json.loads(backup.read_text(encoding="utf-8"))["feed_items"]] == [
        "urn:wire:football",
        "urn:wire:workers",
    ]
    ok(cli("--db", fresh_target, "import", str(backup)))
    again = ok(cli("--db", fresh_target, "match", "--feed", str(feed), "--format", "json"))
    assert "No new items in the feed; 2 seen before were left out" in again.stderr


def test_every_event_column_travels_by_name_and_ids_are_kept(
    cli: Callable[..., Run], db_path: Any, fresh_target: str, tmp_path: Path
) -> None:
    """A column a later migration adds to ``event`` is backed up and restored without code naming it."""
    ok(cli("init", "--seed"))
    ok(cli("note", "3", "first"))
    ok(cli("note", "3", "second"))
    ok(cli("--db", fresh_target, "init"))
    for target in (db_path, fresh_target):
        conn = open_db(target)
        conn.execute("ALTER TABLE event ADD COLUMN weight BIGINT")
        if isinstance(target, str) and target.startswith("postgresql"):
            conn.close()
        else:
            conn.commit()
            conn.close()
    conn = open_db(db_path)
    first, second = [r[0] for r in conn.execute("SELECT id FROM event WHERE note IN ('first', 'second') ORDER BY id")]
    last_id, prev = conn.execute("SELECT id, hash FROM event ORDER BY id DESC LIMIT 1").fetchone()
    row = {"id": last_id + 1, "claim_id": 3, "at": "2025-01-01T00:00:00Z", "recorded_at": "2026-01-01T00:00:00Z"}
    row |= {"kind": "note", "field": "withdrawn", "old": "second", "note": "undo: took back", "weight": second}
    conn.execute(  # written as a later claimtrack would: hashed after the event before it (store.chain)
        "INSERT INTO event (id, claim_id, at, recorded_at, kind, field, old, new, note, weight, hash) "
        "VALUES (?, 3, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'note', 'withdrawn', 'second', NULL, "
        "'undo: took back', ?, ?)",
        (last_id + 1, second, chain.row_hash(prev, "event", row)),
    )
    if not (isinstance(db_path, str) and str(db_path).startswith("postgresql")):
        conn.commit()
    conn.close()
    backup = tmp_path / "backup.jsonl"
    ok(cli("export", "--format", "jsonl", "-o", str(backup)))
    records = [json.loads(line) for line in backup.read_text(encoding="utf-8").splitlines()]
    claim3 = next(r for r in records if r["type"] == "claim" and r["id"] == 3)
    assert [e["weight"] for e in claim3["events"] if e["weight"] is not None] == [second]
    assert {first, second} <= {e["id"] for e in claim3["events"]}
    ok(cli("--db", fresh_target, "import", str(backup)))
    again = tmp_path / "again.jsonl"
    ok(cli("--db", fresh_target, "export", "--format", "jsonl", "-o", str(again)))
    assert again.read_bytes() == backup.read_bytes()
    # A database without that column refuses the backup in one line, and stays as it was.
    plain = tmp_path / "plain.db"
    ok(cli("--db", str(plain), "init"))
    before = table_digest(plain)
    refused = cli("--db", str(plain), "import", str(backup))
    assert refused.exit_code == 1 and "'weight'" in refused.stderr and "nothing was imported" in refused.stderr
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert table_digest(plain) == before


def test_an_event_reference_follows_its_event_to_its_new_id(
    cli: Callable[..., Run], db_path: Any, fresh_target: str, tmp_path: Path
) -> None:
    """A column declared ``REFERENCES event (id)`` (undo's pairing, m007) still names the same event
    when the import cannot keep the backup's event ids (the database already has events with them)."""
    ok(cli("init", "--seed"))
    ok(cli("note", "3", "taken back later"))
    conn = open_db(db_path)
    (second,) = conn.execute("SELECT id FROM event WHERE note = 'taken back later'").fetchone()
    conn.execute(
        "INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, reverses) "
        "VALUES (3, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'note', 'withdrawn', 'taken back later', "
        "NULL, 'undo: took back', ?)",
        (second,),
    )
    if not str(db_path).startswith("postgresql"):
        conn.commit()
    conn.close()
    backup = tmp_path / "backup.json"
    ok(cli("export", "--format", "json", "-o", str(backup)))
    others = tmp_path / "others.jsonl"
    others.write_text(
        "".join(
            json.dumps({"text": f"Other claim number {i}", "source": "Elsewhere"}) + "\n" for i in range(2 * second)
        ),
        encoding="utf-8",
    )
    ok(cli("--db", fresh_target, "import", str(others)))  # event ids up to twice the backup's: none can be kept
    ok(cli("--db", fresh_target, "import", str(backup)))
    conn = open_db(fresh_target)
    (moved,) = conn.execute("SELECT id FROM event WHERE note = 'taken back later'").fetchone()
    (points,) = conn.execute("SELECT reverses FROM event WHERE note = 'undo: took back'").fetchone()
    conn.close()
    assert moved != second and points == moved


def test_a_deleted_at_the_history_does_not_bear_out_is_refused(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    ok(cli("init"))
    before = table_digest(db_path)
    record = {"text": "Never deleted", "source": "S", "deleted_at": "2024-01-01T00:00:00Z"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    refused = cli("import", str(path))
    assert refused.exit_code == 1
    assert "record 1 (line 1), field 'deleted_at'" in refused.stderr and "nothing was imported" in refused.stderr
    assert table_digest(db_path) == before


@pytest.mark.parametrize(
    ("event", "words"),
    [
        ({"id": 0}, "event 1: id: expected a whole number from 1 to"),
        ({"id": "7"}, "event 1: id: expected a whole number from 1 to"),
        ({"id": True}, "event 1: id: expected a whole number from 1 to"),
        ({"reverses": {"id": 3}}, "event 1: reverses: expected text, a whole number or null, got an object"),
        ({"Bad Name": 1}, "event 1: 'Bad Name' is not an event field"),
        ({"new": "not an object"}, "event 1: new: what it records is not valid JSON"),
    ],
)
def test_a_backup_event_with_a_bad_id_or_column_is_refused(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, event: dict[str, Any], words: str
) -> None:
    ok(cli("init"))
    before = table_digest(db_path)
    created = {"at": "2024-01-01T00:00:00Z", "kind": "created", **event}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": "A claim", "source": "S", "events": [created]}) + "\n", encoding="utf-8")
    refused = cli("import", str(path))
    assert refused.exit_code == 1 and f"record 1 (line 1), {words}" in refused.stderr, refused.stderr
    assert "nothing was imported" in refused.stderr and refused.stderr.count("\n") == 1
    assert table_digest(db_path) == before


def test_a_created_event_holding_the_initial_state_is_restored_as_given(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    """A created event whose ``new`` records what the claim was created with (JSON) comes back as it was."""
    ok(cli("init"))
    state = json.dumps(
        {
            "confidence": None,
            "quote": None,
            "review_by": None,
            "said_on": None,
            "source": "S",
            "status": "unverified",
            "tags": [],
            "text": "A claim",
            "url": None,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    created = {"id": 5, "at": "2024-01-01T00:00:00Z", "kind": "created", "new": state}
    path = tmp_path / "one.jsonl"
    path.write_text(
        json.dumps({"id": 9, "text": "A claim", "source": "S", "events": [created]}) + "\n", encoding="utf-8"
    )
    ok(cli("import", str(path)))
    shown = json.loads(ok(cli("show", "9", "--format", "json")).stdout)
    assert [e["new"] for e in shown["events"]] == [state]
    backup = json.loads(ok(cli("export", "--format", "json")).stdout)
    assert backup["claims"][0]["events"][0]["id"] == 5 and backup["claims"][0]["events"][0]["new"] == state
