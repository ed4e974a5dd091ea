"""An undone change is, for every derived view, a change that never happened (issue 26).

``undo`` appends the events that reverse a change and names in each the event it takes back
(``event.reverses``, migration 7). ``--as-of``, the md/html/CSV reports' "resolved on" and "last
change", the CSV columns, ClaimReview's ``datePublished``, ``sources``, ``calibration`` and ``due``
read only the effective history, so they agree; ``show`` and ``log`` still tell the change and its
undo. After an undo, the change that was meant can be recorded at the same ``--at``. The pairing
is filled in for databases undone in before migration 7 and found again when a backup is
imported (its events carry no ids). Runs on SQLite and, with CLAIMTRACK_TEST_DB, on PostgreSQL.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import migrations
from conftest import Run, alchemy_url, open_db


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, (run.stdout, run.stderr)
    return run


def _as_of(cli: Callable[..., Run], day: str, *extra: str) -> dict[int, dict[str, Any]]:
    return {c["id"]: c for c in json.loads(_ok(cli("list", "--as-of", day, *extra, "--format", "json")).stdout)}


def _csv_row(cli: Callable[..., Run], cid: int) -> dict[str, str]:
    return next(
        r for r in csv.DictReader(_ok(cli("export", "--format", "csv")).stdout.splitlines()) if r["id"] == str(cid)
    )


def _md_row(cli: Callable[..., Run], cid: int) -> list[str]:
    line = next(x for x in _ok(cli("export", "--format", "md")).stdout.splitlines() if x.startswith(f"| {cid} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def _review(cli: Callable[..., Run], cid: int) -> dict[str, Any]:
    uuid = json.loads(_ok(cli("show", str(cid), "--format", "json")).stdout)["uuid"]
    graph = json.loads(_ok(cli("export", "--format", "claimreview")).stdout)["@graph"]
    return next(r for r in graph if r["identifier"] == uuid)


@pytest.fixture
def undone(cli: Callable[..., Run]) -> int:
    """The issue's case: refuted as of 18 June, confirmed by mistake as of 13 July, undone."""
    _ok(cli("init"))
    _ok(cli("add", "The plant will close.", "--source", "Desk", "--said-on", "2024-06-01", "--confidence", "0.8"))
    _ok(cli("refute", "1", "--at", "2024-06-18", "--evidence", "https://refuted.example/", "--note", "Plant stays"))
    _ok(cli("confirm", "1", "--at", "2024-07-13", "--evidence", "https://wrong.example/", "--note", "Wrong claim"))
    _ok(cli("undo"))
    return 1


def test_as_of_never_sees_the_undone_confirmation(cli: Callable[..., Run], undone: int) -> None:
    for day in ("2024-06-18", "2024-07-13", "2024-08-01", "2025-01-02"):
        assert _as_of(cli, day)[undone]["status"] == "refuted", day
        shown = json.loads(_ok(cli("show", str(undone), "--as-of", day, "--format", "json")).stdout)
        assert shown["status"] == "refuted", day
    assert _as_of(cli, "2024-06-17")[undone]["status"] == "unverified"
    assert undone in _as_of(cli, "2025-01-02", "--status", "refuted")
    assert undone not in _as_of(cli, "2025-01-02", "--status", "confirmed")


def test_reports_csv_and_claimreview_agree_on_the_verdict_day(cli: Callable[..., Run], undone: int) -> None:
    row = _csv_row(cli, undone)
    assert (row["status"], row["resolved_on"], row["evidence"], row["last_note"]) == (
        "refuted",
        "2024-06-18",
        "https://refuted.example/",
        "Plant stays",
    )
    cells = _md_row(cli, undone)
    assert "2024-06-18" in cells and "refuted 2024-06-18" in cells  # resolved on, last change
    assert not any("undone" in c or "wrong.example" in c for c in cells)
    html = _ok(cli("export", "--format", "html")).stdout
    tr = next(x for x in html.splitlines() if f'data-claim="{undone}"' in x)
    assert tr.count("2024-06-18") >= 2 and "undone" not in tr and "wrong.example" not in tr
    review = _review(cli, undone)
    assert review["datePublished"] == "2024-06-18"
    assert [c["url"] for c in review["citation"]] == ["https://refuted.example/"]
    assert review["reviewBody"] == "Plant stays"
    # show and log still tell the whole story: the change and its undo
    shown = json.loads(_ok(cli("show", str(undone), "--format", "json")).stdout)
    assert [
        (e["kind"], e["new"] if e["kind"] != "created" else json.loads(e["new"])["status"]) for e in shown["events"]
    ] == [("created", "unverified"), ("status", "refuted"), ("status", "confirmed"), ("status", "refuted")]
    assert shown["events"][-1]["note"].startswith("undo: took back 'confirm'")
    logged = json.loads(_ok(cli("log", str(undone), "--format", "json")).stdout)
    assert len(logged) == 4 and any(e["note"] == "Wrong claim" for e in logged)


