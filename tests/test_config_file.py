"""The settings file as a file (issue 27): ``config set``/``unset`` edit it in place and under a lock.

Covers: the user's comments, blank lines and layout survive set and unset (tomlkit), CRLF line
ends and a UTF-8 byte-order mark are accepted and kept; four real processes setting different
keys at once lose nothing, round after round; a held lock is waited for, then refused with one
line; missing folders are made 0700 and a new file 0600; a 5000-deep array, table or dotted key
and a UTF-16 file are one ``Error:`` line naming the file, for every command that reads it.
"""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import Run, table_digest
from test_config import ok, one_error, write


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    """Where the settings file is for this test (the default place, as in test_config)."""
    return tmp_path / "home" / "xdg_config_home" / "claimtrack" / "config.toml"


COMMENTED = """\
# My claimtrack settings -- keep this header.

[reviewer]   # who signs the fact-checks
name    = "Ann Analyst"   # me
# the organisation goes below

[output]
# no pager on the newsroom machine
pager = false
"""


def test_set_and_unset_keep_comments_and_layout(cli: Callable[..., Run], cfg: Path) -> None:
    write(cfg, COMMENTED)
    ok(cli("config", "set", "reviewer.organisation", "Example Fact Desk"))
    ok(cli("config", "set", "output.pager", "true"))
    ok(cli("config", "set", "defaults.tags", "ru,ua"))
    text = cfg.read_text(encoding="utf-8")
    for line in (
        "# My claimtrack settings -- keep this header.",
        "[reviewer]   # who signs the fact-checks",
        'name    = "Ann Analyst"   # me',
        "# the organisation goes below",
        "# no pager on the newsroom machine",
    ):
        assert line in text.splitlines(), text
    assert (
        text.index("# the organisation goes below")
        < text.index('organisation = "Example Fact Desk"')
        < text.index("[output]")
    ), text  # the new key went into its own section, not at the end
    assert tomllib.loads(text) == {
        "reviewer": {"name": "Ann Analyst", "organisation": "Example Fact Desk"},
        "output": {"pager": True},
        "defaults": {"tags": ["ru", "ua"]},
    }
    ok(cli("config", "unset", "output.pager"))  # its section keeps the user's comment, so it stays
    ok(cli("config", "unset", "defaults.tags"))  # nothing of the user's in it: the section goes
    text = cfg.read_text(encoding="utf-8")
    assert "[output]\n# no pager on the newsroom machine\n" in text and "defaults" not in text, text
    assert text.startswith(
        "# My claimtrack settings -- keep this header.\n\n[reviewer]   # who signs the fact-checks\n"
    )


def test_a_new_file_says_comments_are_kept(cli: Callable[..., Run], cfg: Path) -> None:
    ok(cli("config", "set", "output.color", "never"))
    text = cfg.read_text(encoding="utf-8")
    assert text.startswith("#") and "keeps your comments" in text.splitlines()[0]
    assert tomllib.loads(text) == {"output": {"color": "never"}}


def test_a_byte_order_mark_is_accepted_and_kept(seeded: Callable[..., Run], cfg: Path) -> None:
    cli = seeded
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_bytes(b'\xef\xbb\xbf# saved by Notepad\n[output]\ncolor = "never"\n')
    assert ok(cli("config", "get", "output.color")).stdout == "never\n"
    ok(cli("list"))
    ok(cli("config", "set", "reviewer.name", "Ann"))
    data = cfg.read_bytes()
    assert data.startswith(b'\xef\xbb\xbf# saved by Notepad\n[output]\ncolor = "never"\n'), data
    assert tomllib.loads(data.decode("utf-8-sig")) == {"output": {"color": "never"}, "reviewer": {"name": "Ann"}}


def test_crlf_line_ends_are_kept(cli: Callable[..., Run], cfg: Path) -> None:
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_bytes(b"# from Windows\r\n[output]\r\npager = false\r\n")
    ok(cli("config", "set", "output.color", "never"))
    ok(cli("config", "set", "reviewer.name", "Ann"))
    data = cfg.read_bytes()
    assert data.startswith(b"# from Windows\r\n[output]\r\npager = false\r\n")
    assert data.count(b"\n") == data.count(b"\r\n"), data
    assert tomllib.loads(data.decode()) == {"output": {"pager": False, "color": "never"}, "reviewer": {"name": "Ann"}}


@given(value=st.text(), comments=st.lists(st.text().filter(lambda t: "\n" not in t and "\r" not in t), max_size=3))
@example(value="\x00\x1f\x7f\u2028\"\\\n\r\t\b\f'\ufeff", comments=["# ]\n"[:3], "\u2028"])
@example(value='"]\n[x]\na = 1', comments=[])
def test_any_text_is_written_so_it_reads_back_exactly(value: str, comments: list[str]) -> None:
    from claimtrack import configfile

    comment_lines = ["#" + "".join(c if c.isprintable() or c == "\t" else " " for c in text) for text in comments]
    original = "\n".join([*comment_lines, "[team]", "size = 3  # unknown to claimtrack", ""])
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "config.toml"
        file.write_text(original, encoding="utf-8")
        configfile.set_in(file, "reviewer", "name", value)
        text = file.read_text(encoding="utf-8")
    assert tomllib.loads(text) == {"team": {"size": 3}, "reviewer": {"name": value}}
    assert text.startswith(original)


# ---- several processes at once ---------------------------------------------------------------------

