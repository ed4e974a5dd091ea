"""Which stored name the user probably meant: the hints several tasks give about names.

A new source that looks like a stored one (``add``, ``set --source``), a name that matches no
source or tag (``source rename``, ``list --source``), a near spelling in ``extract --review``:
each task asks here, so every one suggests names the same way.
"""

from __future__ import annotations

import difflib
import shlex

from claimtrack.store import queries
from claimtrack.store.database import Database
from claimtrack.textkeys import name_key
from claimtrack.textsafe import lookalike_keys

PART_MIN = 3  # a name typed as part of another ('lankov' of 'Andrei Lankov'): 'S' is part of too many


def source_like(name: str, others: list[str]) -> tuple[str, bool] | None:
    """The name among ``others`` (other sources, in name order) that ``name`` looks like: (it, True)
    when they differ only in invisible or look-alike characters, (it, False) when difflib finds it
    near; else None."""
    keys = lookalike_keys(name)
    same = next((n for n in others if keys & lookalike_keys(n)), None)
    if same is not None:
        return same, True
    key = min(keys)  # the one without spaces for invisible characters
    existing: dict[str, str] = {}
    for other in others:  # the first in name order stands for names that fold alike
        existing.setdefault(min(lookalike_keys(other)), other)
    close = difflib.get_close_matches(key, list(existing), n=1, cutoff=0.6)
    close += [k for k in existing if len(key) >= PART_MIN and key in k and k not in close]
    return (existing[close[0]], False) if close else None


def nearest(what: str, typed: str, names: list[str], option: str) -> str:
    """'No source matches 'fvn'; did you mean ...?' from the stored names nearest to ``typed``."""
    folded, key = {name_key(n): n for n in names}, name_key(typed)
    close = difflib.get_close_matches(key, list(folded), n=3, cutoff=0.5)
    close += [k for k in folded if len(key) >= PART_MIN and key in k and k not in close]  # a part of a name
    if not close:  # words of a longer name: 'lankov' in 'andrei lankov' is found by contains
        words = {w: k for k in folded for w in k.split()}
        close = [words[w] for w in difflib.get_close_matches(key, list(words), n=3, cutoff=0.6)]
    if not close:
        return f"No {what} matches {typed!r}; see them all with: claimtrack {'sources' if what == 'source' else 'summary --by tag'}"
    shown = ", ".join(repr(folded[k]) for k in dict.fromkeys(close[:3]))
    return f"No {what} matches {typed!r}; did you mean {shown}? ({option} {shlex.quote(folded[close[0]])})"


def nearest_names(typed: str, names: list[str]) -> list[str]:
    """Up to three of ``names`` nearest ``typed`` (case and accents aside), nearest first."""
    folded, key = {name_key(n): n for n in names}, name_key(typed)
    close = difflib.get_close_matches(key, list(folded), n=3, cutoff=0.6)
    close += [k for k in folded if len(key) >= PART_MIN and key in k and k not in close]
    return [folded[k] for k in close[:3]]


def new_source_notice(db: Database, cid: int, name: str) -> str:
    """The notice for a source just created, pointing at an existing one it looks like.

    Names are compared by ``textsafe.lookalike_keys``: ``The\u200bBell`` (a zero-width space)
    or fullwidth ``Ｔｈｅ Ｂｅｌｌ`` is a new source, because sources are keyed by their casefolded
    name, yet on screen it is ``The Bell``; the notice says so. Other near spellings are
    found with difflib, as before.
    """
    others = [n for n in queries.source_names(db) if name_key(n) != name_key(name)]
    notice = f"New source {name!r} created."
    found = source_like(name, others)
    if found is not None and found[1]:
        same = found[0]
        return (
            notice + f" It looks like {same!r} but differs in invisible or look-alike characters;"
            f" if you meant {same!r}, fix it with: claimtrack set {cid} --source {shlex.quote(same)}"
        )
    if found is not None:
        notice += f" Did you mean {found[0]!r}? Fix it with: claimtrack set {cid} --source NAME"
    return notice
