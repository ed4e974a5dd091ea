"""Issue 26: numbers at the edge of the store, the disk-full lie, and endless input.

* An imported id must leave room for the next one: ``"id": 9223372036854775807`` used to import,
  and from then on every ``add`` said "the disk is full" (SQLite's SQLITE_FULL for an AUTOINCREMENT
  with no id left), every import ended in "unexpected OverflowError", and ``db check`` said ok.
  Imports now keep ids up to 2^53 - 1; ids spent by other SQL get a true message and a finding.
* "The disk is full" only when it is: a real full disk (a tiny tmpfs) against spent ids.
* Confidences and dates at the edge (-0.0, subnormals, 1e308, NaN, years 1 and 9999) are refused
  naming record and field, or stored so that every later command works.
* Endless or oversized input (``/dev/zero``, an endless line on standard input, a huge single
  line in a regular file or a JSON document) is refused in one line naming where, in bounded
  memory (peak RSS measured with ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SERVER, Run, open_db, table_digest

LARGEST = 2**63 - 1
IMPORT_MAX = 2**53 - 1
PEAK_LIMIT_MB = 200


def _one_error_line(run: Run | subprocess.CompletedProcess[str]) -> str:
    code = run.exit_code if isinstance(run, Run) else run.returncode
    assert code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert "Traceback" not in run.stderr and "unexpected" not in run.stderr, run.stderr
    return lines[0]


def _write_jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ---- ids -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("claim_id", [LARGEST, LARGEST - 1, 2**62, IMPORT_MAX + 1])
def test_import_refuses_an_id_that_leaves_no_room(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, claim_id: int
) -> None:
    assert cli("add", "Already here.", "-s", "Desk").exit_code == 0
    before = table_digest(db_path)
    path = _write_jsonl(tmp_path / "big.jsonl", {"text": "Huge id.", "source": "Desk", "id": claim_id})
    line = _one_error_line(cli("import", str(path)))
    assert "record 1 (line 1), field 'id'" in line and str(IMPORT_MAX) in line, line
    assert table_digest(db_path) == before
    # The largest id kept still leaves room: add and import go on numbering after it.
    _write_jsonl(path, {"text": "Largest kept id.", "source": "Desk", "id": IMPORT_MAX})
    assert cli("import", str(path)).exit_code == 0
    assert cli("add", "Next one.", "-s", "Desk").exit_code == 0
    _write_jsonl(path, {"text": "Imported after.", "source": "Desk"})
    assert cli("import", str(path)).exit_code == 0
    ids = [c["id"] for c in json.loads(cli("list", "--format", "json").stdout)]
    assert ids == [1, IMPORT_MAX, IMPORT_MAX + 1, IMPORT_MAX + 2]
    check = cli("db", "check")
    assert check.exit_code == 0, check.stdout


def _spend_ids(db_path: Any, table: str) -> None:
    """What other SQL can do: a row with the largest id a database can store (and, on PostgreSQL,
    the identity sequence moved there, as SQLite's AUTOINCREMENT counter moves by itself)."""
    conn = open_db(db_path)
    try:
        if table == "claim":
            conn.execute(
                "INSERT INTO claim (id, uuid, text, quote, source_id, url, said_on, status, confidence, confidence_phrase, "
                "review_by, created_at, updated_at, text_key, deleted_at) SELECT ?, ?, text || ' again', quote, source_id, "
                "url, said_on, status, confidence, confidence_phrase, review_by, created_at, updated_at, "
                "text_key || ' again', deleted_at FROM claim WHERE id = 1",
                (LARGEST, str(uuid.uuid4())),
            )
            conn.execute(
                "INSERT INTO event (claim_id, at, recorded_at, kind) "
                "SELECT ?, at, recorded_at, kind FROM event WHERE claim_id = 1 AND kind = 'created'",
                (LARGEST,),
            )
        else:
            conn.execute(
                "INSERT INTO event (id, claim_id, at, recorded_at, kind, note) "
                "SELECT ?, 1, at, recorded_at, 'note', 'a note' FROM event WHERE claim_id = 1",
                (LARGEST,),
            )
        if SERVER:
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), ?)", (LARGEST,))
        else:
            conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("table", ["claim", "event"])
