"""Issue 10 at the import edge: what ``import`` lets in, and what scoring does with odd data.

* Item 4: event content is validated as strictly as the command line (confidence values, status
  names, edit fields, one created event recorded first, a status history that replays to the
  claim's status, no future times, http(s) evidence URLs, clean notes), each error naming the
  record and event; and reads (sources, calibration, show, list, export) survive one unparseable
  stored value.
* Item 9: deeply nested JSON, a 5,000-digit number, a lone surrogate and ``"tags": 5`` are one
  clear error line each.
* Item 11: wrong JSON types are refused (no silent ``str()``), as are a future ``said_on`` and
  ``javascript:`` URLs.
* Item 13a: a claim born confirmed or refuted is scored on the confidence it was created with.
* Item 13b: the CSV export imports back to the same claims (export -> import -> export identical).
* Item 13d: semicolon, tab and ``sep=;`` CSV files import; a wrong header says what it found.

Every refused import is checked to leave the database byte-for-byte as it was (``table_digest``).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimtrack import importer, scoring, textsafe
from claimtrack.choices import ImportFormat
from conftest import Run, table_digest

GOOD = {"text": "A good claim.", "source": "Desk"}
CREATED = {"kind": "created", "at": "2024-01-01T00:00:00Z", "recorded_at": "2024-01-01T00:00:00Z"}


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, (run.stdout, run.stderr)
    return run


def _one_error_line(run: Run) -> str:
    assert run.exit_code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert "Traceback" not in run.stderr and "unexpected" not in run.stderr, run.stderr
    return lines[0]


def _refused(cli: Callable[..., Run], db_path: Any, path: Path, *expected: str) -> str:
    """Import ``path``: one error line holding every ``expected`` part, and no change at all."""
    before = table_digest(db_path)
    line = _one_error_line(cli("import", str(path)))
    for part in expected:
        assert part in line, line
    assert table_digest(db_path) == before
    return line


def _third(tmp_path: Path, record: dict[str, Any], name: str = "bad.json") -> Path:
    """A JSON file whose first two records are good and whose third is ``record``."""
    path = tmp_path / name
    good = [{**GOOD, "text": f"Good claim {i}."} for i in (1, 2)]
    path.write_text(json.dumps(good + [record]), encoding="utf-8")
    return path


def _sources(cli: Callable[..., Run], *db: str) -> dict[str, Any]:
    rows = json.loads(_ok(cli(*db, "sources", "--format", "json")).stdout)
    return {r["name"]: r["brier"] for r in rows}


def _history(*events: dict[str, Any], status: str = "unverified") -> dict[str, Any]:
    return {**GOOD, "status": status, "events": [CREATED, *events]}


def _status(old: str, new: str, at: str = "2024-02-01T00:00:00Z") -> dict[str, Any]:
    return {"kind": "status", "field": "status", "old": old, "new": new, "at": at, "recorded_at": at}


# ---- item 4: event content ---------------------------------------------------------------------

BAD_HISTORIES: dict[str, tuple[dict[str, Any], str]] = {
    "confidence-old-garbage": (
        _history({"kind": "confidence", "old": "garbage", "new": "0.5", "at": "2024-02-01"}),
        "event 2: old: invalid confidence 'garbage'",
    ),
    "confidence-new-garbage": (
        _history({"kind": "confidence", "old": None, "new": "150%", "at": "2024-02-01"}),
        "event 2: new:",
    ),
    "status-unknown-name": (
        _history(_status("unverified", "maybe"), status="unverified"),
        "event 2: new: unknown status",
    ),
    "status-old-missing": (
        _history({"kind": "status", "new": "confirmed", "at": "2024-02-01"}, status="confirmed"),
        "event 2: old:",
    ),
    "edit-unknown-field": (
        _history({"kind": "edit", "field": "colour", "old": "red", "new": "blue", "at": "2024-02-01"}),
        "event 2: an edit event's field 'colour'",
    ),
    "edit-bad-date": (
        _history({"kind": "edit", "field": "said_on", "old": None, "new": "yesterday-ish", "at": "2024-02-01"}),
        "event 2: new: invalid said_on",
    ),
    "kind-unknown": (_history({"kind": "deleted", "at": "2024-02-01"}), "event 2: kind 'deleted'"),
    "event-not-object": (_history("created"), "event 2: expected an object"),  # type: ignore[arg-type]
    "no-created-event": ({**GOOD, "events": []}, "has no created event"),
    "two-created-events": (_history(CREATED), "has 2 created events"),
    "recorded-before-created": (
        {
            **GOOD,
            "events": [
                {**CREATED, "recorded_at": "2024-03-01T00:00:00Z"},
                {"kind": "note", "note": "early", "at": "2024-02-01T00:00:00Z"},
            ],
        },
        "event 2: recorded at 2024-02-01T00:00:00Z, before the claim's created event",
    ),
    "status-chain-broken": (
        _history(
            _status("unverified", "confirmed", "2024-02-01T00:00:00Z"),
            _status("disputed", "refuted", "2024-03-01T00:00:00Z"),
            status="refuted",
        ),
        "event 3: changes status from 'disputed', but the claim was 'confirmed'",
    ),
    "status-does-not-replay": (
        _history(_status("unverified", "refuted"), status="confirmed"),
        "event 2: the last status change is to 'refuted', but the claim's status is 'confirmed'",
    ),
    "at-in-future": (
        _history({"kind": "note", "note": "later", "at": "2999-01-01T00:00:00Z"}),
        "event 2: at 2999-01-01",
    ),
    "recorded-in-future": (
        _history({"kind": "note", "note": "n", "at": "2024-02-01", "recorded_at": "2999-01-01T00:00:00Z"}),
        "event 2: recorded_at 2999-01-01",
    ),
    "created-at-in-future": ({**GOOD, "created_at": "2999-01-01T00:00:00Z"}, "field 'created_at': created_at 2999"),
    "evidence-javascript": (
        _history({"kind": "note", "note": "see", "at": "2024-02-01", "evidence_url": "javascript:alert(1)"}),
        "event 2: invalid evidence_url 'javascript:alert(1)'",
    ),
    "status-evidence-javascript": (
        _history(
            {**_status("unverified", "confirmed"), "evidence_url": "javascript:alert(document.cookie)"},
            status="confirmed",
        ),
        "event 2: invalid evidence_url",
    ),
    "note-event-without-note": (
        _history({"kind": "note", "note": "   ", "at": "2024-02-01"}),
        "event 2: note is empty",
    ),
    "note-not-text": (_history({"kind": "note", "note": {"x": 1}, "at": "2024-02-01"}), "event 2: note: expected text"),
}


@pytest.mark.parametrize("case", list(BAD_HISTORIES))
def test_import_refuses_events_the_commands_could_not_have_written(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path, case: str
) -> None:
    record, expected = BAD_HISTORIES[case]
    line = _refused(seeded, db_path, _third(tmp_path, record), "record 3", expected, "nothing was imported")
    assert line.startswith("Error: record 3"), line


def test_the_issue_example_event_is_refused_in_jsonl_too(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    path = tmp_path / "bad.jsonl"
    lines = [GOOD, GOOD | {"text": "Two."}, _history({"kind": "confidence", "old": "garbage", "at": "2024-02-01"})]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    _refused(seeded, db_path, path, "record 3 (line 3), event 2: old: invalid confidence 'garbage'")
    assert _ok(seeded("sources")).stdout  # and the scores are still there


def test_a_valid_history_imports_and_notes_are_cleaned(cli: Callable[..., Run], tmp_path: Path) -> None:
    """Back-dated status changes (``at`` before the created event, recorded after it) are fine."""
    record = {
        **GOOD,
        "status": "refuted",
        "confidence": 0.2,
        "events": [
            {
                "kind": "status",
                "field": "status",
                "old": "unverified",
                "new": "confirmed",
                "at": "2023-05-01T00:00:00Z",
                "recorded_at": "2024-01-02T00:00:00Z",
                "note": "  early news  ",
            },
            CREATED,
            {"kind": "confidence", "field": "confidence", "old": "0.9", "new": "0.2", "at": "2024-01-03T00:00:00Z"},
            {"kind": "edit", "field": "tag", "old": None, "new": "war", "at": "2024-01-03T00:00:00Z"},
            _status("confirmed", "refuted", "2024-01-04T00:00:00Z"),
            {"kind": "note", "note": "see", "at": "2024-01-05", "evidence_url": "https://example.org/e"},
        ],
    }
    path = tmp_path / "ok.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    _ok(cli("import", str(path)))
    shown = json.loads(_ok(cli("show", "1", "--format", "json")).stdout)
    assert [e["kind"] for e in shown["events"]] == ["created", "status", "confidence", "edit", "status", "note"]
    assert shown["events"][1]["note"] == "early news"
    assert shown["status"] == "refuted"


def _insert_event(db_path: Path, claim_id: int, at: str, old: str, new: str) -> None:
    """Tamper as an attacker could: events are append-only, but INSERT is allowed."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute(
            "INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new) VALUES (?, ?, ?, 'confidence', 'confidence', ?, ?)",
            (claim_id, at, at, old, new),
        )
        conn.commit()
    finally:
        conn.close()


