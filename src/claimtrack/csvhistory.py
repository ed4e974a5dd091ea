"""A claim's history rebuilt from the ``resolved_on``, ``evidence`` and ``last_note`` columns.

``export --format csv`` writes those three columns (``claimcols.resolved_on``, ``claimcols.evidence``,
``claimcols.last_note``); an import of a record that has any of them and no ``events`` gets, instead
of the single created event, the history that exports to the same three cells:

1. the created event, as for any record (note ``Imported from FILE``);
2. if the claim is confirmed or refuted and ``resolved_on`` is given: a status change from
   unverified to that status, at midnight UTC of ``resolved_on``, carrying the first evidence link;
   A disputed claim with evidence gets a status change from unverified to disputed at its
   ``created_at`` instead, carrying the first link (the day it was disputed is not in the CSV);
3. each further evidence link as a note event on that day (on the claim's ``created_at`` when it
   is not resolved), oldest first;
4. the last note rides on the last event made in steps 2 and 3 (the status change itself when no
   further link is left), else it is a note event of its own; a note event that carries a link but
   not the last note reads ``Evidence imported from FILE`` (a note event needs text).

Where the round trip is exact: the three cells (and every claim column) of a second CSV export
equal the first's, except when a claim has evidence links but no last note and some link has to
travel on a note event (an unverified claim with a link, or a claim confirmed or refuted without
a ``resolved_on``; a resolved or disputed one with two or more): its ``last_note`` then reads
``Evidence imported from FILE``. What a CSV cannot carry is lost: the
time of day of the resolution and when each note was written (all on one day), the notes before
the last, status changes other than the one that resolved the claim, edits and confidence
changes. JSON and JSONL backups hold every event and stay the lossless format.

Every value is checked as the command line would check it and as an import checks events, with
the record and field named in the error: ``resolved_on`` an ISO day, not in the future, not before
``said_on``, only on a confirmed or refuted claim; each evidence link a web address (http/https);
the last note text a note may hold. The events built then go through the importer's event checks too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimtrack import timeutil
from claimtrack.errors import InvalidInput
from claimtrack.scoring import RESOLVED
from claimtrack.validate import clean_text, clean_url

COLUMNS = ("resolved_on", "evidence", "last_note")


def wanted(data: dict[str, Any]) -> bool:
    """Whether a record's history is to be built from the three columns (some given, no events)."""
    return data.get("events") is None and any(data.get(k) not in (None, "") for k in COLUMNS)


def check(
    data: dict[str, Any], label: str, status: str, said_on: str | None, today: str
) -> tuple[str | None, list[str], str | None]:
    """(resolved_on, evidence links, last note) of the record ``label`` names, each checked:
    InvalidInput names the record and the field, as the importer's other errors do."""
    day = _value(data, "resolved_on", label)
    if day is not None:
        typed_day = day
        day = _checked(label, "resolved_on", lambda: timeutil.parse_date(typed_day, "resolved_on"))
        if status not in RESOLVED:
            raise _bad(
                label,
                "resolved_on",
                f"the claim is {status!r}, and only a confirmed or refuted claim has a day it "
                "was resolved: leave resolved_on empty, or give the status it was resolved with",
            )
        if day > today:
            raise _bad(
                label,
                "resolved_on",
                f"resolved_on {day} is in the future (today is {today}); give the day it was resolved",
            )
        if said_on and day < said_on:
            raise _bad(
                label,
                "resolved_on",
                f"resolved_on {day} is before the claim was said ({said_on}); "
                "a claim is resolved after it is made: fix resolved_on or said_on",
            )
    links = _links(data.get("evidence"), label)
    note = _value(data, "last_note", label)
    if note is not None:
        typed_note = note
        note = _checked(label, "last_note", lambda: clean_text(typed_note, "last_note"))
    return day, links, note


def events(
    created: dict[str, Any], status: str, resolved_on: str | None, links: list[str], note: str | None, origin: str
) -> list[dict[str, Any]]:
    """The history (see the module docstring): ``created`` first; every event is recorded when the
    created one is (the import's time), each at the time the module docstring gives."""
    history = [created]
    carriers: list[dict[str, Any]] = []
    when = created["at"]
    rest = links
    if resolved_on and status in RESOLVED:
        when = timeutil.parse_datetime(resolved_on, "resolved_on")  # midnight UTC, as stored
        carriers.append(_event(created, when, "status", links[0] if links else None, old="unverified", new=status))
        rest = links[1:]
    elif status == "disputed" and links:  # what ``dispute --evidence URL`` (no note) writes
        carriers.append(_event(created, when, "status", links[0], old="unverified", new=status))
        rest = links[1:]
    carriers += [_event(created, when, "note", link) for link in rest]
    if note is not None:
        if not carriers:
            carriers.append(_event(created, when, "note", None))
        carriers[-1]["note"] = note
    for event in carriers:
        if event["kind"] == "note" and event["note"] is None:
            event["note"] = f"Evidence imported from {origin}"
    return history + carriers


def _event(
    created: dict[str, Any], at: str, kind: str, link: str | None, old: str | None = None, new: str | None = None
) -> dict[str, Any]:
    return {
        "at": at,
        "recorded_at": created["recorded_at"],
        "kind": kind,
        "field": "status" if kind == "status" else None,
        "old": old,
        "new": new,
        "note": None,
        "evidence_url": link,
    }


def _value(data: dict[str, Any], key: str, label: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _bad(label, key, "expected text")
    return value


def _links(value: Any, label: str) -> list[str]:
    """Evidence links: a cell of links separated by spaces (a URL holds none), or a list (JSON);
    each a web address, each kept once, in the order given."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        items = value.split()
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = value
    else:
        raise _bad(label, "evidence", "expected web addresses separated by spaces, or a list of them")
    links: dict[str, None] = {}
    for item in items:
        try:
            links[clean_url(item, "evidence") or ""] = None
        except InvalidInput as exc:
            raise _bad(label, "evidence", str(exc)) from exc
    return list(links)


def _checked(label: str, key: str, check: Callable[[], str | None]) -> Any:
    try:
        return check()
    except InvalidInput as exc:
        raise _bad(label, key, str(exc)) from exc


def _bad(label: str, key: str, message: str) -> InvalidInput:
    """The importer's form of error (``importer._field``): record, field, what is wrong."""
    return InvalidInput(f"{label}, field {key!r}: {message}; nothing was imported")
