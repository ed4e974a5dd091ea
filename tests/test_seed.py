"""The seed: the article's claims, loaded once, from a checkout or from an installed wheel.

The invariants of ``data/seed.sql`` are checked through the CLI, so they hold on PostgreSQL too:
no claim settled without an evidence URL on the status change that settled it, every history
replaying to the claim's status, quotes found in the article, predictions with review dates, and
the article's own view (``--as-of`` its day) free of anything that happened later. Issue 32 adds
what can be checked of its one rule (a claim is judged as of when it was said): no event dated
before the page it cites was online (the seed lists each page's day), no later news changing a
verdict on the past or present, and no hedge left in a text whose confidence holds it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED_CLAIMS, Run

REPO = Path(__file__).resolve().parents[1]
ARTICLE = (REPO / "data" / "seed-article.txt").read_text(encoding="utf-8")
SOURCES = {"Andrei Lankov", "Kim Yo-Jong", "The Bell", "Unnamed media reports", "Russian commentators"}
RESOLVED = {"confirmed", "refuted"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _backup(run: Callable[..., Run]) -> dict[str, Any]:
    result = run("export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _claims(run: Callable[..., Run]) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = _backup(run)["claims"]
    assert len(claims) == SEED_CLAIMS
    return claims


def _status_events(claim: dict[str, Any]) -> list[dict[str, Any]]:
    """The claim's status changes in time order (``at``, then the order they were recorded)."""
    moves = [(e["at"], i, e) for i, e in enumerate(claim["events"]) if e["kind"] == "status"]
    return [e for _, _, e in sorted(moves, key=lambda m: (m[0], m[1]))]


def _replay(claim: dict[str, Any], until: str | None = None) -> str:
    """The status the history gives, at ``until`` (a stored time) or now."""
    status = "unverified"
    for event in _status_events(claim):
        if until is not None and event["at"] > until:
            break
        assert event["old"] == status, f"claim {claim['id']}: a move from {event['old']} while it was {status}"
        status = event["new"]
    return status


def _article_day(claims: list[dict[str, Any]]) -> str:
    """The article's day: every claim was captured (created) on it."""
    days = {e["at"][:10] for c in claims for e in c["events"] if e["kind"] == "created"}
    assert len(days) == 1, days
    return days.pop()


def test_seed_loads_the_article_claims(cli):
    result = cli("init", "--seed")
    assert result.exit_code == 0, result.stderr
    claims = json.loads(cli("list", "--format", "json").stdout)
    assert len(claims) >= 12
    assert {c["source"] for c in claims} == SOURCES
    assert all(c["said_on"] and c["said_on"].startswith("2023-") for c in claims)
    assert all(c["tags"] for c in claims)
    assert f"Seed: {len(claims)} claims added." in result.stderr


def test_seed_maps_the_speakers_hedging(seeded):
    claims = json.loads(seeded("list", "--source", "lankov", "--format", "json").stdout)
    by_text = {c["text"]: c for c in claims}
    workers = [c for t, c in by_text.items() if "workers" in t and "occupied" in t and "will send" in t]
    assert workers and workers[0]["confidence_label"].endswith(" likely")  # "a good chance this could be true"
    assert 0.55 <= workers[0]["confidence"] <= 0.80
    russia_like_nk = [c for t, c in by_text.items() if "turn into" in t]
    assert russia_like_nk and 0.20 <= russia_like_nk[0]["confidence"] <= 0.45  # "does not believe this likely"


def test_seed_twice_adds_nothing(seeded, db_path: Path):
    from conftest import table_digest

    before = table_digest(db_path)
    again = seeded("init", "--seed")
    assert again.exit_code == 0
    assert "0 claims added" in again.stderr
    assert table_digest(db_path) == before


@pytest.mark.sqlite_only
def test_every_seeded_claim_has_its_created_event(seeded, db_path: Path):
    with sqlite3.connect(db_path) as conn:
        missing = conn.execute(
            "SELECT count(*) FROM claim c WHERE NOT EXISTS "
            "(SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created')"
        ).fetchone()[0]
        resolved_without_event = conn.execute(
            "SELECT count(*) FROM claim c WHERE c.status <> 'unverified' AND NOT EXISTS "
            "(SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'status' AND e.new = c.status)"
        ).fetchone()[0]
    assert missing == 0 and resolved_without_event == 0


