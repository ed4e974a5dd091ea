"""Track record: how well stated confidence matched what turned out true.

Pure functions over a claim's history, so the rules are easy to read and test:

* A resolved claim is ``confirmed`` (outcome 1) or ``refuted`` (outcome 0).
* Its forecast ``p`` is the confidence it had just before it was first resolved: the last
  judgement made without hindsight. Confidence changed after that does not count. A claim
  added (or imported) already confirmed or refuted was resolved when created: its forecast is
  the confidence it was created with.
* Brier score = mean of (p - outcome)^2 over resolved claims that had a forecast (0 is perfect,
  0.25 is what always saying 50% earns).
* Admiralty code: the source's reliability letter (A-F; F, "cannot be judged", when not graded)
  and an information-credibility digit derived from the claim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimtrack import confidence as conf
from claimtrack.errors import InvalidInput

OUTCOMES = {"confirmed": 1, "refuted": 0}
RESOLVED = tuple(OUTCOMES)
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
FEW = 5  # a calibration bin with fewer resolved claims than this is marked as thin


def _value(text: object) -> float | None:
    """A recorded confidence as a probability; None when not assessed, or when the stored text
    does not parse (a tampered or newer database): one odd event must not stop every report."""
    if text is None or text == "":
        return None
    try:
        return conf.parse(str(text)).value
    except InvalidInput:
        return None


def forecast(current: float | None, events: Sequence[dict[str, Any]]) -> float | None:
    """The confidence a claim had just before it was first resolved (None: not assessed).

    ``events`` are the claim's status and confidence events. Time order is ``at`` then recording
    order. The value before any confidence change is the ``old`` of the first one recorded.
    A claim born resolved (added or imported as confirmed or refuted: no status event, or its
    first status event moves away from confirmed/refuted) was resolved at its creation, so its
    forecast is the confidence it was created with; later changes are hindsight.
    """
    timeline = sorted(events, key=lambda e: (str(e["at"] or ""), e["id"]))
    changes = [e for e in events if e["kind"] == "confidence"]
    value = _value(min(changes, key=lambda e: e["id"])["old"]) if changes else current
    moves = [e for e in timeline if e["kind"] == "status"]
    if not moves or moves[0]["old"] in RESOLVED:
        return value
    for event in timeline:
        if event["kind"] == "status" and event["new"] in RESOLVED:
            return value
        if event["kind"] == "confidence":
            value = _value(event["new"])
    return value  # no move to confirmed/refuted in the history (it does not replay): the last value


def brier(pairs: Iterable[tuple[float, int]]) -> float | None:
    """Mean squared error of (forecast, outcome) pairs; None when there are none."""
    scores = [(p - outcome) ** 2 for p, outcome in pairs]
    return round(sum(scores) / len(scores), 4) if scores else None


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float | None
    share_confirmed: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "mean_confidence": self.mean_confidence,
            "share_confirmed": self.share_confirmed,
        }


def calibration(pairs: Sequence[tuple[float, int]], bins: int = 10) -> list[Bin]:
    """Ten bins of stated confidence, [0, 0.1) ... [0.9, 1.0], each with what came true."""
    return calibration_of(Counter(pairs), bins)


def calibration_of(counts: Mapping[tuple[float, int], int], bins: int = 10) -> list[Bin]:
    """``calibration`` from how many times each (forecast, outcome) pair occurs: what a report
    adds up as it streams, since stated confidences take few distinct values."""
    groups: list[list[tuple[float, int, int]]] = [[] for _ in range(bins)]
    for (p, outcome), k in sorted(counts.items()):
        groups[min(int(p * bins), bins - 1)].append((p, outcome, k))
    result = []
    for i, group in enumerate(groups):
        n = sum(k for _, _, k in group)
        result.append(
            Bin(
                low=round(i / bins, 2),
                high=round((i + 1) / bins, 2),
                count=n,
                mean_confidence=round(sum(p * k for p, _, k in group) / n, 4) if n else None,
                share_confirmed=round(sum(o * k for _, o, k in group) / n, 4) if n else None,
            )
        )
    return result


def brier_of(counts: Mapping[tuple[float, int], int]) -> float | None:
    """``brier`` from how many times each (forecast, outcome) pair occurs."""
    n = sum(counts.values())
    return round(sum(k * (p - o) ** 2 for (p, o), k in sorted(counts.items())) / n, 4) if n else None


def credibility(status: str, value: float | None) -> int:
    """Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged)."""
    if status == "confirmed":
        return 1
    if status == "refuted":
        return 5
    if value is None:
        return 6
    band = conf.band_name(value)
    if band in ("likely", "very likely", "almost certain"):
        return 2
    if band == "roughly even chance":
        return 3
    if band == "unlikely":
        return 4
    return 5


def admiralty(reliability: str | None, status: str, value: float | None) -> str:
    """Two-character code, e.g. ``B2``."""
    return f"{reliability or 'F'}{credibility(status, value)}"
