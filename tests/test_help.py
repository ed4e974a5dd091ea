"""Help and version (DESIGN.md "Commands", "Performance").

Covers: every command registered on the Typer app (discovered from the app, so a new command
without help fails) answers ``--help`` with exit 0, a description and an ``Example: claimtrack
<command>`` line; ``claimtrack --help`` lists every command; ``--version`` prints
``claimtrack <version>``; and ``--help`` / ``--version`` in a fresh interpreter run the CLI
without importing SQLAlchemy or SQLModel.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable

import pytest
import typer

import claimtrack
from claimtrack.cli import app
from conftest import Run

COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def _walk(commands: dict, prefix: str = "") -> dict:
    """Every command, sub-commands of groups (``db check``) included, by its full name."""
    found = {}
    for name, command in commands.items():
        found[prefix + name] = command
        if hasattr(command, "commands"):
            found.update(_walk(command.commands, f"{prefix}{name} "))
    return found


ALL_COMMANDS = _walk(COMMANDS)
FIRST_RELEASE = {"init", "add", "list", "show", "confirm", "refute", "dispute", "reopen", "set", "note", "log"}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(ALL_COMMANDS))
def test_help_paragraphs_wrap_to_the_terminal_not_to_the_source(name: str) -> None:
    """A help paragraph is one line of text that the terminal wraps, never the docstring's own
    line breaks (which left ragged half-lines at 80 columns)."""
    help_text = ALL_COMMANDS[name].help or ""
    for paragraph in help_text.split("\n\n"):
        if not paragraph.lstrip().startswith("-"):
            assert "\n" not in paragraph.strip(), f"{name}: {paragraph!r}"


def test_every_first_release_command_is_registered() -> None:
    assert FIRST_RELEASE <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(ALL_COMMANDS))
def test_command_help_has_description_and_example(cli: Callable[..., Run], name: str) -> None:
    run = cli(*name.split(), "--help")
    assert run.exit_code == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    description = (ALL_COMMANDS[name].help or "").strip().splitlines()
    assert description and len(description[0]) >= 10, f"{name} has no description"
    assert not description[0].startswith("Example"), f"{name}'s description is only an example"
    assert flat(description[0]) in flat(run.stdout)
    assert re.search(rf"^\s*Example: claimtrack {re.escape(name)}(\s|$)", run.stdout, re.MULTILINE), run.stdout


def test_main_help_lists_every_command(cli: Callable[..., Run]) -> None:
    run = cli("--help")
    assert run.exit_code == 0, run.stderr
    for name in COMMANDS:
        assert re.search(rf"^\W*{re.escape(name)}\s+\w", run.stdout, re.MULTILINE), f"{name} missing from --help"


def test_version(cli: Callable[..., Run]) -> None:
    run = cli("--version")
    assert run.exit_code == 0
    assert run.stdout == f"claimtrack {claimtrack.__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", claimtrack.__version__)


PROBE = """
import json, runpy, sys
sys.argv = ["claimtrack", {arg!r}]
code = "no exit"
try:
    runpy.run_module("claimtrack", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
heavy = [m for m in ("sqlalchemy", "sqlmodel") if m in sys.modules]
print("\\nPROBE " + json.dumps({{"code": code, "heavy": heavy}}))
"""


@pytest.mark.parametrize("arg, expected", [("--version", "claimtrack "), ("--help", "Usage:")])
def test_help_and_version_do_not_import_the_database_stack(arg: str, expected: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(arg=arg)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out, _, probe = proc.stdout.rpartition("\nPROBE ")
    result = json.loads(probe)
    assert result["code"] in (0, None, "no exit"), proc.stdout + proc.stderr  # returning normally is success too
    assert expected in out  # the CLI really ran
    assert result["heavy"] == [], f"{arg} imported {result['heavy']}"
