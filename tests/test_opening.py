"""Opening a database at the edges (issue 10, items 6, 7, 9 and 11: the opening path).

Covers: what counts as a URL (a mistyped server URL is an error, never a local file named after
its password); passwords masked and control characters escaped in every message naming a target;
in-memory SQLite refused; ``?mode=ro`` read-only and other URL options refused; a trailing ``/``,
a FIFO or a character device as ``--db`` refused without hanging; every missing folder created
0700; databases the user may read but not write (read-only file, folder or medium): reads work and
writes say why; a foreign WAL database refused with its -wal and -shm byte-for-byte untouched; a
second ``Service`` in one process no longer breaks other processes.

The tests of file permissions run the CLI in a real process that cannot override file modes: as
root, the child drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH before exec (so root is held to the
modes like anyone else); as another user nothing needs dropping.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import forkserver
from claimtrack.errors import InvalidInput
from claimtrack.store.target import mask_password, resolve
from conftest import Run, run_process, table_digest

TIMEOUT = 20  # seconds: a regression (a FIFO opened for reading) must fail the test, not hang it


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m claimtrack`` in a real process with a short timeout (a hang fails the test)."""
    try:
        return forkserver.run(
            args,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            timeout=TIMEOUT,
            preexec_fn=preexec_fn,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"claimtrack {' '.join(args)} hung for {TIMEOUT} s")


def one_error_line(code: int, stdout: str, stderr: str, *hints: str) -> str:
    """Exit 1, nothing on stdout, exactly one ``Error: ...`` line that is not a crash report."""
    assert code == 1, (code, stdout, stderr)
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "unexpected" not in stderr and "Traceback" not in stderr, stderr
    for hint in hints:
        assert hint in stderr, (hint, stderr)
    return lines[0]


def hashes(path: Path) -> dict[str, str | None]:
    """SHA-256 of the database file and of its -wal and -shm (None: absent)."""
    found: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        side = Path(f"{path}{suffix}")
        found[suffix] = hashlib.sha256(side.read_bytes()).hexdigest() if side.exists() else None
    return found


# ---- what is a URL (no database needed) -------------------------------------------------------


MISTYPED = [
    pytest.param(
        "postgresql+psycopg:/me:secret@host/claims", "postgresql+psycopg://USER:PASSWORD@HOST/DBNAME", id="one-slash"
    ),
    pytest.param(
        "postgresql+psycopg:me:secret@host/claims", "postgresql+psycopg://USER:PASSWORD@HOST/DBNAME", id="no-slash"
    ),
    pytest.param("postgresql:/me:secret@host/claims", "postgresql://USER:PASSWORD@HOST/DBNAME", id="dialect-only"),
    pytest.param("mysql+pymysql:/me:secret@host/claims", "mysql+pymysql://USER:PASSWORD@HOST/DBNAME", id="mysql"),
    pytest.param("postgres:/me:secret@host/claims", "postgres://USER:PASSWORD@HOST/DBNAME", id="postgres-alias"),
    pytest.param("postgresql://me:p@secret@127.0.0.1/claims", "%40", id="unencoded-at"),
    pytest.param("postgresql://me:secret@host:port/claims", "not a number", id="bad-port"),
    pytest.param("my-sql://me:secret@host/claims", "postgresql://USER:PASSWORD@HOST/DBNAME", id="bad-scheme"),
    pytest.param("sqlite:claims.db", "sqlite:///PATH", id="sqlite-no-slash"),
]


