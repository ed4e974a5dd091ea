"""``db copy``: every source, claim, tag, event and seen feed item from one database into another.

It reads through one ``Service`` and imports through another, so it sits above the composed
``facade.Service`` rather than in one of the task rooms.
"""

from __future__ import annotations

import itertools

from claimtrack.errors import InvalidInput, NotFound
from claimtrack.service.capturing import ImportCounts
from claimtrack.service.facade import Service
from claimtrack.store import queries
from claimtrack.store.queries import ClaimFilter
from claimtrack.store.target import Target


def copy_database(source: str, destination: str) -> tuple[Target, Target, ImportCounts]:
    """Copy every source, claim, tag and event from one database to another, empty one.

    Works between any two targets (SQLite file <-> PostgreSQL URL): it streams the backup form
    of each claim out of one and imports it, all in one transaction, into the other. Then the
    feed items ``match --feed`` has seen follow, so a scheduled match does not show them again.
    """
    from claimtrack import importer
    from claimtrack.export import backup_claim
    from claimtrack.store import matching

    src, dst = Service(source, create=False), Service(destination, new_folders=False)  # a missing source is not made
    try:
        if src.target.url == dst.target.url:
            raise InvalidInput("the source and destination are the same database; give two different targets")
        try:  # opened first: a source that is not a database is refused before the destination is made
            src.db  # noqa: B018
        except NotFound:
            raise InvalidInput(
                f"there is no claimtrack database at {src.target} to copy from; check the source's path or URL"
            ) from None
        if src.target.path is not None and dst.target.path is not None:
            from claimtrack import livefiles

            livefiles.refuse(str(dst.target.path), src.target.path, f"the copy to {dst.target}")
            livefiles.refuse_companion_name(str(dst.target.path), f"the copy to {dst.target}")
        existing = queries.count_claims(dst.db)
        if existing:
            raise InvalidInput(f"{dst.target} already holds {existing} claims; copy into a new, empty database")
        records = itertools.chain(
            (importer.Record("source", f"source {s['name']!r}", s) for s in src.sources()),
            (
                importer.Record("claim", f"claim {c['id']}", backup_claim(c))
                for c in src.export_claims(ClaimFilter(deleted=None))
            ),  # deleted ones too: their events say so
        )
        with src.reading():  # sources, claims and events from one snapshot of the source
            counts = dst.import_records(records, origin=str(src.target))
            seen = matching.all_items(src.db)
        matching.copy_items(dst.db, seen)
        return src.target, dst.target, counts
    finally:
        src.close()
        dst.close()
