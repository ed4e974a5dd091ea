"""Where the data lives: one function resolves the database target.

Order (DESIGN.md): ``--db TARGET`` > ``CLAIMTRACK_DB`` > ``<user data dir>/claimtrack/claims.db``.
TARGET is a file path or a SQLAlchemy URL (``sqlite:///...``, ``postgresql+psycopg://...``).

What counts as a URL. A mistyped URL must never quietly become a local file (whose name would then
hold a password), yet ``notes:v2.db`` is a perfectly good file name. So a target is a URL when it
has ``://`` after a scheme, or when it starts ``name:`` where ``name`` is a database we know
(``sqlite``, ``postgresql``, ``mysql``...) or has the ``dialect+driver`` form. Everything else is a
file path. A URL that does not parse is an error naming the form expected, never a file.

SQLite URLs are checked here, without SQLAlchemy (read commands never import it): an in-memory
database (``sqlite://``, ``sqlite:///:memory:``, ``--db :memory:``) is refused, because everything
written to it would be lost at exit; the one query option understood is ``?mode=ro``, which opens an
existing database read-only (reads work, writes are refused); any other option is refused rather
than silently ignored. A path ending in ``/`` names a directory, so it is refused too.

A target is shown to people by ``str(target)``: the password masked and control characters
escaped, in every message.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote

from claimtrack.errors import InvalidInput
from claimtrack.textsafe import terminal

ENV_VAR = "CLAIMTRACK_DB"
# RFC 3986 scheme, then ":"; group 2 holds "//" when the URL has an authority part.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(//)?")
# Dialect names SQLAlchemy ships, and the common aliases people type for them.
KNOWN_DIALECTS = frozenset(
    {"sqlite", "postgresql", "postgres", "mysql", "mariadb", "oracle", "mssql", "cockroachdb"}
)
# scheme://[user[:password]@][host][:port][/database][?query], as SQLAlchemy reads it.
_SERVER_URL = re.compile(
    r"^(?P<scheme>[\w+]+)://(?:[^:/]*(?::[^@]*)?@)?"
    r"(?:(?:\[[^/?]+\]|[^/:?]+)?(?::(?P<port>[^/?]*))?)?(?:/[^?]*)?(?:\?.*)?$"
)
_SQLITE_URL = re.compile(r"^sqlite(?:\+\w+)?://(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
SQLITE_FORM = "sqlite:///PATH (three slashes; four for an absolute path)"
SQLITE_QUERY = {"mode": "ro"}  # the only URL option understood: open an existing database read-only


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved database target: a SQLAlchemy URL, and the file path when it is SQLite."""

    url: str
    path: Path | None  # None for server databases
    read_only: bool = False  # ``sqlite:///PATH?mode=ro``: never write, never create
    secret: str = field(default="", repr=False)  # the URL's password, masked wherever text is shown

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def __str__(self) -> str:
        shown = str(self.path) if self.path is not None else mask_password(self.url)
        return terminal(shown)

    def scrub(self, text: str) -> str:
        """``text`` (say, a driver's error) with this target's password masked, as typed or decoded."""
        for secret in {self.secret, unquote(self.secret)} - {""}:
            text = text.replace(secret, "***")
        return text


def default_path() -> Path:
    from platformdirs import user_data_path  # only paid for when no target was given

    return user_data_path("claimtrack", appauthor=False) / "claims.db"


def resolve(flag: str | None = None) -> Target:
    """The target from the ``--db`` flag, else the environment, else the user data dir.

    Raises ``InvalidInput`` for a URL that does not parse, an in-memory database, an unknown
    SQLite URL option or a path that names a directory.
    """
    raw = flag or os.environ.get(ENV_VAR) or ""
    raw = raw.strip()
    if not raw:
        return _from_path(default_path())
    scheme = url_scheme(raw)
    if scheme is None:
        return _from_file_name(raw)
    if scheme.lower().split("+", 1)[0] == "sqlite":
        return _from_sqlite_url(raw)
    return _from_server_url(raw, scheme)


def url_scheme(raw: str) -> str | None:
    """The scheme when ``raw`` is meant as a URL (see the module docstring), else None."""
    match = _SCHEME.match(raw)
    if match is None:
        return None
    scheme = match.group(1)
    if match.group(2) or "+" in scheme or scheme.lower() in KNOWN_DIALECTS:
        return scheme
    return None


def mask_password(raw: str) -> str:
    """``raw`` with anything in a password position replaced by ``***``; shown text only.

    Works on URLs that do not parse too (``postgresql+psycopg:/me:secret@host/db``): everything
    between the first ``:`` of the user part and the last ``@`` is hidden. It may hide a little
    more than the password in odd URLs; it never shows less.
    """
    before, password, after = _split_password(raw)
    return raw if password is None else before + "***" + after


