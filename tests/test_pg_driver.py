"""On PostgreSQL, reads and writes run through psycopg directly; SQLAlchemy only migrates and cross-checks.

Like SQLite's ``sqlite3`` path (tests/test_write_drivers.py), a read or write command on a
``postgresql+psycopg://`` database must not import SQLAlchemy, SQLModel or pydantic (checked in a
real process), and the same statements run through SQLAlchemy (``CLAIMTRACK_*_DRIVER=sqlalchemy``)
must give the same answers, leave the same rows and fail with the same one-line errors. The
PostgreSQL tests run when ``CLAIMTRACK_TEST_DB`` names a server; the placeholder rewriting and a
server that is not there are checked everywhere.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from claimtrack.errors import DatabaseError
from claimtrack.store import pgdriver
from conftest import SERVER, Run, open_db
from test_write_drivers import PROBE, SCRIPT, _masked

server_only = pytest.mark.skipif(not SERVER, reason="needs a PostgreSQL server: set CLAIMTRACK_TEST_DB")


def probe(*args: str, env: dict[str, str] | None = None) -> tuple[dict[str, Any], str, str]:
    """Run ``claimtrack ARGS`` in a new process; what it exited with and which heavy modules it imported."""
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_DRIVER")}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.replace("ARGS", repr(list(args)))],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "COLUMNS": "200", **(env or {})},
    )
    out, _, found = proc.stdout.rpartition("\nPROBE ")
    return json.loads(found), out, proc.stderr


def test_placeholders_are_rewritten_as_sqlalchemy_text_does():
    assert pgdriver.adapt("SELECT * FROM claim WHERE id = :id AND status = :status") == (
        "SELECT * FROM claim WHERE id = %(id)s AND status = %(status)s"
    )
    # A cast, a time in a literal and a LIKE pattern's percent sign are not parameters.
    assert pgdriver.adapt("SELECT x::text, '12:30' FROM t WHERE a LIKE '50%' AND b = :b") == (
        "SELECT x::text, '12:30' FROM t WHERE a LIKE '50%%' AND b = %(b)s"
    )
    assert pgdriver.adapt(r"SELECT '\:literal'") == "SELECT ':literal'"


def test_only_psycopg_urls_take_the_psycopg_path():
    from claimtrack.store.target import resolve

    assert pgdriver.uses_psycopg(resolve("postgresql+psycopg://me@127.0.0.1/db"))
    assert not pgdriver.uses_psycopg(resolve("postgresql+psycopg2://me@127.0.0.1/db"))


def test_a_server_that_is_not_there_is_one_line_without_sqlalchemy():
    """With psycopg (the `postgres` extra, which .ci/run's PostgreSQL pass installs): it cannot
    connect; without it (the README's test install): the driver is missing. One line either way."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        expected = r"Error: the driver for postgresql\+psycopg://nobody:\*\*\*@127\.0\.0\.1:9/claims is not installed "
    else:
        expected = r"Error: cannot connect to postgresql\+psycopg://nobody:\*\*\*@127\.0\.0\.1:9/claims: "
    result, out, err = probe("--db", "postgresql+psycopg://nobody:s3cret@127.0.0.1:9/claims", "list")
    assert result["code"] == 1, out + err
    assert re.match(expected, err), err
    assert err.count("\n") == 1 and "s3cret" not in err and "Traceback" not in err
    assert result["heavy"] == []


@server_only
@pytest.mark.parametrize(
    "args",
    [
        ("list", "--limit", "20"),
        ("list", "--search", "korea"),
        ("show", "14"),
        ("log", "--limit", "5"),
        ("summary",),
        ("export", "--format", "jsonl"),
        ("confirm", "14", "--note", "checked"),
        ("add", "A new claim.", "--source", "Someone New", "--tag", "x"),
        ("set", "5", "--confidence", "unlikely", "--add-tag", "y"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_commands_on_postgresql_do_not_import_sqlalchemy(seeded: Callable[..., Run], db_path: str, args):
    result, out, err = probe("--db", db_path, *args)
    assert result["code"] in (0, None), out + err
    assert (out + err).strip(), "the command said nothing"
    assert result["heavy"] == [], f"{args[0]} imported {result['heavy']}"
    assert "Traceback" not in err


@server_only
def test_a_database_whose_schema_is_behind_is_migrated_first(cli, db_path: str):
    """SQLAlchemy runs the migrations: the first command on an empty database creates the schema."""
    result, out, err = probe("--db", db_path, "add", "First claim.", "--source", "Someone")
    assert result["code"] in (0, None), out + err
    assert "sqlalchemy" in result["heavy"]  # it migrated
    result, out, err = probe("--db", db_path, "show", "1")
    assert result["code"] in (0, None) and "First claim." in out, out + err
    assert result["heavy"] == []  # up to date: a version check only


@pytest.fixture
def other_database() -> Any:
    """A second fresh PostgreSQL database (the test's own is ``db_path``), dropped afterwards."""
    import uuid

    from conftest import _admin

    name = f"ct_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{SERVER.rpartition('/')[0]}/{name}"
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    conn = open_db(url)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                "AND table_name <> 'claimtrack_migrations' ORDER BY table_name"
            )
        ]
        return {
            t: [
                tuple(_masked(str(v) if v is not None else v) for v in row)
                for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2')
            ]
            for t in tables
        }
    finally:
        conn.close()


@server_only
def test_both_drivers_leave_the_same_database_on_postgresql(
    cli, other_database: str, db_path: str, monkeypatch: pytest.MonkeyPatch
):
    codes = {}
    for driver, url in (("psycopg", db_path), ("sqlalchemy", other_database)):
        if driver == "sqlalchemy":
            monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", "sqlalchemy")
        else:
            monkeypatch.delenv("CLAIMTRACK_WRITE_DRIVER", raising=False)
        monkeypatch.setenv("CLAIMTRACK_DB", url)
        codes[driver] = [cli(*step).exit_code for step in SCRIPT]
    assert codes["psycopg"] == codes["sqlalchemy"]
    assert codes["psycopg"].count(1) == 5, codes  # the five mistakes of the script failed, the rest wrote
    one, other = _dump(db_path), _dump(other_database)
    assert one == other
    assert len(one["event"]) > 40


@server_only
@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--search", "russia", "--status", "confirmed"),
        ("show", "4"),
        ("log",),
        ("summary",),
        ("export", "--format", "json"),
        ("list", "--as-of", "2023-03-01"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_both_read_drivers_give_the_same_answer_on_postgresql(seeded, cli, monkeypatch: pytest.MonkeyPatch, args):
    assert cli("confirm", "14", "--note", "n").exit_code == 0
    monkeypatch.delenv("CLAIMTRACK_READ_DRIVER", raising=False)
    direct = cli(*args)
    monkeypatch.setenv("CLAIMTRACK_READ_DRIVER", "sqlalchemy")
    alchemy = cli(*args)
    assert direct.exit_code == alchemy.exit_code == 0, direct.stderr + alchemy.stderr
    assert direct.stdout == alchemy.stdout and direct.stdout.strip()


@server_only
@pytest.mark.parametrize("driver", ["psycopg", "sqlalchemy"])
def test_a_failed_write_is_the_same_one_line_through_either_driver(
    seeded, db_path: str, monkeypatch: pytest.MonkeyPatch, driver: str
):
    from claimtrack.store.database import Database
    from claimtrack.store.target import resolve

    monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", driver)
    db = Database.open(resolve(db_path))
    try:
        with pytest.raises(
            DatabaseError, match=r"^could not write to .*duplicate key value violates unique constraint"
        ):
            with db.writing() as w:
                assert type(w).__name__ == ("PgWriter" if driver == "psycopg" else "AlchemyWriter")
                w.execute("INSERT INTO tag (name) VALUES (:name)", {"name": "cut"})
                w.execute("INSERT INTO tag (name) VALUES (:name)", {"name": "cut"})
        assert db.query("SELECT id FROM tag WHERE name = :name", {"name": "cut"}) == []  # rolled back
        with db.writing() as w:  # the connection is usable again
            new = w.insert("tag", {"name": "kept"})
        assert db.query_one("SELECT name FROM tag WHERE id = :id", {"id": new}) == {"name": "kept"}
    finally:
        db.close()


@server_only
def test_reads_in_one_snapshot_stream_while_others_write(seeded, db_path: str, monkeypatch: pytest.MonkeyPatch):
    """Inside ``reading()`` rows come from a server-side cursor, other queries can run between them,
    and a change committed meanwhile is not seen until the block ends."""
    from claimtrack.store.database import Database
    from claimtrack.store.target import resolve

    monkeypatch.delenv("CLAIMTRACK_READ_DRIVER", raising=False)
    monkeypatch.setattr(pgdriver, "STREAM_ROWS", 3)
    reader, writer = Database.open(resolve(db_path)), Database.open(resolve(db_path))
    try:
        with reader.reading():
            seen = []
            for row in reader.iterate("SELECT id, status FROM claim ORDER BY id"):
                seen.append(row["id"])
                if row["id"] == 2:
                    with writer.writing() as w:
                        w.execute("UPDATE claim SET status = 'refuted' WHERE id = 14")
                reader.query_one("SELECT count(*) AS n FROM event")  # between two fetches
            assert reader.query_one("SELECT status FROM claim WHERE id = 14") == {"status": "unverified"}
        assert seen == sorted(seen) and len(seen) > 20
        assert reader.query_one("SELECT status FROM claim WHERE id = 14") == {"status": "refuted"}
    finally:
        reader.close()
        writer.close()


def test_only_plain_inserts_are_sent_as_copy():
    from claimtrack.store.writer import insert_sql

    assert pgdriver.copy_statement(insert_sql("claim_tag", ("claim_id", "tag_id"))) == (
        "COPY claim_tag (claim_id, tag_id) FROM STDIN",
        ("claim_id", "tag_id"),
        frozenset({"claim_id", "tag_id"}),
    )
    assert pgdriver.copy_statement("INSERT INTO t (a, b) VALUES (:a, :c)") is None
    assert pgdriver.copy_statement("INSERT INTO t (a) VALUES (:a) ON CONFLICT DO NOTHING") is None
    assert pgdriver.copy_statement("UPDATE t SET a = :a") is None


@server_only
def test_an_import_through_copy_leaves_what_sqlalchemy_leaves(
    cli, other_database: str, db_path: str, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    records = tmp_path / "claims.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for i in range(3 * pgdriver.COPY_FROM_ROWS):
            record = {
                "text": f"Claim {i}: a tab\there, a backslash \\ and a quote ' in it.",
                "source": f"Source {i % 4}",
                "confidence": None if i % 5 == 0 else round(i / 100, 2),
                "status": ("unverified", "confirmed", "refuted")[i % 3],
                "said_on": f"2024-01-{i % 28 + 1:02d}",
                "tags": [f"tag{i % 3}", "common"],
            }
            out.write(json.dumps(record) + "\n")
    for driver, url in (("psycopg", db_path), ("sqlalchemy", other_database)):
        monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", driver)
        monkeypatch.setenv("CLAIMTRACK_DB", url)
        assert cli("init").exit_code == 0
        imported = cli("import", str(records))
        assert imported.exit_code == 0, imported.stderr
    one, other = _dump(db_path), _dump(other_database)
    assert one == other
    assert len(one["claim"]) == 3 * pgdriver.COPY_FROM_ROWS and len(one["claim_tag"]) == 6 * pgdriver.COPY_FROM_ROWS
    monkeypatch.delenv("CLAIMTRACK_WRITE_DRIVER")
    shown = cli("list", "--search", "backslash", "--limit", "2")
    assert shown.exit_code == 0 and "a backslash \\ and a quote ' in it" in shown.stdout
