"""Which stored claims a piece of news bears on (``claimtrack match``), best first.

The news is cut into sentences. Each sentence's significant words (stopwords dropped, names and
numbers kept, each cut to a stem so that Russia/Russian and veto/vetoed meet) ask the search index
for the claims it ranks best for them (bm25 on SQLite, ts_rank on PostgreSQL): one ranked, limited
query a sentence. The index alone ranks poorly for this (bm25 favours a short claim sharing one rare
word), so each candidate is then scored against the sentence that found it, from 0 to 1: how much of
the claim the sentence holds and how much of the sentence is about the claim, each word weighted by
how rare it is among the stored claims (a name counts more than "Russia" in a database about
Russia), plus a little for the claim's words standing in the same order (difflib: "same trench",
"panel of experts"). A claim keeps its best sentence. A short news item (a post: at most ``WHOLE``
words) is also scored as one sentence, as a post spreads one claim over several short ones.
What of the text is read at all (no links, datelines, signatures) is ``claimtrack.newstext``.

Speed: a word found in very many claims matches nothing by itself (it would make the index rank
thousands of claims for every sentence); such words are only searched together, so a claim must hold
all of them. Their counts are still taken, so that they weigh little in the score.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimtrack import meaning
from claimtrack.newstext import MAX_WORDS, sentences
from claimtrack.store import matching

if TYPE_CHECKING:
    from claimtrack.store.database import Database

OPEN = ("unverified", "disputed")  # what match looks at unless --all
PER_SENTENCE = 20  # candidates the index gives for each sentence
RARE_POSTINGS = 3000  # a sentence searches its rarer words alone while their claims add up to at most this
ALL_OF = 3  # the commoner words are searched together, at most this many of them
COMMON_SHARE = 0.05  # a word in more of the claims than this is not searched for (it still scores)
BETA2 = 1.0  # F-measure weight: covering the claim and covering the sentence count alike
ORDER_WEIGHT = 0.2  # share of the score from words in the claim's own order
SATURATION = 1.3  # matched weight, in words found in one claim, at which a match counts 63 % of its score
WHOLE = MAX_WORDS  # a news item of at most this many words is also scored as one sentence
TOPIC = 0.75  # how much a word in every sentence of the news loses of its weight (see _Weights)

STOPWORDS = frozenset(
    """
