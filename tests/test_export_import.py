"""Export and import (DESIGN.md "Output", "Errors"; issue "Query and report").

The acceptance test: a seeded database with added, edited and resolved claims (unicode text, a
claim with control characters) exported as json/jsonl, imported into an empty database and
exported again gives byte-identical files; importing again skips everything and says so.
Also: all-or-nothing import (a bad 3rd record imports nothing and is named, for csv, jsonl and
json); unreadable inputs (missing columns, empty, binary, truncated) are one Error line and leave
the database unchanged; import from standard input; hostile text inert in csv/html/md/table;
ClaimReview JSON-LD; the Markdown totals; atomic ``--output``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import forkserver
from claimtrack.cli import app
from conftest import Run, run_process, table_digest

HOSTILE = '=HYPERLINK("x") <script>alert(1)</script> [red]x[/red] \x1b[31mansi'
UNICODE = "Ünïcödé — 北朝鲜 派遣 工人 — שלום עולם — 😀 «quoted»"
CONTROL = "ctrl \x1b[2J bell\x07 cr\rback bidi\u202eevil del\x7f c1\x85 tab\tend"


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def _add(cli: Callable[..., Run], text: str, source: str, *extra: str) -> int:
    return json.loads(_ok(cli("add", text, "--source", source, *extra, "--format", "json")).stdout)[0]["id"]


def _one_error_line(run: Run) -> str:
    assert run.exit_code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    return lines[0]


def _build(cli: Callable[..., Run]) -> dict[str, int]:
    """The seed plus added, edited and resolved claims, keyed by a short name."""
    _ok(cli("init", "--seed"))
    ids = {
        "unicode": _add(
            cli,
            UNICODE,
            "Çé Sœurce",
            "--said-on",
            "2024-01-02",
            "--confidence",
            "very likely",
            "--url",
            "https://example.org/a",
            "--quote",
            "« verbatim »",
            "--tag",
            "unicode",
        ),
        "control": _add(cli, CONTROL, "Ctl \x1b[31mSource", "--confidence", "30%"),
        "hostile": _add(cli, HOSTILE, "@Evil Source", "--said-on", "2024-02-01"),
        "edited": _add(cli, "Original wording.", "Desk", "--tag", "draft", "--tag", "keep", "--confidence", "0.5"),
        "confirmed": _add(
            cli,
            "The bridge reopened in June.",
            "Andrei Lankov",
            "--said-on",
            "2024-03-03",
            "--url",
            "https://example.org/bridge",
            "--confidence",
            "likely",
        ),
        "refuted": _add(cli, "The summit was cancelled.", "Wire Service", "--said-on", "2024-04-04"),
        "disputed": _add(cli, "Casualty figures were doubled.", "Wire Service"),
        "plain": _add(cli, "Still unverified.", "Desk"),
    }
    _ok(
        cli(
            "set",
            str(ids["edited"]),
            "--text",
            "Corrected wording, ünïcode.",
            "--confidence",
            "0.8",
            "--add-tag",
            "checked",
            "--remove-tag",
            "draft",
            "--note",
            "copy-edited",
        )
    )
    _ok(
        cli("set", str(ids["edited"]), "--source", "Other Desk", "--quote", "a quote", "--url", "https://example.org/e")
    )
    _ok(
        cli(
            "confirm",
            str(ids["confirmed"]),
            "--note",
            "Photos of traffic",
            "--evidence",
            "https://example.org/ev",
            "--at",
            "2024-06-19",
        )
    )
    _ok(cli("refute", str(ids["refuted"]), "--note", "Summit went ahead", "--at", "2024-05-01T10:20:30Z"))
    _ok(
        cli("dispute", str(ids["disputed"]), "--note", "Two ministries disagree", "--evidence", "https://example.org/d")
    )
    _ok(cli("note", str(ids["plain"]), "Waiting for a second source", "--evidence", "https://example.org/n"))
    _ok(cli("dispute", str(ids["control"]), "--at", "2024-01-05"))
    _ok(cli("reopen", str(ids["control"]), "--at", "2024-02-05", "--note", "new \x1b[1m note"))
    return ids


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The populated database, built once per module (each test gets its own copy)."""
    path = tmp_path_factory.mktemp("template") / "claims.db"
    runner = CliRunner()

    def cli(*args: str) -> Run:
        result = runner.invoke(app, ["--db", str(path), *args], catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return path, _build(cli)


@pytest.fixture
def populated(template: tuple[Path, dict[str, int]], db_path: Path) -> dict[str, int]:
    """This test's database: a copy of the populated template."""
    path, ids = template
    if isinstance(db_path, str):  # a PostgreSQL database: copy the template up, as a team would
        from claimtrack.service import copy_database

        copy_database(str(path), db_path)
        return dict(ids)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            shutil.copyfile(f"{path}{suffix}", f"{db_path}{suffix}")
    return dict(ids)


def _claims_json(cli: Callable[..., Run], *db: str) -> list[dict]:
    return json.loads(_ok(cli(*db, "list", "--format", "json")).stdout)


# ---- the acceptance test -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_roundtrip_into_empty_database_is_byte_identical(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path, fmt: str
) -> None:
    first, second, other = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}", tmp_path / "other.db"
    _ok(cli("export", "--format", fmt, "-o", str(first)))
    imported = _ok(cli("--db", str(other), "import", str(first)))
    total = len(_claims_json(cli))
    assert f"Imported {total} claims" in imported.stderr
    _ok(cli("--db", str(other), "export", "--format", fmt, "-o", str(second)))
    assert first.read_bytes() == second.read_bytes()

    # Every claim, tag and event is there, exactly.
    assert _claims_json(cli, "--db", str(other)) == _claims_json(cli)
    for cid in populated.values():
        original = json.loads(_ok(cli("show", str(cid), "--format", "json")).stdout)
        restored = json.loads(_ok(cli("--db", str(other), "show", str(cid), "--format", "json")).stdout)
        assert restored == original
    assert _claims_json(cli, "--db", str(other))[-1]["id"] == populated["plain"]
    restored = {c["id"]: c for c in _claims_json(cli, "--db", str(other))}
    assert restored[populated["unicode"]]["text"] == UNICODE
    assert restored[populated["control"]]["text"] == CONTROL
    assert restored[populated["hostile"]]["text"] == HOSTILE
    assert restored[populated["edited"]]["tags"] == ["checked", "keep"]


