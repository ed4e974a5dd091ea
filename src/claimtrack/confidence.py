"""Parse and show confidence: the probability that a claim is true.

Accepted input (DESIGN.md): a number in [0, 1] (``0.7``, ``.7``), a percentage (``70%``), or an
estimative phrase from ICD 203, stored as the band's midpoint together with the phrase typed.
The canonical text of a confidence (``Confidence.canonical``) parses back to the same value,
which is what history events record.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimtrack.errors import InvalidInput

# ICD 203 bands, lowest first: (low, high, phrases). The first phrase names the band.
BANDS: tuple[tuple[float, float, tuple[str, ...]], ...] = (
    (0.01, 0.05, ("almost no chance", "remote")),
    (0.05, 0.20, ("very unlikely", "highly improbable")),
    (0.20, 0.45, ("unlikely", "improbable")),
    (0.45, 0.55, ("roughly even chance", "roughly even odds")),
    (0.55, 0.80, ("likely", "probable")),
    (0.80, 0.95, ("very likely", "highly probable")),
    (0.95, 0.99, ("almost certain", "nearly certain")),
)

# Adverb forms people naturally type ("probably true") map to the same phrase.
_ALIASES = {
    "improbably": "improbable",
    "probably": "probable",
    "highly probably": "highly probable",
    "almost certainly": "almost certain",
    "nearly certainly": "nearly certain",
    "even chance": "roughly even chance",
    "even odds": "roughly even odds",
}

_PHRASES: dict[str, float] = {
    phrase: round((low + high) / 2, 4) for low, high, phrases in BANDS for phrase in phrases
}

_NUMBER = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")

ACCEPTED = (
    "a number from 0 to 1 (0.7 or .7), a percentage (70%), or one of: "
    + ", ".join(phrase for _, _, phrases in BANDS for phrase in phrases)
)


@dataclass(frozen=True, slots=True)
class Confidence:
    """A probability in [0, 1] and the estimative phrase it was given as, if any."""

    value: float
    phrase: str | None = None

    @property
    def canonical(self) -> str:
        """Text that parses back to this confidence: the phrase, else the number."""
        return self.phrase if self.phrase else format_number(self.value)

    @property
    def label(self) -> str:
        """How people see it: ``70% likely``."""
        return label(self.value, self.phrase)


def format_number(value: float) -> str:
    """Shortest decimal text for a probability: 0.7 -> '0.7', 1.0 -> '1'."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def _normalise(text: str) -> str:
    return " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


def parse(text: str) -> Confidence:
    """Parse user input into a Confidence, or raise InvalidInput listing what is accepted."""
    raw = text.strip()
    if raw.endswith("%"):
        number = raw[:-1].strip()
        if _NUMBER.match(number):
            value = float(number) / 100
            if 0 <= value <= 1:
                return Confidence(round(value, 6))
        raise InvalidInput(f"invalid confidence {text!r}: a percentage must be 0% to 100%; use {ACCEPTED}")
    if _NUMBER.match(raw):
        value = float(raw)
        if 0 <= value <= 1 and math.isfinite(value):
            return Confidence(round(value, 6))
        hint = f" (did you mean {raw}%?)" if value <= 100 else ""
        raise InvalidInput(f"invalid confidence {text!r}{hint}: use {ACCEPTED}")
    phrase = _normalise(raw)
    phrase = _ALIASES.get(phrase, phrase)
    if phrase in _PHRASES:
        return Confidence(_PHRASES[phrase], phrase)
    raise InvalidInput(f"invalid confidence {text!r}: use {ACCEPTED}")


def band_name(value: float) -> str:
    """The ICD 203 phrase whose band holds ``value`` (edges go to the band nearer 50%)."""
    if value < 0.05:
        return "almost no chance"
    if value < 0.20:
        return "very unlikely"
    if value < 0.45:
        return "unlikely"
    if value <= 0.55:
        return "roughly even chance"
    if value <= 0.80:
        return "likely"
    if value <= 0.95:
        return "very likely"
    return "almost certain"


def percent(value: float) -> str:
    """0.7 -> '70%', 0.675 -> '67.5%'."""
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def label(value: float | None, phrase: str | None = None) -> str:
    """``70% likely``; empty string when not assessed."""
    if value is None:
        return ""
    return f"{percent(value)} {phrase or band_name(value)}"
