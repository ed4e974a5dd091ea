"""Dates and times as claimtrack stores and shows them.

Everything is UTC. Dates are ``YYYY-MM-DD`` text and times ``YYYY-MM-DDTHH:MM:SSZ`` text, both in
the database and in output: fixed-width ISO 8601 sorts correctly as text on every backend and
reads back identically through any driver, so there is no timezone or driver conversion to drift.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from claimtrack.errors import InvalidInput

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # the stored form, for strptime
EARLIEST = "0001-01-01T00:00:00Z"


def now() -> str:
    """The current UTC time, to the second, as stored."""
    return format_time(datetime.now(UTC))


def format_time(moment: datetime) -> str:
    """A timezone-aware datetime as stored text (UTC, whole seconds).

    Formatted by hand, not with ``strftime``: glibc's ``%Y`` writes year 1 as ``1``, not ``0001``,
    and stored times must be fixed-width to sort as text. Raises OverflowError when the UTC time
    falls outside years 1-9999 (``0001-01-01T00:00:00+01:00``).
    """
    m = moment.astimezone(UTC)
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}Z"


def today() -> date:
    return datetime.now(UTC).date()


def parse_date(text: str, option: str = "date") -> str:
    """Validate ``YYYY-MM-DD`` and return it normalised; raise InvalidInput otherwise."""
    raw = text.strip()
    if _DATE.fullmatch(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            pass
    raise InvalidInput(f"invalid {option} {text!r}: use a real date as YYYY-MM-DD, e.g. 2024-06-19")


def parse_datetime(text: str, option: str = "--at") -> str:
    """A date (midnight UTC) or an ISO 8601 date-time (UTC if no offset) -> stored time text."""
    raw = text.strip()
    if _DATE.fullmatch(raw):
        day = parse_date(raw, option)
        return f"{day}T00:00:00Z"
    try:
        moment = datetime.fromisoformat(raw.replace("z", "Z"))
    except ValueError:
        moment = None
    if moment is None or "T" not in raw.upper() and " " not in raw:
        raise InvalidInput(
            f"invalid {option} {text!r}: use a date (2024-06-19) or an ISO 8601 date-time "
            "(2024-06-19T14:30:00Z)"
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return format_time(moment)
    except OverflowError:  # the offset moves it past year 1 or 9999 in UTC
        raise InvalidInput(
            f"invalid {option} {text!r}: it falls outside the times claimtrack can store; "
            f"give a time from {EARLIEST} up to now"
        ) from None


def end_of_day(day: str) -> str:
    """The last stored instant of a ``YYYY-MM-DD`` day: what "as it stood on DAY" means."""
    return f"{day}T23:59:59Z"


def days_ago(days: int) -> str:
    return format_time(datetime.now(UTC) - timedelta(days=days))
