"""The seed: the article's claims, loaded once, from a checkout or from an installed wheel."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = {"Andrei Lankov", "Kim Yo-Jong", "The Bell", "Unnamed media reports"}


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


@pytest.mark.slow
def test_seed_works_from_an_installed_wheel_in_another_directory(tmp_path: Path):
    """Build the wheel, install it apart from the checkout, run init --seed from elsewhere."""
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("claimtrack-*.whl"))
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    db = tmp_path / "x.db"
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = "import claimtrack, sys; print(claimtrack.__file__); sys.argv = ['claimtrack', '--db', sys.argv[1], 'init', '--seed']; from claimtrack.cli import main; main()"
    run = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(str(target))  # the installed copy ran, not the checkout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM claim").fetchone()[0] >= 12