@pytest.mark.parametrize("how", ["flag", "env"])
@pytest.mark.parametrize("raw, expected", MISTYPED)
def test_a_mistyped_url_is_an_error_not_a_file(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: str, expected: str, how: str
) -> None:
    """Issue 10.7: it once became a local SQLite file whose folder name held the password."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    if how == "env":
        monkeypatch.setenv("CLAIMTRACK_DB", raw)
        result = cli("list")
    else:
        result = cli("--db", raw, "list")
    line = one_error_line(result.exit_code, result.stdout, result.stderr, expected)
    assert "secret" not in line and ("***" in line or "secret" not in raw), line
    assert list(work.iterdir()) == []  # no file, no folder, no password in any name


def test_a_mistyped_url_leaks_no_password_through_a_real_process(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    proc = run("--db", "postgresql+psycopg:/me:secret@host/claims", "add", "A claim.", "--source", "S", cwd=work)
    line = one_error_line(proc.returncode, proc.stdout, proc.stderr, "invalid database URL", "or a file path")
    assert line == (
        "Error: invalid database URL 'postgresql+psycopg:/me:***@host/claims' (no // after the scheme); "
        "give postgresql+psycopg://USER:PASSWORD@HOST/DBNAME, or a file path"
    )
    assert list(work.iterdir()) == []


@pytest.mark.parametrize("raw", ["notes:v2.db", "claims", "./x:y.db", "data/2024:Q1.db", "C:claims.db"])
def test_a_colon_in_a_plain_file_name_is_still_a_file(
    raw: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only known database names, ``dialect+driver`` forms or ``scheme://`` make a URL."""
    monkeypatch.chdir(tmp_path)
    target = resolve(raw)
    assert target.path == tmp_path / raw.removeprefix("./") and target.is_sqlite


@pytest.mark.parametrize(
    "raw", ["sqlite:x.db", "weird+driver:x.db", "SQLite:/x.db", "oracle:scott@tiger", "http://x/y.db"]
)
def test_anything_url_shaped_is_not_a_file(raw: str) -> None:
    try:
        target = resolve(raw)
    except InvalidInput:
        return
    assert target.path is None  # http://... stays a URL: SQLAlchemy names the unknown database type


def test_connection_errors_mask_the_password(tmp_path: Path) -> None:
    """A server that is not there: the error names the target, with the password masked."""
    pytest.importorskip("psycopg2")
    proc = run("--db", "postgresql://me:s3cr%40t@127.0.0.1:1/claims", "list", cwd=tmp_path)
    line = one_error_line(proc.returncode, proc.stdout, proc.stderr, "cannot connect to", "me:***@127.0.0.1:1")
    assert "s3cr" not in line
    unknown = run("--db", "http://me:s3cret@example.org/claims.db", "list", cwd=tmp_path)
    line = one_error_line(unknown.returncode, unknown.stdout, unknown.stderr, "unknown database type 'http'")
    assert "s3cret" not in line


def test_mask_password_hides_every_password_shape() -> None:
    assert mask_password("postgresql+psycopg://me:secret@h/db") == "postgresql+psycopg://me:***@h/db"
    assert mask_password("postgresql+psycopg:/me:secret@h/db") == "postgresql+psycopg:/me:***@h/db"
    assert mask_password("postgresql://me:p@ss:w/rd@h:5432/db") == "postgresql://me:***@h:5432/db"
    assert mask_password("postgresql://me@h/db") == "postgresql://me@h/db"  # no password: nothing to hide
    assert mask_password("postgresql://h:5432/db") == "postgresql://h:5432/db"
    assert str(resolve("postgresql+psycopg://me:secret@h/db")) == "postgresql+psycopg://me:***@h/db"


# ---- SQLite targets that are not a file we may use ----------------------------------------------


IN_MEMORY = [
    pytest.param("sqlite://", "sqlite:///PATH", id="sqlite-no-path"),
    pytest.param("sqlite:///", "sqlite:///PATH", id="sqlite-empty-path"),
    pytest.param("sqlite:///:memory:", "in-memory", id="sqlite-memory-url"),
    pytest.param(":memory:", "in-memory", id="memory-name"),
    pytest.param("sqlite+pysqlite:///:memory:", "in-memory", id="pysqlite-memory-url"),
]


