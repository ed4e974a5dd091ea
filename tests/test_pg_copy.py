"""An import's COPYs sent by a second thread (store/pgcopy.py): the same rows in the same order, a
failure named and nothing kept, Ctrl-C and errors stop the thread before the rollback."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from claimtrack.errors import DatabaseError
from claimtrack.store import pgdriver
from claimtrack.store.target import Target
from conftest import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="needs a PostgreSQL server: set CLAIMTRACK_TEST_DB")


def _connect(url: str) -> Any:
    return pgdriver.connect(Target(url=url, path=None))


def _fail(exc: BaseException, statement: str | None) -> DatabaseError:
    return DatabaseError(f"refused: {statement}: {str(exc).splitlines()[0]}")


def _rows(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [{"n": start + i, "word": f"w{start + i}"} for i in range(n)]


@pytest.fixture
def conn(server_database: str) -> Any:
    made = _connect(server_database)
    with made.cursor() as cursor:
        cursor.execute("CREATE TABLE t (n INTEGER PRIMARY KEY CHECK (n <> -666), word TEXT NOT NULL)")
    yield made
    made.close()


def _stored(conn: Any) -> list[tuple[int, str]]:
    with conn.cursor() as cursor:
        cursor.execute("SELECT n, word FROM t ORDER BY n")
        return cursor.fetchall()


def test_batches_sent_through_the_pipe_are_all_stored_in_order_before_the_next_statement(conn: Any):
    with pgdriver.writing(conn, _fail) as w:
        for start in range(0, 1000, 100):
            w.executemany("INSERT INTO t (n, word) VALUES (:n, :word)", _rows(100, start))
        assert w.pipe.thread is not None  # they went through the pipe
        # a statement after them sees every row sent before it
        assert w.rows("SELECT count(*) AS c FROM t")[0]["c"] == 1000
        w.executemany("INSERT INTO t (n, word) VALUES (:n, :word)", _rows(50, 1000))
    assert _stored(conn) == [(i, f"w{i}") for i in range(1050)]


def test_a_batch_the_server_refuses_names_its_statement_and_nothing_is_kept(conn: Any):
    rows = _rows(1000)
    rows[666]["n"] = -666  # refused by the table's CHECK
    with pytest.raises(DatabaseError, match=r"refused: INSERT INTO t .*violates check constraint"):
        with pgdriver.writing(conn, _fail) as w:
            for start in range(0, 1000, 100):  # the batch holding -666 fails; later ones are not stored
                w.executemany("INSERT INTO t (n, word) VALUES (:n, :word)", rows[start : start + 100])
    assert _stored(conn) == []
    assert w.pipe.thread is None  # stopped before the rollback
    assert not [t for t in threading.enumerate() if t.name == "claimtrack-copy"]


def test_an_error_in_this_thread_stops_the_copy_running_and_rolls_back(conn: Any):
    big = _rows(200_000, 1000)
    with pytest.raises(KeyboardInterrupt):
        with pgdriver.writing(conn, _fail) as w:
            w.executemany("INSERT INTO t (n, word) VALUES (:n, :word)", _rows(100))
            w.executemany("INSERT INTO t (n, word) VALUES (:n, :word)", big)
            raise KeyboardInterrupt  # Ctrl-C while the server stores the big batch
    assert w.pipe.thread is None
    assert _stored(conn) == []
    with pgdriver.writing(conn, _fail) as w:  # the connection is usable again
        w.executemany("INSERT INTO t (n, word) VALUES (:n, :word)", _rows(30))
    assert len(_stored(conn)) == 30


def test_an_import_of_many_batches_through_the_pipe_is_whole_and_its_chain_checks(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    records = [
        {"text": f"Claim {i}\twith a tab, a back\\slash and 100%.", "source": f"S{i % 7}", "tags": [f"t{i % 5}"]}
        for i in range(2500)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert cli("import", str(path)).exit_code == 0
    shown = json.loads(cli("list", "--format", "json", "--limit", "3000").stdout)
    assert sorted(c["text"] for c in shown) == sorted(r["text"] for r in records)
    assert cli("db", "check").exit_code == 0


def test_the_newest_events_come_from_the_index_without_a_sort(cli, db_path: str, tmp_path: Path):
    """m012: an import gives its events one time; ``log`` must not sort them all to show 20."""
    from conftest import pg_connect

    path = tmp_path / "same_time.jsonl"
    path.write_text(
        "".join(json.dumps({"text": f"Claim number {i}.", "source": "S"}) + "\n" for i in range(3000)), encoding="utf-8"
    )
    assert cli("import", str(path)).exit_code == 0
    assert cli("log", "--limit", "20").exit_code == 0
    with pg_connect(db_path, autocommit=True) as conn:
        names = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'event'").fetchall()}
        plan = "\n".join(
            r[0] for r in conn.execute("EXPLAIN SELECT id FROM event ORDER BY at DESC, id DESC LIMIT 20").fetchall()
        )
    assert "ix_event_at_id" in names and "ix_event_at" not in names
    assert "Sort" not in plan and "ix_event_at_id" in plan, plan
    assert cli("db", "check").exit_code == 0
