"""extract on the world's text (issue 30): the evaluation set of tests/extract_eval/, twelve
articles in six news formats with hand-made gold labels, measured per format and overall.

The thresholds are the issue's: coverage >= 90%, speaker right >= 90% of covered, confidence
band right >= 75% of covered, at most 2 candidates per gold claim. bench/extract_bench.py prints
the same figures. Page furniture (bylines, datelines, captions, "Read more"/"Related" lines,
reporting credits) never becomes claim text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from claimtrack import extract, sourcetext
from conftest import Run
from extract_quality import FORMATS, as_found, eval_set, measure, measure_set, summary

SEED_ARTICLE = Path(__file__).resolve().parent.parent / "data" / "seed-article.txt"

FIGURES = measure_set()


def test_the_set_is_twelve_articles_in_six_formats_two_each() -> None:
    articles = eval_set()
    assert len(articles) >= 12
    for fmt in FORMATS:
        assert sum(1 for _, f, _, _ in articles if f == fmt) >= 2, fmt
    for name, _, text, gold in articles:
        assert 300 <= len(text.split()) <= 900, name
        assert all(g["quote"] in text for g in gold), f"{name}: every gold quote is the article's own words"


@pytest.mark.parametrize("fmt", [*FORMATS, "overall"])
def test_extract_meets_the_thresholds(fmt: str) -> None:
    figures = FIGURES[fmt]
    said = f"{fmt}: {summary(figures)}"
    print(f"\n{said}")
    assert figures["coverage"] >= 0.90, f"{said}; missed: {figures['missed']}"
    assert figures["speaker"] >= 0.90, f"{said}; wrong speakers (gold, found, quote): {figures['wrong_speaker']}"
    assert figures["confidence"] >= 0.75, f"{said}; wrong bands (gold, found, quote): {figures['wrong_band']}"
    assert figures["per_claim"] <= 2.0, said


# Lines a reader knows are not the story: written here by hand, not taken from extract's own rules.
FURNITURE = re.compile(
    r"^(?:By |\(?Photo:|Read more:|Related|\(Reporting by|Live reporting by|Published by|The press release issued by"
    r"|Media contact:|For media enquiries:|All times are|This interview|The interview has been|Notes to editors)"
)
DATELINE_WORDS = ("(Reuters)", "(Northsea News)", "/Business Newswire/", "HOUSTON", "ODESA", "GOTHENBURG")


@pytest.mark.parametrize("name", [a[0] for a in eval_set()])
def test_furniture_and_datelines_never_become_claim_text(name: str) -> None:
    _, _, text, _ = next(a for a in eval_set() if a[0] == name)
    found = extract.candidates(text)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if FURNITURE.match(m.group())]
    for c in found:
        assert not any(a <= c.start < b for a, b in spans), f"{c.quote!r} comes from a byline, caption or link"
        assert not any(w in c.quote or w in c.text for w in DATELINE_WORDS), f"a dateline in {c.text!r}"
        assert not re.search(r"\([A-Z][\w .&'-]*/[^()]*\)", c.text), f"a photo credit in {c.text!r}"


def test_a_said_after_the_quote_a_pronoun_and_a_lead_line_name_the_speaker() -> None:
    """The cases of the issue: '"…," said Steve Stich.', 'He added that …', 'Name, Title:' above an answer."""
    text = (
        "HOUSTON (Reuters) — NASA delayed the landing by a week on Monday, the agency said.\n"
        '"We are in no hurry to bring them home, and the crew is safe," said Steve Stich, a NASA manager.\n'
        "He added that engineers had traced the fault to a seal that failed in 2024.\n"
        "Walter Kemp, Senior Advisor, Geneva Center for Security Policy:\n"
        '"Talks will probably resume in March, and 12 countries have said they will attend."\n'
    )
    found = {c.quote: c for c in extract.candidates(text)}
    by = {quote.split()[0]: c.source for quote, c in found.items()}
    assert by["We"] == "Steve Stich" and by["engineers"] == "Steve Stich"
    assert by["Talks"] == "Walter Kemp"
    assert not any(q.startswith(("HOUSTON", "(Reuters)")) for q in found)


def test_sentences_that_only_look_like_furniture_stay_claims() -> None:
    """A byline is 'By' and a name, not 'By March, ...'; 'Related:' is a link, 'Related deaths' a claim;
    a line naming a speaker is a name and a title, not a sentence ending in a colon."""
    text = (
        "By March 2026, the reservoirs will probably be empty, the water board said.\n"
        "Related deaths rose by 5% in 2024, according to the health ministry.\n"
        "North Korea, Russia and Iran have one thing in common:\n"
        "All three were hit by new sanctions in 2024, the European Union said.\n"
    )
    by = {c.quote.split()[0]: c.source for c in extract.candidates(text)}
    assert by["By"] == "Water board" and by["Related"] == "Health ministry"
    assert by["All"] == "European Union"


def test_the_seed_article_is_no_worse_than_before_issue_30(seeded: Callable[..., Run]) -> None:
    """Issue 30: on the seed, no worse than 93% coverage, 100% speakers, 89% bands, 1.10 candidates
    per seed claim (27 and 24 of 29 claims, 32 candidates), what extract reached before the new formats."""
    seeds = json.loads(seeded("list", "--format", "json").stdout)
    figures = measure(as_found(extract.candidates(sourcetext.read(str(SEED_ARTICLE)).text)), seeds)
    said = summary(figures)
    assert figures["covered"] >= 27 and figures["speaker"] == 1.0, f"{said}; {figures['wrong_speaker']}"
    assert round(figures["confidence"] * figures["covered"]) >= 24, f"{said}; {figures['wrong_band']}"
    assert figures["candidates"] <= 32, said
