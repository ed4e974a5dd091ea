"""Search words as the full-text indexes read them, for the few places that match in Python.

``list --search`` runs in the database's own index (SQLite FTS5 with ``unicode61
remove_diacritics 2``, PostgreSQL ``to_tsquery('simple')``); with ``--as-of`` the words to match
are those of that day, rebuilt from the history, which no index holds. ``matches`` reads a query
the same way (``terms``: bare words all required, ``word*`` a prefix, ``"a b"`` a phrase; words NFC with
their combining marks, ``textkeys.words``) and finds
the words as FTS5 does: case and accents ignored, a phrase within one field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from claimtrack import textkeys

TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')


def terms(text: str) -> list[tuple[list[str], bool]]:
    """Each term of a query: its words and whether the last is a prefix (``word*``)."""
    found = []
    for phrase, word in TERM.findall(textkeys.nfc(text)):
        tokens = textkeys.words(phrase if phrase else word)
        if tokens:
            found.append((tokens, bool(word) and word.endswith("*")))
    return found


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).casefold()


def _words(text: str | None) -> list[str]:
    return [_fold(w) for w in textkeys.words(text)] if text else []


def _found(tokens: list[str], prefix: bool, words: list[str]) -> bool:
    n = len(tokens)
    for i in range(len(words) - n + 1):
        if words[i : i + n - 1] == tokens[:-1] and (
            words[i + n - 1].startswith(tokens[-1]) if prefix else words[i + n - 1] == tokens[-1]
        ):
            return True
    return False


def matches(query: str, fields: Iterable[str | None]) -> bool:
    """Whether every term of ``query`` is found in one of ``fields`` (False for a query of no words)."""
    wanted = [([_fold(t) for t in tokens], prefix) for tokens, prefix in terms(query)]
    if not wanted:
        return False
    words = [_words(f) for f in fields]
    return all(any(_found(tokens, prefix, w) for w in words) for tokens, prefix in wanted)
