"""Issue 26, "the record can be rewritten quietly": the history must prove every claim row.

* Each ``created`` event holds what its claim was created with (``claimtrack.history``), on every
  path that creates claims (add, import, the seed, extract --review, db copy), and an upgrade fills
  it for claims created before, walking each field back through the events.
* ``db check`` replays every claim from its created event through all its events and names each
  field a row holds that its history does not: raw edits of the claim or source rows, a lost status
  event or a rewritten created event (the append-only guard lifted, then put back) all fail the
  check. (A deleted created event is a finding of tests/test_db_health.py already.)
* The undo journal is append-only (no ``INSERT OR REPLACE`` either); a damaged row is one
  ``Error:`` line from ``undo``, which changes nothing, and a finding of ``db check``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED_CLAIMS, SERVER, open_db, pg_connect, table_digest

STATE_KEYS = ("confidence", "quote", "review_by", "said_on", "source", "status", "tags", "text", "url")


def _ok(run: Any) -> Any:
    assert run.exit_code == 0, run.stderr
    return run


def created(db_path: Any, claim_id: int) -> dict[str, Any]:
    """What claim ``claim_id``'s created event says it was created with (the raw text must be canonical)."""
    conn = open_db(db_path)
    try:
        rows = conn.execute("SELECT new FROM event WHERE claim_id = ? AND kind = 'created'", (claim_id,)).fetchall()
    finally:
        conn.close()
    assert len(rows) == 1 and rows[0][0] is not None, f"claim {claim_id}'s created event records nothing"
    state = json.loads(rows[0][0])
    assert rows[0][0] == json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return state


def state(text: str, source: str, **fields: Any) -> dict[str, Any]:
    return {
        "confidence": None,
        "quote": None,
        "review_by": None,
        "said_on": None,
        "source": source,
        "status": "unverified",
        "tags": [],
        "text": text,
        "url": None,
        **fields,
    }


def check(cli: Callable[..., Any]) -> tuple[int, list[str], str]:
    result = cli("db", "check", "--format", "json")
    return result.exit_code, json.loads(result.stdout).get("findings", []), result.stderr


# ---- what the created event records, on every path that creates claims ------------------------------


def test_add_records_what_the_claim_was_created_with(cli: Callable[..., Any], db_path: Any) -> None:
    _ok(
        cli(
            "add",
            "Grain moves by rail to the port.",
            "-s",
            "Port Authority",
            "--quote",
            "Grain moves.",
            "--confidence",
            "likely",
            "--status",
            "confirmed",
            "--url",
            "https://example.org/grain",
            "--said-on",
            "2024-03-01",
            "--review-by",
            "2030-01-01",
            "-t",
            "trade",
            "-t",
            "rail",
        )
    )
    _ok(cli("add", "A second claim, said by the same source.", "-s", "port authority", "--confidence", "0.3"))
    assert created(db_path, 1) == state(
        "Grain moves by rail to the port.",
        "Port Authority",
        quote="Grain moves.",
        confidence="likely",
        status="confirmed",
        url="https://example.org/grain",
        said_on="2024-03-01",
        review_by="2030-01-01",
        tags=["rail", "trade"],
    )
    assert created(db_path, 2) == state("A second claim, said by the same source.", "Port Authority", confidence="0.3")
    exported = json.loads(_ok(cli("export", "--format", "json")).stdout)
    event = exported["claims"][0]["events"][0]
    assert event["kind"] == "created" and event["field"] is None and event["old"] is None
    assert json.loads(event["new"]) == created(db_path, 1)
    assert check(cli)[0] == 0


def test_import_records_each_claim_as_imported(cli: Callable[..., Any], db_path: Any, tmp_path: Path) -> None:
    rows = tmp_path / "claims.csv"
    rows.write_text(
        "text,source,status,confidence,tags,said_on\n"
        'Ports reopen in May.,Ministry,refuted,0.8,"trade,ports",2024-02-01\n',
        encoding="utf-8",
    )
    _ok(cli("import", str(rows)))
    assert created(db_path, 1) == state(
        "Ports reopen in May.",
        "Ministry",
        status="refuted",
        confidence="0.8",
        tags=["ports", "trade"],
        said_on="2024-02-01",
    )
    assert check(cli)[0] == 0


