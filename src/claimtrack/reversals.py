"""Which event each ``undo`` event took back, for histories that do not say so themselves.

Since migration 7, ``undo`` stores the pairing: each event it writes names in ``reverses`` the
event it takes back, and every derived view reads only the *effective* history (events neither
taken back nor written by undo: ``store.queries.EFFECTIVE``). Two kinds of history lack the
column: a database undone in before migration 7 (the migration fills it) and a backup being
imported (its events carry no ids). Both are paired here, from what undo writes in every event's
note: ``undo: took back 'COMMAND' recorded TIME``.

* An event deleting a claim, written to take back the command that created it (``add``,
  ``import``, ``seed``), takes back the claim's ``created`` event.
* Any other takes back the latest earlier event of the same kind that it reverses (a status or
  field back from ``new`` to ``old``; a note ``withdrawn`` holding that note's text), preferring
  one recorded at the time the note names (that command's own events).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

UNDO_NOTE = "undo: took back "  # how store/undo.py notes the events it writes
CREATING = ("add", "import", "seed")  # the commands whose undo deletes the claims they created


def is_undo(event: dict[str, Any]) -> bool:
    return (event.get("note") or "").startswith(UNDO_NOTE)


def _named(note: str) -> tuple[str, str]:
    """(command, recorded_at) named by an undo event's note ('' where it does not parse)."""
    head, _, recorded = note[len(UNDO_NOTE) :].rpartition(" recorded ")
    return head.strip("'\""), recorded.strip()


def _reverses(other: dict[str, Any], event: dict[str, Any]) -> bool:
    if other["kind"] != event["kind"] or is_undo(other):
        return False
    if event["kind"] == "note":
        return (
            event.get("field") == "withdrawn" and other.get("field") is None and other.get("note") == event.get("old")
        )
    return (other.get("field"), other.get("old"), other.get("new")) == (
        event.get("field"),
        event.get("new"),
        event.get("old"),
    )


def pair(events: Sequence[dict[str, Any]]) -> dict[int, int | None]:
    """{position of each undo event: position of the event it took back, None if none is found}.

    ``events`` are one claim's, in time order (``at``, then recording order)."""
    found: dict[int, int | None] = {}
    used: set[int] = set()
    for i, event in enumerate(events):
        if not is_undo(event):
            continue
        used.add(i)
        command, recorded = _named(event["note"])
        match: int | None = None
        if command in CREATING and event["kind"] == "edit" and event.get("field") == "deleted" and event.get("new"):
            match = next((j for j, e in enumerate(events) if e["kind"] == "created" and j not in used), None)
        if match is None:
            earlier = [j for j in range(i - 1, -1, -1) if j not in used and _reverses(events[j], event)]
            same = [j for j in earlier if events[j].get("recorded_at") == recorded]
            match = (same or earlier)[0] if (same or earlier) else None
        if match is not None:
            used.add(match)
        found[i] = match
    return found


def effective(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """A backup's events of one claim (time order, no ids) as its effective history: each undo
    event and the event it took back left out, as ``store.queries.EFFECTIVE`` leaves them out
    of a database's (an undo event whose pair is not found stays: it is a change like any other)."""
    gone = {k for i, j in pair(events).items() if j is not None for k in (i, j)}
    return [e for k, e in enumerate(events) if k not in gone]
