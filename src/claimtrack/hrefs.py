"""Stored web addresses as valid ``href`` values for the html pages (the report, the ClaimReview page).

A link is stored as typed or imported, and may hold characters a URL may not (``|``, ``<``,
``"``, a space from an import, a stray ``%``, a non-ASCII letter). Written into ``href`` as they
are, a browser still follows most of them, but the page is no longer valid html (the Nu
validator flags each) and a strict reader may drop or misread the link. ``href`` percent-encodes
each such character (UTF-8 bytes, as browsers do) and leaves everything else as it is, so an
address that was already valid, percent-encoded parts included, comes back byte for byte, and
encoding twice changes nothing. A non-ASCII host name is written in its ASCII (IDNA) form. An
address whose host cannot be one (``exa<mple.org``) gives ``None``: the caller shows it as text.
"""

from __future__ import annotations

import re
import string
from urllib.parse import quote

_URL_CHARS = frozenset(string.ascii_letters + string.digits + "!$&'()*+,-./:;=?@_~")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
# Characters the URL standard forbids in a host (https://url.spec.whatwg.org/#forbidden-host-code-point).
_HOST_FORBIDDEN = frozenset("\x00\t\n\r #/:<>?@[\\]^|%")


def _encode(text: str) -> str:
    """``text`` with every character a URL may not hold percent-encoded; valid ``%XX`` kept."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "%" and _PERCENT.match(text, i):
            out.append(text[i : i + 3])
            i += 3
            continue
        out.append(c if c in _URL_CHARS else quote(c, safe=""))
        i += 1
    return "".join(out)


def _host(host: str) -> str | None:
    """A host name as a URL may carry it (IDNA for a non-ASCII name); None if it cannot be one."""
    if host.startswith("[") and host.endswith("]"):  # an IPv6 address
        return host if re.fullmatch(r"\[[0-9A-Fa-f:.]+\]", host) else None
    if any(c in _HOST_FORBIDDEN or ord(c) < 0x20 or ord(c) == 0x7F for c in host) or not host:
        return None
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def href(url: str) -> str | None:
    """``url`` (an http(s) address) as a valid URL for an ``href``; None when its host is not a host.

    >>> href("https://example.org/a|b<c>?q=x y#top")
    'https://example.org/a%7Cb%3Cc%3E?q=x%20y#top'
    >>> href("https://example.org/a%7Cb?q=100%25")
    'https://example.org/a%7Cb?q=100%25'
    """
    url = url.strip()
    scheme, sep, rest = url.partition("://")
    if not sep:
        return None
    end = len(rest)
    for mark in "/?#":
        found = rest.find(mark)
        if found != -1:
            end = min(end, found)
    authority, tail = rest[:end], rest[end:]
    userinfo, at, hostport = authority.rpartition("@")
    host, port = hostport, ""
    colon = hostport.rfind(":")
    if colon != -1 and hostport[colon + 1 :].isdigit() and "]" not in hostport[colon:]:
        host, port = hostport[:colon], hostport[colon:]
    elif hostport.endswith(":"):
        host = hostport[:-1]
    shown_host = _host(host)
    if shown_host is None:
        return None
    path, hash_, fragment = tail.partition("#")
    user = _encode(userinfo).replace("@", "%40") + at if at else ""
    return scheme + "://" + user + shown_host + port + _encode(path) + (hash_ + _encode(fragment) if hash_ else "")
