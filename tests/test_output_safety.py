"""Issue 26, where output goes: no command writes over the database's own files, a killed backup leaves
nothing a later one does not clear, and a failed output never misstates what was saved.

Covers: ``export -o``, ``db backup``, ``db copy`` and ``config set`` refuse the database in use and
its ``-wal``/``-shm``/``-journal`` (existing or not) however named: directly, relatively, through a
symlink, a symlink chain, a symlinked folder, a dangling link, a hard link, ``/dev/fd/N``; the
database's bytes and ``list`` stay the same. ``db backup`` processes SIGKILLed at three points (the
partial just made, SQLite's journal beside it, the copy complete but not yet named) leave files
``db check`` names and the next backup removes, while a live backup's file and files of other
names are left alone. Every write command with its output on ``/dev/full`` (or closed) either
succeeds or says the change was recorded and how to see it, never "nothing was saved". Read
commands with standard output full, closed, gone (a pipe whose reader left: quiet, 141 as git) or
in an encoding that cannot hold the text end in one line or replace the characters, never in
"unexpected ... report it".

Processes are paused at a chosen point by a wrapper that patches the running CLI (a progress
handler on SQLite's connection, or the fsync before the final name) and writes a marker file;
the test waits for the marker, then kills: no timing guesses. Files are only removed inside the
test's own tmp dir.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import forkserver
from conftest import SEED_CLAIMS, Run

TIMEOUT = 60
IS_ROOT = os.geteuid() == 0
COMPANIONS = ("", "-wal", "-shm", "-journal")


def _one_error(stderr: str, code: int) -> str:
    assert code == 1, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr and "unexpected" not in stderr and "nothing was saved" not in stderr
    return lines[0]


def _files(db: Path) -> str:
    """The bytes of the database and its write-ahead log (what "unchanged" means on disk)."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        path = Path(f"{db}{suffix}")
        digest.update(suffix.encode() + (path.read_bytes() if path.exists() else b"<none>"))
    return digest.hexdigest()


def _state(db: Path, cli: Callable[..., Run]) -> tuple[str, str]:
    files = _files(db)
    listing = cli("list", "--format", "json", "--deleted")
    assert listing.exit_code == 0, listing.stderr
    return files, listing.stdout


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    """A device whose writes fail with ENOSPC: a private node when root, else the real /dev/full."""
    if IS_ROOT:
        node = tmp_path / "full"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        return node
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    return Path("/dev/full")


# ---- the database's files are never a destination ----------------------------------------------


def _aliases(tmp_path: Path, db: Path) -> Iterator[tuple[str, str]]:
    """(how it is named, a path naming the database or one of its files) for every way we know."""
    (tmp_path / "sub").mkdir(exist_ok=True)
    for suffix in COMPANIONS:
        yield f"direct{suffix}", f"{db}{suffix}"
        yield f"relative{suffix}", f"claims.db{suffix}"
        yield f"dotted{suffix}", f"./sub/../claims.db{suffix}"
    link = tmp_path / "link.db"
    link.symlink_to(db)
    chain = tmp_path / "chain.db"
    chain.symlink_to(link)
    folder = tmp_path / "folder-link"
    folder.symlink_to(tmp_path, target_is_directory=True)
    hard = tmp_path / "hard.db"
    os.link(db, hard)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(f"{db}-journal")  # names a file that does not exist
    yield "symlink", str(link)
    yield "symlink chain", str(chain)
    yield "symlinked folder", str(folder / "claims.db")
    yield "symlinked folder -wal", str(folder / "claims.db-wal")
    yield "dangling link to -journal", str(dangling)
    yield "hard link", str(hard)


@pytest.mark.sqlite_only
def test_export_refuses_the_database_and_its_files_however_named(
    seeded: Callable[..., Run], db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = _state(db_path, seeded)
    for how, alias in _aliases(tmp_path, db_path):
        for fmt in ("csv", "json"):
            run = seeded("export", "--format", fmt, "-o", alias)
            line = _one_error(run.stderr, run.exit_code)
            assert "database" in line and "choose another file name" in line, (how, line)
            assert _state(db_path, seeded) == before, how
    assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name or p.name.endswith(".partial")]