def test_no_claim_is_settled_without_evidence_on_the_change_that_settled_it(seeded):
    claims = _claims(seeded)
    for claim in claims:
        moves = _status_events(claim)
        if claim["status"] != "unverified":
            assert moves and moves[-1]["new"] == claim["status"], f"claim {claim['id']} has no status event"
        for event in claim["events"][1:]:  # every change and note after the capture cites its evidence
            assert event["kind"] in ("status", "note"), event
            assert re.fullmatch(r"https?://[^\s\"'<>]+", event["evidence_url"] or ""), (claim["id"], event)
            assert event["note"] and len(event["note"]) >= 30, (claim["id"], event)
            dated = re.search(r"[/-](20\d\d)[/-](\d\d)[/-]", event["evidence_url"])
            if dated:  # a page whose address carries its date is not from after the news it reports
                assert f"{dated[1]}-{dated[2]}" <= event["at"][:7], (claim["id"], event)
    # What happened next is there: every outcome, over 2023-2025, for the two sources with a record.
    assert {c["status"] for c in claims} == {"unverified", "confirmed", "refuted", "disputed"}
    years = {e["at"][:4] for c in claims for e in _status_events(c) if e["at"][:10] > _article_day(claims)}
    assert {"2023", "2024", "2025"} <= years


def test_every_history_replays_to_the_claims_status(seeded):
    for claim in _claims(seeded):
        kinds = [e["kind"] for e in claim["events"]]
        assert kinds[0] == "created" and kinds.count("created") == 1, claim["id"]
        created = claim["events"][0]
        assert all(e["at"] >= created["at"] for e in claim["events"]), f"claim {claim['id']} settled before it was made"
        assert all(e["recorded_at"] >= created["recorded_at"] for e in claim["events"])
        assert claim["updated_at"] == max(e["recorded_at"] for e in claim["events"])
        assert _replay(claim) == claim["status"], claim["id"]


def test_time_travel_agrees_with_the_history_on_every_day_something_happened(seeded):
    claims = _claims(seeded)
    days = sorted({e["at"][:10] for c in claims for e in _status_events(c)} | {date.today().isoformat()})
    for day in days:
        rows = json.loads(seeded("list", "--as-of", day, "--format", "json").stdout)
        want = {c["id"]: _replay(c, f"{day}T23:59:59Z") for c in claims if c["said_on"] <= day}
        assert {r["id"]: r["status"] for r in rows} == want, day


def test_the_articles_day_shows_the_article_as_it_stood(seeded):
    claims = _claims(seeded)
    day = _article_day(claims)
    # After Daily NK's story of 2 Feb 2023 ("earlier this month"), before the UN vote of 23 Feb.
    assert "2023-02-03" <= day <= "2023-02-22"
    rows = json.loads(seeded("list", "--as-of", day, "--format", "json").stdout)
    assert len(rows) == SEED_CLAIMS
    by_id = {c["id"]: c for c in claims}
    end = f"{day}T23:59:59Z"
    for row in rows:
        claim = by_id[row["id"]]
        known = [e for e in _status_events(claim) if e["at"] <= end]
        assert row["status"] == (known[-1]["new"] if known else "unverified"), row["id"]
        if row["status"] != "unverified":
            assert known[-1]["evidence_url"], f"claim {row['id']} settled on the article's word"
    assert sum(r["status"] == "unverified" for r in rows) > len(rows) / 2
    assert any(by_id[r["id"]]["status"] != r["status"] for r in rows)  # later news is not visible then


def test_quotes_are_the_articles_words_and_reported_speech_is_marked(seeded):
    article = _flat(ARTICLE)
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", article)]
    assert len(quoted) == 4  # Kim Yo-Jong's pledge and three passages of Lankov's own words
    for claim in _claims(seeded):
        assert claim["quote"], f"claim {claim['id']} has no quote"
        quote = _flat(claim["quote"])
        at = article.find(quote)
        assert at >= 0, f"claim {claim['id']}: quote not in the article: {quote!r}"
        own_words = any(start <= at and at + len(quote) <= end for start, end in quoted)
        if claim["source"] != "The Bell" and not own_words:  # The Bell wrote the article
            assert "paraphrase" in claim["tags"], f"claim {claim['id']}: reported speech not marked"


