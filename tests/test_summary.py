"""``summary --by status|source|tag`` and the script formats of list/show/log (issue "Query and report").

Summary rows are ``{group, count, share}``: by status all four statuses are listed in their fixed
order, counts add up to the number of matching claims and shares to 1; by source likewise; by tag
a claim counts once under each of its tags. The list filters apply. Output in json, csv, md and
tsv parses back to the same rows. Then ``list``, ``show`` and ``log`` in jsonl, csv and md each
give output a parser accepts (csv module, one JSON object a line, Markdown tables with the right
number of cells, pipes in the data escaped).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from conftest import Run, table_digest

STATUSES = ["unverified", "confirmed", "refuted", "disputed"]
TODAY = datetime.now(UTC).date().isoformat()


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed plus claims with two tags, no tags, every status and a pipe in a source name."""
    path = tmp_path_factory.mktemp("summary") / "claims.db"
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["--db", str(path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    def add(*args: str) -> int:
        return json.loads(run("add", *args, "--format", "json"))[0]["id"]

    run("init", "--seed")
    two = add(
        "Two tags here.",
        "--source",
        "Pipe | Desk",
        "--tag",
        "alpha",
        "--tag",
        "beta",
        "--confidence",
        "0.9",
        "--said-on",
        "2024-05-05",
    )
    add("Only alpha.", "--source", "Pipe | Desk", "--tag", "alpha", "--confidence", "0.2", "--said-on", "2024-06-06")
    untagged = add("No tags at all.", "--source", "Wire Service")
    refuted = add("Refuted one.", "--source", "Wire Service", "--tag", "beta", "--said-on", "2024-01-01")
    run("refute", str(refuted), "--at", "2024-03-01", "--note", "wrong | pipe in note")
    run("dispute", str(two), "--note", "unclear", "--evidence", "https://example.org/x")
    run("set", str(untagged), "--confidence", "likely", "--text", "No tags, edited.")
    return path


@pytest.fixture
def db(cli: Callable[..., Run], shared_db: Path) -> Callable[..., Run]:
    """The CLI on the shared database (tests only read it)."""
    return lambda *args: cli("--db", str(shared_db), *args)


def _summary(db: Callable[..., Run], *args: str) -> list[dict]:
    return json.loads(_ok(db("summary", *args, "--format", "json")).stdout)


def _claims(db: Callable[..., Run], *args: str) -> list[dict]:
    return json.loads(_ok(db("list", *args, "--format", "json")).stdout)


def _as_counts(rows: list[dict]) -> dict[str, int]:
    return {r["group"]: r["count"] for r in rows}


def _md_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table line (split on pipes that are not escaped)."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            rows.append([c.strip() for c in cells])
    return rows


# ---- by status ---------------------------------------------------------------------------------


def test_by_status_lists_all_four_and_adds_up(db: Callable[..., Run]) -> None:
    rows = _summary(db, "--by", "status")
    assert [r["group"] for r in rows] == STATUSES
    claims = _claims(db)
    assert sum(r["count"] for r in rows) == len(claims)
    assert sum(r["share"] for r in rows) == pytest.approx(1.0, abs=1e-3)
    assert _as_counts(rows) == {s: sum(1 for c in claims if c["status"] == s) for s in STATUSES}
    for r in rows:
        assert r["share"] == pytest.approx(r["count"] / len(claims), abs=1e-4)
    assert all(r["count"] > 0 for r in rows)  # the fixture holds every status


def test_by_status_is_the_default(db: Callable[..., Run]) -> None:
    assert _summary(db) == _summary(db, "--by", "status")


def test_by_status_with_a_filter_keeps_empty_statuses(db: Callable[..., Run]) -> None:
    rows = _summary(db, "--by", "status", "--status", "refuted")
    assert [r["group"] for r in rows] == STATUSES
    refuted = len(_claims(db, "--status", "refuted"))
    assert refuted >= 2  # the seed's and the fixture's
    assert _as_counts(rows) == {"unverified": 0, "confirmed": 0, "refuted": refuted, "disputed": 0}
    assert rows[2]["share"] == pytest.approx(1.0)


def test_empty_result_is_zeros_not_an_error(db: Callable[..., Run]) -> None:
    rows = _summary(db, "--by", "status", "--search", "xyzzynothing")
    assert [(r["group"], r["count"], r["share"]) for r in rows] == [(s, 0, 0) for s in STATUSES]
    assert _summary(db, "--by", "source", "--search", "xyzzynothing") == []


# ---- by source and tag -------------------------------------------------------------------------


def test_by_source_counts_each_source(db: Callable[..., Run]) -> None:
    rows = _summary(db, "--by", "source")
    claims = _claims(db)
    assert _as_counts(rows) == dict(Counter(c["source"] for c in claims))
    assert sum(r["count"] for r in rows) == len(claims)
    assert sum(r["share"] for r in rows) == pytest.approx(1.0, abs=1e-3)
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True)  # biggest group first


def test_by_tag_counts_a_claim_under_each_of_its_tags(db: Callable[..., Run]) -> None:
    rows = _summary(db, "--by", "tag")
    counts = _as_counts(rows)
    claims = _claims(db)
    expected = Counter(t for c in claims for t in c["tags"])
    for tag, n in expected.items():
        assert counts[tag] == n, tag
    assert counts["alpha"] == 2 and counts["beta"] == 2  # "Two tags here." is in both
    untagged = [g for g in counts if g not in expected]
    assert len(untagged) == 1 and counts[untagged[0]] == sum(1 for c in claims if not c["tags"])
    assert sum(counts.values()) > len(claims)
    for r in rows:
        assert r["share"] == pytest.approx(r["count"] / len(claims), abs=1e-4)


def test_by_tag_with_tag_filter(db: Callable[..., Run]) -> None:
    counts = _as_counts(_summary(db, "--by", "tag", "--tag", "beta"))
    assert counts["beta"] == 2
    assert counts["alpha"] == 1  # the two-tag claim matched through beta


# ---- filters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        ("--status", "confirmed"),
        ("--status", "refuted", "--status", "disputed"),
        ("--source", "desk"),
        ("--source", "lankov"),
        ("--tag", "alpha"),
        ("--tag", "ukraine", "--tag", "beta"),
        ("--min-confidence", "0.5"),
        ("--max-confidence", "0.5"),
        ("--since", "2024-01-01"),
        ("--until", "2023-02-01"),
        ("--search", "korea*"),
        ("--search", "tags", "--status", "disputed"),
        ("--tag", "russia", "--min-confidence", "0.8", "--status", "unverified"),
    ],
)
@pytest.mark.parametrize("by", ["status", "source"])
def test_filters_match_list(db: Callable[..., Run], filters: tuple[str, ...], by: str) -> None:
    claims = _claims(db, *filters)
    rows = _summary(db, "--by", by, *filters)
    counts = {g: n for g, n in _as_counts(rows).items() if n}
    assert counts == dict(Counter(c[by] for c in claims))
    if claims:
        assert sum(r["share"] for r in rows) == pytest.approx(1.0, abs=1e-3)