def test_export_is_deterministic(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    for fmt in ("json", "jsonl", "csv", "md", "html", "claimreview", "claimreview-html"):
        assert _ok(cli("export", "--format", fmt)).stdout == _ok(cli("export", "--format", fmt)).stdout, fmt


def test_json_export_has_sources_and_every_event(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    data = json.loads(_ok(cli("export", "--format", "json")).stdout)
    assert data["format"] == "claimtrack"
    names = {s["name"] for s in data["sources"]}
    assert {"Çé Sœurce", "Wire Service", "Other Desk", "Andrei Lankov"} <= names
    by_id = {c["id"]: c for c in data["claims"]}
    edited = by_id[populated["edited"]]
    assert edited["text"] == "Corrected wording, ünïcode."
    assert edited["source"] == "Other Desk"
    assert edited["confidence"] == pytest.approx(0.8)
    assert [e["kind"] for e in edited["events"]].count("edit") >= 5
    confirmed = by_id[populated["confirmed"]]
    status = [e for e in confirmed["events"] if e["kind"] == "status"]
    assert status[0]["at"] == "2024-06-19T12:00:00Z"  # a day typed for --at is noon there (TZ=UTC: conftest)
    assert status[0]["evidence_url"] == "https://example.org/ev"
    assert status[0]["note"] == "Photos of traffic"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_importing_again_skips_all_and_says_so(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path, db_path: Path, fmt: str
) -> None:
    backup = tmp_path / f"backup.{fmt}"
    _ok(cli("export", "--format", fmt, "-o", str(backup)))
    total = len(_claims_json(cli))
    before = table_digest(db_path)
    run = _ok(cli("import", str(backup)))
    assert f"{total} already present (same uuid), skipped" in run.stderr
    assert "Imported 0 claims" in run.stderr
    assert table_digest(db_path) == before


def test_partial_overlap_adds_only_new_claims(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path
) -> None:
    backup, other = tmp_path / "b.jsonl", tmp_path / "other.db"
    _ok(cli("export", "--format", "jsonl", "-o", str(backup)))
    _ok(cli("--db", str(other), "init"))
    _ok(cli("--db", str(other), "add", "Only in the other database.", "--source", "Desk"))
    partial = tmp_path / "part.jsonl"
    lines = backup.read_text(encoding="utf-8").splitlines(keepends=True)
    claim_lines = [line for line in lines if json.loads(line)["type"] == "claim"]
    partial.write_text("".join(claim_lines[:3]), encoding="utf-8")
    _ok(cli("--db", str(other), "import", str(partial)))
    run = _ok(cli("--db", str(other), "import", str(backup)))
    assert f"Imported {len(claim_lines) - 3} claims; 3 already present (same uuid), skipped" in run.stderr
    texts = [c["text"] for c in _claims_json(cli, "--db", str(other))]
    assert "Only in the other database." in texts
    assert len(texts) == len(claim_lines) + 1


# ---- all or nothing ----------------------------------------------------------------------------


def _bad_third(fmt: str) -> str:
    good = [
        ("First good claim", "Desk", "0.7"),
        ("Second good claim", "Desk", "likely"),
        ("Third claim", "Desk", "banana"),
    ]
    if fmt == "csv":
        return "text,source,confidence\n" + "".join(f"{t},{s},{c}\n" for t, s, c in good)
    records = [{"text": t, "source": s, "confidence": c} for t, s, c in good]
    if fmt == "jsonl":
        return "".join(json.dumps(r) + "\n" for r in records)
    return json.dumps(records, indent=1)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_bad_third_record_imports_nothing_and_is_named(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path, db_path: Path, fmt: str
) -> None:
    path = tmp_path / f"bad.{fmt}"
    path.write_text(_bad_third(fmt), encoding="utf-8")
    before = table_digest(db_path)
    line = _one_error_line(cli("import", str(path)))
    assert "record 3" in line
    assert "confidence" in line
    assert table_digest(db_path) == before
    assert not any("good claim" in c["text"] for c in _claims_json(cli))


def test_bad_record_in_backup_rolls_back_sources_too(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path
) -> None:
    backup, other = tmp_path / "b.json", tmp_path / "other.db"
    _ok(cli("export", "--format", "json", "-o", str(backup)))
    data = json.loads(backup.read_text(encoding="utf-8"))
    data["claims"][2]["confidence"] = 7.5
    backup.write_text(json.dumps(data), encoding="utf-8")
    _ok(cli("--db", str(other), "init"))
    before = table_digest(other)
    line = _one_error_line(cli("--db", str(other), "import", str(backup)))
    assert "record 3" in line and "confidence" in line
    assert table_digest(other) == before
    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT count(*) FROM source").fetchone()[0] == 0


BAD_FILES = {
    "csv-missing-source-column": ("x.csv", b"text,confidence\nSomething,0.5\n"),
    "csv-missing-both-columns": ("x.csv", b"claim,who\nSomething,Desk\n"),
    "csv-empty": ("x.csv", b""),
    "json-empty": ("x.json", b""),
    "jsonl-empty": ("x.jsonl", b"\n\n"),
    "csv-binary": ("x.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\xfd" * 20),
    "json-binary": ("x.json", bytes(range(256)) * 4),
    "json-truncated": (
        "x.json",
        b'{"format": "claimtrack", "version": 1, "sources": [], "claims": [{"text": "a", "sour',
    ),
    "jsonl-truncated": ("x.jsonl", b'{"text": "a", "source": "b"}\n{"text": "c", "sou'),
    "json-not-claims": ("x.json", b'{"hello": "world"}'),
    "jsonl-not-object": ("x.jsonl", b"[1, 2, 3]\n"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_unreadable_import_is_one_error_line_and_no_change(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path, db_path: Path, case: str
) -> None:
    name, content = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(content)
    before = table_digest(db_path)
    _one_error_line(cli("import", str(path)))
    assert table_digest(db_path) == before


def test_import_missing_file_and_unknown_extension(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    before = table_digest(db_path)
    assert "nope.json" in _one_error_line(cli("import", str(tmp_path / "nope.json")))
    odd = tmp_path / "claims.txt"
    odd.write_text('{"text": "a", "source": "b"}\n', encoding="utf-8")
    _one_error_line(cli("import", str(odd)))
    assert table_digest(db_path) == before
    _ok(cli("import", str(odd), "--format", "jsonl"))
    assert table_digest(db_path) != before


def test_csv_import_reads_optional_columns(cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "Text,Source,Confidence,Status,Tags,URL,Said_On\n"
        '"Troops, with tanks, crossed the river.",Field Desk,70%,confirmed,"war,river",https://example.org/r,2024-02-02\n'
        "Minimal row.,Field Desk,,,,,\n",
        encoding="utf-8",
    )
    run = _ok(cli("import", str(path)))
    assert "Imported 2 claims" in run.stderr
    found = {c["text"]: c for c in _claims_json(cli) if c["source"] == "Field Desk"}
    troops = found["Troops, with tanks, crossed the river."]
    assert troops["confidence"] == pytest.approx(0.7)
    assert troops["status"] == "confirmed"
    assert troops["tags"] == ["river", "war"]
    assert troops["url"] == "https://example.org/r"
    assert troops["said_on"] == "2024-02-02"
    minimal = found["Minimal row."]
    assert minimal["status"] == "unverified" and minimal["confidence"] is None and minimal["tags"] == []


# ---- standard input ----------------------------------------------------------------------------


def _process_with_input(*args: str, input: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Like conftest.run_process, with standard input."""
    return forkserver.run(
        args, check=False, input=input, capture_output=True, text=True, env={**os.environ, **env}, timeout=120
    )


def test_import_from_stdin(cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path) -> None:
    backup = _ok(cli("export", "--format", "jsonl")).stdout
    other = tmp_path / "stdin.db"
    env = {"CLAIMTRACK_DB": str(other)}
    result = _process_with_input("import", "-", input=backup, env=env)
    assert result.returncode == 0, result.stderr
    total = len(_claims_json(cli))
    assert f"Imported {total} claims" in result.stderr
    assert _claims_json(cli, "--db", str(other)) == _claims_json(cli)
    again = run_process("export", "--format", "jsonl", env=env)
    assert again.returncode == 0, again.stderr
    assert again.stdout == backup


def test_import_csv_from_stdin_and_bad_stdin(tmp_path: Path) -> None:
    env = {"CLAIMTRACK_DB": str(tmp_path / "s.db")}
    result = _process_with_input(
        "import", "-", "--format", "csv", input="text,source\nFrom a pipe.,Pipe Desk\n", env=env
    )
    assert result.returncode == 0, result.stderr
    listed = run_process("list", "--format", "json", env=env)
    assert [c["text"] for c in json.loads(listed.stdout)] == ["From a pipe."]
    bad = _process_with_input("import", "-", input='{"text": "x", "source": "y", "confidence": "nope"}\n', env=env)
    assert bad.returncode == 1
    assert bad.stderr.startswith("Error: ") and len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr


# ---- hostile text is inert ---------------------------------------------------------------------


def test_hostile_text_in_csv_export(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    out = _ok(cli("export", "--format", "csv")).stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    rows = list(csv.DictReader(io.StringIO(out)))
    by_id = {int(r["id"]): r for r in rows}
    hostile = by_id[populated["hostile"]]
    assert hostile["text"].startswith("'=HYPERLINK")
    assert "\\x1b" in hostile["text"]
    assert hostile["source"] == "'@Evil Source"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_formula_starter_is_neutralised(cli: Callable[..., Run], populated: dict[str, int], start: str) -> None:
    run = _ok(cli("add", "--source", f"{start}cmd Source", "--format", "json", "--", f"{start}1+1 payload"))
    cid = json.loads(run.stdout)[0]["id"]
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(_ok(cli("export", "--format", "csv")).stdout))}
    assert rows[cid]["text"] == f"'{start}1+1 payload"
    assert rows[cid]["source"] == f"'{start}cmd Source"
    listed = {int(r["id"]): r for r in csv.DictReader(io.StringIO(_ok(cli("list", "--format", "csv")).stdout))}
    assert listed[cid]["text"].startswith("'")


def test_hostile_text_in_html_export(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    out = _ok(cli("export", "--format", "html")).stdout
    assert out.lstrip().lower().startswith("<!doctype html>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<script" not in out.lower()
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\r" not in out
    assert "src=" not in out.lower()
    # The only links are evidence links, to web addresses (a report links the evidence it cites).
    import re

    assert all(re.fullmatch(r"https?://[^\s\"<>]+", h) for h in re.findall(r'href="([^"]*)"', out)), out
    # Web addresses appear only inside the evidence links (the seed cites a few http:// pages) and,
    # printed, as the numbered notes that spell them out after the table.
    notes = re.search(r'<section id="evidence-notes".*?</section>', out, re.S)
    assert notes and all(re.fullmatch(r"https?://\S+", u) for u in re.findall(r"<li>(.*?)</li>", notes.group(0)))
    outside_links = re.sub(r'(href|title)="https?://[^"]*"', "", out.replace(notes.group(0), "")).replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "http://" not in outside_links and "@import" not in out
    assert "[red]x[/red]" in out
    assert "Ünïcödé" in out and "北朝鲜" in out


def test_hostile_text_in_markdown_export(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    out = _ok(cli("export", "--format", "md")).stdout
    assert "<script>" not in out
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    hostile_row = next(line for line in out.splitlines() if "HYPERLINK" in line)
    assert "\\x1b" in hostile_row
    assert "alert(1)" in hostile_row


def test_hostile_text_in_table_output(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    for args in (
        ("list", "--search", "hyperlink"),
        ("show", str(populated["hostile"])),
        ("show", str(populated["control"])),
    ):
        out = _ok(cli(*args, "--format", "table")).stdout
        assert "\x1b" not in out and "\x07" not in out and "\r" not in out and "\u202e" not in out, args
    out = _ok(cli("list", "--search", "hyperlink", "--format", "table")).stdout
    assert "[red]x[/red]" in out
    assert "<script>alert(1)</script>" in out
    assert "\\x1b" in out


def test_json_keeps_the_exact_text(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    data = json.loads(_ok(cli("export", "--format", "json")).stdout)
    texts = {c["id"]: c["text"] for c in data["claims"]}
    assert texts[populated["hostile"]] == HOSTILE
    assert texts[populated["control"]] == CONTROL


# ---- ClaimReview -------------------------------------------------------------------------------


def test_claimreview_structure(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    data = json.loads(_ok(cli("export", "--format", "claimreview")).stdout)
    assert data["@context"] in ("https://schema.org", "http://schema.org", "https://schema.org/")
    reviews = data["@graph"]
    assert all(r["@type"] == "ClaimReview" for r in reviews)
    by_text = {r["claimReviewed"]: r for r in reviews}

    confirmed = by_text["The bridge reopened in June."]
    item = confirmed["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "Andrei Lankov"
    assert item["author"]["@type"] in ("Person", "Organization")
    assert item["datePublished"] == "2024-03-03"
    assert item["appearance"]["url"] == "https://example.org/bridge"
    rating = confirmed["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (5, 5, 1)
    assert rating["alternateName"] == "True"
    assert confirmed["datePublished"] == "2024-06-19"

    refuted = by_text["The summit was cancelled."]
    assert refuted["itemReviewed"]["author"]["name"] == "Wire Service"
    assert refuted["itemReviewed"]["datePublished"] == "2024-04-04"
    assert "appearance" not in refuted["itemReviewed"]
    rating = refuted["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (1, 5, 1)
    assert rating["alternateName"] == "False"
    assert refuted["datePublished"] == "2024-05-01"

    disputed = by_text["Casualty figures were doubled."]["reviewRating"]
    assert (disputed["ratingValue"], disputed["alternateName"]) == (3, "Mixed")

    for absent in ("Still unverified.", UNICODE, HOSTILE):
        assert absent not in by_text
    with_verdict = {c["uuid"] for c in _claims_json(cli) if c["status"] in ("confirmed", "disputed", "refuted")}
    assert {r["identifier"] for r in reviews} == with_verdict and len(reviews) == len(with_verdict)


def test_claimreview_empty_when_nothing_resolved(cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    _add(cli, "Unresolved.", "Desk")
    data = json.loads(_ok(cli("export", "--format", "claimreview")).stdout)
    assert data["@graph"] == []


# ---- Markdown report ---------------------------------------------------------------------------


def test_markdown_export_has_totals_by_status(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    out = _ok(cli("export", "--format", "md")).stdout
    claims = _claims_json(cli)
    assert out.index("## Summary") < out.index("## Claims")
    totals = out[out.index("## Summary") : out.index("### Track record")]
    counts = {}
    for line in totals.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] in ("unverified", "confirmed", "refuted", "disputed"):
            counts[cells[0]] = int(cells[1])
    assert set(counts) == {"unverified", "confirmed", "refuted", "disputed"}
    for status, n in counts.items():
        assert n == sum(1 for c in claims if c["status"] == status), status
    table = out[out.index("## Claims") :]
    rows = [line for line in table.splitlines() if line.startswith("| ") and line[2:3].isdigit()]
    assert len(rows) == len(claims)


def test_export_takes_the_list_filters(cli: Callable[..., Run], populated: dict[str, int]) -> None:
    out = _ok(cli("export", "--format", "csv", "--status", "refuted", "--status", "disputed")).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["status"] for r in rows} == {"refuted", "disputed"}
    assert {int(r["id"]) for r in rows} >= {populated["refuted"], populated["disputed"]}
    out = _ok(cli("export", "--format", "md", "--status", "refuted")).stdout
    assert "The summit was cancelled." in out and "Still unverified." not in out


# ---- --output ----------------------------------------------------------------------------------


def test_output_replaces_the_file_and_leaves_no_temp_files(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.md"
    target.write_text("old contents\n" * 1000, encoding="utf-8")
    run = _ok(cli("export", "--format", "md", "--output", str(target)))
    assert run.stdout == ""
    assert "Exported" in run.stderr
    assert target.read_text(encoding="utf-8") == _ok(cli("export", "--format", "md")).stdout
    for fmt in ("csv", "json", "jsonl", "html", "claimreview"):
        _ok(cli("export", "--format", fmt, "-o", str(folder / f"all.{fmt}")))
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["report.md", "all.csv", "all.json", "all.jsonl", "all.html", "all.claimreview"]
    )


def test_failed_export_keeps_the_old_file(cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "backup.json"
    target.write_text("precious old backup\n", encoding="utf-8")
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not a database, just some notes\n" * 50, encoding="utf-8")
    _one_error_line(cli("--db", str(not_a_db), "export", "--format", "json", "-o", str(target)))
    assert target.read_text(encoding="utf-8") == "precious old backup\n"
    assert [p.name for p in folder.iterdir()] == ["backup.json"]


def test_unwritable_output_is_one_error_line(
    cli: Callable[..., Run], populated: dict[str, int], tmp_path: Path
) -> None:
    line = _one_error_line(cli("export", "--format", "md", "-o", str(tmp_path / "missing" / "dir" / "r.md")))
    assert "r.md" in line
    folder = tmp_path / "adir"
    folder.mkdir()
    _one_error_line(cli("export", "--format", "md", "-o", str(folder)))
    assert list(folder.iterdir()) == []