@pytest.mark.sqlite_only
def test_export_refuses_a_descriptor_open_on_the_database(seeded: Callable[..., Run], db_path: Path) -> None:
    """``-o /dev/fd/3`` with descriptor 3 opened on the database (``3>>claims.db``)."""
    before = _files(db_path)
    fd = os.open(db_path, os.O_WRONLY | os.O_APPEND)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "export", "--format", "csv", "-o", f"/dev/fd/{fd}"],
            pass_fds=(fd,),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    finally:
        os.close(fd)
    assert "database in use" in _one_error(done.stderr, done.returncode)
    assert _files(db_path) == before


@pytest.mark.sqlite_only
def test_backup_refuses_the_database_and_its_files_however_named(
    seeded: Callable[..., Run], db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = _state(db_path, seeded)
    for how, alias in _aliases(tmp_path, db_path):
        run = seeded("db", "backup", alias)
        line = _one_error(run.stderr, run.exit_code)
        assert "database" in line, (how, line)
        assert _state(db_path, seeded) == before, how
    assert not Path(f"{db_path}-journal").exists()


@pytest.mark.sqlite_only
def test_copy_and_config_refuse_the_database_files(
    seeded: Callable[..., Run], db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = _state(db_path, seeded)
    for how, alias in _aliases(tmp_path, db_path):
        if how.startswith(("direct", "relative")) and how.endswith("db"):
            continue  # the same path: refused as "the same database" before any file is looked at
        run = seeded("db", "copy", str(db_path), alias)
        assert run.exit_code == 1 and run.stderr.startswith("Error: "), (how, run.stderr)
        assert "unexpected" not in run.stderr
        assert _state(db_path, seeded) == before, how
        monkeypatch.setenv("CLAIMTRACK_CONFIG", alias)
        for args in (("set", "output.pager", "false"), ("unset", "output.pager")):
            run = seeded("config", *args)
            line = _one_error(run.stderr, run.exit_code)
            assert "database" in line, (how, line)
        monkeypatch.delenv("CLAIMTRACK_CONFIG")
        assert _state(db_path, seeded) == before, how


@pytest.mark.sqlite_only
def test_a_new_database_is_not_named_like_another_databases_wal(
    seeded: Callable[..., Run], db_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    assert seeded("db", "backup", str(other)).exit_code == 0
    before = other.read_bytes()
    for suffix in ("-wal", "-shm", "-journal"):
        for args in (
            ("db", "backup", f"{other}{suffix}"),
            ("db", "copy", str(db_path), f"{other}{suffix}"),
            ("--db", f"{other}{suffix}", "add", "A claim for a new database.", "-s", "Tester"),
        ):
            run = seeded(*args)
            assert "SQLite would take it for" in _one_error(run.stderr, run.exit_code), args
            assert not Path(f"{other}{suffix}").exists()
    assert other.read_bytes() == before


def test_other_destinations_still_work_and_a_server_has_no_file_to_protect(
    seeded: Callable[..., Run], tmp_path: Path
) -> None:
    """Runs on PostgreSQL too (CLAIMTRACK_TEST_DB): there the check has no file and must not fail."""
    out = tmp_path / "claims.db.csv"  # a name that starts like the database's is not the database's
    run = seeded("export", "--format", "csv", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("id,")
    from claimtrack import livefiles

    assert livefiles.DatabaseFiles.of(None) is None
    livefiles.refuse(str(tmp_path / "anything"), None, "x")  # no database file: nothing refused


# ---- killed backups ------------------------------------------------------------------------------

PAUSER = """
import os, sys, time
import claimtrack.store.backup as b
import claimtrack.store.database as d

marker, point = os.environ["PAUSE_MARKER"], os.environ["PAUSE_POINT"]
folder = os.path.dirname(os.path.abspath(sys.argv[-1]))

def pause():
    open(marker, "w").close()
    time.sleep(3600)

if point == "fsync":
    b._fsync = lambda path: pause()
else:
    opened = d.Database._sqlite_conn
    def conn(self):
        c = opened(self)
        def progress():
            names = os.listdir(folder)
            if point == "start" or any(n.endswith(".partial-journal") for n in names):
                pause()
            return 0
        c.set_progress_handler(progress, 50)
        return c
    d.Database._sqlite_conn = conn
from claimtrack.cli import main
sys.argv[0] = "claimtrack"
main()
"""


def _paused_backup(tmp_path: Path, dest: Path, point: str) -> subprocess.Popen[str]:
    """A real ``db backup`` process, stopped at ``point`` (its marker file written) and still alive."""
    marker = tmp_path / f"paused-{dest.name}"
    script = tmp_path / "pauser.py"
    script.write_text(PAUSER, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), "db", "backup", str(dest)],
        env={**os.environ, "PAUSE_MARKER": str(marker), "PAUSE_POINT": point},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + TIMEOUT
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"the backup ended before pausing: {process.communicate()}")
        assert time.monotonic() < deadline, "the backup never reached the pause"
        time.sleep(0.01)
    return process


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=TIMEOUT)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and "partial" in p.name)


