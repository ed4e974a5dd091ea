"""Full-text search: what a user types, as SQLite FTS5 or PostgreSQL ``tsquery`` text.

Kept apart from ``store.queries`` (which adds its WHERE to every filtered read) because the
rules of a search are a subject of their own: words, prefixes and phrases taken literally so no
user text is ever query syntax, spellings that differ only canonically searched alike, source
names matched through their own index (m005), and the few candidates a near-duplicate check
(``similar``) scores found through the index rather than by a scan.
"""

from __future__ import annotations

from typing import Any

from claimtrack import textkeys, wordmatch
from claimtrack.store.database import Database, Row
from claimtrack.store.sqltext import LIVE


def fts_terms(text: str) -> list[str]:
    """The FTS5 terms of anything a user types: one quoted phrase (``"a b"``, ``"word"*``) each.

    Bare words must all match (``north korea``), ``word*`` matches a prefix, and ``"a b"`` a
    phrase. Every term is re-quoted from its word characters, so FTS5 operators and punctuation
    (``AND``, ``NEAR``, ``(``, ``:``, ``^``, ``-``) are taken literally and can never be a syntax error.
    A term whose NFD spelling differs is searched in both (``("한국" OR "한국")``): text is stored
    as typed, and FTS5 folds a decomposed Latin accent but indexes decomposed Hangul as jamo.
    """
    return [_fts_spellings(" ".join(tokens), "*" if prefix else "") for tokens, prefix in wordmatch.terms(text)]


def _fts_spellings(words: str, suffix: str = "") -> str:
    """``"words"`` as an FTS5 phrase, or ``("nfc" OR "nfd")`` when the NFD spelling differs."""
    spelled = [f'"{form}"{suffix}' for form in textkeys.spellings(words)]
    return spelled[0] if len(spelled) == 1 else "(" + " OR ".join(spelled) + ")"


def fts_query(text: str) -> str | None:
    """``fts_terms`` as one FTS5 query (every term must match: AND, as FTS5 has no implicit AND
    next to a parenthesised term), or None when it holds no words."""
    terms = fts_terms(text)
    return " AND ".join(terms) if terms else None


def ts_query(text: str) -> str | None:
    """The same words, prefixes and phrases as ``fts_query``, for PostgreSQL's ``to_tsquery``.

    Built from word characters only, each quoted, so any user text stays a valid query (as
    ``websearch_to_tsquery`` would guarantee, but keeping ``word*`` prefixes working). NFC, as the
    search vector is (migration 9).
    """
    terms = []
    for words, prefix in wordmatch.terms(text):
        tokens = [f"'{t.lower()}'" for t in words]
        if prefix:
            tokens[-1] += ":*"
        terms.append("(" + " <-> ".join(tokens) + ")")
    return " & ".join(terms) if terms else None


def search_clause(db: Database, search: str | None, params: dict[str, Any]) -> tuple[str, str] | None:
    """(extra FROM, extra WHERE) for a full-text search (a filter's ``search``); None when nothing can match."""
    if not search:
        return ("", "")
    if db.dialect == "postgresql":
        query = ts_query(search)
        if query is None:
            return None
        params["search"] = query
        return ("", "c.search_vector @@ to_tsquery('simple', :search)")
    terms = fts_terms(search)
    if not terms:
        return None
    params["search"] = " AND ".join(terms)
    groups = _sources_matching(db, terms)
    if not groups:  # no term names a source: the claim index alone answers, walked in rowid order
        return (" JOIN claim_fts ON claim_fts.rowid = c.id", "claim_fts MATCH :search")
    either = ["c.id IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH :search)"]
    for n, (matched, source_ids) in enumerate(sorted(groups.items(), key=lambda g: sorted(g[0]))):
        of_sources = f"c.source_id IN ({', '.join(str(int(i)) for i in sorted(source_ids))})"
        rest = [t for i, t in enumerate(terms) if i not in matched]
        if rest:
            params[f"search_{n}"] = " AND ".join(rest)
            of_sources += f" AND c.id IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH :search_{n})"
        either.append(f"({of_sources})")
    return ("", "(" + " OR ".join(either) + ")")


def _sources_matching(db: Database, terms: list[str]) -> dict[frozenset[int], list[int]]:
    """Sources whose name matches some of ``terms``, grouped by which (their indexes in ``terms``).

    A claim matches a search when each term is found in its text or quote (``claim_fts``) or in its
    source's name (``source_fts``): the source name is not a column of ``claim``, so it has an index
    of its own (m005). A source matching terms B contributes its claims whose text matches the rest.
    """
    found: dict[int, set[int]] = {}
    for i, term in enumerate(terms):
        for row in db.query("SELECT rowid AS id FROM source_fts WHERE source_fts MATCH :term", {"term": term}):
            found.setdefault(row["id"], set()).add(i)
    groups: dict[frozenset[int], list[int]] = {}
    for source_id, matched in found.items():
        groups.setdefault(frozenset(matched), []).append(source_id)
    return groups


def similar_candidates(db: Database, words: list[str], exclude_id: int, limit: int = 50) -> list[Row]:
    """Live claims, newest first, whose search index holds any two of ``words`` (one if only one is
    given): the few a near-duplicate check scores, found through the index, never by a scan.

    Every word is quoted from its word characters (as ``fts_query``/``ts_query`` do), so operators,
    quotes and punctuation in a claim are never read as query syntax."""
    terms = [w for w in dict.fromkeys("".join(textkeys.words(w)).replace("_", "") for w in words) if w]
    if not terms:
        return []
    postgres = db.dialect == "postgresql"
    quoted = [f"'{t.lower()}'" if postgres else _fts_spellings(t) for t in terms]
    join = " & " if postgres else " AND "
    pairs = [f"({a}{join}{b})" for i, a in enumerate(quoted) for b in quoted[i + 1 :]] or quoted
    params: dict[str, Any] = {"q": (" | " if postgres else " OR ").join(pairs), "exclude": exclude_id, "limit": limit}
    if postgres:
        sql = (
            "SELECT c.id, c.text, c.text_key FROM claim c WHERE c.search_vector @@ to_tsquery('simple', :q) "
            f"AND c.id <> :exclude AND {LIVE} ORDER BY c.id DESC LIMIT :limit"
        )
    else:
        sql = (
            "SELECT c.id, c.text, c.text_key FROM claim_fts JOIN claim c ON c.id = claim_fts.rowid "
            f"WHERE claim_fts MATCH :q AND c.id <> :exclude AND {LIVE} ORDER BY claim_fts.rowid DESC LIMIT :limit"
        )
    return db.query(sql, params)