@pytest.mark.sqlite_only
def test_reads_survive_an_unparseable_stored_confidence(seeded: Callable[..., Run], db_path: Path) -> None:
    confirmed = json.loads(_ok(seeded("list", "--status", "confirmed", "--format", "json")).stdout)
    victim = confirmed[0]
    scores = _sources(seeded)
    _insert_event(db_path, victim["id"], "2023-02-16T00:00:00Z", "garbage", "junk")
    for args in (
        ("sources",),
        ("calibration",),
        ("show", str(victim["id"])),
        ("list",),
        ("log",),
        ("list", "--as-of", "2024-01-01"),
        ("summary",),
        ("due",),
        *(("export", "--format", f) for f in ("json", "jsonl", "csv", "md", "html", "claimreview", "claimreview-html")),
    ):
        _ok(seeded(*args, "--format", "json") if args[0] in ("sources", "calibration") else seeded(*args))
    after = _sources(seeded)
    # Only the tampered claim's source can move (its forecast is now unknown); every other score stands.
    assert {k: v for k, v in after.items() if k != victim["source"]} == {
        k: v for k, v in scores.items() if k != victim["source"]
    }
    as_of = json.loads(_ok(seeded("list", "--as-of", "2024-01-01", "--format", "json")).stdout)
    assert next(c for c in as_of if c["id"] == victim["id"])["confidence"] is None  # unknown, shown as not assessed


