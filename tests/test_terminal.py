"""Daily use in a real terminal (issue 12): tables fit the screen, statuses stay visible, long
output pages, and the "As of" heading shows only to a person.

CliRunner and pipes never look like a terminal, and fitting, colour, the pager and the heading
are all decided by ``isatty`` and the window size; so these tests run the installed program
(``python -m claimtrack``, forked from tests/forkserver.py's zygote) on a pseudo-terminal from the stdlib ``pty`` module, sized with
TIOCSWINSZ before it starts and with $COLUMNS/$LINES unset, so the size it sees is the
terminal's own. Widths are measured with ``rich.cells.cell_len`` after removing escapes. What
the table should say (ids, statuses, texts) comes from ``--format json`` of the same database.

The read-only tests share one seeded SQLite file (``--db``), so they are ``sqlite_only``; the
``add`` tests write, and use the test's own database (SQLite or PostgreSQL).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

import forkserver

# CSI sequences (colours, cursor), OSC sequences (hyperlinks, titles), charset and keypad switches.
WHOLE_URL = re.compile(r"^(?:\[\d+\]|URL) +https?://\S+ *$")  # a link below a table, or show's URL line
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")

UNSET = object()  # leave the variable out of the child's environment


@dataclass
class Screen:
    """What a run printed: ``out`` is the terminal's text (stderr too unless kept apart), without
    escapes and carriage returns; ``raw`` keeps the escapes; ``err`` is stderr when kept apart."""

    code: int
    raw: str
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def widest(self) -> int:
        return max((cell_len(line) for line in self.lines), default=0)

    def too_wide(self, columns: int) -> list[str]:
        """Lines wider than the terminal, but for a web address printed whole on a line of its own
        (the terminal wraps it; cut in pieces, it could not be clicked)."""
        return [line for line in self.lines if cell_len(line) > columns and not WHOLE_URL.match(line)]


def plain(text: str) -> str:
    """Terminal output as the user reads it: escapes removed, ``\\r\\n`` as ``\\n``."""
    return ANSI.sub("", text).replace("\r\n", "\n").replace("\r", "")


def _set_size(fd: int, columns: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def base_env(extra: dict[str, object] | None = None) -> dict[str, str]:
    """The environment of a run: the test's (database, HOME) without anything that would override
    the terminal's own size, colour or pager; then ``extra`` (``UNSET`` removes a variable)."""
    env = dict(os.environ)
    for var in (
        "COLUMNS",
        "LINES",
        "NO_COLOR",
        "FORCE_COLOR",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "CLAIMTRACK_PAGER",
        "PAGER",
        "LESS",
        "LV",
        "CI",
        "CLAIMTRACK_DEBUG",
    ):
        env.pop(var, None)
    env["TERM"] = "xterm-256color"
    for key, value in (extra or {}).items():
        if value is UNSET:
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


