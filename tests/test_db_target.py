"""Where ``--db`` points (issue 27, acceptance 5 and two friction items).

Covers: a URL missing its ``:`` (``postgresql+psycopg//me:pw@host/db``) or otherwise mistyped is
refused with the URL it probably meant, never turned into a local file whose folders are named
after the password; no password (in the user part, ``?password=``/``&password=``, or
``$PGPASSWORD``) appears in any output of any command on an unreachable server; the hints that
name a command carry the ``--db`` given; a write never makes a new database in a folder that does
not exist unless it is ``init`` (or the default location), and says when it made one in a folder
that does.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from claimtrack.errors import InvalidInput
from claimtrack.store import target as targets
from claimtrack.store.target import resolve
from conftest import Run, run_process

PASSWORD = "s3cretPW"  # every password below holds it, so one search finds any leak


def one_error_line(run: Run, *hints: str) -> str:
    assert run.exit_code == 1, (run.exit_code, run.stdout, run.stderr)
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert "unexpected" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    for hint in hints:
        assert hint in lines[0], (hint, lines[0])
    return lines[0]


# ---- a URL missing its ":" is never a file ----------------------------------------------------


LOOKALIKES = [
    pytest.param(
        f"postgresql+psycopg//me:{PASSWORD}@db.example.org/claims",
        "did you mean postgresql+psycopg://me:***@db.example.org/claims?",
        id="dialect+driver//",
    ),
    pytest.param(
        f"postgresql//me:{PASSWORD}@db.example.org/claims",
        "did you mean postgresql://me:***@db.example.org/claims?",
        id="dialect//",
    ),
    pytest.param(f"postgres//me:{PASSWORD}@db/claims", "did you mean postgresql://me:***@db/claims?", id="alias//"),
    pytest.param(f"mysql+x//me:{PASSWORD}@h/d", "did you mean mysql+x://me:***@h/d?", id="mysql+driver//"),
    pytest.param(
        f"postgresql/me:{PASSWORD}@db/claims", "did you mean postgresql://me:***@db/claims?", id="dialect/user@"
    ),
    pytest.param(
        f"postgresql+psycopg;//me:{PASSWORD}@db/claims",
        "did you mean postgresql+psycopg://me:***@db/claims?",
        id="semicolon",
    ),
    pytest.param("postgresql//db.example.org/claims", "did you mean postgresql://db.example.org/claims?", id="no-user"),
    pytest.param("sqlite//claims.db", "did you mean sqlite:///claims.db?", id="sqlite//"),
    pytest.param(f"://me:{PASSWORD}@db/claims", "give postgresql://USER:PASSWORD@HOST/DBNAME", id="no-scheme"),
    pytest.param(f"me:{PASSWORD}@db//claims", "give postgresql://USER:PASSWORD@HOST/DBNAME", id="user-first"),
]


@pytest.mark.parametrize("how", ["flag", "env"])
@pytest.mark.parametrize("raw, fix", LOOKALIKES)
def test_a_url_missing_its_colon_is_refused_not_made_a_file(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: str, fix: str, how: str
) -> None:
    """It used to become ./postgresql+psycopg/me:PASSWORD@db.example.org/claims, exit 0, with the
    password printed in "Created a new database at ..."."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    if how == "env":
        monkeypatch.setenv("CLAIMTRACK_DB", raw)
        runs = [cli("add", "A claim.", "--source", "S"), cli("db", "path")]
    else:
        runs = [cli("--db", raw, "add", "A claim.", "--source", "S"), cli("--db", raw, "db", "path")]
    for run in runs:
        line = one_error_line(run, "looks like a database URL but is not one", fix, "sqlite:///PATH")
        assert PASSWORD not in line
    assert list(work.iterdir()) == []  # no file, no folder, no password in any name


def test_only_url_lookalikes_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Names that merely start with a database's name, or hold one of // and @, stay file names."""
    monkeypatch.chdir(tmp_path)
    for raw in [
        "mysql/claims.db",
        "postgres.db",
        "sqlite-notes.db",
        "postgresql_2024.db",
        "notes@home.db",
        "a//b.db",
        "./team@work/claims.db",
    ]:
        assert resolve(raw).path == (tmp_path / raw).resolve(), raw
    for raw in ["postgresql+psycopg//me@h/db", "mysql//h/db", "x//me@h/db", "sqlite\\claims.db"]:
        with pytest.raises(InvalidInput, match="looks like a database URL"):
            resolve(raw)


