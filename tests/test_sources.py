"""Source track record: source set, sources (accuracy, Brier), calibration, Admiralty codes, due."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SEED_CLAIMS, table_digest


def claim_id(result) -> int:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)[0]["id"]


def sources_json(cli) -> dict[str, dict]:
    result = cli("sources", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return {row["name"]: row for row in json.loads(result.stdout)}


@pytest.fixture
def scored(cli):
    """The issue's example: 0.8 then confirmed, 0.3 then refuted."""
    a = claim_id(cli("add", "Comes true.", "--source", "Forecaster", "--confidence", "0.8", "--format", "json"))
    b = claim_id(cli("add", "Does not.", "--source", "Forecaster", "--confidence", "0.3", "--format", "json"))
    assert cli("confirm", str(a)).exit_code == 0
    assert cli("refute", str(b)).exit_code == 0
    return cli, a, b


def test_brier_example(scored):
    cli, _, _ = scored
    row = sources_json(cli)["Forecaster"]
    assert row["brier"] == pytest.approx(0.065)
    assert (row["claims"], row["confirmed"], row["refuted"], row["resolved"], row["accuracy"]) == (2, 1, 1, 2, 0.5)
    assert set(row) == {
        "name",
        "kind",
        "reliability",
        "claims",
        "unverified",
        "confirmed",
        "refuted",
        "disputed",
        "resolved",
        "accuracy",
        "brier",
    }


def test_confidence_changed_after_resolution_does_not_change_brier(scored):
    cli, a, b = scored
    assert cli("set", str(a), "--confidence", "0.1").exit_code == 0
    assert cli("set", str(b), "--confidence", "none").exit_code == 0
    assert sources_json(cli)["Forecaster"]["brier"] == pytest.approx(0.065)


def test_confidence_changed_before_resolution_counts(cli):
    cid = claim_id(cli("add", "Revised.", "--source", "Reviser", "--confidence", "0.2", "--format", "json"))
    assert cli("set", str(cid), "--confidence", "0.9").exit_code == 0
    assert cli("confirm", str(cid)).exit_code == 0
    assert sources_json(cli)["Reviser"]["brier"] == pytest.approx(0.01)  # (0.9 - 1)^2


def test_sources_without_resolved_claims_have_no_score(seeded):
    commentators = sources_json(seeded)["Russian commentators"]  # their one claim is still open
    assert commentators["kind"] == "other" and commentators["brier"] is None and commentators["accuracy"] is None
    kim = sources_json(seeded)["Kim Yo-Jong"]  # confirmed, but a pledge has no confidence: no score
    assert kim["accuracy"] == 1 and kim["brier"] is None
    assert sources_json(seeded)["The Bell"]["kind"] == "outlet"


def test_calibration_bins_sum_to_resolved_claims_with_confidence(seeded):
    seeded("add", "Unassessed and resolved.", "--source", "X")  # no confidence: not in any bin
    assert seeded("confirm", str(SEED_CLAIMS + 1)).exit_code == 0
    seeded("refute", "20")
    report = json.loads(seeded("calibration", "--format", "json").stdout)
    assert set(report) == {"brier", "bins"} and len(report["bins"]) == 10
    resolved = [
        c
        for c in json.loads(seeded("list", "--status", "confirmed", "--status", "refuted", "--format", "json").stdout)
        if c["confidence"] is not None
    ]
    assert sum(b["count"] for b in report["bins"]) == len(resolved) > 0
    for b in report["bins"]:
        assert set(b) == {"low", "high", "count", "mean_confidence", "share_confirmed"}
        if b["count"]:
            assert b["low"] <= b["mean_confidence"] <= b["high"] and 0 <= b["share_confirmed"] <= 1
    table = seeded("calibration", "--format", "table")
    assert table.exit_code == 0 and "Brier score" in table.stdout and "(few)" in table.stdout


def test_calibration_for_one_source(scored):
    cli, _, _ = scored
    report = json.loads(cli("calibration", "--source", "forecast", "--format", "json").stdout)
    assert report["brier"] == pytest.approx(0.065)
    assert [b["count"] for b in report["bins"] if b["count"]] == [1, 1]


def test_source_set_creates_and_updates(cli):
    created = cli("source", "set", "Reuters", "--kind", "outlet", "--reliability", "b", "--url", "https://reuters.com")
    assert created.exit_code == 0 and "created" in created.stderr
    row = sources_json(cli)["Reuters"]
    assert (row["kind"], row["reliability"]) == ("outlet", "B")
    updated = cli("source", "set", "reuters", "--reliability", "A")
    assert updated.exit_code == 0 and "reliability updated" in updated.stderr
    assert sources_json(cli)["Reuters"]["reliability"] == "A"


def test_bad_reliability_lists_a_to_f_and_writes_nothing(seeded, db_path: Path):
    before = table_digest(db_path)
    result = seeded("source", "set", "Newcomer", "--reliability", "Z")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "A-F" in result.stderr
    for grade in ("A completely reliable", "E unreliable", "F reliability cannot be judged"):
        assert grade in result.stderr
    assert table_digest(db_path) == before


@pytest.mark.parametrize(
    "status, confidence, reliability, code",
    [
        ("confirmed", "0.1", "B", "B1"),
        ("unverified", "likely", "B", "B2"),
        ("unverified", "0.5", "C", "C3"),
        ("unverified", "unlikely", "A", "A4"),
        ("unverified", "remote", "D", "D5"),
        ("refuted", "0.9", "E", "E5"),
        ("unverified", None, None, "F6"),
    ],
)
def test_admiralty_code_in_show_and_list(cli, status, confidence, reliability, code):
    name = f"Graded {code}"
    if reliability:
        assert cli("source", "set", name, "--reliability", reliability).exit_code == 0
    args = ["add", "Graded claim.", "--source", name, "--status", status, "--format", "json"]
    if confidence:
        args += ["--confidence", confidence]
    cid = claim_id(cli(*args))
    assert re.search(rf"^Admiralty\s+{code}\b", cli("show", str(cid), "--format", "table").stdout, re.MULTILINE)
    assert f" {code} " in cli("list", "--source", name, "--format", "table").stdout


def test_due_lists_review_dates_and_stale_claims_most_urgent_first(seeded):
    overdue = claim_id(seeded("add", "Look again.", "--source", "S", "--review-by", "2020-01-01", "--format", "json"))
    soon = claim_id(seeded("add", "Soon.", "--source", "S", "--review-by", "2099-01-01", "--format", "json"))
    rows = json.loads(seeded("due", "--format", "json").stdout)
    assert rows[0]["id"] == overdue and rows[0]["reason"].startswith("review overdue by")
    assert soon not in [r["id"] for r in rows]  # not within 7 days
    stale = [r for r in rows if r["reason"].startswith("unverified, unchanged")]
    assert stale and all(r["status"] == "unverified" for r in stale)  # the seed was loaded long ago
    assert soon in [r["id"] for r in json.loads(seeded("due", "--days", "30000", "--format", "json").stdout)]


def test_narrow_status_headers_abbreviate_the_status_they_count() -> None:
    """On a narrow terminal the status columns are abbreviated, never renamed: 'Open', 'True' and
    'False' named unverified, confirmed and refuted, where the report and ``match`` use those
    words for other things (issue 31: one vocabulary everywhere)."""
    from claimtrack.choices import Status
    from claimtrack.render import SOURCE_COLUMNS

    by_key = {c.key: c for c in SOURCE_COLUMNS}
    for status in Status:
        col = by_key[status.value]
        assert col.header == status.value.capitalize()
        assert col.short is None or status.value.startswith(col.short.lower()), col.short
