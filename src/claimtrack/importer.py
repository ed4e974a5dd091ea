"""Importing a file: the one entry point its callers use (``import``, ``restore``, ``readahead``).

``read`` parses a file into records, each with a label that names it in errors (``record 3
(line 4)``); ``validated`` checks each record into what the store imports. Writing is the store's
job (``store.imports``), in one all-or-nothing transaction. The work is split by concern, each
module importing only those below it:

- ``importformats``: the readers (JSON, JSONL, CSV), ``detect_format`` and ``open_text``;
- ``importcheck``: one record (a claim, a source, a feed item), as strict as the command line;
- ``importevents``: a claim's history (each event, and the events together), ``deleted_at``;
- ``importfields``: the field checks all of them share (types, Unicode, times, statuses).

``validated`` stays here and looks ``validate_claim`` up in this module, so a test that replaces
it here reaches the second process ``readahead`` forks as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimtrack import timeutil
from claimtrack.choices import ImportFormat
from claimtrack.importcheck import validate_claim, validate_feed_item, validate_source
from claimtrack.importevents import deleted_at
from claimtrack.importformats import Record, detect_format, open_text, read

if TYPE_CHECKING:
    from claimtrack.store.imported import ImportedClaim, ImportedFeedItem, ImportedSource

__all__ = [
    "ImportFormat",
    "Record",
    "deleted_at",
    "detect_format",
    "open_text",
    "read",
    "validate_claim",
    "validate_feed_item",
    "validate_source",
    "validated",
]


def validated(records: Iterable[Record], origin: str) -> Iterator[ImportedSource | ImportedClaim | ImportedFeedItem]:
    """Each record checked (``importcheck``), in file order, all with one ``now``."""
    now = timeutil.now()
    for record in records:
        if record.kind == "claim":
            yield validate_claim(record.data, record.label, origin, now)
        elif record.kind == "source":
            yield validate_source(record.data, record.label)
        else:
            yield validate_feed_item(record.data, record.label, now)