def test_ids_spent_by_other_sql_are_named_not_called_a_full_disk(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, table: str
) -> None:
    assert cli("add", "First claim.", "-s", "Desk").exit_code == 0
    _spend_ids(db_path, table)
    before = table_digest(db_path)
    path = _write_jsonl(tmp_path / "one.jsonl", {"text": "One more.", "source": "Desk"})
    writes = [("add", "Second claim.", "-s", "Desk"), ("import", str(path))]
    if table == "event":
        writes.append(("note", "1", "A note."))  # any change: every change is an event
    for args in writes:
        line = _one_error_line(cli(*args))
        assert f"{table} ids have reached {LARGEST}" in line and "the disk is not full" in line, (args, line)
        assert "nothing was saved" in line and not line.startswith("Error: the disk is full"), line
    assert table_digest(db_path) == before
    check = cli("db", "check")
    assert check.exit_code == 1
    assert f"the {table} table has used id {LARGEST}" in check.stdout and "no new row can be added" in check.stdout


def _mount_tiny_disk(folder: Path, size: str) -> bool:
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
        ).returncode
        == 0
    )


def _fill(folder: Path) -> None:
    """Use up every free byte of the file system holding ``folder``."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 16, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)


def _free(folder: Path, kib: int) -> None:
    """Leave ``kib`` KiB free on the full file system of ``folder`` (see ``_fill``)."""
    filler = folder / "filler"
    os.truncate(filler, max(0, filler.stat().st_size - kib * 1024))


@pytest.mark.sqlite_only
def test_the_disk_is_full_only_when_it_is(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLITE_FULL from a file system with no room, against SQLITE_FULL from spent ids."""
    disk = tmp_path / "tiny"
    if not _mount_tiny_disk(disk, "4m"):
        pytest.skip("needs root to mount a small tmpfs (a real SQLITE_FULL)")
    try:
        db = disk / "claims.db"
        monkeypatch.setenv("CLAIMTRACK_DB", str(db))
        assert cli("add", "First claim.", "-s", "Desk").exit_code == 0
        before = table_digest(db)
        long_claim = "A claim long enough to need several new pages. " * 200
        _fill(disk)
        _free(disk, 48)  # room for SQLite's shared-memory file, not for the pages: SQLITE_FULL
        line = _one_error_line(cli("add", long_claim, "-s", "Desk"))
        assert line.startswith("Error: the disk is full: nothing was saved"), line
        _fill(disk)  # not a byte free: SQLite fails with "disk I/O error" before it can write
        line = _one_error_line(cli("add", long_claim, "-s", "Desk"))
        assert line.startswith("Error: the disk is full: nothing was saved"), line
        (disk / "filler").unlink()
        assert table_digest(db) == before
        # Room on the disk, but ids spent by other SQL: SQLITE_FULL again, and not a full disk.
        _spend_ids(db, "claim")
        line = _one_error_line(cli("add", "Second claim.", "-s", "Desk"))
        assert f"claim ids have reached {LARGEST}" in line and not line.startswith("Error: the disk is full"), line
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


# ---- confidences and dates at the edge -------------------------------------------------------


