"""Issue 14, the md and html reports: a summary above the claims, grouping, and cells that stay cells.

Covers: the summary (totals by status, resolutions, each source's track record, the overall Brier
score) agrees with what ``sources`` and ``calibration`` say of the same claims; filters and
``--as-of`` shape the summary as they shape the table; ``--group-by status|source|tag`` (a claim
under each of its tags, untagged last); ``|``, backticks, ``<`` and newlines cannot break a
Markdown table; an empty report says so; the rows spooled to disk read back unchanged; the report
options are refused for formats that are not reports. Browser rendering: test_report_browser.py.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import export, textsafe
from conftest import Run

STATUSES = ("unverified", "confirmed", "refuted", "disputed")  # as ``sources`` counts them, in its order


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def _md_table(text: str, after: str) -> list[list[str]]:
    """The rows of the first Markdown table after the line ``after``, split on unescaped pipes."""
    lines = text[text.index(after) :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


@pytest.fixture
def tracked(seeded: Callable[..., Run]) -> Callable[..., Run]:
    """The seed, with a source graded and more claims resolved both ways, some back-dated
    (20, 17 and 14 are unverified in the seed)."""
    _ok(seeded("source", "set", "The Bell", "--reliability", "A"))
    _ok(seeded("refute", "20", "--at", "2024-06-01", "--evidence", "https://example.org/refuted"))
    _ok(seeded("confirm", "17", "--at", "2023-09-13", "--evidence", "https://www.reuters.com/world/"))
    _ok(seeded("dispute", "14"))
    _ok(seeded("set", "17", "--add-tag", "weapons"))
    return seeded


def test_md_summary_agrees_with_sources_and_calibration(tracked: Callable[..., Run]) -> None:
    md = _ok(tracked("export", "--format", "md")).stdout
    assert md.index("## Summary") < md.index("### Track record") < md.index("## Claims")
    claims = json.loads(_ok(tracked("list", "--format", "json")).stdout)
    totals = {row[0]: int(row[1]) for row in _md_table(md, "## Summary")}
    assert totals == {
        s: sum(c["status"] == s for c in claims) for s in ("unverified", "confirmed", "refuted", "disputed")
    }
    record = {row[0]: row for row in _md_table(md, "### Track record")}
    for source in json.loads(_ok(tracked("sources", "--format", "json")).stdout):
        row = record[source["name"]]
        assert row[1] == (source["reliability"] or "F")
        assert [int(v) for v in row[2:7]] == [source[k] for k in ("claims", *STATUSES)]
        assert row[7] == ("" if source["accuracy"] is None else f"{source['accuracy'] * 100:.1f}%")
        assert row[8] == ("" if source["brier"] is None else f"{source['brier']:.3f}")
    lankov = [c["status"] for c in claims if c["source"] == "Andrei Lankov"]
    assert record["Andrei Lankov"][3:7] == [str(lankov.count(s)) for s in STATUSES]
    assert record["The Bell"][1] == "A"
    brier = json.loads(_ok(tracked("calibration", "--format", "json")).stdout)["brier"]
    assert f"Brier score {brier:.3f} over" in md
    backup = json.loads(_ok(tracked("export", "--format", "json")).stdout)["claims"]
    days = sorted(d for d in map(export.resolved_on, backup) if d)
    resolved = [c["status"] for c in claims]
    assert (
        f"Resolved between {days[0]} and {days[-1]}: {resolved.count('confirmed')} confirmed, "
        f"{resolved.count('refuted')} refuted."
    ) in md
    rows = {row[0]: row for row in _md_table(md, "## Claims")}
    assert len(rows) == len(claims)
    assert rows["20"][2] == "Andrei Lankov (B5)" and rows["20"][6] == "2024-06-01"
    assert rows["17"][8] == "[www&#46;reuters&#46;com](https://www.reuters.com/world/)"


def test_filters_and_as_of_shape_the_summary(tracked: Callable[..., Run]) -> None:
    md = _ok(tracked("export", "--format", "md", "--status", "refuted")).stdout
    refuted = json.loads(_ok(tracked("list", "--status", "refuted", "--format", "json")).stdout)
    assert {row[0]: row[1] for row in _md_table(md, "## Summary")} == {
        "unverified": "0",
        "confirmed": "0",
        "refuted": str(len(refuted)),
        "disputed": "0",
    }
    assert sorted(row[0] for row in _md_table(md, "### Track record")) == sorted({c["source"] for c in refuted})
    then = _ok(tracked("export", "--format", "md", "--as-of", "2024-01-01")).stdout
    listed_then = json.loads(_ok(tracked("list", "--as-of", "2024-01-01", "--format", "json")).stdout)
    refuted_then = [c for c in listed_then if c["status"] == "refuted"]  # the seed's, on the record of its day
    assert {row[0]: row[1] for row in _md_table(then, "## Summary")}["refuted"] == str(len(refuted_then))
    assert len(refuted_then) < len(refuted)  # the later refutations are not there yet
    assert "as they stood at the end of 2024-01-01" in then


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_group_by_status_source_and_tag(tracked: Callable[..., Run], fmt: str) -> None:
    claims = json.loads(_ok(tracked("list", "--format", "json")).stdout)
    for by in ("status", "source", "tag"):
        out = _ok(tracked("export", "--format", fmt, "--group-by", by)).stdout
        if fmt == "md":
            found = re.findall(r"^### (.+) \((\d+)\)$", out, re.M)
        else:
            found = re.findall(
                r'<tr class="group-heading"><th colspan="10" scope="rowgroup">(.+?) \((\d+)\)</th></tr>', out
            )
            assert out.count('<tbody class="group">') == len(found)
        groups = {name: int(n) for name, n in found}
        if by == "tag":
            expected: dict[str, int] = {}
            for c in claims:
                for tag in c["tags"] or ["(untagged)"]:
                    expected[tag] = expected.get(tag, 0) + 1
        else:
            expected = {}
            for c in claims:
                expected[c[by]] = expected.get(c[by], 0) + 1
        assert groups == expected, by
        names = [name for name, _ in found]
        if by == "status":
            assert names == [s for s in ("unverified", "confirmed", "refuted", "disputed") if s in expected]
        else:
            counts = [expected[n] for n in names if n != "(untagged)"]
            assert counts == sorted(counts, reverse=True)
        if by == "tag" and "(untagged)" in names:
            assert names[-1] == "(untagged)"
        if fmt == "html":
            rows = re.findall(r'<tr(?: id="claim-\d+")? data-claim="(\d+)"', out)
            assert len(rows) == sum(expected.values())
            assert ('id="claim-' in out) == (by != "tag")  # a claim under two tags: ids would repeat


def test_markdown_cells_cannot_break_the_table(cli: Callable[..., Run]) -> None:
    nasty = "A | pipe, `code`, <b>tag</b>\nand a second line\r\n| --- |"
    _ok(cli("add", "--source", "Desk | `x`", "--", nasty))
    _ok(cli("note", "1", "note | with `ticks`\nand <i>more</i>"))
    md = _ok(cli("export", "--format", "md", "--group-by", "source")).stdout
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert len(re.split(r"(?<!\\)\|", row)) == 12  # ten cells between eleven pipes
    assert "<b>" not in md and "<i>" not in md and "&lt;b\\>" in row
    assert "\\`code\\`" in row and "\\n" in row and "\r" not in md
    assert "### Desk \\| \\`x\\` (1)" in md


def test_empty_report_says_so(cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    md = _ok(cli("export", "--format", "md")).stdout
    assert "## Summary\n\nNo claims.\n" in md and "## Claims" in md
    html = _ok(cli("export", "--format", "html")).stdout
    assert "No claim in this report is resolved yet." in html and 'id="calibration"' not in html
    assert "<tbody>\n</tbody>" in html


def test_rows_spooled_to_disk_read_back_unchanged(tracked: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows past SPOOL go to a temporary file and come back byte for byte, in order or by group
    (each group's places kept in a temporary SQLite file), with multi-byte characters split across
    the 64 KiB chunks they are copied in."""
    from claimtrack import report

    text = "北朝鲜 Ünïcödé claim " * 120  # about 3 KiB of 1- to 3-byte characters
    for n in range(30):
        _ok(tracked("add", "--source", f"Desk {n % 3}", "--force", "--", f"{n} {text}"))
    _ok(tracked("set", "24-40", "--add-tag", "batch"))
    variants = ([], ["--group-by", "status"], ["--group-by", "tag"], ["--group-by", "source"])
    in_memory = [_ok(tracked("export", "--format", fmt, *v)).stdout for fmt in ("html", "md") for v in variants]
    assert all(f"29 {text.strip()}" in page for page in in_memory)
    monkeypatch.setattr(report, "SPOOL", 64)  # every row after the first goes to the temporary file
    monkeypatch.setattr(report._Places, "BATCH", 3)  # the groups' places go to their file in many batches
    assert [_ok(tracked("export", "--format", fmt, *v)).stdout for fmt in ("html", "md") for v in variants] == in_memory


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "claimreview", "claimreview-html"])
def test_report_options_need_a_report_format(tracked: Callable[..., Run], fmt: str) -> None:
    for option in (["--group-by", "tag"], ["--title", "X"], ["--date", "2026-01-01"]):
        run = tracked("export", "--format", fmt, *option)
        assert run.exit_code == 1 and run.stdout == ""
        assert run.stderr.startswith(f"Error: {option[0]} shapes a report; use it with --format md or --format html")
    run = tracked("export", "--format", "md", "--group-by", "colour")
    assert run.exit_code == 2 and "colour" in run.stderr


