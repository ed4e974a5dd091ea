"""Parse and show confidence: the probability that a claim is true.

Accepted input (DESIGN.md): a number in [0, 1] (``0.7``, ``.7``), a percentage (``70%``), or an
estimative phrase from ICD 203, stored as the band's midpoint together with the phrase typed.
Other ways people say the same thing (``highly likely``, ``probably not``) are aliases, stored as
the ICD 203 phrase they stand for, so stored phrases stay the fixed set every version reads.
The canonical text of a confidence (``Confidence.canonical``) parses back to the same value,
which is what history events record.
"""

from __future__ import annotations

import difflib
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

# Adverb forms people naturally type ("probably true") map to the same phrase; synonyms that are
# not ICD 203 wording map to the first phrase of their band. Never "certain", "impossible" or
# "no chance": 100% and 0% are not estimates, and ICD 203 has no band for them.
_ALIASES = {
    "improbably": "improbable",
    "probably": "probable",
    "highly probably": "highly probable",
    "almost certainly": "almost certain",
    "nearly certainly": "nearly certain",
    "even chance": "roughly even chance",
    "even odds": "roughly even odds",
    # almost no chance
    "almost certainly not": "almost no chance",
    "nearly certainly not": "almost no chance",
    "remote chance": "almost no chance",
    "remote possibility": "almost no chance",
    # very unlikely
    "highly unlikely": "very unlikely",
    "very improbable": "very unlikely",
    "very improbably": "very unlikely",
    "highly improbably": "very unlikely",
    "very probably not": "very unlikely",
    # unlikely
    "probably not": "unlikely",
    "not likely": "unlikely",
    "not probable": "unlikely",
    "doubtful": "unlikely",
    # roughly even chance
    "roughly even": "roughly even chance",
    "about even": "roughly even chance",
    "fifty fifty": "roughly even chance",
    "50 50": "roughly even chance",
    "50/50": "roughly even chance",
    "toss up": "roughly even chance",
    # very likely
    "highly likely": "very likely",
    "very probable": "very likely",
    "very probably": "very likely",
    # almost certain
    "virtually certain": "almost certain",
    "virtually certainly": "almost certain",
}

_PHRASES: dict[str, float] = {phrase: round((low + high) / 2, 4) for low, high, phrases in BANDS for phrase in phrases}

_NUMBER = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")
_DECIMAL_COMMA = re.compile(r"^\d*,\d+\s*%?$")
_NEGATIVE = re.compile(r"^-\s*(?:\d+(?:\.\d*)?|\.\d+)\s*%?$")

ACCEPTED = "a number from 0 to 1 (0.7 or .7), a percentage (70%), or one of: " + ", ".join(
    phrase for _, _, phrases in BANDS for phrase in phrases
)

# Everything a phrase can be, for "did you mean" on a near miss.
_VOCABULARY = sorted(set(_PHRASES) | set(_ALIASES))

# Words of certainty, refused (no band holds 0% or 100%) with the nearest band named instead.
_CERTAINTY = {
    "certain": "almost certain",
    "certainly": "almost certain",
    "definitely": "almost certain",
    "impossible": "almost no chance",
    "no chance": "almost no chance",
    "certainly not": "almost no chance",
    "definitely not": "almost no chance",
}


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


def _shown(text: str) -> str:
    """What the user typed, quoted for an error line and cut short so the line stays one line."""
    return repr(text if len(text) <= 40 else text[:39] + "…")


def parse(text: str) -> Confidence:
    """Parse user input into a Confidence, or raise InvalidInput listing what is accepted."""
    raw = text.strip()
    if _NEGATIVE.match(raw):
        raise InvalidInput(f"invalid confidence {_shown(text)}: a confidence cannot be negative; use {ACCEPTED}")
    if _DECIMAL_COMMA.match(raw):  # 0,7 or 70,5%: a decimal comma, as many keyboards and locales write it
        meant = raw.replace(",", ".")
        try:
            parse(meant)
        except InvalidInput:
            pass
        else:
            raise InvalidInput(
                f"invalid confidence {_shown(text)} (did you mean {meant}?): write the decimal "
                f"point as a dot; use {ACCEPTED}"
            )
    if raw.endswith("%"):
        number = raw[:-1].strip()
        if _NUMBER.match(number):
            value = float(number) / 100
            if 0 <= value <= 1:
                return Confidence(round(value, 6))
        raise InvalidInput(f"invalid confidence {_shown(text)}: a percentage must be 0% to 100%; use {ACCEPTED}")
    if _NUMBER.match(raw):
        value = float(raw)
        if 0 <= value <= 1 and math.isfinite(value):
            return Confidence(round(value, 6))
        raise InvalidInput(f"invalid confidence {_shown(text)}{_out_of_range(raw, value)}")
    phrase = _normalise(raw)
    phrase = _ALIASES.get(phrase, phrase)
    if phrase in _PHRASES:
        return Confidence(_PHRASES[phrase], phrase)
    if phrase in _CERTAINTY:
        edge = "1" if _CERTAINTY[phrase] == "almost certain" else "0"
        raise InvalidInput(
            f"invalid confidence {_shown(text)}: no ICD 203 band means certainty (did you mean "
            f"{_CERTAINTY[phrase]!r}, or {edge} for exactly {percent(float(edge))}?); use {ACCEPTED}"
        )
    close = difflib.get_close_matches(phrase, _VOCABULARY, n=1, cutoff=0.75) if phrase else []
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise InvalidInput(f"invalid confidence {_shown(text)}{hint}: use {ACCEPTED}")


def _out_of_range(raw: str, value: float) -> str:
    """Why a number above 1 is refused (to follow the quoted input), guessing only where likely right.

    From 2 to 100 the user most likely meant a percentage (``70`` for 70%). Between 1 and 2 they
    did not mean ``1.2%`` (legal, but nobody types 1.2 for 1.2%), so that says what the scale is.
    """
    if 2 <= value <= 100:
        return f" (did you mean {raw}%?): use {ACCEPTED}"
    if value < 2:
        return f": a probability is from 0 to 1 (or 0% to 100%); use {ACCEPTED}"
    return f": a confidence is at most 1 (100%); use {ACCEPTED}"


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