def test_a_backup_without_created_states_is_walked_back(cli: Callable[..., Any], db_path: Any, tmp_path: Path) -> None:
    """A backup written before created events held anything: the state is rebuilt from the events' old values."""
    record = {
        "text": "Text as corrected.",
        "source": "New Source",
        "status": "confirmed",
        "confidence": 0.9,
        "tags": ["kept", "added"],
        "created_at": "2024-01-01T00:00:00Z",
        "events": [
            {"at": "2024-01-01T00:00:00Z", "kind": "created"},
            {
                "at": "2024-01-02T00:00:00Z",
                "kind": "edit",
                "field": "text",
                "old": "Text as first said.",
                "new": "Text as corrected.",
            },
            {"at": "2024-01-03T00:00:00Z", "kind": "edit", "field": "source", "old": "Old Source", "new": "New Source"},
            {
                "at": "2024-01-04T00:00:00Z",
                "kind": "status",
                "field": "status",
                "old": "unverified",
                "new": "confirmed",
            },
            {"at": "2024-01-05T00:00:00Z", "kind": "confidence", "field": "confidence", "old": "likely", "new": "0.9"},
            {"at": "2024-01-06T00:00:00Z", "kind": "edit", "field": "tag", "old": None, "new": "added"},
            {"at": "2024-01-07T00:00:00Z", "kind": "edit", "field": "tag", "old": "dropped", "new": None},
        ],
    }
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    _ok(cli("import", str(path)))
    assert created(db_path, 1) == state(
        "Text as first said.", "Old Source", confidence="likely", tags=["dropped", "kept"]
    )
    assert check(cli)[0] == 0


def test_a_created_state_that_is_not_one_is_refused_at_import(
    cli: Callable[..., Any], db_path: Any, tmp_path: Path
) -> None:
    record = {
        "text": "A claim.",
        "source": "S",
        "events": [{"at": "2024-01-01T00:00:00Z", "kind": "created", "new": "{not json"}],
    }
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    _ok(cli("init"))
    result = cli("import", str(path))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "not valid JSON" in result.stderr and "nothing was imported" in result.stderr


def test_the_seed_records_what_each_claim_was_created_with(seeded: Callable[..., Any], db_path: Any) -> None:
    conn = open_db(db_path)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM claim ORDER BY id").fetchall()]
    finally:
        conn.close()
    states = [created(db_path, cid) for cid in ids]
    assert len(states) == SEED_CLAIMS and all(
        s["status"] == "unverified" for s in states
    )  # the seed's rule: all start unverified
    assert states[0]["source"] == "The Bell" and states[0]["confidence"] == "almost certain"
    assert (check(seeded)[0], check(seeded)[1]) == (0, [])


