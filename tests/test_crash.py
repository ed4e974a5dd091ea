"""A killed or interrupted import leaves a sound database holding all or none of its work.

DESIGN.md ("Reliability"): "A killed process (even mid-import) leaves a database that passes
``PRAGMA integrity_check`` and holds either all or none of that command's work", and Ctrl-C exits
130 with the database exactly as it was. A real ``python -m claimtrack import`` of 100,000 claims
is stopped half way: the test watches how far the process has read its input file (Linux
``/proc/PID/fdinfo``; the import streams it in batches) and how big the write-ahead log has grown,
and signals it once either shows it is half way through. A run that ends before the signal lands
is not counted as a pass.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import table_digest

pytestmark = pytest.mark.sqlite_only  # tests SQLite itself: skipped when the suite runs on PostgreSQL

CLAIMS = 100_000
SEED_CLAIMS = 3
WAL_HALF = 35 * 1024 * 1024  # the WAL grows steadily to ~70 MB over a full import of CLAIMS


def write_claims(path: Path, n: int = CLAIMS) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(
                json.dumps(
                    {
                        "text": f"Claim {i} about grain exports and the sanctions regime",
                        "source": f"Source {i % 50}",
                        "confidence": 0.5,
                        "tags": ["bulk"],
                    }
                )
                + "\n"
            )
    return path


@pytest.fixture(scope="module")
def bulk_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_claims(tmp_path_factory.mktemp("bulk") / "claims.jsonl")


def seed(cli: Callable) -> None:
    assert cli("init").exit_code == 0
    for i in range(SEED_CLAIMS):
        assert cli("add", f"Seed claim {i}", "--source", "Seed Source", "--tag", "seed").exit_code == 0


def read_position(pid: int, path: Path) -> int | None:
    """How far process ``pid``, or the reader process it forked (``claimtrack.readahead``), has
    read ``path`` (None: not open, or no /proc). The reader is at most ~1 MiB of records ahead."""
    for child in _children(pid):
        found = _position(child, path)
        if found is not None:
            return found
    return _position(pid, path)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _position(pid: int, path: Path) -> int | None:
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        for fd in fd_dir.iterdir():
            try:
                if os.readlink(fd) == str(path):
                    for line in Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text().splitlines():
                        if line.startswith("pos:"):
                            return int(line.split()[1])
            except OSError:
                continue
    except OSError:
        return None
    return None


def wal_size(db: Path) -> int:
    try:
        return os.path.getsize(f"{db}-wal")
    except OSError:
        return 0


def start_import(file: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "import", str(file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
        # Python only turns SIGINT into KeyboardInterrupt if it is not ignored when it starts.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 - no threads here
    )


def signal_midway(proc: subprocess.Popen[str], file: Path, db: Path, sig: int, fraction: float) -> str:
    """Send ``sig`` once the import is clearly under way; return what showed it (for messages)."""
    size = file.stat().st_size
    wal_start = wal_size(db)
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        pos = read_position(proc.pid, file)
        wal = wal_size(db) - wal_start
        if pos is not None and pos >= fraction * size:
            proc.send_signal(sig)
            return f"read {pos:,} of {size:,} bytes, WAL +{wal:,} bytes"
        if wal >= WAL_HALF * fraction / 0.5:
            proc.send_signal(sig)
            return f"WAL +{wal:,} bytes (read position {pos})"
        time.sleep(0.05)
    return "finished before the signal"


def claim_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM claim").fetchone()[0]
    finally:
        conn.close()


def check_sound(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # The search index agrees with the claims it indexes.
        conn.execute("INSERT INTO claim_fts (claim_fts) VALUES ('integrity-check')")
        conn.rollback()
    finally:
        conn.close()


@pytest.mark.slow
def test_import_killed_midway_leaves_all_or_nothing(cli: Callable, db_path: Path, bulk_file: Path):
    seed(cli)
    before = table_digest(db_path)

    proc = start_import(bulk_file)
    how = signal_midway(proc, bulk_file, db_path, signal.SIGKILL, fraction=0.5)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, (
        f"the import was not killed mid-way ({how}; exit {proc.returncode}: {err})"
    )

    check_sound(db_path)
    count = claim_count(db_path)
    assert count in (SEED_CLAIMS, SEED_CLAIMS + CLAIMS), f"partial import: {count} claims after SIGKILL ({how})"
    if count == SEED_CLAIMS:
        assert table_digest(db_path) == before, "the killed import left some of its rows behind"

    # The database is still usable afterwards.
    from conftest import run_process

    after = run_process("add", "Written after the crash", "--source", "Seed Source")
    assert after.returncode == 0, after.stderr
    assert claim_count(db_path) == count + 1
    check_sound(db_path)


@pytest.mark.slow
def test_import_interrupted_exits_130_and_changes_nothing(cli: Callable, db_path: Path, bulk_file: Path):
    seed(cli)
    before = table_digest(db_path)
    # If an attempt finishes before the signal lands, start again from a fresh copy, signalling earlier.
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    pristine = db_path.read_bytes()
    outcomes = []
    for fraction in (0.5, 0.25, 0.1):
        proc = start_import(bulk_file)
        how = signal_midway(proc, bulk_file, db_path, signal.SIGINT, fraction=fraction)
        _, err = proc.communicate(timeout=300)
        outcomes.append(f"fraction {fraction}: {how}; exit {proc.returncode}; {err.strip()[-300:]}")
        if proc.returncode == 0:  # done before the signal landed: not an interruption, try again
            for suffix in ("-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            db_path.write_bytes(pristine)
            continue
        break
    else:
        pytest.fail("the import always finished before SIGINT landed:\n" + "\n".join(outcomes))

    assert proc.returncode == 130, "\n".join(outcomes)
    assert "Traceback" not in err
    check_sound(db_path)
    assert table_digest(db_path) == before, "an interrupted import changed the database"
    assert claim_count(db_path) == SEED_CLAIMS