# ---- no password in any output ----------------------------------------------------------------


def test_redact_masks_every_password_position() -> None:
    redact = targets.redact
    assert redact(f"postgresql+psycopg://me:{PASSWORD}@h/db") == "postgresql+psycopg://me:***@h/db"
    assert redact(f"postgresql+psycopg://me@h/db?password={PASSWORD}") == "postgresql+psycopg://me@h/db?password=***"
    assert (
        redact(f"postgresql+psycopg://me@h/db?sslmode=disable&password={PASSWORD}&application_name=ct")
        == "postgresql+psycopg://me@h/db?sslmode=disable&password=***&application_name=ct"
    )
    assert (
        redact(f"postgresql+psycopg:///db?host=h&sslpassword={PASSWORD}")
        == "postgresql+psycopg:///db?host=h&sslpassword=***"
    )
    assert (
        redact(f"postgresql+psycopg://me@h/db?p%61ssword={PASSWORD}") == "postgresql+psycopg://me@h/db?p%61ssword=***"
    )
    assert redact(f"postgresql+psycopg//me:{PASSWORD}@h/db") == "postgresql+psycopg//me:***@h/db"
    assert redact(f"me:{PASSWORD}@h//db") == "me:***@h//db"
    assert redact("postgresql://me@h:5432/db?sslmode=require") == "postgresql://me@h:5432/db?sslmode=require"


def test_a_targets_passwords_are_scrubbed_from_driver_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A driver's own error may quote its connection string, decoded: every form is masked."""
    target = resolve(f"postgresql+psycopg://me:a%2F{PASSWORD}@h/db?password={PASSWORD}%20two&sslpassword=x+{PASSWORD}")
    text = f"password=a/{PASSWORD} password='{PASSWORD} two' sslpassword=x {PASSWORD} raw {PASSWORD}%20two"
    assert PASSWORD not in target.scrub(text)
    assert PASSWORD not in str(target)
    monkeypatch.setenv("PGPASSWORD", "pg-" + PASSWORD)
    assert PASSWORD not in resolve("postgresql+psycopg://me@h/db").scrub(f"password=pg-{PASSWORD}")


CLOSED = "127.0.0.1:1"  # nothing listens on port 1: every connection is refused at once
SERVER_URLS = [
    f"postgresql+psycopg://me:{PASSWORD}@{CLOSED}/claims",
    f"postgresql+psycopg://me@{CLOSED}/claims?password={PASSWORD}",
    f"postgresql+psycopg://me@{CLOSED}/claims?sslmode=disable&password={PASSWORD}%20two",
    f"postgresql+psycopg:///claims?host=127.0.0.1&port=1&sslpassword={PASSWORD}&password={PASSWORD}",
]
COMMANDS = [
    ("list",),
    ("add", "A claim.", "--source", "S"),
    ("init",),
    ("db", "path"),
    ("db", "check"),
    ("show", "1"),
    ("export", "--format", "json"),
    ("confirm", "1"),
]


