"""Correcting sources (issue 13): ``source rename``, ``source merge`` and ``source delete``.

Covers: rename (case-only too; the search index follows; onto another source's name refused,
pointing at merge; an unknown name refused with the nearest names; no claim event), merge (every
claim moves, deleted ones too, each with an ``edit`` event of its source; FROM leaves ``sources``;
the track record follows, Brier score of INTO after the merge = Brier over both sources' resolved
claims before; the issue's typo "FNV Haven" into "FNV Havens"; FROM == INTO refused), delete
(an empty source goes; one with claims, even only deleted ones, is refused saying to merge), no
data changed by any refused command, and the ``change_log`` row each command writes (command
and detail, for ``undo``). Runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from claimtrack.service import Service
from conftest import Run, open_db, table_digest


def add(cli: Callable[..., Run], text: str, source: str, *extra: str) -> int:
    result = cli("add", text, "--source", source, *extra, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)[0]["id"]


def ok(result: Run) -> Run:
    assert result.exit_code == 0, result.stderr
    return result


def refused(result: Run, *words: str) -> str:
    """The one error line of a refused command, checked for ``words``."""
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr


def sources_json(cli: Callable[..., Run]) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in json.loads(ok(cli("sources", "--format", "json")).stdout)}


def calibration(cli: Callable[..., Run], *source: str) -> tuple[float | None, int]:
    """(Brier score, how many resolved claims with a forecast it is over)."""
    args = ("--source", source[0]) if source else ()
    report = json.loads(ok(cli("calibration", *args, "--format", "json")).stdout)
    return report["brier"], sum(b["count"] for b in report["bins"])


def listed(cli: Callable[..., Run], *args: str) -> list[dict[str, Any]]:
    return json.loads(ok(cli("list", *args, "--format", "json")).stdout)


def events(cli: Callable[..., Run], cid: int) -> list[dict[str, Any]]:
    return json.loads(ok(cli("show", str(cid), "--format", "json")).stdout)["events"]


def last_change(db: Any) -> tuple[str, dict[str, Any] | None, int | None, int | None]:
    """(command, detail, first_event, last_event) of the newest ``change_log`` row."""
    conn = open_db(db)
    try:
        row = conn.execute(
            "SELECT command, detail, first_event, last_event FROM change_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return row[0], json.loads(row[1]) if row[1] is not None else None, row[2], row[3]


def source_row(db: Any, name_key: str) -> dict[str, Any] | None:
    conn = open_db(db)
    try:
        cursor = conn.execute(
            "SELECT id, name, name_key, kind, reliability, url, notes, created_at FROM source WHERE name_key = ?",
            (name_key,),
        )
        row = cursor.fetchone()
        names = [d[0] for d in cursor.description]
    finally:
        conn.close()
    return dict(zip(names, row, strict=True)) if row else None


def delete_claims(db: Any, *ids: int) -> None:
    """Delete claims through the library (the ``delete`` command is another part of issue 13)."""
    svc = Service(str(db))
    try:
        svc.delete(list(ids))
    finally:
        svc.close()


# ---- rename -----------------------------------------------------------------------------------


def test_rename_respells_the_source_and_its_claims_follow(cli, db_path):
    a = add(cli, "The dam will be finished this year.", "Ministry of Wter")
    b = add(cli, "Tariffs go up in March.", "ministry of wter")
    before = source_row(db_path, "ministry of wter")
    result = ok(cli("source", "rename", "MINISTRY OF WTER", "Ministry of Water"))
    assert result.stdout == ""
    assert (
        result.stderr.strip()
        == "Renamed source 'Ministry of Wter' to 'Ministry of Water' (take it back with: claimtrack undo)."
    )
    names = sources_json(cli)
    assert "Ministry of Wter" not in names and names["Ministry of Water"]["claims"] == 2
    assert [c["id"] for c in listed(cli, "--source", "ministry of water")] == [a, b]
    assert {c["source"] for c in listed(cli)} == {"Ministry of Water"}
    after = source_row(db_path, "ministry of water")
    assert after == {**before, "name": "Ministry of Water", "name_key": "ministry of water"}  # same row, same id
    # No claim changed source: no event, and the journal keeps what undo needs.
    assert [e["kind"] for e in events(cli, a)] == ["created"]
    command, detail, first, last = last_change(db_path)
    assert (command, first, last) == ("source rename", None, None)
    assert detail == {"op": "rename", "source_id": before["id"], "old": "Ministry of Wter", "new": "Ministry of Water"}


def test_rename_keeps_the_search_index_in_step(cli):
    a = add(cli, "The bridge reopens in spring.", "Regional Gazete")
    b = add(cli, "Bus fares stay the same.", "Regional Gazete")
    assert [c["id"] for c in listed(cli, "--search", "Gazete")] == [a, b]
    ok(cli("source", "rename", "Regional Gazete", "Northern Herald"))
    assert [c["id"] for c in listed(cli, "--search", "Herald")] == [a, b]
    assert [c["id"] for c in listed(cli, "--search", "northern herald")] == [a, b]
    assert listed(cli, "--search", "Gazete") == []


def test_rename_case_only_is_allowed(cli, db_path):
    cid = add(cli, "Rain on Sunday.", "bbc weather")
    ok(cli("source", "rename", "bbc weather", "BBC Weather"))
    assert set(sources_json(cli)) == {"BBC Weather"}
    assert listed(cli)[0]["source"] == "BBC Weather" and listed(cli)[0]["id"] == cid
    command, detail, _, _ = last_change(db_path)
    assert command == "source rename" and (detail["old"], detail["new"]) == ("bbc weather", "BBC Weather")
    # The same spelling again changes nothing and says so.
    before = table_digest(db_path)
    refused(cli("source", "rename", "bbc weather", "BBC Weather"), "already has that name", "nothing was changed")
    assert table_digest(db_path) == before


def test_rename_onto_another_source_is_refused_and_points_at_merge(cli, db_path):
    add(cli, "One.", "FNV Haven")
    add(cli, "Two.", "FNV Havens")
    before = table_digest(db_path)
    error = refused(
        cli("source", "rename", "FNV Haven", "fnv havens"),
        "already exists",
        "claimtrack source merge 'FNV Haven' 'FNV Havens'",
    )
    assert "'FNV Havens'" in error
    assert table_digest(db_path) == before


def test_rename_of_an_unknown_source_names_the_nearest(cli, db_path):
    add(cli, "One.", "Andrei Lankov")
    before = table_digest(db_path)
    error = refused(
        cli("source", "rename", "Andrei Lankv", "A. Lankov"),
        "no source matches 'Andrei Lankv'",
        "did you mean 'Andrei Lankov'?",
    )
    assert "(claimtrack source rename 'Andrei Lankov' 'A. Lankov')" in error
    assert table_digest(db_path) == before
    refused(cli("source", "rename", "Andrei Lankov", "   "), "source name is empty")
    assert table_digest(db_path) == before


# ---- merge ------------------------------------------------------------------------------------


def test_merge_the_issue_typo_into_the_right_source(cli, db_path):
    """The issue: a claim filed under "FNV Haven" belongs to "FNV Havens"."""
    right = [
        add(cli, "Exports fell 4% in May.", "FNV Havens", "--confidence", "0.7"),
        add(cli, "Two mills will close.", "FNV Havens"),
    ]
    typo = [
        add(cli, "The port deal is signed.", "FNV Haven", "--confidence", "0.6"),
        add(cli, "Wages rise in July.", "FNV Haven"),
    ]
    ok(cli("confirm", str(typo[0])))
    delete_claims(db_path, typo[1])  # deleted claims move too: they may be restored
    into_before = source_row(db_path, "fnv havens")
    gone = source_row(db_path, "fnv haven")
    updated = {c["id"]: c["updated_at"] for c in listed(cli)}

    result = ok(cli("source", "merge", "fnv haven", "FNV HAVENS"))
    assert result.stderr.startswith("Merged source 'FNV Haven' into 'FNV Havens': 2 claims moved")

    names = sources_json(cli)
    assert "FNV Haven" not in names
    assert (names["FNV Havens"]["claims"], names["FNV Havens"]["confirmed"]) == (3, 1)  # the deleted one is not counted
    assert source_row(db_path, "fnv haven") is None and source_row(db_path, "fnv havens") == into_before
    assert [c["id"] for c in listed(cli, "--source", "FNV Havens")] == sorted(right + typo[:1])
    for cid in typo:
        last = events(cli, cid)[-1]
        assert (last["kind"], last["field"], last["old"], last["new"]) == ("edit", "source", "FNV Haven", "FNV Havens")
    assert all(e["field"] != "source" for cid in right for e in events(cli, cid))
    moved_at = events(cli, typo[0])[-1]["recorded_at"]
    after = {c["id"]: c for c in listed(cli)}
    assert after[typo[0]]["updated_at"] == moved_at and after[right[0]]["updated_at"] == updated[right[0]]
    deleted = json.loads(ok(cli("show", str(typo[1]), "--format", "json")).stdout)
    assert (deleted["source"], deleted["updated_at"]) == ("FNV Havens", moved_at)

    command, detail, first, last = last_change(db_path)
    assert command == "source merge" and last - first + 1 == 2
    assert detail == {"op": "merge", "from": gone, "into_id": into_before["id"]}


def test_merge_keeps_brier_scores_consistent(cli, db_path):
    """INTO's Brier score after the merge is the score over both sources' resolved claims before."""
    alpha = [
        add(cli, f"Alpha forecast {i}.", "Forecaster Alpha", "--confidence", p)
        for i, p in enumerate(("0.8", "0.3", "0.2"))
    ]
    ok(cli("set", str(alpha[2]), "--confidence", "0.6"))  # revised before it resolved: 0.6 counts
    ok(cli("confirm", str(alpha[0])))
    ok(cli("refute", str(alpha[1])))
    ok(cli("confirm", str(alpha[2])))
    beta = [
        add(cli, f"Beta forecast {i}.", "Pundit Beta", "--confidence", p) for i, p in enumerate(("0.9", "0.5", "0.7"))
    ]
    ok(cli("refute", str(beta[0])))
    ok(cli("confirm", str(beta[1])))  # beta[2] stays unverified
    unassessed = add(cli, "Beta, no confidence.", "Pundit Beta")
    ok(cli("confirm", str(unassessed)))
    add(cli, "Someone else entirely.", "Bystander", "--confidence", "0.1")

    before = sources_json(cli)
    (brier_a, n_a), (brier_b, n_b) = calibration(cli, "Forecaster Alpha"), calibration(cli, "Pundit Beta")
    assert (brier_a, brier_b) == (before["Forecaster Alpha"]["brier"], before["Pundit Beta"]["brier"])
    assert (n_a, n_b) == (3, 2)
    union = (brier_a * n_a + brier_b * n_b) / (n_a + n_b)
    assert calibration(cli)[0] == pytest.approx(union, abs=1e-4)  # every resolved claim is one of theirs

    ok(cli("source", "merge", "Forecaster Alpha", "Pundit Beta"))

    after = sources_json(cli)
    into = after["Pundit Beta"]
    assert "Forecaster Alpha" not in after and after["Bystander"] == before["Bystander"]
    for column in ("claims", "confirmed", "refuted", "unverified", "disputed", "resolved"):
        assert into[column] == before["Forecaster Alpha"][column] + before["Pundit Beta"][column], column
    assert into["brier"] == pytest.approx(union, abs=1e-4)
    assert calibration(cli, "Pundit Beta") == (into["brier"], n_a + n_b)
    assert into["accuracy"] == pytest.approx(into["confirmed"] / into["resolved"], abs=1e-4)
    refused(cli("calibration", "--source", "Forecaster Alpha"), "no source matches")


def test_merge_of_a_source_into_itself_or_an_unknown_one_changes_nothing(cli, db_path):
    add(cli, "One.", "The Bell")
    add(cli, "Two.", "Meduza")
    before = table_digest(db_path)
    refused(cli("source", "merge", "the bell", "THE BELL"), "same source")
    error = refused(cli("source", "merge", "The Bell", "Medusa"), "no source matches 'Medusa'", "'Meduza'")
    assert "(claimtrack source merge 'The Bell' Meduza)" in error
    error = refused(cli("source", "merge", "The Bel", "Meduza"), "no source matches 'The Bel'", "'The Bell'")
    assert "(claimtrack source merge 'The Bell' Meduza)" in error
    assert table_digest(db_path) == before


# ---- delete -----------------------------------------------------------------------------------


def test_delete_an_empty_source(cli, db_path):
    ok(cli("source", "set", "Unused Outlet", "--kind", "outlet", "--reliability", "C"))
    add(cli, "One.", "Kept")
    row = source_row(db_path, "unused outlet")
    result = ok(cli("source", "delete", "unused outlet"))
    assert result.stderr.strip() == "Deleted source 'Unused Outlet' (take it back with: claimtrack undo)."
    assert set(sources_json(cli)) == {"Kept"} and source_row(db_path, "unused outlet") is None
    command, detail, first, last = last_change(db_path)
    assert (command, first, last) == ("source delete", None, None)
    assert detail == {"op": "delete", "source": row} and detail["source"]["reliability"] == "C"


def test_delete_a_source_with_claims_is_refused_saying_to_merge(cli, db_path):
    add(cli, "One.", "FNV Haven")
    gone = add(cli, "Two.", "Only Deleted")
    delete_claims(db_path, gone)
    assert "Only Deleted" not in sources_json(cli)  # left out of sources, yet it still has a claim
    before = table_digest(db_path)
    refused(
        cli("source", "delete", "fnv haven"),
        "'FNV Haven' has 1 claim;",
        "nothing was deleted",
        "claimtrack source merge 'FNV Haven' OTHER",
    )
    refused(
        cli("source", "delete", "Only Deleted"),
        "has 1 claim (1 of them deleted, which can be restored)",
        "claimtrack source merge 'Only Deleted' OTHER",
    )
    error = refused(cli("source", "delete", "FNV Havn"), "no source matches 'FNV Havn'", "'FNV Haven'")
    assert "(claimtrack source delete 'FNV Haven')" in error
    assert table_digest(db_path) == before


def test_source_commands_on_a_missing_database_create_nothing(cli, db_path):
    for args in (("rename", "A", "B"), ("merge", "A", "B"), ("delete", "A")):
        refused(cli("source", *args), "no claimtrack database")
    if not str(db_path).startswith("postgresql"):
        assert not db_path.exists()
