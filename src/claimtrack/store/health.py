"""``db check``: is this database whole, and is its history the truth about its claims?

A claimtrack database promises more than SQLite's integrity check can see: the schema objects
that enforce its rules (the append-only triggers, the search index and the triggers that keep it
in step, the indexes that keep commands fast) must all be there and unchanged, every claim must
have the ``created`` event that starts its history, every claim row must be what its history
says, and every row of the undo journal must be one claimtrack could have written. Anyone with the
file (or the server) can break these behind claimtrack's back, so the check looks at each one and
reports every finding as one line; any finding fails the check.

How a claim *replays* from its history (one pass over the claims, their tags and their events,
each read in claim order side by side): its ``created`` event holds what it was created with
(``claimtrack.history``); each field's events then lead it from there to one value, which must be
the row's. Sources are compared by name, respelled by every rename since the event (renames
write no claim event; the journal records them). Status keeps its own message: each ``status``
event, in ``(at, id)`` order, moves the claim from ``old`` to ``new``, and a break in that chain
names the event. A created event recording nothing (written before migration 8 filled them)
is a finding of its own; then the status is replayed from the ``old`` of the first status event.

The schema objects and the search index are ``store.schemacheck``'s. The database is read
through the ``store.handle.Handle`` it is, never imported: ``check`` is called with it (by the
service), and reads everything in one snapshot, so a check made while others write is consistent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimtrack.history import Inconsistent, chain_end, differences, parse_state, row_confidence
from claimtrack.store import chain, idroom
from claimtrack.store.handle import Handle
from claimtrack.store.journal import row_problem
from claimtrack.store.migrations import CHANGE_TABLE
from claimtrack.store.renames import Renames
from claimtrack.store.schemacheck import listed, search_index_in_step, server_schema, sqlite_schema, table_names
from claimtrack.store.schemacheck import search_index as search_index_problems
from claimtrack.store.writer import Row
from claimtrack.textkeys import name_key
from claimtrack.textsafe import terminal

TABLES = ("source", "claim", "tag", "event")


def check(db: Handle) -> dict[str, Any]:
    """What ``db check`` reports: counts, integrity, and every finding (one line each).

    Everything is read in one snapshot, so a check made while others write is consistent.
    """
    # FTS5 checks its index by an INSERT: in a write transaction of its own, before the snapshot
    # (not when the caller already holds a snapshot: no write may start inside it).
    in_step = None if db.in_snapshot else search_index_in_step(db)
    with db.reading():
        found = _report(db, in_step)
    if db.target.path is not None:  # named, never removed: the next backup removes them
        from claimtrack import backupfiles

        left = backupfiles.abandoned(db.target.path)
        if left:
            found["abandoned_backup_files"] = left
    return found


def _report(db: Handle, search_index: list[str] | None) -> dict[str, Any]:
    """The report read in the caller's snapshot: counts, SQLite's own checks, and ``findings``.

    ``search_index``: what ``search_index_in_step`` found, in its own transaction (None: not run)."""
    report: dict[str, Any] = {"target": str(db.target), "schema_version": db.schema_version}
    findings: list[str] = list(search_index or [])
    if db.dialect == "sqlite":  # FTS5's integrity-check (rank 1) of each search index against its table
        report["search_index"] = (
            "not compared with the rows (FTS5's check needs a write transaction of its own)"
            if search_index is None
            else "out of step"
            if search_index
            else "ok"
        )
    if db.dialect == "sqlite":
        problems = [r["integrity_check"] for r in db.query("PRAGMA integrity_check")]
        problems = [p for p in problems if p != "ok"]
        orphans = db.query("PRAGMA foreign_key_check")
        report["journal_mode"] = db.query_one("PRAGMA journal_mode")["journal_mode"]  # type: ignore[index]
        report["integrity"] = "ok" if not problems else "; ".join(problems[:10])
        report["foreign_keys"] = "ok" if not orphans else f"{len(orphans)} broken reference(s)"
    present = table_names(db)
    for table in TABLES:  # a dropped table is counted as None and reported below
        row = db.query_one(f"SELECT count(*) AS n FROM {table}") if table in present else None
        report[f"{table}s"] = int(row["n"]) if row else None
    schema = sqlite_schema(db) if db.dialect == "sqlite" else server_schema(db) if db.dialect == "postgresql" else []
    findings += schema
    findings += idroom.findings(db.query, db.dialect)
    if {"claim", "event"} <= present:
        findings += _created_events(db)
        findings += _replays(db)
        findings += _deletions(db)
        findings += search_index_problems(db)
    if CHANGE_TABLE in present and "event" in present:
        findings += _journal(db)
    findings += _chains(db, present)
    report["findings"] = findings
    report["ok"] = report.get("integrity", "ok") == "ok" and report.get("foreign_keys", "ok") == "ok" and not findings
    return report


# ---- history -----------------------------------------------------------------------------------


def _created_events(db: Handle) -> list[str]:
    rows = db.iterate(
        "SELECT c.id FROM claim c WHERE NOT EXISTS "
        "(SELECT 1 FROM event e WHERE e.claim_id = c.id AND e.kind = 'created') ORDER BY c.id"
    )
    lines = [f"claim {r['id']} has no 'created' event: the start of its history is missing" for r in rows]
    return listed(lines, "claims without a 'created' event")


def _histories(db: Handle) -> Iterator[tuple[Row, list[str], list[Row]]]:
    """Each claim (id order) with its tags and its events other than notes (id order): three
    streams read side by side, one pass each, no query per claim."""
    events = db.iterate(
        "SELECT e.id, e.claim_id, e.kind, e.field, e.at, e.old, e.new FROM event e "
        "WHERE e.kind <> 'note' ORDER BY e.claim_id"
    )
    tags = db.iterate(
        "SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id ORDER BY ct.claim_id"
    )
    pending, tag = next(events, None), next(tags, None)
    for claim in db.iterate(
        "SELECT c.id, c.text, c.quote, c.url, c.said_on, c.review_by, c.status, c.confidence, c.confidence_phrase, "
        "s.name AS source FROM claim c LEFT JOIN source s ON s.id = c.source_id ORDER BY c.id"
    ):
        history, names = [], []
        while pending is not None and pending["claim_id"] <= claim["id"]:
            if pending["claim_id"] == claim["id"]:
                history.append(pending)
            pending = next(events, None)
        while tag is not None and tag["claim_id"] <= claim["id"]:
            if tag["claim_id"] == claim["id"]:
                names.append(tag["name"])
            tag = next(tags, None)
        history.sort(key=lambda e: e["id"])
        yield claim, names, history


def replay_problem(status: str, history: list[Row], born: str | None = None) -> str | None:
    """Why a claim's ``status`` does not follow from its status events (None: it does).

    ``history``: its status events; ``born``: the status its created event records (None: not
    recorded, so the rule in the module docstring applies). The events are replayed in ``(at,
    id)`` order, the order status changes must be recorded in; a history that replays only in the
    order the events were written (a change recorded again at its own time after an undo) or
    whose steps balance (see ``claimtrack.history``) is accepted too.
    """
    ordered = sorted(history, key=lambda e: (e["at"], e["id"]))
    if born is not None:
        current = born
    elif ordered:
        current = ordered[0]["old"]
    else:
        return None  # born in its current status
    problem = _status_chain(current, ordered, status)
    if problem is not None:
        written = sorted(history, key=lambda e: e["id"])
        if _status_chain(current, written, status) is None:
            return None
        try:
            if chain_end(current, [(e["old"], e["new"]) for e in history]) == status:
                return None
        except Inconsistent:
            pass
    return problem


def _status_chain(current: str, ordered: list[Row], status: str) -> str | None:
    """Every break in the chain of status events, in one line (None: it chains to ``status``)."""
    breaks = []
    for event in ordered:
        if event["old"] != current:
            breaks.append(
                f"status event {event['id']} moves it from {event['old']!r}, but its history had it "
                f"{current!r} then (an event is missing)"
            )
        current = event["new"]
    if current != status:
        breaks.append(f"its status is {status!r} but its history ends at {current!r} (changed without an event)")
    return "; ".join(breaks) or None


def _replays(db: Handle) -> list[str]:
    """Every claim row against the replay of its history: its created state, then every event."""
    lines: list[str] = []
    rename = Renames(db, table_names(db))
    for claim, tags, history in _histories(db):
        created = [e for e in history if e["kind"] == "created"]
        state: dict[str, Any] | None = None
        if len(created) == 1:
            try:
                state = parse_state(created[0]["new"])
            except ValueError as exc:
                lines.append(f"claim {claim['id']}: its created event (event {created[0]['id']}) is damaged: {exc}")
        elif len(created) > 1:
            lines.append(f"claim {claim['id']} has {len(created)} 'created' events: its history has one start")
        statuses = [e for e in history if e["kind"] == "status"]
        problem = replay_problem(claim["status"], statuses, state["status"] if state else None)
        if problem:
            lines.append(f"claim {claim['id']}: {problem}")
        if state is None:
            continue
        current = {
            "text": claim["text"],
            "quote": claim["quote"],
            "url": claim["url"],
            "said_on": claim["said_on"],
            "review_by": claim["review_by"],
            "status": claim["status"],
            "source": name_key(claim["source"]) if claim["source"] is not None else None,
            "confidence": row_confidence(claim["confidence"], claim["confidence_phrase"]),
            "tags": tags,
        }
        rename.created = int(created[0]["id"])
        for found in differences(state, current, history, rename, frozenset({"status"}), created[0]):
            lines.append(f"claim {claim['id']}: {found}")
    return listed(lines, "claims whose row does not replay from their history")


def _deletions(db: Handle) -> list[str]:
    """Each claim is deleted exactly when its last ``deleted`` event says so."""
    rows = db.query(
        "SELECT c.id, c.deleted_at, (SELECT e.new FROM event e WHERE e.claim_id = c.id AND e.kind = 'edit' "
        "AND e.field = 'deleted' ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last FROM claim c "
        "WHERE c.deleted_at IS NOT NULL OR EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id "
        "AND e.kind = 'edit' AND e.field = 'deleted') ORDER BY c.id"
    )
    lines = [
        f"claim {r['id']}: {'deleted' if r['deleted_at'] else 'live'}, but its history says "
        f"{'deleted' if r['last'] else 'live'} (changed without an event)"
        for r in rows
        if (r["deleted_at"] is not None) != (r["last"] is not None)
    ]
    return listed(lines, "claims deleted or live against their history")


def _journal(db: Handle) -> list[str]:
    """Every row of the undo journal, as ``undo`` checks the one it takes back (``store.journal``)."""
    rows = db.query(
        f"SELECT c.id, c.command, c.first_event, c.last_event, c.undoes, c.detail, "
        f"(SELECT count(*) FROM event e WHERE e.id BETWEEN c.first_event AND c.last_event) AS n, "
        f"(SELECT count(*) FROM event e WHERE e.id = c.last_event) AS last_n "
        f"FROM {CHANGE_TABLE} c ORDER BY c.id"
    )
    by_id = {r["id"]: r for r in rows}
    overlaps: dict[int, int] = {}
    ranged = sorted(
        (r for r in rows if r["first_event"] is not None and r["last_event"] is not None),
        key=lambda r: (r["first_event"], r["id"]),
    )
    reach: Row | None = None  # the row reaching furthest so far
    for r in ranged:
        if reach is not None and r["first_event"] <= reach["last_event"]:
            overlaps[r["id"]] = reach["id"]
            overlaps.setdefault(reach["id"], r["id"])
        if reach is None or r["last_event"] > reach["last_event"]:
            reach = r
    lines = []
    for r in rows:
        problem = row_problem(r, int(r["n"] or 0), bool(r["last_n"]), overlaps.get(r["id"]), by_id.get(r["undoes"]))
        if problem:
            lines.append(f"undo journal row {r['id']} ({terminal(r['command'])}) is damaged: {problem}")
    return listed(lines, "damaged rows in the undo journal")


def _chains(db: Handle, present: set[str]) -> list[str]:
    """The first row breaking each hash chain (``store.chain``), read in one streamed pass per table."""
    found = []
    for table in chain.CHAINED:
        if table in present:
            problem = chain.breaks(db.iterate(f"SELECT * FROM {table} ORDER BY id"), table)
            if problem:
                found.append(f"the history does not prove itself: {problem}")
    return found