SEED_SQL = (REPO / "data" / "seed.sql").read_text(encoding="utf-8")
# The seed's comment line for each page it cites (its header, EVIDENCE): the day the page was online by.
EVIDENCE_LINE = re.compile(r"^--\s+evidence: (\S+) online (\d{4}-\d{2}-\d{2}) \(.+\)$", re.M)
HEDGES = ("likely", "unlikely", "probably", "perhaps", "maybe", "may", "might", "could", "possibly", "apparently")


def test_no_event_is_dated_before_its_evidence_was_online(seeded):
    """Issue 32: every page an event cites has its online day in the seed, and no event predates it."""
    online: dict[str, str] = {}
    for url, day in EVIDENCE_LINE.findall(SEED_SQL):
        assert online.setdefault(url, day) == day, f"{url}: two online days"
        date.fromisoformat(day)
    cited = set()
    for claim in _claims(seeded):
        for event in claim["events"][1:]:
            url = event["evidence_url"]
            assert url in online, f"claim {claim['id']}: {url} has no 'evidence: URL online DAY' line in the seed"
            assert event["at"][:10] >= online[url], (
                f"claim {claim['id']}: {event['kind']} dated before {url} was online"
            )
            cited.add(url)
    assert set(online) == cited  # no line for a page nothing cites


def test_no_hedge_is_counted_twice(seeded):
    """Issue 32: a claim whose confidence holds the speaker's hedge states the claim without it."""
    for claim in _claims(seeded):
        if claim["confidence"] is None:
            continue
        words = re.findall(r"[A-Za-z]+", claim["text"])
        hedges = [w for w in words if w.lower() in HEDGES and w != "May"]  # "May" capitalised is the month
        assert not hedges, f"claim {claim['id']}: hedge {hedges} left in {claim['text']!r}"


def test_one_rule_later_news_never_changes_a_verdict(seeded):
    """Issue 32: the header states one rule (as of when it was said); what can be checked of it holds:
    a claim about the past or present gets one verdict, and what came later is a note after it."""
    assert "ONE RULE FOR EVERY VERDICT: a claim is judged as of when it was said." in SEED_SQL
    for claim in _claims(seeded):
        if "prediction" in claim["tags"]:
            continue  # judged by what happened: its status may move as news arrives
        moves = _status_events(claim)
        assert len(moves) <= 1, f"claim {claim['id']}: later news changed its verdict"
        later = [e for e in claim["events"] if e["kind"] == "note" and moves and e["at"] > moves[0]["at"]]
        assert all(e["evidence_url"] for e in later), claim["id"]


def test_every_prediction_has_a_review_date_and_open_ones_are_due(seeded):
    claims = _claims(seeded)
    predictions = [c for c in claims if "prediction" in c["tags"]]
    for claim in claims:
        if re.search(r"\bwill\b", claim["text"]):
            assert claim in predictions, f"claim {claim['id']} is about the future but not tagged prediction"
    assert len(predictions) >= 5
    due = {row["id"]: row for row in json.loads(seeded("due", "--format", "json").stdout)}
    for claim in predictions:
        assert claim["review_by"] and claim["review_by"] > claim["said_on"], claim["id"]
        if claim["status"] not in RESOLVED:
            assert due[claim["id"]]["reason"].startswith("review"), claim["id"]
            assert due[claim["id"]]["due"] == claim["review_by"]
        else:
            assert claim["id"] not in due


