"""Dates and times as claimtrack stores and shows them.

Stored and shown in UTC. Dates are ``YYYY-MM-DD`` text and times ``YYYY-MM-DDTHH:MM:SSZ`` text (the
``Z`` says UTC wherever a time is shown), both in the database and in output: fixed-width ISO 8601
sorts correctly as text on every backend and reads back identically through any driver, so there is
no timezone or driver conversion to drift.

Two kinds of input: files (``import``) are ISO only and UTC (``parse_date``, ``parse_datetime``),
since a backup that says "yesterday" does not say which day it means; what a person types on the
command line is read in their local time zone (``TZ``, else the system's) and also takes relative
days (``parse_user_date``, ``parse_user_time``): ``today`` is the local today, a date-time without
an offset is local time (one with an offset or ``Z`` is taken as given), and a day typed for a
moment (``--at``) means local noon, so its UTC date is the day typed everywhere from UTC-11 to
UTC+11. A day that bounds moments (``--as-of``, ``log --since``) is the whole local day.

The clock is ``_clock``; tests replace it (``monkeypatch.setattr(timeutil, "_clock", ...)``) to
fix "now", and set ``TZ`` with ``time.tzset()`` to pick the zone.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from claimtrack import dateguess
from claimtrack.errors import InvalidInput

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # the stored form, for strptime
EARLIEST = "0001-01-01T00:00:00Z"
LATEST = "9999-12-31T23:59:59Z"
NOON = time(12)


def _clock() -> datetime:
    """The current time, timezone-aware (every clock reading goes through here)."""
    return datetime.now(UTC)


def now() -> str:
    """The current UTC time, to the second, as stored."""
    return format_time(_clock())


def format_time(moment: datetime) -> str:
    """A timezone-aware datetime as stored text (UTC, whole seconds).

    Formatted by hand, not with ``strftime``: glibc's ``%Y`` writes year 1 as ``1``, not ``0001``,
    and stored times must be fixed-width to sort as text. Raises OverflowError when the UTC time
    falls outside years 1-9999 (``0001-01-01T00:00:00+01:00``).
    """
    m = moment.astimezone(UTC)
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}Z"


def today() -> date:
    """The current local date: what ``today`` and ``3 days ago`` count from."""
    return _clock().astimezone().date()


def zone_name() -> str:
    """The local time zone's abbreviation now (``KST``, ``PDT``, ``UTC``), for messages."""
    return _clock().astimezone().tzname() or "local time"


def local_date(moment: str) -> str:
    """The local ``YYYY-MM-DD`` day a stored time falls on (what a person in this zone calls it)."""
    try:
        return datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone().date().isoformat()
    except (OverflowError, ValueError, OSError):  # within hours of year 1 or 9999: the UTC day
        return moment[:10]


def _local(day: str, at: time) -> str:
    """Local time ``at`` on ``day`` as stored (UTC) text; OverflowError past years 1-9999 in UTC."""
    try:
        return format_time(datetime.combine(date.fromisoformat(day), at).astimezone(UTC))
    except (ValueError, OSError) as exc:  # 'year 0 is out of range' from the local conversion
        raise OverflowError(str(exc)) from None


def start_of_day(day: str) -> str:
    """The first stored instant of a local ``YYYY-MM-DD`` day: what "since DAY" means."""
    try:
        return _local(day, time(0))
    except OverflowError:
        return EARLIEST


def end_of_day(day: str) -> str:
    """The last stored instant of a local ``YYYY-MM-DD`` day: what "as it stood on DAY" means."""
    try:
        return _local(day, time(23, 59, 59, fold=1))  # fold: the later 23:59:59 if the clock goes back
    except OverflowError:
        return LATEST


_clock_today = today  # parse_user_date's ``today`` argument shadows the function