@pytest.mark.sqlite_only
def test_killed_backups_are_named_by_check_and_cleared_by_the_next_backup(
    seeded: Callable[..., Run], db_path: Path, tmp_path: Path
) -> None:
    folder = db_path.parent
    decoys = [folder / ".notes.partial", folder / ".b.db.claimtrack-1-zzzzzzzz.partial", folder / "mine.partial"]
    for decoy in decoys:
        decoy.write_text("not claimtrack's\n", encoding="utf-8")
    live = _paused_backup(tmp_path, folder / "live.db", "start")  # a backup at work: never cleared
    try:
        live_files = [n for n in _hidden(folder) if "live.db" in n]
        assert live_files

        def ours() -> list[str]:
            return [n for n in _hidden(folder) if n not in {d.name for d in decoys} and n not in live_files]

        for n, point in enumerate(("start", "journal", "fsync")):
            _kill(_paused_backup(tmp_path, folder / f"killed-{n}.db", point))  # it first clears the last one's
            left = ours()
            assert len([name for name in left if name.endswith(".partial")]) == 1 and f"killed-{n}" in left[0], left
            assert any(name.endswith("-journal") for name in left) == (point == "journal"), left
            assert not (folder / f"killed-{n}.db").exists()
            check = seeded("db", "check", "--format", "json")
            assert check.exit_code == 0, check.stderr
            named = json.loads(check.stdout).get("abandoned_backup_files", [])
            assert sorted(os.path.basename(p) for p in named) == left  # the live backup's are not named
        run = seeded("db", "backup", str(folder / "next.db"))
        assert run.exit_code == 0, run.stderr
        assert "left by killed backups" in run.stderr
        assert ours() == [] and [n for n in _hidden(folder) if n in live_files] == live_files
        assert all(decoy.read_text(encoding="utf-8") == "not claimtrack's\n" for decoy in decoys)
        with sqlite3.connect(folder / "next.db") as copy:
            assert copy.execute("SELECT count(*) FROM claim").fetchone()[0] == SEED_CLAIMS
    finally:
        _kill(live)
    again = seeded("db", "backup", str(folder / "last.db"))
    assert again.exit_code == 0, again.stderr
    assert [n for n in _hidden(folder) if n not in {d.name for d in decoys}] == []
    check = seeded("db", "check", "--format", "json")
    assert "abandoned_backup_files" not in json.loads(check.stdout)


