"""Daily use (issue 12): no silent dead ends, help that reads at 80 columns, settled claims not due.

Covers: a read command on a target with no database says so and how to make one, and creates
nothing; an empty database says how to start; a filter that matches nothing suggests the nearest
source or tag names on stderr (stdout stays clean for scripts); ``due`` leaves out review dates
of confirmed and refuted claims; ``log`` shows each claim's text; the calibration chart's two
bars differ in shape, not only colour; and ``--help`` at 80 columns lists every format and
never breaks a choice list mid-word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import typer

from claimtrack.choices import ExportFormat, Format
from claimtrack.cli import app
from conftest import Run

READS = [
    ("list",),
    ("show", "1"),
    ("log",),
    ("summary",),
    ("sources",),
    ("calibration",),
    ("due",),
    ("export",),
    ("db", "check"),
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_a_read_command_never_creates_a_database(
    cli: Callable[..., Run], tmp_path: Path, command: tuple[str, ...]
) -> None:
    target = tmp_path / "new" / "claims.db"
    run = cli("--db", str(target), *command)
    assert run.exit_code == 1
    # the hint carries the --db (issue 27: "claimtrack init" would make the default database instead)
    assert run.stderr == (
        f"Error: there is no claimtrack database at {target} yet; create it with: "
        f"claimtrack --db {target} init "
        f"(or claimtrack --db {target} init --seed for the bundled article's claims)\n"
    )
    assert not target.exists() and not target.parent.exists()


@pytest.mark.sqlite_only
def test_an_empty_file_is_not_turned_into_a_database_by_a_read(cli: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "empty.db"
    target.write_bytes(b"")
    assert cli("--db", str(target), "list").exit_code == 1
    assert target.read_bytes() == b""
    assert sorted(p.name for p in folder.iterdir()) == ["empty.db"]


def test_an_empty_database_says_how_to_start(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    for command in (("list",), ("log",), ("summary",)):
        run = cli(*command)
        assert run.exit_code == 0 and (run.stdout == "" or command == ("summary",))
        assert "No claims yet. Add one: claimtrack add" in run.stderr and "claimtrack init --seed" in run.stderr


def test_a_filter_that_matches_nothing_suggests_near_names(seeded: Callable[..., Run]) -> None:
    run = seeded("list", "--source", "lankv")
    assert run.exit_code == 0 and run.stdout == ""
    assert run.stderr == "No source matches 'lankv'; did you mean 'Andrei Lankov'? (--source 'Andrei Lankov')\n"
    run = seeded("list", "--tag", "nucler", "--format", "json")
    assert json.loads(run.stdout) == []
    assert run.stderr == "No tag matches 'nucler'; did you mean 'nuclear'? (--tag nuclear)\n"
    run = seeded("list", "--source", "zzzz")
    assert run.stderr == "No source matches 'zzzz'; see them all with: claimtrack sources\n"
    run = seeded("summary", "--tag", "rusia", "--format", "tsv")
    assert "did you mean 'russia'?" in run.stderr


def test_a_filter_that_matches_names_but_no_claim_gives_no_false_hint(seeded: Callable[..., Run]) -> None:
    run = seeded("list", "--source", "lankov", "--status", "disputed")
    assert run.exit_code == 0 and run.stderr == ""


def test_due_leaves_out_review_dates_of_settled_claims(cli: Callable[..., Run]) -> None:
    past = (datetime.now(UTC).date() - timedelta(days=3)).isoformat()
    ids = []
    for text in ("Open question.", "Confirmed one.", "Refuted one.", "Disputed one."):
        run = cli("add", text, "--source", "S", "--review-by", past, "--format", "json")
        assert run.exit_code == 0, run.stderr
        ids.append(json.loads(run.stdout)[0]["id"])
    assert cli("confirm", str(ids[1])).exit_code == 0
    assert cli("refute", str(ids[2])).exit_code == 0
    assert cli("dispute", str(ids[3])).exit_code == 0
    due = json.loads(cli("due", "--format", "json").stdout)
    assert [(c["id"], c["reason"]) for c in due] == [
        (ids[0], "review overdue by 3 days"),
        (ids[3], "review overdue by 3 days"),
    ]


def test_log_shows_what_each_claim_says(seeded: Callable[..., Run]) -> None:
    out = seeded("log", "--format", "table", "-n", "3").stdout
    assert "Claim" in out.splitlines()[1]
    claims = {c["id"]: c["text"] for c in json.loads(seeded("list", "--format", "json").stdout)}
    events = json.loads(seeded("log", "--format", "json", "-n", "3").stdout)
    for event in events:
        assert claims[event["claim_id"]][:8] in out


def test_the_calibration_chart_reads_without_colour(
    seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = seeded("calibration", "--format", "table").stdout
    assert "Said ░ vs came true █" in out
    said = [line for line in out.splitlines() if "░" in line and "Said" not in line]
    true = [line for line in out.splitlines() if "█" in line and "Said" not in line]
    assert said and true and not any("█" in line for line in said)


COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def _all(commands: dict, prefix: str = "") -> list[str]:
    names = []
    for name, command in commands.items():
        if hasattr(command, "commands"):
            names += _all(command.commands, f"{prefix}{name} ")
        else:
            names.append(prefix + name)
    return names


@pytest.mark.parametrize("name", _all(COMMANDS))
def test_help_at_80_columns_lists_choices_in_words(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    run = cli(*name.split(), "--help")
    assert run.exit_code == 0
    assert all(len(line) <= 80 for line in run.stdout.splitlines())
    assert not re.search(r"<\w+\|", run.stdout), "a choice list as a metavar breaks mid-word at 80 columns"
    flat = " ".join(run.stdout.replace("│", " ").split())
    if "--format" in run.stdout:
        formats = ExportFormat if name == "export" else Format
        if name == "import":
            formats = ("json", "jsonl", "csv")  # type: ignore[assignment]
        for fmt in formats:
            assert re.search(rf"\b{fmt}\b", flat), f"{name} --help does not name the format {fmt}"


@pytest.mark.sqlite_only
def test_a_write_that_creates_the_database_says_where(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "fresh.db"
    first = cli("--db", str(target), "add", "A claim.", "--source", "S")
    assert first.exit_code == 0, first.stderr
    assert (
        first.stderr.splitlines()[-1]
        == f"Created a new database at {target} (see it with: claimtrack --db {target} db path)."
    )
    second = cli("--db", str(target), "add", "Another claim.", "--source", "S")
    assert "Created a new database" not in second.stderr
    assert "Created a new database" not in cli("--db", str(tmp_path / "other.db"), "init").stderr
