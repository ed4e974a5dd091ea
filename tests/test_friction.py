"""The newcomer's friction list (issue 27): each rough edge met in a first day's use, fixed.

- usage errors (unknown command or option, a bad choice, a missing argument) are one ``Error:``
  line on stderr, exit 2, with a suggestion where one exists, not Rich's five-line box;
- "did you mean" for a mistyped status or source kind, a decimal comma, a web address without
  its scheme;
- Ctrl-C at a prompt (delete's question, ``extract --review``, ``match --review``) or while
  reading input exits 130 with one line; real processes on a pty, sent SIGINT while they wait;
- a command on several ids names every conflict at once;
- ``--columns`` takes the short headers narrow tables show (``Conf``, ``Said``);
- ``--wide`` pages through ``less -S``, so wide rows scroll instead of wrapping;
- a web address too long for its cell is printed whole below the table (``show``, ``log``);
- ``due`` gives a stale claim the day it became due, not the day it was said;
- ``export --format html`` without ``--output`` is refused on a terminal, still piped;
- a narrow ``list`` shows the words typed for a confidence (``likely``), JSON the number.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, run_process, table_digest
from test_terminal import UNSET, on, plain, run_piped, seed_db  # noqa: F401  (seed_db: fixture)

ARTICLE = Path(__file__).resolve().parent.parent / "data" / "seed-article.txt"


def one_error_line(run: Any, code: int) -> str:
    """The run's only stderr line, which starts with ``Error:``; exit ``code``, nothing on stdout."""
    stderr = run.stderr
    exit_code = run.exit_code if hasattr(run, "exit_code") else run.returncode
    assert exit_code == code, (exit_code, run.stdout, stderr)
    assert run.stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


# ---- usage errors: one line ------------------------------------------------------------------------


USAGE = {
    "bad-choice": (("list", "--status", "confirmd"), "did you mean 'confirmed'?"),
    "bad-choice-of-add": (("add", "A claim.", "-s", "Desk", "--status", "disputd"), "did you mean 'disputed'?"),
    "bad-format": (("list", "--format", "jsn"), "did you mean 'json'?"),
    "unknown-command": (("lst",), "Did you mean 'list'"),
    "unknown-option": (("list", "--stauts", "x"), "--status"),
    "missing-argument": (("show",), "show [OPTIONS] {ID}"),
    "extra-argument": (("show", "1", "2"), "show [OPTIONS] {ID}"),
    "missing-option": (("add", "A claim."), "--source"),
    "unknown-root-option": (("--bogus", "list"), "No such option: --bogus"),
}


@pytest.mark.parametrize(("args", "hint"), USAGE.values(), ids=USAGE.keys())
def test_usage_errors_are_one_line_with_a_suggestion(
    seeded: Callable[..., Run], args: tuple[str, ...], hint: str
) -> None:
    line = one_error_line(seeded(*args), 2)
    assert hint in line, line
    assert "-h" in line  # where to read more


def test_a_usage_error_in_a_real_process_is_one_line_and_help_is_still_help(seeded: Callable[..., Run]) -> None:
    proc = run_process("list", "--status", "confirmd")
    line = one_error_line(proc, 2)
    assert "'confirmed'" in line and "╭" not in proc.stderr and "Usage:" not in proc.stderr
    helped = run_process("list", "--help")
    assert helped.returncode == 0 and "Usage:" in helped.stdout and helped.stderr == ""
    bare = run_process("db")  # a group without its command shows its help, not an error
    assert "Usage:" in bare.stdout + bare.stderr and "Error:" not in bare.stdout + bare.stderr


def test_a_far_miss_gets_no_guess(seeded: Callable[..., Run]) -> None:
    line = one_error_line(seeded("summary", "--by", "colour"), 2)
    assert "did you mean" not in line and "'colour' is not one of" in line
    for args in (
        ("source", "set", "X", "--kind", "blogger"),
        ("add", "A.", "-s", "D", "--url", "reuters"),
        ("add", "A.", "-s", "D", "--confidence", "1,7"),
    ):
        assert "did you mean" not in one_error_line(seeded(*args), 1)


# ---- did you mean ----------------------------------------------------------------------------------


