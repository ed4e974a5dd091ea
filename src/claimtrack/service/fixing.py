"""Fixing mistakes: ``undo`` the newest change, ``delete`` claims (history kept) and ``restore`` them.

Merging two spellings of a source is a source operation: ``track_record.merge_sources``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack import ids as id_list
from claimtrack.service.base import Result, ServiceBase

if TYPE_CHECKING:
    from claimtrack.store.undo import Undone


class Fixing(ServiceBase):
    """Take a change back, take claims out of every view, bring them back."""

    def undo(self, dry_run: bool = False, change: int | None = None, anyone: bool = False) -> Undone:
        """Take back your newest change not yet undone (``store.undo``); ``change``: that one;
        ``anyone``: the newest of anyone's; ``dry_run``: only say what."""
        from claimtrack.store.undo import undo

        return undo(self.db, dry_run=dry_run, change=change, anyone=anyone)

    def undo_list(self) -> list[dict[str, Any]]:
        """The newest changes of the undo journal, newest first (``store.undotarget.journal``)."""
        from claimtrack.store.undotarget import journal

        return journal(self.db)

    @property
    def author(self) -> str:
        """Who this command's changes are by (``claimtrack.authors``)."""
        return self.db.author

    def delete(self, cids: list[int]) -> Result:
        """Delete claims: they leave every view but ``show`` and ``list --deleted``; history stays."""
        from claimtrack.store import writes

        writes.set_deleted(self.db, cids, deleted=True)
        what = f"claim {cids[0]}" if len(cids) == 1 else f"{len(cids)} claims ({id_list.shown(cids)})"
        return Result(
            {},
            len(cids),
            [
                f"Deleted {what}; bring {'it' if len(cids) == 1 else 'them'} back with: "
                f"claimtrack restore {id_list.shown(cids).replace(', ', ' ')} (or: claimtrack undo)"
            ],
        )

    def restore(self, cids: list[int]) -> Result:
        from claimtrack.store import writes

        writes.set_deleted(self.db, cids, deleted=False)
        what = f"claim {cids[0]}" if len(cids) == 1 else f"{len(cids)} claims ({id_list.shown(cids)})"
        return Result({}, len(cids), [f"Restored {what}."])
