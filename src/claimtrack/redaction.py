"""Showing a database URL without its passwords: ``redact`` for display, ``secrets_in`` for scrubbing.

Every place that shows a target (errors, ``init``, ``db path``, ``db check``, notices) goes through
``store.target.Target``, whose ``str`` is ``redact``; ``Target.scrub`` masks what ``secrets_in``
finds in a driver's own error text, which may quote the connection string decoded. It works on
text that does not parse as a URL too: what the user typed is masked before it is quoted back.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, unquote_plus

# Dialect names SQLAlchemy ships, and the common aliases people type for them.
KNOWN_DIALECTS = frozenset({"sqlite", "postgresql", "postgres", "mysql", "mariadb", "oracle", "mssql", "cockroachdb"})


def redact(raw: str) -> str:
    """``raw`` with anything in a password position replaced by ``***``: the one way a database URL
    (or something typed as one) is shown.

    Masks the user part's password and the value of every option whose name holds ``pass``,
    ``pwd``, ``secret`` or ``token`` (``?password=``, ``&sslpassword=``). Works on URLs that do not
    parse too (``postgresql+psycopg//me:secret@host/db``): everything between the first ``:`` of
    the user part and the last ``@`` is hidden. It may hide a little more than the password in odd
    URLs; it never shows less.
    """
    before, password, after = _split_password(raw)
    shown = raw if password is None else before + "***" + after
    return _SECRET_OPTION.sub(_masked_option, shown)


# key=value after ?, & or ;, as a URL's query has them (group 3 keeps the "=value" as it was)
_SECRET_OPTION = re.compile(r"([?&;])([^=&;?#]*)(=[^&;#]*)")
_SECRET_KEY = re.compile(r"pass|pwd|secret|token", re.IGNORECASE)
# where the user part of something typed as a URL starts: after "scheme:", "scheme//", "//"...
_USER_START = re.compile(r"^(?:[A-Za-z][\w+.\-]*)?[:;]*[/\\]+|^[A-Za-z][\w.\-]*\+[\w.\-]*[:;]|^[A-Za-z]+:")


def _is_secret_key(key: str) -> bool:
    return bool(_SECRET_KEY.search(unquote_plus(key)))


def _masked_option(match: re.Match[str]) -> str:
    separator, key, value = match.groups()
    return separator + key + ("=***" if _is_secret_key(key) else value)


def _split_password(raw: str) -> tuple[str, str | None, str]:
    """``(before, password, after)`` of the user part as ``redact`` sees it; password None when absent."""
    at = raw.rfind("@")
    if at < 0:
        return raw, None, ""
    match = _USER_START.match(raw)
    start = 0
    if match is not None and match.end() <= at:
        scheme = match.group(0).rstrip(":;/\\")
        # "name:" alone starts a URL only for a known database ("me:pw@host" is user "me")
        if "/" in match.group(0) or "\\" in match.group(0) or "+" in scheme or scheme.lower() in KNOWN_DIALECTS:
            start = match.end()
    colon = raw.find(":", start, at)
    if colon < 0:
        return raw, None, ""
    return raw[: colon + 1], raw[colon + 1 : at], raw[at:]


def secrets_in(raw: str) -> tuple[str, ...]:
    """Every password ``redact`` hides in ``raw``, as typed and as a driver decodes it."""
    found = []
    password = _split_password(raw)[1]
    if password:
        found += [password, unquote(password)]
    for match in _SECRET_OPTION.finditer(raw):
        value = match.group(3)[1:]
        if value and _is_secret_key(match.group(2)):
            found += [value, unquote(value), unquote_plus(value)]
    return tuple(sorted(set(found) - {""}, key=len, reverse=True))
