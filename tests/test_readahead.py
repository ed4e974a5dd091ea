"""An import file read and checked by a second process gives exactly what one process gives.

Same database, same first error, nothing written on failure, and the reader process always
reaped: after a success, a bad record, a crash in the reader, a reader that dies, and a writer
that stops early.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import forkserver
from claimtrack import readahead
from claimtrack.choices import ImportFormat
from conftest import table_digest
from test_write_drivers import dump

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the reader process is used on Linux only")


def children() -> list[int]:
    """Processes whose parent is this one (zombies included), but for the zygote of
    tests/forkserver.py that the suite's other tests start processes from."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid() and int(entry) not in forkserver.zygotes():
                found.append(int(entry))
    return found


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the reader processes started."""
    started: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            started.append(pid)
        return pid

    monkeypatch.setattr(readahead.os, "fork", fork)
    return started


def write_backup(path: Path, n: int, bad_at: int | None = None) -> Path:
    lines: list[dict[str, Any]] = [
        {"type": "header", "format": "claimtrack", "version": 1},
        {
            "type": "source",
            "name": "Reader Source",
            "kind": "outlet",
            "reliability": "B",
            "url": None,
            "notes": "n",
            "created_at": "2024-01-01T00:00:00Z",
        },
    ]
    for i in range(n):
        claim: dict[str, Any] = {
            "type": "claim",
            "text": f"Claim {i} about Sinuiju.",
            "source": "Reader Source",
            "tags": ["a", f"t{i % 3}"],
            "confidence": (i % 10) / 10,
            "said_on": "2024-02-01",
        }
        if i % 4 == 0:
            claim.update(
                uuid=f"00000000-0000-4000-8000-{i:012d}",
                id=10_000 + i,
                status="confirmed",
                created_at="2024-02-02T00:00:00Z",
                updated_at="2024-03-01T00:00:00Z",
                events=[
                    {"at": "2024-02-02T00:00:00Z", "recorded_at": "2024-02-02T00:00:00Z", "kind": "created"},
                    {
                        "at": "2024-03-01T00:00:00Z",
                        "kind": "status",
                        "old": "unverified",
                        "new": "confirmed",
                        "evidence_url": "https://example.org/x",
                    },
                ],
            )
        if i == bad_at:
            claim["confidence"] = "sure"
        lines.append(claim)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.sqlite_only
def test_the_reader_and_one_process_import_the_same_database(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks
):
    source = write_backup(tmp_path / "b.jsonl", readahead.BATCH * 5 + 7)
    results = []
    for mode in ("process", "inline"):
        monkeypatch.setenv(readahead.READER_ENV, mode)
        db = tmp_path / f"{mode}.db"
        assert cli("--db", str(db), "init", "--seed").exit_code == 0
        run = cli("--db", str(db), "import", str(source))
        assert run.exit_code == 0, run.stderr
        results.append((run.stderr, dump(db)))
    assert len(forks) == 1  # the reader ran for the first import only
    assert results[0] == results[1]
    assert results[0][0] == f"Imported {readahead.BATCH * 5 + 7} claims.\n"
    assert children() == []


def test_a_bad_record_gives_the_same_error_and_writes_nothing(
    seeded, db_path: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks
):
    source = write_backup(tmp_path / "bad.jsonl", readahead.BATCH * 4, bad_at=readahead.BATCH * 3 + 2)
    before = table_digest(db_path)
    errors = []
    for mode in ("process", "inline"):
        monkeypatch.setenv(readahead.READER_ENV, mode)
        run = seeded("import", str(source))
        assert run.exit_code == 1
        errors.append(run.stderr)
    assert len(forks) == 1
    assert errors[0] == errors[1]
    assert errors[0].startswith(
        f"Error: record {readahead.BATCH * 3 + 3} (line {readahead.BATCH * 3 + 5}), field 'confidence'"
    )
    assert table_digest(db_path) == before
    assert children() == []


def test_a_crash_in_the_reader_is_reported_and_writes_nothing(
    seeded, db_path: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks
):
    from claimtrack import importer

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(importer, "validate_claim", broken)  # the reader is forked with it
    before = table_digest(db_path)
    run = seeded("import", str(write_backup(tmp_path / "b.jsonl", 10)))
    assert run.exit_code == 1
    assert run.stderr.count("\n") == 1 and "ZeroDivisionError: a bug" in run.stderr
    assert "Traceback" not in run.stderr
    assert len(forks) == 1 and children() == []
    assert table_digest(db_path) == before


def test_a_reader_that_dies_stops_the_import(
    seeded, db_path: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks
):
    monkeypatch.setattr(readahead, "_read", lambda *_args: os._exit(3))
    before = table_digest(db_path)
    source = write_backup(tmp_path / "b.jsonl", 10)
    run = seeded("import", str(source))
    assert run.exit_code == 1
    assert (
        run.stderr == f"Error: reading {source} stopped unexpectedly (the reader process ended); nothing was imported\n"
    )
    assert table_digest(db_path) == before
    assert children() == []


def test_a_writer_that_stops_early_kills_and_reaps_the_reader(tmp_path: Path, forks):
    items = readahead.validated(
        str(write_backup(tmp_path / "big.jsonl", readahead.BATCH * 40)), ImportFormat.jsonl, "x"
    )
    first = [next(items) for _ in range(3)]
    assert [type(i).__name__ for i in first] == ["ImportedSource", "ImportedClaim", "ImportedClaim"]
    assert len(forks) == 1 and children() == forks
    items.close()  # what an error or Ctrl-C in the writer does
    assert children() == []


def test_standard_input_and_a_terminal_keep_one_process(seeded, tmp_path: Path, forks):
    text = write_backup(tmp_path / "b.jsonl", 5).read_text(encoding="utf-8")
    run = seeded("import", "-", input=text)
    assert run.exit_code == 0, run.stderr
    assert forks == []


@pytest.mark.sqlite_only
def test_ctrl_c_after_the_commit_reports_the_claims_saved(
    seeded, db_path: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """An import whose Ctrl-C lands once its transaction is committed must not look failed: the
    user would import again, and a CSV (no uuids) would then be doubled."""
    from claimtrack.store import database, imports

    def interrupted(self: Any) -> str | None:
        raise KeyboardInterrupt

    monkeypatch.setattr(database.Database, "checkpoint", interrupted)
    run = seeded("import", str(write_backup(tmp_path / "b.jsonl", imports.BATCH)))
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        f"Imported {imports.BATCH} claims.",
        f"Warning: imported {imports.BATCH} claims, but folding the write-ahead log into the database file failed "
        "(interrupted); the claims are saved, so do not import them again",
    ]


def test_a_fifo_is_read_once_in_one_process(seeded, tmp_path: Path, forks):
    """A FIFO (or a shell's ``<(...)``) can be read only once: the reader would reopen it and hang."""
    import threading

    fifo = tmp_path / "claims.jsonl"
    os.mkfifo(fifo)
    text = write_backup(tmp_path / "b.jsonl", 5).read_text(encoding="utf-8")

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as out:
            out.write(text)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    run = seeded("import", str(fifo))
    writer.join(timeout=30)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == "Imported 5 claims.\n"
    assert forks == []


def test_an_import_under_a_progress_bar_works(seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks):
    """On a terminal the bar follows the bytes read (one process). It used to fail at once with
    AttributeError: '_ReadContext' object has no attribute 'close' (rich.progress.open is a context)."""
    from claimtrack.cli import output as cli

    monkeypatch.setattr(cli, "progress_wanted", lambda: True)
    run = seeded("import", str(write_backup(tmp_path / "b.jsonl", 40)))
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[-1] == "Imported 40 claims."
    assert forks == []


def test_a_claim_crosses_the_pipe_whole() -> None:
    """The reader sends claims pickled as their constructor's arguments (``ImportedClaim.__reduce__``):
    every field, each set to a value other than its default, comes back the same."""
    import dataclasses
    import pickle

    from claimtrack.store.imported import ImportedClaim

    values: dict[str, Any] = {}
    for i, f in enumerate(dataclasses.fields(ImportedClaim)):
        if f.name == "confidence":
            values[f.name] = 0.25
        elif f.name == "id":
            values[f.name] = 41
        elif f.name == "tags":
            values[f.name] = ("north-korea", "russia")
        elif f.name == "events":
            values[f.name] = [{"kind": "created", "at": "2026-01-02T03:04:05Z", "new": None}]
        else:
            values[f.name] = f"{f.name}-{i}"
    claim = ImportedClaim(**values)
    back = pickle.loads(pickle.dumps(claim, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == claim
    assert [getattr(back, f.name) for f in dataclasses.fields(ImportedClaim)] == list(values.values())
