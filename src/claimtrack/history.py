"""What a claim was created with, and whether its history replays to what it is now.

A claim's ``created`` event holds, in ``new``, the state it was created with: canonical JSON
(sorted keys, no spaces) of its text, quote, source name, confidence (the canonical text that
confidence events record: the phrase, else the number), status, url, said on, review by and tags
(sorted). Every later change to those fields is an event holding the value before (``old``) and
after (``new``). So the history alone says what every claim row must hold now: ``db check``
replays it and names any field that differs (a row changed behind claimtrack's back, or an event
lost), and a database upgraded from one whose created events held nothing gets them filled by
walking each field back from its current value through the events' ``old`` values.

Replays do not depend on the order events are stored in (a backup restores events in the order
they happened, not the order they were recorded): each field's events are steps ``old -> new``,
and a chain of steps from a start value uses every step exactly once only if every value is left
as often as it is reached, except the start (left once more) and the end (reached once more).
So the end follows from the start by counting alone, and the start from the end: a lost or
forged step leaves the counts unbalanced, or ends the chain at another value. No SQL here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from json.encoder import encode_basestring as _text  # the C escaping json.dumps uses
from typing import Any

from claimtrack.confidence import format_number, parse

STATE_KEYS = ("confidence", "quote", "review_by", "said_on", "source", "status", "tags", "text", "url")
FIELDS = ("text", "quote", "url", "said_on", "review_by")  # edit events of these hold the value itself
_ABSENT, _PRESENT = False, True  # a tag's two values


class Inconsistent(Exception):
    """A field's events do not chain (a step is missing or was forged)."""


def state_json(state: dict[str, Any]) -> str:
    """The canonical text a created event holds (``state``: the STATE_KEYS)."""
    return json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def make_state(
    *,
    text: str,
    source: str,
    status: str,
    confidence: str | None,
    quote: str | None = None,
    url: str | None = None,
    said_on: str | None = None,
    review_by: str | None = None,
    tags: Iterable[str] = (),
    tags_sorted: bool = False,
) -> str:
    """``state_json`` of a claim as created (``confidence``: its canonical text, or None;
    ``tags_sorted``: ``tags`` are sorted and distinct already).

    Spelled out rather than through ``json.dumps`` (a third of the time, on every imported claim),
    with the JSON encoder's own string escaping, so the text is exactly ``state_json``'s (a test
    compares the two)."""
    e = _text
    return (
        f'{{"confidence":{"null" if confidence is None else e(confidence)},'
        f'"quote":{"null" if quote is None else e(quote)},'
        f'"review_by":{"null" if review_by is None else e(review_by)},'
        f'"said_on":{"null" if said_on is None else e(said_on)},"source":{e(source)},"status":{e(status)},'
        f'"tags":[{",".join(map(e, tags if tags_sorted else sorted(set(tags))))}],"text":{e(text)},'
        f'"url":{"null" if url is None else e(url)}}}'
    )


def parse_state(text: str | None) -> dict[str, Any]:
    """A created event's ``new`` as a state; ValueError (saying why) if it is not one."""
    if text is None:
        raise ValueError("it does not record what the claim was created with")
    try:
        state = json.loads(text)
    except ValueError:
        raise ValueError("what it records is not valid JSON") from None
    if not isinstance(state, dict) or set(state) != set(STATE_KEYS):
        raise ValueError(f"what it records is not an object of exactly: {', '.join(STATE_KEYS)}")
    for key in STATE_KEYS:
        value = state[key]
        if key == "tags":
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise ValueError("its tags are not a list of text")
        elif key in ("text", "source", "status"):
            if not isinstance(value, str) or not value:
                raise ValueError(f"its {key} is not text")
        elif value is not None and not isinstance(value, str):
            raise ValueError(f"its {key} is neither text nor null")
    return state


# ---- chains of steps ---------------------------------------------------------------------------


def _balance(steps: Iterable[tuple[Hashable, Hashable]]) -> Counter[Hashable]:
    balance: Counter[Hashable] = Counter()
    for old, new in steps:
        balance[new] += 1
        balance[old] -= 1
    return balance


def chain_end(start: Hashable, steps: Sequence[tuple[Hashable, Hashable]]) -> Hashable:
    """Where a chain of steps from ``start`` ends (Inconsistent: the steps do not chain from it)."""
    if not steps:
        return start
    balance = _balance(steps)
    balance[start] += 1
    ends = [value for value, n in balance.items() if n]
    if len(ends) != 1 or balance[ends[0]] != 1:
        raise Inconsistent
    return ends[0]


def chain_start(end: Hashable, steps: Sequence[tuple[Hashable, Hashable]]) -> Hashable:
    """Where a chain of steps ending at ``end`` started (Inconsistent: none does)."""
    if not steps:
        return end
    balance = _balance(steps)
    balance[end] -= 1
    starts = [value for value, n in balance.items() if n]
    if len(starts) != 1 or balance[starts[0]] != -1:
        raise Inconsistent
    return starts[0]


