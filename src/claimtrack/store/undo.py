"""``undo``: take back your newest change not yet undone, by appending the events that reverse it.

Nothing is deleted or rewritten. The journal (``change_log``, migration 4) names, for every
command that changed something, the range of events it wrote, and for changes to sources the
details no claim event holds. Undo reads the newest change that is neither an undo nor undone,
made by the author running it, or the one named (``store.undotarget``, which also refuses a
change a later one depends on), under the write lock, so two terminals undoing at once take back
two different changes; and writes, in one transaction, one event per reversed step plus its own ``change_log`` row pointing
at the change it took back (``undoes`` is unique: a change is never undone twice).

How each kind of change is taken back:
* a claim created (``add``, ``import``, the seed): the claim is deleted (it stays in ``show``);
  that deletion takes back the ``created`` event, so the claim was never there for ``--as-of``;
* a status, confidence or field change: the reverse change (``old`` and ``new`` swapped);
* a tag added or removed: removed or added again; a deletion: a restore, and back;
* a note: a ``note`` event with field ``withdrawn`` holding the note taken back;
* a source renamed, merged, deleted or set: the source row as it was (same id where free), then
  the claims' own events as above.
Each event written names the event it takes back (``reverses``, migration 7): for every derived
view the two are a change that never happened (``store.queries.EFFECTIVE``).
Undo never undoes an undo; to redo, make the change again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimtrack.confidence import Confidence
from claimtrack.confidence import parse as parse_confidence
from claimtrack.errors import InvalidInput
from claimtrack.store import undotarget
from claimtrack.store.changing import Journal, _event, _link_tag, _source, changing
from claimtrack.store.journal import row_problem
from claimtrack.store.writer import Writer, one, scalar
from claimtrack.store.writes import EDITABLE, _save
from claimtrack.textkeys import name_key

if TYPE_CHECKING:
    from claimtrack.store.database import Database

SOURCE_COLUMNS = ("id", "name", "name_key", "kind", "reliability", "url", "notes", "created_at")


@dataclass
class Undone:
    """What an undo took back (or, with ``dry_run``, would take back)."""

    change_id: int
    command: str
    summary: str
    recorded_at: str
    author: str | None = None  # who made the change taken back (None: recorded before authors were kept)
    mine: bool = False  # made by the author running the undo
    events: list[dict[str, Any]] = field(default_factory=list)  # the events written, in order
    notes: list[str] = field(default_factory=list)  # what happened to sources, in words


class _DryRun(Exception):
    def __init__(self, undone: Undone) -> None:
        self.undone = undone


def undo(db: Database, dry_run: bool = False, change: int | None = None, anyone: bool = False) -> Undone:
    """Take back your newest change not yet undone (``change``: that change; ``anyone``: the newest
    of anyone's), unless a later change depends on it (``store.undotarget``); ``dry_run`` works it
    out and writes nothing."""
    try:
        with changing(db, "undo") as (w, journal):
            target = undotarget.choose(w, change, anyone)
            _check_row(w, target)
            undone = Undone(
                target["id"],
                target["command"],
                target["summary"],
                target["recorded_at"],
                target["author"],
                target["author"] is not None and target["author"] == w.author,
            )
            _take_back(w, journal, target, undone)
            journal.undoes = target["id"]
            journal.summary = f"undid change {target['id']} ({target['summary']})"
            if dry_run:
                raise _DryRun(undone)  # rolls the transaction back: nothing was written
            return undone
    except _DryRun as done:
        return done.undone


def _check_row(w: Writer, target: dict[str, Any]) -> None:
    """Refuse a journal row claimtrack could not have written (``store.journal``), before acting on it."""
    first, last = target["first_event"], target["last_event"]
    count, last_exists, overlapping = 0, False, None
    if first is not None and last is not None:
        count = int(
            scalar(w, "SELECT count(*) AS n FROM event WHERE id BETWEEN :a AND :b", {"a": first, "b": last}) or 0
        )
        last_exists = bool(scalar(w, "SELECT count(*) AS n FROM event WHERE id = :b", {"b": last}))
        overlapping = scalar(
            w,
            "SELECT min(id) AS id FROM change_log WHERE id <> :id AND first_event IS NOT NULL "
            "AND first_event <= :b AND last_event >= :a",
            {"id": target["id"], "a": first, "b": last},
        )
    problem = row_problem(target, count, last_exists, overlapping, None)
    if problem:
        raise InvalidInput(
            f"cannot undo change {target['id']}: its row in the undo journal is damaged ({problem}); nothing was "
            "changed: see claimtrack db check"
        )


def _take_back(w: Writer, journal: Journal, target: dict[str, Any], undone: Undone) -> None:
    now = journal.now
    note = f"undo: took back {target['command']!r} recorded {target['recorded_at']}"
    detail = json.loads(target["detail"]) if target["detail"] else None
    if detail is not None and (target["command"].startswith("source") or "op" in detail):
        undone.notes += _source_back(w, target["command"], detail)
    events = []
    if target["first_event"] is not None:
        events = w.rows(
            "SELECT id, claim_id, kind, field, old, new, note FROM event WHERE id BETWEEN :a AND :b ORDER BY id DESC",
            {"a": target["first_event"], "b": target["last_event"]},
        )
    created = sorted({e["claim_id"] for e in events if e["kind"] == "created"})
    claims: dict[int, dict[str, Any]] = {}

    def claim(cid: int) -> dict[str, Any]:
        if cid not in claims:
            row = one(
                w,
                "SELECT id, status, confidence, confidence_phrase, source_id, deleted_at, "
                f"{', '.join(EDITABLE)} FROM claim WHERE id = :id",
                {"id": cid},
            )
            assert row is not None  # claims are never deleted from the table
            claims[cid] = {"row": row, "before": dict(row)}
        return claims[cid]["row"]

    def write(cid: int, kind: str, name: str | None, old: Any, new: Any, reverses: int) -> None:
        undone.events.append(_event(w, cid, kind, now, now, field=name, old=old, new=new, note=note, reverses=reverses))

    for cid in created:  # a claim this change created: delete it (its own later events go with it)
        row = claim(cid)
        if row["deleted_at"] is None:  # the deletion takes back its creation (m007)
            birth = next(e["id"] for e in events if e["claim_id"] == cid and e["kind"] == "created")
            write(cid, "edit", "deleted", None, "deleted", birth)
            row["deleted_at"] = now
    for event in events:
        cid = event["claim_id"]
        if cid in created:
            continue
        row = claim(cid)
        kind, name, old, new = event["kind"], event["field"], event["old"], event["new"]
        if kind == "note":
            if name is None:
                write(cid, "note", "withdrawn", event["note"], None, event["id"])
            continue
        if kind == "status":
            _expect(target, cid, "status", row["status"], new)
            row["status"] = old
        elif kind == "confidence":
            current = (
                None if row["confidence"] is None else Confidence(row["confidence"], row["confidence_phrase"]).canonical
            )
            _expect(target, cid, "confidence", current, new)
            restored = parse_confidence(old) if old else None
            row["confidence"] = restored.value if restored else None
            row["confidence_phrase"] = restored.phrase if restored else None
        elif name == "deleted":
            _expect(target, cid, "deleted state", "deleted" if row["deleted_at"] else None, new)
            row["deleted_at"] = now if old else None
        elif name == "tag":
            _retag(w, cid, add=old, remove=new)
        elif name == "source":
            holder = one(w, "SELECT name FROM source WHERE id = :id", {"id": row["source_id"]})
            _expect(target, cid, "source", name_key((holder or {}).get("name", "")), name_key(new or ""))
            row["source_id"] = _source(w, old)[0]["id"]
        elif name in EDITABLE:
            _expect(target, cid, name, row[name], new)
            row[name] = old
        else:  # pragma: no cover - a kind this version does not write
            raise InvalidInput(f"cannot undo change {target['id']}: it holds an event this claimtrack does not know")
        write(cid, kind, name, new, old, event["id"])
    touched = {e["claim_id"] for e in undone.events}
    for cid, state in claims.items():
        row, before = state["row"], state["before"]
        values = {k: row[k] for k in row if k not in ("id", "deleted_at") and row[k] != before[k]}
        if cid in touched:
            _save(w, cid, values, now)
        if row["deleted_at"] != before["deleted_at"]:
            w.execute("UPDATE claim SET deleted_at = :d WHERE id = :id", {"d": row["deleted_at"], "id": cid})
    for sid in (detail or {}).get("new_sources", []):  # sources the change created, if nothing uses them now
        name = scalar(w, "SELECT name FROM source WHERE id = :id", {"id": sid})
        if name is not None and not scalar(w, "SELECT count(*) AS n FROM claim WHERE source_id = :id", {"id": sid}):
            w.execute("DELETE FROM source WHERE id = :id", {"id": sid})
            undone.notes.append(f"Source {name!r} is gone again.")


def _expect(target: dict[str, Any], cid: int, what: str, current: Any, left: Any) -> None:
    """The claim must still be as the change left it (always so, unless changed outside claimtrack)."""
    if current != left:
        raise InvalidInput(
            f"cannot undo change {target['id']} ({target['summary']}): claim {cid}'s {what} is no longer what "
            "that change left (it was changed outside claimtrack); nothing was changed"
        )


def _retag(w: Writer, cid: int, add: str | None, remove: str | None) -> None:
    if remove is not None:
        w.execute(
            "DELETE FROM claim_tag WHERE claim_id = :c AND tag_id = (SELECT id FROM tag WHERE name = :t)",
            {"c": cid, "t": remove},
        )
    if add is not None and not w.rows(
        "SELECT 1 AS one FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = :c AND t.name = :t",
        {"c": cid, "t": add},
    ):
        _link_tag(w, cid, add)


def _source_back(w: Writer, command: str, detail: dict[str, Any]) -> list[str]:
    """Put a source back as it was before a rename, merge, delete or ``source set``."""
    op = detail.get("op") or ("set" if command == "source set" else command)
    if op == "rename":
        clash = one(
            w,
            "SELECT name FROM source WHERE name_key = :k AND id <> :id",
            {"k": name_key(detail["old"]), "id": detail["source_id"]},
        )
        if clash is not None:
            raise InvalidInput(
                f"cannot undo the rename: another source is now called {clash['name']!r}; rename or merge it first"
            )
        w.execute(
            "UPDATE source SET name = :n, name_key = :k WHERE id = :id",
            {"n": detail["old"], "k": name_key(detail["old"]), "id": detail["source_id"]},
        )
        return [f"Source {detail['new']!r} is called {detail['old']!r} again."]
    if op in ("merge", "delete"):
        row = detail["from"] if op == "merge" else detail["source"]
        _reinsert(w, row)
        return [f"Source {row['name']!r} is back."]
    if op == "set":
        if detail.get("created"):
            if scalar(w, "SELECT count(*) AS n FROM claim WHERE source_id = :id", {"id": detail["source_id"]}):
                return ["The source it created still has claims, so it stays."]
            name = scalar(w, "SELECT name FROM source WHERE id = :id", {"id": detail["source_id"]})
            w.execute("DELETE FROM source WHERE id = :id", {"id": detail["source_id"]})
            return [f"Source {name!r} is gone again."]
        before = detail.get("before") or {}
        if before:
            sets = ", ".join(f"{k} = :{k}" for k in before)
            w.execute(f"UPDATE source SET {sets} WHERE id = :id", {**before, "id": detail["source_id"]})
        return [f"Source details back as they were: {', '.join(before)}."]
    raise InvalidInput(f"cannot undo a {command!r} change: this claimtrack does not know how")  # pragma: no cover


def _reinsert(w: Writer, row: dict[str, Any]) -> None:
    """A deleted source's row again, with its old id if no source took it meanwhile."""
    key = name_key(row["name"])  # a row journaled before migration 9 holds its old key
    if one(w, "SELECT 1 AS one FROM source WHERE name_key = :k", {"k": key}) is not None:
        raise InvalidInput(
            f"cannot bring source {row['name']!r} back: a source of that name exists again; rename it first"
        )
    values = {**{k: row.get(k) for k in SOURCE_COLUMNS}, "name_key": key}
    if one(w, "SELECT 1 AS one FROM source WHERE id = :id", {"id": row["id"]}) is not None:
        values.pop("id")
    columns = list(values)
    w.execute(f"INSERT INTO source ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})", values)
