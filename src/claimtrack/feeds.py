"""Reading an RSS or Atom feed (``match --feed``): each item is a piece of news.

feedparser reads the feed; an item's title and summary (its content when it has no summary) are
the news, its link the evidence URL and its published (else updated) day the date. An item is
known by its id, else its link, else a hash of its title and summary: that is what the database
remembers as seen (``store.matching``). A feed that is not well-formed XML, or is XML but neither
RSS nor Atom, is one ``InvalidInput``; so is everything ``sourcetext`` refuses (no such file, an
unreachable URL, ...).
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrack import sourcetext
from claimtrack.errors import InvalidInput
from claimtrack.match import News
from claimtrack.textsafe import terminal

# feedparser holds a parsed feed at ~10 bytes of memory a byte (a 19 MB feed: 250 MB and a minute);
# news feeds are a few hundred KiB.
MAX_FEED = 5 * 1024 * 1024
_TAG = re.compile(r"<[^>]*>")
_BLOCK = re.compile(r"</?(?:p|br|div|li|h[1-6]|blockquote)\b[^>]*>", re.I)


@dataclass(frozen=True, slots=True)
class Feed:
    key: str  # what the database remembers it by: the URL, or the file's absolute path
    title: str | None
    items: list[tuple[str, News]]  # (item key, the item as news), in the feed's order


def read(source: str) -> Feed:
    """The items of the feed at ``source`` (a file path or an http(s) URL)."""
    shown = terminal(source)
    if source.lower().startswith(("http://", "https://")):
        data, _, final = sourcetext.fetch(source)
        key = source
    else:
        path = Path(source).expanduser()
        try:
            if path.is_dir():
                raise InvalidInput(f"{shown} is a folder; give an RSS or Atom feed file or URL")
            with path.open("rb") as f:
                data = f.read(sourcetext.MAX_BYTES + 1)
        except FileNotFoundError:
            raise InvalidInput(f"{shown} does not exist; check the path of the feed") from None
        except OSError as exc:
            raise InvalidInput(f"{shown} cannot be read: {exc.strerror or exc}") from None
        if len(data) > sourcetext.MAX_BYTES:
            raise InvalidInput(f"{shown} is larger than {sourcetext.MAX_BYTES // (1024 * 1024)} MB; it is not a feed")
        key = str(path.resolve())
    return parse(data, shown, key)


def parse(data: bytes, shown: str, key: str) -> Feed:
    """A feed from its bytes; ``shown`` names it in messages."""
    import xml.sax

    import feedparser

    if not data.strip():
        raise InvalidInput(f"{shown} is empty; give an RSS or Atom feed")
    if len(data) > MAX_FEED:
        raise InvalidInput(
            f"{shown} is a feed of {len(data) / (1024 * 1024):.1f} MB, more than the "
            f"{MAX_FEED // (1024 * 1024)} MB claimtrack reads; is it a news feed?"
        )
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXException):
        where = f" (line {problem.getLineNumber()})" if isinstance(problem, xml.sax.SAXParseException) else ""
        raise InvalidInput(
            f"{shown} is not a well-formed feed: {problem.getMessage()}{where}; "
            "check the feed's address, or save it and look at it"
        )
    if not parsed.get("version"):
        raise InvalidInput(f"{shown} is not an RSS or Atom feed; give the feed's address, not the site's page")
    items = []
    for entry in parsed.entries:
        news = _news(entry)
        if news is not None:
            items.append((_key(entry, news), news))
    return Feed(key, parsed.feed.get("title") or None, items)


def _text(value: str | None) -> str:
    """HTML (a summary, content) as plain text: tags dropped, entities read, one line a paragraph."""
    if not value:
        return ""
    text = html.unescape(_TAG.sub("", _BLOCK.sub("\n", value)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _news(entry: Any) -> News | None:
    title = _text(entry.get("title"))
    body = _text(entry.get("summary"))
    if not body and entry.get("content"):
        body = _text(entry["content"][0].get("value"))
    text = "\n".join(part for part in (title, body) if part)
    if not text:
        return None
    link = entry.get("link") or None
    if link and not link.lower().startswith(("http://", "https://")):
        link = None
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    day = f"{moment.tm_year:04d}-{moment.tm_mon:02d}-{moment.tm_mday:02d}" if moment else None
    return News(text, title or link or "a feed item", link, day, title or None)


def _key(entry: Any, news: News) -> str:
    found = entry.get("id") or entry.get("link")
    if found:
        return str(found)
    return "sha1:" + hashlib.sha1(news.text.encode("utf-8")).hexdigest()
