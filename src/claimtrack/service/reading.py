"""Reading and reporting: ``list``, ``show``, ``log``, ``due``, ``summary`` and the claims an export
streams, each now or ``--as-of`` a past day (every field rebuilt as it stood then).

A read that finds nothing says why (``nothing_found``): an empty database, or a source or tag
filter that names nothing stored, with the nearest names that are.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from claimtrack import confidence as conf
from claimtrack import timeutil, wordmatch
from claimtrack.choices import Status
from claimtrack.errors import InvalidInput, NotFound
from claimtrack.service.base import ServiceBase, one_snapshot, view
from claimtrack.service.hints import nearest
from claimtrack.store import queries, timeline
from claimtrack.store.queries import ClaimFilter
from claimtrack.textkeys import name_key, nfc

STALE_DAYS = 30  # an unverified claim untouched this long is due for a look


def _rebuilt(row: dict[str, Any], phrase: bool = False) -> dict[str, Any]:
    """A row read with ``--as-of`` (``store.asof``: every field as it stood then, the confidence as
    the text its events hold) as a claim object."""
    row = dict(row)
    text = row.pop("confidence_then")
    try:
        parsed = conf.parse(text) if text else None
    except InvalidInput:  # an unreadable recorded value (tampered or newer): not assessed
        parsed = None
    row["confidence"] = parsed.value if parsed else None
    row["confidence_phrase"] = parsed.phrase if parsed else None
    return view(row, export=phrase)


def as_of_view(rows: list[dict[str, Any]], f: ClaimFilter, phrase: bool = False) -> list[dict[str, Any]]:
    """Filter, sort and limit claims on their rebuilt fields (the search: on that day's words)."""
    claims = [_rebuilt(r, phrase) for r in rows]
    if f.search:
        claims = [c for c in claims if wordmatch.matches(f.search, (c["text"], c["quote"], c["source"]))]
    if f.statuses:
        claims = [c for c in claims if c["status"] in f.statuses]
    if f.source:  # as ``where_clause`` matches: a case-insensitive part of the name
        part = name_key(f.source)
        claims = [c for c in claims if part in name_key(c["source"])]
    if f.tags:
        claims = [c for c in claims if {nfc(t) for t in c["tags"]} & set(f.tags)]
    if f.since:
        claims = [c for c in claims if c["said_on"] is not None and c["said_on"] >= f.since]
    if f.until:
        claims = [c for c in claims if c["said_on"] is not None and c["said_on"] <= f.until]
    if f.min_confidence is not None:
        claims = [c for c in claims if c["confidence"] is not None and c["confidence"] >= f.min_confidence]
    if f.max_confidence is not None:
        claims = [c for c in claims if c["confidence"] is not None and c["confidence"] <= f.max_confidence]
    key = {"updated": "updated_at"}.get(f.sort, f.sort)
    present = [c for c in claims if c[key] is not None]
    missing = [c for c in claims if c[key] is None]
    present.sort(key=lambda c: (c[key], c["id"]), reverse=f.desc)
    missing.sort(key=lambda c: c["id"], reverse=f.desc)
    claims = present + missing
    return claims[: f.limit] if f.limit is not None else claims


Rows = list[dict[str, Any]]  # within the class, ``list`` names its method


class Reading(ServiceBase):
    """What the claims say now (or said then), and reports over them."""

    @one_snapshot
    def list(self, f: ClaimFilter) -> list[dict[str, Any]]:
        rows = queries.list_claims(self.db, f)
        if not f.as_of:
            return [view(r) for r in rows]
        return as_of_view(rows, f)

    @one_snapshot
    def show(self, cid: int, as_of: str | None = None) -> dict[str, Any]:
        """A claim and its timeline; with ``as_of`` (a day), as it stood at the end of that day."""
        if as_of is None:
            claim = self.get(cid)
            claim["events"] = timeline.change_ids(self.db, timeline.events(self.db, cid))
            return claim
        until = timeutil.end_of_day(timeutil.parse_user_date(as_of, "--as-of"))
        row = queries.get_claim_as_of(self.db, cid, until)
        if row is None:
            if queries.claim_exists(self.db, cid):
                raise NotFound(f"claim {cid} did not exist yet on {as_of}; try a later --as-of date")
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        claim = _rebuilt(row)
        claim["events"] = timeline.change_ids(self.db, timeline.events(self.db, cid, until))
        return claim

    @one_snapshot
    def log(
        self, cid: int | None = None, since: str | None = None, limit: int | None = None, by: str | None = None
    ) -> Rows:
        """Changes newest first (one claim's; only those ``by`` an author), each with its journal change."""
        if cid is not None and not queries.claim_exists(self.db, cid):
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        start = timeutil.start_of_day(timeutil.parse_user_date(since, "--since")) if since else None
        if by is not None:
            from claimtrack import authors

            name = authors.clean(by)
            if name is None:
                raise InvalidInput("--by takes an author's name as log's By column shows it, e.g. --by alice")
            by = name
        return timeline.log(self.db, cid, start, limit, by)

    def nothing_logged(self, by: str | None, since: str | None = None) -> builtins.list[str]:
        """Why ``log`` found nothing: for ``--by``, whether that author made no change (since the
        date) or is no author at all, and then the authors nearest the name typed."""
        if by is None or queries.count_claims(self.db) == 0:
            return self.nothing_found()
        import shlex

        from claimtrack import authors
        from claimtrack.service.hints import nearest_names

        name = authors.clean(by) or by
        names = timeline.authors(self.db)
        if name in names:
            return [f"No changes by {name!r} since {since}." if since else f"No changes by {name!r}."]
        close = nearest_names(name, names)
        if close:
            return [
                f"No changes by {name!r}; did you mean {', '.join(map(repr, close))}? (--by {shlex.quote(close[0])})"
            ]
        known = ", ".join(map(repr, names[:5])) + (", ..." if len(names) > 5 else "")
        return [f"No changes by {name!r}; the log's authors: {known or '(none recorded)'}"]

    @one_snapshot
    def summary(self, f: ClaimFilter, by: str) -> Rows:
        """``[{group, count, share}]``: statuses in their fixed order, others by count."""
        rows: Rows
        if f.as_of:
            claims = self.list(replace(f, limit=None))
            groups: dict[str | None, int] = {}
            for claim in claims:
                keys = claim["tags"] or [None] if by == "tag" else [claim[by]]
                for key in keys:
                    groups[key] = groups.get(key, 0) + 1
            rows, total = [{"grp": k, "n": n} for k, n in groups.items()], len(claims)
        else:
            rows, total = queries.summary(self.db, replace(f, limit=None), by)
        counts: dict[str, int] = {(str(r["grp"]) if r["grp"] is not None else "(untagged)"): int(r["n"]) for r in rows}
        if by == "status":
            order = [s.value for s in Status]
        else:
            order = sorted(counts, key=lambda g: (-counts[g], g.casefold()))
        result = [
            {"group": g, "count": counts.get(g, 0), "share": round(counts.get(g, 0) / total, 4) if total else 0.0}
            for g in order
        ]
        return result[: f.limit] if f.limit is not None else result

    @one_snapshot
    def export_count(self, f: ClaimFilter) -> int:
        return len(self.list(f)) if f.as_of else min(queries.count(self.db, f), f.limit or 2**63)

    def export_claims(self, f: ClaimFilter, events: bool | str = True) -> Iterator[dict[str, Any]]:
        """Matching claims with tags and events, streamed; with ``as_of``, as they stood then.

        All of it is read in one read transaction, held while the claims stream out: claims and
        their events agree even while others write. ``events=False`` leaves the timelines out,
        ``"effective"`` keeps only the effective history (undone changes left out: what the
        reports read), ``"noted"`` only its status changes and noted events (``queries.iter_claims``;
        what a CSV export reads); with ``as_of`` the events up to then are read.
        """
        with self.reading():
            if f.as_of:  # the backup formats hold the phrase the confidence had then
                for claim in as_of_view(queries.list_claims(self.db, f), f, phrase=True):
                    claim["events"] = timeline.events(
                        self.db, claim["id"], f.as_of, effective=events in ("noted", "effective"), every=events is True
                    )
                    yield claim
                return
            for row in queries.iter_claims(self.db, f, events=events):
                yield view(row, export=True)

    @one_snapshot
    def due(self, days: int = 7) -> Rows:
        """Claims to look at again, most urgent first, each with ``due`` (a date) and ``reason``."""
        today = timeutil.today()
        horizon = (today + timedelta(days=days)).isoformat()
        stale_before = timeutil.days_ago(STALE_DAYS)
        result = []
        for row in queries.due(self.db, horizon, stale_before):
            claim = view(row)
            review = claim["review_by"] if claim["review_by"] and claim["review_by"] <= horizon else None
            stale_since = str(claim.pop("touched") or claim["updated_at"])[:10]  # undone changes aside
            if review is not None:
                delta = (date.fromisoformat(review) - today).days
                reason = (
                    f"review overdue by {-delta} day{'s' if delta != -1 else ''}"
                    if delta < 0
                    else "review today"
                    if delta == 0
                    else f"review in {delta} day{'s' if delta != 1 else ''}"
                )
                claim["due"], claim["rank"] = review, (0, review)
            else:
                age = (today - date.fromisoformat(stale_since)).days
                reason = f"unverified, unchanged for {age} days"
                became_due = (date.fromisoformat(stale_since) + timedelta(days=STALE_DAYS)).isoformat()
                claim["due"], claim["rank"] = became_due, (1, stale_since)  # the day it went stale
            claim["reason"] = reason
            result.append(claim)
        result.sort(key=lambda c: (c.pop("rank"), c["id"]))
        return result

    @one_snapshot
    def nothing_found(self, f: ClaimFilter | None = None) -> builtins.list[str]:
        """Why a read found nothing, and what to try: for an empty database, how to start; for a
        source or tag filter that names nothing stored, the nearest names that are."""
        if queries.count_claims(self.db) == 0:
            return [
                'No claims yet. Add one: claimtrack add "TEXT" --source NAME, '
                "or load the bundled article's claims: claimtrack init --seed"
            ]
        hints = []
        if f is not None and f.source and not queries.source_exists(self.db, f.source):
            hints.append(nearest("source", f.source, queries.source_names(self.db), "--source"))
        if f is not None:
            tags = queries.tag_names(self.db)
            for tag in f.tags:
                if tag not in tags:
                    hints.append(nearest("tag", tag, tags, "--tag"))
        return hints
