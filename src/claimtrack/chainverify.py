"""``db verify BACKUP``: do a JSON/JSONL backup and the database hold the same history?

A backup carries each event's hash (``store.chain``) and the head of the event chain it was made
from. The backup's events are first checked against their own hashes (each event, with its claim's
id, must hash after the one before it: a backup edited by hand does not prove itself), then walked
beside the database's events, both in id order. The answer is one of: the same history; one is a
prefix of the other (the database has moved on since the backup, or lost its newest events); or
the first event where they part. The database's events are checked against their hashes on the way
(as ``db check`` does); then ids and hashes are compared: as each hash covers every event before
it, equal hashes mean equal histories up to there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimtrack.errors import InvalidInput
from claimtrack.store.chain import link, normal


@dataclass
class Verdict:
    """What ``db verify`` found; ``same_or_prefix`` decides the exit code."""

    backup_events: int
    database_events: int
    lines: list[str]
    same_or_prefix: bool


def backup_events(records: Iterable[Any], name: str) -> list[tuple[int, str, dict[str, Any]]]:
    """(id, hash, content) of every event of the backup's claims (``importformats.Record``s), in id order."""
    found = []
    for record in records:
        if record.kind != "claim":
            continue
        claim_id = record.data.get("id")
        if not isinstance(record.data.get("events"), list):
            raise InvalidInput(
                f"{name}: {record.label} holds no history (no events); verify a JSON or JSONL backup "
                "made by claimtrack export"
            )
        for event in record.data["events"]:
            eid, digest = (event.get("id"), event.get("hash")) if isinstance(event, dict) else (None, None)
            if not isinstance(eid, int) or not isinstance(digest, str) or not isinstance(claim_id, int):
                raise InvalidInput(
                    f"{name}: {record.label} has an event without an id and a hash; only a JSON or JSONL "
                    "backup from a claimtrack that hashes its history can be verified: export a new one"
                )
            found.append((eid, digest, normal([("claim_id", claim_id), *event.items()])))
    found.sort(key=lambda e: e[0])
    return found


def verify(backup: list[tuple[int, str, dict[str, Any]]], database: Iterator[dict[str, Any]]) -> Verdict:
    """Compare the backup's events (``backup_events``) with the database's rows (every column), in id order."""
    prev = ""
    for eid, digest, content in backup:
        if link(prev, "event", content) != digest:
            return Verdict(
                len(backup),
                0,
                [
                    f"The backup does not prove itself: event {eid}'s hash does not follow from its content "
                    "and the event before it (the backup was edited)."
                ],
                False,
            )
        prev = digest
    n, prev = 0, ""
    for n, row in enumerate(database, start=1):
        if row["hash"] is None or link(prev, "event", normal(row.items())) != row["hash"]:
            return Verdict(
                len(backup),
                n,
                [
                    f"The database does not prove itself from event {row['id']} on: its hash does not follow from "
                    "its content and the event before it (see claimtrack db check)."
                ],
                False,
            )
        prev = row["hash"]
        if n > len(backup):
            rest = 1 + sum(1 for _ in database)
            last = f"event {backup[-1][0]}" if backup else "the start"
            return Verdict(
                len(backup),
                len(backup) + rest,
                [
                    f"The backup's history is a prefix of the database's: the database has {rest} event"
                    f"{'s' if rest != 1 else ''} more, after {last}."
                ],
                True,
            )
        eid, digest, _ = backup[n - 1]
        if int(row["id"]) != eid or row["hash"] != digest:
            rest = 1 + sum(1 for _ in database)
            where = (
                f"event {eid}: the backup's hash {digest[:12]} is not the database's {str(row['hash'])[:12]}"
                if int(row["id"]) == eid
                else f"event {min(eid, int(row['id']))}, which only the "
                f"{'backup' if eid < int(row['id']) else 'database'} holds"
            )
            after = f" (after event {backup[n - 2][0]}, the last they share)" if n > 1 else " (they share no event)"
            return Verdict(len(backup), n - 1 + rest, [f"The backup and the database part at {where}{after}."], False)
    if n < len(backup):
        more = len(backup) - n
        return Verdict(
            len(backup),
            n,
            [
                f"The database's history is a prefix of the backup's: the backup has {more} event"
                f"{'s' if more != 1 else ''} more, {f'after event {backup[n - 1][0]}' if n else 'and the database holds none'} (the database "
                "lost its newest events, or the backup is of a later state)."
            ],
            True,
        )
    head = f"head event {backup[-1][0]}, hash {backup[-1][1]}" if backup else "no events"
    return Verdict(n, n, [f"The backup and the database hold the same history: {n} events, {head}."], True)