def test_the_change_meant_can_be_recorded_at_the_same_time(cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    _ok(cli("add", "Prices will fall.", "--source", "Desk", "--said-on", "2024-05-01"))
    _ok(cli("confirm", "1", "--at", "2024-06-01", "--note", "Misread the figures"))
    _ok(cli("undo"))
    _ok(cli("refute", "1", "--at", "2024-06-01", "--note", "Prices rose"))
    assert _as_of(cli, "2024-05-31")[1]["status"] == "unverified"
    assert _as_of(cli, "2024-06-01")[1]["status"] == "refuted"
    assert _csv_row(cli, 1)["resolved_on"] == "2024-06-01"
    assert _review(cli, 1)["datePublished"] == "2024-06-01"
    check = _ok(cli("db", "check", "--format", "json"))
    assert json.loads(check.stdout)["ok"] is True, check.stdout


def test_an_undone_status_change_is_not_the_forecast_or_the_outcome(cli: Callable[..., Run]) -> None:
    """Resolved by mistake as of June, undone; then judged 0.9 and refuted: the forecast is 0.9."""
    _ok(cli("init"))
    _ok(cli("add", "The mine will reopen.", "--source", "Desk", "--said-on", "2024-05-01", "--confidence", "0.3"))
    _ok(cli("confirm", "1", "--at", "2024-06-01"))
    _ok(cli("undo"))
    _ok(cli("set", "1", "--confidence", "0.9"))
    _ok(cli("refute", "1"))
    desk = json.loads(_ok(cli("sources", "--format", "json")).stdout)[0]
    assert desk["brier"] == pytest.approx(0.81)
    calibration = json.loads(_ok(cli("calibration", "--format", "json")).stdout)
    assert calibration["brier"] == pytest.approx(0.81)
    assert [b["count"] for b in calibration["bins"]][9] == 1


def test_an_undone_add_never_existed_as_of_any_day(cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    _ok(cli("add", "Kept claim.", "--source", "Desk", "--said-on", "2024-01-01"))
    _ok(cli("add", "Added by mistake.", "--source", "Desk", "--said-on", "2024-01-01"))
    _ok(cli("undo"))
    for day in ("2024-01-01", "2025-06-01"):
        assert set(_as_of(cli, day)) == {1}, day
        assert set(_as_of(cli, day, "--deleted")) == {2}, day
    _ok(cli("restore", "2"))  # brought back: there from then on
    assert set(_as_of(cli, "2025-06-01")) == {1}


def test_an_undone_change_is_no_touch_for_due(cli: Callable[..., Run], tmp_path: Path) -> None:
    sheet = tmp_path / "old.csv"
    sheet.write_text(
        "text,source,created_at,updated_at,said_on\n"
        "Old rumour.,Desk,2024-01-02T10:00:00Z,2024-01-02T10:00:00Z,2024-01-01\n",
        encoding="utf-8",
    )
    _ok(cli("import", str(sheet)))
    _ok(cli("confirm", "1"))
    _ok(cli("undo"))
    due = json.loads(_ok(cli("due", "--format", "json")).stdout)
    assert [(c["id"], c["due"]) for c in due] == [(1, "2024-02-01")]  # due 30 days after its last real change


# ---- the pairing kept through a backup and filled in by the migration -------------------------


def _history(cli: Callable[..., Run]) -> None:
    """Every kind of change undo takes back, with the change meant recorded after some: 9 pairs."""
    _ok(cli("init"))
    for n in range(1, 7):
        _ok(cli("add", f"Claim number {n}.", "--source", "Desk", "--said-on", "2024-05-01", "--tag", "t"))
    for step in (
        ("refute", "1", "--at", "2024-06-18"),
        ("confirm", "1", "--at", "2024-07-13"),
        ("undo",),
        ("note", "2", "A note taken back.", "--evidence", "https://gone.example/"),
        ("undo",),
        ("set", "3", "--text", "Corrected text.", "--source", "Elsewhere"),
        ("undo",),
        ("set", "4", "--add-tag", "x", "--confidence", "0.9"),
        ("undo",),
        ("delete", "5"),
        ("undo",),
        ("add", "Added by mistake.", "--source", "Desk", "--said-on", "2024-01-01"),
        ("undo",),
        ("confirm", "6", "--at", "2024-06-01"),
        ("undo",),
        ("refute", "6", "--at", "2024-06-01"),
        ("set", "2", "--text", "Corrected for good.", "--source", "Wire"),
    ):
        _ok(cli(*step))


DAYS = ("2024-01-01", "2024-06-01", "2024-06-20", "2024-07-14", "2025-01-02", "2099-01-01")


def _views(cli: Callable[..., Run], *db: str) -> dict[str, str]:
    out = {day: _ok(cli(*db, "list", "--as-of", day, "--format", "json")).stdout for day in DAYS}
    out["deleted"] = _ok(cli(*db, "list", "--deleted", "--as-of", "2099-01-01", "--format", "json")).stdout
    for fmt in ("csv", "claimreview"):
        out[fmt] = _ok(cli(*db, "export", "--format", fmt)).stdout
    return out


def _pairs(target: Any) -> list[tuple[int, int, int]]:
    """(claim, place of the undo event, place of the event it took back), places in time order."""
    conn = open_db(target)
    try:
        rows = conn.execute("SELECT id, claim_id, reverses FROM event ORDER BY claim_id, at, id").fetchall()
    finally:
        conn.close()
    place: dict[int, tuple[int, int]] = {}
    counts: dict[int, int] = {}
    for eid, cid, _ in rows:
        place[eid] = (cid, counts.get(cid, 0))
        counts[cid] = counts.get(cid, 0) + 1
    return sorted((*place[eid], place[rev][1]) for eid, _, rev in rows if rev is not None)


@pytest.mark.sqlite_only  # the copy is a SQLite file the test names
def test_a_backup_restores_the_pairing(cli: Callable[..., Run], db_path: Path, tmp_path: Path) -> None:
    _history(cli)
    pairs = _pairs(db_path)
    assert len(pairs) == 9 and (7, 1, 0) in pairs  # the undone add (claim 7) took back its creation
    backup, copy = tmp_path / "backup.json", tmp_path / "copy.db"
    _ok(cli("export", "--format", "json", "--output", str(backup)))
    _ok(cli("--db", str(copy), "import", str(backup)))
    assert _pairs(copy) == pairs  # the backup holds each event's id and reverses, deleted claims too
    copied = _views(cli, "--db", str(copy))
    assert copied == _views(cli)
    assert json.loads(copied["2025-01-02"])[0]["status"] == "refuted"
    # A backup of an older claimtrack holds no event ids nor reverses: the pairs are found again.
    older = json.loads(backup.read_text(encoding="utf-8"))
    for claim in older["claims"]:
        claim["events"] = [{k: v for k, v in e.items() if k not in ("id", "reverses")} for e in claim["events"]]
    legacy, again = tmp_path / "older.json", tmp_path / "again.db"
    legacy.write_text(json.dumps(older), encoding="utf-8")
    _ok(cli("--db", str(again), "import", str(legacy)))
    assert _pairs(again) == pairs
    assert _views(cli, "--db", str(again)) == copied


def _copy_rows(source: Path, target: Any) -> None:
    """Every row of a version-7 SQLite database into ``target`` at version 6 (no ``reverses``)."""
    import sqlite3

    from sqlalchemy import create_engine

    url = target if isinstance(target, str) else f"sqlite:///{target}"
    engine = create_engine(alchemy_url(url))
    old = sqlite3.connect(source)
    try:
        with engine.begin() as conn:
            migrations.create_version_table(conn)
            mark = "?" if conn.dialect.name == "sqlite" else "%s"
            for number, migration in enumerate(migrations.MIGRATIONS[:6], start=1):
                migration(conn)
                conn.exec_driver_sql(
                    f"INSERT INTO {migrations.VERSION_TABLE} VALUES ({mark}, {mark}, '2025-01-01T00:00:00Z')",
                    (number, migration.__name__),
                )
            for table in ("source", "claim", "tag", "claim_tag", "event", "change_log"):
                cursor = old.execute(f"SELECT * FROM {table}")
                later = ("reverses", "search_vector", *migrations.WHO_COLUMNS, "hash")  # columns of migrations after 6
                columns = [d[0] for d in cursor.description if d[0] not in later]
                rows = [
                    tuple(dict(zip([d[0] for d in cursor.description], r, strict=True))[c] for c in columns)
                    for r in cursor.fetchall()
                ]
                conn.exec_driver_sql(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})", rows
                )
                if conn.dialect.name == "postgresql" and table != "claim_tag":
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                    )
    finally:
        old.close()
        engine.dispose()


def test_the_migration_pairs_what_undo_wrote_before_it(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database undone in at version 6 reads, once upgraded, as one undone in today."""
    today = tmp_path / "today.db"
    monkeypatch.setenv("CLAIMTRACK_DB", str(today))
    _history(cli)
    want, views = _pairs(today), _views(cli)
    monkeypatch.setenv("CLAIMTRACK_DB", str(db_path))
    _copy_rows(today, db_path)
    assert _views(cli) == views  # opening it upgrades it
    assert _pairs(db_path) == want
    check = _ok(cli("db", "check", "--format", "json"))
    assert json.loads(check.stdout)["ok"] is True, check.stdout
    _ok(cli("reopen", "6", "--at", "2024-06-02"))  # the upgraded file keeps working; its history is still append-only
    conn = open_db(db_path)
    try:
        with pytest.raises(Exception, match="append-only"):
            conn.execute("UPDATE event SET reverses = NULL WHERE reverses IS NOT NULL")
    finally:
        conn.close()
