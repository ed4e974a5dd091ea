"""Capturing claims: ``add`` one (checking it is no duplicate and its source no misspelling) and
``import`` many (all or nothing). ``extract --review`` adds through ``add`` too."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimtrack.choices import Status
from claimtrack.service.base import Result, ServiceBase
from claimtrack.service.hints import new_source_notice
from claimtrack.similar import notice as near_duplicate
from claimtrack.validate import (
    MAX_NAME,
    clean_kind,
    clean_optional,
    clean_tag,
    clean_text,
    clean_url,
    parse_confidence,
    user_date,
    user_past_date,
)

if TYPE_CHECKING:
    from claimtrack.importer import Record
    from claimtrack.store.imported import ImportedClaim, ImportedFeedItem, ImportedSource


@dataclass
class ImportCounts:
    added: int
    skipped: int  # the uuid is already present
    warnings: list[str] = field(default_factory=list)  # the data is in, but something after failed
    duplicates: int = 0  # text and source match a live claim already there (skipped unless allowed)


class Capturing(ServiceBase):
    """New claims: one at a time, or a file of them."""

    def add(
        self,
        text: str,
        source: str,
        *,
        confidence: str | None = None,
        status: str = Status.unverified,
        url: str | None = None,
        said_on: str | None = None,
        tags: list[str] | tuple[str, ...] = (),
        quote: str | None = None,
        review_by: str | None = None,
        note: str | None = None,
        force: bool = False,
        source_kind: str = "other",
    ) -> Result:
        """Add a claim; an exact duplicate of a live claim is refused (``writes.Duplicate``) unless ``force``.
        ``source_kind``: the kind of the source if the claim creates it (defaults.source_kind)."""
        from claimtrack.store import writes

        new = writes.NewClaim(
            text=clean_text(text),
            source=clean_text(source, "source name", MAX_NAME),
            status=Status(status).value,
            confidence=parse_confidence(confidence),
            quote=clean_optional(quote, "quote"),
            url=clean_url(url),
            said_on=user_past_date(said_on, "--said-on"),
            review_by=user_date(review_by, "--review-by", future=True) if review_by else None,
            tags=tuple(clean_tag(t) for t in tags),
            note=clean_optional(note, "note"),
            source_kind=clean_kind(source_kind),
        )
        written = writes.create_claim(self.db, new, force=force)
        notices = [f"Added claim {written.claim_id}."]
        if written.new_source:  # only then look for the source the user may have meant
            notices.append(new_source_notice(self.db, written.claim_id, new.source))
        similar = near_duplicate(self.db, written.claim_id, new.text)  # a warning line, never an error
        if similar is not None:
            notices.append(similar)
        return Result(self.get(written.claim_id), len(written.events), notices)

    def import_records(
        self, records: Iterable[Record], origin: str, allow_duplicates: bool = False, source_kind: str = "other"
    ) -> ImportCounts:
        """Validate and import every record in one transaction; a bad record imports nothing.

        Records whose text and source match a live claim already there are skipped (and counted)
        unless ``allow_duplicates``."""
        from claimtrack import importer

        return self.import_checked(importer.validated(records, origin), allow_duplicates, source_kind)

    def import_checked(
        self,
        items: Iterable[ImportedSource | ImportedClaim | ImportedFeedItem],
        allow_duplicates: bool = False,
        source_kind: str = "other",
    ) -> ImportCounts:
        """Import records already checked (``importer.validated``, ``readahead.validated``); a source
        created without a kind gets ``source_kind`` (defaults.source_kind)."""
        from claimtrack.store import imports

        result = imports.import_items(self.db, items, allow_duplicates, clean_kind(source_kind))
        return ImportCounts(result.added, result.skipped, result.warnings, result.duplicates)