def test_sources_and_calibration_show_a_real_track_record(seeded):
    sources = {s["name"]: s for s in json.loads(seeded("sources", "--format", "json").stdout)}
    assert set(sources) == SOURCES
    lankov = sources["Andrei Lankov"]  # the expert: right and wrong, as of when he spoke
    assert lankov["confirmed"] >= 3 and lankov["refuted"] >= 1, lankov
    assert 0 < lankov["accuracy"] < 1 and lankov["brier"] is not None, lankov
    bell = sources["The Bell"]  # the outlet: judged on the record of its time, the 2024 treaty only noted
    assert bell["confirmed"] >= 1 and bell["disputed"] >= 1 and bell["brier"] is not None, bell
    calibration = json.loads(seeded("calibration", "--format", "json").stdout)
    assert calibration["brier"] is not None and sum(b["count"] for b in calibration["bins"]) >= 10


def test_show_tells_the_story_with_its_evidence(seeded):
    claims = {c["uuid"]: c for c in _claims(seeded)}
    pledge = claims["7b4ca338-819a-4392-8bd1-bedaa0b77078"]  # Kim Yo-Jong: "in the same trench"
    shown = seeded("show", str(pledge["id"]))
    assert shown.exit_code == 0
    for event in pledge["events"][1:]:
        assert event["evidence_url"] in shown.stdout and event["note"] in shown.stdout
    assert "Kursk" in shown.stdout


def test_loading_is_deterministic_across_databases(seeded, tmp_path: Path):
    other = str(tmp_path / "second.db")
    assert seeded("--db", other, "init", "--seed").exit_code == 0
    first = _backup(seeded)
    second = _backup(lambda *a: seeded("--db", other, *a))
    assert first == second


def test_a_database_seeded_by_an_older_version_keeps_its_claims(cli, monkeypatch: pytest.MonkeyPatch):
    """Re-running ``init --seed`` after an upgrade adds the new claims and touches no stored one."""
    from claimtrack.service import setup  # where init reads the seed

    uuid = "6ffbe77e-87bf-448e-95fc-592bcb72dabb"  # C23, disputed in the current seed
    old = (
        "INSERT INTO source (name, name_key, kind, reliability, url, notes, created_at) "
        "SELECT 'The Bell', 'the bell', 'outlet', NULL, NULL, NULL, '2023-02-15T12:00:00Z';\n"
        "INSERT INTO tag (name) SELECT 'alliance';\n"
        "INSERT INTO claim (uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, "
        "review_by, created_at, updated_at) SELECT '" + uuid + "', 'An older wording.', NULL, "
        "(SELECT id FROM source WHERE name_key = 'the bell'), NULL, '2023-02-15', 'unverified', 0.875, 'very likely', "
        "NULL, '2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z';\n"
        "INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new, note, evidence_url) SELECT c.id, "
        "'2023-02-15T12:00:00Z', '2023-02-15T12:00:00Z', 'created', NULL, NULL, NULL, 'Seeded', NULL "
        "FROM claim c WHERE c.uuid = '" + uuid + "';\n"
    )
    current = setup.seed_sql()
    monkeypatch.setattr(setup, "seed_sql", lambda: old)
    assert cli("init", "--seed").exit_code == 0
    monkeypatch.setattr(setup, "seed_sql", lambda: current)
    again = cli("init", "--seed")
    assert again.exit_code == 0 and f"Seed: {SEED_CLAIMS - 1} claims added." in again.stderr
    claims = {c["uuid"]: c for c in _backup(cli)["claims"]}
    kept = claims[uuid]
    assert (kept["text"], kept["status"], kept["tags"], len(kept["events"])) == (
        "An older wording.",
        "unverified",
        [],
        1,
    )
    assert len(claims) == SEED_CLAIMS
    assert all(_replay(c) == c["status"] for c in claims.values())
    bell = [s for s in _backup(cli)["sources"] if s["name"] == "The Bell"]
    assert bell[0]["reliability"] is None  # a stored source is not regraded either


@pytest.mark.slow
def test_seed_works_from_an_installed_wheel_in_another_directory(tmp_path: Path):
    """Build the wheel, install it apart from the checkout, run init --seed from elsewhere."""
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("claimtrack-*.whl"))
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    db = tmp_path / "x.db"
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = "import claimtrack, sys; print(claimtrack.__file__); sys.argv = ['claimtrack', '--db', sys.argv[1], 'init', '--seed']; from claimtrack.cli import main; main()"
    run = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(str(target))  # the installed copy ran, not the checkout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM claim").fetchone()[0] >= 12