a about above after again against all almost along already also although always am among an and another any
anyone anything are around as at away back be became because become been before being below between both but
by can cannot could did do does doing done down during each either else even ever every few for from further
had has have having he her here hers herself him himself his how however i if in into is it its itself just
last least less like made make many may me might more most much must my myself near neither never next no nor
not now of off often on once one only onto or other others our ours ourselves out over own per perhaps put
rather same she should since so some still such than that the their theirs them themselves then there these
they this those though through thus to too toward towards under until up upon us very via was we were what
whatever when where whether which while who whom whose why will with within without would yet you your yours
yourself said says say saying told tell tells according added adding reported reports reporting statement
stated told asked spokesman spokeswoman spokesperson officials official news agency reuters ap afp
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks month months year
years day days time times new first second third two three four five six seven eight nine ten
mr mrs ms dr st
way ways long stand stands set take took taken call called calls level end issue issues part place point case
fact show shows showed help helped keep kept go goes going get got come came see seen use used give gave given
find found think know want look looks seem seems turn turned start started high low large small big great good
well side sides moment closer close lot major key main both across amid among toward later earlier early late
around went ago again including include includes included
""".split()
)

# Capitals and seats of power that news names instead of the country ("Moscow vetoed"), as stems.
METONYMS = {
    "moscow": ("russia",),
    "kremlin": ("russia",),
    "pyongyang": ("north", "korea"),
    "dprk": ("north", "korea"),
    "kyiv": ("ukraine",),
    "kiev": ("ukraine",),
    "beijing": ("china",),
    "tokyo": ("japan",),
    "tehran": ("iran",),
    "minsk": ("belarus",),
    "damascus": ("syria",),
    "ankara": ("turkey",),
    "brussels": ("eu",),
    "london": ("britain",),
    "paris": ("france",),
    "berlin": ("germani",),
    "taipei": ("taiwan",),
    "delhi": ("india",),
}

_TOKEN = re.compile(r"[^\W_]+")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ians",
    "ian",
    "ies",
    "ied",
    "ers",
    "ans",
    "an",
    "ed",
    "es",
    "s",
)
MIN_STEM = 4  # a suffix is only cut when this much of the word is left; shorter stems match exactly


@dataclass(frozen=True, slots=True)
class News:
    """One piece of news: an article, or one item of a feed."""

    text: str
    name: str  # how messages refer to it (a path, a URL, a feed item's title)
    url: str | None = None
    date: str | None = None  # YYYY-MM-DD
    title: str | None = None


@dataclass(slots=True)
class Match:
    """A claim the news bears on: the claim (id, text, status, source...), the sentence that
    matches it best, the news it is in, and the score (0..1)."""

    claim: dict[str, Any]
    sentence: str
    score: float
    news: News

    def record(self) -> dict[str, Any]:
        """The match as output shows it (json, tsv, table)."""
        c = self.claim
        return {
            "id": c["id"],
            "status": c["status"],
            "text": c["text"],
            "source": c["source"],
            "sentence": self.sentence,
            "score": round(self.score, 3),
            "news_url": self.news.url,
            "news_date": self.news.date,
            "news_title": self.news.title,
        }


@dataclass(slots=True)
class _Sentence:
    news: int  # index in the news given
    text: str
    stems: list[str]
    query: matching.Query = field(default_factory=matching.Query)
    joined: bool = False  # several neighbouring sentences read as one (``WHOLE``), not a sentence of its own


# ---- text -------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Casefolded, without diacritics (as the search index's unicode61 tokenizer reads text)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A folded word cut to the part its forms share: 'vetoed' -> 'veto', 'russians' -> 'russ',
    'treaty' and 'treaties' -> 'treati', 'ally' and 'allies' -> 'alli'.

    Crude on purpose (a few English suffixes, and y as i): a stem is searched as a prefix, and two
    stems meet when one begins the other, so 'russ' meets Russia and 'alli' alliance."""
    if word.isdigit() or len(word) < MIN_STEM:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            break
    if word.endswith("y") and word[-2] not in "aeiou":
        word = word[:-1] + "i"
    return word


def stems(text: str) -> list[str]:
    """The significant words of a text as stems, in order (stopwords, single letters and single
    digits dropped; names and numbers kept; '1,500' is one number). A capital standing for its
    country ("Moscow said") brings the country's name too (``METONYMS``)."""
    found: list[str] = []
    for word in _TOKEN.findall(_fold(_THOUSANDS.sub("", text))):
        if len(word) > 1 and word not in STOPWORDS:
            found.append(stem(word))
            found += METONYMS.get(word, ())
    return found


def _term(s: str) -> matching.Term:
    """How a stem is searched: as a prefix (a 'y' turned 'i' searched without it), or exactly when short."""
    if s.isdigit() or len(s) < MIN_STEM:
        return (s, False)
    return (s[:-1], True) if s.endswith("i") and len(s) > MIN_STEM else (s, True)


