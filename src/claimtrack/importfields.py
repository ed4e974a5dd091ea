"""The field checks every part of an import shares: types, Unicode, times, statuses, errors.

An import is held to the same rules as the command line, because whatever it stores is read by
every later command and events can never be corrected (they are append-only): values have the
type the field needs (no silent str() of an object), text is valid Unicode, dates and times are
not in the future (times may run ``CLOCK_SKEW`` ahead, for a writer whose clock is a little
fast), and an error names the record and the field. ``importcheck`` (a record) and
``importevents`` (its history) both build on these, so they live below both.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from typing import Any

from claimtrack import timeutil
from claimtrack.choices import Status
from claimtrack.errors import InvalidInput
from claimtrack.store.idroom import IMPORT_MAX

# A backup's ids are kept up to 2^53 - 1 (exact in every JSON reader): the database's limit is
# 2^63 - 1, and a claim there would leave no id for the next claim (see store.idroom).
MAX_ID = IMPORT_MAX
# How far ahead of this machine's clock a time may be: the clock of the machine that wrote the
# file may run a little fast. Anything later is refused as "in the future".
CLOCK_SKEW = timedelta(minutes=5)


def field_error(label: str, name: str, exc: Exception) -> InvalidInput:
    """The import's form of error: the record, the field, what is wrong, and that nothing was written."""
    return InvalidInput(f"{label}, field {name!r}: {exc}; nothing was imported")


def kind_of(value: Any) -> str:
    """A JSON value's type as a person would name it."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def valid_unicode(value: str) -> str:
    """``value``, unless it holds a lone surrogate (JSON can escape one; no database can store it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise InvalidInput(f"holds U+{code:04X}, half of a surrogate pair, which is not text; fix the file") from exc
    return value


def string_field(value: Any, what: str = "text") -> str | None:
    """A string field: None when absent, else a valid Unicode string (anything else is refused)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"expected {what}, got {kind_of(value)}")
    return valid_unicode(value)


@functools.lru_cache(maxsize=4)
def _latest(now: str) -> str:
    """The latest time an import accepts: ``now`` plus the allowed clock skew (one per import)."""
    return timeutil.format_time(datetime.fromisoformat(now.replace("Z", "+00:00")) + CLOCK_SKEW)


def not_future(moment: str, now: str, key: str) -> str:
    """``moment`` (stored time text), unless it is later than ``now`` plus the allowed clock skew."""
    if moment > _latest(now):
        raise InvalidInput(f"{key} {moment} is in the future (it is now {now}); give when it happened, up to now")
    return moment


def time_field(value: Any, key: str, label: str, default: str, now: str | None = None) -> str:
    if value is None:
        return default
    try:
        if not isinstance(value, str):
            raise InvalidInput(f"expected an ISO 8601 time, got {kind_of(value)}")
        moment = timeutil.parse_datetime(valid_unicode(value), key)
        return not_future(moment, now, key) if now else moment
    except InvalidInput as exc:
        raise field_error(label, key, exc) from exc


STATUSES = frozenset(s.value for s in Status)


def known_status(value: Any) -> str:
    """``value`` if it names a status, else an error listing them."""
    if isinstance(value, str) and value in STATUSES:
        return value
    raise InvalidInput(f"unknown status {value!r}; use one of {', '.join(s.value for s in Status)}")
