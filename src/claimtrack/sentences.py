"""Where the sentences and paragraphs of an article are: the one splitter ``extract`` and ``match`` share.

A full stop ends a sentence unless it ends an abbreviation or an initial (``Mr.``, ``U.S.``, ``J.``);
each one is looked at from at most a few characters back, so splitting is linear in the text.
Headings (short lines without closing
punctuation) are told apart for the extractor, which skips them. A paragraph's dateline ("WASHINGTON
— ", "KYIV, Ukraine — ", "LONDON, March 3 (AP) — ") is where and when, never a sentence of the news:
``dateline_end`` is where the news starts, for both.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "sen",
    "rep",
    "gov",
    "pres",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "no",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "approx",
    "est",
    "dept",
    "univ",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
}
# A sentence ends at a run of ., ! or ? (and the closing quotes or brackets after it) followed by
# spaces and a capital, a digit or an opening quote. A match starts only where a run starts and
# never gives back what it took (possessive): each run is looked at once, so a text is split in
# time linear in its length, however many dots or spaces it holds.
_END = re.compile(r"(?<![.!?])[.!?]++[”\"’)\]]*+(?=\s+[“\"‘(A-Z0-9])")
_OPEN, _CLOSE = "“‘", "”’"
_LONGEST_ABBREVIATION = 24  # longer than any abbreviation or run of initials ("u.s.a"): a word, not one


def _word_before(text: str, dot: int) -> str:
    """The run of word characters and dots just before ``dot``, looked for only a short way back
    (searching ``text[:dot]`` for it read the text from its start at every full stop)."""
    start = dot
    while start > 0 and dot - start <= _LONGEST_ABBREVIATION and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:dot]


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot).lower()
    if len(word) > _LONGEST_ABBREVIATION:
        return False
    initial = len(word) == 1 and word.isalpha()  # "J. Smith"
    return word in _ABBREVIATIONS or initial or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]`` (one paragraph), trimmed of spaces."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in _END.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


# A dateline: a place in capitals ("NEW YORK", "ST. LOUIS"), then a detail after a comma ("Jan. 5",
# "Ukraine", "March 3"), then the outlet ("(Reuters)", "/Business Newswire/") and a dash. Without an
# outlet, the news must start after the dash with a capital, a digit or a quotation mark: "NATO — the
# alliance — said" opens a sentence, not a dateline. Bounded, so a line of a megabyte costs nothing.
_PLACE = r"(?=[A-Z][A-Z.'’ -]{2})[A-Z][A-Z.'’-]*(?:[^\S\n]+[A-Z][A-Z.'’-]*){0,3}"
_OUTLET = r"(?:\((?P<outlet>[A-Z][\w .&'-]{1,40})\)|/(?P<wire>[A-Z][\w .&'-]{1,40})/)"
DATELINE = re.compile(
    rf"{_PLACE}(?:,[^\S\n]+[^()/\n—–]{{1,40}}?)?[^\S\n]*"
    rf"(?:{_OUTLET}[^\S\n]*(?:-+|–|—)[^\S\n]*|(?:(?<=\s)-+[^\S\n]+|[–—][^\S\n]*)(?=[A-Z0-9“\"‘']))"
)


def dateline_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the news of the paragraph ``text[start:end]`` starts after its dateline, if it opens with one."""
    m = DATELINE.match(text, start, len(text) if end is None else end)
    return m.end() if m else start


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines: a paragraph is a line (Markdown and extracted pages put one a line)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def is_heading(line: str) -> bool:
    """A title or subheading: a short line with no closing punctuation."""
    line = line.strip()
    return len(line.split()) <= 14 and not re.search(r"[.!?:;,”\"’)]$", line)
