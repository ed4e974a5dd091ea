"""Several terminals writing to one database at once (DESIGN.md, "Reliability").

Four workers run at the same time, each a thread that starts real ``python -m claimtrack``
processes one after another, so four OS processes hit the same SQLite file together. They add
claims under one new source and tag, note, tag, re-score and change the status of the same three
claims. Writes take the lock up front (``BEGIN IMMEDIATE``), so every command must succeed (no
"database is locked"), no update may be lost, and each claim's history must read as one
unbroken chain: every change's ``old`` is the previous change's ``new``.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import forkserver
from conftest import open_db

WORKERS = 4
COMMANDS = 15  # per worker: 3 adds, 6 notes, 3 sets, 3 status changes
SEED_IDS = (1, 2, 3)
VERBS = {"confirm": "confirmed", "refute": "refuted", "dispute": "disputed", "reopen": "unverified"}
NEW_SOURCE = "Concurrent Source"  # does not exist beforehand: every worker races to create it


@dataclass
class Done:
    worker: int
    step: int
    kind: str  # add | note | set | status
    claim: int | None
    args: list[str]
    returncode: int
    stderr: str


def plan(worker: int) -> list[tuple[str, int | None, list[str]]]:
    """The commands of one worker: (kind, claim id, CLI arguments)."""
    steps: list[tuple[str, int | None, list[str]]] = []
    for k in range(COMMANDS):
        cid = SEED_IDS[(worker + k) % len(SEED_IDS)]
        match k % 5:
            case 0:
                steps.append(
                    (
                        "add",
                        None,
                        [
                            "add",
                            f"Worker {worker} claim {k}",
                            "--source",
                            NEW_SOURCE,
                            "--tag",
                            "concurrent",
                            "--tag",
                            f"w{worker}",
                        ],
                    )
                )
            case 1:
                steps.append(("note", cid, ["note", str(cid), f"w{worker}-note-{k}"]))
            case 2:
                steps.append(
                    (
                        "set",
                        cid,
                        ["set", str(cid), "--add-tag", f"w{worker}-k{k}", "--confidence", f"0.{worker}{k:02d}"],
                    )
                )
            case 3:
                verb = list(VERBS)[(worker + k) % len(VERBS)]
                steps.append(("status", cid, [verb, str(cid), "--note", f"w{worker}-status-{k}"]))
            case _:
                steps.append(
                    (
                        "note",
                        cid,
                        ["note", str(cid), f"w{worker}-note-{k}", "--evidence", f"https://example.org/w{worker}/{k}"],
                    )
                )
    return steps


def run_worker(worker: int, start: threading.Barrier, results: list[Done], lock: threading.Lock) -> None:
    env = {**os.environ, "CLAIMTRACK_DEBUG": "0"}
    start.wait()
    for step, (kind, cid, args) in enumerate(plan(worker)):
        proc = forkserver.run(args, capture_output=True, text=True, env=env, timeout=120, check=False)
        with lock:
            results.append(Done(worker, step, kind, cid, args, proc.returncode, proc.stderr))


def chain_breaks(conn: Any, cid: int, kind: str, first_old: str | None, current: str | None) -> list[str]:
    """Events of one kind, in recording order, must chain: old == previous new, last new == now."""
    rows = conn.execute(
        "SELECT id, old, new FROM event WHERE claim_id = ? AND kind = ? ORDER BY id", (cid, kind)
    ).fetchall()
    problems = []
    expected = first_old
    for eid, old, new in rows:
        if old != expected:
            problems.append(
                f"claim {cid} {kind} event {eid}: old={old!r}, but the value before it was {expected!r} (lost update)"
            )
        expected = new
    if expected != current:
        problems.append(f"claim {cid}: last {kind} event says {expected!r}, the claim holds {current!r}")
    return problems


@pytest.mark.slow
def test_concurrent_writers_all_succeed_and_lose_nothing(cli: Callable, db_path: Path):
    for i in SEED_IDS:
        assert cli("add", f"Seed claim {i}", "--source", "Seed Source").exit_code == 0

    results: list[Done] = []
    lock = threading.Lock()
    start = threading.Barrier(WORKERS)
    threads = [threading.Thread(target=run_worker, args=(w, start, results, lock)) for w in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a worker hung"
    assert len(results) == WORKERS * COMMANDS

    # Every command succeeded; a status command may only fail because the claim already had it.
    failures = [
        r
        for r in results
        if r.returncode != 0 and not (r.kind == "status" and r.returncode == 1 and "already" in r.stderr)
    ]
    assert not failures, "\n".join(f"w{r.worker} {r.args} -> {r.returncode}: {r.stderr.strip()}" for r in failures)
    for r in results:
        assert "locked" not in r.stderr and "busy" not in r.stderr and "Traceback" not in r.stderr, r.stderr

    conn = open_db(db_path)
    try:
        if isinstance(db_path, Path):  # SQLite checks itself; PostgreSQL enforces keys as it goes
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

        # The new source and the shared tag were created once, though every worker raced to.
        sources = conn.execute("SELECT id FROM source WHERE name_key = ?", (NEW_SOURCE.casefold(),)).fetchall()
        assert len(sources) == 1
        assert conn.execute("SELECT count(*) FROM tag WHERE name = 'concurrent'").fetchone()[0] == 1

        for w in range(WORKERS):
            mine = [r for r in results if r.worker == w]
            # adds: every claim is there, under the shared source, with both tags and a created event
            want_texts = sorted(r.args[1] for r in mine if r.kind == "add")
            rows = conn.execute(
                "SELECT c.id, c.text, c.source_id FROM claim c WHERE c.text LIKE ? ORDER BY c.text",
                (f"Worker {w} claim %",),
            ).fetchall()
            assert [t for _, t, _ in rows] == want_texts
            for cid, _, source_id in rows:
                assert source_id == sources[0][0]
                tags = {
                    n
                    for (n,) in conn.execute(
                        "SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = ?", (cid,)
                    )
                }
                assert tags == {"concurrent", f"w{w}"}
                assert (
                    conn.execute(
                        "SELECT count(*) FROM event WHERE claim_id = ? AND kind = 'created'", (cid,)
                    ).fetchone()[0]
                    == 1
                )

            # notes: each one is there exactly once, on the claim it was written to
            want_notes = sorted((r.claim, r.args[2]) for r in mine if r.kind == "note")
            got_notes = sorted(
                conn.execute(
                    "SELECT claim_id, note FROM event WHERE kind = 'note' AND note LIKE ?", (f"w{w}-note-%",)
                ).fetchall()
            )
            assert got_notes == want_notes

            # sets: each tag link and its edit event, and each confidence event, are there
            for r in (r for r in mine if r.kind == "set"):
                tag, value = r.args[3], r.args[5]
                assert (
                    conn.execute(
                        "SELECT count(*) FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = ? AND t.name = ?",
                        (r.claim, tag),
                    ).fetchone()[0]
                    == 1
                )
                assert (
                    conn.execute(
                        "SELECT count(*) FROM event WHERE claim_id = ? AND kind = 'edit' AND field = 'tag' AND new = ?",
                        (r.claim, tag),
                    ).fetchone()[0]
                    == 1
                )
                assert (
                    conn.execute(
                        "SELECT count(*) FROM event WHERE claim_id = ? AND kind = 'confidence' AND new = ?",
                        (r.claim, value),
                    ).fetchone()[0]
                    == 1
                )

            # status changes: one event for each that succeeded, none for each refused
            for r in (r for r in mine if r.kind == "status"):
                n = conn.execute(
                    "SELECT count(*) FROM event WHERE claim_id = ? AND kind = 'status' AND note = ?",
                    (r.claim, r.args[3]),
                ).fetchone()[0]
                assert n == (1 if r.returncode == 0 else 0), r

        # No lost update: each seed claim's history is one unbroken chain ending in its current values.
        problems: list[str] = []
        for cid in SEED_IDS:
            status, confidence = conn.execute("SELECT status, confidence FROM claim WHERE id = ?", (cid,)).fetchone()
            problems += chain_breaks(conn, cid, "status", "unverified", status)
            problems += chain_breaks(
                conn,
                cid,
                "confidence",
                None,
                None if confidence is None else f"{confidence:.6f}".rstrip("0").rstrip("."),
            )
        assert not problems, "\n".join(problems)
    finally:
        conn.close()


def _has_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.sqlite_only  # holds SQLite's write lock by hand
@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs Linux /proc to see when the writer is waiting")
def test_status_change_that_waited_for_the_lock_still_succeeds(cli: Callable, db_path: Path):
    """A writer that waits for the lock while another records a status change must then succeed."""
    from claimtrack import timeutil

    assert cli("add", "Contested claim", "--source", "Seed Source").exit_code == 0
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another claimtrack is writing
        waiter = forkserver.popen(
            ["confirm", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ}
        )
        deadline = time.monotonic() + 60
        while not _has_open(waiter.pid, db_path) and waiter.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(2.5)  # the waiter is now blocked on the lock, its clock reading over a second old
        assert waiter.poll() is None, "confirm did not wait for the lock"
        # ... and the other writer records a dispute, exactly as `claimtrack dispute 1` writes it.
        now = timeutil.now()
        holder.execute("UPDATE claim SET status = 'disputed', updated_at = ? WHERE id = 1", (now,))
        holder.execute(
            "INSERT INTO event (claim_id, at, recorded_at, kind, field, old, new) "
            "VALUES (1, ?, ?, 'status', 'status', 'unverified', 'disputed')",
            (now, now),
        )
        holder.execute("COMMIT")
    finally:
        holder.close()
    _, err = waiter.communicate(timeout=60)
    assert waiter.returncode == 0, err
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT status FROM claim WHERE id = 1").fetchone()[0] == "confirmed"
        assert conn.execute(
            "SELECT old, new FROM event WHERE claim_id = 1 AND kind = 'status' ORDER BY id"
        ).fetchall() == [("unverified", "disputed"), ("disputed", "confirmed")]
    finally:
        conn.close()
