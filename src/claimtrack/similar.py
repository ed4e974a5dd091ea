"""Near duplicates: after ``add``, point at a live claim that says almost the same thing.

Exact duplicates (the same ``textsafe.claim_key``) are refused by the store; this catches the
rest: a changed word, a typo, a number written differently. It must stay cheap and can never fail
an add, so it only ever looks at a few candidates the search index finds (``store.search.
similar_candidates``: claims sharing two of the new text's longest words, newest first) and scores
those with ``difflib`` on the folded text. Nothing here raises on any text: words are reduced to
letters and digits before they reach a query, and the compared text is bounded.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from claimtrack import textkeys
from claimtrack.store import search
from claimtrack.store.database import Database
from claimtrack.textsafe import claim_key

THRESHOLD = 0.85  # difflib ratio: 'sent 12,000 troops' vs 'sent 11,000 troops' passes, a shared topic does not
CANDIDATES = 50  # the newest index matches scored; enough for a daily-use database, bounded for a large one
QUERY_WORDS = 4  # the longest distinct words searched for, any two of them
# Folded characters difflib compares (a long text's two ends): a claim is a sentence, and this
# keeps 50 hostile 10,000-character candidates (one letter repeated) under a fifth of a second.
MAX_COMPARED = 200
SHOWN = 80  # characters of the similar claim's text quoted in the notice

_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Text folded much as ``claim_key`` folds it (NFKC, casefolded, punctuation and invisible
    characters gone) but keeping one space between words, so that difflib compares words too."""
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def query_words(text: str) -> list[str]:
    """The ``QUERY_WORDS`` longest distinct words of 3+ characters that are not plain numbers,
    longest first (ties alphabetically, so the choice is stable). A word keeps its combining marks
    (``textkeys.words``): ``हिन्दी`` is one word, not three letters."""
    found = textkeys.words(unicodedata.normalize("NFKC", text).lower().replace("_", " "))
    words = {w for w in found if len(w) >= 3 and not w.isdigit()}
    return sorted(words, key=lambda w: (-len(w), w))[:QUERY_WORDS]


def _ends(folded: str) -> str:
    """What difflib compares: the whole folded text, or of a long one its first and last
    ``MAX_COMPARED // 2`` characters (difflib's ratio costs up to the product of the lengths)."""
    half = MAX_COMPARED // 2
    return folded if len(folded) <= MAX_COMPARED else folded[:half] + folded[-half:]


def best_match(text: str, candidates: list[dict[str, Any]]) -> tuple[dict[str, Any], float] | None:
    """The candidate most like ``text`` at ``THRESHOLD`` or above (the newest of equals), if any.

    A candidate with the same ``claim_key`` is skipped: it is an exact duplicate the user forced.
    The whole texts must pass difflib's cheap upper bounds (lengths, then letters in common)
    before the ratio of their ends is computed."""
    key, folded = claim_key(text), fold(text)
    ends = _ends(folded)
    best: tuple[dict[str, Any], float] | None = None
    for candidate in candidates:
        if candidate["text_key"] == key:
            continue
        other = fold(str(candidate["text"]))
        whole = difflib.SequenceMatcher(None, folded, other, autojunk=False)
        if whole.real_quick_ratio() < THRESHOLD or whole.quick_ratio() < THRESHOLD:
            continue
        score = difflib.SequenceMatcher(None, ends, _ends(other), autojunk=False).ratio()
        if score >= THRESHOLD and (best is None or score > best[1]):
            best = (candidate, score)
    return best


def notice(db: Database, claim_id: int, text: str) -> str | None:
    """The warning line naming the live claim most like the one just added, or None."""
    words = query_words(text)
    if not words:
        return None
    found = best_match(text, search.similar_candidates(db, words, claim_id, CANDIDATES))
    if found is None:
        return None
    other = found[0]
    shown = " ".join(str(other["text"]).split())
    shown = shown if len(shown) <= SHOWN else shown[: SHOWN - 1].rstrip() + "…"
    return f'Claim {other["id"]} looks similar: "{shown}" (compare with: claimtrack show {other["id"]})'
