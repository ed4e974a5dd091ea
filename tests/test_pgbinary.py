"""``match`` reads its claim vectors on PostgreSQL as a binary COPY (``store.pgbinary``), not as hex
text through a cursor (0.3 s of a 1.2 s ``match`` at 50,000 claims, 1.8x SQLite). The format is
checked here byte by byte, and on a server the two ways must read the same vectors."""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

import pytest

from claimtrack.store import pgbinary
from conftest import SERVER, Run


def copy_of(rows: list[tuple[int, bytes | None]], extension: bytes = b"") -> bytes:
    """Rows of (bigint, bytea) as PostgreSQL writes them with COPY ... (FORMAT binary)."""
    out = [pgbinary.SIGNATURE, struct.pack(">ii", 0, len(extension)), extension]
    for cid, blob in rows:
        out.append(struct.pack(">hiq", 2, 8, cid))
        out.append(struct.pack(">i", -1) if blob is None else struct.pack(">i", len(blob)) + blob)
    out.append(struct.pack(">h", -1))
    return b"".join(out)


def test_rows_are_read_back_with_nulls_and_a_header_extension() -> None:
    rows = [(1, b"\x00\x01" * 256), (2**40, None), (7, b""), (9, b"\xff\r\n")]
    assert pgbinary.id_blob_rows(copy_of(rows)) == ([1, 2**40, 7, 9], [b"\x00\x01" * 256, None, b"", b"\xff\r\n"])
    assert pgbinary.id_blob_rows(copy_of(rows[:1], extension=b"abcd")) == ([1], [b"\x00\x01" * 256])
    assert pgbinary.id_blob_rows(copy_of([])) == ([], [])


def test_anything_else_is_refused() -> None:
    with pytest.raises(ValueError, match="binary COPY"):
        pgbinary.id_blob_rows(b"id\tvector\n")
    three = copy_of([(1, b"x")]).replace(struct.pack(">hiq", 2, 8, 1), struct.pack(">hiq", 3, 8, 1))
    with pytest.raises(ValueError, match="3 fields"):
        pgbinary.id_blob_rows(three)


@pytest.mark.skipif(not SERVER, reason="needs a PostgreSQL server: set CLAIMTRACK_TEST_DB")
def test_the_copy_and_the_cursor_read_the_same_vectors(
    seeded: Callable[..., Run], db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("wordllama")
    from claimtrack import semantic
    from claimtrack.store import vectors
    from claimtrack.store.database import Database
    from claimtrack.store.target import resolve

    assert seeded("match", "-", "--all", input="North Korea sent troops to Russia.").exit_code == 0  # makes them
    assert seeded("set", "5", "--text", "Russia and North Korea are friends.").exit_code == 0  # one stale again
    found = {}
    for driver in ("psycopg2", "sqlalchemy"):  # sqlalchemy: the rows through a cursor
        monkeypatch.setenv("CLAIMTRACK_READ_DRIVER", driver)
        db = Database.open(resolve(str(db_path)))
        try:
            with db.reading():
                assert (db.binary("SELECT 1::bigint, NULL::bytea", {}) is None) == (driver == "sqlalchemy")
                found[driver] = vectors.read(db, semantic.MODEL, ("unverified", "disputed"))
        finally:
            db.close()
    ids, blobs, late = found["psycopg2"]
    assert found["sqlalchemy"] == (ids, blobs, late)
    assert len(ids) > 5 and all(len(b) == semantic.DIM * 2 for b in blobs) and [c.id for c in late] == [5]
