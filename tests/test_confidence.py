"""Unit tests of claimtrack.confidence: parsing what users type, labels, and the canonical round trip.

Covers DESIGN.md "Confidence": numbers (``0.7``, ``.7``), percentages (``70%``), every ICD 203
phrase and synonym (stored as the band's midpoint with the phrase), the adverb forms, the error
that lists what is accepted, ``label()``, and a property test that ``Confidence.canonical`` parses
back to the same Confidence. Issue 12: synonyms people type (``highly likely``, ``probably not``)
stored as their band's phrase, and hints that are right (``70`` -> 70%? but not ``1.2`` -> 1.2%;
negatives; a near-miss phrase names the phrase).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.confidence import Confidence, label, parse
from claimtrack.errors import InvalidInput
from conftest import Run

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


@pytest.mark.parametrize("typed", ["2", "-0.1", "101%", "abc", "nan", "inf", "0.7.1", "", "70 percent", "likelyish"])
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

ALL_PHRASES = sorted(PHRASE_MIDPOINTS) + ["probably", "almost certainly", "highly likely", "probably not"]


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


# ---- synonyms people use (issue 12) ------------------------------------------------------------

SYNONYMS = {
    "highly likely": "very likely",
    "Highly-Likely": "very likely",
    "very probable": "very likely",
    "very probably": "very likely",
    "highly unlikely": "very unlikely",
    "very improbable": "very unlikely",
    "very probably not": "very unlikely",
    "probably not": "unlikely",
    "Probably  NOT": "unlikely",
    "not likely": "unlikely",
    "doubtful": "unlikely",
    "almost certainly not": "almost no chance",
    "remote chance": "almost no chance",
    "fifty-fifty": "roughly even chance",
    "50-50": "roughly even chance",
    "50/50": "roughly even chance",
    "toss-up": "roughly even chance",
    "virtually certain": "almost certain",
}


@pytest.mark.parametrize(("typed", "phrase"), sorted(SYNONYMS.items()))
def test_synonyms_are_stored_as_their_bands_phrase(typed: str, phrase: str) -> None:
    result = parse(typed)
    assert result.phrase == phrase
    assert result.value == pytest.approx(PHRASE_MIDPOINTS[phrase], abs=1e-9)
    assert parse(result.canonical) == result  # history records the band's phrase, which reads back


def test_the_issue_examples() -> None:
    assert parse("highly likely") == parse("very likely")
    assert parse("highly unlikely") == parse("very unlikely")
    assert parse("probably not") == parse("unlikely")


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("certain", "almost certain"),
        ("Impossible", "almost no chance"),
        ("no chance", "almost no chance"),
        ("definitely", "almost certain"),
    ],
)
def test_certainty_is_not_a_band_but_names_the_nearest(typed: str, suggested: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse(typed)
    assert f"did you mean {suggested!r}" in str(info.value)


# ---- hints for what is not accepted (issue 12) -------------------------------------------------


def _message(typed: str) -> str:
    with pytest.raises(InvalidInput) as info:
        parse(typed)
    message = str(info.value)
    assert "\n" not in message
    assert "70%" in message  # every message still says what is accepted
    return message


@pytest.mark.parametrize("typed", ["2", "70", "99.5", "100"])
def test_a_number_from_2_to_100_suggests_a_percentage(typed: str) -> None:
    assert f"did you mean {typed}%?" in _message(typed)


@pytest.mark.parametrize("typed", ["1.2", "1.01", "1.999"])
def test_a_number_between_1_and_2_gets_no_percentage_hint(typed: str) -> None:
    message = _message(typed)
    assert "did you mean" not in message
    assert "a probability is from 0 to 1" in message


@pytest.mark.parametrize("typed", ["100.5", "101", "5000", "9" * 400])
def test_a_number_above_100_says_the_maximum(typed: str) -> None:
    message = _message(typed)
    assert "did you mean" not in message
    assert "at most 1 (100%)" in message
    assert len(message) < 400  # a long number is not echoed in full


@pytest.mark.parametrize("typed", ["-0.3", "-1", "-.5", "-30%", "- 30 %"])
def test_negative_numbers_are_refused_as_negative(typed: str) -> None:
    message = _message(typed)
    assert "cannot be negative" in message
    assert "did you mean" not in message


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("very likley", "very likely"),
        ("Very Likley", "very likely"),
        ("unlikly", "unlikely"),
        ("almost certian", "almost certain"),
        ("highly likly", "highly likely"),
        ("probablly not", "probably not"),
        ("roughly even chanse", "roughly even chance"),
    ],
)
def test_a_near_miss_phrase_suggests_the_phrase(typed: str, suggested: str) -> None:
    assert f"(did you mean {suggested!r}?)" in _message(typed)
    assert parse(suggested)  # what is suggested is accepted


@pytest.mark.parametrize("typed", ["abc", "maybe", "x", "70 percent"])
def test_no_suggestion_when_nothing_is_near(typed: str) -> None:
    assert "did you mean" not in _message(typed)


# ---- on the command line -----------------------------------------------------------------------


def test_add_and_set_take_synonyms_and_history_records_the_bands_phrase(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    run = cli("add", "A claim.", "--source", "Desk", "--confidence", "highly likely", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout)[0]["confidence_label"] == "87.5% very likely"
    assert cli("set", "1", "--confidence", "probably not").exit_code == 0
    claim = json.loads(cli("show", "1", "--format", "json").stdout)
    assert claim["confidence_label"] == "32.5% unlikely"
    change = [e for e in claim["events"] if e["field"] == "confidence"]
    assert [(e["old"], e["new"]) for e in change] == [("very likely", "unlikely")]


def test_the_cli_hint_for_1_2_is_not_a_percentage(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    run = cli("add", "A claim.", "--source", "Desk", "--confidence", "1.2")
    assert run.exit_code == 1
    assert "1.2%" not in run.stderr and "from 0 to 1" in run.stderr
