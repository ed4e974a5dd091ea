"""``--as-of``: every field of a claim as it stood at the end of a past day, from its history.

A claim's ``created`` event holds what it was created with (``claimtrack.history``); its
effective events (undone ones never happened: ``queries.EFFECTIVE``) up to that moment, in the
order they happened, lead from there to that day's text, quote, source, confidence, status, url,
said on, review by and tags. Nothing is taken from the current row but what the history cannot
say (a created event that records nothing, from a damaged database: then the state is walked back
from the row, as migration 8 does). The source is named as it was called that day: the name an
event holds is respelled by the renames recorded since and taken back through later ones
(``store.renames``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack import history
from claimtrack.history import canonical_confidence
from claimtrack.store.renames import Renames
from claimtrack.store.sqltext import EFFECTIVE, ids_where

if TYPE_CHECKING:
    from claimtrack.store.database import Database, Row

_FIELDS = ("text", "quote", "url", "said_on", "review_by", "status", "source", "tags")
_BATCH = 500


def rebuild(db: Database, rows: list[Row], as_of: str) -> list[Row]:
    """``rows`` (claims read with ``CLAIM_COLUMNS`` and their ``tags``) with every field as it
    stood at ``as_of`` (a stored time); the confidence as the canonical text its events hold, in
    ``confidence_then`` (the service reads the value and phrase from it)."""
    renames: Renames | None = None
    by_id = {int(r["id"]): r for r in rows}
    ids = list(by_id)
    for start in range(0, len(ids), _BATCH):
        params: dict[str, Any] = {}
        where = ids_where("e.claim_id", ids[start : start + _BATCH], params)
        created: dict[int, Row] = {}
        events: dict[int, list[Row]] = {}
        for e in db.query(
            f"SELECT e.id, e.claim_id, e.at, e.kind, e.field, e.old, e.new FROM event e WHERE {where} "
            f"AND e.kind IN ('created', 'status', 'confidence', 'edit') AND (e.kind = 'created' OR {EFFECTIVE}) "
            "ORDER BY e.claim_id, e.at, e.id",
            params,
        ):
            cid = int(e["claim_id"])
            if cid not in by_id:  # a range may hold claims that are not ours
                continue
            if e["kind"] == "created":
                created.setdefault(cid, e)
            else:
                events.setdefault(cid, []).append(e)
        for cid in ids[start : start + _BATCH]:
            row, made, timeline = by_id[cid], created.get(cid), events.get(cid, [])
            start_state = _start(row, made, timeline)
            state, source_event = history.replay(
                start_state, (e for e in timeline if e["at"] <= as_of), int(made["id"]) if made else 0
            )
            if renames is None:
                renames = Renames(db)
            state["source"] = renames.then(state["source"], source_event, int(made["id"]) if made else 0, as_of)
            row.update({name: state[name] for name in _FIELDS})
            row["confidence_then"] = state["confidence"]
    return rows


def _start(row: Row, made: Row | None, timeline: list[Row]) -> dict[str, Any]:
    """What the claim was created with: its created event's record, else walked back from the row."""
    if made is not None:
        try:
            return history.parse_state(made["new"])
        except ValueError:
            pass
    current = {name: row[name] for name in _FIELDS}
    current["confidence"] = canonical_confidence(row["confidence"], row["confidence_phrase"])
    return history.earliest(current, timeline)
