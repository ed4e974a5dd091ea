"""Business rules: validate what the user asked for, decide what changes, call the store.

Never prints and never exits: it returns plain data (dicts shaped like DESIGN.md's JSON) and
raises ``claimtrack.errors`` types. The CLI renders; other front ends can reuse this as a library:

    from claimtrack.service import Service
    svc = Service("claims.db")
    svc.add("Russia vetoed new UN sanctions.", source="The Bell", confidence="very likely")

A rule lives in the module named for the user's task: ``capturing`` (add, import), ``updating``
(statuses, set, edit, notes), ``fixing`` (undo, delete, restore), ``track_record`` (sources and
their scores), ``reading`` (list, show, log, due, summary, export reads, ``--as-of``), ``matching``
(match, feed memory, look-alikes), ``setup`` (init, check, backup) and ``copying`` (db copy).
``base`` holds what they share, ``hints`` the nearest-name suggestions, ``facade`` the ``Service``.
"""

from claimtrack.service.base import Recorded, Result, view
from claimtrack.service.capturing import ImportCounts
from claimtrack.service.copying import copy_database
from claimtrack.service.facade import Service
from claimtrack.service.reading import STALE_DAYS, as_of_view
from claimtrack.service.setup import InitResult, seed_sql
from claimtrack.service.updating import STATUS_VERBS
from claimtrack.store.queries import ClaimFilter

__all__ = [
    "STALE_DAYS",
    "STATUS_VERBS",
    "ClaimFilter",
    "ImportCounts",
    "InitResult",
    "Recorded",
    "Result",
    "Service",
    "as_of_view",
    "copy_database",
    "seed_sql",
    "view",
]
