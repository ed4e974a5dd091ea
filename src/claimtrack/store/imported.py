"""What a bulk import is given and what it reports: the records the service builds, the result.

Apart from ``store.imports`` (which writes them) so the modules that only build or read these
records (``importer``, and ``readahead``'s reading process) need nothing of the writing side.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from claimtrack.confidence import format_number
from claimtrack.history import make_state

_number = functools.lru_cache(maxsize=4096)(format_number)  # a large import repeats the same confidences


@dataclass(slots=True)
class ImportedClaim:
    """A validated claim to import (the service builds these). ``uuid`` None: a new claim, given a
    fresh random uuid here (which no claim can already have, so it is not looked up)."""

    uuid: str | None
    text: str
    source: str
    status: str
    confidence: float | None
    confidence_phrase: str | None
    created_at: str
    updated_at: str
    id: int | None = None
    quote: str | None = None
    url: str | None = None
    said_on: str | None = None
    review_by: str | None = None
    tags: tuple[str, ...] = ()
    events: list[dict[str, Any]] = field(default_factory=list)
    deleted_at: str | None = None  # a backup's deleted claim: imported deleted (``restore`` brings it back)
    # Worked out where the record is read (``importcheck.prepare``: in the reader process, when an
    # import has one), so the writing process has less to do per claim; "" when not worked out.
    key: str = ""  # ``textsafe.claim_key`` of the text
    fresh_uuid: str = ""  # the uuid a new claim gets (``uuid`` None)
    state: str = ""  # the created event's state, naming the source as the record spells it

    def __reduce__(self) -> tuple[type[ImportedClaim], tuple[Any, ...]]:
        # Pickled (by ``readahead``'s reading process) as the constructor's arguments: the writing
        # process then builds each claim with one call, where the default for a slotted dataclass
        # sets the fields one by one in Python (3.6 times the cost: ~5 s of a 1M-claim import).
        return ImportedClaim, _claim_fields(self)


_claim_fields = attrgetter(*(f.name for f in fields(ImportedClaim)))


@dataclass(slots=True)
class ImportedFeedItem:
    """A feed item ``match --feed`` had seen, from a backup (``store.matching``)."""

    feed: str
    item: str
    first_seen: str


@dataclass(slots=True)
class ImportedSource:
    name: str
    kind: str | None = None  # None: not given; the import's default kind (defaults.source_kind)
    reliability: str | None = None
    url: str | None = None
    notes: str | None = None
    created_at: str | None = None


@dataclass(slots=True)
class ImportResult:
    added: int = 0
    skipped: int = 0  # the uuid is already present
    duplicates: int = 0  # text and source match a live claim already there (see ``store.imports``)
    warnings: list[str] = field(default_factory=list)  # what went wrong AFTER the commit


def plain_state(c: ImportedClaim, source: str) -> str:
    """The created state of a claim imported without a history: the record as it is, naming the
    source ``source`` (``claimtrack.history``; the importer sorts the tags)."""
    return make_state(
        text=c.text,
        source=source,
        status=c.status,
        confidence=c.confidence_phrase or (None if c.confidence is None else _number(c.confidence)),
        quote=c.quote,
        url=c.url,
        said_on=c.said_on,
        review_by=c.review_by,
        tags=c.tags,
        tags_sorted=True,
    )