def test_html_summary_comes_first_with_the_track_record(tracked: Callable[..., Run]) -> None:
    html = _ok(tracked("export", "--format", "html", "--title", "NK tracker")).stdout
    assert html.index('<section id="summary"') < html.index('<table id="claims">')
    sources = json.loads(_ok(tracked("sources", "--format", "json")).stdout)
    record = html[html.index('<table id="track-record">') :]
    record = record[: record.index("</table>")]
    assert record.count('<tr><th scope="row">') == len(sources)
    assert '<td title="usually reliable">B</td>' in record
    assert re.search(r'<figure id="calibration">\n<h3>Calibration</h3>\n<svg', html)
    claims = json.loads(_ok(tracked("list", "--format", "json")).stdout)
    days = sorted(
        d for d in map(export.resolved_on, json.loads(_ok(tracked("export", "--format", "json")).stdout)["claims"]) if d
    )
    statuses = [c["status"] for c in claims]
    assert re.search(
        rf"Claims resolved by (month|year): {statuses.count('confirmed')} confirmed and "
        rf"{statuses.count('refuted')} refuted between {days[0]} and {days[-1]}\.",
        html,
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([0.0, 0.05, 0.1, 0.325, 0.5, 0.675, 0.875, 0.97, 1.0]), st.integers(0, 1)),
        max_size=60,
    )
)
def test_counted_forecasts_score_as_the_list_does(pairs: list[tuple[float, int]]) -> None:
    """A report counts (forecast, outcome) pairs instead of keeping them: same bins, same Brier."""
    from collections import Counter

    from claimtrack import scoring

    counts = Counter(pairs)
    listed, counted = scoring.brier(pairs), scoring.brier_of(counts)
    assert (listed is None) == (counted is None)
    if listed is not None and counted is not None:
        assert abs(listed - counted) <= 1e-4
    for a, b in zip(scoring.calibration(pairs), scoring.calibration_of(counts), strict=True):
        assert (a.low, a.high, a.count) == (b.low, b.high, b.count)
        assert a.count == sum(k for (p, _), k in counts.items() if a.low <= p < a.high or (a.high == 1.0 and p == 1.0))


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_undone_changes_are_not_cited(cli: Callable[..., Run], fmt: str) -> None:
    """A confirmation or a note taken back by undo leaves neither its link nor its note in a report."""
    _ok(cli("add", "Undo me.", "--source", "S", "--said-on", "2025-01-01"))
    _ok(cli("note", "1", "Kept note", "--evidence", "https://kept.example/"))
    _ok(cli("confirm", "1", "--at", "2025-02-01", "--evidence", "https://wrong.example/", "--note", "Wrong call"))
    _ok(cli("undo"))
    _ok(cli("note", "1", "Typo note", "--evidence", "https://typo.example/"))
    _ok(cli("undo"))
    out = _ok(cli("export", "--format", fmt)).stdout
    assert "kept.example" in out and "Kept note" in out
    assert "wrong.example" not in out and "Wrong call" not in out
    assert "typo.example" not in out and "Typo note" not in out and "undo:" not in out
    if fmt == "md":  # the last change is the note kept: what undo took back never happened
        assert "| undone 20" not in out and "| note 20" in out
    if fmt == "csv":
        import csv

        row = next(csv.DictReader(out.splitlines()))
        assert (row["status"], row["resolved_on"], row["evidence"], row["last_note"]) == (
            "unverified",
            "",
            "https://kept.example/",
            "Kept note",
        )