def _split_password(raw: str) -> tuple[str, str | None, str]:
    """``(before, password, after)`` as ``mask_password`` sees them; password None when absent."""
    match = _SCHEME.match(raw)
    if match is None:
        return raw, None, ""
    rest = raw[match.end():]
    start = match.end() + len(rest) - len(rest.lstrip("/"))
    at = raw.rfind("@")
    colon = raw.find(":", start, at)
    if at < start or colon < 0:
        return raw, None, ""
    return raw[: colon + 1], raw[colon + 1 : at], raw[at:]


def _quoted(raw: str) -> str:
    return "'" + terminal(mask_password(raw)) + "'"


def _expected(scheme: str) -> str:
    """The form to suggest: the scheme the user typed when it is a sensible one."""
    base = scheme.lower().split("+", 1)[0]
    if base == "sqlite":
        return f"give {SQLITE_FORM}, or a file path"
    if base == "postgres" or not re.fullmatch(r"[\w+]+", scheme):
        scheme = "postgresql+psycopg"  # SQLAlchemy does not know "postgres"
    return f"give {scheme}://USER:PASSWORD@HOST/DBNAME, or a file path"


def _from_file_name(raw: str) -> Target:
    if raw == ":memory:":
        raise InvalidInput(_IN_MEMORY.format(target=_quoted(raw)))
    if raw.endswith(("/", os.sep)):
        name = raw.rstrip("/" + os.sep) or ""
        raise InvalidInput(
            f"{_quoted(raw)} names a directory; give a file name, e.g. {terminal(name)}/claims.db"
        )
    return _from_path(Path(raw).expanduser())


_IN_MEMORY = (
    "{target} is an in-memory database: everything written to it would be lost at exit; "
    f"give a file path or {SQLITE_FORM}"
)


def _from_sqlite_url(raw: str) -> Target:
    match = _SQLITE_URL.match(raw)
    if match is None:  # "sqlite:claims.db", "sqlite:/claims.db": no "//"
        raise InvalidInput(f"invalid database URL {_quoted(raw)} (no // after the scheme); {_expected('sqlite')}")
    rest = match.group("rest")
    if rest == "" or rest == "/" or rest.startswith(("?", "/?")):
        raise InvalidInput(
            f"{_quoted(raw)} has no file: it would be an in-memory database, lost at exit; give {SQLITE_FORM}"
        )
    if not rest.startswith("/"):
        raise InvalidInput(f"invalid database URL {_quoted(raw)}: a SQLite URL has no host; give {SQLITE_FORM}")
    database, _, query = rest[1:].partition("?")
    database = unquote(database)  # as SQLAlchemy reads it: sqlite:///my%20claims.db is "my claims.db"
    if database == ":memory:":
        raise InvalidInput(_IN_MEMORY.format(target=_quoted(raw)))
    if database.endswith(("/", os.sep)):
        raise InvalidInput(
            f"{_quoted(raw)} names a directory; give a file name, e.g. sqlite:///{terminal(database)}claims.db"
        )
    read_only = False
    for key, value in parse_qsl(query, keep_blank_values=True):
        if SQLITE_QUERY.get(key) == value:
            read_only = True
            continue
        raise InvalidInput(
            f"unsupported option {terminal(key)}={terminal(value)} in database URL {_quoted(raw)}; "
            "the only option understood is ?mode=ro (read-only)"
        )
    target = _from_path(Path(database).expanduser())
    return Target(url=target.url, path=target.path, read_only=read_only)


def _from_server_url(raw: str, scheme: str) -> Target:
    match = _SERVER_URL.match(raw)
    if match is None:
        if "://" not in raw:
            why = " (no // after the scheme)"
        elif not re.fullmatch(r"[\w+]+", scheme):
            why = f" (a database type has only letters, digits, _ and +, not {terminal(scheme)!r})"
        else:
            why = ""
        raise InvalidInput(f"invalid database URL {_quoted(raw)}{why}; {_expected(scheme)}")
    if raw.partition("?")[0].count("@") > 1:  # SQLAlchemy would read "p@ss@host" as host "ss@host"
        raise InvalidInput(
            f"invalid database URL {_quoted(raw)}: an @ in the user name or password must be written %40; "
            f"{_expected(scheme)}"
        )
    port = match.group("port")
    if port and not port.isdigit():
        raise InvalidInput(
            f"invalid database URL {_quoted(raw)}: the port {terminal(port)!r} is not a number; {_expected(scheme)}"
        )
    return Target(url=raw, path=None, secret=_split_password(raw)[1] or "")


def _from_path(path: Path) -> Target:
    path = path.absolute()
    return Target(url=f"sqlite:///{path}", path=path)
