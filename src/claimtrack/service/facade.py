"""``Service``: the one entry point every front end calls, made of the per-task rooms.

Each base class is a task of the user's, in its own module: a business rule lives in the room
named for the task it serves. They share only ``base.ServiceBase`` (the database handle), so
none of them imports another; this class puts them together.
"""

from __future__ import annotations

from claimtrack.service.capturing import Capturing
from claimtrack.service.fixing import Fixing
from claimtrack.service.matching import Matching
from claimtrack.service.reading import Reading
from claimtrack.service.setup import SettingUp
from claimtrack.service.track_record import TrackRecord
from claimtrack.service.updating import Updating


class Service(SettingUp, Capturing, Updating, Fixing, TrackRecord, Reading, Matching):
    """One database and the operations on it. The database is opened on first use."""
