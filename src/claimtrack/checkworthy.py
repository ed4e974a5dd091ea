"""Whether a statement holds a fact someone could check, or only a view, a wish or a promise.

``extract`` proposes a sentence only when ``checkable(quote)`` holds. ClaimBuster's annotators
(issue 30, point 6) call a sentence check-worthy when it states a fact: a number, a date, a past
event, a record ("voted", "vetoed", "the largest"), what a named person or body did or said. They
do not call check-worthy an opinion ("I think it's wrong"), a wish or a duty ("we need to ..."),
a promise ("I'm going to ..."), a question, a greeting or an aside to the moderator.

Each cue below is a regular expression with a weight; a statement is checkable when the weights
of the cues it holds add up to more than ``THRESHOLD``. The cues are written by hand; their
weights were fitted once (logistic regression) on the development half of ClaimBuster's
``train.json`` (bench/claimbuster_bench.py), never on its held-out half, and rounded. Rules
only: no model file, nothing downloaded.
"""

from __future__ import annotations

import re

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|dozen|half|third|quarter|twice|double|triple"
)

# (name, pattern, weight): name for the bench's notes, pattern searched in the statement.
CUES: tuple[tuple[str, re.Pattern[str], float], ...] = tuple(
    (name, re.compile(pattern), weight)
    for name, pattern, weight in (
        ("digit", r"\d", 1.9),
        ("magnitude", r"(?i)\b(?:millions?|billions?|trillions?|percent|per ?cent|%|thousands?|hundreds?)\b", 1.7),
        ("number word", rf"(?i)\b(?:{_NUMBER_WORDS})\b", 0.9),
        (
            "date",
            rf"\b(?:{_MONTHS})\b|\b(?:1[89]|20)\d\d\b|'\d\d\b|(?i:\b(?:last|this|next) (?:year|month|week)\b)",
            -0.1,
        ),
        ("ago", r"(?i)\b(?:ago|since|yesterday|years? of|in office|record)\b", 0.4),
        (
            "record verb",
            r"(?i)\b(?:voted|vetoed|passed|signed|cut|raised|increased|decreased|reduced|doubled|tripled|created"
            r"|lost|spent|appointed|enacted|proposed|opposed|supported|sent|invaded|attacked|killed|balanced"
            r"|borrowed|paid|fell|rose|grew|dropped|went up|went down)\b",
            1.1,
        ),
        ("past", r"\b(?:was|were|had|did|wasn't|weren't|didn't)\b|\b\w{3,}ed\b", 0.7),
        (
            "perfect",
            r"(?i)\b(?:has|have|had|hasn't|haven't|'ve|'s) (?:not )?(?:been|\w+ed|\w+en|got|gotten|done)\b",
            0.3,
        ),
        (
            "comparison",
            r"(?i)\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|better|worse) than\b"
            r"|\b(?:largest|highest|lowest|biggest|smallest|fastest|most|least|first|only|never|every|no other)\b",
            0.8,
        ),
        ("third person", r"(?i)\b(?:he|she|his|her|him|they|their)\b", 0.3),
        (
            "institution",
            r"(?i)\b(?:congress|senate|house|administration|government|tax(?:es)?|budget|deficit|debt|law|bill"
            r"|program|federal|state|states|jobs|unemployment|inflation|economy|military|troops|nuclear)\b",
            0.6,
        ),
        ("name", r"(?<!^)(?<![.!?] )\b(?!I\b|I'|Mr\b|Mrs\b|Ms\b)[A-Z][a-z]+", 0.6),
        ("two names", r"(?<!^)\b[A-Z][a-z]+\b(?:[^.!?]*?[\s’'-])[A-Z][a-z]+\b", 0.3),
        ("said", r"(?i)\b(?:said|says|(?<!I )(?<!I )say|claimed|admitted|testified|reported|announced)\b", 0.7),
        (
            "my view",
            r"(?i)\bI (?:really |just |do |don't |do not |strongly |personally )?"
            r"(?:think|believe|feel|want|hope|guess|agree|disagree|favou?r|support|oppose|like|love|wish|trust|mean|know)\b"
            r"|\bin my (?:view|opinion|judgment)\b|\bmy (?:view|position) is\b",
            -1.1,
        ),
        (
            "duty",
            r"(?i)\b(?:we|you|they|america|people|i) (?:really |also |just )?(?:need|needs|must|should|shouldn't|ought"
            r"|have to|has to|got to|gotta|can't afford)\b|\bit'?s (?:time|important|essential|critical|vital) (?:to|that)\b",
            -0.8,
        ),
        (
            "promise",
            r"(?i)\b(?:I'll|I will|I'm going to|I am going to|we'll|we will|we're going to|we are going to|I would"
            r"|I'd|my plan|as president)\b",
            -0.8,
        ),
        ("question", r"\?", -1.4),
        (
            "aside",
            r"(?i)^(?:(?:well|and|but|so|now|look|yes|no|oh|uh|okay|ok)[,.\s-]+)*(?:let me|let's|let us|look|you know|"
            r"thank|thanks|i mean|excuse me|i'm sorry|mr\. president|senator|governor)\b|\b(?:thank you|folks)\b",
            -0.2,
        ),
        (
            "verdict",
            r"(?i)\b(?:good|bad|wrong|right|great|terrible|important|serious|wonderful|disgrace|shame|fair|unfair"
            r"|ridiculous|outrageous|dangerous|best|worst|strong|weak|smart|stupid)\b",
            -0.8,
        ),
        ("we or you", r"(?i)\b(?:we|we're|you|you're|our|us|i|i'm|my|me)\b", -0.5),
        ("modal", r"(?i)\b(?:would|could|should|can|may|might|will|won't|wouldn't|can't)\b", -1.0),
        ("future", r"(?i)\b(?:going to|gonna|future|tomorrow|next)\b", -0.5),
        (
            "irregular past",
            r"(?i)\b(?:made|took|gave|won|lost|met|began|became|fell|rose|left|went|came|held|paid|sold|bought|built"
            r"|spent|shot|struck|ran|led|kept|put|grew|saw|found|brought|wrote|spoke|stood|broke|told|got|knew|said)\b",
            0.2,
        ),
        (
            "measure",
            r"(?i)\$|\b(?:dollars?|rate|average|income|costs?|prices?|wages?|percentage|evidence|record|history|ever"
            r"|already|still|times as|per|each year|a year|every year|population|number of|majority|average)\b",
            0.8,
        ),
        ("fact is", r"(?i)\b(?:the fact is|the truth is|in fact|the record|the facts?)\b", 0.2),
        ("now", r"(?i)\b(?:today|now|currently|this year|right now)\b", 0.9),
        (
            "we did",
            r"(?i)\b(?:we|I|he|she|they|you)(?: have| has| had)? (?:\w+ed|cut|made|put|got|brought|built|sent|took|won)\b",
            0.7,
        ),
        (
            "imperative",
            r"(?i)^(?:(?:well|and|but|so|now)[,\s]+)*(?:let|look|think|imagine|remember|consider|listen)\b",
            -0.4,
        ),
        ("long", r"(?<!\S)(?:\S++\s+){11}\S", 0.4),
        ("short", r"^\W*(?:\S+\s+){0,5}\S+\W*$", 0.1),
    )
)
BIAS = -1.5
THRESHOLD = -0.6
# A statement a named speaker made on the record (an article's quote or answer) needs less to be worth
# following up than a bare sentence: the tracker follows what people said.
SPEAKER_BONUS = 0.7


