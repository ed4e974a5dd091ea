"""The hostile matrix: every command of the app, attacked the ways outside testers attacked claimtrack.

Each fix used to be made for the case that was named, and each new command arrived with the same
classes of failure (issue 26). So the commands are not listed here: they are read
from the Typer app at collection time (``typer.main.get_command`` and its groups), and each one,
run as a real process on a fresh copy of a seeded database, gets every attack that applies to it:

- ``plain``: plausible arguments, derived from each parameter's name and metavar;
- ``flag(--X)``: each boolean flag in turn (``--review`` off a terminal, ``--yes``, ``--dry-run``...);
- ``output-live-db`` / ``output-wal`` / ``output-symlink`` / ``output-hardlink``: its output
  (``--output``, a destination argument) is the database in use, its ``-wal``, or a symbolic or hard
  link to it: refused, database unchanged;
- ``stdout-closed`` / ``stdout-full``: a command that prints data fails in one line (exit 1); one
  that printed nothing succeeds; a stored change is never followed by "nothing was saved";
  ``stdout-ascii``: output whose encoding cannot hold the text (PYTHONIOENCODING=ascii);
- ``stdin-endless``: where a parameter takes ``-`` (standard input), an endless line: refused in
  one line before it has read ``ENDLESS_LIMIT`` bytes, memory capped by RLIMIT_AS;
- ``text-control(PARAM)``: ESC, a bidi override and DEL in each text parameter, one at a time:
  accepted or refused in one line, never shown raw on stderr;
- ``text-invalid-utf8``: undecodable bytes in every text parameter: refused, database unchanged;
- ``unknown-id``: id 99999 where it takes ids: refused, database unchanged;
- ``sigterm``: SIGTERM while it runs (blocked on stdin or in the editor where it can be):
  exit 130/143 or death by the signal, no debris, the database intact.

Every run also checks: no traceback and no "unexpected ... report it" anywhere, the documented exit
codes (0, 1, 2, 130/143), and nothing left in its own TMPDIR, beside the database or in HOME.

Each case is its own test, run as a real process (forked from tests/forkserver.py's zygote), so
pytest-xdist shares the matrix among its workers like any other tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import typer

import forkserver
from conftest import table_digest

# sqlite_only: it copies SQLite files and names their -wal.
pytestmark = [pytest.mark.sqlite_only]

# Cases known to fail, as (command, scenario): each runs as xfail(strict=True), so a fix makes it
# fail until it is taken out of here. Empty: every command survives every attack. A new entry needs
# an issue that names it.
KNOWN_BROKEN: set[tuple[str, str]] = set()

HOSTILE = "\x1b[31m\u202e\x7f"  # ESC (a colour sequence), RIGHT-TO-LEFT OVERRIDE, DEL
INVALID_UTF8 = b"matrix\xff\xfe\xed\xa0\x80"  # not UTF-8 at all, and an encoded lone surrogate
UNKNOWN_ID = "99999"
ENDLESS_LIMIT = 64 * 1024 * 1024  # a command must refuse an endless line before reading this much
MEMORY_LIMIT = 2 * 1024 * 1024 * 1024  # RLIMIT_AS of every child: enough for Python, not for a leak
BIG_CLAIMS = 10_000  # a backup or export of the big template takes long enough to be killed at work
RUN_TIMEOUT = 60.0  # seconds a case may take before it counts as hung (and is killed)
INTERRUPTED = {130, 143, -signal.SIGTERM}
ALLOWED_BESIDE_DB = {"claims.db", "claims.db-wal", "claims.db-shm"}  # SQLite's own companions
DEBRIS = re.compile(r"(^\.|partial|\.tmp$|~$|^tmp)", re.I)

TRACEBACK = re.compile(
    r"Traceback \(most recent call last\)|^Exception ignored|unexpected .{0,400}report it", re.M | re.S
)

ARTICLE = """<!doctype html><html><head><title>Talks resume in Pyongyang</title>
<meta name="date" content="2024-06-01"></head><body><article><h1>Talks resume in Pyongyang</h1>
<p>June 1, 2024. Andrei Lankov said North Korea will send more troops to Russia next year.</p>
<p>The Bell reported that Kim Yo-Jong is likely to visit Moscow in the autumn, according to two officials.</p>
<p>Officials in Seoul said that the new sanctions will take effect within a month.</p>
</article></body></html>
"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Matrix news</title>
<link>https://example.org/</link><description>news</description>
<item><title>North Korea sends troops</title><link>https://example.org/a</link>
<description>Andrei Lankov said North Korea will send more troops to Russia next year.</description>
<pubDate>Sat, 01 Jun 2024 10:00:00 +0000</pubDate></item></channel></rss>
"""
IMPORT_RECORD = {"text": "The matrix imported this claim", "source": "The Bell", "status": "unverified"}
EDITOR = """#!/bin/sh
# The matrix's $EDITOR: corrects the text line of claimtrack's form; with MATRIX_EDITOR_WAIT set it
# says it has started (a marker file) and waits to be killed, as a person in an editor would.
if [ -n "$MATRIX_EDITOR_WAIT" ]; then : > "$MATRIX_EDITOR_WAIT"; exec sleep 20 </dev/null >/dev/null 2>&1; fi
sed -i 's/^text: .*/text: Corrected by the hostile matrix/' "$1"
"""

# Plausible values, by parameter name, then by a word of its metavar; {placeholders} are per case.
BY_NAME = {
    "claim": "1",
    "claims": "20",
    "text": "The hostile matrix says the talks resumed",
    "note": "read in the matrix",
    "quote": "we will see",
    "source": "The Bell",
    "name": "Russian commentators",
    "old": "The Bell",
    "new": "The Bell Weekly",
    "into": "Andrei Lankov",
    "outlet": "The Bell",
    "confidence": "0.7",
    "min_confidence": "0.1",
    "max_confidence": "0.9",
    "url": "https://example.org/news",
    "evidence": "https://example.org/evidence",
    "said_on": "2024-06-01",
    "since": "2023-01-01",
    "until": "2030-01-01",
    "as_of": "2025-01-01",
    "review_by": "2031-01-01",
    "at": "2024-06-02",
    "date": "2024-06-01",
    "tag": "matrix",
    "add_tag": "matrix",
    "remove_tag": "north-korea",
    "search": "Lankov",
    "title": "Matrix report",
    "columns": "id,text",
    "kind": "person",
    "reliability": "B",
    "notes": "a source the matrix made",
    "key": "reviewer.name",
    "value": "Matrix Reviewer",
    "limit": "5",
    "days": "7",
    "min_score": "0.1",
    "file": "{input}",
    "feed": "{feed}",
    "from_": "{ids}",
    "output_file": "{out}/report.md",
    "destination": "{out}/copy.db",
}
BY_METAVAR = [
    ("ID", "1"),
    ("TEXT", "matrix text"),
    ("NAME", "The Bell"),
    ("SOURCE", "The Bell"),
    ("FILE", "{input}"),
    ("PATH", "{input}"),
    ("URL", "https://example.org/"),
    ("DATE", "2024-06-01"),
    ("WHEN", "2024-06-01"),
    ("KEY", "reviewer.name"),
    ("VALUE", "matrix"),
    ("N", "5"),
]
# Where a name means something else in one command (command, parameter) -> value.
OVERRIDES: dict[tuple[str, str], str] = {
    ("extract", "source"): "{article}",
    ("match", "source"): "{article}",
    ("db backup", "file"): "{out}/backup.db",
    ("db copy", "source"): "{db}",
    ("db verify", "backup"): "{backup}",  # an empty database's backup: a prefix of any history
    ("source merge", "source"): "Unnamed media reports",
    ("config unset", "key"): "reviewer.name",
    ("source delete", "name"): "Matrix Source",  # the template's source without claims
    ("restore", "claims"): "29",  # the template's deleted claim
    ("reopen", "claims"): "1",  # confirmed (20 is unverified)
    ("undo", "change"): "2",  # the template's source set: no later change needs it (the seed's claims changed since)
}
# Optional parameters a command needs for a meaningful plain run.
EXTRA: dict[str, tuple[str, ...]] = {"match": ("source",), "set": ("confidence",)}
# Parameters that exclude another: when the first is attacked, the second is left out.
EXCLUSIVE: dict[tuple[str, str], str] = {("match", "feed"): "source"}
# Output parameters found by name (an --output option is found by its flag).
OUTPUT_NAMES = {"destination", "output", "output_file", "dest"}
OUTPUT_OVERRIDES = {("db backup", "file")}


# ---- the commands, read from the app ---------------------------------------------------------------


def _walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    subcommands = getattr(command, "commands", None)
    if subcommands is not None:  # a group: Typer vendors Click, so no isinstance(click.Group)
        for name in sorted(subcommands):
            yield from _walk(subcommands[name], (*path, name))
    else:
        yield " ".join(path), command


def all_commands() -> dict[str, Any]:
    from claimtrack.cli import app

    return dict(_walk(typer.main.get_command(app), ()))


def _is_argument(param: Any) -> bool:
    return not getattr(param, "opts", [""])[0].startswith("-")


def _is_flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False))


def _is_choice(param: Any) -> bool:
    return hasattr(param.type, "choices")


def _takes_text(param: Any) -> bool:
    return not _is_flag(param)


def _is_id(param: Any) -> bool:
    metavar = (param.metavar or "").strip("[]. ")
    return param.name in ("claim", "claims") or metavar in ("ID", "IDS")


def _reads_stdin(param: Any) -> bool:
    return "standard input" in (getattr(param, "help", None) or "")


def _is_output(name: str, param: Any) -> bool:
    return "--output" in param.opts or param.name in OUTPUT_NAMES or (name, param.name) in OUTPUT_OVERRIDES


def plausible(name: str, param: Any) -> str:
    if (name, param.name) in OVERRIDES:
        return OVERRIDES[(name, param.name)]
    if param.name in BY_NAME:
        return BY_NAME[param.name]
    if _is_choice(param):
        return str(param.type.choices[0])
    metavar = (param.metavar or param.name).upper()
    for word, value in BY_METAVAR:
        if word in metavar:
            return value
    return "matrix"


@dataclass(frozen=True)
class Case:
    command: str
    scenario: str
    values: tuple[tuple[str, Any], ...]  # parameter name -> value (str, bytes or True)
    # stdin: none; endless (a line without end); open (a pipe nothing is written to, SIGTERM once it
    # reads); editor ($EDITOR waits, SIGTERM then); delay (SIGTERM once it is at work)
    stdin: str = "none"
    stdout: str = "pipe"  # pipe, closed, full, ascii (a pipe whose encoding is ASCII)
    expect: str = "any"  # any, ok, refused (exit 1, unchanged), interrupted (130/143/killed by it)
    big: bool = False  # on the big template (BIG_CLAIMS more claims): long enough to be caught at work

    @property
    def id(self) -> str:
        return f"{self.command}:{self.scenario}"


def _base(name: str, command: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for param in command.params:
        if param.required or _is_id(param) or param.name in EXTRA.get(name, ()):
            values[param.name] = plausible(name, param)
    return values


def cases_for(name: str, command: Any) -> list[Case]:
    params = list(command.params)
    base = _base(name, command)
    freeze = lambda values: tuple(values.items())  # noqa: E731
    cases = [Case(name, "plain", freeze(base), expect="ok")]
    for param in params:
        if _is_flag(param):
            cases.append(Case(name, f"flag({param.opts[0]})", freeze({**base, param.name: True})))
    for param in params:
        if _is_output(name, param):
            for scenario, target in (
                ("output-live-db", "{db}"),
                ("output-wal", "{db}-wal"),
                ("output-symlink", "{out}/link.db"),
                ("output-hardlink", "{out}/hard.db"),
            ):
                values = {**base, param.name: target}
                cases.append(Case(name, scenario, freeze(values), expect="refused"))
    cases.append(Case(name, "stdout-closed", freeze(base), stdout="closed"))
    cases.append(Case(name, "stdout-full", freeze(base), stdout="full"))
    cases.append(Case(name, "stdout-ascii", freeze(base), stdout="ascii"))
    stdin_params = [p for p in params if _reads_stdin(p)]
    if stdin_params:
        values = {**base, **{p.name: "-" for p in stdin_params}}
        cases.append(Case(name, "stdin-endless", freeze(values), stdin="endless", expect="refused"))
        cases.append(Case(name, "sigterm", freeze(values), stdin="open", expect="interrupted"))
    elif "$EDITOR" in (command.help or ""):  # it waits in the user's editor
        cases.append(Case(name, "sigterm", freeze(base), stdin="editor", expect="interrupted"))
    else:
        cases.append(Case(name, "sigterm", freeze(base), stdin="delay", big=True))
    text_params = [p for p in params if _takes_text(p)]
    for param in text_params:
        values = {**base, param.name: ("hostile", plausible(name, param))}
        if (name, param.name) in EXCLUSIVE:
            values.pop(EXCLUSIVE[(name, param.name)], None)
        label = param.opts[0] if not _is_argument(param) else param.name.upper()
        cases.append(Case(name, f"text-control({label})", freeze(values)))
    if text_params:
        values = {**base, **{p.name: INVALID_UTF8 for p in text_params}}
        cases.append(Case(name, "text-invalid-utf8", freeze(values), expect="refused"))
    id_params = [p for p in params if _is_id(p)]
    if id_params:
        values = {**base, **{p.name: UNKNOWN_ID for p in id_params}}
        cases.append(Case(name, "unknown-id", freeze(values), expect="refused"))
    return cases


COMMANDS = all_commands()
CASES = [case for name, command in COMMANDS.items() for case in cases_for(name, command)]


# ---- running one case -------------------------------------------------------------------------------


@dataclass
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes
    argv: list[Any]
    before: str
    after: str
    stray: list[str]
    consumed: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return (self.stdout + self.stderr).decode("utf-8", "replace")


def digest(path: Path) -> str:
    """The data of the database at ``path`` (or why it cannot be read: replaced, missing...)."""
    if not path.exists():
        return "missing"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            problems = [row[0] for row in con.execute("PRAGMA integrity_check")]
        con.close()
        if problems != ["ok"]:
            return f"unreadable: integrity_check says {problems[:3]}"
        return table_digest(path)
    except sqlite3.DatabaseError as exc:
        return f"unreadable: {exc}"


def _fill(value: Any, where: dict[str, str]) -> Any:
    if isinstance(value, tuple):  # ("hostile", plausible): the plausible value with control characters
        plain = _fill(value[1], where)
        hostile = plain + HOSTILE
        if Path(plain).parent == Path(where["files"]):  # an input file: the same file, under a hostile name
            shutil.copy(plain, hostile)
        return hostile
    if isinstance(value, str):
        return value.format(**where)
    return value


def argv_for(case: Case, where: dict[str, str]) -> list[Any]:
    command = COMMANDS[case.command]
    values = dict(case.values)
    options: list[Any] = []
    arguments: list[Any] = []
    for param in command.params:
        if param.name not in values:
            continue
        value = _fill(values[param.name], where)
        if _is_argument(param):
            arguments.append(value)
        elif value is True:
            options.append(param.opts[0])
        else:
            options += [param.opts[0], value]
    return [*case.command.split(), *options, *arguments]


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _blocked_reading_stdin(pid: int) -> bool:
    """Whether ``pid`` sits in read(0, ...) (x86-64: syscall 0; arm64: 63)."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    return len(fields) > 1 and fields[0] in ("0", "63") and int(fields[1], 16) == 0


