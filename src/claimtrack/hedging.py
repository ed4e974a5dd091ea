"""How sure a speaker is of what they said: a hedge's ICD 203 band, or the band of an unhedged statement.

The rules are the seed's (data/seed.sql, "CONFIDENCE"): a hedge maps to its band ("most likely", "a
good chance", "generally speaking" -> likely; "might", "could" -> roughly even chance; "does not
believe this likely" -> unlikely); an unhedged statement of a dated event is almost certain, any other
unhedged statement very likely. Split out of ``extract``, which proposes the claims.
"""

from __future__ import annotations

import re

# (pattern, ICD 203 phrase), the first that matches wins: most specific first.
HEDGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), band)
    for p, band in (
        (r"\b(?:almost|virtually|nearly) certain(?:ly)?\b(?! not)", "almost certain"),
        (r"\balmost certainly not\b|\bremote (?:chance|possibility)\b", "almost no chance"),
        (r"\b(?:highly|very) (?:unlikely|improbable)\b|\bvery probably not\b", "very unlikely"),
        (
            r"\b(?:does|do|did)(?: not|n[’']t) (?:believe|think|expect|consider)\b[^.]*\blikely\b"
            r"|\bunlikely\b|\bprobably not\b|\bnot likely\b|\bdoubt(?:s|ful)?\b|\bimprobable\b",
            "unlikely",
        ),
        (r"\b(?:i|we) (?:do|did)(?: not|n[’']t) (?:think|expect)\b", "unlikely"),
        (r"\b(?:highly|very) (?:likely|probable)\b|\bvery probably\b", "very likely"),
        (
            r"\bmost likely\b|\b(?:a )?good chance\b|\bgenerally speaking\b|\bmore inclined\b|\bprobabl[ey]\b"
            r"|\blikely\b|\b(?:i|we) (?:expect|think)\b|\bexpects\b|\b(?:is|are) expected to\b|\bin all likelihood\b|\bchances are\b",
            "likely",
        ),
        (r"\b(?:even|fifty[- ]fifty) (?:chance|odds)\b|\btoss[- ]up\b", "roughly even chance"),
        (
            r"\b(?:might|could(?!\s+not\b)|perhaps|possibly|maybe)\b|\bit is possible\b|(?-i:\bmay\b)",
            "roughly even chance",
        ),
        (r"\bnot possible\b|\bimpossible\b|\bcertainly\b|\bdefinitely\b|\bundoubtedly\b", "almost certain"),
    )
)
_MODAL = re.compile(r"\b(?:will|would|should|can|could|may|might|must|shall)\b")
_TIME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:1[89]|20)\d\d(?:s|/\d\d)?\b|(?i:\b(?:last|earlier this) (?:week|month|year)\b|\bago\b|\byesterday\b"
    r"|\bsince the (?:start|beginning|end) of\b)"
)
PAST = re.compile(
    r"\b(?:\w+ed|was|were|had|did|made|sent|took|gave|won|lost|met|began|became|fell|rose|left"
    r"|went|came|held|paid|sold|bought|built|spent|shot|struck|ran|led|kept|put|set|grew|saw|found|brought|flew"
    r"|drew|chose|wrote|spoke|stood|sank|sunk|broke)\b"
)
_STATE = re.compile(r"\b(?:is|are|be|being|remains?)\s+\w+ed\b")


def hedge(quote: str) -> str | None:
    """The ICD 203 phrase of the first hedge in ``quote``, if any."""
    for pattern, band in HEDGES:
        if pattern.search(quote):
            return band
    return None


def confidence(quote: str, negated: bool = False) -> str:
    """The speaker's confidence in ``quote``: its hedge, else almost certain for a dated event,
    else very likely (an unhedged judgement)."""
    if negated:
        return "unlikely"
    found = hedge(quote)
    if found:
        return found
    done = _STATE.sub("", quote)  # "are cancelled until Friday": a state now, not a past event
    if _TIME.search(quote) and PAST.search(done) and not _MODAL.search(quote):
        return "almost certain"
    return "very likely"