@pytest.mark.parametrize("raw, hint", IN_MEMORY)
def test_an_in_memory_database_is_refused(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: str, hint: str
) -> None:
    """Issue 10.9/10.11: data added to it would be lost at exit (and :memory: became a file)."""
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = cli("--db", raw, "add", "Lost at exit?", "--source", "S")
    one_error_line(result.exit_code, result.stdout, result.stderr, hint, "lost at exit")
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("raw", ["newdir/", "sqlite:///newdir/", "nested/newdir/"])
def test_a_trailing_slash_names_a_directory(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    """Issue 10.9: ``--db newdir/`` asks for a folder; say to name a file in it, create nothing."""
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = cli("--db", raw, "list")
    one_error_line(result.exit_code, result.stdout, result.stderr, "give a file name", "newdir/claims.db")
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("option", ["mode=rw", "cache=shared", "uri=true", "timeout=5", "mode=ro&nolock=1"])
def test_unknown_sqlite_url_options_are_refused(cli: Callable[..., Run], tmp_path: Path, option: str) -> None:
    """Issue 10.11: options were silently ignored (``?mode=ro`` wrote anyway)."""
    result = cli("--db", f"sqlite:///{tmp_path}/x.db?{option}", "list")
    one_error_line(result.exit_code, result.stdout, result.stderr, "unsupported option", "?mode=ro")
    assert not (tmp_path / "x.db").exists()


@pytest.mark.sqlite_only
def test_mode_ro_reads_and_refuses_writes(seeded: Callable[..., Run], db_path: Path) -> None:
    """Issue 10.11: ``sqlite:///x.db?mode=ro`` wrote anyway. Now reads work and writes change nothing."""
    before = table_digest(db_path)
    read_only = f"sqlite:///{db_path}?mode=ro"
    listed = seeded("--db", read_only, "list", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    assert json.loads(listed.stdout) == json.loads(seeded("list", "--format", "json").stdout)
    for args in (
        ("add", "Read-only?", "--source", "S"),
        ("note", "1", "A note."),
        ("confirm", "2"),
        ("source", "set", "New source", "--reliability", "B"),
        ("import", str(_write(db_path.parent / "one.jsonl", '{"text": "Imported?", "source": "S"}\n'))),
    ):
        result = seeded("--db", read_only, *args)
        one_error_line(
            result.exit_code,
            result.stdout,
            result.stderr,
            "the database was opened read-only (mode=ro); nothing was changed",
        )
    assert table_digest(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.sqlite_only
def test_mode_ro_never_creates_a_database(cli: Callable[..., Run], tmp_path: Path) -> None:
    result = cli("--db", f"sqlite:///{tmp_path}/missing.db?mode=ro", "list")
    one_error_line(result.exit_code, result.stdout, result.stderr, "does not exist", "mode=ro")
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.sqlite_only
def test_a_fifo_as_db_is_refused_without_hanging(tmp_path: Path) -> None:
    """Issue 10.9: reading the header of a FIFO blocked forever; it is refused from ``os.stat``."""
    (tmp_path / "fifo").mkdir()
    fifo = tmp_path / "fifo" / "pipe.db"
    os.mkfifo(fifo)
    for args in (("list",), ("add", "A claim.", "--source", "S"), ("init",)):
        proc = run("--db", str(fifo), *args)  # fails the test after 20 s instead of hanging
        one_error_line(
            proc.returncode, proc.stdout, proc.stderr, "not a regular file (a FIFO)", "give a database file path"
        )
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in fifo.parent.iterdir()) == ["pipe.db"]


@pytest.mark.sqlite_only
def test_a_character_device_as_db_is_refused(tmp_path: Path) -> None:
    """``--db /dev/null``-like targets, on a device node made under tmp_path (needs root)."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    (tmp_path / "dev").mkdir()
    device = tmp_path / "dev" / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    proc = run("--db", str(device), "add", "A claim.", "--source", "S")
    one_error_line(proc.returncode, proc.stdout, proc.stderr, "not a regular file (a character device)")
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert sorted(p.name for p in device.parent.iterdir()) == ["null"]


@pytest.mark.sqlite_only
def test_targets_are_shown_escaped_in_errors(tmp_path: Path) -> None:
    """A path with terminal escapes reaches the error line escaped, never raw."""
    fifo = tmp_path / "evil\x1b]0;owned\x07.db"
    os.mkfifo(fifo)
    proc = run("--db", str(fifo), "list")
    line = one_error_line(proc.returncode, proc.stdout, proc.stderr, "\\x1b]0;owned\\x07.db", "a FIFO")
    assert "\x1b" not in line and "\x07" not in line
    url = run("--db", "postgresql+psycopg:/me:se\x1bcret@ho\x1b[2Jst/db", "list", cwd=tmp_path)
    line = one_error_line(url.returncode, url.stdout, url.stderr, "ho\\x1b[2Jst")
    assert "\x1b" not in line and "cret" not in line


# ---- folders and modes ------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_every_missing_folder_is_created_private(tmp_path: Path) -> None:
    """Issue 10.6: only the last folder was 0700; those above got the umask default (0777 under umask 000)."""
    path = tmp_path / "a" / "b" / "c" / "claims.db"
    proc = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", str(path), "init"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0),
    )
    assert proc.returncode == 0, proc.stderr
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.sqlite_only
def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    assert run("--db", str(shared / "new" / "claims.db"), "init").returncode == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "new").stat().st_mode) == 0o700


@pytest.mark.sqlite_only
def test_a_file_in_the_way_of_a_folder_is_refused(cli: Callable[..., Run], tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    for path in (blocker / "claims.db", blocker / "sub" / "claims.db"):
        result = cli("--db", str(path), "list")
        one_error_line(result.exit_code, result.stdout, result.stderr, "give another database path")
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


# ---- databases we may read but not write --------------------------------------------------------


def _no_file_mode_override() -> None:
    """In the child, before exec: as root, give up overriding file modes (CAP_DAC_*)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone from the exec'd program
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    return run(*args, preexec_fn=_no_file_mode_override)


@pytest.fixture
def modes_apply(tmp_path: Path) -> None:
    """Skip unless a child process is held to file modes (as root: after dropping CAP_DAC_*)."""
    probe = tmp_path / "probe"
    probe.write_text("")
    probe.chmod(0o444)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", "import os, sys; sys.exit(0 if os.access(sys.argv[1], os.W_OK) else 3)", str(probe)],
            preexec_fn=_no_file_mode_override,
            timeout=TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot start a process that is held to file modes")
    finally:
        probe.unlink()
    if proc.returncode != 3:
        pytest.skip("this process overrides file modes and cannot give that up")


@pytest.fixture
def seeded_file(tmp_path: Path) -> Path:
    """A seeded claimtrack database, closed (WAL mode, no -wal or -shm left), in its own folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "claims.db"
    proc = run_process("--db", str(path), "init", "--seed")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["claims.db"]
    return path


@pytest.mark.sqlite_only
@pytest.mark.parametrize("folder_writable", [True, False], ids=["file-read-only", "folder-and-file-read-only"])
def test_a_database_we_may_only_read(seeded_file: Path, modes_apply: None, folder_writable: bool) -> None:
    """Issue 10.9/10.11: reads work (a WAL database in a read-only folder could not even be read);
    a write is one line saying the file or its folder is read-only, and changes nothing."""
    folder = seeded_file.parent
    before = table_digest(seeded_file)
    expected = run_process("--db", str(seeded_file), "list", "--format", "json").stdout
    seeded_file.chmod(0o444)
    if not folder_writable:
        folder.chmod(0o555)
    try:
        listed = unprivileged("--db", str(seeded_file), "list", "--format", "json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout) == json.loads(expected)
        exported = unprivileged("--db", str(seeded_file), "export", "--format", "json")
        assert exported.returncode == 0 and json.loads(exported.stdout), exported.stderr
        for args in (("add", "A claim.", "--source", "S"), ("note", "1", "A note."), ("init", "--seed")):
            proc = unprivileged("--db", str(seeded_file), *args)
            one_error_line(proc.returncode, proc.stdout, proc.stderr, "read-only to you", "nothing was changed")
    finally:
        folder.chmod(0o755)
        seeded_file.chmod(0o600)
    assert table_digest(seeded_file) == before


@pytest.mark.sqlite_only
@pytest.mark.parametrize("where", ["new.db", "sub/dir/new.db"])
def test_a_new_database_in_a_folder_we_may_not_write(tmp_path: Path, modes_apply: None, where: str) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    # only init makes missing folders of a --db (issue 27); other writes refuse them before this
    command = ("init",) if "/" in where else ("add", "A claim.", "--source", "S")
    try:
        proc = unprivileged("--db", str(folder / where), *command)
        one_error_line(
            proc.returncode, proc.stdout, proc.stderr, "cannot create", "Permission denied", "a folder you may write to"
        )
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []


@pytest.mark.sqlite_only
def test_a_database_we_may_not_read(seeded_file: Path, modes_apply: None) -> None:
    seeded_file.chmod(0o200)
    try:
        proc = unprivileged("--db", str(seeded_file), "list")
        one_error_line(proc.returncode, proc.stdout, proc.stderr, "cannot read", "permission")
    finally:
        seeded_file.chmod(0o600)


def _unshare_works() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    try:
        return subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=TIMEOUT).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.sqlite_only
def test_a_wal_database_on_a_read_only_medium(seeded_file: Path, tmp_path: Path) -> None:
    """Issue 10.11: a WAL database on read-only media could not even be read. A private mount
    namespace (gone when the child exits) holds a tmpfs remounted read-only with a copy in it."""
    if not _unshare_works():
        pytest.skip("needs root and unshare -m to mount a read-only filesystem privately")
    medium = tmp_path / "medium"
    medium.mkdir()
    expected = run_process("--db", str(seeded_file), "list", "--format", "json").stdout
    db = medium / "claims.db"
    script = (
        'set -e; mount -t tmpfs none "$1"; cp "$2" "$1"/claims.db; mount -o remount,ro "$1"; '
        '"$3" -m claimtrack --db "$1"/claims.db list --format json > "$4"/list.out; '
        'set +e; "$3" -m claimtrack --db "$1"/claims.db note 1 \'A note.\' 2> "$4"/note.err; '
        'echo $? > "$4"/note.code; ls -a "$1" > "$4"/files'
    )
    proc = subprocess.run(
        [
            "unshare",
            "-m",
            "--propagation",
            "private",
            "sh",
            "-c",
            script,
            "sh",
            str(medium),
            str(seeded_file),
            sys.executable,
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "list.out").read_text()) == json.loads(expected)
    assert (tmp_path / "note.code").read_text().strip() == "1"
    one_error_line(1, "", (tmp_path / "note.err").read_text(), "is on a read-only medium", "nothing was changed")
    assert (tmp_path / "files").read_text().split() == [".", "..", "claims.db"]
    assert not db.exists()  # the mount is gone with the child's namespace


# ---- refusing a foreign WAL database leaves all three files as they were -----------------------


def _wal_with_pending_frames(path: Path, make: Callable[[sqlite3.Connection], None]) -> Path:
    """Copy ``path``'s database, -wal and -shm while a connection has un-checkpointed commits."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        make(conn)
        conn.commit()
        copy = path.parent / "copy" / path.name
        copy.parent.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
    finally:
        conn.close()
    assert Path(f"{copy}-wal").stat().st_size > 0
    return copy


def _other_program(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users (name) VALUES ('alice')")


def _from_the_future(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO claimtrack_migrations (version, name, applied_at) "
        "VALUES (999, 'from_the_future', '2099-01-01T00:00:00Z')"
    )


@pytest.mark.sqlite_only
@pytest.mark.parametrize("driver", ["sqlite3", "sqlalchemy"])
@pytest.mark.parametrize("kind, hint", [("other", "another program"), ("newer", "newer claimtrack")])
def test_a_refused_wal_database_keeps_its_wal_and_shm(tmp_path: Path, kind: str, hint: str, driver: str) -> None:
    """Issue 10.11: refusing it checkpointed its WAL. All three files must stay byte-for-byte."""
    folder = tmp_path / "src"
    folder.mkdir()
    if kind == "other":
        copy = _wal_with_pending_frames(folder / "app.db", _other_program)
    else:
        assert run_process("--db", str(folder / "app.db"), "init").returncode == 0
        copy = _wal_with_pending_frames(folder / "app.db", _from_the_future)
    before = hashes(copy)
    assert before["-wal"] and before["-shm"]
    for args in (("list",), ("add", "A claim.", "--source", "S"), ("db", "check")):
        proc = run("--db", str(copy), *args, env={"CLAIMTRACK_READ_DRIVER": driver})
        one_error_line(proc.returncode, proc.stdout, proc.stderr, hint, str(copy))
        assert hashes(copy) == before
    assert sorted(p.name for p in copy.parent.iterdir()) == ["app.db", "app.db-shm", "app.db-wal"]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("driver", ["sqlite3", "sqlalchemy"])
def test_a_refused_rollback_database_stays_in_its_journal_mode(tmp_path: Path, driver: str) -> None:
    """Through the SQLAlchemy read path, inspecting a foreign file switched it to WAL (a write)."""
    (tmp_path / "foreign").mkdir()
    path = tmp_path / "foreign" / "app.db"
    with sqlite3.connect(path) as conn:
        _other_program(conn)
    conn.close()
    before = hashes(path)
    proc = run("--db", str(path), "list", env={"CLAIMTRACK_READ_DRIVER": driver})
    one_error_line(proc.returncode, proc.stdout, proc.stderr, "another program")
    assert hashes(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["app.db"]


@pytest.mark.sqlite_only
def test_a_live_foreign_wal_database_is_refused_untouched(tmp_path: Path) -> None:
    """Another program still has it open (its -shm in use): refused, WAL and database untouched."""
    path = tmp_path / "app.db"
    holder = sqlite3.connect(path)
    try:
        holder.execute("PRAGMA journal_mode = WAL")
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        _other_program(holder)
        holder.commit()
        before = hashes(path)
        proc = run("--db", str(path), "add", "A claim.", "--source", "S")
        one_error_line(proc.returncode, proc.stdout, proc.stderr, "another program")
        after = hashes(path)
        assert (after[""], after["-wal"]) == (before[""], before["-wal"])
        assert holder.execute("SELECT name FROM users").fetchall() == [("alice",)]
    finally:
        holder.close()


# ---- one process, two services -------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_a_second_service_in_one_process_keeps_other_processes_correct(
    seeded: Callable[..., Run], db_path: Path
) -> None:
    """Issue 10.11: opening a second Service read the header with open(); closing that descriptor
    dropped the first Service's SQLite locks, another process then deleted the WAL still in use,
    and the first Service's next write went to the deleted file: lost to every other process."""
    from claimtrack.service import ClaimFilter, Service

    first = Service(str(db_path))
    try:
        first.add("Written by the first service.", "Alpha")  # its write connection keeps the WAL open
        first.list(ClaimFilter())
        second = Service(str(db_path))
        second.list(ClaimFilter())
        second.close()
        other = run_process("add", "Written by another process.", "--source", "Other")
        assert other.returncode == 0, other.stderr
        first.add("Written after the second service closed.", "Alpha")
        seen = run_process("list", "--format", "json")
        assert seen.returncode == 0, seen.stderr
        texts = [c["text"] for c in json.loads(seen.stdout)]
        assert texts[-3:] == [
            "Written by the first service.",
            "Written by another process.",
            "Written after the second service closed.",
        ]
    finally:
        first.close()
    after = run_process("list", "--format", "json")
    assert [c["text"] for c in json.loads(after.stdout)][-1] == "Written after the second service closed."
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])",
            str(db_path),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert check.stdout.strip() == "ok", check.stderr