@pytest.mark.sqlite_only
def test_a_killed_backup_into_another_folder_is_found_from_the_database(
    seeded: Callable[..., Run], db_path: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    beside = _paused_backup(tmp_path, db_path.parent / "beside.db", "fsync")  # both at work at once: the
    away = _paused_backup(tmp_path, elsewhere / "b.db", "journal")  # second leaves the first's files alone
    _kill(beside)
    _kill(away)
    left = [str(elsewhere / name) for name in _hidden(elsewhere)] + [
        str(db_path.parent / name) for name in _hidden(db_path.parent)
    ]
    assert len(left) == 3 and any(name.endswith("-journal") for name in left), left
    check = seeded("db", "check", "--format", "json")
    assert check.exit_code == 0, check.stderr
    assert json.loads(check.stdout)["abandoned_backup_files"] == sorted(left)
    third = tmp_path / "third"
    third.mkdir()
    run = seeded("db", "backup", str(third / "c.db"))
    assert run.exit_code == 0, run.stderr
    assert "left by killed backups" in run.stderr and all(path in run.stderr for path in left)
    assert _hidden(elsewhere) == [] and [p.name for p in third.iterdir()] == ["c.db"]
    assert [p.name for p in db_path.parent.iterdir() if p.name.startswith(".")] == []  # no note left either
    assert "abandoned_backup_files" not in json.loads(seeded("db", "check", "--format", "json").stdout)


@pytest.mark.sqlite_only
def test_check_names_the_partial_files_older_versions_left(seeded: Callable[..., Run], db_path: Path) -> None:
    old = db_path.parent / ".b.db.0123456789ab.partial"
    old.write_bytes(b"SQLite format 3\x00")
    check = seeded("db", "check", "--format", "json")
    assert check.exit_code == 0
    assert json.loads(check.stdout)["abandoned_backup_files"] == [str(old)]
    assert old.exists()  # named, never removed: no pid says whether its writer is gone


# ---- a change recorded is never reported as lost --------------------------------------------------


def _into(
    device: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    fd = os.open(device, os.O_WRONLY)
    try:
        return forkserver.run(
            args,
            stdout=fd,
            stderr=subprocess.PIPE,
            input=stdin,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=TIMEOUT,
        )
    finally:
        os.close(fd)


def test_add_with_standard_output_full_says_the_claim_was_added(seeded: Callable[..., Run], full_device: Path) -> None:
    done = _into(full_device, "add", "Output goes nowhere but the claim stays.", "-s", "Tester")
    line = _one_error(done.stderr.splitlines()[-1], done.returncode) if done.stderr else ""
    cid = SEED_CLAIMS + 1
    assert f"added claim {cid}" in line and "was recorded" in line, done.stderr
    assert "disk is full" in line and f"see it with: claimtrack show {cid}" in line
    assert "nothing was saved" not in done.stderr
    assert seeded("show", str(cid)).exit_code == 0


def test_add_with_standard_output_closed_says_the_claim_was_added(seeded: Callable[..., Run]) -> None:
    done = subprocess.run(
        ["bash", "-c", 'exec "$0" -m claimtrack add "A claim nobody sees." -s Tester >&-', sys.executable],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 1, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: ") and "was recorded" in last and "closed" in last, done.stderr
    assert "unexpected" not in done.stderr and "nothing was saved" not in done.stderr
    assert seeded("show", str(SEED_CLAIMS + 1)).exit_code == 0


def test_every_write_command_with_output_full_never_says_nothing_was_saved(
    seeded: Callable[..., Run], full_device: Path, tmp_path: Path
) -> None:
    """Each write command, its standard output on a full disk: it succeeds (it prints nothing
    there), or its one error line says the change was recorded and how to see it."""
    records = tmp_path / "in.jsonl"
    records.write_text(
        json.dumps({"text": "Imported while the disk is full.", "source": "Importer"}) + "\n", encoding="utf-8"
    )
    copy = tmp_path / "copy.db"
    backup = tmp_path / "backup.db"
    editor = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
        "import sys; p = sys.argv[1]; t = open(p, encoding='utf-8').read(); "
        "open(p, 'w', encoding='utf-8').write(t.replace('Ukraine', 'Ukraine (edited)', 1))"
    )
    commands: list[tuple[str, ...]] = [
        ("add", "Another claim for the full disk.", "-s", "Tester"),
        ("confirm", "5"),
        ("refute", "4"),
        ("dispute", "7"),
        ("reopen", "5"),
        ("set", "6", "--confidence", "0.4"),
        ("note", "6", "a note"),
        ("delete", "7"),
        ("restore", "7"),
        ("undo",),
        ("import", str(records)),
        ("source", "set", "Tester", "--kind", "person"),
        ("source", "rename", "Tester", "Tester Two"),
        ("source", "set", "Spare"),
        ("source", "delete", "Spare"),
        ("source", "merge", "Importer", "Tester Two"),
        ("edit", "1"),
        ("config", "set", "output.pager", "false"),
        ("db", "copy", os.environ["CLAIMTRACK_DB"], str(copy))
        if not os.environ["CLAIMTRACK_DB"].startswith("postgres")
        else ("config", "unset", "output.pager"),
    ]
    if not os.environ["CLAIMTRACK_DB"].startswith("postgres"):
        commands.append(("db", "backup", str(backup)))
    failed = []
    for args in commands:
        done = _into(full_device, *args, env={"EDITOR": editor, "VISUAL": editor})
        assert "nothing was saved" not in done.stderr and "unexpected" not in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr, (args, done.stderr)
        if done.returncode != 0:
            last = done.stderr.strip().splitlines()[-1]
            assert done.returncode == 1 and last.startswith("Error: "), (args, done.stderr)
            assert " was " in last and "see it with: claimtrack" in last, (args, last)
            failed.append(args[0])
    assert "add" in failed
    # With standard error full too nothing can be said: the status tells the output failed; the change stays.
    fd = os.open(full_device, os.O_WRONLY)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "confirm", "8"], stdout=fd, stderr=fd, timeout=TIMEOUT
        )
    finally:
        os.close(fd)
    assert done.returncode == 1
    assert json.loads(seeded("show", "8", "--format", "json").stdout)["status"] == "confirmed"
    assert seeded("show", "1").stdout.count("Ukraine (edited)") >= 1
    assert seeded("list", "--source", "Tester Two").stdout.count("Imported while the disk is full.") == 1