def run_in_terminal(
    *args: str,
    columns: int,
    rows: int = 24,
    env: dict[str, object] | None = None,
    separate_stderr: bool = False,
    timeout: float = 60.0,
) -> Screen:
    """Run ``python -m claimtrack ARGS`` with stdin, stdout and stderr on a pty of this size.

    ``separate_stderr``: stderr gets a second pty of the same size (still a terminal), so what
    went to which stream can be told apart; otherwise both share one, in the order printed.
    Unless ``env`` says otherwise, CLAIMTRACK_PAGER is empty (no pager): a test that wants one
    names it, so an installed ``less`` never waits for a key.
    """
    env = {"CLAIMTRACK_PAGER": "", **(env or {})}
    master, slave = pty.openpty()
    _set_size(slave, columns, rows)
    err_master = err_slave = None
    if separate_stderr:
        err_master, err_slave = pty.openpty()
        _set_size(err_slave, columns, rows)
    try:
        proc = forkserver.popen(
            args,
            stdin=slave,
            stdout=slave,
            stderr=err_slave if err_slave is not None else slave,
            env=base_env(env),
            start_new_session=True,
            close_fds=True,
        )
    finally:
        os.close(slave)
        if err_slave is not None:
            os.close(err_slave)
    chunks: dict[int, list[bytes]] = {master: []}
    if err_master is not None:
        chunks[err_master] = []
    open_fds = set(chunks)
    deadline = time.monotonic() + timeout
    try:
        while open_fds:
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                raise AssertionError(f"claimtrack {' '.join(args)} did not finish in {timeout}s (hung?)")
            ready, _, _ = select.select(list(open_fds), [], [], 0.2)
            for fd in ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:  # EIO: every writer closed the terminal
                    data = b""
                if data:
                    chunks[fd].append(data)
                else:
                    open_fds.discard(fd)
            if not ready and proc.poll() is not None:
                # Exited; a pty may not report EOF while a grandchild (a pager) still holds it.
                # Drain what is buffered, then stop.
                for fd in list(open_fds):
                    while select.select([fd], [], [], 0.05)[0]:
                        try:
                            data = os.read(fd, 65536)
                        except OSError:
                            data = b""
                        if not data:
                            break
                        chunks[fd].append(data)
                    open_fds.discard(fd)
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(master)
        if err_master is not None:
            os.close(err_master)
    raw = b"".join(chunks[master]).decode("utf-8", "replace")
    err = b"".join(chunks[err_master]).decode("utf-8", "replace") if err_master is not None else ""
    return Screen(code=code, raw=raw, out=plain(raw), err=plain(err))