EDGE_OK = [
    {"text": "Negative zero.", "source": "Desk", "confidence": -0.0},
    {"text": "Subnormal.", "source": "Desk", "confidence": 5e-324},
    {
        "text": "Year one.",
        "source": "Desk",
        "said_on": "0001-01-01",
        "review_by": "0001-01-01",
        "created_at": "0001-01-01T00:00:00Z",
        "confidence": 1.0,
    },
    {
        "text": "Year 9999 review.",
        "source": "Desk",
        "said_on": "0001-01-02",
        "review_by": "9999-12-31",
        "status": "confirmed",
        "confidence": 0.999999999999,
        "events": [
            {"kind": "created", "at": "0001-01-02T00:00:00Z"},
            {"kind": "status", "old": "unverified", "new": "confirmed", "at": "0001-01-03T00:00:00Z"},
        ],
    },
]
EDGE_REFUSED = {
    "1e308": ('{"text": "x", "source": "Desk", "confidence": 1e308}', "field 'confidence'"),
    "1e400": ('{"text": "x", "source": "Desk", "confidence": 1e400}', "field 'confidence'"),
    "NaN": ('{"text": "x", "source": "Desk", "confidence": NaN}', "field 'confidence'"),
    "Infinity": ('{"text": "x", "source": "Desk", "confidence": -Infinity}', "field 'confidence'"),
    "huge int": ('{"text": "x", "source": "Desk", "confidence": ' + "9" * 400 + "}", "field 'confidence'"),
    "id 0": ('{"text": "x", "source": "Desk", "id": 0}', "field 'id'"),
    "id -1": ('{"text": "x", "source": "Desk", "id": -1}', "field 'id'"),
    "id 2^64": ('{"text": "x", "source": "Desk", "id": 18446744073709551616}', "field 'id'"),
    "id 1.5": ('{"text": "x", "source": "Desk", "id": 1.5}', "field 'id'"),
    "year 10000": ('{"text": "x", "source": "Desk", "review_by": "10000-01-01"}', "field 'review_by'"),
    "year 0": ('{"text": "x", "source": "Desk", "said_on": "0000-12-31"}', "field 'said_on'"),
}