def _has_open(pid: int, path: Path) -> bool:
    """Whether ``pid`` has a file under ``path`` open (the database, the config...): it is past its
    imports, at work."""
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(fd).startswith(str(path)):
                return True
        except OSError:
            continue
    return False


def _wait_for(condition: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False


@dataclass(frozen=True)
class Template:
    path: Path
    digest: str


def run_case(case: Case, templates: dict[bool, Template], scratch: Path, environ: dict[str, str]) -> Outcome:
    folder = scratch / re.sub(r"[^A-Za-z0-9_.-]+", "_", case.id)
    dbdir, out, tmp, home, files = (folder / n for n in ("db", "out", "tmp", "home", "files"))
    for d in (dbdir, out, tmp, home, files):
        d.mkdir(parents=True)
    db = dbdir / "claims.db"
    template = templates[case.big]
    shutil.copy(template.path, db)
    before = template.digest
    (files / "article.html").write_text(ARTICLE, encoding="utf-8")
    (files / "feed.xml").write_text(FEED, encoding="utf-8")
    (files / "claims.jsonl").write_text(json.dumps(IMPORT_RECORD) + "\n", encoding="utf-8")
    (files / "ids.txt").write_text("1\n2\n", encoding="utf-8")
    (files / "backup.jsonl").write_text('{"type":"header","format":"claimtrack","version":1}\n', encoding="utf-8")
    editor = files / "editor.sh"
    editor.write_text(EDITOR)
    editor.chmod(0o755)
    where = {
        "db": str(db),
        "files": str(files),
        "out": str(out),
        "article": str(files / "article.html"),
        "feed": str(files / "feed.xml"),
        "input": str(files / "claims.jsonl"),
        "ids": str(files / "ids.txt"),
        "backup": str(files / "backup.jsonl"),
    }
    if case.scenario == "output-symlink":
        (out / "link.db").symlink_to(db)
    if case.scenario == "output-hardlink":
        os.link(db, out / "hard.db")
    argv = argv_for(case, where)
    env = {k: v for k, v in environ.items() if not k.startswith(("CLAIMTRACK_", "VISUAL", "EDITOR", "PAGER"))}
    env.update(
        {
            "CLAIMTRACK_DB": str(db),
            "HOME": str(home),
            "TMPDIR": str(tmp),
            "EDITOR": str(editor),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "COLUMNS": "120",
        }
    )
    marker = files / "editor-started"
    if case.stdin == "editor":
        env["MATRIX_EDITOR_WAIT"] = str(marker)
    if case.stdout == "ascii":
        env["PYTHONIOENCODING"] = "ascii"
    # The memory cap (RLIMIT_AS) and a closed stdout are set in the child (tests/forkserver.py).
    full = open("/dev/full", "wb") if case.stdout == "full" else None  # noqa: SIM115
    proc = forkserver.popen(
        argv,
        stdin=subprocess.PIPE if case.stdin in ("endless", "open") else subprocess.DEVNULL,
        stdout=full if full else forkserver.CLOSED if case.stdout == "closed" else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=out,
        start_new_session=True,
        memory=MEMORY_LIMIT,
    )
    if full:
        full.close()
    notes: list[str] = []
    consumed = 0
    chunks: dict[str, bytes] = {}

    def drain(name: str, stream: Any) -> None:
        chunks[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(n, s)) for n, s in (("out", proc.stdout), ("err", proc.stderr)) if s
    ]
    for reader in readers:
        reader.start()
    try:
        if case.stdin == "endless":
            block = b"1" * 65536
            deadline = time.monotonic() + RUN_TIMEOUT / 2
            try:
                while consumed < ENDLESS_LIMIT and time.monotonic() < deadline and proc.poll() is None:
                    proc.stdin.write(block)  # type: ignore[union-attr]
                    consumed += len(block)
            except (BrokenPipeError, OSError):
                pass
            if consumed >= ENDLESS_LIMIT and proc.poll() is None:
                notes.append(f"still reading after {consumed} bytes of one endless line")
                os.killpg(proc.pid, signal.SIGKILL)
            try:
                proc.stdin.close()  # type: ignore[union-attr]
            except OSError:
                pass
        elif case.stdin == "open":
            if not _wait_for(lambda: _blocked_reading_stdin(proc.pid) or proc.poll() is not None, 20):
                notes.append("never blocked reading standard input")
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        elif case.stdin == "editor":
            if not _wait_for(lambda: marker.exists() or proc.poll() is not None, 20):
                notes.append("the editor never started")
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        elif case.stdin == "delay":  # at work: writing its output, else with the database open
            writes = any(isinstance(v, str) and "{out}" in v for _, v in case.values)
            at_work = (lambda: any(out.iterdir())) if writes else (lambda: _has_open(proc.pid, folder))
            _wait_for(lambda: at_work() or proc.poll() is not None, 10)
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            notes.append(f"hung: still running after {RUN_TIMEOUT} s")
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    finally:
        if proc.stdin and not proc.stdin.closed:
            try:
                proc.stdin.close()
            except OSError:
                pass
        try:  # anything the command started (an editor) goes with it
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for reader in readers:
            reader.join(timeout=30)
    # SQLite unlinks its temp files (etilqs_*) the moment it creates them: only a kill in between leaves
    # one (about 1 run in 100 of add's sigterm), SQLite's rather than claimtrack's; PRAGMA temp_store =
    # MEMORY would avoid even that, at the cost of memory for large sorts.
    sqlite_own = re.compile(r"etilqs_[0-9a-f]+") if proc.returncode == -signal.SIGTERM else re.compile("(?!)")
    stray = [f"TMPDIR/{name}" for name in _files(tmp) if not sqlite_own.fullmatch(name)]
    stray += [f"beside the database: {name}" for name in _files(dbdir) if name not in ALLOWED_BESIDE_DB]
    stray += [f"output folder: {name}" for name in _files(out) if DEBRIS.search(Path(name).name)]
    stray += [f"HOME: {name}" for name in _files(home) if DEBRIS.search(Path(name).name)]
    return Outcome(
        proc.returncode,
        chunks.get("out", b""),
        chunks.get("err", b""),
        argv,
        before,
        digest(db),
        stray,
        consumed=consumed,
        notes=notes,
    )


