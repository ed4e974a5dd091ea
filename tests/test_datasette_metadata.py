"""``export --format datasette-metadata``: the file is what Datasette reads, its queries run, and Datasette uses it.

The canned queries are run twice: with ``sqlite3`` on a read-only connection (with sample values
and with every parameter left empty, as Datasette passes a field left blank), and through a real
Datasette server started on 127.0.0.1 with the file as ``--metadata``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED_CLAIMS, datasette_server, get_json, table_digest

# A value for each canned query's parameter that the seed (with the changes below) has rows for.
SAMPLES = {"status": "unverified", "tag": "North-Korea", "since": "2024-01-01", "source": "lankov", "by": "2030-01-01"}
DELETED = 20  # an unverified claim tagged north-korea with a review date, deleted by the fixture
_PARAM = re.compile(r"(?<!:):(\w+)")


@pytest.fixture
def exported(seeded: Callable[..., Any]) -> dict[str, Any]:
    """The metadata of the seeded database after one claim was deleted."""
    assert seeded("delete", str(DELETED), "--yes").exit_code == 0
    result = seeded("export", "--format", "datasette-metadata")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _queries(meta: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return meta["databases"]["claims"]["queries"]


def _run(db_path: Path, sql: str, params: dict[str, str]) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.mark.sqlite_only
def test_the_metadata_has_the_shape_datasette_reads(exported: dict[str, Any], db_path: Path) -> None:
    assert set(exported["databases"]) == {"claims"}  # the file's stem, as Datasette names it
    assert exported["title"] and exported["description"]
    tables = exported["databases"]["claims"]["tables"]
    claim = tables["claim"]
    assert claim["label_column"] == "text"
    assert {"status", "source_id"} <= set(claim["facets"])
    assert (claim["fts_table"], claim["fts_pk"]) == ("claim_fts", "id")
    assert claim["sort_desc"] == "updated_at" and "said_on" in claim["sortable_columns"]
    assert tables["source"]["label_column"] == "name" and tables["tag"]["label_column"] == "name"
    assert tables["claim_tag"]["facets"] == ["tag_id"]  # tags: faceted on the link table (see datasette.py)
    for name in ("change_log", "claimtrack_migrations", "claim_fts", "claim_fts_data", "source_fts_idx"):
        assert tables[name] == {"hidden": True}
    assert not any(tables[name].get("hidden") for name in ("claim", "source", "tag", "claim_tag", "event"))
    conn = sqlite3.connect(db_path)
    try:
        in_file = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(claim)")}
    finally:
        conn.close()
    assert set(tables) == in_file  # every table is either described or hidden, and no table is made up
    assert set(claim["sortable_columns"]) | set(claim["columns"]) | set(claim["facets"]) <= columns
    queries = _queries(exported)
    assert 4 <= len(queries) <= 6
    for name, query in queries.items():
        assert query["title"] and query["description"], name
        assert query["sql"].lstrip().upper().startswith("SELECT"), name
        assert sorted(set(_PARAM.findall(query["sql"]))) == sorted(query["params"]), name
        assert set(query["params"]) <= set(SAMPLES), name


@pytest.mark.sqlite_only
def test_every_canned_query_runs_read_only_and_finds_rows(exported: dict[str, Any], db_path: Path) -> None:
    before = table_digest(db_path)
    for name, query in _queries(exported).items():
        sample = _run(db_path, query["sql"], {p: SAMPLES[p] for p in query["params"]})
        assert sample, name
        everything = _run(db_path, query["sql"], {p: "" for p in query["params"]})  # a blank field: all
        assert len(everything) >= len(sample), name
    assert table_digest(db_path) == before


@pytest.mark.sqlite_only
def test_the_canned_queries_answer_what_their_titles_say(exported: dict[str, Any], db_path: Path) -> None:
    queries = _queries(exported)

    def run(name: str, **params: str) -> list[sqlite3.Row]:
        return _run(db_path, queries[name]["sql"], params)

    live = run("live_claims", status="")
    assert DELETED not in {r["id"] for r in live}
    assert len(live) == SEED_CLAIMS - 1
    assert {r["status"] for r in run("live_claims", status="refuted")} == {"refuted"}
    assert "north-korea" in live[0]["tags"].split(", ")
    tagged = run("claims_with_tag", tag="North-Korea ")
    assert tagged and all("north-korea" in r["tags"].split(", ") for r in tagged)
    assert DELETED not in {r["id"] for r in tagged}
    assert not run("claims_with_tag", tag="no-such-tag")
    changes = run("changed_since", since="2024-01-01")
    assert all(r["at"] >= "2024-01-01" for r in changes)
    assert any(r["claim_id"] == DELETED and r["field"] == "deleted" for r in changes)  # a deletion is a change
    [lankov] = run("source_track_record", source="lankov")
    assert lankov["source"] == "Andrei Lankov"
    assert lankov["claims"] == lankov["confirmed"] + lankov["refuted"] + lankov["disputed"] + lankov["unverified"]
    due = run("due_for_review", by="2030-01-01")
    assert due and all(r["status"] not in ("confirmed", "refuted") and r["review_by"] <= "2030-01-01" for r in due)
    assert DELETED not in {r["id"] for r in due}
    assert not run("due_for_review", by="2000-01-01")


@pytest.mark.sqlite_only
def test_the_database_name_is_the_file_stem_and_output_works(cli: Callable[..., Any], tmp_path: Path) -> None:
    db = tmp_path / "newsroom.db"
    assert cli("--db", str(db), "init").exit_code == 0
    shown = cli("--db", str(db), "export", "--format", "datasette-metadata")
    assert list(json.loads(shown.stdout)["databases"]) == ["newsroom"]
    target = tmp_path / "metadata.json"
    written = cli("--db", str(db), "export", "--format", "datasette-metadata", "--output", str(target))
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert "--metadata" in written.stderr and "newsroom" in written.stderr


@pytest.mark.parametrize(
    "args, says",
    [
        (("--status", "confirmed"), "--status chooses claims"),
        (("--tag", "x", "--limit", "3"), "--tag and --limit choose claims"),
        (("--sort", "id"), "--sort chooses claims"),
        (("--title", "Claims"), "--title shapes a report"),
        (("--group-by", "status"), "--group-by shapes a report"),
    ],
)
def test_options_that_choose_claims_or_shape_a_report_are_refused(
    seeded: Callable[..., Any], tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    target = tmp_path / "metadata.json"
    result = seeded("export", "--format", "datasette-metadata", "--output", str(target), *args)
    assert result.exit_code == 1
    assert says in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not target.exists()


def test_a_server_database_is_refused_before_connecting(cli: Callable[..., Any]) -> None:
    result = cli("--db", "postgresql+psycopg://someone@127.0.0.1:1/claims", "export", "--format", "datasette-metadata")
    assert result.exit_code == 1
    assert (
        result.stderr.startswith("Error: datasette-metadata is for a SQLite file")
        and "Datasette reads SQLite" in result.stderr
    )
    assert result.stdout == ""


# ---- a real Datasette -------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_datasette_uses_the_facets_queries_and_hidden_tables(
    exported: dict[str, Any], seeded: Callable[..., Any], db_path: Path, tmp_path: Path
) -> None:
    metadata = tmp_path / "metadata.json"
    assert seeded("export", "--format", "datasette-metadata", "-o", str(metadata)).exit_code == 0
    with datasette_server(db_path, tmp_path / "datasette.log", "--metadata", str(metadata)) as base:
        db = f"{base}/{db_path.stem}"
        table = get_json(f"{db}/claim.json?_facet=status&_size=1")
        status = table["facet_results"]["status"]
        assert {r["value"] for r in status["results"]} == {"unverified", "confirmed", "refuted", "disputed"}
        by_source = get_json(f"{db}/claim.json?_facet=source_id&_size=1")["facet_results"]["source_id"]
        assert "Andrei Lankov" in {r["label"] for r in by_source["results"]}  # the source's label_column
        by_tag = get_json(f"{db}/claim_tag.json?_size=1")["facet_results"]["tag_id"]  # a default facet from metadata
        assert "north-korea" in {r["label"] for r in by_tag["results"]}
        found = get_json(f"{db}/claim.json?_search=workers&_shape=array&_size=max")
        assert found and all("workers" in (r["text"] + (r["quote"] or "")).lower() for r in found)
        for name, query in _queries(exported).items():
            params = urllib.parse.urlencode({p: SAMPLES[p] for p in query["params"]})
            answer = get_json(f"{db}/{name}.json?{params}")
            assert answer["ok"] and answer["rows"], name
        listed = {t["name"]: t for t in get_json(f"{db}.json")["tables"]}
        for name in ("change_log", "claimtrack_migrations", "claim_fts", "source_fts"):
            assert listed[name]["hidden"] is True, name
        assert listed["claim"]["hidden"] is False and listed["event"]["hidden"] is False
