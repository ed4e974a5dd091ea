"""Where the data lives: one function resolves the database target.

Order (DESIGN.md): ``--db TARGET`` > ``CLAIMTRACK_DB`` > ``<user data dir>/claimtrack/claims.db``.
TARGET is a file path or a SQLAlchemy URL (``sqlite:///...``, ``postgresql://...``).

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

Something that is not a URL but looks like one meant as such (``//`` and ``@`` in it, or a
database name followed by ``//``, ``;``, a driver or a user: ``postgresql//me:pw@host/db``)
is refused with the URL it probably meant, never taken as a file name (its folders would be named
after the password).

A target is shown to people by ``str(target)``, and anything URL-like by ``redact``: passwords
(in the user part, or ``?password=``-like options) masked and control characters escaped, in every
message; ``Target.scrub`` masks them in a driver's own error text too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qsl, unquote

from claimtrack.errors import DatabaseRefused, InvalidInput
from claimtrack.redaction import KNOWN_DIALECTS, redact, secrets_in
from claimtrack.textsafe import terminal

ENV_VAR = "CLAIMTRACK_DB"
# RFC 3986 scheme, then ":"; group 2 holds "//" when the URL has an authority part.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(//)?")
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
    secrets: tuple[str, ...] = field(default=(), repr=False)  # the URL's passwords, masked wherever text is shown
    given: str = ""  # "--db" or "CLAIMTRACK_DB" when the user named it, "" for the default location

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def __str__(self) -> str:
        shown = str(self.path) if self.path is not None else redact(self.url)
        return terminal(shown)

    def scrub(self, text: str) -> str:
        """``text`` (say, a driver's error) with this target's passwords masked, as typed or decoded,
        and ``$PGPASSWORD``'s too."""
        found = set(self.secrets) | {os.environ.get("PGPASSWORD", "")}
        for secret in sorted(found - {""}, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    def command(self, words: str) -> str:
        """``claimtrack WORDS`` as the user must type it to reach this same database."""
        if self.given == "--db":
            from shlex import quote

            return f"claimtrack --db {quote(str(self))} {words}"
        return f"claimtrack {words}"


def default_path() -> Path:
    from platformdirs import user_data_path  # only paid for when no target was given

    return user_data_path("claimtrack", appauthor=False) / "claims.db"


def resolve(flag: str | None = None) -> Target:
    """The target from the ``--db`` flag, else the environment, else the user data dir.

    Raises ``InvalidInput`` for a URL that does not parse, an in-memory database, an unknown
    SQLite URL option or a path that names a directory.
    """
    given = "--db" if flag else ENV_VAR if os.environ.get(ENV_VAR, "").strip() else ""
    raw = flag or os.environ.get(ENV_VAR) or ""
    raw = raw.strip()
    if not raw:
        return _from_path(default_path())
    scheme = url_scheme(raw)
    if scheme is None:
        refuse_url_lookalike(raw)
        target = _from_file_name(raw)
    elif scheme.lower().split("+", 1)[0] == "sqlite":
        target = _from_sqlite_url(raw)
    else:
        target = _from_server_url(raw, scheme)
    return replace(target, given=given)


def refuse_missing_folder(target: Target) -> None:
    """Refuse to make a new database in a folder that does not exist, when the user named the file.

    A ``--db`` or ``CLAIMTRACK_DB`` whose folder is missing is far more often a typo than a wish,
    and a write used to create the file and every folder above it without a word. Only ``init``
    (and the default location, on first use) makes folders; callers skip this for them.
    """
    if not target.given or target.path is None or target.read_only:
        return
    folder = target.path.parent
    try:
        os.stat(folder)
    except FileNotFoundError:
        raise DatabaseRefused(
            f"cannot create a database at {target}: the folder {terminal(str(folder))} does not exist "
            f"(mistyped?); nothing was changed: create the folder, or make both with: "
            f"{target.command('init')}"
        ) from None
    except OSError:
        return  # a file in the way, no permission...: opening the database says what is wrong


def url_scheme(raw: str) -> str | None:
    """The scheme when ``raw`` is meant as a URL (see the module docstring), else None."""
    match = _SCHEME.match(raw)
    if match is None:
        return None
    scheme = match.group(1)
    if match.group(2) or "+" in scheme or scheme.lower() in KNOWN_DIALECTS:
        return scheme
    return None


mask_password = redact  # its earlier name


def _quoted(raw: str) -> str:
    return "'" + terminal(redact(raw)) + "'"


def _expected(scheme: str) -> str:
    """The form to suggest: the scheme the user typed when it is a sensible one."""
    base = scheme.lower().split("+", 1)[0]
    if base == "sqlite":
        return f"give {SQLITE_FORM}, or a file path"
    if not re.fullmatch(r"[\w+]+", scheme):
        scheme = "postgresql"  # the one spelling every tool knows
    return f"give {scheme}://USER:PASSWORD@HOST/DBNAME, or a file path"


# a database name, maybe "+driver", then what was typed between it and the rest of the URL
_LOOKALIKE = re.compile(r"^(?P<base>[A-Za-z]+)(?P<driver>\+[\w.\-]*)?(?P<sep>[:;/\\]+)(?P<rest>.*)$", re.DOTALL)


def refuse_url_lookalike(raw: str) -> None:
    """Refuse ``raw`` (not a URL, see ``url_scheme``) when it was surely meant as one: it holds ``//``
    and ``@``, or it starts with a database name and then ``//``, ``;``, ``\\``, a ``+driver`` or
    a user (``@``). ``mysql/claims.db`` and ``postgres.db`` stay file names."""
    match = _LOOKALIKE.match(raw)
    known = match is not None and match["base"].lower() in KNOWN_DIALECTS
    odd = (
        known
        and match is not None
        and ("//" in match["sep"] or set(match["sep"]) & set(";\\") or match["driver"] or "@" in raw)
    )
    if not odd and not ("//" in raw and "@" in raw):
        return
    if known and match is not None:
        base = match["base"].lower()
        if base in ("postgres", "postgresql"):
            scheme = "postgresql" + (match["driver"] or "")
        else:
            scheme = match["base"] + (match["driver"] or "")
        rest = match["rest"]
        meant = f"{scheme}:///{rest}" if base == "sqlite" else f"{scheme}://{rest}"
        fix = f"did you mean {terminal(redact(meant))}?"
    else:
        fix = "give postgresql://USER:PASSWORD@HOST/DBNAME"
    raise InvalidInput(
        f"{_quoted(raw)} looks like a database URL but is not one (a URL has :// after the database type), "
        f"so it is not taken as a file name; {fix} (for a file whose name holds these characters, write sqlite:///PATH)"
    )


def _from_file_name(raw: str) -> Target:
    if raw == ":memory:":
        raise InvalidInput(_IN_MEMORY.format(target=_quoted(raw)))
    if raw.endswith(("/", os.sep)):
        name = raw.rstrip("/" + os.sep) or ""
        raise InvalidInput(f"{_quoted(raw)} names a directory; give a file name, e.g. {terminal(name)}/claims.db")
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
    return Target(url=raw, path=None, secrets=secrets_in(raw))


def _from_path(path: Path) -> Target:
    path = path.absolute()
    return Target(url=f"sqlite:///{path}", path=path)
