"""Shell completion of values from the current database: claim ids, source names, tags.

The shell runs claimtrack on every TAB, so these answer from a read-only ``sqlite3`` connection
without loading SQLAlchemy, and never create, migrate or lock the database. Any problem (no
database yet, a PostgreSQL URL, a damaged file) completes nothing rather than printing an error
into the user's command line.
"""

from __future__ import annotations

import sqlite3
from typing import Any

LIMIT = 200  # more candidates than a shell shows usefully


def _connect(ctx: Any) -> sqlite3.Connection | None:
    from claimtrack.store.target import resolve

    root = ctx.find_root() if ctx is not None else None
    db = (root.params.get("db") if root is not None else None) or None
    try:
        target = resolve(db)
        if target.path is None or not target.path.is_file():
            return None
        con = sqlite3.connect(f"{target.path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
        con.execute("PRAGMA query_only = 1")
        return con
    except Exception:  # completion must never fail loudly
        return None


def _rows(ctx: Any, sql: str, *params: object) -> list[tuple[Any, ...]]:
    con = _connect(ctx)
    if con is None:
        return []
    try:
        return con.execute(sql, params).fetchall()
    except sqlite3.Error:
        return []
    finally:
        con.close()


def _like(incomplete: str) -> str:
    return incomplete.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def claim_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Ids starting with what was typed, newest first, each with the start of its text as help."""
    rows = _rows(ctx, "SELECT id, text FROM claim WHERE CAST(id AS TEXT) LIKE ? ESCAPE '\\' "
                      "ORDER BY id DESC LIMIT ?", _like(incomplete.lstrip("#")), LIMIT)
    return [(str(cid), " ".join(str(text).split())[:60]) for cid, text in rows]


def source_names(ctx: Any, incomplete: str) -> list[str]:
    rows = _rows(ctx, "SELECT name FROM source WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?",
                 _like(incomplete), LIMIT)
    return [name for (name,) in rows]


def tags(ctx: Any, incomplete: str) -> list[str]:
    rows = _rows(ctx, "SELECT name FROM tag WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?",
                 _like(incomplete.lower()), LIMIT)
    return [tag for (tag,) in rows]


def columns(ctx: Any, incomplete: str) -> list[str]:
    """Column names of the command's table, after the ones already typed (``--columns id,sta<TAB>``)."""
    from claimtrack.fit import TABLES

    name = ctx.info_name if ctx is not None else ""
    done, _, part = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    return [prefix + c for c in TABLES.get(name or "", ()) if c.startswith(part.lower())]
