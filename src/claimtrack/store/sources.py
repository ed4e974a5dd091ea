"""Changes to sources: set (create, or change details), rename, merge and delete, each one change
in the journal ``undo`` reads.

Sources are not history, claims are: a rename only respells a source (every claim keeps it), so it
writes no claim event; a merge moves claims to another source, so each moved claim gets an ``edit``
event of its field ``source``, as ``set --source`` would write. What no event records (the old
name, the merged or deleted row itself) goes in the change's ``detail``, so ``undo`` can put it back.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimtrack.errors import InvalidInput, NotFound, NothingChanged
from claimtrack.store import chain
from claimtrack.store.changing import NAMED, _plural, _source, changing, named, who
from claimtrack.store.writer import Writer, one, scalar
from claimtrack.textkeys import name_key

if TYPE_CHECKING:
    from claimtrack.store.database import Database

COLUMNS = ("id", "name", "name_key", "kind", "reliability", "url", "notes", "created_at")


class UnknownSource(NotFound):
    """No source has that name (any case); the service adds the nearest names to the message."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no source named {name!r}; see them all with: claimtrack sources")
        self.name = name


@dataclass(frozen=True, slots=True)
class Merged:
    source: str  # the name merged away
    into: str
    claim_ids: list[int]


def _named(w: Writer, name: str) -> dict[str, Any] | None:
    return one(w, f"SELECT {', '.join(COLUMNS)} FROM source WHERE {NAMED}", named(name))


def _existing(w: Writer, name: str) -> dict[str, Any]:
    found = _named(w, name)
    if found is None:
        raise UnknownSource(name)
    return found


SOURCE_DETAILS = ("kind", "reliability", "url", "notes")


def set_source(db: Database, name: str, details: dict[str, str | None]) -> tuple[str, bool, list[str]]:
    """Create a source or update its details: (its name, created?, the fields that changed)."""
    with changing(db, "source set") as (w, journal):
        source, created = _source(w, name)
        changed = [k for k in SOURCE_DETAILS if details.get(k) is not None and source[k] != details[k]]
        if changed:
            sets = ", ".join(f"{k} = :{k}" for k in changed)
            w.execute(
                f"UPDATE source SET {sets} WHERE id = :id", {**{k: details[k] for k in changed}, "id": source["id"]}
            )
        if created or changed:
            journal.detail = {
                "source_id": source["id"],
                "created": created,
                "before": {k: source[k] for k in changed} if not created else {},
            }
            journal.summary = f"{'created' if created else 'changed'} source {source['name']!r}"
        return source["name"], created, changed


def rename(db: Database, old: str, new: str) -> tuple[str, str]:
    """Respell a source: (its old name, its new name). Names are unique ignoring case, so a
    case-only rename is allowed, and a new name that is another source's is refused (that is a
    merge). No claim event: each claim keeps its source, only the name it is shown by changes
    (the search index follows by the database's own triggers)."""
    with changing(db, "source rename") as (w, journal):
        source = _existing(w, old)
        if source["name"] == new:
            raise NothingChanged(f"source {new!r} already has that name; nothing was changed")
        other = _named(w, new)
        if other is not None and other["id"] != source["id"]:
            raise InvalidInput(
                f"a source named {other['name']!r} already exists; to move the claims of {source['name']!r} "
                f"to it and drop {source['name']!r}, use: "
                f"claimtrack source merge {shlex.quote(source['name'])} {shlex.quote(other['name'])}"
            )
        w.execute(
            "UPDATE source SET name = :name, name_key = :key WHERE id = :id",
            {"name": new, "key": name_key(new), "id": source["id"]},
        )
        journal.detail = {"op": "rename", "source_id": source["id"], "old": source["name"], "new": new}
        journal.summary = f"renamed source {source['name']!r} to {new!r}"
        return source["name"], new


def merge(db: Database, name: str, into: str) -> Merged:
    """Move every claim of one source to another, then drop the first.

    Deleted claims move too (they may be restored). Each moved claim gets an ``edit`` event of
    its ``source`` and a new ``updated_at``, so ``show`` and the track record follow it; the
    dropped source's row goes in the change's detail for ``undo``."""
    with changing(db, "source merge") as (w, journal):
        source, target = _existing(w, name), _existing(w, into)
        if source["id"] == target["id"]:
            raise InvalidInput(f"{name!r} and {into!r} are the same source; merge it into another one")
        now = journal.now
        ids = [
            int(r["id"]) for r in w.rows("SELECT id FROM claim WHERE source_id = :id ORDER BY id", {"id": source["id"]})
        ]
        events = [
            {
                "claim_id": cid,
                "kind": "edit",
                "at": now,
                "recorded_at": now,
                "field": "source",
                "old": source["name"],
                "new": target["name"],
                **who(w),
            }
            for cid in ids
        ]
        if events:
            chain.insert_many(w, "event", events)
        w.execute(
            "UPDATE claim SET source_id = :into, updated_at = :now WHERE source_id = :id",
            {"into": target["id"], "now": now, "id": source["id"]},
        )
        w.execute("DELETE FROM source WHERE id = :id", {"id": source["id"]})
        journal.detail = {"op": "merge", "from": source, "into_id": target["id"]}
        journal.summary = f"merged source {source['name']!r} into {target['name']!r} ({_plural(len(ids), 'claim')})"
        return Merged(source["name"], target["name"], ids)


def delete(db: Database, name: str) -> str:
    """Drop a source that has no claims at all (a deleted claim counts: it may be restored); its
    row goes in the change's detail for ``undo``. Return its name."""
    with changing(db, "source delete") as (w, journal):
        source = _existing(w, name)
        total = int(scalar(w, "SELECT count(*) AS n FROM claim WHERE source_id = :id", {"id": source["id"]}) or 0)
        if total:
            deleted = int(
                scalar(
                    w,
                    "SELECT count(*) AS n FROM claim WHERE source_id = :id AND deleted_at IS NOT NULL",
                    {"id": source["id"]},
                )
                or 0
            )
            which = f" ({deleted} of them deleted, which can be restored)" if deleted else ""
            raise InvalidInput(
                f"source {source['name']!r} has {_plural(total, 'claim')}{which}; nothing was deleted: "
                f"move {'it' if total == 1 else 'them'} to another source with: claimtrack source merge {shlex.quote(source['name'])} OTHER"
            )
        w.execute("DELETE FROM source WHERE id = :id", {"id": source["id"]})
        journal.detail = {"op": "delete", "source": source}
        journal.summary = f"deleted source {source['name']!r}"
        return str(source["name"])
