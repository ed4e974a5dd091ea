"""The transaction every change runs in, and the rows every kind of change writes alike.

``changing`` holds the write lock, and records what the command did in the journal ``undo`` reads
(``change_log``, migration 4). Claim changes (``store.writes``), changes to sources
(``store.sources``), undo (``store.undo``) and bulk imports (``store.imports``) all run in it,
and find a source by name, add a tag and write an event the same way, with the helpers here; so
none of them needs another's module, and the journal's summaries are phrased alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimtrack import timeutil
from claimtrack.store import chain
from claimtrack.store.writer import Writer, one, scalar
from claimtrack.textkeys import name_key

if TYPE_CHECKING:
    from claimtrack.store.database import Database


@dataclass(slots=True)
class Journal:
    """What one command changed, as its ``change_log`` row will say (see migration 4)."""

    command: str
    now: str
    summary: str = ""
    detail: dict[str, Any] | None = None  # for changes to sources, which no claim event records
    undoes: int | None = None
    new_sources: list[int] = field(default_factory=list)  # sources it created, which its undo removes
    change_id: int | None = None  # set once recorded


def _last_event(w: Writer) -> int:
    return int(scalar(w, "SELECT max(id) AS top FROM event") or 0)


@contextmanager
def changing(db: Database, command: str) -> Iterator[tuple[Writer, Journal]]:
    """A write transaction that records itself in the journal ``undo`` reads.

    The write lock is held throughout, so the events written inside are exactly the ids after the
    last one before it; the ``change_log`` row names that range. Nothing written: no row.
    """
    with db.writing() as w:
        journal = Journal(command, timeutil.now())  # read once the lock is held: times follow commit order
        start = _last_event(w)
        yield w, journal
        end = _last_event(w)
        if journal.new_sources:
            journal.detail = {**(journal.detail or {}), "new_sources": journal.new_sources}
        if end > start or journal.detail is not None or journal.undoes is not None:
            journal.change_id = chain.insert(
                w,
                "change_log",
                {
                    "recorded_at": journal.now,
                    "command": command,
                    "summary": journal.summary or command,
                    "first_event": start + 1 if end > start else None,
                    "last_event": end if end > start else None,
                    "undoes": journal.undoes,
                    "detail": json.dumps(journal.detail, sort_keys=True) if journal.detail is not None else None,
                    **who(w),
                },
            )
    if journal.change_id is not None:
        db.recorded.append(journal)  # committed: an output that fails now must not say "nothing was saved"


# The source a name names: the one keyed by ``textkeys.name_key`` (any case, any canonically
# equivalent spelling), unless a source keeps the key the name had before migration 9 (the
# casefolded name as typed: one whose spelling another source had taken), which that spelling names.
NAMED = "name_key IN (:key, :typed) ORDER BY CASE WHEN name_key = :typed THEN 0 ELSE 1 END LIMIT 1"


def named(name: str) -> dict[str, str]:
    """The parameters of ``NAMED`` for ``name``."""
    return {"key": name_key(name), "typed": name.casefold()}


def _source(w: Writer, name: str, kind: str = "other") -> tuple[dict[str, Any], bool]:
    """The source of that name (any case), created (of ``kind``) when new: (its row, created?)."""
    key = name_key(name)
    found = one(w, f"SELECT id, name, name_key, kind, reliability, url, notes FROM source WHERE {NAMED}", named(name))
    if found is not None:
        return found, False
    row = {"name": name, "name_key": key, "kind": kind, "created_at": timeutil.now()}
    return {**row, "id": w.insert("source", row), "reliability": None, "url": None, "notes": None}, True


def _tag_id(w: Writer, name: str) -> int:
    found = one(w, "SELECT id FROM tag WHERE name = :name", {"name": name})
    return int(found["id"]) if found is not None else w.insert("tag", {"name": name})


def who(w: Writer) -> dict[str, str | None]:
    """The columns naming who made a change (migration 10), for an event or journal row written by ``w``."""
    return {"author": w.author, "db_role": w.db_role}


def _event(w: Writer, claim_id: int, kind: str, at: str, recorded_at: str, **values: Any) -> dict[str, Any]:
    event = {"claim_id": claim_id, "kind": kind, "at": at, "recorded_at": recorded_at, **values}
    chain.insert(w, "event", {**event, **who(w)})
    return event


def _link_tag(w: Writer, claim_id: int, tag: str) -> None:
    w.execute(
        "INSERT INTO claim_tag (claim_id, tag_id) VALUES (:claim_id, :tag_id)",
        {"claim_id": claim_id, "tag_id": _tag_id(w, tag)},
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _ids_text(ids: list[int]) -> str:
    return (
        f"claim {ids[0]}"
        if len(ids) == 1
        else f"{len(ids)} claims ({', '.join(map(str, ids[:5]))}{', ...' if len(ids) > 5 else ''})"
    )
