"""Writes on SQLite run through ``sqlite3``; the same statements through SQLAlchemy must agree.

Every write command is replayed on two fresh databases, one per write driver
(``CLAIMTRACK_WRITE_DRIVER``), and the two databases must hold the same rows, apart from what is
random or the clock's (uuids, recorded times). A write command must not import the SQLAlchemy,
SQLModel or pydantic stack: that import is what made writes slow.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import writes
from conftest import SEED_CLAIMS, Run

pytestmark = pytest.mark.sqlite_only

# A day of an analyst's work: every write command, with every option, and mistakes that write nothing.
# Claims 5, 14 and 15 are unverified in the seed; 30 and 31 are the first two added here.
ADDED, SECOND = str(SEED_CLAIMS + 1), str(SEED_CLAIMS + 2)  # the ids of the first two claims the script adds
SCRIPT: list[tuple[str, ...]] = [
    ("init", "--seed"),
    (
        "add",
        "Pyongyang sent 10,000 more workers to Russia.",
        "--source",
        "Yonhap",
        "--confidence",
        "likely",
        "--tag",
        "workers",
        "--tag",
        "labour",
        "--said-on",
        "2025-06-01",
        "--quote",
        "ten thousand",
        "--url",
        "https://example.org/a",
        "--review-by",
        "2026-01-01",
        "--note",
        "from the wire",
    ),
    ("add", "A second claim from a new source.", "--source", "Brand New Outlet", "--status", "disputed"),
    ("add", "Yonhap again, other case.", "--source", "YONHAP", "--confidence", "0.35"),
    ("confirm", "5", "--note", "the cable says so", "--evidence", "https://example.org/cable", "--at", "2025-07-01"),
    ("refute", "14", "--note", "denied"),
    ("dispute", "15"),
    ("reopen", "5"),
    ("confirm", "5"),
    ("confirm", "5"),  # already confirmed: nothing changes, exit 1
    ("refute", "999"),  # no such claim: exit 1
    (
        "set",
        ADDED,
        "--confidence",
        "very likely",
        "--text",
        "Pyongyang sent 12,000 workers.",
        "--add-tag",
        "russia",
        "--remove-tag",
        "labour",
        "--url",
        "",
        "--quote",
        "",
        "--review-by",
        "2026-02-01",
        "--said-on",
        "2025-06-02",
    ),
    ("set", ADDED, "--source", "The Bell"),
    ("set", ADDED, "--source", "Another New Source", "--note", "moved"),
    ("set", SECOND, "--confidence", "none"),
    ("set", ADDED, "--confidence", "very likely"),  # the same value: nothing changes, exit 1
    ("note", "4", "an update from Seoul", "--evidence", "https://example.org/seoul"),
    ("note", "999", "nowhere"),
    (
        "source",
        "set",
        "Yonhap",
        "--kind",
        "outlet",
        "--reliability",
        "B",
        "--url",
        "https://yna.co.kr",
        "--notes",
        "wire",
    ),
    ("source", "set", "Yonhap", "--kind", "outlet"),  # unchanged
    ("source", "set", "A Brand New Person", "--kind", "person"),
]

_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HASH = re.compile(r"^[0-9a-f]{64}$")


def _masked(value: Any) -> Any:
    if isinstance(value, str) and _TIME.match(value) and not value.startswith("2025-07-01"):
        return "<now>"  # recorded by the clock; a given --at is compared as is
    if isinstance(value, str) and _UUID.match(value):
        return "<uuid>"
    if isinstance(value, str) and _HASH.match(value):
        return "<hash>"  # a chain hash (store.chain) covers the clock times masked above
    return value


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every claimtrack table, clock times and uuids masked."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'claim_fts%' AND name NOT LIKE 'source_fts%' "
                "AND name NOT IN ('sqlite_sequence', 'claimtrack_migrations') ORDER BY name"
            )
        ]
        data = {
            t: [tuple(_masked(v) for v in row) for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2')]
            for t in tables
        }
        for fts in ("claim_fts", "source_fts"):  # what each search index holds: rows and token counts
            data[fts] = list(conn.execute(f"SELECT id, sz FROM {fts}_docsize ORDER BY id"))
            conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")  # raises if out of step
        data["sqlite_sequence"] = list(conn.execute("SELECT * FROM sqlite_sequence ORDER BY name"))
        return data
    finally:
        conn.close()


def replay(cli: Callable[..., Run], path: Path, monkeypatch: pytest.MonkeyPatch, driver: str) -> list[int]:
    monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", driver)
    monkeypatch.setenv("CLAIMTRACK_DB", str(path))
    codes = [cli(*step).exit_code for step in SCRIPT]
    monkeypatch.delenv("CLAIMTRACK_WRITE_DRIVER")
    return codes


def test_both_write_drivers_leave_the_same_database(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    stdlib = replay(cli, tmp_path / "stdlib.db", monkeypatch, "sqlite3")
    alchemy = replay(cli, tmp_path / "alchemy.db", monkeypatch, "sqlalchemy")
    assert stdlib == alchemy
    assert stdlib.count(0) == len(SCRIPT) - 5 and stdlib.count(1) == 5, stdlib  # the five mistakes failed
    one, other = dump(tmp_path / "stdlib.db"), dump(tmp_path / "alchemy.db")
    assert one == other
    assert len(one["event"]) > 40 and len(one["claim"]) == SEED_CLAIMS + 3  # the script really wrote


def test_the_stdlib_writer_really_wrote_through_sqlite3(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The comparison above means something only if the default driver is not SQLAlchemy."""
    monkeypatch.delenv("CLAIMTRACK_WRITE_DRIVER", raising=False)  # CI also runs the suite with it set
    from claimtrack.store.database import Database
    from claimtrack.store.target import resolve

    assert cli("--db", str(tmp_path / "x.db"), "init").exit_code == 0
    db = Database.open(resolve(str(tmp_path / "x.db")))
    try:
        with db.writing() as w:
            assert type(w).__name__ == "SqliteWriter"
        monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", "sqlalchemy")
        with db.writing() as w:
            assert type(w).__name__ == "AlchemyWriter"
    finally:
        db.close()


