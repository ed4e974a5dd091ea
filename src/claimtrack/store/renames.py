"""What a source was called: at some event, today, or on a past day.

A rename only respells a source (``store.sources.rename``): it writes no claim event, so a
claim's history names its source as it was called when each event was recorded. The undo
journal records every rename (and every undone one), so the name at any point can be worked
out from the name an event holds: ``db check`` respells it to today's name to compare it with
the row, ``--as-of`` to the name of that day.

A rename happened after every event of the changes journaled before it, so it applies to the
events with ids up to the last of those (its *watermark*); an undo of a rename renames back.
"""

from __future__ import annotations

import bisect
import json
from typing import TYPE_CHECKING, Any, NamedTuple

from claimtrack.store.migrations import CHANGE_TABLE
from claimtrack.textkeys import name_key

if TYPE_CHECKING:
    from claimtrack.store.handle import Handle
    from claimtrack.store.writer import Row


def detail(text: str | None) -> dict[str, Any]:
    """A journal row's ``detail`` as a dict ({} when it is not one)."""
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


class _Rename(NamedTuple):
    mark: int  # the last event id journaled before it
    at: str  # when it was recorded
    old: str  # the name before
    new: str  # the name after
    scope: tuple[int, int] | None  # the created events it applies to (an import's); None: all


class Renames:
    """Every rename in the journal, in journal order; ``__call__`` respells a name to today's
    (casefolded: names are unique ignoring case, and an import may give a source's name in another
    case than the one stored), ``then`` to the name of a past moment (as spelled then)."""

    def __init__(self, db: Handle, tables: set[str] | None = None) -> None:
        self.renames: list[_Rename] = []
        self.marks: list[int] = []
        self.scoped = False  # some apply only to the claims of one import
        self.created = 0  # the created event id of the claim being replayed
        self.memo: dict[tuple[str, int], str] = {}
        if tables is not None and CHANGE_TABLE not in tables:
            return
        mark = 0
        found: dict[int, tuple[str, str]] = {}
        for row in db.iterate(
            f"SELECT id, recorded_at, command, first_event, last_event, undoes, detail FROM {CHANGE_TABLE} ORDER BY id"
        ):
            at = str(row["recorded_at"])
            if row["command"] == "source rename":
                said = detail(row["detail"])
                if isinstance(said.get("old"), str) and isinstance(said.get("new"), str):
                    found[row["id"]] = (said["old"], said["new"])
                    self._add(_Rename(mark, at, said["old"], said["new"], None))
            elif row["command"] == "undo" and row["undoes"] in found:
                old, new = found[row["undoes"]]
                self._add(_Rename(mark, at, new, old, None))
            if row["last_event"] is not None:
                mark = max(mark, int(row["last_event"]))
            if row["command"] == "import" and row["first_event"] is not None:
                # A record's history names its source as the database it came from called it
                # before a rename there: the import's detail says what it is called now.
                respelled = detail(row["detail"]).get("respelled")
                for old_key, new in respelled.items() if isinstance(respelled, dict) else ():
                    if isinstance(new, str):
                        self._add(_Rename(mark, at, old_key, new, (int(row["first_event"]), mark)))

    def _add(self, rename: _Rename) -> None:
        self.marks.append(rename.mark)
        self.renames.append(rename)
        self.scoped = self.scoped or rename.scope is not None

    def _applies(self, rename: _Rename, created: int) -> bool:
        return rename.scope is None or rename.scope[0] <= created <= rename.scope[1]

    def __call__(self, name: str | None, event: Row | None) -> str | None:
        """``name`` (as its key, ``textkeys.name_key``) as renamed since ``event`` (None: since the start)."""
        if name is None:
            return None
        first = bisect.bisect_left(self.marks, int(event["id"])) if self.renames and event else len(self.renames)
        key = (name, first)
        if self.scoped or key not in self.memo:  # scoped renames depend on the claim: not kept
            result = name_key(name)
            for rename in self.renames[first:]:
                if result == name_key(rename.old) and self._applies(rename, self.created):
                    result = name_key(rename.new)
            if self.scoped:
                return result
            self.memo[key] = result
        return self.memo[key]

    def then(self, name: str, event_id: int, created: int, when: str) -> str:
        """The name a source that ``event_id`` named ``name`` had at ``when`` (a stored time):
        respelled by the renames recorded after the event and by then, and taken back through the
        renames recorded before the event (a back-dated one) but after then."""
        if not self.renames:
            return name
        first = bisect.bisect_left(self.marks, event_id)
        for rename in reversed(self.renames[:first]):
            if rename.at > when and rename.scope is None and name_key(name) == name_key(rename.new):
                name = rename.old
        for rename in self.renames[first:]:
            if rename.at <= when and name_key(name) == name_key(rename.old) and self._applies(rename, created):
                name = rename.new
        return name
