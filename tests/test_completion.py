"""Shell completion (issue 12), through each shell's own completion entry point.

bash: the function ``claimtrack --show-completion bash`` prints, called with COMP_WORDS/COMP_CWORD
set as readline sets them. fish: ``complete -C LINE`` after sourcing the fish script. zsh: the
generated ``_claimtrack_completion`` function with ``words``/``CURRENT`` set and ``_arguments``
stubbed to print the candidates it is handed (a real completion widget needs a terminal). Then, in
a pseudo-terminal, each real interactive shell completes a source name with a space on TAB, to show
it lands on the command line as one argument.

Covers: sub-commands, option names, --status and --format choices, claim ids, source names with a
space, tags, --db given on the line and $CLAIMTRACK_DB, no database / a PostgreSQL URL / a damaged
file -> no candidates and nothing printed, and that completing never writes to the database, never
leaves -wal/-shm files and never creates a database. A shell whose binary is absent is skipped.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrack.choices import Format, Status
from claimtrack.cli import complete
from conftest import SEED_CLAIMS

pytestmark = pytest.mark.sqlite_only  # completion reads SQLite files; a server completes nothing

BIN = Path(sys.executable).parent  # the venv's bin: the installed claimtrack console script


def needs(shell: str) -> str:
    path = shutil.which(shell)
    if path is None:
        pytest.skip(f"{shell} is not installed")
    return path


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty home: the default database location holds nothing."""
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def env(home: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMTRACK_", "_CLAIMTRACK", "COMP_", "XDG_"))}
    return {
        **base,
        "PATH": f"{BIN}{os.pathsep}{base.get('PATH', '')}",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "TERM": "dumb",
    }


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """The seed (sources "The Bell", "Andrei Lankov"...), plus a source whose name bash would split."""
    path = tmp_path_factory.mktemp("seeded") / "claims.db"
    for args in (["init", "--seed"], ["source", "set", "Bob's $5 (news)", "--kind", "outlet"]):
        proc = subprocess.run(
            [str(BIN / "claimtrack"), "--db", str(path), *args], env=env, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
    return path


@pytest.fixture()
def untouched(db: Path) -> object:
    """Fails the test if completing changed the database file or left files beside it."""
    before = (db.stat().st_mtime_ns, db.stat().st_size, sorted(p.name for p in db.parent.iterdir()))
    yield
    assert (db.stat().st_mtime_ns, db.stat().st_size, sorted(p.name for p in db.parent.iterdir())) == before


def run(cmd: list[str], env: dict[str, str], **extra: str) -> str:
    """Run in an empty directory: given no candidates, bash, zsh and fish offer file names instead
    (Typer's scripts ask for that), which would otherwise be the test's files."""
    cwd = Path(env["HOME"]) / "empty"
    cwd.mkdir(exist_ok=True)
    proc = subprocess.run(cmd, env={**env, **extra}, capture_output=True, text=True, timeout=60, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "", proc.stderr  # nothing may be printed into the user's command line
    return proc.stdout


BASH = """
source <(claimtrack --show-completion bash)
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_claimtrack_completion claimtrack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "${COMPREPLY[@]}"
"""


def bash(env: dict[str, str], *words: str, **extra: str) -> list[str]:
    """COMPREPLY for the words readline would hand over (the last one is being completed)."""
    out = run([needs("bash"), "--norc", "--noprofile", "-c", BASH, "bash", "claimtrack", *words], env, **extra)
    return [line for line in out.splitlines() if line]


def fish(env: dict[str, str], line: str, **extra: str) -> list[str]:
    """What fish offers for ``line``: candidates without their descriptions, in bash's order
    (fish sorts them itself: ids 1, 2, 3 where the others show 23, 22, 21)."""
    script = 'claimtrack --show-completion fish | source; complete -C "$LINE"'
    out = run([needs("fish"), "--no-config", "-c", script], env, LINE=line, **extra)
    found = [row.split("\t")[0] for row in out.splitlines() if row]
    return sorted(found, key=lambda v: (-int(v), "") if v.isdigit() else (0, v))


ZSH = """
compdef() { :; }
_arguments() { print -r -- "ARGUMENTS $1"; }
_files() { print -r -- FILES; }
source <(claimtrack --show-completion zsh)
words=("$@"); CURRENT=$#
_claimtrack_completion
"""


def zsh(env: dict[str, str], *words: str, **extra: str) -> list[str]:
    """The candidates the zsh function hands ``_arguments`` (as ``'*: :(("value":"help" ...))'``)."""
    out = run([needs("zsh"), "-f", "-c", ZSH, "zsh", "claimtrack", *words], env, **extra)
    if out.strip() == "FILES":
        return []  # no candidates: Typer falls back to file names
    spec = re.fullmatch(r"ARGUMENTS \*: :\(\((.*)\)\)\n", out, re.DOTALL)
    assert spec, out
    return [m.group(1).replace('""', '"') for m in re.finditer(r'"((?:[^"]|"")*)"(?::"(?:[^"]|"")*")?', spec.group(1))]


def _newest(prefix: str = "") -> list[str]:
    """The seeded claim ids that start with ``prefix``, newest first, as completion offers them."""
    return [str(i) for i in range(SEED_CLAIMS, 0, -1) if str(i).startswith(prefix)]


SHELLS = {
    "bash": lambda env, line, **extra: bash(env, *line.split(" "), **extra),
    "zsh": lambda env, line, **extra: zsh(env, *line.split(" "), **extra),
    "fish": lambda env, line, **extra: fish(env, "claimtrack " + line, **extra),
}


@pytest.mark.parametrize("shell", SHELLS)
def test_subcommands_options_and_choices(shell: str, env: dict[str, str]) -> None:
    offer = SHELLS[shell]
    assert {"add", "list", "show", "confirm", "sources", "db", "init"} <= set(offer(env, ""))
    assert offer(env, "list --sta") == ["--status"]
    assert sorted(offer(env, "list --status ")) == sorted(s.value for s in Status)
    assert offer(env, "list --status conf") == ["confirmed"]
    assert set(offer(env, "list --format ")) == {f.value for f in Format} | {"ids"}  # list also prints bare ids
    assert offer(env, "list --sort sa") == ["said_on"]  # parsed by options.one_of, not Click's choice type
    assert offer(env, "export --format claimreview") == ["claimreview", "claimreview-html"]
    assert {"check", "path"} <= set(offer(env, "db "))


def test_columns_complete_for_every_table(env: dict[str, str]) -> None:
    """``--columns`` offers the table's column keys (they were registered only once a table was
    drawn, so completion offered none), after those already typed."""
    assert {"id", "text", "status", "confidence"} <= set(bash(env, "list", "--columns", ""))
    assert bash(env, "list", "--columns", "id,sta") == ["id,status"]
    assert bash(env, "add", "--columns", "sou") == ["source"]
    assert bash(env, "summary", "--columns", "") == ["group", "count", "share"]
    assert bash(env, "calibration", "--columns", "st") == ["stated"]
    assert {"at", "by", "detail"} <= set(bash(env, "log", "--columns", ""))
    assert {"name", "accuracy", "brier"} <= set(bash(env, "sources", "--columns", ""))


@pytest.mark.parametrize("shell", SHELLS)
def test_claim_ids_newest_first(shell: str, env: dict[str, str], db: Path, untouched: object) -> None:
    offer = SHELLS[shell]
    assert offer(env, f"--db {db} show ")[:3] == _newest()[:3]
    assert offer(env, f"--db {db} show 2") == _newest("2")
    assert offer(env, f"--db {db} confirm 1") == _newest("1")
    assert offer(env, f"--db {db} show 9") == ["9"]
    assert offer(env, f"--db {db} show x") == []


@pytest.mark.parametrize("shell", SHELLS)
def test_tags_and_database_from_the_environment(shell: str, env: dict[str, str], db: Path, untouched: object) -> None:
    offer = SHELLS[shell]
    assert offer(env, "list --tag nu", CLAIMTRACK_DB=str(db)) == ["nuclear"]
    assert "ukraine" in offer(env, "list --tag ", CLAIMTRACK_DB=str(db))
    assert offer(env, "list --tag ") == []  # no database at the default location
    assert offer(env, "show ", CLAIMTRACK_DB=f"sqlite:///{db}")[:1] == [str(SEED_CLAIMS)]


def test_source_names_escaped_for_bash(env: dict[str, str], db: Path, untouched: object) -> None:
    """Typer's bash function puts each line into COMPREPLY as is: it must be typed-ready."""
    names = bash(env, "--db", str(db), "list", "--source", "")
    assert "The\\ Bell" in names and "Andrei\\ Lankov" in names
    assert "Bob\\'s\\ \\$5\\ \\(news\\)" in names
    assert bash(env, "--db", str(db), "list", "--source", "The\\ B") == ["The\\ Bell"]
    assert bash(env, "--db", str(db), "list", "-s", '"The') == ["The Bell"]  # readline closes the quote
    assert bash(env, "--db", str(db), "list", "-s", '"Bob') == ["Bob's \\$5 (news)"]
    assert bash(env, "--db", str(db), "list", "-s", "'The") == ["The Bell"]
    assert bash(env, "--db", str(db), "list", "--source", "the") == []  # Typer matches case


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_source_names_for_zsh_and_fish(shell: str, env: dict[str, str], db: Path, untouched: object) -> None:
    """zsh and fish quote what they insert themselves: the plain names."""
    offer = SHELLS[shell]
    assert "The Bell" in offer(env, f"--db {db} list --source ")
    if shell == "fish":
        assert fish(env, f"claimtrack --db {db} list --source The\\ B") == ["The Bell"]
        assert fish(env, f"claimtrack --db {db} list --source 'Bob") == ["Bob's $5 (news)"]
    else:
        assert zsh(env, "--db", str(db), "list", "--source", "The\\ B") == ["The Bell"]


@pytest.mark.parametrize("shell", SHELLS)
def test_no_database_no_candidates_nothing_created(shell: str, env: dict[str, str], tmp_path: Path, home: Path) -> None:
    offer = SHELLS[shell]
    work = tmp_path / "work"
    work.mkdir()
    missing = work / "none.db"
    damaged = work / "damaged.db"
    damaged.write_bytes(b"not a database at all\n" * 100)
    assert offer(env, f"--db {missing} show ") == []
    assert offer(env, "show ") == []  # the default location, empty
    assert offer(env, f"--db {damaged} list --tag ") == []
    assert offer(env, "list --source ", CLAIMTRACK_DB="postgresql+psycopg://me:pw@127.0.0.1:1/x") == []
    assert offer(env, "show ", CLAIMTRACK_DB="sqlite://") == []  # refused target: quietly nothing
    assert sorted(p.name for p in work.iterdir()) == ["damaged.db"]
    assert damaged.read_bytes() == b"not a database at all\n" * 100
    assert not any(home.rglob("*.db")), "completing created a database at the default location"


def test_a_database_open_elsewhere_is_read_without_writing(env: dict[str, str], db: Path, tmp_path: Path) -> None:
    """With a writer's -wal and -shm present, completion reads the WAL and leaves both as they were."""
    import sqlite3

    copy = tmp_path / "open.db"
    shutil.copy(db, copy)
    writer = sqlite3.connect(copy)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("INSERT INTO tag (name) VALUES ('zz-pending')")
    writer.commit()  # in the WAL only: the open connection stops the last-close checkpoint
    try:
        side = {p.name: p.read_bytes() for p in tmp_path.glob("open.db-*")}
        assert set(side) == {"open.db-wal", "open.db-shm"}
        assert bash(env, "--db", str(copy), "list", "--tag", "zz") == ["zz-pending"]
        assert {p.name: p.read_bytes() for p in tmp_path.glob("open.db-*")} == side
    finally:
        writer.close()


def test_id_ranges() -> None:
    assert complete._id_ranges("12", 1500) == [(1200, 1299), (120, 129), (12, 12)]
    assert complete._id_ranges("2", 23) == [(20, 23), (2, 2)]
    assert complete._id_ranges("5", 4) == []
    assert complete._id_ranges("0", 100) == complete._id_ranges("١", 100) == []


PROBE = """
import json, runpy, sys
sys.argv = ["claimtrack"]
try:
    runpy.run_module("claimtrack", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
sys.stdout.flush()
print("PROBE " + json.dumps([m for m in ("sqlalchemy", "sqlmodel") if m in sys.modules]))
"""


@pytest.mark.parametrize("words", [["show", ""], ["list", "--source", ""], ["list", "--status", ""]])
def test_completion_does_not_import_the_database_stack(words: list[str], env: dict[str, str], db: Path) -> None:
    out = run(
        [sys.executable, "-c", PROBE],
        env,
        _CLAIMTRACK_COMPLETE="complete_bash",
        COMP_WORDS="\n".join(["claimtrack", "--db", str(db), *words]),
        COMP_CWORD=str(len(words) + 2),
    )
    candidates, _, probe = out.rpartition("PROBE ")
    assert candidates.split()  # it really completed
    assert json.loads(probe) == []


# The real thing: an interactive shell in a pseudo-terminal, TAB pressed, the command line read back
# by a key binding (Ctrl-X) that writes it to a file.
INTERACTIVE = {
    "bash": (
        ["--norc", "--noprofile", "-i"],
        "source <(claimtrack --show-completion bash); "
        'bind -x \'"\\C-x": printf %s "$READLINE_LINE" > {out}\'; touch {ready}\n',
    ),
    "zsh": (
        ["-f", "-i"],
        "autoload -U compinit; compinit -u; source <(claimtrack --show-completion zsh); "
        "sb() {{ print -rn -- \"$BUFFER\" > {out} }}; zle -N sb; bindkey '^X' sb; touch {ready}\n",
    ),
    "fish": (
        ["--no-config", "-i"],
        "claimtrack --show-completion fish | source; bind \\cx 'commandline > {out}'; touch {ready}\n",
    ),
}


def type_tab(shell: str, env: dict[str, str], line: str, tmp_path: Path) -> str:
    """The command line after typing ``line`` and TAB in an interactive ``shell``."""
    args, setup = INTERACTIVE[shell]
    out, ready = tmp_path / f"{shell}.line", tmp_path / f"{shell}.ready"
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child becomes the shell
        os.chdir(tmp_path)
        os.execve(needs(shell), [shell, *args], env)

    def wait_for(path: Path) -> None:
        deadline = time.monotonic() + 30
        while not path.exists() and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    os.read(fd, 65536)  # keep the terminal's buffer drained
                except OSError:
                    break
        assert path.exists(), f"{shell} did not get there"

    try:
        os.write(fd, setup.format(out=out, ready=ready).encode())
        wait_for(ready)
        os.write(fd, line.encode() + b"\t\x18")  # keys are read in order: TAB completes, then Ctrl-X
        wait_for(out)
        time.sleep(0.1)  # let the write finish
        return out.read_text().rstrip("\n")
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


@pytest.mark.parametrize("shell", SHELLS)
def test_tab_in_the_real_shell_keeps_a_name_with_a_space_one_argument(
    shell: str, env: dict[str, str], db: Path, tmp_path: Path, untouched: object
) -> None:
    needs(shell)
    start = f"claimtrack --db {db} list "
    assert type_tab(shell, env, start + "--source The", tmp_path) == start + "--source The\\ Bell "
    (tmp_path / f"{shell}.line").unlink()
    (tmp_path / f"{shell}.ready").unlink()
    assert type_tab(shell, env, start + '-s "The', tmp_path) == start + '-s "The Bell" '


def test_an_undecodable_word_on_the_line_prints_no_error(env: dict[str, str], db: Path, untouched: object) -> None:
    """Running a command refuses bytes that are not UTF-8 with an Error: line; completing must
    not print that line into the user's command line (run() asserts stderr is empty)."""
    assert bash(env, "--db", str(db), "list", "--search", "caf\udce9", "--status", "") == [
        "unverified",
        "confirmed",
        "refuted",
        "disputed",
    ]


def test_ids_of_deleted_claims_complete_for_restore_only(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    deleted = "29"  # a seed claim whose first digit others share (28, 27...), so completion must leave it out
    for args in (["init", "--seed"], ["delete", deleted]):
        proc = subprocess.run(
            [str(BIN / "claimtrack"), "--db", str(path), *args], env=env, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
    live = [i for i in _newest("2") if i != deleted][:2]  # the deleted one left out
    assert bash(env, "--db", str(path), "confirm", "2")[:2] == live
    assert bash(env, "--db", str(path), "confirm", "3", "2")[:2] == live  # the second id too
    assert bash(env, "--db", str(path), "restore", "") == [deleted]
    assert bash(env, "--db", str(path), "show", "2")[:1] == [deleted]  # show reaches deleted claims
