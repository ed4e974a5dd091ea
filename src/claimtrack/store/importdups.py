"""Which imported records repeat a claim that was there before the import began.

An import skips (or, with ``--force``, keeps) a record whose claim text and source a live claim
already had; claims the import itself writes never count, even when a backup puts them at ids
below the highest one there before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimtrack.store.writer import Writer


class Duplicates:
    """Finds the records whose (``text_key``, source id) a live claim had before the import began.

    Claims this import writes never count: only ids up to the highest one before it, less those of
    this import that landed below it (free ids a backup kept). Looked up once per batch with an
    ``IN`` list over the ``text_key`` index; while that index is set aside (a small database, see
    ``store.imports.REBUILD_INDEXES_BELOW``) the existing keys are read once instead, which is fewer than that."""

    def __init__(self, w: Writer, top: int, preload: bool) -> None:
        self.w = w
        self.top = top
        self.below_top: set[int] = set()  # ids this import gave that are <= top
        self.loaded: set[tuple[str, int]] | None = None
        if preload:
            self.loaded = {
                (r["text_key"], r["source_id"])
                for r in w.rows("SELECT text_key, source_id FROM claim WHERE deleted_at IS NULL")
            }

    def given(self, claim_id: int) -> None:
        if claim_id <= self.top:
            self.below_top.add(claim_id)

    def present(self, keys: list[str]) -> set[tuple[str, int]]:
        """The (text_key, source_id) pairs among live claims there before, for these text keys."""
        if self.loaded is not None:
            return self.loaded
        found: set[tuple[str, int]] = set()
        distinct = list(dict.fromkeys(keys))
        for start in range(0, len(distinct), 500):
            chunk = distinct[start : start + 500]
            params = {f"k{i}": k for i, k in enumerate(chunk)}
            marks = ", ".join(f":k{i}" for i in range(len(chunk)))
            for r in self.w.rows(
                f"SELECT id, text_key, source_id FROM claim WHERE text_key IN ({marks}) AND deleted_at IS NULL", params
            ):
                if r["id"] <= self.top and r["id"] not in self.below_top:
                    found.add((r["text_key"], r["source_id"]))
        return found
