"""The md and html reports: what a team publishes about the claims it tracks.

A report opens with a summary a reader takes in at a glance (totals by status, claims resolved
over time, each source's track record, and how well stated confidence matched what came true),
then lists the claims, optionally grouped by status, source or tag.

Both are written in one pass over the claims: the summary is added up while the rows are
rendered, the rows wait in a spooled temporary file (memory up to 4 MB, then TMPDIR), and the
summary is written before them; a grouped report reads each group's rows back from where they
start in that file (the places kept in a temporary SQLite file), so memory stays flat either way. Nothing in a report
depends on the clock unless ``--date`` stamps it, so the same data gives the same bytes.

Claim text, names, notes and links are data: every cell is escaped (``textsafe``), only http and
https links become links, and the html page forbids scripts with a Content-Security-Policy.

This module runs the pass and keeps the rows; the summary and a claim's row are ``reportparts``,
the two formats ``reportmd`` and ``reporthtml`` (each the same few steps: head, summary, table,
groups, foot).
"""

from __future__ import annotations

import codecs
import contextlib
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from claimtrack import scoring, timeutil
from claimtrack.choices import ExportFormat, Status
from claimtrack.claimcols import resolved_on
from claimtrack.errors import OutputError
from claimtrack.reporthtml import Html
from claimtrack.reportmd import Markdown
from claimtrack.reportparts import Summary
from claimtrack.reportprint import spool_error

UNTAGGED = "(untagged)"
SPOOL = 4 * 1024 * 1024  # rendered rows kept in memory before the spool moves to disk


@dataclass(frozen=True, slots=True)
class Heading:
    """What a report says about itself: its title, what it covers, and a date only if given
    (no clock time by default, so the same data always gives the same report)."""

    title: str = "Claims"
    covers: str = "All claims."
    date: str | None = None
    chain_head: dict[str, Any] | None = None  # the event chain's head (``store.chain``), if asked for

    def line(self) -> str:
        head = self.chain_head
        made_from = (
            f" Made from the history up to event {head['id']} (SHA-256 chain head {head['hash']})."
            if head and head["id"]
            else " Made from an empty history."
            if head
            else ""
        )
        return self.covers + (f" Made {self.date}." if self.date else "") + made_from


# How a sorted report's first N claims were picked, in words: (ascending, descending).
_ORDER = {
    "id": ("lowest id first", "highest id first"),
    "confidence": ("lowest confidence first", "highest confidence first"),
    "status": ("by status", "by status, last first"),
    "said_on": ("earliest said first", "latest said first"),
    "updated": ("least recently changed first", "most recently changed first"),
}


