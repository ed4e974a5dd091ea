"""Pieces of SQL text every read and write shares: the effective history, live claims and id lists.

Kept apart from ``store.queries`` so the modules it reads with (``store.asof``) and the writes
can use them without importing the queries they serve.
"""

from __future__ import annotations

import functools
from typing import Any

# The effective history: what every derived view (--as-of, the reports and CSV columns, scoring,
# ClaimReview, due) reads. An undone change is a change that never happened: neither an event
# ``undo`` took back nor the event it wrote to do so counts (``event.reverses``, m007); ``show``
# and ``log`` still read every event. The partial index ix_event_reverses answers the NOT EXISTS.
EFFECTIVE = "e.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM event u WHERE u.reverses = e.id)"

LIVE = "c.deleted_at IS NULL"  # deleted claims leave every view but show and list --deleted


def in_list(prefix: str, values: tuple[Any, ...], params: dict[str, Any]) -> str:
    """``:p0, :p1, ...`` for an ``IN (...)`` list, each value put in ``params`` under its name."""
    names, marks = _names(prefix, len(values))
    params.update(zip(names, values))
    return marks


@functools.lru_cache(maxsize=64)
def _names(prefix: str, n: int) -> tuple[tuple[str, ...], str]:
    """The parameter names of an ``IN`` list of ``n`` values, and its text: made once per size."""
    names = tuple(f"{prefix}{i}" for i in range(n))
    return names, ", ".join(f":{name}" for name in names)


def ids_where(column: str, ids: list[int], params: dict[str, Any]) -> str:
    """``column`` among these claim ids: a ``BETWEEN`` when they nearly fill their range (an export
    in id order), which SQLite walks in the index without binding each id; else an ``IN`` list.
    The caller drops rows of claims in the range that are not among ``ids``."""
    low, high = min(ids), max(ids)
    if high - low < 2 * len(ids):
        params["id_low"], params["id_high"] = low, high
        return f"{column} BETWEEN :id_low AND :id_high"
    return f"{column} IN ({in_list('id', tuple(ids), params)})"