def parse_date(text: str, option: str = "date") -> str:
    """Validate ``YYYY-MM-DD`` and return it normalised; raise InvalidInput otherwise."""
    raw = text.strip()
    if _DATE.fullmatch(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            pass
    raise InvalidInput(
        f"invalid {option} {text!r}: use a real date as YYYY-MM-DD, e.g. 2024-06-19{dateguess.hint(raw)}"
    )


def parse_datetime(text: str, option: str = "--at") -> str:
    """A date (midnight UTC) or an ISO 8601 date-time (UTC if no offset) -> stored time text."""
    raw = text.strip()
    if _DATE.fullmatch(raw):
        day = parse_date(raw, option)
        return f"{day}T00:00:00Z"
    moment = _iso_moment(raw, text, option)
    if moment is None:
        raise InvalidInput(
            f"invalid {option} {text!r}: use a date (2024-06-19) or an ISO 8601 date-time "
            f"(2024-06-19T14:30:00Z){dateguess.hint(raw, time=True)}"
        )
    return moment


def _iso_moment(raw: str, text: str, option: str, *, local: bool = False) -> str | None:
    """An ISO 8601 date-time as stored text; None if ``raw`` is not one. Without an offset it is
    UTC, or with ``local`` the local time zone's (what a person typed).

    Raises InvalidInput when it is one but falls outside the times that can be stored.
    """
    try:
        moment = datetime.fromisoformat(raw.replace("z", "Z"))
    except ValueError:
        return None
    if "T" not in raw.upper() and " " not in raw:
        return None
    try:
        if moment.tzinfo is None:
            moment = moment.astimezone(UTC) if local else moment.replace(tzinfo=UTC)
        return format_time(moment)
    except (OverflowError, ValueError, OSError):  # the offset moves it past year 1 or 9999 in UTC
        raise InvalidInput(
            f"invalid {option} {text!r}: it falls outside the times claimtrack can store; "
            f"give a time from {EARLIEST} up to now"
        ) from None


PAST_FORMS = "today, yesterday, 3 days ago, 2 weeks ago"
FUTURE_FORMS = "tomorrow, in 10 days, in 2 weeks"
_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_AGO = re.compile(r"([0-9]+) (day|week)s? ago", re.ASCII)
_IN = re.compile(r"in ([0-9]+) (day|week)s?", re.ASCII)
_MAX_DIGITS = 7  # 9,999,999 days is past year 9999 either way; more digits cannot be a date


def _relative(text: str) -> int | None:
    """Days from today for a relative day as typed (case and spaces folded), else None.

    Negative is the past, so only a positive offset is a future-pointing form. A number too long
    to be any storable day becomes one just out of range, refused as such by the caller.
    """
    words = " ".join(text.lower().split())
    if words in _WORDS:
        return _WORDS[words]
    for pattern, sign in ((_AGO, -1), (_IN, 1)):
        match = pattern.fullmatch(words)
        if match:
            digits, unit = match.groups()
            if len(digits.lstrip("0")) > _MAX_DIGITS:
                return sign * 10**_MAX_DIGITS
            return sign * int(digits) * (7 if unit == "week" else 1)
    return None


def _word_hint(text: str, future: bool) -> str:
    """``"; did you mean 'yesterday'?"`` for a day's word misspelled (``yesterdy``), or ``''``."""
    import difflib

    words = [w for w, offset in _WORDS.items() if future or offset <= 0]
    close = difflib.get_close_matches(" ".join(text.lower().split()), words, n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _shown(text: str) -> str:
    """What the user typed, quoted for an error line and cut short so the line stays one line."""
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _forms(future: bool) -> str:
    return f"{PAST_FORMS}, {FUTURE_FORMS}" if future else PAST_FORMS


def parse_user_date(text: str, option: str, *, future: bool = False, today: date | None = None) -> str:
    """A day typed on the command line -> ``YYYY-MM-DD``; raise InvalidInput otherwise.

    Besides ISO dates, takes ``today``, ``yesterday``, ``N days ago`` and ``N weeks ago``; with
    ``future`` (``--review-by``, a day to look again) also ``tomorrow``, ``in N days`` and
    ``in N weeks``. Elsewhere a future-pointing form is refused, naming where it is allowed:
    a claim cannot have been said tomorrow. ``today`` defaults to the clock's local date; pass it
    to resolve against a fixed day. An ISO date is not checked against today here (a filter
    may name a future day); callers that need a past day check that themselves.
    """
    raw = text.strip()
    forms = _forms(future)
    if _DATE.fullmatch(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            raise InvalidInput(
                f"invalid {option} {_shown(text)}: use a real date as YYYY-MM-DD (e.g. 2024-06-19), or {forms}"
                f"{dateguess.hint(raw)}"
            ) from None
    offset = _relative(raw)
    if offset is None:
        raise InvalidInput(
            f"invalid {option} {_shown(text)}: use a date as YYYY-MM-DD, or {forms}"
            f"{dateguess.hint(raw) or _word_hint(raw, future)}"
        )
    if offset > 0 and not future:
        raise InvalidInput(
            f"invalid {option} {_shown(text)}: {option} cannot be a future day ({FUTURE_FORMS} are only for "
            f"--review-by); use a date as YYYY-MM-DD, or {forms}"
        )
    try:
        return ((today or _clock_today()) + timedelta(days=offset)).isoformat()
    except OverflowError:
        raise InvalidInput(
            f"invalid {option} {_shown(text)}: that day is outside the dates claimtrack can store "
            "(0001-01-01 to 9999-12-31); give a smaller number"
        ) from None


def parse_user_time(text: str, option: str = "--at", *, today: date | None = None) -> str:
    """A moment typed on the command line -> stored time text; raise InvalidInput otherwise.

    An ISO 8601 date-time, in local time unless it gives an offset or ``Z``; or a day (ISO, or
    a past relative day such as ``yesterday``) meaning local noon that day, or now if that is
    earlier (``today`` in the morning). Noon, not midnight: the stored UTC time then falls on
    the day typed from UTC-11 to UTC+11, so tables, exports and ClaimReview dates show that day.
    ``today`` fixes the local date relative days count from (and turns off the "now" limit).
    """
    raw = text.strip()
    if _DATE.fullmatch(raw) or _relative(raw) is not None:
        day = parse_user_date(raw, option, today=today)
        try:
            noon = _local(day, NOON)
        except OverflowError:
            raise InvalidInput(
                f"invalid {option} {_shown(text)}: it falls outside the times claimtrack can store; give a later day"
            ) from None
        return min(noon, now()) if today is None and day == _clock_today().isoformat() else noon
    moment = _iso_moment(raw, text, option, local=True)
    if moment is None:
        raise InvalidInput(
            f"invalid {option} {_shown(text)}: use a date (2024-06-19), an ISO 8601 date-time "
            f"(2024-06-19T14:30, local time, or with Z or +09:00), or {PAST_FORMS}{dateguess.hint(raw, time=True)}"
        )
    return moment


def days_ago(days: int) -> str:
    return format_time(_clock() - timedelta(days=days))