# Four real processes, each owning one key, load the CLI once and then, each round, run
# `config set KEY VALUE` as soon as the test sends them the value: the four race on the file
# itself rather than on Python's start-up, and 15 rounds cost four start-ups, not sixty.
CHILD = """\
import sys
from claimtrack.cli import app
print("ready", flush=True)
for value in sys.stdin:
    try:
        app(["config", "set", sys.argv[1], value.rstrip("\\n")], prog_name="claimtrack")
    except SystemExit as end:
        print("done", end.code, flush=True)
"""

ROUNDS = 15


def _values(n: int) -> dict[str, str]:
    return {
        "reviewer.name": f"Name {n}",
        "reviewer.organisation": f"Org {n}",
        "reviewer.url": f"https://r{n}.example.org/",
        "claimreview.url_template": f"https://x.example.org/{n}/{{id}}",
    }


def test_concurrent_sets_of_different_keys_lose_nothing(cfg: Path) -> None:
    write(cfg, "# shared by four processes\n")
    procs = {
        key: subprocess.Popen(
            [sys.executable, "-c", CHILD, key],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        for key in _values(0)
    }
    lost = []
    try:
        for proc in procs.values():
            assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        for n in range(ROUNDS):
            for key, value in _values(n).items():
                stdin = procs[key].stdin
                assert stdin is not None
                stdin.write(value + "\n")
                stdin.flush()
            for proc in procs.values():
                assert proc.stdout is not None and proc.stdout.readline() == "done 0\n"
            data = tomllib.loads(cfg.read_text(encoding="utf-8"))
            found = {f"{section}.{name}": value for section, table in data.items() for name, value in table.items()}
            if found != _values(n):
                lost.append((n, found))
    finally:
        for proc in procs.values():
            out, err = proc.communicate(timeout=120)  # closes its stdin: the child's loop ends
            assert proc.returncode == 0 and err.count("Set ") == ROUNDS and "Error" not in err, (out, err)
    assert not lost, lost
    assert cfg.read_text(encoding="utf-8").startswith("# shared by four processes\n")
    assert sorted(p.name for p in cfg.parent.iterdir()) == ["config.toml", "config.toml.lock"]  # no temp files left


def test_a_held_lock_is_waited_for_then_refused(
    cli: Callable[..., Run], cfg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack import configfile

    write(cfg, "[output]\npager = false\n")
    monkeypatch.setattr(configfile, "LOCK_WAIT", 0.2)
    fd = os.open(cfg.parent / "config.toml.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as another config set in the middle of its change
        line = one_error(cli("config", "set", "output.pager", "true"))
        assert "is being changed by another process" in line and str(cfg) in line, line
        assert "is being changed" in one_error(cli("config", "unset", "output.pager"))
    finally:
        os.close(fd)
    assert cfg.read_text(encoding="utf-8") == "[output]\npager = false\n"
    ok(cli("config", "set", "output.pager", "true"))  # the lock let go: it works again
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {"output": {"pager": True}}


# ---- folders and modes -------------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask-022", "umask-000"])
def test_set_makes_missing_folders_private(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    file = existing / "a" / "b" / "config.toml"
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(file))
    ok(cli("config", "unset", "output.pager"))  # nothing to remove: makes no folder
    assert not (existing / "a").exists()
    old = os.umask(umask)
    try:
        ok(cli("config", "set", "output.pager", "false"))
    finally:
        os.umask(old)
    assert [stat.S_IMODE(p.stat().st_mode) for p in (existing, existing / "a", existing / "a" / "b")] == [
        0o755,
        0o700,
        0o700,
    ]
    assert stat.S_IMODE(file.stat().st_mode) == 0o600


# ---- files that are not settings ---------------------------------------------------------------------

DEEP = 5000
NOT_SETTINGS = {
    "deep-array": ("x = " + "[" * DEEP + "]" * DEEP + "\n", "nests arrays or tables more than"),
    "deep-inline-table": ("x = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n", "nests arrays or tables more than"),
    "deep-dotted-key": (".".join(["a"] * DEEP) + " = 1\n", "nests arrays or tables more than"),
    "deep-table-header": ("[" + ".".join(["a"] * DEEP) + "]\n", "nests arrays or tables more than"),
    "utf-16": ("[output]\npager = false\n".encode("utf-16"), "is UTF-16 text; save it as UTF-8"),
}


@pytest.mark.parametrize("case", sorted(NOT_SETTINGS))
def test_a_file_that_is_not_settings_is_one_error_line(
    seeded: Callable[..., Run], cfg: Path, db_path: object, case: str
) -> None:
    content, says = NOT_SETTINGS[case]
    cfg.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        cfg.write_bytes(content)
    else:
        cfg.write_text(content, encoding="utf-8")
    before, data = table_digest(db_path), cfg.read_bytes()
    for args in (
        ("config", "get"),
        ("list",),
        ("add", "A claim that must not be added.", "-s", "X"),
        ("config", "set", "output.pager", "true"),
        ("config", "unset", "output.pager"),
        ("config", "unset", "x"),
    ):
        line = one_error(seeded(*args))
        assert says in line and str(cfg) in line, (args, line)
    assert table_digest(db_path) == before
    assert cfg.read_bytes() == data
    assert sorted(p.name for p in cfg.parent.iterdir()) == ["config.toml"]  # no lock or temp file for a file refused