def test_edge_numbers_are_refused_or_kept_so_every_command_works(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    assert cli("add", "Already here.", "-s", "Desk").exit_code == 0
    path = tmp_path / "edge.jsonl"
    for name, (line_text, field) in EDGE_REFUSED.items():
        before = table_digest(db_path)
        path.write_text(line_text + "\n", encoding="utf-8")
        line = _one_error_line(cli("import", str(path)))
        assert f"record 1 (line 1), {field}" in line, (name, line)
        assert table_digest(db_path) == before, name
    _write_jsonl(path, *EDGE_OK)
    run = cli("import", str(path))
    assert run.exit_code == 0, run.stderr
    shown = {c["text"]: c for c in json.loads(cli("list", "--format", "json").stdout)}
    assert shown["Negative zero."]["confidence"] == 0 and shown["Subnormal."]["confidence"] == 0
    assert shown["Year 9999 review."]["review_by"] == "9999-12-31"
    for args in (
        ("list",),
        ("list", "--as-of", "0001-01-01"),
        ("list", "--sort", "said_on"),
        ("show", "4"),
        ("show", "5"),
        ("due",),
        ("due", "--days", "36500"),
        ("summary",),
        ("sources",),
        ("calibration",),
        ("log",),
        ("export", "--format", "md"),
        ("export", "--format", "html"),
        ("export", "--format", "csv"),
        ("export", "--format", "claimreview"),
        ("export", "--format", "json"),
        ("db", "check"),
    ):
        run = cli(*args)
        assert run.exit_code == 0, (args, run.stdout[-500:], run.stderr)
        assert "unexpected" not in run.stderr, (args, run.stderr)
    assert cli("add", "After the edge.", "-s", "Desk").exit_code == 0
    assert cli("confirm", "3").exit_code == 0


# ---- endless and oversized input --------------------------------------------------------------

# Runs one command and prints its exit code, stderr and the peak RSS (MiB) of it and every process
# it waited for (the import's reader process included). Address space is capped at 2 GiB so that a
# reader that does not stop fails here with MemoryError rather than taking the machine.
_MEASURE = textwrap.dedent("""
    import json, resource, subprocess, sys, threading
    argv, feed, prefix, out = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3].encode(), sys.argv[4]
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if feed == "endless" else subprocess.DEVNULL,
                            stdout=open(out, "wb"), stderr=subprocess.PIPE, preexec_fn=limit)
    def pour():
        try:
            proc.stdin.write(prefix)
            while True:
                proc.stdin.write(b"y" * 65536)
        except (BrokenPipeError, OSError, ValueError):
            pass
    if feed == "endless":
        threading.Thread(target=pour, daemon=True).start()
    err = proc.stderr.read()
    proc.wait(timeout=300)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(json.dumps({"code": proc.returncode, "stderr": err.decode("utf-8", "replace"), "peak": peak}))
""")


def _measured(*args: str, feed: str = "none", prefix: str = "") -> tuple[subprocess.CompletedProcess[str], int]:
    """Run claimtrack with ``args``: its result and peak RSS in MiB. ``feed="endless"``: standard
    input is ``prefix`` and then "y" without end."""
    argv = [sys.executable, "-m", "claimtrack", *args]
    with tempfile.TemporaryDirectory() as folder:
        stdout = Path(folder) / "stdout"
        out = subprocess.run(
            [sys.executable, "-c", _MEASURE, json.dumps(argv), feed, prefix, str(stdout)],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=600,
            check=True,
        )
        got = json.loads(out.stdout)
        printed = stdout.read_text(encoding="utf-8", errors="replace")
    return subprocess.CompletedProcess(argv, got["code"], printed, got["stderr"]), got["peak"]


def _sparse(path: Path, size: int, head: bytes = b"") -> Path:
    with path.open("wb") as f:
        f.write(head)
        f.truncate(size)
    return path


GOOD_LINE = '{"text": "fine", "source": "Desk"}'
ENDLESS = {  # the import's arguments, its standard input (a prefix, then endless "y"), what the error names
    "jsonl /dev/zero": (("/dev/zero", "--format", "jsonl"), None, "line 1 of /dev/zero"),
    "json /dev/zero": (("/dev/zero", "--format", "json"), None, "the start of /dev/zero is not valid JSON (line 1"),
    "csv /dev/zero": (("/dev/zero", "--format", "csv"), None, "line 1 of /dev/zero"),
    "endless stdin": (("-",), "", "line 1 of -"),
    "endless second line on stdin": (("-",), GOOD_LINE + "\n", "line 2 of -"),
    "endless record in a JSON array": (
        ("-", "--format", "json"),
        f'[{GOOD_LINE},\n{{"text": "',
        "record 2 of - (from line 2)",
    ),
    "endless csv cell": (("-", "--format", "csv"), "text,source\nfine,Desk\n", "line 3 of -"),
    "300 MB line in a file": (("{big}", "--format", "jsonl"), None, "line 2 of"),
}


@pytest.mark.parametrize("case", list(ENDLESS))
def test_endless_input_is_refused_in_bounded_memory(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, case: str
) -> None:
    args, stdin, where = ENDLESS[case]
    assert cli("add", "Already here.", "-s", "Desk").exit_code == 0
    before = table_digest(db_path)
    if "{big}" in args:  # a regular file: read by the import's second process (readahead)
        big = _sparse(tmp_path / "big.txt", 300 * 1024 * 1024, (GOOD_LINE + '\n{"text": "').encode())
        args = tuple(str(big) if a == "{big}" else a for a in args)
    run, peak = _measured("import", *args, feed="none" if stdin is None else "endless", prefix=stdin or "")
    line = _one_error_line(run)
    assert where in line and "Nothing was imported" in line, line
    assert "longer than 16 MiB" in line or "/dev/zero is not valid JSON" in line, line
    assert peak < PEAK_LIMIT_MB, f"peak RSS {peak} MiB"
    assert table_digest(db_path) == before


def test_a_bad_record_in_a_long_json_file_is_named_at_once(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    """The bounded JSON reader reads on only while a record may be incomplete: a record broken in
    its first bytes is named as such, not as too long, however much of the file follows."""
    path = tmp_path / "broken.json"
    with path.open("w", encoding="utf-8") as f:
        f.write('{"sources": [], "claims": [' + GOOD_LINE + ', {"text": "bad \x01 control"}')
        for _ in range(40_000):
            f.write(", " + json.dumps({"text": "padding " * 60, "source": "Desk"}))
        f.write("]}")
    assert cli("add", "Already here.", "-s", "Desk").exit_code == 0
    before = table_digest(db_path)
    line = _one_error_line(cli("import", str(path)))
    assert "record 2 of" in line and "not valid JSON (line 1: Invalid control character" in line, line
    assert table_digest(db_path) == before


# ---- extract and match: a web page is parsed within bounded memory ----------------------------

KURSK_PAGE = """<!DOCTYPE html><html><head><title>Site | Kursk</title>{head}
<meta property="article:published_time" content="2024-11-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Troops in Kursk</h1>
<p>North Korean troops have been deployed to the Kursk region, a Ukrainian official said on Tuesday.</p>
{body}</article><footer>Copyright Example News</footer></body></html>"""


@pytest.mark.parametrize("command", ["extract", "match"])
def test_a_huge_web_page_is_refused_in_bounded_memory_and_its_scripts_cost_nothing(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, command: str
) -> None:
    """Parsing HTML costs ~50 bytes of memory a byte: a page of 6 MB of paragraphs (under the
    20 MB file limit) took 300 MB and over a minute. Its markup is now capped once scripts and
    styles are dropped, so a page that is mostly script still reads, and quickly."""
    assert (
        cli("add", "North Korean troops have been deployed to the Kursk region.", "-s", "Ukrainian official").exit_code
        == 0
    )
    before = table_digest(db_path)
    paragraphs = "".join(
        f"<p>Paragraph {i} of a very long page says nothing anyone would check today.</p>\n" for i in range(80_000)
    )
    huge = tmp_path / "huge.html"
    huge.write_text(KURSK_PAGE.format(head="", body=paragraphs), encoding="utf-8")
    assert 5 << 20 < huge.stat().st_size < 20 << 20
    run, peak = _measured(command, str(huge))
    line = _one_error_line(run)
    assert "huge.html is a web page of" in line and "more than the 2 MB claimtrack reads" in line, line
    assert peak < PEAK_LIMIT_MB, f"peak RSS {peak} MiB"
    # 8 MB of scripts and styles around a short article: read as the article alone.
    script = "<script>var data = [" + ",".join(str(i) for i in range(1_200_000)) + "];</script>\n"
    style = "<style>" + "".join(f".c{i} {{ color: red }}\n" for i in range(100_000)) + "</style>"
    scripted = tmp_path / "scripted.html"
    scripted.write_text(KURSK_PAGE.format(head=script + style, body=script), encoding="utf-8")
    assert scripted.stat().st_size > 8 << 20
    run, peak = _measured(command, str(scripted), "--format", "json")
    assert run.returncode == 0, run.stderr
    assert "deployed to the Kursk region" in run.stdout and "var data" not in run.stdout, run.stdout[:500]
    assert peak < PEAK_LIMIT_MB, f"peak RSS {peak} MiB"
    assert table_digest(db_path) == before


def test_a_huge_feed_is_refused_in_bounded_memory(cli: Callable[..., Run], tmp_path: Path) -> None:
    """feedparser holds ~10 bytes a byte: a 19 MB feed (under the 20 MB file limit) took 250 MB."""
    assert cli("add", "Prices will rise by ten percent next year.", "-s", "Minister").exit_code == 0
    feed = tmp_path / "feed.xml"
    with feed.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>')
        for i in range(90_000):
            f.write(
                f"<item><title>Item {i}: prices will rise</title><link>https://news.example/{i}</link>"
                "<description>The minister said prices will rise by ten percent next year.</description></item>\n"
            )
        f.write("</channel></rss>")
    assert 15 << 20 < feed.stat().st_size < 20 << 20
    run, peak = _measured("match", "--feed", str(feed))
    line = _one_error_line(run)
    assert "feed.xml is a feed of" in line and "more than the 5 MB claimtrack reads" in line, line
    assert peak < PEAK_LIMIT_MB, f"peak RSS {peak} MiB"