# ---- read commands: full, closed, gone, or an encoding that cannot hold the text -------------------

READS = (("list",), ("show", "1"), ("log",), ("export", "--format", "json"), ("export", "--format", "md"))


def test_read_commands_into_a_full_disk_end_in_one_line(seeded: Callable[..., Run], full_device: Path) -> None:
    for args in READS:
        done = _into(full_device, *args)
        line = _one_error(done.stderr, done.returncode)
        assert "standard output" in line and "disk is full" in line, (args, line)


def test_read_commands_with_standard_output_closed_end_in_one_line(seeded: Callable[..., Run]) -> None:
    for args in READS:
        done = subprocess.run(
            ["bash", "-c", 'exec "$@" >&-', "claimtrack", sys.executable, "-m", "claimtrack", *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        line = _one_error(done.stderr, done.returncode)
        assert "standard output" in line and "closed" in line, (args, line)


def test_read_commands_into_a_pipe_nobody_reads_end_quietly_as_git_does(seeded: Callable[..., Run]) -> None:
    """``claimtrack list | head -1``: the reader is gone (here before the first write, so always)."""
    for args in READS:
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            done = subprocess.run(
                [sys.executable, "-m", "claimtrack", *args],
                stdout=write_end,
                stderr=subprocess.PIPE,
                text=True,
                timeout=TIMEOUT,
            )
        finally:
            os.close(write_end)
        assert (done.returncode, done.stderr) == (141, ""), args


def test_list_piped_into_head_ends_quietly(seeded: Callable[..., Run]) -> None:
    done = subprocess.run(
        ["bash", "-c", '"$0" -m claimtrack list | head -1; exit "${PIPESTATUS[0]}"', sys.executable],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.stderr == "" and done.returncode in (0, 141)
    assert len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""},
    ],
    ids=["ascii", "latin-1", "C-locale"],
)
def test_non_utf8_output_encodings_replace_what_they_cannot_hold(
    seeded: Callable[..., Run], env: dict[str, str], tmp_path: Path
) -> None:
    added = seeded("add", "Café prices rise – says ☃ Zoë.", "-s", "Zoë Ünal")
    assert added.exit_code == 0, added.stderr
    cid = str(SEED_CLAIMS + 1)
    for args in (("list",), ("show", cid), ("log",), ("list", "--format", "table")):
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", *args], capture_output=True, env={**os.environ, **env}, timeout=TIMEOUT
        )
        assert done.returncode == 0, (args, done.stderr)
        assert b"unexpected" not in done.stderr and b"Traceback" not in done.stderr
        if args[0] != "log":  # log's TSV has no claim text
            assert b"Caf" in done.stdout and b"prices rise" in done.stdout, args
    out = tmp_path / "out.json"
    assert seeded("export", "--format", "json", "-o", str(out)).exit_code == 0
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "export", "--format", "json"],
        capture_output=True,
        env={**os.environ, **env},
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == out.read_bytes()  # exports are UTF-8 documents whatever the locale