def test_every_column_the_writes_name_is_in_the_models():
    """``store.writes`` (and the transaction and source changes split from it) spells tables and
    columns as text: they must be those of ``store.models``."""
    from claimtrack.store import changing, models, sources

    columns = {t.name: set(t.columns.keys()) for t in models.SQLModel.metadata.sorted_tables}
    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (writes, changing, sources))
    for table, names in re.findall(r"SELECT ([\w, .]+) FROM (\w+)", source):
        if table in columns:
            for name in re.findall(r"\b(?:\w+\.)?(\w+)\b", names):
                assert name in columns[table] or name in ("id",), (table, name)
    for name in (*writes.CLAIM_FIELDS, *writes.EDITABLE):
        assert name in columns["claim"], name
    for name in sources.SOURCE_DETAILS:
        assert name in columns["source"], name


PROBE = """
import json, runpy, sys
sys.argv = ["claimtrack", *ARGS]
code = "no exit"
try:
    runpy.run_module("claimtrack", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "sqlmodel", "pydantic"})
print("\\nPROBE " + json.dumps({"code": code, "heavy": heavy}))
"""

WRITES = [
    ("add", "A claim made today.", "--source", "Someone New", "--tag", "x", "--confidence", "likely"),
    ("confirm", "14", "--note", "n"),  # 14, 15 and 17 are unverified in the seed
    ("refute", "15"),
    ("dispute", "17"),
    ("reopen", "4"),
    ("set", "5", "--confidence", "unlikely", "--add-tag", "y", "--source", "Another"),
    ("note", "6", "more news", "--evidence", "https://example.org/n"),
    ("source", "set", "The Bell", "--kind", "outlet"),
]


@pytest.fixture
def seeded_file(cli, tmp_path: Path) -> Path:
    path = tmp_path / "seeded.db"
    assert cli("--db", str(path), "init", "--seed").exit_code == 0
    assert cli("--db", str(path), "reopen", "4").exit_code in (0, 1)
    assert cli("--db", str(path), "confirm", "4").exit_code in (0, 1)  # so that reopen 4 changes something
    return path


@pytest.mark.parametrize("args", WRITES, ids=[" ".join(a[:2]) for a in WRITES])
def test_write_commands_do_not_import_the_database_stack(seeded_file: Path, args: tuple[str, ...]):
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.replace("ARGS", repr(["--db", str(seeded_file), *args]))],
        capture_output=True,
        text=True,
        timeout=120,
        env={**{k: v for k, v in os.environ.items() if not k.endswith("_DRIVER")}, "COLUMNS": "200"},
    )
    out, _, probe = proc.stdout.rpartition("\nPROBE ")
    result = json.loads(probe)
    assert result["code"] in (0, None), proc.stdout + proc.stderr  # the write really happened
    assert result["heavy"] == [], f"{args[0]} imported {result['heavy']}"
    assert "Traceback" not in proc.stderr
