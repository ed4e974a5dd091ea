"""The queries behind ``match`` by meaning: which claims need a vector, storing them, reading them back.

A stored vector is current when it was made by today's model from the claim as it now stands:
the ``text`` stored with it is the claim's text now (whatever changed it: set, edit, undo, an
import's correction, SQL behind claimtrack's back) and its ``model`` is today's. Anything else (no row, another text, another model) is
stale: ``match`` makes those vectors again before it ranks. Writing them takes the write lock like
any write, but records no event and no change-log row: the table is derived data, outside the
history and its hash chain, so ``undo`` never sees it. A deleted claim's vector is left in place
and never read (deletion is undone by setting ``deleted_at`` back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimtrack.store import pgbinary
from claimtrack.store.migrations_13 import VECTOR_TABLE
from claimtrack.store.sqltext import LIVE
from claimtrack.store.sqltext import in_list as _in_list

if TYPE_CHECKING:
    from claimtrack.store.database import Database


@dataclass(frozen=True, slots=True)
class Stale:
    """A live claim whose vector is missing or out of date: what to embed."""

    id: int
    text: str
    status: str


@dataclass(frozen=True, slots=True)
class Fresh:
    """A vector made now, to store: for ``Stale`` ``claim``."""

    claim: Stale
    text_hash: str
    vector: bytes


def _status_filter(statuses: tuple[str, ...], params: dict[str, Any]) -> str:
    return f" AND c.status IN ({_in_list('st', statuses, params)})" if statuses else ""


def stale(db: Database, model: str, statuses: tuple[str, ...] = ()) -> list[Stale]:
    """The live claims (in ``statuses``, if given) without a current vector of ``model``, by id."""
    params: dict[str, Any] = {"model": model}
    sql = (
        f"SELECT c.id, c.text, c.status FROM claim c LEFT JOIN {VECTOR_TABLE} v ON v.claim_id = c.id "
        f"WHERE {LIVE}{_status_filter(statuses, params)} "
        "AND (v.claim_id IS NULL OR v.model <> :model OR v.text <> c.text) ORDER BY c.id"
    )
    return [Stale(int(i), str(t), str(s)) for i, t, s in db.values(sql, params)]


def save(db: Database, rows: Sequence[Fresh], model: str) -> None:
    """Store ``rows`` (replacing older vectors of their claims) in one write transaction, no history."""
    if not rows:
        return
    with db.writing() as w:
        w.executemany(
            f"INSERT INTO {VECTOR_TABLE} (claim_id, model, text, text_hash, vector) "
            "VALUES (:claim_id, :model, :text, :text_hash, :vector) ON CONFLICT (claim_id) DO UPDATE SET "
            "model = excluded.model, text = excluded.text, text_hash = excluded.text_hash, vector = excluded.vector",
            [
                {
                    "claim_id": r.claim.id,
                    "model": model,
                    "text": r.claim.text,
                    "text_hash": r.text_hash,
                    "vector": r.vector,
                }
                for r in rows
            ],
        )


def read(db: Database, model: str, statuses: tuple[str, ...] = ()) -> tuple[list[int], list[bytes], list[Stale]]:
    """The live claims (in ``statuses``, if given): the ids and current vectors of those that have
    one, and the ones that do not (as ``stale`` gives them). Run it inside ``db.reading()``.

    One pass over the claims when every vector is current, as it usually is: ``match`` at 100,000
    claims used to read the current vectors and then look for stale ones, two scans of the same join."""
    params: dict[str, Any] = {"model": model}
    sql = (  # the id as BIGINT: the shape store.pgbinary reads; SQLite reads it as the integer it is
        f"SELECT CAST(c.id AS BIGINT) AS id, v.vector FROM claim c LEFT JOIN {VECTOR_TABLE} v "
        "ON v.claim_id = c.id AND v.model = :model AND v.text = c.text "
        f"WHERE {LIVE}{_status_filter(statuses, params)}"
    )
    binary = db.binary(sql, params)
    # PostgreSQL: the vectors as stored, not as hex text (store.pgbinary)
    rows = zip(*pgbinary.id_blob_rows(binary), strict=True) if binary is not None else db.values(sql, params)
    ids: list[int] = []
    blobs: list[bytes] = []
    missing = False
    for cid, blob in rows:  # one pass: 100,000 rows here are a measurable share of ``match``
        if blob is None:
            missing = True
        else:
            ids.append(int(cid))
            blobs.append(blob if type(blob) is bytes else bytes(blob))
    return ids, blobs, stale(db, model, statuses) if missing else []