def run_piped(
    *args: str, env: dict[str, object] | None = None, timeout: float = 60.0
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m claimtrack ARGS`` with stdout and stderr on pipes (not a terminal)."""
    return forkserver.run(
        args, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=base_env(env), timeout=timeout
    )


def squeeze(text: str) -> str:
    """Text without any whitespace: compares a wrapped (or folded) cell with the original."""
    return "".join(text.split())


def table_headers(lines: list[str]) -> list[str]:
    """The header cells of the first boxed table in ``lines``."""
    header = next(line for line in lines if line.startswith("┃"))
    return [h.strip() for h in header.strip().strip("┃").split("┃")]


def table_rows(lines: list[str], key: str | None = None) -> list[dict[str, Any]]:
    """Each row of the first boxed table: ``{header: cell text, wrapped lines joined}`` plus
    ``first``, the row's first terminal line as ``{header: cell}`` (what one screen line shows).
    A row starts on a line where column ``key`` (default the first: ID, At...), one that never
    wraps, has text."""
    headers = table_headers(lines)
    at = headers.index(key) if key else 0
    rows: list[dict[str, Any]] = []
    parts: list[list[str]] = []
    for line in lines:
        if not line.startswith("│"):
            if rows and line.startswith("└"):
                break
            continue
        cells = [c.strip() for c in line.strip().strip("│").split("│")]
        assert len(cells) == len(headers), line
        if cells[at] or not rows:
            parts = [[c] for c in cells]
            rows.append({"first": dict(zip(headers, cells)), "parts": parts})
        else:
            for bucket, cell in zip(parts, cells):
                bucket.append(cell)
    for row in rows:
        row["height"] = len(row["parts"][0])
        for header, bucket in zip(headers, row.pop("parts")):
            row[header] = " ".join(c for c in bucket if c)
    return rows


def stacked_blocks(lines: list[str]) -> list[dict[str, str]]:
    """A narrow terminal's one-block-per-row form: ``Label value`` lines, values continued on
    indented lines, blocks apart by a blank line."""
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    label = ""
    for line in lines:
        if not line.strip():
            if current:
                blocks.append(current)
            current, label = {}, ""
        elif line[0] != " ":
            label, _, value = line.partition(" ")
            current[label] = value.strip()
        elif label:
            current[label] += " " + line.strip()
    if current:
        blocks.append(current)
    return [b for b in blocks if "ID" in b]


def claim_records(lines: list[str]) -> list[dict[str, Any]]:
    """Claims as shown, table or blocks alike: ``id``, ``status``, ``text`` and, for a table,
    ``same_line`` (id and status on one screen line)."""
    if any(line.startswith("┃") for line in lines):
        return [
            {
                "id": r["first"]["ID"],
                "status": r["Status"],
                "text": r.get("Claim"),
                "same_line": r["first"]["Status"] == r["Status"],
            }
            for r in table_rows(lines)
        ]
    return [
        {"id": b["ID"], "status": b.get("Status", ""), "text": b.get("Claim"), "same_line": True}
        for b in stacked_blocks(lines)
    ]


# ---- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One seeded SQLite file for every read-only test here (they never write)."""
    folder = tmp_path_factory.mktemp("terminal")
    home = folder / "home"
    home.mkdir()
    env: dict[str, object] = {
        "HOME": home,
        **{v: home / v.lower() for v in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")},
    }
    db = folder / "seed.db"
    done = run_piped("--db", str(db), "init", "--seed", env=env)
    assert done.returncode == 0, done.stderr
    yield db


def json_of(db: Path | None, *args: str) -> Any:
    """What ``--format json`` says for the same command on the same database (the truth)."""
    where = ("--db", str(db)) if db is not None else ()
    done = run_piped(*where, *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def on(db: Path, *args: str, columns: int, **kwargs: Any) -> Screen:
    return run_in_terminal("--db", str(db), *args, columns=columns, **kwargs)


WIDTHS = (40, 50, 80, 120)
# direct: no pager, drawn straight to the terminal; paged: long output drawn into a buffer at the
# terminal's width and handed to a pager (``cat`` here, so it lands on the terminal too).
PAGERS = {"direct": "", "paged": "cat"}

READS = {
    "list": ("list",),
    "list-confirmed": ("list", "--status", "confirmed"),
    "show": ("show", "2"),
    "log": ("log",),
    "summary": ("summary",),
    "summary-tag": ("summary", "--by", "tag"),
    "sources": ("sources",),
    "calibration": ("calibration",),
    "due": ("due",),
    "db-check": ("db", "check"),
    "list-as-of": ("list", "--as-of", "2023-02-15"),
    "show-as-of": ("show", "2", "--as-of", "2023-02-15"),
}


def _width_cases() -> Iterator[Any]:
    for name, args in READS.items():
        for width in WIDTHS:
            yield pytest.param(args, width, id=f"{name}-{width}")


# ---- every table fits ----------------------------------------------------------------------------


@pytest.mark.sqlite_only
@pytest.mark.parametrize("mode", PAGERS)
@pytest.mark.parametrize(("args", "columns"), list(_width_cases()))
def test_no_line_is_wider_than_the_terminal(seed_db: Path, args: tuple[str, ...], columns: int, mode: str) -> None:
    screen = on(seed_db, *args, columns=columns, env={"CLAIMTRACK_PAGER": PAGERS[mode]})
    assert screen.code == 0, screen.out
    assert "Traceback" not in screen.out
    assert len(screen.lines) > 3, screen.out  # it did print the table
    assert screen.too_wide(columns) == [], f"wider than {columns}:\n" + "\n".join(screen.too_wide(columns))


@pytest.mark.sqlite_only
@pytest.mark.parametrize("mode", PAGERS)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(
    "args",
    [("list",), ("list", "--status", "confirmed"), ("list", "--as-of", "2023-02-15")],
    ids=["all", "confirmed", "as-of"],
)
def test_list_shows_every_claim_with_its_status(seed_db: Path, args: tuple[str, ...], columns: int, mode: str) -> None:
    """Each claim's id and status word on one row (one screen line in a table), all of them."""
    truth = {str(c["id"]): c["status"] for c in json_of(seed_db, *args)}
    assert truth
    screen = on(seed_db, *args, columns=columns, env={"CLAIMTRACK_PAGER": PAGERS[mode]})
    assert screen.code == 0, screen.out
    shown = claim_records(screen.lines)
    assert {r["id"]: r["status"] for r in shown} == truth
    assert all(r["same_line"] for r in shown), shown
    assert f"{len(truth)} claim" in screen.out


@pytest.mark.sqlite_only
@pytest.mark.parametrize("columns", WIDTHS)
def test_list_shows_the_whole_text_of_every_claim(seed_db: Path, columns: int) -> None:
    """Claim text wraps, never cut: joined back, each cell is the claim's text."""
    truth = {str(c["id"]): c["text"] for c in json_of(seed_db, "list")}
    screen = on(seed_db, "list", columns=columns)
    shown = {r["id"]: r["text"] for r in claim_records(screen.lines)}
    assert {k: squeeze(v) for k, v in shown.items()} == {k: squeeze(v) for k, v in truth.items()}
    assert "…" not in screen.out


@pytest.mark.sqlite_only
@pytest.mark.parametrize("columns", (80, 120))
def test_show_gives_the_status_and_whole_text(seed_db: Path, columns: int) -> None:
    claim = json_of(seed_db, "show", "2")
    screen = on(seed_db, "show", "2", columns=columns)
    assert screen.code == 0
    status_line = next(line for line in screen.lines if line.startswith("Status"))
    assert status_line.split() == ["Status", claim["status"]]
    top = screen.out.split("Quote")[0].removeprefix("Claim 2")
    assert squeeze(top) == squeeze(claim["text"])
    assert len(table_rows(screen.lines)) == len(claim["events"])


@pytest.mark.sqlite_only
@pytest.mark.parametrize("columns", WIDTHS)
def test_due_shows_each_claims_status(seed_db: Path, columns: int) -> None:
    """Every due row carries its claim's status (checked against ``list``, which does not
    depend on today's date as ``due`` does)."""
    status = {str(c["id"]): c["status"] for c in json_of(seed_db, "list")}
    screen = on(seed_db, "due", columns=columns)
    shown = claim_records(screen.lines)
    assert shown
    assert all(r["status"] == status[r["id"]] and r["same_line"] for r in shown), shown


@pytest.mark.sqlite_only
@pytest.mark.parametrize("columns", (40, 50, 60, 80, 120))
def test_log_rows_name_known_claims(seed_db: Path, columns: int) -> None:
    """Each row names its claim and the change's Undo ID (what ``undo --change`` takes), at 80
    columns too, where the claim's words give way, and down to 40, where the notes and By do
    (issue 31: the Undo ID went at 60 and below, leaving the claim's ID as the only number on a
    row); from 80 columns no row runs taller than a note's 3 lines."""
    events = json_of(seed_db, "log")
    screen = on(seed_db, "log", columns=columns)
    assert screen.too_wide(columns) == []
    rows = table_rows(screen.lines)
    assert [r["ID"] for r in rows] == [str(e["claim_id"]) for e in events]
    undo = "Undo ID" if "Undo ID" in rows[0] else "Undo"
    assert [r[undo] for r in rows] == [str(e["change_id"]) for e in events]
    if columns >= 120:
        assert all(r["Claim"] for r in rows)  # the claim's words, shortened to fit
    if columns >= 80:
        assert max(r["height"] for r in rows) <= 3
        assert "cut to 3 lines" in "\n".join(screen.lines)  # the seed has notes longer than that


@pytest.mark.sqlite_only
@pytest.mark.parametrize("columns", (80, 120))
def test_summary_and_sources_show_every_group_whole(seed_db: Path, columns: int) -> None:
    groups = {g["group"]: str(g["count"]) for g in json_of(seed_db, "summary")}
    rows = table_rows(on(seed_db, "summary", columns=columns).lines)
    assert {r["Status"]: r["Claims"] for r in rows} == groups
    tags = {g["group"]: str(g["count"]) for g in json_of(seed_db, "summary", "--by", "tag")}
    rows = table_rows(on(seed_db, "summary", "--by", "tag", columns=columns).lines)
    assert {r["Tag"]: r["Claims"] for r in rows} == tags
    names = {s["name"]: str(s["claims"]) for s in json_of(seed_db, "sources")}
    rows = table_rows(on(seed_db, "sources", columns=columns).lines, key="Brier")
    count = "Claims" if "Claims" in rows[0] else "All"
    assert {r["Source"]: r[count] for r in rows} == names


@pytest.mark.sqlite_only
@pytest.mark.parametrize("columns", (80, 120))
def test_calibration_and_db_check_read_whole(seed_db: Path, columns: int) -> None:
    screen = on(seed_db, "calibration", columns=columns)
    assert screen.code == 0
    assert "░" in screen.out and "█" in screen.out  # both bars of the chart
    assert any(line.startswith("Brier score: ") for line in screen.lines)
    check = on(seed_db, "db", "check", columns=columns)
    assert check.code == 0
    assert any(line.split()[:2] == ["integrity", "ok"] for line in check.lines), check.out


@pytest.mark.parametrize("columns", WIDTHS)
def test_add_echoes_the_claim_in_a_table_that_fits(columns: int) -> None:
    """``add`` echoes the new claim fitted like ``list`` (the test's own database: it writes)."""
    assert run_piped("init", "--seed").returncode == 0
    text = "A claim added in a terminal test, long enough that a narrow table has to wrap it twice"
    screen = run_in_terminal(
        "add",
        text,
        "--source",
        "The Bell",
        "--status",
        "disputed",
        "--tag",
        "north-korea",
        "--confidence",
        "70%",
        columns=columns,
    )
    assert screen.code == 0, screen.out
    assert screen.too_wide(columns) == []
    [shown] = claim_records(screen.lines)
    new = json_of(None, "list", "--status", "disputed", "--sort", "id", "--desc")  # the newest disputed claim
    assert shown["id"] == str(new[0]["id"]) and shown["status"] == "disputed" and shown["same_line"]
    assert squeeze(shown["text"]) == squeeze(text)


# ---- --wide and --columns --------------------------------------------------------------------------


DEFAULT_HEADERS = ["ID", "Claim", "Source", "Code", "Confidence", "Status", "Said on", "Tags"]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("mode", PAGERS)
def test_wide_shows_every_default_column_uncut(seed_db: Path, mode: str) -> None:
    """``--wide`` may be wider than 80 columns, but shows every default column whole."""
    claims = {str(c["id"]): c for c in json_of(seed_db, "list")}
    screen = on(seed_db, "list", "--wide", columns=80, env={"CLAIMTRACK_PAGER": PAGERS[mode]})
    assert screen.code == 0
    assert table_headers(screen.lines) == DEFAULT_HEADERS
    rows = table_rows(screen.lines)
    assert [r["ID"] for r in rows] == list(claims)
    for row in rows:
        claim = claims[row["ID"]]
        assert row["first"]["Claim"] == claim["text"]  # on one line: nothing wrapped, nothing cut
        assert row["first"]["Status"] == claim["status"]
        assert row["first"]["Tags"] == ", ".join(claim["tags"])
        assert row["first"]["Confidence"] == (claim["confidence_label"] or "")
    assert "…" not in screen.out


@pytest.mark.sqlite_only
@pytest.mark.parametrize("columns", (80, 120))
def test_columns_shows_exactly_those(seed_db: Path, columns: int) -> None:
    claims = json_of(seed_db, "list")
    screen = on(seed_db, "list", "--columns", "id,status,tags", columns=columns)
    assert screen.code == 0
    assert table_headers(screen.lines) == ["ID", "Status", "Tags"]
    rows = table_rows(screen.lines)
    assert [(r["ID"], r["Status"], squeeze(r["Tags"])) for r in rows] == [
        (str(c["id"]), c["status"], squeeze(", ".join(c["tags"]))) for c in claims
    ]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", ["list", "log", "due", "sources", "summary"])
def test_unknown_column_is_one_error_line(seed_db: Path, command: str) -> None:
    screen = on(seed_db, command, "--columns", "nosuch", columns=80, separate_stderr=True)
    assert screen.code == 1
    assert screen.out == ""
    assert len(screen.err_lines) == 1, screen.err
    assert screen.err_lines[0].startswith("Error: --columns: no column 'nosuch'")


@pytest.mark.parametrize("columns", (50, 80))
@pytest.mark.parametrize(
    "args",
    [("--help",), ("list", "--help"), ("add", "--help"), ("log", "--help"), ("summary", "--help"), ("db", "--help")],
    ids=lambda a: "-".join(a),
)
def test_help_fits_the_terminal(args: tuple[str, ...], columns: int) -> None:
    screen = run_in_terminal(*args, columns=columns)
    assert screen.code == 0
    assert "Usage" in screen.out
    assert screen.too_wide(columns) == []