def steps_by_field(events: Iterable[dict[str, Any]], rename: Any = None) -> dict[str, list[tuple[Any, Any]]]:
    """Each replayed field's steps (``tag:NAME`` per tag, as absent/present), from a claim's events.

    ``rename(name, event)``: the name a source had when replayed to today (renames since the event)."""
    steps: dict[str, list[tuple[Any, Any]]] = {}
    for e in events:
        kind, name = e["kind"], e.get("field")
        if kind == "status":
            steps.setdefault("status", []).append((e["old"], e["new"]))
        elif kind == "confidence":
            steps.setdefault("confidence", []).append((e["old"], e["new"]))
        elif kind != "edit":
            continue
        elif name == "tag":
            tag = e["new"] if e["new"] is not None else e["old"]
            steps.setdefault(f"tag:{tag}", []).append((e["old"] is not None, e["new"] is not None))
        elif name == "source":
            old, new = (e["old"], e["new"]) if rename is None else (rename(e["old"], e), rename(e["new"], e))
            steps.setdefault("source", []).append((old, new))
        elif name in FIELDS:
            steps.setdefault(name, []).append((e["old"], e["new"]))
    return steps


def earliest(current: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """The state a claim was created with, walked back from ``current`` (a state) through its events.

    A field whose steps do not chain back from its current value takes the ``old`` of its first
    event (in the order given), the best the history can tell."""
    state = dict(current)
    tags = set(current["tags"])
    for name, steps in steps_by_field(events).items():
        now = (name[4:] in tags) if name.startswith("tag:") else current[name]
        try:
            start = chain_start(now, steps)
        except Inconsistent:
            start = steps[0][0]
        if name.startswith("tag:"):
            (tags.add if start else tags.discard)(name[4:])
        else:
            state[name] = start
    state["tags"] = sorted(tags)
    return state


def differences(
    created: dict[str, Any],
    current: dict[str, Any],
    events: list[dict[str, Any]],
    rename: Any = None,
    lenient: frozenset[str] = frozenset(),
    created_event: dict[str, Any] | None = None,
) -> list[str]:
    """Why ``current`` (a state) is not where ``created`` and the events lead: one phrase per field.

    ``lenient``: fields checked elsewhere (a different message), left out here."""
    found = []
    steps = steps_by_field(events, rename)
    if not steps:  # most claims: nothing changed since their creation
        for name in STATE_KEYS:
            if name in lenient:
                continue
            if name == "tags":
                if set(created["tags"]) != set(current["tags"]):
                    found.append("tags differ from its history")
            elif (
                rename(created[name], created_event) if name == "source" and rename is not None else created[name]
            ) != current[name]:
                found.append(f"{name} differs from its history")
        return found
    tags_then, tags_now = set(created["tags"]), set(current["tags"])
    tag_problem = False
    for name in sorted(steps.keys() | {f"tag:{t}" for t in tags_then ^ tags_now} | set(STATE_KEYS) - {"tags"}):
        if name in lenient:
            continue
        if name.startswith("tag:"):
            tag = name[4:]
            start, now = tag in tags_then, tag in tags_now
        else:
            start, now = created[name], current[name]
            if name == "source" and rename is not None:
                start = rename(start, created_event)
        try:
            end = chain_end(start, steps.get(name, []))
        except Inconsistent:
            if name.startswith("tag:"):
                tag_problem = True
            else:
                found.append(f"its {name} history does not chain from its created event (an event is missing)")
            continue
        if end != now:
            if name.startswith("tag:"):
                tag_problem = True
            else:
                found.append(f"{name} differs from its history")
    if tag_problem:
        found.append("tags differ from its history")
    return found


def canonical_confidence(value: float | None, phrase: str | None) -> str | None:
    """The text confidence events hold for a stored confidence: its phrase, else its number.

    Only for rows claimtrack wrote (a phrase always comes with its own value); ``row_confidence``
    checks a row that may have been changed behind claimtrack's back."""
    if value is None:
        return None
    return phrase if phrase else format_number(value)


def row_confidence(value: float | None, phrase: str | None) -> str | None:
    """``canonical_confidence`` of a claim row, or text no event holds if its value and phrase disagree."""
    if value is None:
        return None if phrase is None else f"(no value) {phrase}"
    if phrase:
        try:
            if abs(parse(phrase).value - value) < 1e-9:
                return phrase
        except Exception:  # a phrase no longer known: not what any event holds
            pass
        return f"{format_number(value)} {phrase!r}"
    return format_number(value)


def replay(start: dict[str, Any], events: Iterable[dict[str, Any]], created_id: int = 0) -> tuple[dict[str, Any], int]:
    """A claim's state after ``events`` (in the order they happened), from its ``start`` state; and
    the id of the event that named its source last (``created_id`` if none moved it), so the name
    can be respelled by the renames since (``store.renames``)."""
    state = dict(start)
    tags = set(start["tags"])
    source_event = created_id
    for e in events:
        kind, name = e["kind"], e.get("field")
        if kind in ("status", "confidence"):
            state[kind] = e["new"]
        elif kind != "edit":
            continue
        elif name == "tag":
            if e["old"] is not None:
                tags.discard(e["old"])
            if e["new"] is not None:
                tags.add(e["new"])
        elif name == "source" and e["new"] is not None:
            state["source"], source_event = e["new"], int(e["id"])
        elif name in FIELDS:
            state[name] = e["new"]
    state["tags"] = sorted(tags)
    return state, source_event