def test_a_claim_recorded_resolved_was_resolved_when_recorded(cli: Callable[..., Run], tmp_path) -> None:
    """Imported (or added) already confirmed: resolved on the day it was recorded, as scoring counts it."""
    sheet = tmp_path / "done.csv"
    sheet.write_text(
        "text,source,status,created_at,said_on\nAlready true.,Desk,confirmed,2025-03-04T10:00:00Z,2025-03-01\n",
        encoding="utf-8",
    )
    _ok(cli("import", str(sheet)))
    md = _ok(cli("export", "--format", "md")).stdout
    assert "Resolved on 2025-03-04: 1 confirmed, 0 refuted." in md
    assert _md_table(md, "## Claims")[0][6] == "2025-03-04"
    import csv

    row = next(csv.DictReader(_ok(cli("export", "--format", "csv")).stdout.splitlines()))
    assert row["resolved_on"] == "2025-03-04"
    odd = tmp_path / "odd.csv"  # recorded before the day it says it was said: resolved that day
    odd.write_text(
        "text,source,status,created_at,said_on\nSaid later.,Desk,refuted,2025-03-04T10:00:00Z,2025-05-01\n",
        encoding="utf-8",
    )
    _ok(cli("import", str(odd)))
    rows = list(csv.DictReader(_ok(cli("export", "--format", "csv")).stdout.splitlines()))
    assert rows[1]["resolved_on"] == "2025-05-01"
    again = tmp_path / "again.csv"
    again.write_text(_ok(cli("export", "--format", "csv")).stdout, encoding="utf-8")
    other = tmp_path / "other.db"
    _ok(cli("--db", str(other), "import", str(again)))
    assert _ok(cli("--db", str(other), "export", "--format", "csv")).stdout == again.read_text(encoding="utf-8")


