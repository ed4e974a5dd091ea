"""Issue 29, point 5: concurrent writers keep one unbroken hash chain.

Eight real processes (forked by tests/forkserver.py) each run fifty mixed writes at the same time:
adds, notes, confidence changes, status changes, small CSV imports (the bulk path) and undos. The
write lock serialises them (``store.locking``), and each hashes its rows after the newest row it
finds under that lock (``store.chain``). Afterwards ``db check`` is ok, both chains verify, and every
command that exited 0 left its change: its journal row and its events. Runs on SQLite, and on
PostgreSQL with CLAIMTRACK_TEST_DB.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import forkserver
from conftest import Run, open_db
from test_chain import assert_chained, check

WORKERS = 8
COMMANDS = 50
VERBS = ("confirm", "dispute", "refute", "reopen")


def plan(worker: int, folder: Path) -> list[tuple[str, str, list[str]]]:
    """One worker's commands: (kind, the marker its change leaves, CLI arguments)."""
    steps = []
    for k in range(COMMANDS):
        mark = f"w{worker}-k{k}"
        cid = str(1 + (worker * COMMANDS + k) % 5)
        match k % 7:
            case 0 | 4:
                steps.append(("add", mark, ["add", f"Claim {mark}", "--source", f"Desk {worker % 3}"]))
            case 1 | 5:
                steps.append(("note", mark, ["note", cid, f"note {mark}"]))
            case 2:
                steps.append(("set", mark, ["set", cid, "--confidence", f"0.{worker}{k:02d}", "--add-tag", mark]))
            case 3:
                steps.append(("status", mark, [VERBS[(worker + k) % 4], cid, "--note", f"status {mark}"]))
            case _:
                if k % 2:
                    csv = folder / f"{mark}.csv"
                    csv.write_text(f"text,source\nImported {mark} a,Wire\nImported {mark} b,Wire\n", encoding="utf-8")
                    steps.append(("import", mark, ["import", str(csv)]))
                else:
                    steps.append(("undo", mark, ["undo"]))
    return steps


def run_worker(worker: int, folder: Path, start: threading.Barrier, results: list[tuple[Any, ...]]) -> None:
    env = {**os.environ, "CLAIMTRACK_DEBUG": "0"}
    steps = plan(worker, folder)
    start.wait()
    for kind, mark, args in steps:
        proc = forkserver.run(args, capture_output=True, text=True, env=env, timeout=120, check=False)
        results.append((kind, mark, args, proc.returncode, proc.stderr))


@pytest.mark.slow
def test_eight_writers_at_once_keep_one_chain_and_lose_nothing(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    for i in range(5):
        assert cli("add", f"Shared claim {i}", "--source", "Desk 0", "--confidence", "0.5").exit_code == 0
    start = threading.Barrier(WORKERS)
    results: list[tuple[Any, ...]] = []
    threads = [threading.Thread(target=run_worker, args=(w, tmp_path, start, results)) for w in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not any(t.is_alive() for t in threads), "a worker hung"
    assert len(results) == WORKERS * COMMANDS
    for kind, _, args, code, stderr in results:  # a refusal is one line, never a crash or a lock error
        assert code in (0, 1), (args, code, stderr)
        assert "Traceback" not in stderr and "unexpected" not in stderr and "locked" not in stderr, stderr
        assert code == 0 or kind in ("status", "undo"), (args, stderr)  # "already confirmed", "nothing to undo"

    assert check(cli) == (0, [])
    assert_chained(db_path)
    done = [r for r in results if r[3] == 0]
    conn = open_db(db_path)
    try:
        journal = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        assert journal == 5 + len(done)  # each command that exited 0 wrote its journal row, and only those
        notes = {n for (n,) in conn.execute("SELECT note FROM event WHERE note IS NOT NULL")}
        texts = {t for (t,) in conn.execute("SELECT text FROM claim")}
        tags = {t for (t,) in conn.execute("SELECT name FROM tag")}
        undos = conn.execute("SELECT count(*) FROM change_log WHERE command = 'undo'").fetchone()[0]
    finally:
        conn.close()
    for kind, mark, args, _, _ in done:
        if kind == "add":
            assert f"Claim {mark}" in texts, args
        elif kind == "note":
            assert f"note {mark}" in notes, args
        elif kind == "status":
            assert f"status {mark}" in notes, args
        elif kind == "set":
            assert mark in tags, args
        elif kind == "import":
            assert {f"Imported {mark} a", f"Imported {mark} b"} <= texts, args
    assert undos == sum(1 for r in done if r[0] == "undo")
