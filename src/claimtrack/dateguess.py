"""'Did you mean 2025-03-24?' for a date written another common way.

Dates are typed as ``YYYY-MM-DD`` only: ``03/04/2025`` is 3 April in most of the world and March 4
in the United States, and guessing silently would store the wrong day. So nothing here is ever
accepted; an error line only gains the ISO date(s) the text can mean: one when the reading is
unambiguous (``24/03/2025``, a day above 12; ``2025-3-4``; ``24 March 2025``), both when it is not
(``03/04/2025``). Kept apart from ``timeutil`` and free of claimtrack imports: it only proposes.
"""

from __future__ import annotations

import re
from datetime import date

_SEP = r"[/.\-]"
# 24/03/2025, 03-24-2025, 24.3.2025: day and month in either order, a four-digit year last
_YEAR_LAST = re.compile(rf"([0-9]{{1,2}})({_SEP})([0-9]{{1,2}})\2([0-9]{{4}})", re.ASCII)
# 2025-3-4, 2025/03/24, 2025.03.24, 2025-24-03: year first, one- or two-digit parts
_YEAR_FIRST = re.compile(rf"([0-9]{{4}})({_SEP})([0-9]{{1,2}})\2([0-9]{{1,2}})", re.ASCII)
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})", re.ASCII)  # 20250324 (ISO basic form)
_MONTHS = "january february march april may june july august september october november december".split()
_DAY_MONTH = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?[ ]+([a-z]{3,9})\.?,?[ ]+([0-9]{4})", re.ASCII)
_MONTH_DAY = re.compile(r"([a-z]{3,9})\.?[ ]+([0-9]{1,2})(?:st|nd|rd|th)?,?[ ]+([0-9]{4})", re.ASCII)
# what may follow the date when a time is allowed: 14:30, 14:30:00, with an offset or Z
_TIME = re.compile(r"(?:[ T]+)([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[zZ]|[+-][0-9]{2}:?[0-9]{2})?)", re.ASCII)


def _day(year: str, month: str | int, day: str | int) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int | None:
    """1-12 for an English month name or its three-letter (or longer) start; None otherwise."""
    for number, name in enumerate(_MONTHS, 1):
        if len(word) >= 3 and name.startswith(word):
            return number
    return None


def readings(text: str) -> list[str]:
    """The ISO days ``text`` can mean (none, one, or two for day/month either way round)."""
    raw = " ".join(text.strip().lower().split())
    found: list[str | None] = []
    if match := _YEAR_LAST.fullmatch(raw):
        first, _, second, year = match.groups()
        found = [_day(year, second, first), _day(year, first, second)]  # day first (most of the world), then US
    elif match := _YEAR_FIRST.fullmatch(raw):
        year, _, month, day = match.groups()
        found = [_day(year, month, day), _day(year, day, month)]  # 2025-24-03 can only be the 24th of March
        if found[0]:
            found = found[:1]
    elif match := _COMPACT.fullmatch(raw):
        found = [_day(*match.groups())]
    elif match := _DAY_MONTH.fullmatch(raw):
        day, word, year = match.groups()
        found = [_day(year, month, day) if (month := _month(word)) else None]
    elif match := _MONTH_DAY.fullmatch(raw):
        word, day, year = match.groups()
        found = [_day(year, month, day) if (month := _month(word)) else None]
    return list(dict.fromkeys(day for day in found if day))


def hint(text: str, *, time: bool = False) -> str:
    """``'; did you mean 2025-03-24?'`` to end an error line about ``text``, or ``''``.

    With ``time`` (``--at``), a time may follow the date (``24/03/2025 14:30``) and is kept,
    joined with ``T`` as ISO 8601 writes it.
    """
    raw = text.strip()
    clock = ""
    if time and (match := _TIME.search(raw)) and match.end() == len(raw):
        raw, clock = raw[: match.start()], "T" + match.group(1).upper()
        if clock[2] == ":":  # T9:30 -> T09:30
            clock = "T0" + clock[1:]
    days = readings(raw)
    if not days:
        return ""
    return "; did you mean " + " or ".join(day + clock for day in days) + "?"
