"""Matching the news against the claims: which claims an article or feed item bears on
(``match``), which feed items were seen before (feed memory), and, while ``extract --review``
captures, the stored claim or source a new one looks like."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimtrack.service.base import ServiceBase
from claimtrack.service.hints import source_like
from claimtrack.store import queries
from claimtrack.textkeys import name_key


class Matching(ServiceBase):
    """News in, the claims it touches out; what was already seen and what looks alike."""

    def looks_like(self, text: str) -> str | None:
        """A line naming the stored claim most like ``text`` (extract --review shows it), or None."""
        from claimtrack import similar

        return similar.notice(self.db, 0, text)

    def match(
        self, news: list[Any], statuses: Any, limit: int | None, min_score: float, progress: Any = None
    ) -> list[Any]:
        """The claims ``news`` (``match.News``) bears on, best first (``match.find``), read in one snapshot.

        By meaning too when the semantic extra is installed: first the claims' missing or stale
        vectors are made and stored (``meaning.refresh``; ``progress`` is its bar), which is why
        this must not run inside ``reading()``. News with no text writes nothing."""
        from claimtrack import match, meaning

        cache = meaning.refresh(self.db, progress) if meaning.enabled() and any(n.text.strip() for n in news) else {}
        with self.reading():
            return match.find(self.db, news, statuses, limit, min_score, cache)

    def unseen(self, feed: str, items: list[tuple[str, Any]], everything: bool = False) -> tuple[list[Any], int]:
        """A feed's items that no earlier ``match --feed`` has seen (all of them with ``everything``),
        and how many were left out."""
        from claimtrack.store import matching

        seen = set() if everything else matching.seen_items(self.db, feed, [key for key, _ in items])
        return [item for key, item in items if key not in seen], len({key for key, _ in items} & seen)

    def remember(self, feed: str, keys: list[str]) -> None:
        """Record a feed's items as seen (in one transaction); none already seen, so a feed with nothing
        new writes nothing (a PostgreSQL role that may only read can run it, README "Sharing with a team")."""
        from claimtrack.store import matching

        seen = matching.seen_items(self.db, feed, keys)
        matching.remember_items(self.db, feed, [key for key in keys if key not in seen])

    def near_source(self, name: str, also: Iterable[str] = ()) -> str | None:
        """The stored source (or one of ``also``, names about to be stored) that ``name`` looks like
        a mistyping of, when ``name`` is none of them; else None (extract --review offers it)."""
        names = [*queries.source_names(self.db), *also]
        if any(name_key(n) == name_key(name) for n in names):
            return None
        found = source_like(name, sorted(set(names)))
        return found[0] if found is not None else None

    def feed_items(self, as_of: str | None = None) -> list[dict[str, Any]]:
        """The feed items ``match --feed`` has seen (those seen by ``as_of``, if given): what a backup carries."""
        from claimtrack.store import matching

        items = matching.all_items(self.db)
        return [i for i in items if i["first_seen"] <= as_of] if as_of else items
