"""Is a row of the undo journal (``change_log``) one claimtrack could have written?

The journal is append-only like the events (migrations 4 and 8 refuse updates, deletes and
``INSERT OR REPLACE``), but anyone with the file can still append a row, and a file can be
damaged. ``undo`` acts on what a row says, so it first checks the row it is about to take back,
and ``db check`` checks them all, with the same rules:

* a change wrote events, or changed a source (its ``detail``), or is an undo: a row naming none
  of these records nothing and cannot be taken back;
* its events are a range ``first_event..last_event`` that exists (its last event at least: on
  PostgreSQL ids a rolled-back write took leave gaps), and that no other change names (each
  command's events are its own);
* its ``detail`` is a JSON object holding what its kind of change needs to be taken back;
* an undo names an earlier change that is not an undo, and only undos name one.
"""

from __future__ import annotations

import json
from typing import Any

SOURCE_ROW = ("id", "name", "name_key")  # what a merged or deleted source's row needs to be put back


def detail_problem(command: str, text: str | None) -> str | None:
    """What is wrong with a journal row's ``detail`` (None: nothing)."""
    if text is None:
        return None
    try:
        detail = json.loads(text)
    except ValueError:
        return "its detail is not valid JSON"
    if not isinstance(detail, dict):
        return "its detail is not a JSON object"
    sources = detail.get("new_sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, int) and not isinstance(s, bool) for s in sources):
        return "its detail's new_sources is not a list of source ids"
    respelled = detail.get("respelled", {})
    if not isinstance(respelled, dict) or not all(isinstance(v, str) and v for v in respelled.values()):
        return "its detail's respelled is not a map of source names"
    op = detail.get("op") or ("set" if command == "source set" else None)
    if op is None:
        return None if not command.startswith("source") else f"its detail does not say what the {command!r} did"
    if op == "rename":
        ok = isinstance(detail.get("source_id"), int) and all(
            isinstance(detail.get(k), str) and detail[k] for k in ("old", "new")
        )
    elif op in ("merge", "delete"):
        row = detail.get("from" if op == "merge" else "source")
        ok = (
            isinstance(row, dict)
            and isinstance(row.get("id"), int)
            and all(isinstance(row.get(k), str) and row[k] for k in SOURCE_ROW[1:])
        )
    elif op == "set":
        ok = (
            isinstance(detail.get("source_id"), int)
            and isinstance(detail.get("created"), bool)
            and isinstance(detail.get("before", {}), dict)
        )
    else:
        return f"its detail names an operation claimtrack does not write ({op!r})"
    return None if ok else f"its detail does not hold what a source {op} needs to be taken back"


def row_problem(
    row: dict[str, Any], events_in_range: int, last_exists: bool, overlapping: int | None, undone: dict[str, Any] | None
) -> str | None:
    """What is wrong with one journal row (None: nothing).

    ``events_in_range``: how many events have ids in its range (PostgreSQL's identities may skip ids
    that a rolled-back transaction took, so a range may have gaps, but its last event, the newest
    when the change committed, is always there: ``last_exists``); ``overlapping``: another change
    whose range shares an event with it (None: none); ``undone``: the row its ``undoes`` names
    (None if it names none, or one that does not exist)."""
    first, last = row["first_event"], row["last_event"]
    if (first is None) != (last is None) or (first is not None and first > last):
        return f"its event range ({first}..{last}) is not a range"
    if first is not None and (not events_in_range or not last_exists):
        return f"it names events {first}..{last}, which do not exist" + ("" if not events_in_range else " in full")
    if overlapping is not None:
        return f"it names events that change {overlapping} names too"
    problem = detail_problem(row["command"], row["detail"])
    if problem:
        return problem
    if row["command"] == "undo":
        if row["undoes"] is None:
            return "it is an undo that names no change"
        if undone is None or undone["id"] >= row["id"]:
            return f"it undoes change {row['undoes']}, which does not exist before it"
        if undone["command"] == "undo":
            return f"it undoes change {row['undoes']}, which is itself an undo"
    elif row["undoes"] is not None:
        return "it names a change it undoes, but it is not an undo"
    elif first is None and row["detail"] is None:
        return "it records no change (no events, no detail)"
    return None