@pytest.fixture
def full_tmp(tmp_path):
    """A temporary folder with room for 8 KiB only: a tmpfs of its own (root only)."""
    import os
    import subprocess

    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder = tmp_path / "tiny"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_full_temporary_folder_is_one_error_line(
    seeded: Callable[..., Run], full_tmp, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from claimtrack import report

    target = tmp_path / "report.html"
    target.write_text("the old report", encoding="utf-8")
    monkeypatch.setattr(report, "SPOOL", 64)  # the rows go to a file in the temporary folder at once
    monkeypatch.setattr(tempfile, "tempdir", str(full_tmp))
    for args in (["-o", str(target)], []):
        run = seeded("export", "--format", "html", *args)
        assert run.exit_code == 1 and run.stdout == ""
        assert run.stderr.startswith(
            f"Error: cannot keep the report's rows in a temporary file in {full_tmp}: no space left on device;"
        ), run.stderr
        assert len(run.stderr.splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "the old report"
    assert list(full_tmp.iterdir()) == []


# ---- Issue 31, point 6: one vocabulary ------------------------------------------------------------


def _html_track_record(html: str) -> dict[str, list[str]]:
    table = html[html.index('<table id="track-record">') :]
    table = table[: table.index("</table>")]
    heads = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', table)
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', table)
    assert heads[:2] == ["Source", "Reliability"]
    return {"": heads[2:], **{name: re.findall(r"<td[^>]*>([^<]*)</td>", cells)[1:] for name, cells in rows}}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_track_record_counts_each_status_as_sources_does(seeded: Callable[..., Run], fmt: str) -> None:
    """A disputed claim is disputed, not "open": Lankov's 21 claims read 8 unverified, 8 confirmed,
    1 refuted and 4 disputed in the report as in ``sources`` (issue 31: the report said 12 open)."""
    out = _ok(seeded("export", "--format", fmt)).stdout
    if fmt == "md":
        table = _md_table(out, "### Track record")
        heads = re.split(r"\s*\|\s*", out[out.index("| source |") :].splitlines()[0].strip("| "))
        record = {"": heads[3:7], **{row[0]: row[2:7] for row in table}}
        assert heads[2:] == ["claims", *STATUSES, "accuracy", "Brier"]
    else:
        whole = _html_track_record(out)
        assert whole[""] == ["Claims", *(s.capitalize() for s in STATUSES), "Accuracy", "Brier"]
        record = {"": whole[""][1:5], **{name: cells[:5] for name, cells in whole.items() if name}}
        assert not re.search(r">Open<", out)
    sources = json.loads(_ok(seeded("sources", "--format", "json")).stdout)
    assert set(record) - {""} == {s["name"] for s in sources}
    for source in sources:
        assert record[source["name"]] == [str(source[k]) for k in ("claims", *STATUSES)], source["name"]
    assert record["Andrei Lankov"] == ["22", "10", "10", "1", "1"]  # as sources says (it said Open 12: issue 31)


def _last_change(cli: Callable[..., Run], fmt: str, cid: int = 1) -> str:
    out = _ok(cli("export", "--format", fmt)).stdout
    if fmt == "md":  # the cell as read: escapes and character references taken off
        cell = next(row for row in _md_table(out, "## Claims") if row[0] == str(cid))[7]
        return html.unescape(re.sub(r"\\(.)", r"\1", cell))
    row = re.search(rf'<tr id="claim-{cid}".*?</tr>', out).group()
    return html.unescape(re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>.*?</td>", row)[7]))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_last_change_is_what_happened_to_the_claim_not_bookkeeping(cli: Callable[..., Run], fmt: str) -> None:
    _ok(cli("add", "Troops will cross by spring.", "--source", "Elon Muks", "--said-on", "2025-01-05"))
    _ok(cli("confirm", "1", "--at", "2025-03-01", "--evidence", "https://example.org/crossed"))
    assert _last_change(cli, fmt) == "confirmed 2025-03-01"
    # Bookkeeping, each entered after the confirmation: none of it is what happened to the claim.
    _ok(cli("set", "1", "--source", "Elon Musk"))  # the claim's source corrected (an event)
    _ok(cli("source", "rename", "Elon Musk", "Elon R. Musk"))  # the source renamed (no claim event)
    _ok(cli("set", "1", "--review-by", "2099-01-01"))
    _ok(cli("set", "1", "--add-tag", "war"))
    _ok(cli("set", "1", "--url", "https://example.org/said"))
    _ok(cli("set", "1", "--said-on", "2025-01-04"))
    _ok(cli("note", "1", "A note taken back."))
    _ok(cli("undo"))
    _ok(cli("delete", "1", "--yes"))
    _ok(cli("restore", "1"))
    assert _last_change(cli, fmt) == "confirmed 2025-03-01"
    # What happened to the claim: each becomes its last change.
    _ok(cli("set", "1", "--confidence", "90%"))
    assert re.fullmatch(r"confidence not assessed -> 90% \S.* \d{4}-\d\d-\d\d", _last_change(cli, fmt))
    _ok(cli("set", "1", "--text", "Troops will cross by summer."))
    assert re.fullmatch(r"reworded \d{4}-\d\d-\d\d", _last_change(cli, fmt))
    _ok(cli("note", "1", "Seen crossing.", "--evidence", "https://example.org/seen"))
    assert re.fullmatch(r"note \d{4}-\d\d-\d\d", _last_change(cli, fmt))


def test_the_kinds_of_change_last_change_shows_are_named_once() -> None:
    from claimtrack import claimcols

    shown = [
        {"kind": "created"},
        {"kind": "status", "field": "status"},
        {"kind": "confidence", "field": "confidence"},
        {"kind": "note", "field": None},
        {"kind": "edit", "field": "text"},
    ]
    hidden = [
        {"kind": "note", "field": "withdrawn"},
        *({"kind": "edit", "field": f} for f in ("source", "tag", "review_by", "url", "said_on", "quote", "deleted")),
    ]
    assert all(claimcols.tells(e) for e in shown) and not any(claimcols.tells(e) for e in hidden)


# Every filter of ``export``, and the sentence under the title it gives (on the seed).
FILTER_WORDS = [
    (["--tag", "north-korea"], "Claims tagged north-korea."),
    (["--tag", "north-korea", "--tag", "russia"], "Claims tagged north-korea or russia."),
    (["--tag", "russia", "--sort", "confidence", "--desc"], "Claims tagged russia."),  # an order alone picks none
    (["--status", "confirmed"], "Confirmed claims."),
    (
        ["--status", "confirmed", "--status", "refuted", "--status", "disputed"],
        "Confirmed, refuted or disputed claims.",
    ),
    (["--source", "lankov"], "Claims from a source whose name contains 'lankov'."),
    (["--min-confidence", "0.5"], "Claims with a confidence of at least 50%."),
    (["--max-confidence", "90%"], "Claims with a confidence of at most 90%."),
    (["--min-confidence", "50%", "--max-confidence", "0.9"], "Claims with a confidence from 50% to 90%."),
    (["--since", "2023-02-01"], "Claims said on or after 2023-02-01."),
    (["--until", "2023-02-01"], "Claims said on or before 2023-02-01."),
    (["--since", "2023-01-01", "--until", "2023-12-31"], "Claims said between 2023-01-01 and 2023-12-31."),
    (["--search", "troops"], "Claims matching the search 'troops'."),
    (["--limit", "5"], "The first 5 claims."),
    (["--limit", "5", "--desc"], "The first 5 claims, highest id first."),
    (["--limit", "5", "--sort", "confidence", "--desc"], "The first 5 claims, highest confidence first."),
    (["--limit", "5", "--sort", "said_on"], "The first 5 claims, earliest said first."),
    (["--limit", "5", "--sort", "updated", "--desc"], "The first 5 claims, most recently changed first."),
    (["--limit", "5", "--sort", "status"], "The first 5 claims, by status."),
    (
        ["--status", "disputed", "--source", "lankov", "--tag", "north-korea", "--since", "2023-01-01"],
        "Disputed claims from a source whose name contains 'lankov', tagged north-korea and said on or after "
        "2023-01-01.",
    ),
    (
        ["--status", "unverified", "--limit", "3", "--sort", "said_on", "--as-of", "2024-01-01"],
        "The first 3 unverified claims, earliest said first, as they stood at the end of 2024-01-01.",
    ),
]


@pytest.mark.parametrize(("options", "words"), FILTER_WORDS, ids=[" ".join(o) or "none" for o, _ in FILTER_WORDS])
def test_what_a_report_covers_reads_as_english(seeded: Callable[..., Run], options: list[str], words: str) -> None:
    md = _ok(seeded("export", "--format", "md", *options)).stdout
    assert md.splitlines()[2] == textsafe.markdown(words)
    html = _ok(seeded("export", "--format", "html", *options)).stdout
    assert f'<p class="covers">{textsafe.html_text(words)}</p>' in html


def test_calibration_bins_close_on_the_left_as_the_caption_and_readme_say(cli: Callable[..., Run]) -> None:
    """50% is in the 50-60% band (scikit-learn's right-closed bins would put it in 40-50%), 100% in
    the last; the html caption and the README say so."""
    from pathlib import Path

    from claimtrack import scoring

    bins = scoring.calibration([(0.5, 1), (0.6, 0), (0.4999, 0), (1.0, 1), (0.0, 0)])
    counts = {(b.low, b.high): b.count for b in bins if b.count}
    assert counts == {(0.0, 0.1): 1, (0.4, 0.5): 1, (0.5, 0.6): 1, (0.6, 0.7): 1, (0.9, 1.0): 1}
    _ok(cli("add", "Even odds.", "--source", "S", "--confidence", "50%"))
    _ok(cli("confirm", "1"))
    html = _ok(cli("export", "--format", "html")).stdout
    caption = re.search(r'<figure id="calibration">.*?<figcaption>(.*?)</figcaption>', html, re.S).group(1)
    assert "closed on the left: a claim stated at 50% is in 50-60%, not 40-50%" in caption
    assert "90-100%, holds 100% too" in caption
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert "The bins are closed on the left, [0, 0.1) ... [0.8, 0.9), and the last is [0.9, 1.0]" in readme
    assert "`calibration_curve` closes its bins on the right" in readme