def test_limit_caps_the_groups(db: Callable[..., Run]) -> None:
    full = _summary(db, "--by", "tag")
    assert _summary(db, "--by", "tag", "--limit", "3") == full[:3]


@pytest.mark.parametrize("by", ["status", "source", "tag"])
def test_summary_as_of_groups_by_what_was_asked(db: Callable[..., Run], by: str) -> None:
    for day in ("2024-01-31", TODAY):
        claims = _claims(db, "--as-of", day)
        counts = {g: n for g, n in _as_counts(_summary(db, "--by", by, "--as-of", day)).items() if n}
        if by == "tag":
            expected = Counter(t for c in claims for t in c["tags"])
            expected.update("(untagged)" for c in claims if not c["tags"])
        else:
            expected = Counter(c[by] for c in claims)
        assert counts == dict(expected), day
    if by == "status":  # on 2024-01-31 only the seed's refutation on the record of its day (claim 21) had happened
        assert _as_counts(_summary(db, "--as-of", "2024-01-31"))["refuted"] == 1
        assert _as_counts(_summary(db, "--as-of", TODAY))["refuted"] == len(_claims(db, "--status", "refuted")) >= 2


def test_summary_does_not_change_the_database(db: Callable[..., Run], shared_db: Path) -> None:
    before = table_digest(shared_db)
    for by in ("status", "source", "tag"):
        _summary(db, "--by", by)
    assert table_digest(shared_db) == before


# ---- summary formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("by", ["status", "source", "tag"])
def test_summary_csv_tsv_md_match_json(db: Callable[..., Run], by: str) -> None:
    expected = [(r["group"], r["count"], r["share"]) for r in _summary(db, "--by", by)]

    out = _ok(db("summary", "--by", by, "--format", "csv")).stdout
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["group", "count", "share"]
    assert [(g, int(n), round(float(s), 4)) for g, n, s in table[1:]] == expected

    out = _ok(db("summary", "--by", by, "--format", "tsv")).stdout
    parsed = [line.split("\t") for line in out.splitlines()]
    assert all(len(p) == 3 for p in parsed)
    assert [(g, int(n), round(float(s), 4)) for g, n, s in parsed] == expected

    out = _ok(db("summary", "--by", by, "--format", "md")).stdout
    rows = _md_rows(out)
    assert rows[0] == ["group", "count", "share"]
    assert all(set(c) <= set("-: ") for c in rows[1])
    body = rows[2:]
    assert len(body) == len(expected)
    assert [(g.replace("\\", ""), int(n), round(float(s), 4)) for g, n, s in body] == [
        (g.replace("\\", ""), n, s) for g, n, s in expected
    ]


