"""Loading the seed (``init --seed``): a SQL script, run in one journalled transaction.

Apart from the claim changes (``store.writes``) because a script is SQL written elsewhere, split
into statements here, and SQL cannot fold text: the duplicate keys (``textsafe.claim_key``) of the
claims it adds are filled in afterwards, in the same transaction.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from claimtrack.store import chain
from claimtrack.store.changing import changing
from claimtrack.store.writer import one
from claimtrack.textsafe import claim_key

if TYPE_CHECKING:
    from claimtrack.store.database import Database


def run_script(db: Database, script: str) -> int:
    """Run a SQL script (the seed) in one transaction; return how many claims it added."""
    count = "SELECT count(*) AS n FROM claim"
    with changing(db, "seed") as (w, journal):
        before = one(w, count)
        w.script(split_statements(script))
        after = one(w, count)
        assert before is not None and after is not None
        missing = w.rows("SELECT id, text FROM claim WHERE text_key IS NULL")  # SQL cannot fold text
        for row in missing:
            w.execute(
                "UPDATE claim SET text_key = :key WHERE id = :id", {"key": claim_key(row["text"]), "id": row["id"]}
            )
        chain.fill(w, "event", lift=False)  # SQL cannot hash: the events the script wrote are chained here
        journal.summary = f"loaded the seed ({after['n'] - before['n']} claims)"
        return int(after["n"] - before["n"])


def split_statements(script: str) -> list[str]:
    """Split SQL text into complete statements (quotes and comments respected)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