SUGGESTIONS = {
    "source-kind": (("source", "set", "Somebody", "--kind", "persn"), "did you mean 'person'?"),
    "decimal-comma": (("add", "A claim.", "-s", "Desk", "--confidence", "0,7"), "did you mean 0.7?"),
    "decimal-comma-percent": (("set", "1", "--confidence", "70,5%"), "did you mean 70.5%?"),
    "url-without-scheme": (
        ("add", "A claim.", "-s", "Desk", "--url", "www.reuters.com/world/asia/x"),
        "did you mean 'https://www.reuters.com/world/asia/x'?",
    ),
    "evidence-without-scheme": (
        ("note", "1", "Seen.", "--evidence", "example.org/a?b=1"),
        "did you mean 'https://example.org/a?b=1'?",
    ),
}


@pytest.mark.parametrize(("args", "hint"), SUGGESTIONS.values(), ids=SUGGESTIONS.keys())
def test_near_misses_get_a_suggestion(
    seeded: Callable[..., Run], db_path: Any, args: tuple[str, ...], hint: str
) -> None:
    before = table_digest(db_path)
    line = one_error_line(seeded(*args), 1)
    assert hint in line, line
    assert table_digest(db_path) == before


# ---- Ctrl-C: 130 and one line ----------------------------------------------------------------------


