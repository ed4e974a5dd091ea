"""Reading the news: what ``extract`` and ``match`` take, as plain text with what is known about it.

A SOURCE is a text or Markdown file, a saved web page (``.html``), ``-`` for standard input, or an
http(s) URL. Web pages become text through trafilatura (the article's text without menus, ads or
comments, and its title and date from the page's metadata); nothing is downloaded but the page
itself, and no model or data is fetched at run time. Every way reading can fail (no such file, a
binary file, no text, a page without article text, an unreachable URL) is one ``InvalidInput``
saying what was wrong and what to do. A URL is fetched by ``webfetch``: one deadline for the whole
fetch, and redirects kept to http(s) and away from private addresses.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimtrack.errors import InvalidInput
from claimtrack.textsafe import terminal

MAX_BYTES = 20 * 1024 * 1024  # more than any article; a larger file is refused, not read into memory
# A web page's markup once its scripts and styles are dropped: parsing it costs ~50 bytes of memory
# a byte (2 MiB: ~150 MB), and a news page's article with its menus is a few hundred KiB.
MAX_PAGE = 2 * 1024 * 1024
USER_AGENT = "claimtrack (+https://github.com/claimtrack)"
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I | re.S)
_ARTICLE_LIKE = re.compile(r"\w+(?:\W+\w+){5,}")  # some run of six words: a sentence, not a menu
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_TEXT_DATE = re.compile(
    r"\b(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\s+("
    + "|".join(_MONTHS)
    + r")\s+(\d{4})|("
    + "|".join(_MONTHS)
    + r")\s+(\d{1,2}),?\s+(\d{4}))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Document:
    """A piece of news as text: paragraphs separated by newlines."""

    text: str
    name: str  # how messages refer to it: the path, the URL or "standard input"
    url: str | None = None  # where it was published, when known (the URL read, or the page's canonical one)
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, when the page's metadata or the text's opening states it


def read(source: str, stdin: BinaryIO | None = None) -> Document:
    """The text of ``source``: a file, ``-`` (standard input), or an http(s) URL."""
    if source.lower().startswith(("http://", "https://")):
        data, content_type, final_url = fetch(source)
        return from_bytes(data, source, url=final_url, html=None if content_type is None else "html" in content_type)
    if source == "-":
        stream = stdin or sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        return from_bytes(_bounded(data, "standard input"), "standard input")
    path = Path(source)
    shown = terminal(source)
    try:
        if path.is_dir():
            raise InvalidInput(f"{shown} is a folder; give a text, Markdown or saved .html file")
        with path.open("rb") as f:  # a pipe works too: extract <(curl -s URL)
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InvalidInput(f"{shown} does not exist; check the path, or give - to read standard input") from None
    except PermissionError:
        raise InvalidInput(f"{shown} cannot be read (permission denied)") from None
    except OSError as exc:
        raise InvalidInput(f"{shown} cannot be read: {exc.strerror or exc}") from None
    html = path.suffix.lower() in (".html", ".htm", ".xhtml") or None
    return from_bytes(_bounded(data, shown), shown, html=html)


def _bounded(data: bytes, shown: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{shown} is larger than {MAX_BYTES // (1024 * 1024)} MB; give one article at a time")
    return data


def fetch(url: str) -> tuple[bytes, str | None, str]:
    """The body of an http(s) URL, its content type and the address it ended at (after redirects),
    within one deadline (``webfetch``)."""
    from claimtrack import webfetch

    data, content_type, final = webfetch.fetch(url, MAX_BYTES, USER_AGENT)
    return _bounded(data, terminal(url)), content_type, final


def from_bytes(data: bytes, name: str, url: str | None = None, html: bool | None = None) -> Document:
    """A document from raw bytes: HTML (by ``html``, else by sniffing) through trafilatura, else text."""
    if not data.strip():
        raise InvalidInput(f"{name} is empty; give an article's text")
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{name} is a binary file, not text or a web page")
    if html is None:
        html = bool(_HTML_START.match(data[:4096]))
    if html:
        return _from_html(data, name, url)
    text = _decode(data, name)
    text = _plain(text)
    if not text.strip():
        raise InvalidInput(f"{name} holds no text")
    return Document(text, name, url, _title(text), _date_in(text))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes as detect  # comes with trafilatura

    best = detect(data).best()
    if best is None:
        raise InvalidInput(f"{name} is a binary file, not text or a web page")
    return str(best)


def _from_html(data: bytes, name: str, url: str | None) -> Document:
    import trafilatura

    # Scripts and styles (often most of a page's bytes) are never article text: dropped before
    # parsing (JSON-LD metadata, which gives the date and title, is kept); what is left is bounded.
    data = _without_scripts(data)
    if len(data) > MAX_PAGE:
        raise InvalidInput(
            f"{name} is a web page of {len(data) / (1024 * 1024):.1f} MB without its scripts and "
            f"styles, more than the {MAX_PAGE // (1024 * 1024)} MB claimtrack reads; copy the article's "
            "text into a file and give that"
        )

    found = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(found, "text", None) or "") if found is not None else ""
    if not _ARTICLE_LIKE.search(text):  # nothing, or only a menu's or a footer's words
        raise InvalidInput(
            f"{name} is a web page with no article text that could be found; "
            "copy the article's text into a file and give that"
        )
    canonical = getattr(found, "url", None)
    where = url or (canonical if canonical and canonical.lower().startswith(("http://", "https://")) else None)
    date = getattr(found, "date", None)
    return Document(
        _plain(text),
        name,
        where,
        getattr(found, "title", None) or None,
        date if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None,
    )


def _without_scripts(data: bytes) -> bytes:
    """The page without its ``<script>`` (but JSON-LD) and ``<style>`` elements, in one linear pass
    (a regular expression would rescan the rest of the page for each unclosed tag)."""
    low = data.lower()
    kept: list[bytes] = []
    at = 0
    found = {b"script": -1, b"style": -1}  # the next opening tag of each at or after ``at`` (-1: none left)
    while True:
        for tag, where in found.items():
            if 0 <= where < at or (where == -1 and at == 0):
                found[tag] = low.find(b"<" + tag, at)
        started = [(where, tag) for tag, where in found.items() if where >= 0]
        if not started:
            break
        start, tag = min(started)
        opened = low.find(b">", start)
        end = low.find(b"</" + tag, opened) if opened >= 0 else -1
        if end < 0:
            break  # never closed: the rest is left to the parser
        end = low.find(b">", end)
        end = len(data) if end < 0 else end + 1
        if tag == b"script" and b"ld+json" in low[start:opened]:
            kept.append(data[at:end])  # JSON-LD: the page's date and title
        else:
            kept.append(data[at:start])
        at = end
    kept.append(data[at:])
    return b"".join(kept)


_MARKDOWN = [
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),  # list markers
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),
]


def _plain(text: str) -> str:
    """Text with Markdown markup removed, line ends unified and runs of blank lines squeezed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for pattern, repl in _MARKDOWN:
        text = pattern.sub(repl, text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip() + "\n"


def _title(text: str) -> str | None:
    """The first line, when it reads as a heading (short, no full stop) and text follows it."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    return first if rest.strip() and 0 < len(first) <= 200 and not first.endswith((".", "?", "!")) else None


def _date_in(text: str) -> str | None:
    """The first date written in the opening of a text (its first 400 characters), as YYYY-MM-DD."""
    from datetime import date

    match = _TEXT_DATE.search(text[:400])
    if not match:
        return None
    g = match.groups()
    try:
        if g[0]:
            day = date(int(g[0]), int(g[1]), int(g[2]))
        elif g[3]:
            day = date(int(g[5]), _MONTHS.index(g[4].lower()) + 1, int(g[3]))
        else:
            day = date(int(g[8]), _MONTHS.index(g[6].lower()) + 1, int(g[7]))
    except ValueError:
        return None
    return day.isoformat()
