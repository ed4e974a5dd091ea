"""Comparing text as people read it: canonically equivalent spellings are the same text.

``Zürich`` can be typed as one code point (U+00FC, NFC: most keyboards) or as ``u`` followed by a
combining diaeresis (U+0308, NFD: macOS input and file names often give this). The two are
canonically equivalent: they look and mean the same, so every comparison claimtrack makes treats
them as one.

The design: what people type is **stored as typed** (the record and its history are never
rewritten, and an export gives back the exact text imported), and text is **normalised to NFC
wherever it is compared**:

* search terms (``list --search``, ``match``, near duplicates) are NFC, and split into words with
  their combining marks kept (Python's ``\\w`` stops at a mark: ``Zu\\u0308rich`` was two words,
  and so was every Hindi word); on SQLite each term is also searched in its NFD spelling, for
  scripts whose decomposed letters FTS5 indexes as other letters (Hangul jamo). FTS5's
  ``unicode61 remove_diacritics 2`` already indexes ``Zu\\u0308rich`` and ``Zürich`` alike, so
  ``claim_fts`` (which Datasette and sqlite-utils search) finds a claim typed either way. On
  PostgreSQL the search vector is built from NFC text (migration 9);
* source names are keyed by ``name_key``: NFC of the casefolded name, so ``Zu\\u0308rich Times``
  and ``Zürich Times`` are one source (migration 9 re-keys existing sources);
* tags, which ``validate.clean_tag`` already lower-cases and hyphenates, are NFC too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

_NFC: Final[Literal["NFC"]] = "NFC"


def nfc(text: str) -> str:
    """``text`` in Normalization Form C (ASCII, the common case, is already)."""
    return text if text.isascii() else unicodedata.normalize(_NFC, text)


def name_key(name: str) -> str:
    """The key a source is found by: its name casefolded, in NFC (names are unique by this key).

    Casefolded from NFD and composed again, Unicode's canonical caseless match, so any case and
    any canonically equivalent spelling give the same key."""
    if name.isascii():
        return name.casefold()
    return unicodedata.normalize(_NFC, unicodedata.normalize("NFD", name).casefold())


def spellings(text: str) -> tuple[str, ...]:
    """The NFC spelling of ``text`` and, when it differs, the NFD one (NFC first)."""
    composed = nfc(text)
    decomposed = composed if composed.isascii() else unicodedata.normalize("NFD", composed)
    return (composed,) if decomposed == composed else (composed, decomposed)


# A word: letters, digits and underscores (``\w``), with any combining marks that follow them.
_WORD_CHAR = re.compile(r"\w")


def words(text: str) -> list[str]:
    """The words of ``text`` (taken as NFC), each with its combining marks: Python's ``\\w+`` would
    split ``हिन्दी`` and a decomposed ``Zürich`` at each mark."""
    text = nfc(text)
    if text.isascii():
        return re.findall(r"\w+", text)
    found: list[str] = []
    current: list[str] = []
    for char in text:
        if _WORD_CHAR.match(char) or (current and unicodedata.category(char)[0] == "M"):
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found
