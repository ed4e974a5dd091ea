"""Schema migration 13: each claim's vector for ``match`` by meaning, kept beside the claims.

Frozen history, as every migration (``store.migrations``, which numbers and runs them): never
edit one, add the next number instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # this module is imported on every command: keep SQLAlchemy out of it
    from sqlalchemy import Connection

VECTOR_TABLE = "claim_vector"


def m013_claim_vectors(conn: Connection) -> None:
    """``claim_vector``: a claim's sentence embedding (``claimtrack.semantic``), derived data.

    One row per claim: which model made the vector, the text it was made from (``text``: a claim
    whose text changed since, by any command, undo included, or behind claimtrack's back, has
    another; ``updated_at`` has only whole seconds, too coarse to tell) and its hash, and the
    vector (float16). ``match`` makes the missing and stale ones
    before it ranks (``store.vectors``); no write command touches the table, it is not part of the
    history (no events, no change log, not in the hash chain), and a vector goes with its claim.
    """
    postgres = conn.dialect.name == "postgresql"
    conn.exec_driver_sql(
        f"""CREATE TABLE {VECTOR_TABLE} (
            claim_id {"BIGINT" if postgres else "INTEGER"} PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector {"BYTEA" if postgres else "BLOB"} NOT NULL
        )"""
    )