def test_summary_jsonl_and_table(db: Callable[..., Run]) -> None:
    lines = _ok(db("summary", "--by", "status", "--format", "jsonl")).stdout.splitlines()
    assert [json.loads(line) for line in lines] == _summary(db, "--by", "status")
    table = _ok(db("summary", "--by", "status", "--format", "table")).stdout
    for status in STATUSES:
        assert status in table
    assert "%" in table


# ---- list / show / log in jsonl, csv, md -------------------------------------------------------


def test_list_jsonl_csv_md_parse(db: Callable[..., Run]) -> None:
    claims = _claims(db)
    lines = _ok(db("list", "--format", "jsonl")).stdout.splitlines()
    assert [json.loads(line) for line in lines] == claims

    rows = list(csv.DictReader(io.StringIO(_ok(db("list", "--format", "csv")).stdout)))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in claims]
    assert {"id", "uuid", "text", "source", "status", "confidence", "tags"} <= set(rows[0])
    by_id = {int(r["id"]): r for r in rows}
    for c in claims:
        assert by_id[c["id"]]["status"] == c["status"]
        assert by_id[c["id"]]["source"] == c["source"]
        assert by_id[c["id"]]["tags"] == ",".join(c["tags"])

    md = _md_rows(_ok(db("list", "--format", "md")).stdout)
    width = len(md[0])
    assert all(len(r) == width for r in md), [r for r in md if len(r) != width]
    assert len(md) == len(claims) + 2
    assert [int(r[0]) for r in md[2:]] == [c["id"] for c in claims]


def _pick(db: Callable[..., Run]) -> int:
    return next(c["id"] for c in _claims(db, "--search", '"two tags"'))


def test_show_jsonl_csv_md_parse(db: Callable[..., Run]) -> None:
    cid = _pick(db)
    full = json.loads(_ok(db("show", str(cid), "--format", "json")).stdout)
    assert len(full["events"]) >= 2

    lines = _ok(db("show", str(cid), "--format", "jsonl")).stdout.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) == full

    rows = list(csv.DictReader(io.StringIO(_ok(db("show", str(cid), "--format", "csv")).stdout)))
    assert len(rows) == len(full["events"])
    assert [r["kind"] for r in rows] == [e["kind"] for e in full["events"]]
    assert [r["at"] for r in rows] == [e["at"] for e in full["events"]]

    out = _ok(db("show", str(cid), "--format", "md")).stdout
    assert f"Claim {cid}" in out
    md = _md_rows(out)
    assert all(len(r) == len(md[0]) for r in md)
    assert len(md) == len(full["events"]) + 2
    assert "Pipe \\| Desk" in out  # the pipe in the source name is escaped


def test_log_jsonl_csv_md_parse(db: Callable[..., Run]) -> None:
    events = json.loads(_ok(db("log", "--format", "json")).stdout)
    assert events and all("claim_id" in e for e in events)

    lines = _ok(db("log", "--format", "jsonl")).stdout.splitlines()
    assert [json.loads(line) for line in lines] == events

    rows = list(csv.DictReader(io.StringIO(_ok(db("log", "--format", "csv")).stdout)))
    assert len(rows) == len(events)
    assert [int(r["claim_id"]) for r in rows] == [e["claim_id"] for e in events]
    assert [r["kind"] for r in rows] == [e["kind"] for e in events]

    md = _md_rows(_ok(db("log", "--format", "md")).stdout)
    assert all(len(r) == len(md[0]) for r in md), [r for r in md if len(r) != len(md[0])]
    assert len(md) == len(events) + 2


def test_log_of_one_claim_in_every_format(db: Callable[..., Run]) -> None:
    cid = _pick(db)
    events = json.loads(_ok(db("log", str(cid), "--format", "json")).stdout)
    assert {e["claim_id"] for e in events} == {cid}
    assert [e["at"] for e in events] == sorted((e["at"] for e in events), reverse=True)
    assert len(_ok(db("log", str(cid), "--format", "jsonl")).stdout.splitlines()) == len(events)
    assert len(list(csv.reader(io.StringIO(_ok(db("log", str(cid), "--format", "csv")).stdout)))) == len(events) + 1
    assert len(_md_rows(_ok(db("log", str(cid), "--format", "md")).stdout)) == len(events) + 2
