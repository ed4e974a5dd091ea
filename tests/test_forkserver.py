"""A process forked from the zygote (tests/forkserver.py) behaves as ``python -m claimtrack`` started
from nothing: same output, errors and exit status, on pipes, a closed or full stdout, a terminal,
undecodable arguments, standard input, signals and time zones. If it did not, every test that runs
claimtrack as a process would be testing something else than what users run.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

import forkserver


def _run(
    fork: bool, args: list[Any], stdout: Any = subprocess.PIPE, stdin: Any = subprocess.DEVNULL, **env: str
) -> tuple[int, bytes, bytes]:
    proc = forkserver.popen(
        args, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env={**os.environ, **env}, fork=fork
    )
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out or b"", err


CASES = {
    "list-json": (["list", "--format", "json"], {}),
    "show-table": (["show", "2"], {}),
    "usage-error": (["lst"], {}),
    "unknown-id": (["show", "99999"], {}),
    "undecodable-argument": (["show", b"1\xff\xfe"], {}),
    "help": (["--help"], {"COLUMNS": "80"}),
}


@pytest.mark.parametrize("name", CASES)
def test_a_forked_run_prints_what_a_started_one_prints(seeded: Any, name: str) -> None:
    args, env = CASES[name]
    forked, started = _run(True, args, **env), _run(False, args, **env)
    assert forked == started
    assert forked[1] or forked[2]  # it did say something


@pytest.mark.parametrize("where", ["closed", "full"])
def test_a_closed_or_full_stdout_ends_the_same(seeded: Any, where: str) -> None:
    def run(fork: bool) -> tuple[int, bytes, bytes]:
        if where == "closed":
            return _run(fork, ["list"], stdout=forkserver.CLOSED)
        with open("/dev/full", "wb") as full:
            return _run(fork, ["list"], stdout=full)

    forked, started = run(True), run(False)
    assert forked == started
    assert forked[0] != 0 and forked[2].startswith(b"Error:")


@pytest.mark.sqlite_only
def test_a_time_typed_in_another_zone_is_read_in_that_zone(seeded: Any, db_path: Path, tmp_path: Path) -> None:
    """TZ is read by the C library when Python starts; the fork sets it again (time.tzset)."""
    recorded = []
    for fork in (True, False):
        copy = tmp_path / f"fork-{fork}.db"
        shutil.copyfile(db_path, copy)
        env = {"CLAIMTRACK_DB": str(copy), "TZ": "Asia/Tokyo"}
        code, _out, err = _run(fork, ["confirm", "4", "--at", "2024-06-01 10:00"], **env)
        assert code == 0, err
        code, out, err = _run(fork, ["log", "4", "--format", "json"], **env)
        recorded.append(sorted(e["at"] for e in json.loads(out) if e["kind"] == "status"))
    assert recorded[0] == recorded[1]
    assert "2024-06-01T01:00:00Z" in recorded[0]  # 10:00 in Tokyo


def _on_terminal(fork: bool, columns: int) -> tuple[int, bytes]:
    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "CI")}
    env.update(TERM="xterm-256color", CLAIMTRACK_PAGER="")
    proc = forkserver.popen(
        ["list"], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, fork=fork
    )
    os.close(slave)
    seen = b""
    try:
        while True:
            if not select.select([master], [], [], 30)[0]:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
    return proc.wait(timeout=60), seen


@pytest.mark.parametrize("columns", [50, 120])
def test_a_terminal_sees_the_same_table(seeded: Any, columns: int) -> None:
    forked, started = _on_terminal(True, columns), _on_terminal(False, columns)
    assert forked == started
    assert b"\x1b[" in forked[1]  # a terminal: colours, so it did see one


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_reading_stdin_ends_the_same(seeded: Any, tmp_path: Path, sig: int) -> None:
    """``import -`` waiting on standard input, then a signal: same status, same one line."""

    def run(fork: bool) -> tuple[int, bytes]:
        proc = forkserver.popen(
            ["import", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            fork=fork,
            restore_sigint=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "pipe_read" not in _wchan(proc.pid) and proc.poll() is None:
            time.sleep(0.01)
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=60)
        return proc.returncode, err

    forked, started = run(True), run(False)
    assert forked == started
    assert forked[0] in (130, 143, -sig)


def _wchan(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return ""


def test_a_run_whose_interpreter_settings_differ_is_started_from_nothing(seeded: Any) -> None:
    """PYTHONIOENCODING is read when Python starts, so such a run is not forked: the ascii stream
    it asks for is the one claimtrack writes to."""
    proc = forkserver.popen(
        ["show", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONIOENCODING": "ascii"}
    )
    assert isinstance(proc, subprocess.Popen)
    proc.communicate(timeout=60)
    forked = forkserver.popen(["show", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert isinstance(forked, forkserver.Process) or not forkserver.ENABLED
    forked.communicate(timeout=60)
