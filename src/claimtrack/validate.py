"""Checking what users type: text, names, tags, URLs, dates, ids, confidence and list filters.

Each function returns the clean value or raises ``InvalidInput`` with one line that says what was
wrong and how to fix it. Shared by the service (commands) and the importer (files).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from claimtrack import confidence as conf
from claimtrack import timeutil
from claimtrack.choices import Status, nearest
from claimtrack.errors import InvalidInput
from claimtrack.store.queries import ClaimFilter
from claimtrack.textkeys import nfc
from claimtrack.textsafe import visible

MAX_TEXT = 10_000
MAX_NAME = 200
MAX_TAG = 64
MAX_ID = 2**63 - 1  # SQLite and PostgreSQL BIGINT ids are signed 64-bit
_ID = re.compile(r"#?[0-9]+", re.ASCII)
_SURROGATE = re.compile("[\ud800-\udfff]")


_EMPTY_HINT = {
    "claim text": "give the words of the claim",
    "source name": 'give who made the claim, e.g. --source "Andrei Lankov"',
    "note": "write the note's text, or leave the option out",
}


def storable(value: str, what: str) -> str:
    """Refuse what no backend can store as text and that is never meaningful in a claim.

    A NUL character ends a C string (SQLite's ``length()`` stops at it, so a claim of one NUL
    broke a CHECK constraint) and PostgreSQL text cannot hold it at all. A lone surrogate (what
    Python leaves for bytes that were not UTF-8, or a JSON ``"\\ud800"``) is not a character and
    cannot be encoded. Both are refused, naming the field.
    """
    if "\x00" in value:
        raise InvalidInput(f"{what} contains a NUL character (\\x00); remove it")
    bad = _SURROGATE.search(value)
    if bad:
        raise InvalidInput(
            f"{what} contains a lone surrogate (\\u{ord(bad.group()):04x}), which is not text; "
            "check the encoding of what you pasted or imported (it must be UTF-8)"
        )
    return value


def clean_text(value: str, what: str = "claim text", limit: int = MAX_TEXT) -> str:
    text = storable(value, what).strip()
    if not text:
        raise InvalidInput(f"{what} is empty; {_EMPTY_HINT.get(what, 'give some text, or leave the option out')}")
    if not visible(text):
        raise InvalidInput(
            f"{what} {text!r} has only invisible or control characters; "
            f"{_EMPTY_HINT.get(what, 'give some text, or leave the option out')}"
        )
    if len(text) > limit:
        raise InvalidInput(f"{what} is {len(text):,} characters; the limit is {limit:,}: shorten it")
    return text


def clean_optional(value: str | None, what: str, limit: int = MAX_TEXT) -> str | None:
    if value is None:
        return None
    return clean_text(value, what, limit)


# A web address typed without its scheme: a host name with a dot in it, then a path or nothing.
_HOST = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::[0-9]+)?(?:[/?#]\S*)?$", re.IGNORECASE | re.ASCII
)


def clean_url(value: str | None, option: str = "--url") -> str | None:
    if value is None:
        return None
    url = storable(value, option).strip()
    hint = "give a web address starting with http:// or https://"
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. 'http://[x': "Invalid IPv6 URL"
        raise InvalidInput(f"invalid {option} {value!r} ({exc}): {hint}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        if not parts.scheme and _HOST.match(url) and not any(c.isspace() for c in url):  # www.reuters.com/...
            hint += f" (did you mean 'https://{url}'?)"
        raise InvalidInput(f"invalid {option} {value!r}: {hint}")
    return url


def clean_tag(value: str) -> str:
    tag = nfc("-".join(storable(value, "tag").strip().lower().split()))  # tags are labels: NFC (textkeys)
    if not tag or "," in tag or len(tag) > MAX_TAG or not visible(tag):
        raise InvalidInput(
            f"invalid tag {value!r}: use one word or hyphenated-words, up to {MAX_TAG} characters, no commas"
        )
    return tag


def past_date(value: str | None, option: str, today: str | None = None) -> str | None:
    """An ISO day that is not in the future; ``today`` (an import reads the clock once) or the clock's.

    ISO only: the importer uses this for files, where "yesterday" names no day. What a user
    types goes through ``user_past_date``.
    """
    if value is None:
        return None
    return _not_after_today(timeutil.parse_date(value, option), option, today)


def user_past_date(value: str | None, option: str) -> str | None:
    """A day typed on the command line (ISO or ``3 days ago``) that is not in the future."""
    if value is None:
        return None
    return _not_after_today(timeutil.parse_user_date(value, option), option, None)


def _not_after_today(day: str, option: str, today: str | None) -> str:
    today = today or timeutil.today().isoformat()
    if day > today:
        raise InvalidInput(f"{option} {day} is in the future (today is {today}); a claim cannot have been made yet")
    return day


def user_date(value: str | None, option: str, *, future: bool = False) -> str | None:
    """A day typed on the command line: ISO or relative (``yesterday``; with ``future``, ``in 10 days``)."""
    return None if value is None else timeutil.parse_user_date(value, option, future=future)


def past_time(value: str | None, option: str = "--at") -> str | None:
    """A moment typed on the command line (ISO date, date-time, or ``yesterday``), up to now."""
    if value is None:
        return None
    moment = timeutil.parse_user_time(value, option)
    if moment > timeutil.now():
        raise InvalidInput(f"{option} {value} is in the future; give when the news broke, up to now")
    return moment


def claim_id(value: str | int) -> int:
    """A claim id: ASCII digits only (an optional ``#``), from 1 to the largest id a database holds.

    ``int()`` would also accept ``1_0`` (claim 10!), fullwidth ``１`` and Arabic-Indic ``٣``;
    none of them is how anyone writes an id shown by ``list``, so all are refused.
    """
    raw = str(value).strip()
    number = int(raw.lstrip("#")) if _ID.fullmatch(raw) else 0
    if not 1 <= number <= MAX_ID:
        shown = raw if len(raw) <= 30 else raw[:29] + "…"
        raise InvalidInput(
            f"invalid claim id {shown!r}: ids are whole numbers from 1 to {MAX_ID} in ASCII digits; "
            "see them with: claimtrack list"
        )
    return number


def parse_confidence(value: str | None) -> conf.Confidence | None:
    return None if value is None else conf.parse(value)


def claim_filter(
    *,
    statuses: list[str] | tuple[str, ...] = (),
    source: str | None = None,
    tags: list[str] | tuple[str, ...] = (),
    min_confidence: str | None = None,
    max_confidence: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    as_of: str | None = None,
    sort: str = "id",
    desc: bool = False,
    limit: int | None = None,
) -> ClaimFilter:
    """Validate the filter options shared by list, summary and export (as typed: dates may be relative)."""

    def bound(value: str | None, option: str) -> float | None:
        if value is None:
            return None
        try:
            return conf.parse(value).value
        except InvalidInput as exc:
            raise InvalidInput(f"{option}: {exc}") from exc

    if limit is not None and not 1 <= limit <= MAX_ID:
        raise InvalidInput(f"invalid --limit {limit}: give a whole number from 1 to {MAX_ID}, or leave it out for all")
    return ClaimFilter(
        statuses=tuple(Status(s).value for s in statuses),
        source=storable(source, "--source").strip() or None if source else None,
        tags=tuple(clean_tag(t) for t in tags),
        min_confidence=bound(min_confidence, "--min-confidence"),
        max_confidence=bound(max_confidence, "--max-confidence"),
        since=user_date(since, "--since") if since else None,
        until=user_date(until, "--until") if until else None,
        search=storable(search, "--search") if search and search.strip() else None,
        as_of=timeutil.end_of_day(timeutil.parse_user_date(as_of, "--as-of")) if as_of else None,
        sort=sort,
        desc=desc,
        limit=limit,
    )


SOURCE_KINDS = ("person", "outlet", "organisation", "government", "other")


def clean_kind(value: str) -> str:
    kind = value.strip().lower().replace("organization", "organisation")
    if kind not in SOURCE_KINDS:
        near = nearest(kind, SOURCE_KINDS)
        hint = f" (did you mean {near!r}?)" if near else ""
        raise InvalidInput(f"invalid source kind {value!r}{hint}: use one of {', '.join(SOURCE_KINDS)}")
    return kind


def clean_reliability(value: str) -> str:
    from claimtrack.scoring import RELIABILITY

    grade = value.strip().upper()
    if grade not in RELIABILITY:
        grades = ", ".join(f"{k} {v}" for k, v in RELIABILITY.items())
        raise InvalidInput(f"invalid reliability {value!r}: use an Admiralty grade A-F ({grades})")
    return grade