def test_extract_review_records_what_was_accepted(
    cli: Callable[..., Any], db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.cli import extract as extract_cli

    monkeypatch.setattr(extract_cli, "interactive", lambda: True)
    article = Path(__file__).resolve().parent.parent / "data" / "seed-article.txt"
    proposed = json.loads(_ok(cli("extract", str(article), "--format", "json")).stdout)
    _ok(cli("extract", str(article), "--review", "--tag", "nk", input="a\nq\n"))
    got = created(db_path, 1)
    assert got["text"] == proposed[0]["text"] and got["source"] == proposed[0]["source"] and got["tags"] == ["nk"]
    assert check(cli)[0] == 0


def test_db_copy_and_a_backup_carry_created_states(seeded: Callable[..., Any], db_path: Any, tmp_path: Path) -> None:
    """Sources renamed before the copy (renames write no claim event) still replay in the copy and
    in a backup restored from it; a name changed behind claimtrack's back in the copy does not."""
    for args in (
        ("set", "5", "--text", "Corrected before the copy."),
        ("set", "6", "--source", "Harbour Office"),
        ("source", "rename", "Harbour Office", "Harbour Authority"),
        ("source", "rename", "The Bell", "Bell Weekly"),
    ):
        _ok(seeded(*args))
    copy = tmp_path / "copy.db"
    _ok(seeded("db", "copy", str(db_path), str(copy)))
    assert created(copy, 5) == created(db_path, 5) and created(copy, 5)["text"] != "Corrected before the copy."
    assert check(lambda *a: seeded("--db", str(copy), *a))[:2] == (0, [])
    backup = tmp_path / "backup.json"
    _ok(seeded("--db", str(copy), "export", "--format", "json", "-o", str(backup)))
    restored = tmp_path / "restored.db"
    _ok(seeded("--db", str(restored), "import", str(backup)))
    assert check(lambda *a: seeded("--db", str(restored), *a))[:2] == (0, [])
    _tamper(copy, "UPDATE source SET name = 'The Bell', name_key = 'the bell' WHERE name_key = 'bell weekly'")
    code, findings, _ = check(lambda *a: seeded("--db", str(copy), *a))
    assert code == 1 and "claim 1: source differs from its history" in findings, findings


@pytest.mark.sqlite_only
def test_an_upgrade_fills_created_events_from_the_earliest_known_state(cli: Callable[..., Any], db_path: Path) -> None:
    from test_migrations import build_v1

    build_v1(db_path)
    assert (check(cli)[0], check(cli)[1]) == (0, [])  # opening it upgrades it
    assert created(db_path, 1) == state(
        "North Korean workers will be sent to the Donetsk reconstruction sites.",
        "Andrei Lankov",
        quote="They will go, and soon.",
        url="https://example.org/a",
        said_on="2024-04-30",
        confidence="likely",
        review_by="2024-09-01",
        tags=["north-korea", "russia"],
    )  # confirmed later, by event 7
    assert created(db_path, 5)["status"] == "unverified" and created(db_path, 5)["confidence"] == "roughly even chance"
    assert created(db_path, 2)["confidence"] == "0.3"


# ---- db check replays every row ------------------------------------------------------------------


def _tamper(db_path: Any, *statements: str) -> None:
    """Change the database behind claimtrack's back, with the event guards lifted and put back."""
    if isinstance(db_path, str):
        with pg_connect(db_path) as conn:
            conn.execute("ALTER TABLE event DISABLE TRIGGER event_append_only")
            for statement in statements:
                conn.execute(statement)
            conn.execute("ALTER TABLE event ENABLE TRIGGER event_append_only")
        return
    conn = sqlite3.connect(db_path)
    try:
        guards = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event'"
        ).fetchall()
        for name, _ in guards:
            conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement)
        for _, sql in guards:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def history(seeded: Callable[..., Any]) -> Callable[..., Any]:
    """The seed, with claim 7 confirmed, claim 6 moved to a new source, and that source renamed."""
    for args in (
        ("confirm", "7"),
        ("set", "6", "--source", "Harbour Office"),
        ("set", "6", "--add-tag", "ports"),
        ("source", "rename", "Harbour Office", "Harbour Authority"),
        ("set", "4", "--confidence", "0.2"),
    ):
        _ok(seeded(*args))
    return seeded


