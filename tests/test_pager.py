"""The pager and the "As of" heading on a real terminal (issue 12).

Long output on a terminal goes through a pager (``$CLAIMTRACK_PAGER``, ``$PAGER``, ``less -FRX``),
short output and piped output never do, and ``--no-pager`` or an empty ``CLAIMTRACK_PAGER`` turn it
off. The pagers here are small shell commands that keep what they were given in a file, so the
tests see exactly what a user's pager would show. Runs on a pty as in ``test_terminal``.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest
from rich.cells import cell_len

from test_terminal import UNSET, claim_records, json_of, on, plain, run_piped, seed_db  # noqa: F401  (seed_db: fixture)

# ---- the pager -------------------------------------------------------------------------------------


def recorder(path: Path) -> str:
    """A pager command that keeps what it is given in ``path`` (and shows nothing)."""
    return f"cat > {shlex.quote(str(path))}"


def colour_codes(text: str) -> list[str]:
    """SGR parameters in ``text`` that set a foreground or background colour."""
    found = []
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        found += [p for p in params.split(";") if p.isdigit() and (30 <= int(p) <= 48 or 90 <= int(p) <= 107)]
    return found


@pytest.fixture
def paged(tmp_path: Path) -> Path:
    return tmp_path / "paged.txt"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "no-color"])
def test_long_output_goes_through_the_pager(seed_db: Path, paged: Path, no_color: bool) -> None:
    """The seeded list at 80x24 is well over a screen: it is paged, fitted, coloured unless NO_COLOR."""
    env: dict[str, object] = {"CLAIMTRACK_PAGER": recorder(paged)}
    if no_color:
        env["NO_COLOR"] = "1"
    screen = on(seed_db, "list", columns=80, rows=24, env=env)
    assert screen.code == 0
    assert screen.out == ""  # all of it went to the pager
    raw = paged.read_text(encoding="utf-8")
    text = plain(raw)
    lines = text.splitlines()
    assert len(lines) > 24
    assert [r["id"] for r in claim_records(lines)] == [str(c["id"]) for c in json_of(seed_db, "list")]
    assert [line for line in lines if cell_len(line) > 80] == []
    assert bool(colour_codes(raw)) is not no_color


@pytest.mark.sqlite_only
def test_short_output_does_not_start_the_pager(seed_db: Path, paged: Path) -> None:
    screen = on(seed_db, "list", "-n", "1", columns=80, rows=24, env={"CLAIMTRACK_PAGER": recorder(paged)})
    assert screen.code == 0
    assert not paged.exists()
    assert [r["id"] for r in claim_records(screen.lines)] == ["1"]


@pytest.mark.sqlite_only
def test_a_tall_enough_terminal_does_not_page(seed_db: Path, paged: Path) -> None:
    """What is paged at 24 rows fits a 200-row terminal: the real height decides."""
    screen = on(seed_db, "list", columns=80, rows=200, env={"CLAIMTRACK_PAGER": recorder(paged)})
    assert screen.code == 0
    assert not paged.exists()
    assert 24 < len(screen.lines) < 200


@pytest.mark.sqlite_only
@pytest.mark.parametrize("how", ["--no-pager", "empty-CLAIMTRACK_PAGER"])
def test_pager_can_be_turned_off(seed_db: Path, paged: Path, how: str) -> None:
    """``--no-pager``, or CLAIMTRACK_PAGER set but empty (even with $PAGER set), prints directly."""
    if how == "--no-pager":
        args, env = ("list", "--no-pager"), {"CLAIMTRACK_PAGER": recorder(paged)}
    else:
        args, env = ("list",), {"CLAIMTRACK_PAGER": "", "PAGER": recorder(paged)}
    screen = on(seed_db, *args, columns=80, rows=24, env=env)
    assert screen.code == 0
    assert not paged.exists()
    assert len(claim_records(screen.lines)) == len(json_of(seed_db, "list"))


@pytest.mark.sqlite_only
def test_pager_variable_is_used_when_claimtrack_pager_is_unset(seed_db: Path, paged: Path) -> None:
    screen = on(seed_db, "list", columns=80, rows=24, env={"CLAIMTRACK_PAGER": UNSET, "PAGER": recorder(paged)})
    assert screen.code == 0
    assert screen.out == ""
    assert len(claim_records(plain(paged.read_text(encoding="utf-8")).splitlines())) == len(json_of(seed_db, "list"))


@pytest.mark.sqlite_only
def test_less_is_the_default_pager(seed_db: Path, tmp_path: Path, paged: Path) -> None:
    """No CLAIMTRACK_PAGER, no PAGER: ``less -FRX`` (a stand-in named less, first on PATH)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    args_file = tmp_path / "less-args.txt"
    fake = bin_dir / "less"
    fake.write_text(f'#!/bin/sh\necho "$@" > {shlex.quote(str(args_file))}\ncat > {shlex.quote(str(paged))}\n')
    fake.chmod(0o755)
    env = {"CLAIMTRACK_PAGER": UNSET, "PAGER": UNSET, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    screen = on(seed_db, "list", columns=80, rows=24, env=env)
    assert screen.code == 0
    assert args_file.read_text().split() == ["-FRX"]
    assert len(claim_records(plain(paged.read_text(encoding="utf-8")).splitlines())) == len(json_of(seed_db, "list"))


@pytest.mark.sqlite_only
@pytest.mark.parametrize("fmt", [(), ("--format", "table")], ids=["default", "table"])
def test_piped_output_is_never_paged(seed_db: Path, paged: Path, fmt: tuple[str, ...]) -> None:
    done = run_piped(
        "--db", str(seed_db), "list", *fmt, env={"CLAIMTRACK_PAGER": recorder(paged), "PAGER": recorder(paged)}
    )
    assert done.returncode == 0, done.stderr
    assert not paged.exists()
    assert done.stdout.count("\n") >= 23  # at least a line per claim, all of it on stdout


MISSING_PAGER = {"CLAIMTRACK_PAGER": "claimtrack-test-no-such-pager --flag"}


@pytest.mark.sqlite_only
def test_a_missing_pager_prints_anyway_and_warns(seed_db: Path) -> None:
    screen = on(seed_db, "list", columns=80, rows=24, separate_stderr=True, env=MISSING_PAGER)
    assert screen.code == 0
    assert len(claim_records(screen.lines)) == len(json_of(seed_db, "list"))
    assert screen.err_lines[-1].startswith("Warning: the pager 'claimtrack-test-no-such-pager --flag'")


@pytest.mark.sqlite_only
def test_a_missing_pager_warns_in_one_line(seed_db: Path) -> None:
    screen = on(seed_db, "list", columns=80, rows=24, separate_stderr=True, env=MISSING_PAGER)
    assert len(screen.err_lines) == 1, screen.err


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 claims: a table far larger than a pipe's buffer, so a pager that quits early
    certainly leaves claimtrack writing into a closed pipe."""
    folder = tmp_path_factory.mktemp("big")
    source = folder / "many.jsonl"
    source.write_text(
        "".join(
            json.dumps({"text": f"Bulk claim number {i}, long enough to wrap in a narrow cell", "source": "Bulk"})
            + "\n"
            for i in range(400)
        )
    )
    db = folder / "big.db"
    assert run_piped("--db", str(db), "init", env={"HOME": folder}).returncode == 0
    done = run_piped("--db", str(db), "import", str(source), env={"HOME": folder})
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.sqlite_only
def test_quitting_the_pager_early_is_a_clean_exit(big_db: Path) -> None:
    """A pager that reads one line and quits (as a user pressing q): exit 0, nothing on stderr."""
    screen = on(big_db, "list", columns=80, rows=24, separate_stderr=True, env={"CLAIMTRACK_PAGER": "head -1"})
    assert screen.code == 0
    assert len(screen.lines) == 1 and screen.lines[0].startswith("┏")  # head's one line
    assert screen.err == ""


# ---- "As of" -------------------------------------------------------------------------------------


AS_OF = "As of 2023-02-15"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("args", [("list", "-n", "2"), ("show", "2"), ("summary",)], ids=["list", "show", "summary"])
def test_as_of_heading_is_above_the_table_on_a_terminal(seed_db: Path, args: tuple[str, ...]) -> None:
    screen = on(seed_db, *args, "--as-of", "2023-02-15", columns=120)
    assert screen.code == 0
    assert screen.lines[0].startswith(AS_OF), screen.out
    apart = on(seed_db, *args, "--as-of", "2023-02-15", columns=120, separate_stderr=True)
    assert apart.err_lines[0].startswith(AS_OF)  # the heading is for the user: stderr
    assert AS_OF not in apart.out


@pytest.mark.sqlite_only
def test_as_of_heading_tops_the_pagers_screen(seed_db: Path, paged: Path) -> None:
    """Paged, the heading is the pager's first line (printed before, it would scroll away)."""
    screen = on(
        seed_db, "list", "--as-of", "2023-02-15", columns=80, rows=24, env={"CLAIMTRACK_PAGER": recorder(paged)}
    )
    assert screen.code == 0
    lines = plain(paged.read_text(encoding="utf-8")).splitlines()
    assert lines[0].startswith(AS_OF)
    assert lines[1].startswith("┏")


@pytest.mark.sqlite_only
@pytest.mark.parametrize("fmt", [(), ("--format", "table"), ("--format", "json")], ids=["default", "table", "json"])
def test_piped_as_of_output_has_no_heading(seed_db: Path, fmt: tuple[str, ...]) -> None:
    done = run_piped("--db", str(seed_db), "list", "--as-of", "2023-02-15", *fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert "As of" not in done.stdout
    assert "As of" not in done.stderr


@pytest.mark.sqlite_only
def test_as_of_json_on_a_terminal_has_no_heading(seed_db: Path) -> None:
    screen = on(seed_db, "list", "--as-of", "2023-02-15", "--format", "json", columns=80)
    assert screen.code == 0
    assert "As of" not in screen.out
    assert json.loads(screen.out)
