"""On PostgreSQL, reads and writes run through psycopg2 directly; SQLAlchemy only migrates and cross-checks.

Like SQLite's ``sqlite3`` path (tests/test_write_drivers.py), a read or write command on a
``postgresql://`` database must not import SQLAlchemy, SQLModel or pydantic, nor psycopg 3 (checked
in a real process), and the same statements run through SQLAlchemy (``CLAIMTRACK_*_DRIVER=sqlalchemy``)
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
    """Run ``claimtrack ARGS`` in a new process; what it exited with and which heavy modules it imported
    (psycopg 3 counts as one: it cost ~0.1 s a command, where psycopg2 costs ~20 ms)."""
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_DRIVER")}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE.replace("ARGS", repr(list(args))).replace('"pydantic"}', '"pydantic", "psycopg"}'),
        ],
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


LIBPQ_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg")


@pytest.mark.parametrize("scheme", LIBPQ_SCHEMES)
def test_every_libpq_url_takes_the_psycopg2_path_and_gives_sqlalchemy_psycopg2(scheme: str):
    from claimtrack.store.target import resolve

    target = resolve(f"{scheme}://me:pw@127.0.0.1:5433/db?sslmode=disable")
    assert pgdriver.direct(target)
    assert pgdriver.dsn(target) == "postgresql://me:pw@127.0.0.1:5433/db?sslmode=disable"
    assert pgdriver.alchemy_url(target) == "postgresql+psycopg2://me:pw@127.0.0.1:5433/db?sslmode=disable"
    assert str(target) == f"{scheme}://me:***@127.0.0.1:5433/db?sslmode=disable"  # shown as typed


def test_other_drivers_go_through_sqlalchemy_with_their_own_driver():
    from claimtrack.store.target import resolve

    for url in ("postgresql+pg8000://me@h/db", "postgresql+asyncpg://me@h/db", "mysql+pymysql://me@h/db"):
        assert not pgdriver.direct(resolve(url))
        assert pgdriver.alchemy_url(resolve(url)) == url


def test_a_server_that_is_not_there_is_one_line_without_sqlalchemy():
    """With psycopg2 (the `postgres` extra, which .ci/run's PostgreSQL pass installs): it cannot
    connect; without it (the README's test install): the driver is missing. One line either way."""
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        expected = r"Error: the driver for postgresql://nobody:\*\*\*@127\.0\.0\.1:9/claims is not installed "
    else:
        expected = r"Error: cannot connect to postgresql://nobody:\*\*\*@127\.0\.0\.1:9/claims: "
    result, out, err = probe("--db", "postgresql://nobody:s3cret@127.0.0.1:9/claims", "list")
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
    for driver, url in (("psycopg2", db_path), ("sqlalchemy", other_database)):
        if driver == "sqlalchemy":
            monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", "sqlalchemy")
        else:
            monkeypatch.delenv("CLAIMTRACK_WRITE_DRIVER", raising=False)
        monkeypatch.setenv("CLAIMTRACK_DB", url)
        codes[driver] = [cli(*step).exit_code for step in SCRIPT]
    assert codes["psycopg2"] == codes["sqlalchemy"]
    assert codes["psycopg2"].count(1) == 5, codes  # the five mistakes of the script failed, the rest wrote
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
@pytest.mark.parametrize("driver", ["psycopg2", "sqlalchemy"])
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
                assert type(w).__name__ == ("PgWriter" if driver == "psycopg2" else "AlchemyWriter")
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


def test_only_plain_inserts_are_sent_as_copy_or_multi_row_values():
    from claimtrack.store.writer import insert_sql

    assert pgdriver.plain_insert(insert_sql("claim_tag", ("claim_id", "tag_id"))) == (
        "claim_tag",
        "COPY claim_tag (claim_id, tag_id) FROM STDIN",
        "INSERT INTO claim_tag (claim_id, tag_id) VALUES %s",
        "(%(claim_id)s, %(tag_id)s)",
        ("claim_id", "tag_id"),
        frozenset({"claim_id", "tag_id"}),
    )
    assert pgdriver.plain_insert("INSERT INTO t (a, b) VALUES (:a, :c)") is None
    assert pgdriver.plain_insert("INSERT INTO t (a) VALUES (:a) ON CONFLICT DO NOTHING") is None
    assert pgdriver.plain_insert("UPDATE t SET a = :a") is None


def test_copy_text_escapes_what_copy_reads_as_syntax():
    rows = [
        {"a": "tab\there, new\nline, cr\r, back\\slash \\N, 50% %(x)s", "b": None, "c": True},
        {"a": "", "b": -1.5e-07, "c": False},
        {"a": "ünï", "b": 7, "c": None},
    ]
    assert pgdriver.copy_text(rows, ("a", "b", "c")) == (
        "tab\\there, new\\nline, cr\\r, back\\\\slash \\\\N, 50% %(x)s\t\\N\tt\n\t-1.5e-07\tf\nünï\t7\t\\N\n"
    )
    assert pgdriver.copy_text([{"a": b"bytes"}], ("a",)) is None  # a type it does not write: INSERT instead


ROWS = 60


@server_only
@pytest.mark.parametrize("copy_from", [20, ROWS + 1], ids=["copy", "multi-row insert"])
def test_an_import_through_copy_or_multi_row_inserts_leaves_what_sqlalchemy_leaves(
    cli, other_database: str, db_path: str, tmp_path, monkeypatch: pytest.MonkeyPatch, copy_from: int
):
    monkeypatch.setattr(pgdriver, "COPY_FROM_ROWS", copy_from)
    monkeypatch.setattr(pgdriver, "BATCH_ROWS", 7)  # several statements a table, the last one short
    monkeypatch.setattr(pgdriver, "ANALYZE_AFTER_ROWS", ROWS)
    records = tmp_path / "claims.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for i in range(ROWS):
            record = {
                "text": f"Claim {i}: a tab\there, a backslash \\ and a quote ' in it, 50% %(x)s \\N.",
                "source": f"Source {i % 4}",
                "confidence": None if i % 5 == 0 else round(i / 100, 2),
                "status": ("unverified", "confirmed", "refuted")[i % 3],
                "said_on": f"2024-01-{i % 28 + 1:02d}",
                "tags": [f"tag{i % 3}", "common"],
            }
            out.write(json.dumps(record) + "\n")
    for driver, url in (("psycopg2", db_path), ("sqlalchemy", other_database)):
        monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", driver)
        monkeypatch.setenv("CLAIMTRACK_DB", url)
        assert cli("init").exit_code == 0
        imported = cli("import", str(records))
        assert imported.exit_code == 0, imported.stderr
    one, other = _dump(db_path), _dump(other_database)
    assert one == other
    assert len(one["claim"]) == ROWS and len(one["claim_tag"]) == 2 * ROWS
    conn = open_db(db_path)
    try:  # a bulk load is analyzed once committed: the planner knows the rows (-1: never analyzed)
        analyzed = dict(conn.execute("SELECT relname, reltuples FROM pg_class WHERE relname IN ('claim', 'claim_tag')"))
    finally:
        conn.close()
    assert analyzed == {"claim": ROWS, "claim_tag": 2 * ROWS}
    monkeypatch.delenv("CLAIMTRACK_WRITE_DRIVER")
    shown = cli("list", "--search", "backslash", "--limit", "2")
    assert shown.exit_code == 0 and "a backslash \\ and a quote ' in it, 50% %(x)s \\N." in shown.stdout


@server_only
def test_every_spelling_of_a_libpq_url_reaches_the_same_database(cli, db_path: str, monkeypatch: pytest.MonkeyPatch):
    """``postgres://`` used to be "unknown database type"; ``postgresql+psycopg2://`` went through
    SQLAlchemy. All four are psycopg2 now, and SQLAlchemy (migrating, cross-checking) gets psycopg2 too."""
    rest = db_path.partition("://")[2]
    monkeypatch.setenv("CLAIMTRACK_DB", f"postgres://{rest}")
    assert cli("add", "Made through postgres://.", "--source", "Desk").exit_code == 0  # migrates: SQLAlchemy
    for scheme in LIBPQ_SCHEMES:
        monkeypatch.setenv("CLAIMTRACK_DB", f"{scheme}://{rest}")
        for driver in ("psycopg2", "sqlalchemy"):
            monkeypatch.setenv("CLAIMTRACK_READ_DRIVER", driver)
            monkeypatch.setenv("CLAIMTRACK_WRITE_DRIVER", driver)
            assert cli("note", "1", f"{scheme} {driver}").exit_code == 0
            shown = cli("show", "1", "--format", "json")
            assert shown.exit_code == 0 and "Made through postgres://." in shown.stdout, shown.stderr
    monkeypatch.delenv("CLAIMTRACK_READ_DRIVER")
    notes = [e["note"] for e in json.loads(cli("log", "--format", "json").stdout) if e["note"]]
    assert sorted(notes) == sorted(f"{s} {d}" for s in LIBPQ_SCHEMES for d in ("psycopg2", "sqlalchemy"))
    result, out, err = probe("--db", f"postgres://{rest}", "list")
    assert result["code"] in (0, None) and "Made through" in out, out + err
    assert result["heavy"] == []


@server_only
def test_percent_signs_reach_the_server_as_typed(seeded, db_path: str, monkeypatch: pytest.MonkeyPatch):
    """A ``%`` in a statement (doubled by ``adapt``), in a parameter, or in a ``script`` statement
    (run verbatim, no parameters) is stored as it is, never read as a placeholder."""
    from claimtrack.store.database import Database
    from claimtrack.store.target import resolve

    monkeypatch.delenv("CLAIMTRACK_WRITE_DRIVER", raising=False)
    monkeypatch.delenv("CLAIMTRACK_READ_DRIVER", raising=False)
    db = Database.open(resolve(db_path))
    try:
        with db.writing() as w:
            assert type(w).__name__ == "PgWriter"
            w.script(["INSERT INTO tag (name) VALUES ('50%')", "INSERT INTO tag (name) VALUES ('%%s')"])
            w.execute("INSERT INTO tag (name) VALUES ('%(x)s' || :suffix)", {"suffix": " 100%"})
            w.executemany("INSERT INTO tag (name) VALUES (:name)", [{"name": "a%"}, {"name": "%(b)s"}])
            assert w.rows("SELECT count(*) AS n FROM tag WHERE name LIKE '%\\%%' ESCAPE '\\'")[0]["n"] == 5
        names = {r["name"] for r in db.query("SELECT name FROM tag WHERE name LIKE '%\\%%' ESCAPE '\\'")}
        assert names == {"50%", "%%s", "%(x)s 100%", "a%", "%(b)s"}
        assert "psycopg" not in sys.modules  # psycopg2 ran it all: psycopg 3 is never loaded
    finally:
        db.close()


@server_only
@pytest.mark.parametrize("driver", ["psycopg2", "sqlalchemy"])
def test_reads_are_planned_for_every_row_and_not_compiled(
    seeded, db_path: str, monkeypatch: pytest.MonkeyPatch, driver
):
    """A read streams from a server-side cursor, which PostgreSQL plans for its first tenth unless
    told otherwise: ``list --search zanzibar`` at 50,000 claims then walked the whole id index
    (30 ms) instead of asking the search index (0.4 ms). claimtrack reads its cursors to the end,
    so every connection it opens, through either driver, plans a cursor for all of its rows."""
    from claimtrack.store.database import Database
    from claimtrack.store.target import resolve

    monkeypatch.setenv("CLAIMTRACK_READ_DRIVER", driver)
    db = Database.open(resolve(db_path))
    try:
        with db.reading():
            found = db.query_one(
                "SELECT current_setting('cursor_tuple_fraction') AS fraction, current_setting('jit') AS jit"
            )
            assert found == {"fraction": "1", "jit": "off"}  # jit: due spent 256 of its 296 ms compiling
    finally:
        db.close()
