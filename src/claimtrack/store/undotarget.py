"""Which change ``undo`` takes back, and whether it may: your own newest, or one named.

Every change names its author (migration 10, ``claimtrack.authors``). ``undo`` takes back the
newest change not yet undone *by the author running it*; ``undo --change ID`` takes back any one
change of the journal (its id is in ``log`` and ``undo --list``), and ``undo --anyone`` the newest
of anyone's. Changes recorded before authors were kept have none: only ``--change`` or
``--anyone`` takes them back.

A change is never taken back from under a later one that depends on it: if a later change, not
undone, by anyone, wrote events for a claim the change wrote events for (or changed the same
source), the undo is refused with one line naming that later change (its id, author and
summary). Undo it first, newest first. An undo that took back a change made after the target
does not count: the two are a change that never happened. All of this is read under the write
lock, inside the undo's transaction, so two people undoing at once see each other's undo.
"""

from __future__ import annotations

import json
from typing import Any

from claimtrack.errors import InvalidInput, NotFound, NothingChanged
from claimtrack.store.handle import Handle
from claimtrack.store.writer import Writer, one, scalar

COLUMNS = "c.id, c.recorded_at, c.command, c.summary, c.first_event, c.last_event, c.undoes, c.detail, c.author"
NOT_UNDONE = "c.command <> 'undo' AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undoes = c.id)"
LISTED = 20  # ``undo --list`` shows this many changes, newest first


def whose(author: str | None) -> str:
    return author if author is not None else "an unknown author"


def choose(w: Writer, change: int | None, anyone: bool) -> dict[str, Any]:
    """The journal row to take back: change ``change``, else the newest not undone (``anyone``'s,
    else the writer's author's); refused with one line when there is none, or it may not be."""
    if change is not None:
        target = one(w, f"SELECT {COLUMNS} FROM change_log c WHERE c.id = :id", {"id": change})
        if target is None:
            raise NotFound(f"no change {change} in the undo journal; list them with: claimtrack undo --list")
        if target["command"] == "undo":
            raise InvalidInput(
                f"change {change} is itself an undo ({target['summary']}); undo never undoes an undo: "
                "make the change again instead"
            )
        by = scalar(w, "SELECT id FROM change_log WHERE undoes = :id", {"id": change})
        if by is not None:
            raise NothingChanged(f"change {change} ({target['summary']}) was undone already, by change {by}")
    else:
        mine = "" if anyone else " AND c.author = :me"
        target = one(
            w,
            f"SELECT {COLUMNS} FROM change_log c WHERE {NOT_UNDONE}{mine} ORDER BY c.id DESC LIMIT 1",
            {"me": w.author},
        )
        if target is None:
            raise NothingChanged(_nothing(w, anyone))
    later = dependent(w, target)
    if later is not None:
        raise InvalidInput(
            f"cannot undo change {target['id']} ({target['summary']}): change {later['id']} by "
            f"{whose(later['author'])} ({later['summary']}) changed the same "
            f"{'source' if later.get('source') else 'claim'} since; undo that first "
            f"(claimtrack undo --change {later['id']}); nothing was changed"
        )
    return target


def _nothing(w: Writer, anyone: bool) -> str:
    """Why there is nothing to undo, and what to do instead."""
    if not scalar(w, "SELECT count(*) AS n FROM change_log"):
        return "nothing to undo: no change has been recorded in this database yet"
    newest = None if anyone else one(w, f"SELECT {COLUMNS} FROM change_log c WHERE {NOT_UNDONE} ORDER BY c.id DESC")
    if newest is None:
        return (
            "nothing to undo: every change recorded here has been undone already "
            "(changes made before claimtrack could undo are not in its journal)"
        )
    return (
        f"nothing of yours ({w.author}) to undo; the newest change not yet undone is change {newest['id']} by "
        f"{whose(newest['author'])} ({newest['summary']}): take it back with: claimtrack undo --change {newest['id']}"
    )


def dependent(w: Writer, target: dict[str, Any]) -> dict[str, Any] | None:
    """The newest later change, not undone, that changed a claim (or source) ``target`` changed.

    An undo counts as a later change only if it took back a change made before ``target``."""
    later = (
        "c.id > :t AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undoes = c.id) "
        "AND (c.undoes IS NULL OR c.undoes < :t)"
    )
    params = {"t": target["id"], "a": target["first_event"], "b": target["last_event"]}
    if target["first_event"] is not None:
        found = one(
            w,
            f"SELECT {COLUMNS} FROM change_log c WHERE {later} AND c.first_event IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM event e WHERE e.id BETWEEN c.first_event AND c.last_event "
            "AND e.claim_id IN (SELECT claim_id FROM event WHERE id BETWEEN :a AND :b)) ORDER BY c.id DESC LIMIT 1",
            params,
        )
        if found is not None:
            return found
    sources = source_ids(target["detail"])
    if sources:
        for row in w.rows(
            f"SELECT {COLUMNS} FROM change_log c WHERE {later} AND c.detail IS NOT NULL ORDER BY c.id DESC", params
        ):
            if sources & source_ids(row["detail"]):
                return {**row, "source": True}
    return None


def source_ids(detail: str | None) -> set[int]:
    """The sources a journal row's ``detail`` names (renamed, merged, deleted, set, or created)."""
    try:
        data = json.loads(detail) if detail else None
    except ValueError:
        return set()
    if not isinstance(data, dict):
        return set()
    found = {data.get("source_id"), data.get("into_id")}
    for key in ("from", "source"):
        if isinstance(data.get(key), dict):
            found.add(data[key].get("id"))
    found.update(data.get("new_sources") or [])
    return {i for i in found if isinstance(i, int) and not isinstance(i, bool)}


LIST_SQL = (
    "SELECT c.id, c.recorded_at, c.command, c.summary, c.author, c.db_role, c.undoes, "
    "(SELECT u.id FROM change_log u WHERE u.undoes = c.id) AS undone_by "
    "FROM change_log c ORDER BY c.id DESC LIMIT :n"
)


def journal(db: Handle, limit: int = LISTED) -> list[dict[str, Any]]:
    """The newest changes of the journal, newest first, for ``undo --list``: id, when, by whom, what,
    and whether it was undone (``undone_by``) or is an undo (``undoes``)."""
    return db.query(LIST_SQL, {"n": limit})