def test_forecast_treats_an_unparseable_value_as_unknown() -> None:
    events = [
        {"id": 1, "kind": "confidence", "at": "2024-01-01T00:00:00Z", "old": "garbage", "new": "0.7"},
        {"id": 2, "kind": "status", "at": "2024-01-02T00:00:00Z", "old": "unverified", "new": "confirmed"},
    ]
    assert scoring.forecast(0.7, events) == pytest.approx(0.7)
    events[0]["new"] = "junk"
    assert scoring.forecast(0.7, events) is None


# ---- item 9: one clear line for hostile JSON ---------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_deeply_nested_json_is_one_clear_line(cli: Callable[..., Run], db_path: Any, tmp_path: Path, fmt: str) -> None:
    _ok(cli("init"))
    path = tmp_path / f"deep.{fmt}"
    path.write_text("[" * 100_000 + "\n", encoding="utf-8")
    _refused(cli, db_path, path, "nests lists or objects too deeply", "nothing was imported")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_5000_digit_number_is_one_clear_line(cli: Callable[..., Run], db_path: Any, tmp_path: Path, fmt: str) -> None:
    _ok(cli("init"))
    path = tmp_path / f"big.{fmt}"
    record = '{"text": "x", "source": "y", "confidence": %s}' % ("7" * 5000)
    path.write_text(f"[{record}]" if fmt == "json" else record + "\n", encoding="utf-8")
    _refused(cli, db_path, path, "number too long to read", "nothing was imported")