def test_no_password_appears_in_any_output(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A closed port on 127.0.0.1, the password in the user part and in the query: every command's
    stdout and stderr, ``db copy`` both ways, ``$CLAIMTRACK_DB`` and ``$PGPASSWORD``, in process and
    (one command a URL) in a real process; and no file is made anywhere."""
    pytest.importorskip("psycopg2")
    local = tmp_path / "local.db"
    assert cli("--db", str(local), "init").exit_code == 0
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    seen: list[tuple[object, Run]] = []
    for url in SERVER_URLS:
        for command in COMMANDS:
            seen.append((command, cli("--db", url, *command)))
        seen.append(("copy up", cli("db", "copy", str(local), url)))
        seen.append(("copy down", cli("db", "copy", url, str(work / "copy.db"))))
        proc = run_process("add", "A claim.", "--source", "S", env={"CLAIMTRACK_DB": url}, cwd=work)
        seen.append((proc.args, Run(proc.returncode, proc.stdout, proc.stderr)))
    for what, run in seen:
        assert run.exit_code in (0, 1), (what, run.stderr)
        assert "Traceback" not in run.stderr and "unexpected" not in run.stderr, run.stderr
        assert PASSWORD not in run.stdout + run.stderr, (what, run.stdout, run.stderr)
        assert "***" in run.stdout + run.stderr, (what, run.stderr)  # each names its target, masked
    assert sum("cannot connect to" in run.stderr for _, run in seen) >= len(SERVER_URLS) * 7
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    proc = run_process("--db", f"postgresql+psycopg://me@{CLOSED}/claims", "list", cwd=work)
    assert proc.returncode == 1 and "cannot connect to" in proc.stderr and PASSWORD not in proc.stderr
    assert list(work.iterdir()) == []


# ---- hints carry the --db; a mistyped --db makes no folders -------------------------------------


@pytest.mark.sqlite_only
def test_the_created_database_hint_names_the_file_given(cli: Callable[..., Run], tmp_path: Path) -> None:
    """ "see it with: claimtrack db path" printed the default database when --db was given."""
    target = tmp_path / "my claims.db"
    first = cli("--db", str(target), "add", "A claim.", "--source", "S")
    assert first.exit_code == 0, first.stderr
    notice = first.stderr.splitlines()[-1]
    assert notice == f"Created a new database at {target} (see it with: claimtrack --db '{target}' db path)."
    hint = shlex.split(notice.split("see it with: ", 1)[1].rstrip(")."))
    assert hint[:3] == ["claimtrack", "--db", str(target)]
    assert cli(*hint[1:]).stdout == f"{target}\n"  # the hint, run as printed, shows that file
    missing = tmp_path / "other.db"
    run = cli("--db", str(missing), "db", "path")
    assert run.stderr == f"(it does not exist yet: claimtrack --db {missing} init creates it)\n"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("how", ["flag", "env"])
def test_a_write_makes_no_folders_for_a_named_database(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A mistyped --db (or CLAIMTRACK_DB) on a write created the database and every missing folder
    without a word. Now only init does; the default location is still made on first use."""
    target = tmp_path / "typo" / "deeper" / "claims.db"
    if how == "env":
        monkeypatch.setenv("CLAIMTRACK_DB", str(target))
        prefix: tuple[str, ...] = ()
        init_hint = "make both with: claimtrack init"
    else:
        prefix = ("--db", str(target))
        init_hint = f"make both with: claimtrack --db {target} init"
    for write in (("add", "A claim.", "--source", "S"), ("import", "-"), ("source", "set", "S", "--kind", "person")):
        run = cli(*prefix, *write, input="")
        one_error_line(
            run,
            f"cannot create a database at {target}",
            f"the folder {target.parent} does not exist",
            "nothing was changed",
            init_hint,
        )
    assert not (tmp_path / "typo").exists()
    assert cli(*prefix, "init").exit_code == 0  # init makes the folders (0700) and the database
    assert cli(*prefix, "add", "A claim.", "--source", "S").exit_code == 0
    assert target.is_file()
    # the default location (no --db, no CLAIMTRACK_DB) is made on first use, folders and all
    monkeypatch.delenv("CLAIMTRACK_DB")
    default = targets.default_path()
    assert not default.parent.exists()
    made = cli("add", "A claim.", "--source", "S")
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines()[-1] == f"Created a new database at {default} (see it with: claimtrack db path)."
    assert default.is_file()


@pytest.mark.sqlite_only
def test_db_copy_makes_no_folders_for_its_destination(cli: Callable[..., Run], tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    assert cli("--db", str(source), "init", "--seed").exit_code == 0
    destination = tmp_path / "nope" / "copy.db"
    one_error_line(cli("db", "copy", str(source), str(destination)), "the folder", "does not exist")
    assert not destination.parent.exists()
    destination.parent.mkdir()
    assert cli("db", "copy", str(source), str(destination)).exit_code == 0
    assert os.path.isfile(destination)
