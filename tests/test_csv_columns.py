"""CSV export's resolved_on, evidence and last_note columns, and import reading them back (issue 14).

The columns come after the claim fields in a documented order; their cells are what the md and
html reports show (the day of the resolving status change, the http(s) links oldest first, the
last note); formula starters stay guarded; a CSV export imported into an empty database exports
to the same bytes; bad values in the three columns are one error line and change nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimtrack import export, textsafe
from conftest import SEED_CLAIMS, Run, table_digest

HEADER = (
    "id,uuid,text,quote,source,status,confidence,confidence_label,tags,url,said_on,review_by,"
    "created_at,updated_at,resolved_on,evidence,last_note"
)
HOSTILE_NOTE = '-1+1 <script>alert(1)</script> "><img src=x onerror=alert(1)> \x1b[31mred \u202eevil'
HOSTILE_URL = 'https://evil.example/"><img/src=x/onerror=alert(1)>?q=<script>'


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def _one_error_line(run: Run) -> str:
    assert run.exit_code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    return lines[0]


def _rows(out: str) -> dict[int, dict[str, str]]:
    return {int(r["id"]): r for r in csv.DictReader(io.StringIO(out))}


def _cells(row: dict[str, str]) -> tuple[str, str, str]:
    return row["resolved_on"], row["evidence"], row["last_note"]


def _add(cli: Callable[..., Run], text: str, *extra: str) -> int:
    return json.loads(_ok(cli("add", text, "--source", "Desk", *extra, "--format", "json")).stdout)[0]["id"]


def _fixtures(cli: Callable[..., Run]) -> dict[str, int]:
    """The seed plus claims with every way the three columns get their values (dates in 2025)."""
    _ok(cli("init", "--seed"))
    ids = {
        "backdated": _add(cli, "Confirmed back-dated, noted later.", "--said-on", "2025-09-01"),
        "disputed": _add(cli, "Disputed with a link and no note."),
        "refuted": _add(cli, "Refuted, two links, a hostile note.", "--said-on", "2025-04-01"),
        "confidence": _add(cli, "Last note on a confidence change.", "--confidence", "0.3"),
        "unverified": _add(cli, "Unverified with a noted link."),
        "reopened": _add(cli, "Confirmed, then reopened."),
        "undone": _add(cli, "A note taken back by undo."),
    }
    _ok(
        cli(
            "confirm",
            str(ids["backdated"]),
            "--at",
            "2025-09-10",
            "--evidence",
            "https://example.org/a",
            "--note",
            "=SUM(A1)",
        )
    )
    _ok(cli("note", str(ids["backdated"]), "Later note", "--evidence", "https://example.org/b"))
    _ok(cli("dispute", str(ids["disputed"]), "--evidence", "https://example.org/d"))
    _ok(cli("refute", str(ids["refuted"]), "--at", "2025-05-01", "--evidence", "https://example.org/r1"))
    _ok(cli("note", str(ids["refuted"]), "--evidence", HOSTILE_URL, "--", HOSTILE_NOTE))
    _ok(cli("note", str(ids["refuted"]), "@again", "--evidence", "https://example.org/r1"))  # a link already cited
    _ok(cli("set", str(ids["confidence"]), "--confidence", "0.8", "--note", "+weighed again"))
    _ok(cli("note", str(ids["unverified"]), "Waiting for a second source", "--evidence", "https://example.org/n"))
    _ok(cli("confirm", str(ids["reopened"]), "--evidence", "https://example.org/c", "--note", "Seen"))
    _ok(cli("reopen", str(ids["reopened"]), "--note", "Doubts"))
    _ok(cli("note", str(ids["undone"]), "Kept note"))
    _ok(cli("note", str(ids["undone"]), "Taken back"))
    _ok(cli("undo"))
    return ids


def test_header_order_is_the_claim_fields_then_the_three_columns(seeded: Callable[..., Run]) -> None:
    out = _ok(seeded("export", "--format", "csv")).stdout
    assert out.splitlines()[0] == HEADER
    assert ",".join(export.CSV_FIELDS) == HEADER


def test_cells_of_the_seeded_database(seeded: Callable[..., Run]) -> None:
    rows = _rows(_ok(seeded("export", "--format", "csv")).stdout)
    # Claim 9 was confirmed on the article's day, citing the record of the time, then two later reports in notes.
    resolved_on, evidence, last_note = _cells(rows[9])
    assert resolved_on == "2023-02-15" and last_note.startswith("Later: the White House said North Korea had given")
    assert [link.split("/")[2] for link in evidence.split(" ")] == ["kion546.com", "www.ajc.com", "www.nasdaq.com"]
    assert _cells(rows[5]) == ("", "", "")  # unverified, only its creation
    resolved = sum(1 for r in rows.values() if r["status"] in ("confirmed", "refuted"))
    assert sum(1 for r in rows.values() if r["resolved_on"]) == resolved >= 10


def test_cells_of_a_back_dated_confirmation_and_later_note(cli: Callable[..., Run]) -> None:
    ids = _fixtures(cli)
    rows = _rows(_ok(cli("export", "--format", "csv")).stdout)
    assert _cells(rows[ids["backdated"]]) == ("2025-09-10", "https://example.org/a https://example.org/b", "Later note")
    assert _cells(rows[ids["disputed"]]) == ("", "https://example.org/d", "")
    assert _cells(rows[ids["confidence"]]) == ("", "", "'+weighed again")  # a confidence change's note counts
    assert _cells(rows[ids["reopened"]]) == ("", "https://example.org/c", "Doubts")  # unverified again: not resolved


def test_cells_agree_with_the_full_history(cli: Callable[..., Run]) -> None:
    """The CSV export reads only status changes and noted events; its cells are those the full
    history (the JSON backup's events, less what undo took back) gives."""
    from claimtrack.reversals import effective

    _fixtures(cli)
    rows = _rows(_ok(cli("export", "--format", "csv")).stdout)
    claims = json.loads(_ok(cli("export", "--format", "json")).stdout)["claims"]
    assert len(claims) == len(rows) == SEED_CLAIMS + 7
    for claim in claims:
        claim["events"] = effective(claim["events"])
        full = (export.resolved_on(claim), " ".join(export.evidence(claim)), export.last_note(claim))
        assert tuple(textsafe.csv_cell(v) for v in full) == _cells(rows[claim["id"]]), claim["id"]


def test_as_of_cuts_the_three_columns_at_that_time(cli: Callable[..., Run]) -> None:
    ids = _fixtures(cli)
    before = _rows(_ok(cli("export", "--format", "csv", "--as-of", "2025-09-05")).stdout)[ids["backdated"]]
    assert (before["status"], *_cells(before)) == ("unverified", "", "", "")
    after = _rows(_ok(cli("export", "--format", "csv", "--as-of", "2025-09-15")).stdout)[ids["backdated"]]
    assert (after["status"], *_cells(after)) == ("confirmed", "2025-09-10", "https://example.org/a", "'=SUM(A1)")


def test_hostile_notes_and_links_stay_inert(cli: Callable[..., Run]) -> None:
    ids = _fixtures(cli)
    out = _ok(cli("export", "--format", "csv")).stdout
    assert "\x1b" not in out and "\u202e" not in out
    rows = _rows(out)
    resolved, links, note = _cells(rows[ids["refuted"]])
    assert resolved == "2025-05-01"
    assert links.split(" ") == ["https://example.org/r1", HOSTILE_URL]  # each once, oldest first
    assert note == "'@again"
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    _ok(cli("note", str(ids["refuted"]), "--", HOSTILE_NOTE))
    note = _cells(_rows(_ok(cli("export", "--format", "csv")).stdout)[ids["refuted"]])[2]
    assert note == "'-1+1 <script>alert(1)</script> \"><img src=x onerror=alert(1)> \\x1b[31mred \\u202eevil"


def test_csv_round_trip_into_an_empty_database_is_byte_identical(cli: Callable[..., Run], tmp_path: Path) -> None:
    ids = _fixtures(cli)
    first, second, other = tmp_path / "first.csv", tmp_path / "second.csv", str(tmp_path / "fresh.db")
    _ok(cli("export", "--format", "csv", "-o", str(first)))
    _ok(cli("--db", other, "import", str(first)))
    _ok(cli("--db", other, "export", "--format", "csv", "-o", str(second)))
    assert second.read_bytes() == first.read_bytes()
    # The history rebuilt: the resolution on its day, carrying the first link; the later link and
    # the last note on that day, the note last.
    events = json.loads(_ok(cli("--db", other, "show", str(ids["backdated"]), "--format", "json")).stdout)["events"]
    assert [(e["kind"], e["at"], e["new"], e["note"], e["evidence_url"]) for e in events[1:]] == [
        ("status", "2025-09-10T00:00:00Z", "confirmed", None, "https://example.org/a"),
        ("note", "2025-09-10T00:00:00Z", None, "Later note", "https://example.org/b"),
    ]
    assert events[0]["kind"] == "created" and events[0]["note"] == f"Imported from {first}"
    # Exporting the import as of a day before the resolution: unverified, as the original was.
    then = _rows(_ok(cli("--db", other, "export", "--format", "csv", "--as-of", "2025-09-05")).stdout)
    assert then[ids["backdated"]]["status"] == "unverified"


def test_links_without_a_note_travel_on_a_note_that_says_so(cli: Callable[..., Run], tmp_path: Path) -> None:
    """Where the round trip is not exact: two links and no note (a note event needs text)."""
    _ok(cli("init"))
    path = tmp_path / "two.csv"
    path.write_text(
        "text,source,status,said_on,resolved_on,evidence\n"
        "Two links.,Desk,refuted,2025-01-01,2025-02-01,https://example.org/1 https://example.org/2\n",
        encoding="utf-8",
    )
    _ok(cli("import", str(path)))
    row = _rows(_ok(cli("export", "--format", "csv")).stdout)[1]
    assert _cells(row) == (
        "2025-02-01",
        "https://example.org/1 https://example.org/2",
        f"Evidence imported from {path}",
    )


BAD = {
    "not-a-date": ("confirmed", "2025-13-01", "", "", "field 'resolved_on'", "YYYY-MM-DD"),
    "a-time": ("confirmed", "2025-02-01T10:00:00Z", "", "", "field 'resolved_on'", "YYYY-MM-DD"),
    "future": ("confirmed", "2999-01-01", "", "", "field 'resolved_on'", "in the future"),
    "before-said-on": (
        "refuted",
        "2024-12-31",
        "",
        "",
        "field 'resolved_on'",
        "before the claim was said (2025-01-01)",
    ),
    "unresolved": ("disputed", "2025-02-01", "", "", "field 'resolved_on'", "'disputed'"),
    "no-status": ("", "2025-02-01", "", "", "field 'resolved_on'", "'unverified'"),
    "javascript-url": ("confirmed", "2025-02-01", "javascript:alert(1)", "", "field 'evidence'", "http"),
    "second-url-bad": (
        "confirmed",
        "2025-02-01",
        "https://example.org/ok ftp://example.org/x",
        "",
        "field 'evidence'",
        "ftp://",
    ),
    "invisible-note": ("confirmed", "2025-02-01", "", "\u200b\u200b", "field 'last_note'", "invisible"),
}


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_bad_values_in_the_new_columns_are_refused_and_change_nothing(
    seeded: Callable[..., Run], db_path: Any, tmp_path: Path, case: tuple[str, ...]
) -> None:
    status, resolved, links, note, field, hint = case
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "source", "status", "said_on", "resolved_on", "evidence", "last_note"])
        writer.writerow(
            ["A good claim first.", "Desk", "confirmed", "2025-01-01", "2025-01-02", "https://example.org/g", "fine"]
        )
        writer.writerow(["The bad one.", "Desk", status, "2025-01-01", resolved, links, note])
    before = table_digest(db_path)
    line = _one_error_line(seeded("import", str(path)))
    assert "record 2 (line 3)" in line and field in line and hint in line, line
    assert line.endswith("nothing was imported")
    assert table_digest(db_path) == before


def test_events_in_a_record_win_over_the_columns(cli: Callable[..., Run], tmp_path: Path) -> None:
    """A JSON record with its events is a backup: the three keys, if there, are not read."""
    _ok(cli("init"))
    record = {
        "text": "Has events.",
        "source": "Desk",
        "status": "unverified",
        "resolved_on": "not even a date",
        "events": [{"kind": "created", "at": "2025-01-01T00:00:00Z"}],
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    _ok(cli("import", str(path)))
    events = json.loads(_ok(cli("show", "1", "--format", "json")).stdout)["events"]
    assert [e["kind"] for e in events] == ["created"]
