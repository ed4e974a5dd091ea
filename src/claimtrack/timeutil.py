"""Dates and times as claimtrack stores and shows them.

Everything is UTC. Dates are ``YYYY-MM-DD`` text and times ``YYYY-MM-DDTHH:MM:SSZ`` text, both in
the database and in output: fixed-width ISO 8601 sorts correctly as text on every backend and
reads back identically through any driver, so there is no timezone or driver conversion to drift.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from claimtrack.errors import InvalidInput

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now() -> str:
    """The current UTC time, to the second, as stored."""
    return format_time(datetime.now(UTC))


def format_time(moment: datetime) -> str:
    """A timezone-aware datetime as stored text (UTC, whole seconds)."""
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def today() -> date:
    return datetime.now(UTC).date()


def parse_date(text: str, option: str = "date") -> str:
    """Validate ``YYYY-MM-DD`` and return it normalised; raise InvalidInput otherwise."""
    raw = text.strip()
    if _DATE.match(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            pass
    raise InvalidInput(f"invalid {option} {text!r}: use a real date as YYYY-MM-DD, e.g. 2024-06-19")


def parse_datetime(text: str, option: str = "--at") -> str:
    """A date (midnight UTC) or an ISO 8601 date-time (UTC if no offset) -> stored time text."""
    raw = text.strip()
    if _DATE.match(raw):
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
    return format_time(moment)


def end_of_day(day: str) -> str:
    """The last stored instant of a ``YYYY-MM-DD`` day: what "as it stood on DAY" means."""
    return f"{day}T23:59:59Z"


def days_ago(days: int) -> str:
    return format_time(datetime.now(UTC) - timedelta(days=days))