# A wish, a duty, a promise or a verdict: what a hedge does not turn into an estimate ("I think we should").
_NOT_ESTIMATE = re.compile(
    r"(?i)\b(?:want|wants|hope|hopes|wish|favou?r|support|like|love|need|needs|must|should|shouldn't|ought"
    r"|have to|has to|got to|gotta|I'll|I will|I'm going to|I am going to|we'll|we will|we're going to|I would|I'd"
    r"|good(?! chance)|bad|wrong|right|great|terrible|important|fair|unfair|ridiculous|outrageous|best|worst)\b|\?"
)


def features(text: str) -> list[float]:
    """1.0 for each cue ``text`` holds, else 0.0, in the order of ``CUES``."""
    return [1.0 if pattern.search(text) else 0.0 for _, pattern, _ in CUES]


def score(text: str) -> float:
    """The summed weights of the cues ``text`` holds, plus the bias."""
    return BIAS + sum(weight for _, pattern, weight in CUES if pattern.search(text))


_PERSONAL = re.compile(r"(?i)\b(?:I|I'm|I've|I'd|me|my|we|we're|we've|our|us|you|you're|your)\b")
_PLEDGE = re.compile(r"(?i)\b(?:will|won't|shall|going to)\b")
# A forecast in reported speech ("the talks would resume next week", "rates are set to rise"): what
# will happen, which a tracker follows up when a source said it. Not "would be a mistake" nor "would
# like": a forecast of "be" or "have" counts only as a passive ("would be lifted") or with a date.
_FORECAST = re.compile(
    r"(?i)\b(?:would|wouldn[’']t|(?:is|are|was|were)\s+(?:set|due|scheduled|poised|expected|likely)\s+to)"
    r"\s+(?:not\s+)?(?:(?P<wish>like|love|prefer|want|rather|need|welcome)|(?P<be>be|have|seem|appear|feel)"
    r"(?:\s+(?P<done>\w+))?|\w+)\b"
)
_WHEN = re.compile(
    r"(?i)\b(?:by|before|until|within|from|in|on)\s+(?:\d|the\s+end\b)"
    r"|\b(?:next|this|later\s+this)\s+(?:week|month|year|quarter|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:tomorrow|soon|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


def forecast(quote: str) -> bool:
    """Whether ``quote`` forecasts an event ("would resume next week", "would be lifted"), not a
    view of what would be ("would be a mistake", "would like")."""
    views = 0  # forecasts of "be" or "have": events only with a date, looked for once
    for m in _FORECAST.finditer(quote):
        if m.group("wish"):
            continue
        if not m.group("be") or m.group("be") == "be" and (m.group("done") or "").endswith(("ed", "en")):
            return True
        views += 1
    return views > 0 and _WHEN.search(quote) is not None


# A reaction with nothing in it to check: "Chief financial officer Maria Lenz disagreed.", "Raytheon, which
# makes the missile, declined to comment.", "The ministry did not respond to a request for comment."
_REACTION = re.compile(
    r"^(?:[\w’'.-]+\s+){0,7}?[\w’'.-]+(?:,[^,\d]{3,120},)?\s+(?:also\s+|again\s+)?"
    r"(?:(?:disagreed|agreed|objected|demurred)(?:\s+with\s+(?:him|her|them|that|this|the\s+\w+))?"
    r"|(?:welcomed|critici[sz]ed|praised|condemned)\s+the\s+(?:decision|move|plan|announcement|news|ruling|deal)"
    r"|(?:(?:declined|refused)\s+to\s+(?:comment|elaborate)|had\s+no\s+(?:immediate\s+)?comment"
    r"|(?:did\s+not|didn[’']t)\s+(?:immediately\s+)?(?:respond|reply|comment|return)"
    r"|could\s+not\s+(?:immediately\s+)?be\s+reached|(?:was|were)\s+(?:not\s+(?:immediately\s+)?available|unavailable))"
    r"\b(?:\s+(?:to|with|on|for|when|by|(?:an?\s+)?(?:calls?|e-?mails?|messages?|requests?))\b[^\d,;:“”\"]{0,60})?)\s*[.!]?$"
)


def checkable(quote: str, sentence: str | None = None, hedged: bool = False, speaker: bool = False) -> bool:
    """Whether ``quote`` (said in ``sentence``) states something checkable: its cues, or the
    sentence's, weigh more than ``THRESHOLD``; or it is ``hedged`` (an estimate: "North Korea might
    send workers", a forecast a tracker follows up), no wish, duty, promise or verdict, and either
    about others or said by a named ``speaker`` ("I think", unattributed, is a view); or a
    named ``speaker`` (not the text's own voice) said it as a pledge ("We will not sell the club")
    or a source, named or not ("officials said"), forecast an event in reported speech ("the talks
    would resume next week"), which a tracker follows up too. A bare reaction ("X disagreed", "X declined
    to comment") never is."""
    if _REACTION.match(quote):
        return False
    bar = THRESHOLD - (SPEAKER_BONUS if speaker else 0.0)
    if score(quote) > bar or (sentence is not None and score(sentence) > bar):
        return True
    if hedged and not _NOT_ESTIMATE.search(quote) and (speaker or not _PERSONAL.search(quote)):
        return True
    if speaker and forecast(quote) and not _NOT_ESTIMATE.search(quote):
        return True
    return speaker and bool(_PLEDGE.search(quote)) and "?" not in quote
