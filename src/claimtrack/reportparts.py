"""What the md and html reports share: the summary added up claim by claim, and a claim's row.

``report`` feeds every claim to a ``Summary`` while it renders the rows, then has the writer
(``reportmd``, ``reporthtml``) draw the summary above them; memory grows with sources, days and
distinct confidences, not claims. ``cells`` is one claim's row, the same ten columns in both
formats (its per-claim columns from ``claimcols``); the number formats here keep the two
writers' figures identical.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimtrack import scoring
from claimtrack.choices import Status
from claimtrack.claimcols import evidence, happened_last, last_note

# A track record counts each status, in this order, as ``sources`` does (a disputed claim is
# disputed, not "open"); accuracy and the Brier score then read the confirmed and refuted ones.
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)


# How stated confidences fall into the calibration chart's bands (``scoring.calibration_of``), as
# the report's caption and the README state it.
BANDS = (
    "The bands are ten points wide and closed on the left: a claim stated at 50% is in 50-60%, not "
    "40-50%; the last band, 90-100%, holds 100% too."
)


@dataclass(slots=True)
class Record:
    """One source's track record over the claims in the report."""

    name: str
    reliability: str | None
    claims: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    squared_error: float = 0.0
    scored: int = 0

    @property
    def resolved(self) -> int:
        return self.statuses["confirmed"] + self.statuses["refuted"]

    @property
    def accuracy(self) -> float | None:
        return self.statuses["confirmed"] / self.resolved if self.resolved else None

    @property
    def brier(self) -> float | None:
        return round(self.squared_error / self.scored, 4) if self.scored else None

    def numbers(self) -> tuple[object, ...]:
        """The track record's figures as both reports show them: claims, each status
        (``STATUSES``), accuracy and Brier score."""
        return (self.claims, *(self.statuses[s] for s in STATUSES), percent(self.accuracy), brier_text(self.brier))


@dataclass(slots=True)
class Summary:
    """Totals by status, resolutions by day, each source's record, and how often each (forecast,
    outcome) pair occurred: memory grows with sources, days and distinct confidences, not claims."""

    reliability: dict[str, str | None]
    counts: Counter[str] = field(default_factory=Counter)
    resolved: Counter[tuple[str, str]] = field(default_factory=Counter)
    sources: dict[str, Record] = field(default_factory=dict)
    forecasts: Counter[tuple[float, int]] = field(default_factory=Counter)  # (forecast, outcome): how often

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, claim: dict[str, Any], resolved_day: str) -> None:
        status, name = claim["status"], claim["source"]
        self.counts[status] += 1
        record = self.sources.get(name)
        if record is None:
            record = self.sources[name] = Record(name, self.reliability.get(name))
        record.claims += 1
        record.statuses[status] += 1
        if status in scoring.OUTCOMES:
            if resolved_day:
                self.resolved[(resolved_day, status)] += 1
            moves = [{**e, "id": i} for i, e in enumerate(claim["events"]) if e["kind"] in ("status", "confidence")]
            p = scoring.forecast(claim["confidence"], moves)
            if p is not None:
                outcome = scoring.OUTCOMES[status]
                self.forecasts[(p, outcome)] += 1
                record.squared_error += (p - outcome) ** 2
                record.scored += 1

    def totals(self) -> list[tuple[str, int, str]]:
        total = self.total
        return [(s.value, self.counts[s.value], _share(self.counts[s.value], total)) for s in Status]

    def records(self) -> list[Record]:
        """Sources with most claims first, then by name."""
        return sorted(self.sources.values(), key=lambda r: (-r.claims, r.name.casefold(), r.name))

    def brier(self) -> float | None:
        return scoring.brier_of(self.forecasts)

    def scored(self) -> int:
        return sum(self.forecasts.values())


def span(first: str, last: str) -> str:
    """When claims were resolved, in words: ``on DAY`` or ``between DAY and DAY``."""
    return f"on {first}" if first == last else f"between {first} and {last}"


def _share(n: int, total: int) -> str:
    return f"{n / total * 100:.1f}%" if total else "0.0%"


def percent(value: float | None) -> str:
    """An accuracy as ``66.7%`` ('' for none)."""
    return "" if value is None else f"{value * 100:.1f}%"


def brier_text(value: float | None) -> str:
    """A Brier score to three places ('' for none)."""
    return "" if value is None else f"{value:.3f}"


def cells(claim: dict[str, Any], resolved: str) -> list[Any]:
    """A claim's row: id, text, source, said on, confidence, status, resolved on (given: the report
    works it out once for the summary too), last change, evidence links, last note."""
    return [
        claim["id"],
        claim["text"],
        claim["source"],
        claim["said_on"] or "",
        claim["confidence_label"] or "",
        claim["status"],
        resolved,
        happened_last(claim),
        evidence(claim),
        last_note(claim),
    ]