def interrupt(*args: str, when: str | None, timeout: float = 60.0) -> tuple[int, str]:
    """Run claimtrack on a pty (stdin, stdout, stderr), send SIGINT once ``when`` has been printed
    (None: once it has started reading input, judged by a short quiet spell), return (exit, output).

    A SIGINT that arrives between the prompt and the read of its answer is only seen once the read
    is interrupted by another, as when a user presses Ctrl-C again after nothing happened: so one
    is sent again after three quiet seconds."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMTRACK_PAGER", "PAGER")}
    env["CLAIMTRACK_PAGER"] = ""
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 - no threads here
    )
    os.close(slave)
    out = b""
    sent, sent_at = False, 0.0
    deadline = time.monotonic() + timeout
    quiet_since = time.monotonic()
    try:
        while True:
            assert time.monotonic() < deadline, (
                f"claimtrack {args} hung (SIGINT sent: {sent}):\n{out.decode(errors='replace')}"
            )
            ready, _, _ = select.select([master], [], [], 0.1)
            data = b""
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                out += data
                quiet_since = time.monotonic()
            if proc.poll() is not None and not ready:
                break
            if not sent:
                waiting = (when.encode() in out) if when is not None else (time.monotonic() - quiet_since > 2.0)
            else:  # a signal that lands just before the read of the answer begins waits for the next
                waiting = time.monotonic() - max(quiet_since, sent_at) > 3.0  # as a user presses Ctrl-C again
            if waiting:
                os.kill(proc.pid, signal.SIGINT)
                sent, sent_at = True, time.monotonic()
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert sent, out.decode(errors="replace")
    return code, plain(out.decode("utf-8", "replace"))


CTRL_C = {
    "delete-question": (("delete", "1", "2"), "Delete these 2 claims?"),
    "extract-review": (("extract", str(ARTICLE), "--review"), "[a/e/s/q]"),
    "match-review": (("match", "{news}", "--review", "--all"), "[q]uit?"),
    "reading-ids": (("confirm", "--from", "-"), None),
}


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("args", "when"), CTRL_C.values(), ids=CTRL_C.keys())
def test_ctrl_c_exits_130_with_one_line(
    seeded: Callable[..., Run], db_path: Path, tmp_path: Path, args: tuple[str, ...], when: str | None
) -> None:
    news = tmp_path / "news.txt"
    news.write_text(
        "Russia will turn into a state like North Korea, Andrei Lankov said again on Monday.\n", encoding="utf-8"
    )
    before = table_digest(db_path)
    code, out = interrupt(*(a.replace("{news}", str(news)) for a in args), when=when)
    assert code == 130, out
    assert "Aborted" not in out and "Traceback" not in out
    assert out.rstrip().splitlines()[-1] == "Interrupted: nothing was saved.", out
    assert table_digest(db_path) == before


@pytest.mark.sqlite_only
def test_the_end_of_input_at_a_question_is_one_error_line(
    seeded: Callable[..., Run], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimtrack.cli.fix._interactive", lambda: True)
    before = table_digest(db_path)
    run = seeded("delete", "1", "2", input="")
    assert run.exit_code == 1
    assert run.stderr.splitlines()[-1] == "Error: the input ended before an answer was given; nothing was saved"
    assert table_digest(db_path) == before


# ---- several ids: every conflict named at once -----------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "args", "words"),
    [
        ((), ("confirm", "3", "5", "8-12"), "claims 3, 9-12 are already confirmed"),
        ((), ("confirm", "5", "98", "99", "120-125"), "no claims with ids 98-99, 120-125"),
        ((("delete", "3", "4", "--yes"),), ("note", "3", "4", "5", "Seen."), "claims 3-4 are deleted"),
        (
            (("delete", "3", "4", "--yes"),),
            ("confirm", "3", "4", "99"),
            "no claim with id 99, and claims 3-4 are deleted",
        ),
        ((("delete", "3", "4", "--yes"),), ("delete", "3", "4", "5", "--yes"), "claims 3-4 are already deleted"),
        ((), ("restore", "3", "4"), "claims 3-4 are not deleted"),
    ],
)
def test_several_ids_name_every_conflict_at_once(
    seeded: Callable[..., Run], db_path: Any, setup: tuple[tuple[str, ...], ...], args: tuple[str, ...], words: str
) -> None:
    for step in setup:
        assert seeded(*step).exit_code == 0
    before = table_digest(db_path)
    line = one_error_line(seeded(*args), 1)
    assert words in line, line
    assert table_digest(db_path) == before


# ---- tables ----------------------------------------------------------------------------------------


def test_columns_take_the_short_headers_shown(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    run = seeded("list", "--columns", "id,conf,SAID", "--format", "table")
    assert run.exit_code == 0, run.stderr
    header = next(line for line in run.stdout.splitlines() if line.startswith("┃"))
    assert [h.strip() for h in header.strip("┃").split("┃")] == ["ID", "Confidence", "Said on"]
    sources = seeded("sources", "--columns", "source,gr,unver", "--format", "table")
    assert sources.exit_code == 0, sources.stderr
    older = seeded("sources", "--columns", "source,open,true,false", "--format", "table")  # the old short names
    assert older.exit_code == 0, older.stderr
    header = next(line for line in older.stdout.splitlines() if line.startswith("┃"))
    assert [h.strip() for h in header.strip("┃").split("┃")] == ["Source", "Unverified", "Confirmed", "Refuted"]


@pytest.mark.sqlite_only
def test_wide_tables_page_through_less_chopping_long_lines(seed_db: Path, tmp_path: Path) -> None:
    """``list --wide`` pages through ``less -FRXS`` (a bare ``less`` from $PAGER gets LESS=FRXS); a
    fitted table, whose lines fit, keeps ``less -FRX``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    args_file, env_file, paged = tmp_path / "args.txt", tmp_path / "less-env.txt", tmp_path / "paged.txt"
    fake = bin_dir / "less"
    fake.write_text(
        f'#!/bin/sh\necho "$@" > {shlex.quote(str(args_file))}\necho "$LESS" > {shlex.quote(str(env_file))}\n'
        f"cat > {shlex.quote(str(paged))}\n"
    )
    fake.chmod(0o755)
    env = {"CLAIMTRACK_PAGER": UNSET, "PAGER": UNSET, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    for wide, flags in (((), "-FRX"), (("--wide",), "-FRXS")):
        screen = on(seed_db, "list", *wide, columns=80, rows=24, env=env)
        assert screen.code == 0, screen.out
        assert args_file.read_text().split() == [flags]
        assert env_file.read_text().strip() == flags.lstrip("-")
    assert max(len(line) for line in plain(paged.read_text(encoding="utf-8")).splitlines()) > 80  # the wide one
    bare = on(seed_db, "list", "--wide", columns=80, rows=24, env={**env, "PAGER": "less"})
    assert bare.code == 0 and args_file.read_text().split() == [] and env_file.read_text().strip() == "FRXS"


def links_of(seeded: Callable[..., Run], *args: str) -> list[str]:
    data = json.loads(seeded(*args, "--format", "json").stdout)
    events = data["events"] if isinstance(data, dict) else data
    return sorted({e["evidence_url"] for e in events if e["evidence_url"]})


@pytest.mark.parametrize("args", [("show", "3"), ("log",)], ids=["show", "log"])
def test_web_addresses_are_never_broken_at_80_columns(
    seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    links = links_of(seeded, *args)
    assert links and any(len(url) > 40 for url in links)
    monkeypatch.setenv("COLUMNS", "80")
    run = seeded(*args, "--format", "table")
    assert run.exit_code == 0, run.stderr
    below = dict(re.findall(r"^\[(\d+)\] (https?://\S+)$", run.stdout, re.M))
    assert sorted(below.values()) == links  # each one whole, on a line of its own
    marks = set(re.findall(r"\[(\d+)\]", "".join(line for line in run.stdout.splitlines() if line.startswith("│"))))
    assert marks == set(below)  # and marked where it was


def test_a_long_url_of_a_claim_is_shown_whole(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://www.reuters.com/world/asia-pacific/north-korea-sends-more-troops-to-russia-officials-say-2025-06-01/"
    assert seeded("set", "3", "--url", url).exit_code == 0
    monkeypatch.setenv("COLUMNS", "80")
    out = seeded("show", "3", "--format", "table").stdout
    assert re.search(rf"^URL +{re.escape(url)}$", out, re.M), out


def test_due_gives_a_stale_claim_the_day_it_became_due(
    seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = json.loads(seeded("show", "5", "--format", "json").stdout)  # unverified, said and last changed 2023-02-15
    assert claim["status"] == "unverified" and claim["updated_at"][:10] == claim["said_on"] == "2023-02-15"
    due = {row["id"]: row for row in json.loads(seeded("due", "--format", "json").stdout)}
    assert due[5]["due"] == "2023-03-17" and due[5]["reason"].startswith("unverified, unchanged for")
    monkeypatch.setenv("COLUMNS", "80")
    row = next(line for line in seeded("due", "--format", "table").stdout.splitlines() if line.startswith("│  5 "))
    assert "2023-03-17" in row and "2023-02-15" not in row


def test_a_narrow_list_shows_the_words_typed(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    long = " and a claim long enough that an 80 or 120 column table must squeeze its columns" * 3
    assert seeded("add", "Typed likely" + long, "-s", "Desk", "--confidence", "likely").exit_code == 0
    assert seeded("add", "Typed a number" + long, "-s", "Desk", "--confidence", "0.7").exit_code == 0
    claims = json.loads(seeded("list", "--source", "Desk", "--format", "json").stdout)
    assert [c["confidence"] for c in claims] == [0.675, 0.7]  # the number in JSON
    monkeypatch.setenv("COLUMNS", "80")
    rows = [
        line
        for line in seeded("list", "--source", "Desk", "--format", "table").stdout.splitlines()
        if line.startswith("│") and "Typed" in line
    ]
    assert "likely" in rows[0] and "67.5%" not in rows[0], rows  # the words typed
    assert "70%" in rows[1] and "likely" not in rows[1], rows  # the number typed
    monkeypatch.setenv("COLUMNS", "240")
    wide = seeded("list", "--source", "Desk", "--format", "table").stdout
    assert "67.5% likely" in wide and "70% likely" in wide  # room enough: both


# ---- export --format html on a terminal ------------------------------------------------------------


@pytest.mark.sqlite_only
def test_html_export_is_refused_on_a_terminal_but_piped(seed_db: Path, tmp_path: Path) -> None:
    screen = on(seed_db, "export", "--format", "html", columns=80, separate_stderr=True)
    assert screen.code == 1
    assert screen.out == "" and "<html" not in screen.err
    assert screen.err.strip().startswith("Error: ") and "-o report.html" in screen.err
    assert len(screen.err.strip().splitlines()) == 1
    piped = run_piped("--db", str(seed_db), "export", "--format", "html")
    assert piped.returncode == 0 and "<html" in piped.stdout
    written = on(seed_db, "export", "--format", "html", "-o", str(tmp_path / "report.html"), columns=80)
    assert written.code == 0 and "<html" in (tmp_path / "report.html").read_text(encoding="utf-8")
