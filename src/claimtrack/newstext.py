"""What of a news text is the news, cut into the sentences ``match`` scores one by one.

Not the news: a wire report's dateline ("PYONGYANG, June 19 (Reuters) - "), links, and the
signature an embedded post carries ("— Jane Doe (@jdoe) May 4, 2019", as articles quote tweets).
A hashtag is read as the words it is made of ("#RevolutionaryWarAirports": Revolutionary War
Airports), which is how posts often name their subject.
"""

from __future__ import annotations

import re

MAX_WORDS = 60  # a "sentence" longer than this (a list, a table) is cut into pieces of this many words

# Not what the news says: links, and the signature of an embedded post ("— Jane Doe (@jdoe) May 4, 2019").
_LINK = re.compile(r"(?:\bhttps?://|\bwww\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
_SIGNATURE = re.compile(r"\s[—–-]+\s[^—–\n]{0,80}\(@\w+\)[^—–\n]{0,30}$")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_TOKEN = re.compile(r"[^\W_]+")


def sentences(text: str) -> list[str]:
    """The sentences of a text: each line is a paragraph; a full stop ends a sentence when a capital
    or a digit follows and it does not end an abbreviation (Mr., U.S., Jan.) or an initial (J.)."""
    from claimtrack.sentences import dateline_end  # one dateline and one splitter for extract and match
    from claimtrack.sentences import sentences as spans

    found: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph[dateline_end(paragraph) :]  # "PYONGYANG, June 19 (Reuters) - ": not the news
        paragraph = _SIGNATURE.sub("", _LINK.sub(" ", paragraph))
        paragraph = _HASHTAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), paragraph)
        found += [paragraph[a:b] for a, b in spans(paragraph)]
    pieces: list[str] = []
    for sentence in found:
        words = sentence.split()
        if not _TOKEN.search(sentence):
            continue
        pieces += [" ".join(words[i : i + MAX_WORDS]) for i in range(0, len(words), MAX_WORDS)]
    return pieces