def _related(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= MIN_STEM and not short.isdigit() and long.startswith(short)


# ---- scoring ----------------------------------------------------------------------------------


class _Weights:
    """How much a stem counts: its inverse document frequency among the live claims (bm25's idf),
    less for the news' topic words.

    A word found in most sentences of one piece of news ("North Korea" in a story about North
    Korea) says what the story is about, not which of the many claims on that subject it settles:
    its weight shrinks with the share of the other sentences it is in (``TOPIC``), so that a short
    claim made only of the story's names does not outrank the one it settles."""

    def __init__(self, counts: dict[matching.Term, int], total: int, topical: dict[str, float]) -> None:
        self.total = max(total, 1)
        # A word no claim holds can match none: it weighs nothing (else every long sentence loses).
        self.by_stem = {
            s: self.idf(counts[_term(s)]) * (1 - TOPIC * share) if counts.get(_term(s)) else 0.0
            for s, share in topical.items()
        }
        self.unknown = self.idf(max(1, self.total // 200))  # a word of the claim the news never uses
        self.rarest = self.idf(1)  # a word found in one claim: the scale of a strong match

    def idf(self, n: int) -> float:
        return math.log(1 + (self.total - n + 0.5) / (n + 0.5))

    def __getitem__(self, stem_: str) -> float:
        return self.by_stem.get(stem_, self.unknown)


@dataclass(slots=True)
class _Side:
    """A sentence made ready to score many claims against: its stems by their first letters, and
    its total weight."""

    stems: list[str]
    by_start: dict[str, list[str]]
    total: float

    @classmethod
    def of(cls, stems_: Sequence[str], weights: _Weights) -> _Side:
        by_start: dict[str, list[str]] = {}
        for s in sorted(set(stems_), key=lambda s: (-len(s), s)):  # the longest (closest) stem first, always
            by_start.setdefault(s[:MIN_STEM], []).append(s)
        return cls(
            list(stems_), by_start, math.fsum(weights[s] for s in set(stems_)) or 1.0
        )  # fsum: any order, one sum


def score(sentence: Sequence[str], claim: Sequence[str], weights: _Weights, floor: float = 0.0) -> float:
    """How well a sentence (its stems) matches a claim (its stems), from 0 to 1; 0 when it cannot
    beat ``floor`` (the word order is then not looked at)."""
    return _score(_Side.of(sentence, weights), claim, weights, floor) if sentence and claim else 0.0


def _score(side: _Side, claim: Sequence[str], weights: _Weights, floor: float = 0.0) -> float:
    if not claim:
        return 0.0
    partners: dict[str, str | None] = {}  # each claim stem, and the sentence's stem it meets
    held = total_c = 0.0
    for c in dict.fromkeys(claim):
        near = side.by_start.get(c[:MIN_STEM], ())
        partner = partners[c] = c if c in near else next((s for s in near if _related(s, c)), None)
        weight = weights[partner] if partner else weights[c]
        total_c += weight
        held += weight if partner else 0.0
    if not held:
        return 0.0
    cover_c = held / total_c
    cover_s = math.fsum(weights[s] for s in {p for p in partners.values() if p}) / side.total
    f = (1 + BETA2) * cover_c * cover_s / (BETA2 * cover_s + cover_c) if cover_s else 0.0
    enough = 1 - math.exp(-held / (SATURATION * weights.rarest))  # met only by a weak word or two: low
    if ((1 - ORDER_WEIGHT) * f + ORDER_WEIGHT) * enough <= floor:
        return 0.0
    aligned = [partners[c] or c for c in claim]
    blocks = difflib.SequenceMatcher(None, aligned, side.stems, autojunk=False).get_matching_blocks()
    in_order = sum(b.size for b in blocks if b.size >= 2) / len(aligned)
    return ((1 - ORDER_WEIGHT) * f + ORDER_WEIGHT * in_order) * enough


# ---- matching ---------------------------------------------------------------------------------


def _queries(pieces: list[_Sentence], counts: dict[matching.Term, int], total: int) -> None:
    """Each sentence's search: its rarer words, any of them; its commoner ones, all together; words
    in more than ``COMMON_SHARE`` of the claims not at all (as good as stopwords in this database)."""
    common = max(RARE_POSTINGS, int(total * COMMON_SHARE))
    for piece in pieces:
        terms = sorted({_term(s) for s in piece.stems if counts.get(_term(s), 0) > 0}, key=lambda t: (counts[t], t))
        any_of: list[matching.Term] = []
        postings = 0
        for term in terms:
            if postings + counts[term] > RARE_POSTINGS and any_of:
                break
            if counts[term] > RARE_POSTINGS:
                break
            any_of.append(term)
            postings += counts[term]
        rest = [t for t in terms[len(any_of) :] if counts[t] <= common]
        all_of = tuple(rest[:ALL_OF]) if len(rest) >= 2 else ()
        piece.query = matching.Query(tuple(any_of), all_of)


def _topical(pieces: list[_Sentence], items: int) -> dict[str, float]:
    """Each stem's share of the other sentences of its news that hold it too (the highest over the
    news items it is in): 0 for a word in one sentence, 1 for a word in every one."""
    sentences_of = [0] * items
    holding: dict[tuple[int, str], int] = {}
    for piece in pieces:
        if piece.joined:
            continue
        sentences_of[piece.news] += 1
        for s in set(piece.stems):
            holding[(piece.news, s)] = holding.get((piece.news, s), 0) + 1
    share: dict[str, float] = {}
    for (item, s), n in holding.items():
        others = sentences_of[item] - 1
        share[s] = max(share.get(s, 0.0), (n - 1) / others if others else 0.0)
    return share


def _pieces(item: int, texts: list[str]) -> list[_Sentence]:
    """A news item's sentences, and, when it is short (a tweet, a headline with its standfirst), the
    whole item read as one more: a short item often spreads one claim over several short sentences."""
    found = [_Sentence(item, t, stems(t)) for t in texts]
    found = [p for p in found if p.stems]
    if len(found) > 1 and sum(len(p.text.split()) for p in found) <= WHOLE:
        text = " ".join(p.text for p in found)
        found.append(_Sentence(item, text, [s for p in found for s in p.stems], joined=True))
    return found


def find(
    db: Database,
    news: Sequence[News],
    statuses: Iterable[str] | None = OPEN,
    limit: int | None = None,
    min_score: float = 0.0,
    cache: meaning.Cache | None = None,
) -> list[Match]:
    """The claims ``news`` bears on, best first, each with its best sentence and score.

    ``statuses``: only claims in these (None: every claim); deleted claims never match. Ranks ties
    by claim id. Run it inside ``db.reading()`` to read one snapshot. With the semantic extra
    (``meaning.enabled()``), ``cache`` holds the vectors ``meaning.refresh`` made, and each
    sentence's nearest claims by meaning join its candidates and their scores (``meaning.fuse``)."""
    pieces = [p for i, item in enumerate(news) for p in _pieces(i, sentences(item.text))]
    if not pieces:
        return []
    counts = matching.term_counts(db, dict.fromkeys(_term(s) for p in pieces for s in p.stems))
    total = matching.live_claims(db)
    weights = _Weights(counts, total, _topical(pieces, len(news)))
    _queries(pieces, counts, total)
    wanted = tuple(statuses) if statuses is not None else ()
    found = matching.candidates(db, [p.query for p in pieces], wanted, PER_SENTENCE)
    near = meaning.Nearness.of(db, [p.text for p in pieces], wanted, cache or {}) if meaning.enabled() else None
    if near is not None:
        found = [list(dict.fromkeys([*ids, *near.top[i]])) for i, ids in enumerate(found)]
    rows = matching.claims(db, {cid for ids in found for cid in ids})
    if near is not None:
        near.focus(rows)
    claim_stems = {cid: (stems(row["text"]), stems(row["quote"] or "")) for cid, row in rows.items()}
    best: dict[int, tuple[float, int]] = {}
    for index, ids in enumerate(found):
        side = _Side.of(pieces[index].stems, weights)
        for cid in ids:
            floor = max(best[cid][0] if cid in best else 0.0, min_score - 1e-9)
            low = floor if near is None else 0.0  # similarity may lift a weak word score past the floor
            value = max(
                _score(side, claim_stems[cid][0], weights, low), _score(side, claim_stems[cid][1], weights, low)
            )
            if near is not None:
                value = near.fuse(index, cid, value)
            if value > floor or (cid not in best and value > 0):
                best[cid] = (value, index)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    matches = [
        Match(rows[cid], pieces[index].text, value, news[pieces[index].news])
        for cid, (value, index) in ranked
        if value >= min_score and value > 0
    ]
    return matches[:limit] if limit is not None else matches