@pytest.mark.parametrize(
    ("record", "where"),
    [
        ('{"text": "half \\ud800 pair", "source": "Desk"}', "record 1 (line 1), field 'text': holds U+D800"),
        ('{"text": "ok", "source": "Desk \\udfff"}', "field 'source': holds U+DFFF"),
        ('{"text": "ok", "source": "Desk", "tags": ["a\\ud83d"]}', "field 'tags': holds U+D83D"),
        ('{"text": "ok", "source": "Desk", "quote": "\\ud800"}', "field 'quote'"),
        (
            '{"text": "ok", "source": "Desk", "events": [{"kind": "created", "at": "2024-01-01", "note": "\\udc00"}]}',
            "record 1 (line 1), event 1: note: holds U+DC00",
        ),
        ('{"type": "source", "name": "Desk", "notes": "\\ud800"}', "source on line 1, field 'notes'"),
    ],
)
def test_a_lone_surrogate_is_refused_naming_record_and_field(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, record: str, where: str
) -> None:
    _ok(cli("init"))
    path = tmp_path / "surrogate.jsonl"
    path.write_text(record + "\n", encoding="utf-8")
    _refused(cli, db_path, path, where, "nothing was imported")


# ---- item 11 (and item 9's "tags": 5): wrong types, future said_on, javascript: ---------------

WRONG_TYPES = {
    "text-object": ({"text": {"a": 1}}, "field 'text': expected text, got an object"),
    "text-number": ({"text": 5}, "field 'text': expected text, got a number"),
    "source-list": ({"source": ["Desk"]}, "field 'source': expected text, got a list"),
    "quote-number": ({"quote": 1.5}, "field 'quote'"),
    "url-object": ({"url": {"href": "https://example.org"}}, "field 'url'"),
    "said-on-number": ({"said_on": 20240101}, "field 'said_on'"),
    "review-by-true": ({"review_by": True}, "field 'review_by': expected text, got true/false"),
    "phrase-number": ({"confidence": 0.675, "confidence_phrase": 1}, "field 'confidence_phrase'"),
    "confidence-object": ({"confidence": {"value": 0.5}}, "field 'confidence': expected a probability"),
    "confidence-list": ({"confidence": [0.5]}, "field 'confidence'"),
    "tags-number": ({"tags": 5}, "field 'tags': expected a list of tags or comma-separated text, got a number"),
    "tags-object": ({"tags": {"war": 1, "peace": 2}}, "field 'tags': expected a list of tags"),
    "tags-list-of-numbers": ({"tags": ["war", 5]}, "field 'tags': expected each tag to be text"),
    "id-text": ({"id": "7"}, "field 'id'"),
    "id-too-big": ({"id": 2**63}, "field 'id'"),
    "uuid-number": ({"uuid": 12345}, "field 'uuid'"),
    "status-list": ({"status": ["confirmed"]}, "field 'status'"),
    "future-said-on": ({"said_on": "2999-12-31"}, "field 'said_on': said_on 2999-12-31 is in the future"),
    "javascript-url": ({"url": "javascript:alert(1)"}, "field 'url': invalid url 'javascript:alert(1)'"),
    "events-object": ({"events": {"kind": "created"}}, "field 'events': expected a list of events"),
}


