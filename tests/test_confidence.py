"""Unit tests of claimtrack.confidence: parsing what users type, labels, and the canonical round trip.

Covers DESIGN.md "Confidence": numbers (``0.7``, ``.7``), percentages (``70%``), every ICD 203
phrase and synonym (stored as the band's midpoint with the phrase), the adverb forms, the error
that lists what is accepted, ``label()``, and a property test that ``Confidence.canonical`` parses
back to the same Confidence.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.confidence import Confidence, label, parse
from claimtrack.errors import InvalidInput

# Every ICD 203 phrase of DESIGN.md with its band's midpoint.
PHRASE_MIDPOINTS = {
    "almost no chance": 0.03,
    "remote": 0.03,
    "very unlikely": 0.125,
    "highly improbable": 0.125,
    "unlikely": 0.325,
    "improbable": 0.325,
    "roughly even chance": 0.5,
    "roughly even odds": 0.5,
    "likely": 0.675,
    "probable": 0.675,
    "very likely": 0.875,
    "highly probable": 0.875,
    "almost certain": 0.97,
    "nearly certain": 0.97,
}


# ---- phrases -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "midpoint"), sorted(PHRASE_MIDPOINTS.items()))
def test_phrase_parses_to_band_midpoint_keeping_phrase(phrase: str, midpoint: float) -> None:
    result = parse(phrase)
    assert result.value == pytest.approx(midpoint, abs=1e-9)
    assert result.phrase == phrase


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("VERY LIKELY", "very likely"),
        ("Very Likely", "very likely"),
        ("  very   likely  ", "very likely"),
        ("very-likely", "very likely"),
        ("Almost-Certain", "almost certain"),
        ("roughly-even-chance", "roughly even chance"),
        ("Roughly  Even\tOdds", "roughly even odds"),
        ("\tHighly - Improbable ", "highly improbable"),
        ("ALMOST NO CHANCE", "almost no chance"),
    ],
)
def test_phrase_ignores_case_spaces_and_hyphens(typed: str, phrase: str) -> None:
    result = parse(typed)
    assert result.phrase == phrase
    assert result.value == pytest.approx(PHRASE_MIDPOINTS[phrase], abs=1e-9)


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("probably", "probable"),
        ("Probably", "probable"),
        ("almost certainly", "almost certain"),
        ("Almost-Certainly", "almost certain"),
    ],
)
def test_adverbs_map_to_their_phrase(typed: str, phrase: str) -> None:
    result = parse(typed)
    assert result.phrase == phrase
    assert result.value == pytest.approx(PHRASE_MIDPOINTS[phrase], abs=1e-9)


# ---- numbers and percentages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("0.7", 0.7),
        (".7", 0.7),
        ("70%", 0.7),
        ("0", 0.0),
        ("1", 1.0),
        ("100%", 1.0),
        ("0%", 0.0),
        (" 0.25 ", 0.25),
        ("67.5%", 0.675),
    ],
)
def test_number_and_percentage_parse_without_phrase(typed: str, value: float) -> None:
    result = parse(typed)
    assert result.value == pytest.approx(value, abs=1e-9)
    assert result.phrase is None


@pytest.mark.parametrize(
    "typed",
    ["2", "-0.1", "101%", "abc", "nan", "inf", "0.7.1", "", "70 percent", "likelyish"],
)
def test_invalid_input_raises_and_lists_what_is_accepted(typed: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse(typed)
    message = str(info.value)
    assert "70%" in message
    assert "very likely" in message
    assert "\n" not in message  # one line, as every user-facing error


# ---- label -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "phrase", "expected"),
    [
        (0.7, None, "70% likely"),
        (0.675, "probable", "67.5% probable"),
        (0.875, "highly probable", "87.5% highly probable"),
        (0.97, None, "97% almost certain"),
        (0.5, None, "50% roughly even chance"),
        (0.1, None, "10% very unlikely"),
        (None, None, ""),
    ],
)
def test_label(value: float | None, phrase: str | None, expected: str) -> None:
    assert label(value, phrase) == expected


def test_label_of_parsed_phrase_keeps_the_phrase() -> None:
    assert parse("probable").label == "67.5% probable"
    assert parse("0.7").label == "70% likely"


# ---- canonical round trip ----------------------------------------------------------------------

ALL_PHRASES = sorted(PHRASE_MIDPOINTS) + ["probably", "almost certainly"]


@st.composite
def confidences(draw: st.DrawFn) -> Confidence:
    """Any Confidence the program can hold: a number in [0, 1], or a phrase at its midpoint.

    Numbers are kept to the six decimals ``parse`` stores (``parse`` rounds input to 6 places).
    """
    phrase = draw(st.none() | st.sampled_from(ALL_PHRASES))
    if phrase is not None:
        return parse(phrase)
    value = draw(st.floats(min_value=0.0, max_value=1.0, allow_nan=False, allow_infinity=False))
    return Confidence(round(value, 6))


@given(confidences())
def test_canonical_parses_back_to_the_same_confidence(confidence: Confidence) -> None:
    again = parse(confidence.canonical)
    assert again.value == confidence.value
    assert again.phrase == confidence.phrase
    assert again == confidence


@given(st.floats(min_value=0.0, max_value=1.0, allow_nan=False, allow_infinity=False))
def test_any_typed_number_round_trips_through_canonical(value: float) -> None:
    typed = parse(f"{value:.12f}")
    assert 0.0 <= typed.value <= 1.0
    assert typed.value == pytest.approx(value, abs=1e-6)
    assert parse(typed.canonical) == typed