def _either(words: Iterable[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    items = list(words)
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)


def _percent(p: float) -> str:
    return f"{p * 100:g}%"


def covers(f: Any) -> str:
    """What a report's filter selects, as an English sentence (a ``ClaimFilter``): ``All claims.``
    when nothing; ``Claims tagged north-korea.``; ``Confirmed or refuted claims from a source whose
    name contains 'lankov' and said on or after 2024-01-01.``; ``The first 10 claims tagged
    russia, highest confidence first, as they stood at the end of 2025-01-01.``"""
    which = []
    if f.source:
        which.append(f"from a source whose name contains {f.source!r}")
    if f.tags:
        which.append("tagged " + _either(f.tags))
    low, high = f.min_confidence, f.max_confidence
    if low is not None and high is not None:
        which.append(f"with a confidence from {_percent(low)} to {_percent(high)}")
    elif low is not None:
        which.append(f"with a confidence of at least {_percent(low)}")
    elif high is not None:
        which.append(f"with a confidence of at most {_percent(high)}")
    if f.since and f.until:
        which.append(f"said between {f.since} and {f.until}")
    elif f.since:
        which.append(f"said on or after {f.since}")
    elif f.until:
        which.append(f"said on or before {f.until}")
    if f.search:
        which.append(f"matching the search {f.search!r}")
    kind = _either(f.statuses) + " claims" if f.statuses else "claims"
    if f.limit is not None:
        text = f"The first {f.limit} {kind}"
    else:
        text = kind[0].upper() + kind[1:] if f.statuses or which else "All claims"
    if which:
        text += " " + (", ".join(which[:-1]) + " and " + which[-1] if len(which) > 1 else which[0])
    order = _ORDER.get(str(f.sort), ("", ""))[bool(f.desc)]
    if f.limit is not None and order and order != "lowest id first":
        text += f", {order}"
    if f.as_of:
        text += f", as they stood at the end of {timeutil.local_date(f.as_of)}"
    return text + "."


def _source_code(claim: dict[str, Any], reliability: dict[str, str | None]) -> str:
    """The Admiralty code of a claim: its source's reliability letter and the claim's credibility digit."""
    return scoring.admiralty(reliability.get(claim["source"]), claim["status"], claim["confidence"])


def _groups_of(claim: dict[str, Any], by: str) -> list[str]:
    if by == "tag":
        return list(claim["tags"]) or [UNTAGGED]
    return [str(claim[by])]


def _group_order(counts: dict[str, int], by: str) -> list[str]:
    """Statuses in their fixed order; sources and tags with most claims first, untagged last."""
    if by == "status":
        return [s.value for s in Status if s.value in counts]
    return sorted(counts, key=lambda g: (g == UNTAGGED, -counts[g], g.casefold(), g))


def write(
    fmt: ExportFormat,
    claims: Iterable[dict[str, Any]],
    out: IO[str],
    sources: list[dict[str, Any]],
    heading: Heading,
    group_by: str | None = None,
) -> int:
    """Write the report; return how many claims it holds."""
    page = Html() if fmt is ExportFormat.html else Markdown()
    summary = Summary({s["name"]: s["reliability"] for s in sources})
    with _Spool() as spool, _Places() as places:
        for claim in claims:
            resolved = resolved_on(claim)
            summary.add(claim, resolved)
            start, length = spool.add(page.row(claim, _source_code(claim, summary.reliability), resolved, group_by))
            if group_by is not None:
                for group in _groups_of(claim, group_by):
                    places.add(group, start, length)
        spool.ready()  # a full temporary folder shows here, before anything goes out
        counts = places.counts() if group_by is not None else {}
        page.head(out, heading.title, heading.line())
        page.summary(out, summary)
        page.table_start(out, grouped=group_by is not None)
        if group_by is None:
            spool.copy(out)
        else:
            for group in _group_order(counts, group_by):
                page.group(out, group, spool.rows(places.of(group)), counts[group])
        page.table_end(out)
    page.foot(out, summary.total)
    return summary.total


class _Spool:
    """The rendered rows, in a temporary file (in memory up to ``SPOOL``, then in TMPDIR), read back
    all in order or a group's rows by where they start: memory stays flat, grouped or not."""

    def __init__(self) -> None:
        self.file = tempfile.SpooledTemporaryFile(max_size=SPOOL)
        self.end = 0

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):  # a full temporary folder: the error raised says so already
            self.file.close()

    def add(self, row: str) -> tuple[int, int]:
        data = row.encode("utf-8", "surrogatepass")
        try:
            self.file.write(data)
        except OSError as exc:
            raise _spool_error(exc) from exc
        start, self.end = self.end, self.end + len(data)
        return start, len(data)

    def ready(self) -> None:
        try:
            self.file.flush()
            self.file.seek(0)
        except OSError as exc:
            raise _spool_error(exc) from exc

    def copy(self, out: IO[str]) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")  # a chunk may end mid-character
        while chunk := self.file.read(1 << 16):
            out.write(decoder.decode(chunk))
        out.write(decoder.decode(b"", final=True))

    def rows(self, places: Iterable[tuple[int, int]]) -> Iterator[str]:
        for start, length in places:
            self.file.seek(start)
            yield self.file.read(length).decode("utf-8", "surrogatepass")


class _Places:
    """Where each group's rows start in the spool and how long they are, in a temporary SQLite
    file of this report's own (not the claims database): a million claims under three tags each
    would be 50 MB of places in memory; here they cost SQLite's small page cache."""

    BATCH = 5000

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        self.batch: list[tuple[str, int, int]] = []

    def __enter__(self) -> _Places:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.db is not None:
            self.db.close()  # the file goes with it

    def add(self, group: str, start: int, length: int) -> None:
        self.batch.append((group, start, length))
        if len(self.batch) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        try:
            if self.db is None:
                self.db = sqlite3.connect("")  # "": a temporary file, deleted on close
                self.db.executescript(
                    "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                    "CREATE TABLE place (grp TEXT NOT NULL, start INTEGER NOT NULL, length INTEGER NOT NULL)"
                )
            self.db.executemany("INSERT INTO place VALUES (?, ?, ?)", self.batch)
        except sqlite3.Error as exc:  # TMPDIR full: the same advice as for the spool
            raise _spool_error(OSError(str(exc))) from exc
        self.batch.clear()

    def counts(self) -> dict[str, int]:
        """Each group's number of rows (every row is in at least one group)."""
        self._flush()
        if self.db is None:
            return {}
        try:
            self.db.execute("CREATE INDEX place_grp ON place (grp)")
            return dict(self.db.execute("SELECT grp, count(*) FROM place GROUP BY grp"))
        except sqlite3.Error as exc:
            raise _spool_error(OSError(str(exc))) from exc

    def of(self, group: str) -> Iterator[tuple[int, int]]:
        """A group's places, in the order its rows were added (the index keeps rowids in order)."""
        assert self.db is not None
        yield from self.db.execute("SELECT start, length FROM place WHERE grp = ? ORDER BY rowid", (group,))


def _spool_error(exc: OSError) -> OutputError:
    return spool_error("rows", exc)
