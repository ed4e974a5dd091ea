"""Errors and exit codes (DESIGN.md "Errors and exit codes", "Where the data lives").

Covers: a matrix of bad input on a seeded database (exit 1 with exactly one ``Error: ...`` line on
stderr that says what to do, or exit 2 for usage errors Typer reports; never a traceback; the
database's rows unchanged), the same through a real ``python -m claimtrack`` process, the
``CLAIMTRACK_DEBUG=1`` switch, databases that must be refused and left byte-for-byte untouched
(not SQLite, another program's SQLite, a newer claimtrack schema, a directory), and a new database
path whose directory does not exist yet.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import Run, run_process, table_digest

TOMORROW = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
FUTURE_AT = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
LONG_TEXT = "x" * 10_001
BAD_DATES = ("2024-13-01", "2024-02-30", "yesterdy", "20240619")
BAD_CONFIDENCES = ("2", "abc", "101%")

# What an error line must contain so that it tells the user what to do.
DATE_HINT = "YYYY-MM-DD"
CONFIDENCE_HINT = "a percentage (70%)"
ID_HINT = "claimtrack list"
URL_HINT = "http://"


@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]
    exit_code: int
    hint: str  # exit 1: fragment of the Error line saying what to do; exit 2: what Typer names
    setup: tuple[str, ...] | None = None  # run first (must succeed); "{new}" in args = its claim id


def case(*args: str, code: int = 1, hint: str, setup: tuple[str, ...] | None = None, id: str) -> object:
    return pytest.param(Case(tuple(args), code, hint, setup), id=id)


CASES = [
    # confidence, on add and on set
    *(
        case("add", "A claim.", "--source", "Tester", "--confidence", c, hint=CONFIDENCE_HINT, id=f"add-confidence-{c}")
        for c in BAD_CONFIDENCES
    ),
    *(case("set", "1", "--confidence", c, hint=CONFIDENCE_HINT, id=f"set-confidence-{c}") for c in BAD_CONFIDENCES),
    case("list", "--min-confidence", "abc", hint=CONFIDENCE_HINT, id="list-min-confidence-abc"),
    # dates: --said-on and --review-by, on add and on set
    *(
        case("add", "A claim.", "--source", "Tester", option, d, hint=DATE_HINT, id=f"add{option}-{d}")
        for option in ("--said-on", "--review-by")
        for d in BAD_DATES
    ),
    *(
        case("set", "1", option, d, hint=DATE_HINT, id=f"set{option}-{d}")
        for option in ("--said-on", "--review-by")
        for d in BAD_DATES
    ),
    case("list", "--since", "yesterdy", hint=DATE_HINT, id="list-since-yesterdy"),
    case("log", "--since", "2024-02-30", hint=DATE_HINT, id="log-since-2024-02-30"),
    case("add", "A claim.", "--source", "Tester", "--said-on", TOMORROW, hint="in the future", id="add-said-on-future"),
    case("set", "1", "--said-on", TOMORROW, hint="in the future", id="set-said-on-future"),
    # --at
    case("confirm", "1", "--at", "soon", hint="ISO 8601", id="confirm-at-soon"),
    case("confirm", "1", "--at", "2024-99-01", hint=DATE_HINT, id="confirm-at-2024-99-01"),
    case("refute", "1", "--at", "soon", hint="ISO 8601", id="refute-at-soon"),
    case("confirm", "1", "--at", FUTURE_AT, hint="up to now", id="confirm-at-future"),
    # unknown claim id
    case("show", "999", hint=ID_HINT, id="show-999"),
    case("confirm", "999", hint=ID_HINT, id="confirm-999"),
    case("refute", "999", hint=ID_HINT, id="refute-999"),
    case("dispute", "999", hint=ID_HINT, id="dispute-999"),
    case("reopen", "999", hint=ID_HINT, id="reopen-999"),
    case("set", "999", "--confidence", "0.5", hint=ID_HINT, id="set-999"),
    case("note", "999", "A note.", hint=ID_HINT, id="note-999"),
    case("log", "999", hint=ID_HINT, id="log-999"),
    # ids that are not ids
    case("show", "abc", hint=ID_HINT, id="show-abc"),
    case("confirm", "0", hint=ID_HINT, id="confirm-0"),
    case("log", "abc", hint=ID_HINT, id="log-abc"),
    case("note", "abc", "A note.", hint=ID_HINT, id="note-abc"),
    case("show", "--", "-3", hint=ID_HINT, id="show-minus-3-after-dashdash"),
    case("show", "-3", code=2, hint="-3", id="show-minus-3-is-an-option"),
    # text
    case("add", "", "--source", "Tester", hint="give the words", id="add-empty-text"),
    case("add", "  \t ", "--source", "Tester", hint="give the words", id="add-whitespace-text"),
    case("add", LONG_TEXT, "--source", "Tester", hint="shorten it", id="add-text-10001-chars"),
    case("set", "1", "--text", LONG_TEXT, hint="shorten it", id="set-text-10001-chars"),
    case("note", "1", "", hint="note is empty", id="note-empty"),
    # ids without the note's words: "note 3 5" would have noted "5" on claim 3
    case("note", "1", "2", code=2, hint="'2' looks like a claim id, not a note", id="note-ids-without-text"),
    case("note", "1", "2-4", code=2, hint='claimtrack note 1 2-4 "TEXT"', id="note-range-without-text"),
    case("note", "1", code=2, hint="the note is missing; give the claim ids, then the note", id="note-id-alone"),
    case("note", "1", "2, #3", code=2, hint="claimtrack note 1 2 '#3' \"TEXT\"", id="note-id-list-without-text"),
    case("note", "1", "   ", hint="note is empty", id="note-whitespace"),
    case("confirm", "1", "--note", "", hint="note is empty", id="confirm-empty-note"),
    # URLs
    case("note", "1", "A note.", "--evidence", "ftp://x", hint=URL_HINT, id="note-evidence-ftp"),
    case("confirm", "1", "--evidence", "javascript:alert(1)", hint=URL_HINT, id="confirm-evidence-javascript"),
    case("dispute", "1", "--evidence", "example.org", hint=URL_HINT, id="dispute-evidence-no-scheme"),
    case("add", "A claim.", "--source", "Tester", "--url", "ftp://x", hint=URL_HINT, id="add-url-ftp"),
    case("set", "1", "--url", "example.org", hint=URL_HINT, id="set-url-no-scheme"),
    # nothing to do
    case("set", "1", hint="--confidence", id="set-without-changes"),
    case(
        "confirm",
        "{new}",
        hint="claimtrack note",
        setup=("add", "Setup claim.", "--source", "Tester", "--status", "confirmed", "--format", "json"),
        id="confirm-already-confirmed",
    ),
    # usage errors Typer reports (exit 2)
    case("add", "A claim.", "--source", "Tester", "--status", "nope", code=2, hint="nope", id="add-status-unknown"),
    case("list", "--status", "nope", code=2, hint="nope", id="list-status-unknown"),
    case("list", "--limit", "0", code=2, hint="--limit", id="list-limit-0"),
    case("list", "--limit", "abc", code=2, hint="--limit", id="list-limit-abc"),
    case("log", "--limit", "0", code=2, hint="--limit", id="log-limit-0"),
    case("list", "--format", "xml", code=2, hint="xml", id="list-format-xml"),
    case("show", "1", "--format", "xml", code=2, hint="xml", id="show-format-xml"),
    case("frobnicate", code=2, hint="frobnicate", id="unknown-command"),
    case("add", "A claim.", code=2, hint="--source", id="add-without-source"),
    # import files ({dir} holds the files made by the bad_files fixture)
    case("import", "{dir}/malformed.json", hint="not valid JSON", id="import-malformed-json"),
    case("import", "{dir}/truncated.json", hint="not valid JSON", id="import-truncated-json"),
    case("import", "{dir}/empty.jsonl", hint="is empty", id="import-empty-jsonl"),
    case("import", "{dir}/empty.json", hint="is empty", id="import-empty-json"),
    case("import", "{dir}/binary.json", hint="not UTF-8", id="import-binary"),
    case("import", "{dir}/missing-columns.csv", hint="text and source", id="import-csv-missing-columns"),
    case("import", "{dir}/third-bad.jsonl", hint="record 3", id="import-third-record-bad"),
    case("import", "{dir}/bad-line.jsonl", hint="line 2", id="import-jsonl-bad-line"),
    case("import", "{dir}/not-claims.json", hint="no claims", id="import-json-without-claims"),
    case("import", "{dir}/notes.txt", hint="--format", id="import-unknown-extension"),
    case("import", "{dir}/no-such-file.json", hint="check the path", id="import-missing-file"),
    case("import", "{dir}/malformed.json", "--format", "yaml", code=2, hint="yaml", id="import-format-unknown"),
    # output paths
    case("export", "--output", "{dir}/no/such/folder/report.md", hint="writable", id="export-output-missing-folder"),
    case("export", "--output", "{dir}", hint="directory", id="export-output-is-a-directory"),
    case("export", "--format", "pdf", code=2, hint="pdf", id="export-format-unknown"),
    case("db", "backup", "{dir}/notes.txt", hint="already exists", id="backup-over-existing-file"),
    # sources and track record
    case("source", "set", "The Bell", "--reliability", "Z", hint="A-F", id="source-reliability-z"),
    case("source", "set", "The Bell", "--kind", "blogger", hint="person, outlet", id="source-kind-unknown"),
    case("source", "set", " ", hint="source name is empty", id="source-name-empty"),
    case("calibration", "--source", "nobody-by-this-name", hint="claimtrack sources", id="calibration-unknown-source"),
    case("due", "--days", "-1", code=2, hint="--days", id="due-days-negative"),
    case("summary", "--by", "colour", code=2, hint="colour", id="summary-by-unknown"),
    case("list", "--as-of", "last week", hint=DATE_HINT, id="list-as-of-bad-date"),
    case("show", "1", "--as-of", "2001-01-01", hint="later --as-of", id="show-as-of-before-claim-existed"),
]


@pytest.fixture
def bad_files(tmp_path: Path) -> Path:
    """A folder of broken import files (and one plain text file)."""
    folder = tmp_path / "files"
    folder.mkdir()
    good = '{"text": "Fine claim.", "source": "Tester"}'
    files = {
        "malformed.json": '{"claims": [ {"text": "x", "source": "y"}, ]',
        "truncated.json": '[{"text": "A.", "source": "B"}, {"text": "C.", "sou',
        "empty.jsonl": "",
        "empty.json": "  \n",
        "missing-columns.csv": "claim,who\nA,B\n",
        "third-bad.jsonl": "\n".join([good, good, '{"text": "Bad.", "source": "T", "confidence": "maybe"}', good]),
        "bad-line.jsonl": good + "\n{not json}\n",
        "not-claims.json": '{"hello": "world"}',
        "notes.txt": "just some notes",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\x00\xff\xfe\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


def assert_error_line(exit_code: int, stdout: str, stderr: str, hint: str) -> None:
    """Exit 1, nothing on stdout, and stderr is exactly one ``Error: ...`` line containing ``hint``."""
    assert "Traceback" not in stdout + stderr
    assert exit_code == 1, (stdout, stderr)
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1 and stderr.endswith("\n"), stderr
    line = lines[0]
    assert line.startswith("Error: ") and line[len("Error: ") :].strip(), line
    assert hint in line, line


def assert_usage_error(exit_code: int, stdout: str, stderr: str, hint: str) -> None:
    assert "Traceback" not in stdout + stderr
    assert exit_code == 2, (stdout, stderr)
    assert hint in stderr, stderr


def prepare(seeded: Callable[..., Run], c: Case, folder: Path | None = None) -> tuple[str, ...]:
    if folder is not None:
        c = Case(tuple(a.replace("{dir}", str(folder)) for a in c.args), c.exit_code, c.hint, c.setup)
    if c.setup is None:
        return c.args
    done = seeded(*c.setup)
    assert done.exit_code == 0, done
    data = json.loads(done.stdout)
    claim = data[0] if isinstance(data, list) else data
    return tuple(a.replace("{new}", str(claim["id"])) for a in c.args)


@pytest.mark.parametrize("c", CASES)
def test_bad_input_is_refused_cleanly(seeded: Callable[..., Run], db_path: Path, bad_files: Path, c: Case) -> None:
    if c.args[:2] == ("db", "backup") and not isinstance(db_path, Path):
        pytest.skip("db backup copies SQLite files")
    args = prepare(seeded, c, bad_files)
    before = table_digest(db_path)
    run = seeded(*args)
    if c.exit_code == 1:
        assert_error_line(run.exit_code, run.stdout, run.stderr, c.hint)
    else:
        assert_usage_error(run.exit_code, run.stdout, run.stderr, c.hint)
    assert table_digest(db_path) == before


@pytest.mark.parametrize(
    "args, exit_code, hint",
    [
        pytest.param(("show", "999"), 1, ID_HINT, id="show-999"),
        pytest.param(
            ("add", "A claim.", "--source", "Tester", "--confidence", "abc"),
            1,
            CONFIDENCE_HINT,
            id="add-confidence-abc",
        ),
        pytest.param(("list", "--limit", "0"), 2, "--limit", id="list-limit-0"),
        pytest.param(("frobnicate",), 2, "frobnicate", id="unknown-command"),
    ],
)
def test_bad_input_in_a_real_process(
    seeded: Callable[..., Run], db_path: Path, args: tuple[str, ...], exit_code: int, hint: str
) -> None:
    before = table_digest(db_path)
    proc = run_process(*args)
    if exit_code == 1:
        assert_error_line(proc.returncode, proc.stdout, proc.stderr, hint)
    else:
        assert_usage_error(proc.returncode, proc.stdout, proc.stderr, hint)
    assert table_digest(db_path) == before


def test_debug_switch_shows_the_traceback(seeded: Callable[..., Run], db_path: Path) -> None:
    before = table_digest(db_path)
    quiet = run_process("show", "999")
    loud = run_process("show", "999", env={"CLAIMTRACK_DEBUG": "1"})
    assert "Traceback" not in quiet.stderr
    assert loud.returncode == 1
    assert "Traceback (most recent call last)" in loud.stderr
    assert "NotFound" in loud.stderr and "no claim with id 999" in loud.stderr
    assert table_digest(db_path) == before


def test_error_messages_name_what_is_empty(seeded: Callable[..., Run]) -> None:
    """Each empty-text error speaks of the field that is empty (no "give the words of the claim" for a note)."""
    for args in (("note", "1", " "), ("add", "A claim.", "--source", " "), ("set", "1", "--source", "")):
        run = seeded(*args)
        assert run.exit_code == 1
        assert "of the claim" not in run.stderr, run.stderr


# ---- refused databases -------------------------------------------------------------------------


def _not_sqlite(path: Path) -> None:
    path.write_text("Shopping list\n- milk\n- claims about North Korea\n", encoding="utf-8")


def _other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users (name) VALUES ('alice')")
    conn.commit()
    conn.close()


def _newer_schema(path: Path) -> None:
    proc = run_process("--db", str(path), "init")
    assert proc.returncode == 0, proc.stderr
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO claimtrack_migrations (version, name, applied_at) VALUES (999, 'from_the_future', '2099-01-01T00:00:00Z')"
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("in_process", [True, False], ids=["in-process", "process"])
@pytest.mark.parametrize(
    "make, hint",
    [
        pytest.param(_not_sqlite, "not a SQLite database", id="text-file"),
        pytest.param(_other_program, "another program", id="other-programs-sqlite"),
        pytest.param(_newer_schema, "newer claimtrack", id="newer-schema"),
    ],
)
def test_refused_database_is_left_untouched(
    cli: Callable[..., Run], tmp_path: Path, make: Callable[[Path], None], hint: str, in_process: bool
) -> None:
    path = tmp_path / "refused" / "notes.db"
    path.parent.mkdir()
    make(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["notes.db"]  # no -wal/-shm to start with
    original = path.read_bytes()
    for args in (("list",), ("add", "A claim.", "--source", "Tester"), ("init",)):
        if in_process:
            run = cli("--db", str(path), *args)
            assert_error_line(run.exit_code, run.stdout, run.stderr, hint)
        else:
            proc = run_process("--db", str(path), *args)
            assert_error_line(proc.returncode, proc.stdout, proc.stderr, hint)
        assert path.read_bytes() == original
        assert sorted(p.name for p in path.parent.iterdir()) == ["notes.db"]


def test_directory_as_db_is_refused(cli: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    run = cli("--db", str(folder), "list")
    assert_error_line(run.exit_code, run.stdout, run.stderr, "directory")
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("folder")) == ["folder"]


def test_new_database_in_missing_directory_is_created(cli: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "claims.db"
    run = cli("--db", str(path), "init")
    assert run.exit_code == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert path.parent.is_dir() and path.is_file()
    assert run_process("--db", str(path), "list", "--format", "json").stdout.strip() == "[]"
