"""The tools people explore a SQLite file with find claimtrack's search index and agree with it.

``claim_fts`` is an external-content FTS5 table of ``claim`` (migration 5), which is what
``sqlite-utils search`` and Datasette's ``?_search=`` look for. Both run here as real programs on a
claimtrack database that has been seeded and then changed (claims added, edited, deleted), and
must give exactly the claims ``claimtrack list --search`` gives. They search a claim's text and
quote; claimtrack also matches source names (``source_fts``), so the words compared here are in no
source's name. Deleted claims are rows of ``claim`` too: the tools show them unless asked not to
(Datasette: ``deleted_at__isnull=1``), so they are compared with ``list --deleted --search``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED_CLAIMS, datasette_server, get_json

pytestmark = pytest.mark.sqlite_only  # FTS5 and these tools are SQLite's

WORDS = ("workers", "troops", "donetsk", "treaty")  # in claims, in no source's name


def ids(run: Any) -> set[int]:
    assert run.exit_code == 0, run.stderr
    return {int(line) for line in run.stdout.split()}


@pytest.fixture
def changed(seeded: Callable[..., Any]) -> Callable[..., Any]:
    """The seed, then claims added (one by text, one by quote), edited (a word taken out of a text
    and a quote, one put into a quote) and deleted, so the index has followed every kind of write."""
    cli = seeded
    before = ids(cli("list", "--search", "workers", "--format", "ids"))
    assert {4, 16, 18} <= before  # the seed's claims this fixture changes
    for args in (
        ("add", "North Korean workers arrived in Donetsk.", "--source", "Andrei Lankov", "--said-on", "2023-06-01"),
        ("add", "Builders came to rebuild the city.", "--source", "The Bell", "--quote", "the workers came by train"),
        ("set", "16", "--text", "North Korea will send labourers to eastern Ukraine.", "--quote", "a good chance"),
        ("set", "5", "--quote", "Pyongyang could send troops and workers too"),
        ("delete", "18", "--yes"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    return cli


def expected(cli: Callable[..., Any], word: str) -> tuple[set[int], set[int]]:
    """(live, deleted) claims ``claimtrack list --search word`` gives."""
    live = ids(cli("list", "--search", word, "--format", "ids"))
    deleted = ids(cli("list", "--deleted", "--search", word, "--format", "ids"))
    return live, deleted


def test_the_changed_database_is_what_the_comparison_needs(changed: Callable[..., Any]):
    live, deleted = expected(changed, "workers")
    assert {4, 5, SEED_CLAIMS + 1, SEED_CLAIMS + 2} <= live and 16 not in live and 18 not in live
    assert deleted == {18}


def test_sqlite_utils_search_finds_the_claims_claimtrack_finds(changed: Callable[..., Any], db_path: Path):
    tables = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "tables", str(db_path), "--fts5"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert {t["table"] for t in json.loads(tables.stdout)} == {"claim_fts", "source_fts"}
    for word in (*WORDS, "work*"):
        found = subprocess.run(
            [
                sys.executable,
                "-m",
                "sqlite_utils",
                "search",
                str(db_path),
                "claim",
                word,
                "-c",
                "id",
                "-c",
                "deleted_at",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert found.returncode == 0, found.stderr
        rows = json.loads(found.stdout)
        live, deleted = expected(changed, word)
        assert {r["id"] for r in rows if r["deleted_at"] is None} == live, word
        assert {r["id"] for r in rows if r["deleted_at"] is not None} == deleted, word
        assert len(rows) == len(live) + len(deleted), word  # each claim once


def test_datasette_search_finds_the_claims_claimtrack_finds(changed: Callable[..., Any], db_path: Path, tmp_path: Path):
    with datasette_server(db_path, tmp_path / "datasette.log") as base:
        table = f"{base}/{db_path.stem}/claim.json"
        for word in WORDS:
            live, deleted = expected(changed, word)
            everything = get_json(f"{table}?_search={word}&_shape=array&_size=max")
            assert {r["id"] for r in everything} == live | deleted, word
            only_live = get_json(f"{table}?_search={word}&deleted_at__isnull=1&_shape=array&_size=max")
            assert {r["id"] for r in only_live} == live, word


def test_db_check_compares_the_index_with_the_rows_when_it_can(changed: Callable[..., Any], db_path: Path):
    from conftest import run_process

    checked = run_process("db", "check", "--format", "json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["search_index"] == "ok"
    read_only = run_process("--db", f"sqlite:///{db_path}?mode=ro", "db", "check", "--format", "json")
    assert read_only.returncode == 0, read_only.stdout + read_only.stderr
    assert json.loads(read_only.stdout)["search_index"].startswith("not compared with the rows")