TAMPERING = {
    "text": (["UPDATE claim SET text = 'Words nobody said.' WHERE id = 3"], "claim 3: text differs from its history"),
    "confidence": (["UPDATE claim SET confidence = 0.5 WHERE id = 1"], "claim 1: confidence differs from its history"),
    "confidence without a phrase": (
        ["UPDATE claim SET confidence = 0.25 WHERE id = 4"],
        "claim 4: confidence differs from its history",
    ),
    "source_id": (
        ["UPDATE claim SET source_id = (SELECT min(id) FROM source WHERE id <> claim.source_id) WHERE id = 2"],
        "claim 2: source differs from its history",
    ),
    "source name": (
        ["UPDATE source SET name = 'Somebody Else', name_key = 'somebody else' WHERE name_key = 'the bell'"],
        "source differs from its history",
    ),
    "renamed source name": (
        ["UPDATE source SET name = 'Port Office', name_key = 'port office' WHERE name_key = 'harbour authority'"],
        "claim 6: source differs from its history",
    ),
    "tags": (
        ["DELETE FROM claim_tag WHERE claim_id = 6 AND tag_id = (SELECT id FROM tag WHERE name = 'ports')"],
        "claim 6: tags differ from its history",
    ),
    "quote": (["UPDATE claim SET quote = NULL WHERE id = 1"], "claim 1: quote differs from its history"),
    "deleted status event": (
        ["DELETE FROM event WHERE claim_id = 7 AND kind = 'status'"],
        "claim 7: its status is 'confirmed' but its history ends at 'unverified'",
    ),
    "rewritten created event": (
        ["UPDATE event SET new = '{\"x\": 1}' WHERE claim_id = 4 AND kind = 'created'"],
        "claim 4: its created event",
    ),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_db_check_finds_every_row_its_history_does_not_prove(
    history: Callable[..., Any], db_path: Any, case: str
) -> None:
    statements, finding = TAMPERING[case]
    assert check(history)[:2] == (0, [])
    _tamper(db_path, *statements)
    code, findings, stderr = check(history)
    assert code == 1, findings
    assert any(finding in f for f in findings), findings
    assert stderr.startswith("Error: the database failed its integrity check (") and stderr.count("\n") == 1


def test_renames_merges_and_their_undo_replay(history: Callable[..., Any], db_path: Any) -> None:
    """Sources renamed, merged and taken back by undo replay; a name changed behind their back does not."""
    for args in (
        ("source", "merge", "Harbour Authority", "The Bell"),
        ("undo",),
        ("undo",),
        ("source", "rename", "The Bell", "the bell"),
        ("set", "5", "--source", "The Bell"),
        ("source", "rename", "the bell", "The Bell Weekly"),
    ):
        _ok(history(*args))
        assert check(history)[:2] == (0, []), args
    _tamper(db_path, "UPDATE source SET name = 'The Bell', name_key = 'the bell' WHERE name_key = 'the bell weekly'")
    code, findings, _ = check(history)
    assert code == 1 and "claim 5: source differs from its history" in findings, findings


# ---- the undo journal ----------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_the_journal_refuses_insert_or_replace(seeded: Callable[..., Any], db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        before = conn.execute("SELECT * FROM change_log ORDER BY id").fetchall()
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(
                "INSERT OR REPLACE INTO change_log (id, recorded_at, command, summary) "
                "VALUES (1, '2024-01-01T00:00:00Z', 'add', 'forged summary')"
            )
        assert conn.execute("SELECT * FROM change_log ORDER BY id").fetchall() == before
    finally:
        conn.close()


@pytest.mark.skipif(not SERVER, reason="PostgreSQL only: run with CLAIMTRACK_TEST_DB")
def test_the_journal_refuses_upserts_on_postgresql(seeded: Callable[..., Any], db_path: str) -> None:
    import psycopg2

    with pg_connect(db_path) as conn, pytest.raises(psycopg2.Error, match="append-only"):
        conn.execute(
            "INSERT INTO change_log (id, recorded_at, command, summary) VALUES "
            "(1, '2024-01-01T00:00:00Z', 'add', 'forged summary') "
            "ON CONFLICT (id) DO UPDATE SET summary = excluded.summary"
        )


DAMAGED = {
    "malformed detail": ("'source rename'", "'{not json'", "NULL", "NULL", "its detail is not valid JSON"),
    "detail missing what undo needs": (
        "'source rename'",
        '\'{"op": "rename"}\'',
        "NULL",
        "NULL",
        "does not hold what a source rename needs",
    ),
    "events that do not exist": ("'confirm'", "NULL", "900000", "900001", "do not exist"),
    "events of another change": ("'confirm'", "NULL", "1", "2", "names events that change"),
    "forged summary": ("'add'", "NULL", "NULL", "NULL", "records no change"),
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_journal_row_is_one_error_line_and_a_finding(
    seeded: Callable[..., Any], db_path: Any, case: str
) -> None:
    command, detail, first, last, why = DAMAGED[case]
    conn = open_db(db_path)
    try:
        conn.execute(
            "INSERT INTO change_log (recorded_at, command, summary, first_event, last_event, detail) "
            f"VALUES ('2026-01-01T00:00:00Z', {command}, 'forged summary', {first}, {last}, {detail})"
        )
        if not isinstance(db_path, str):
            conn.commit()
        row = conn.execute("SELECT max(id) FROM change_log").fetchone()[0]
    finally:
        conn.close()
    before = table_digest(db_path)
    result = seeded("undo", "--anyone")  # the forged row names no author: it is nobody's own
    assert result.exit_code == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Error: cannot undo change {row}: its row in the undo journal is damaged (")
    assert why in result.stderr and "unexpected" not in result.stderr and "Undid" not in result.stdout + result.stderr
    assert table_digest(db_path) == before
    code, findings, _ = check(seeded)
    assert code == 1 and any(f.startswith(f"undo journal row {row} (") and why in f for f in findings), findings


def test_the_fast_spelling_of_a_created_state_is_the_canonical_json() -> None:
    """Imports spell the state out by hand (history.make_state): it must be json.dumps' text exactly."""
    import random

    from claimtrack.history import make_state, parse_state, state_json

    rng = random.Random(26)
    alphabet = 'aé"\\\n\t\x01\x1f\u2028\u202e😀/<>&\x7f '

    def text() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8)))

    for _ in range(2000):
        fields = {
            k: None if rng.random() < 0.3 else text() for k in ("confidence", "quote", "url", "said_on", "review_by")
        }
        fields |= {
            "text": text(),
            "source": text(),
            "status": "refuted",
            "tags": [text() for _ in range(rng.randrange(3))],
        }
        spelled = make_state(**fields)
        assert spelled == state_json({**fields, "tags": sorted(set(fields["tags"]))})
        assert parse_state(spelled)["tags"] == sorted(set(fields["tags"]))
