"""Checking what users type: text, names, tags, URLs, dates, ids, confidence and list filters.

Each function returns the clean value or raises ``InvalidInput`` with one line that says what was
wrong and how to fix it. Shared by the service (commands) and the importer (files).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from claimtrack import confidence as conf
from claimtrack import timeutil
from claimtrack.choices import Status
from claimtrack.errors import InvalidInput
from claimtrack.store.queries import ClaimFilter

MAX_TEXT = 10_000
MAX_NAME = 200
MAX_TAG = 64


_EMPTY_HINT = {
    "claim text": "give the words of the claim",
    "source name": "give who made the claim, e.g. --source \"Andrei Lankov\"",
    "note": "write the note's text, or leave the option out",
}


def clean_text(value: str, what: str = "claim text", limit: int = MAX_TEXT) -> str:
    text = value.strip()
    if not text:
        raise InvalidInput(f"{what} is empty; {_EMPTY_HINT.get(what, 'give some text, or leave the option out')}")
    if len(text) > limit:
        raise InvalidInput(f"{what} is {len(text):,} characters; the limit is {limit:,}: shorten it")
    return text


def clean_optional(value: str | None, what: str, limit: int = MAX_TEXT) -> str | None:
    if value is None:
        return None
    return clean_text(value, what, limit)


def clean_url(value: str | None, option: str = "--url") -> str | None:
    if value is None:
        return None
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise InvalidInput(f"invalid {option} {value!r}: give a web address starting with http:// or https://")
    return url


def clean_tag(value: str) -> str:
    tag = "-".join(value.strip().lower().split())
    if not tag or "," in tag or len(tag) > MAX_TAG:
        raise InvalidInput(f"invalid tag {value!r}: use one word or hyphenated-words, up to {MAX_TAG} characters, no commas")
    return tag


def past_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    day = timeutil.parse_date(value, option)
    if day > timeutil.today().isoformat():
        raise InvalidInput(f"{option} {day} is in the future; a claim cannot have been made yet")
    return day


def past_time(value: str | None, option: str = "--at") -> str | None:
    if value is None:
        return None
    moment = timeutil.parse_datetime(value, option)
    if moment > timeutil.now():
        raise InvalidInput(f"{option} {value} is in the future; give when the news broke, up to now")
    return moment


def claim_id(value: str | int) -> int:
    try:
        number = int(str(value).strip().lstrip("#"))
    except ValueError:
        number = 0
    if number < 1:
        raise InvalidInput(f"invalid claim id {value!r}: ids are whole numbers from 1; see them with: claimtrack list")
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
    """Validate the filter options shared by list, summary and export."""

    def bound(value: str | None, option: str) -> float | None:
        if value is None:
            return None
        try:
            return conf.parse(value).value
        except InvalidInput as exc:
            raise InvalidInput(f"{option}: {exc}") from exc

    return ClaimFilter(
        statuses=tuple(Status(s).value for s in statuses),
        source=source.strip() or None if source else None,
        tags=tuple(clean_tag(t) for t in tags),
        min_confidence=bound(min_confidence, "--min-confidence"),
        max_confidence=bound(max_confidence, "--max-confidence"),
        since=timeutil.parse_date(since, "--since") if since else None,
        until=timeutil.parse_date(until, "--until") if until else None,
        search=search if search and search.strip() else None,
        as_of=timeutil.end_of_day(timeutil.parse_date(as_of, "--as-of")) if as_of else None,
        sort=sort,
        desc=desc,
        limit=limit,
    )


SOURCE_KINDS = ("person", "outlet", "organisation", "government", "other")


def clean_kind(value: str) -> str:
    kind = value.strip().lower().replace("organization", "organisation")
    if kind not in SOURCE_KINDS:
        raise InvalidInput(f"invalid source kind {value!r}: use one of {', '.join(SOURCE_KINDS)}")
    return kind


def clean_reliability(value: str) -> str:
    from claimtrack.scoring import RELIABILITY

    grade = value.strip().upper()
    if grade not in RELIABILITY:
        grades = ", ".join(f"{k} {v}" for k, v in RELIABILITY.items())
        raise InvalidInput(f"invalid reliability {value!r}: use an Admiralty grade A-F ({grades})")
    return grade