# ---- the databases the cases start from ----------------------------------------------------------


def _claimtrack(db: Path, *argv: str) -> None:
    env = {**os.environ, "CLAIMTRACK_DB": str(db), "HOME": str(db.parent)}
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", *argv], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def make_template(folder: Path, big: bool) -> Template:
    """The seed, a source without claims (to delete), a deleted claim (to restore), a claim that is
    not ASCII (for stdout-ascii); the big one has
    BIG_CLAIMS more claims, so that a backup or an export takes long enough to be killed at work."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "claims.db"
    _claimtrack(db, "init", "--seed")
    _claimtrack(db, "source", "set", "Matrix Source", "--kind", "person")
    _claimtrack(db, "delete", "29")
    _claimtrack(db, "add", "김여정 said the «talks» are over – for now", "--source", "Kim Yo-Jong")  # not ASCII
    if big:
        bulk = folder / "bulk.jsonl"
        with bulk.open("w", encoding="utf-8") as out:
            for number in range(BIG_CLAIMS):
                out.write(
                    json.dumps(
                        {
                            "text": f"Claim {number} of the matrix about the talks",
                            "source": "The Bell",
                            "tags": ["bulk"],
                        }
                    )
                    + "\n"
                )
        _claimtrack(db, "import", str(bulk))
        bulk.unlink()
    return Template(db, digest(db))


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Template]:
    """The two databases the cases copy, made once: {big: Template}."""
    folder = tmp_path_factory.mktemp("templates")
    return {big: make_template(folder / ("big" if big else "small"), big) for big in (False, True)}


@pytest.fixture(scope="module")
def outcome(templates: dict[bool, Template], tmp_path_factory: pytest.TempPathFactory) -> Callable[[Case], Outcome]:
    """Runs a case once in this test process: a command's plain run is kept for the cases whose
    output went nowhere (closed or full stdout), which compare with it."""
    scratch = tmp_path_factory.mktemp("matrix")
    done: dict[str, Outcome] = {}

    def run(case: Case) -> Outcome:
        if case.id not in done:
            environ = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
            done[case.id] = run_case(case, templates, scratch, environ)
        return done[case.id]

    return run


def _check(case: Case, result: Outcome, plain: Outcome | None) -> None:
    err = result.stderr.decode("utf-8", "replace")
    report = f"exit {result.returncode}, stderr {err[-1500:]!r}, from: claimtrack {' '.join(map(repr, result.argv))}"
    assert not result.notes, f"{result.notes}\n{report}"
    assert not TRACEBACK.search(result.text), report
    assert not result.stray, f"left behind: {result.stray}\n{report}"
    assert result.after != "missing" and not result.after.startswith("unreadable"), f"database {result.after}\n{report}"
    allowed = {0, 1, 2} | (INTERRUPTED if case.stdin in ("delay", "open", "editor") else set())
    assert result.returncode in allowed, report
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    if result.returncode == 1:
        assert len(errors) == 1, f"exit 1 wants exactly one Error: line\n{report}"
    if result.returncode in (1, 2) and case.stdout == "pipe":
        assert result.after == result.before, f"refused, yet the database changed\n{report}"
    if result.after != result.before:
        assert "nothing was saved" not in err, f"the change was stored, yet: {report}"
    assert "\x1b" not in err and "\u202e" not in err, f"a control character reached stderr raw\n{report}"
    if case.scenario.startswith("text-control"):
        assert "\x1b" not in result.stdout.decode("utf-8", "replace"), f"ESC reached stdout raw\n{report}"
    if case.expect == "ok":
        assert result.returncode == 0, (
            f"plausible arguments should work (else the attacks miss): fix them in OVERRIDES or EXTRA\n{report}"
        )
    if case.expect == "refused":
        assert result.returncode == 1, f"should be refused (exit 1)\n{report}"
        assert result.after == result.before, report
    if case.expect == "interrupted":
        assert result.returncode in INTERRUPTED, f"SIGTERM while running should end it (130/143)\n{report}"
    if case.stdout in ("closed", "full") and plain is not None and result.returncode == 0:
        assert not plain.stdout, f"its output was lost, yet it exits 0\n{report}"


def _params() -> list[Any]:
    broken = pytest.mark.xfail(strict=True, reason="known broken on main: fixed by i26-output/i26-imports")
    return [pytest.param(c, id=c.id, marks=[broken] if (c.command, c.scenario) in KNOWN_BROKEN else []) for c in CASES]


@pytest.mark.parametrize("case", _params())
def test_hostile_matrix(case: Case, outcome: Callable[[Case], Outcome]) -> None:
    result = outcome(case)
    plain = None
    if case.stdout in ("closed", "full") and result.returncode == 0:
        reference = next((c for c in CASES if c.command == case.command and c.scenario == "plain"), None)
        plain = outcome(reference) if reference is not None else None
    _check(case, result, plain)


@pytest.mark.parametrize("command", ["list", "log", "export", "list --format json", "summary --by tag"])
def test_a_pipe_closed_early_ends_quietly(command: str, templates: dict[bool, Template], tmp_path: Path) -> None:
    """``claimtrack list | head -1`` in a real shell: one line, nothing on stderr, the pipeline's exit 0
    (claimtrack's own status may be 0, 1 or death by SIGPIPE, 141, as git's), no files left."""
    tmp_path = tmp_path / "pipe"
    tmp_path.mkdir()
    db = tmp_path / "claims.db"
    shutil.copy(templates[True].path, db)
    script = f'{sys.executable} -m claimtrack {command} | head -1; echo "status ${{PIPESTATUS[0]}}" >&2'
    env = {**os.environ, "CLAIMTRACK_DB": str(db), "TMPDIR": str(tmp_path)}
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1, done.stdout[:500]
    *noise, status = done.stderr.splitlines()
    assert noise == [], done.stderr
    assert status in ("status 0", "status 1", "status 141"), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]


def test_the_matrix_finds_every_kind_of_parameter() -> None:
    """Discovery works: the matrix would not pass by finding nothing to attack."""
    assert len(COMMANDS) >= 30 and {"add", "export", "db backup", "config set", "source merge"} <= set(COMMANDS)
    outputs = {(name, p.name) for name, c in COMMANDS.items() for p in c.params if _is_output(name, p)}
    assert {("export", "output_file"), ("db backup", "file"), ("db copy", "destination")} <= outputs
    stdin = {name for name, c in COMMANDS.items() if any(_reads_stdin(p) for p in c.params)}
    assert {"import", "extract", "match", "confirm", "delete"} <= stdin
    ids = {name for name, c in COMMANDS.items() if any(_is_id(p) for p in c.params)}
    assert {"show", "edit", "note", "set", "log"} <= ids
    # A parameter whose help says it writes a file is attacked as an output: name it in OUTPUT_OVERRIDES.
    writes = re.compile(r"(?i)\b(write|writes|new file|copy to|save to)\b")
    for name, command in COMMANDS.items():
        for param in command.params:
            if writes.search(getattr(param, "help", None) or "") and not _is_flag(param):
                assert _is_output(name, param), (name, param.name)
    scenarios = {case.scenario for case in CASES}
    assert {
        "output-live-db",
        "output-wal",
        "stdout-closed",
        "stdout-full",
        "stdin-endless",
        "text-invalid-utf8",
        "unknown-id",
        "sigterm",
    } <= scenarios