@pytest.mark.parametrize("case", list(WRONG_TYPES))
def test_wrong_types_are_refused_not_converted(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path, case: str
) -> None:
    change, expected = WRONG_TYPES[case]
    _refused(seeded, db_path, _third(tmp_path, {**GOOD, **change}), "record 3, " + expected, "nothing was imported")


def test_a_javascript_source_url_is_refused(cli: Callable[..., Run], db_path: Any, tmp_path: Path) -> None:
    _ok(cli("init"))
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps({"sources": [{"name": "Desk", "url": "javascript:alert(1)"}], "claims": [GOOD]}), encoding="utf-8"
    )
    _refused(cli, db_path, path, "source 1", "invalid url 'javascript:alert(1)'")


def test_tags_as_list_or_comma_text_still_import(cli: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "tags.jsonl"
    path.write_text(
        json.dumps({**GOOD, "tags": ["War", "north korea"]})
        + "\n"
        + json.dumps({"text": "Other.", "source": "Desk", "tags": "a, b;c"})
        + "\n",
        encoding="utf-8",
    )
    _ok(cli("import", str(path)))
    claims = json.loads(_ok(cli("list", "--format", "json")).stdout)
    assert [c["tags"] for c in claims] == [["north-korea", "war"], ["a", "b", "c"]]


# ---- item 13a: a claim born resolved is scored on the confidence it was created with ----------


def test_born_refuted_score_cannot_be_improved_afterwards(cli: Callable[..., Run]) -> None:
    _ok(cli("add", "Born refuted", "-s", "Eve", "-c", "0.9", "--status", "refuted"))
    assert _sources(cli)["Eve"] == pytest.approx(0.81)
    _ok(cli("set", "1", "-c", "0.01"))
    assert _sources(cli)["Eve"] == pytest.approx(0.81)
    assert json.loads(_ok(cli("calibration", "--format", "json")).stdout)["brier"] == pytest.approx(0.81)


def test_born_confirmed_then_reopened_is_scored_at_creation(cli: Callable[..., Run]) -> None:
    _ok(cli("add", "Born confirmed", "-s", "Ann", "-c", "0.8", "--status", "confirmed"))
    _ok(cli("reopen", "1"))
    _ok(cli("set", "1", "-c", "0.1"))
    _ok(cli("confirm", "1"))
    assert _sources(cli)["Ann"] == pytest.approx(0.04)  # (0.8 - 1)^2, not (0.1 - 1)^2


def test_confidence_before_first_resolution_still_counts(cli: Callable[..., Run]) -> None:
    _ok(cli("add", "Ordinary", "-s", "Bob", "-c", "0.7"))
    _ok(cli("set", "1", "-c", "0.6"))
    _ok(cli("confirm", "1"))
    _ok(cli("set", "1", "-c", "0.1"))
    assert _sources(cli)["Bob"] == pytest.approx(0.16)


def test_reimported_claim_list_keeps_every_brier_score(seeded: Callable[..., Run], tmp_path: Path) -> None:
    listing = tmp_path / "list.json"
    listing.write_text(_ok(seeded("list", "--format", "json")).stdout, encoding="utf-8")
    other = str(tmp_path / "other.db")
    _ok(seeded("--db", other, "import", str(listing)))
    before = _sources(seeded)
    assert any(v is not None for v in before.values())
    assert _sources(seeded, "--db", other) == before
    # A later change of confidence is hindsight in both databases alike.
    for claim in json.loads(_ok(seeded("list", "--status", "confirmed", "--format", "json")).stdout):
        for db in ((), ("--db", other)):
            _ok(seeded(*db, "set", str(claim["id"]), "-c", "0.01"))
    assert _sources(seeded) == before
    assert _sources(seeded, "--db", other) == before


# ---- item 13b: the CSV export imports back -----------------------------------------------------

ROUND_TRIP_TEXTS = [
    "First line\nsecond line\n\nfourth, after a blank",
    "Tab\tinside",
    '=HYPERLINK("http://evil")',
    "+1 more",
    "-5 degrees overnight",
    "@channel said so",
    "'Quoted' from the start",
    "'=not a formula, a quote then an equals",
    "''=two quotes",
    "Escape \x1b[31m stays inert",
]


def test_csv_export_imports_back_to_the_same_claims(seeded: Callable[..., Run], tmp_path: Path) -> None:
    for i, text in enumerate(ROUND_TRIP_TEXTS):
        _ok(
            seeded(
                "add",
                "--source",
                "=Desk" if i % 2 else "Desk",
                "--confidence",
                "highly probable" if i % 3 else "0.3",
                "--tag",
                "round-trip",
                "--quote",
                f"-quote {i}",
                "--url",
                "https://example.org/x?a=1,b",
                "--said-on",
                "2024-01-02",
                "--review-by",
                "2030-01-01",
                "--",
                text,
            )
        )
    _ok(seeded("add", "--source", "Desk", "--status", "refuted", "--confidence", "0.9", "--", "Born refuted"))
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    _ok(seeded("export", "--format", "csv", "-o", str(first)))
    other = str(tmp_path / "fresh.db")
    _ok(seeded("--db", other, "import", str(first)))
    _ok(seeded("--db", other, "export", "--format", "csv", "-o", str(second)))
    assert second.read_bytes() == first.read_bytes()
    original = json.loads(_ok(seeded("list", "--format", "json")).stdout)
    restored = json.loads(_ok(seeded("--db", other, "list", "--format", "json")).stdout)
    fields = (
        "id",
        "uuid",
        "text",
        "quote",
        "source",
        "status",
        "confidence",
        "confidence_label",
        "tags",
        "url",
        "said_on",
        "review_by",
    )
    # Control characters are escaped in the CSV (inert) and read back by import: the same text.
    assert [{k: c[k] for k in fields} for c in restored] == [{k: c[k] for k in fields} for c in original]
    texts = {c["text"] for c in restored}
    for text in ROUND_TRIP_TEXTS:
        assert text in texts
    assert _sources(seeded, "--db", other) == _sources(seeded)


def test_csv_keeps_newlines_inside_quoted_cells_and_stays_inert(cli: Callable[..., Run]) -> None:
    _ok(cli("add", "--source", "Desk", "--", "one\ntwo\tthree \x1b[2J \x07 \u202e"))
    out = _ok(cli("export", "--format", "csv")).stdout
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["text"] == "one\ntwo\tthree \\x1b[2J \\x07 \\u202e"
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


@pytest.mark.parametrize("text", ["", "'", "''", "=", "'=", "''=", "'x", "x'", "-", "'-1", "\t=", "'\t", "a\nb", "@'"])
def test_csv_unguard_undoes_exactly_the_guard(text: str) -> None:
    cell = textsafe.csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert textsafe.csv_unguard(cell) == text


def test_csv_ids_are_kept_when_free_and_checked(cli: Callable[..., Run], db_path: Any, tmp_path: Path) -> None:
    _ok(cli("init"))
    path = tmp_path / "ids.csv"
    path.write_text("id,text,source\n7,Seventh.,Desk\n,No id.,Desk\n", encoding="utf-8")
    _ok(cli("import", str(path)))
    assert [c["id"] for c in json.loads(_ok(cli("list", "--format", "json")).stdout)] == [7, 8]
    bad = tmp_path / "badid.csv"
    bad.write_text("id,text,source\nseven,Seventh.,Desk\n", encoding="utf-8")
    _refused(cli, db_path, bad, "record 1 (line 2), field 'id'")


# ---- item 13d: the CSV delimiter ---------------------------------------------------------------

DELIMITED = {
    "semicolon": "text;source;confidence;tags\nTroops crossed, at dawn.;Field Desk;70%;war,river\nSecond;Field Desk;;\n",
    "semicolon-sep-line": "sep=;\r\ntext;source;confidence;tags\r\nTroops crossed, at dawn.;Field Desk;70%;war,river\r\nSecond;Field Desk;;\r\n",
    "tab": "text\tsource\tconfidence\ttags\nTroops crossed, at dawn.\tField Desk\t70%\twar,river\nSecond\tField Desk\t\t\n",
    "bar": "text|source|confidence|tags\nTroops crossed, at dawn.|Field Desk|70%|war,river\nSecond|Field Desk||\n",
    "comma-sep-line": 'sep=,\ntext,source,confidence,tags\n"Troops crossed, at dawn.",Field Desk,70%,"war,river"\nSecond,Field Desk,,\n',
}


@pytest.mark.parametrize("case", list(DELIMITED))
def test_csv_delimiter_is_detected(cli: Callable[..., Run], tmp_path: Path, case: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(DELIMITED[case], encoding="utf-8")
    assert "Imported 2 claims" in _ok(cli("import", str(path))).stderr
    first, second = json.loads(_ok(cli("list", "--format", "json")).stdout)
    assert (first["text"], first["source"], first["confidence"], first["tags"]) == (
        "Troops crossed, at dawn.",
        "Field Desk",
        pytest.approx(0.7),
        ["river", "war"],
    )
    assert second["text"] == "Second" and second["confidence"] is None


def test_sep_line_counts_in_line_numbers(cli: Callable[..., Run], db_path: Any, tmp_path: Path) -> None:
    _ok(cli("init"))
    path = tmp_path / "bad.csv"
    path.write_text("sep=;\ntext;source;confidence\nok;Desk;0.5\nbad;Desk;nope\n", encoding="utf-8")
    _refused(cli, db_path, path, "record 2 (line 4)", "field 'confidence'")


def test_wrong_separator_says_what_it_found(cli: Callable[..., Run], db_path: Any, tmp_path: Path) -> None:
    _ok(cli("init"))
    path = tmp_path / "forced.csv"
    path.write_text("sep=,\ntext;source\nx;y\n", encoding="utf-8")
    _refused(cli, db_path, path, "1 column, 'text;source'", "separated by semicolons")
    other = tmp_path / "names.csv"
    other.write_text("claim;who\nx;y\n", encoding="utf-8")
    _refused(cli, db_path, other, "lacks the column(s) text, source", "2 columns, 'claim', 'who'")


# ---- streaming stays -------------------------------------------------------------------------


class _NoWholeRead(io.StringIO):
    def read(self, size: int | None = -1) -> str:
        if size is None or size < 0:
            raise AssertionError("the whole file was read at once")
        return super().read(size)


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        (ImportFormat.csv, "sep=;\ntext;source\na;b\nc;d\n"),
        (ImportFormat.jsonl, '{"text": "a", "source": "b"}\n{"text": "c", "source": "d"}\n'),
    ],
)
def test_csv_and_jsonl_are_read_a_line_at_a_time(fmt: ImportFormat, text: str) -> None:
    records = importer.read(_NoWholeRead(text), fmt, "x")
    first = next(records)
    assert first.data["text"] == "a"
    assert [r.data["text"] for r in records] == ["c"]


@pytest.mark.parametrize("args", [["import", "{d}"], ["import", "{d}", "--format", "json"], ["db", "verify", "{d}"]])
def test_a_folder_given_as_the_file_is_named_a_folder(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path, args: list[str]
) -> None:
    """A folder passed where a backup or import file goes is called a folder, whatever format is
    given (it was 'cannot tell the format', or a read error); nothing changes."""
    folder = tmp_path / "backups"
    folder.mkdir()
    before = table_digest(db_path)
    result = seeded(*[a.format(d=folder) for a in args])
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == f"Error: {folder} is a folder; give the path of a file in it (.json, .jsonl or .csv)"
    )
    assert table_digest(db_path) == before
