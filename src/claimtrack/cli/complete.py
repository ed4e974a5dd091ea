"""Shell completion of values from the current database: claim ids, source names, tags.

The shell runs claimtrack on every TAB (Typer's mechanism: ``_CLAIMTRACK_COMPLETE=complete_bash``
and the like), so these answer from a ``sqlite3`` connection that cannot write, without loading
SQLAlchemy, and never create, migrate or lock the database nor leave -wal/-shm files beside it.
Any problem (no database yet, a PostgreSQL URL, a damaged file) completes nothing rather than
printing an error into the user's command line.

The database is the one the command would use: ``--db`` typed earlier on the line (Click has
parsed it into the root context's params by the time a callback runs), else ``$CLAIMTRACK_DB``,
else the user data dir (``store.target.resolve``).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

LIMIT = 200  # more candidates than a shell shows usefully
# Ids come with their claim's text as help, which Typer renders through Rich one by one for zsh
# and fish (about 1 ms each); the newest 50 fill a screen, and more digits narrow them down.
ID_LIMIT = 50
TIMEOUT_S = 0.2  # a TAB must answer at once; a database busy longer than this completes nothing
if TYPE_CHECKING:
    import sqlite3  # imported when completing: every command imports this module for its options

COMPLETE_VAR = "_CLAIMTRACK_COMPLETE"  # set by the shell's completion function, e.g. complete_bash

T = TypeVar("T")


def _open(path: Path) -> sqlite3.Connection:
    """A connection that reads ``path`` and leaves every file beside it as it was.

    The same choice as ``store.opening._peek`` (see there): ``mode=ro`` alone would create
    -wal/-shm files in WAL mode and could not remove them. No -wal: nothing is pending, read the
    main file as ``immutable`` (no locks, no side files). -wal and -shm: a writer may be at work;
    ``readonly_shm`` reads its WAL without writing the -shm. A -wal without -shm (left by a crash):
    reading it would create a -shm, so read the main file only; a TAB can miss those last changes.
    """
    import sqlite3

    wal, shm, journal = (Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))
    params = "mode=ro&readonly_shm=1" if wal and shm else "mode=ro" if journal else "mode=ro&immutable=1"
    con = sqlite3.connect(f"file://{quote(str(path), safe='/')}?{params}", uri=True, timeout=TIMEOUT_S)
    con.execute("PRAGMA query_only = 1")
    return con


def _database(ctx: Any) -> Path | None:
    """The SQLite file this command line would use, if it exists; None for anything else."""
    from claimtrack.store.target import resolve

    root = ctx.find_root() if ctx is not None else None
    db = root.params.get("db") if root is not None else None
    target = resolve(db or None)
    if target.path is None or not target.path.is_file():
        return None  # a server database, or none yet: completing must not create one
    return target.path


def _rows(ctx: Any, sql: str, *params: object) -> list[tuple[Any, ...]]:
    path = _database(ctx)
    if path is None:
        return []
    con = _open(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def _quiet(complete: Callable[[Any, str], list[T]]) -> Callable[[Any, str], list[T]]:
    """Any error while completing means no candidates: never a traceback in the command line."""

    @functools.wraps(complete)
    def run(ctx: Any, incomplete: str) -> list[T]:
        try:
            return complete(ctx, incomplete)
        except Exception:
            return []

    return run


# Characters bash reads as syntax in an unquoted word; inside "..." only these four are.
_BASH_SPECIAL = re.compile(r"""([\s\\'"`$&|;<>()\[\]{}*?!#~])""")
_BASH_SPECIAL_IN_DOUBLE_QUOTES = re.compile(r'([\\"`$])')


def for_shell(value: str) -> str:
    """``value`` as the shell's completion function must hand it to the command line.

    Only bash needs this: Typer's bash function puts each line it gets into ``COMPREPLY`` as is,
    and readline inserts it as typed, so ``The Bell`` would become two arguments. Escape it as
    the word being completed is quoted: ``The\\ Bell`` after ``The``, ``The Bell`` after ``"The``
    (readline closes the quote itself). zsh and fish quote what they insert themselves.
    """
    if os.environ.get(COMPLETE_VAR) != "complete_bash":
        return value
    words = os.environ.get("COMP_WORDS", "").split("\n")  # Typer's function joins them with IFS=\n
    try:
        word = words[int(os.environ.get("COMP_CWORD", ""))]
    except (ValueError, IndexError):
        word = ""
    if word.startswith("'"):
        return value  # nothing can be escaped inside '...'; a name with ' cannot be completed there
    if word.startswith('"'):
        return _BASH_SPECIAL_IN_DOUBLE_QUOTES.sub(r"\\\1", value)
    return _BASH_SPECIAL.sub(r"\\\1", value)


class _Escaped(str):
    """A candidate as bash must insert it (``The\\ Bell``) that still starts with what was typed.

    Typer keeps only the candidates that ``startswith`` the word being completed, and it compares
    with the word unquoted (``The B``); the escaped text would never pass. So this string shows
    its escaped form but answers ``startswith`` for the name itself.
    """

    name: str

    def __new__(cls, name: str) -> _Escaped:
        escaped = super().__new__(cls, for_shell(name))
        escaped.name = name
        return escaped

    def startswith(self, prefix: Any, *args: Any) -> bool:
        return self.name.startswith(prefix, *args)


def _names(ctx: Any, table: str, incomplete: str) -> list[str]:
    """Names from ``table`` that start with ``incomplete``, as Typer will (case matters)."""
    with_name = f"SELECT name FROM {table} WHERE substr(name, 1, ?) = ? ORDER BY name LIMIT ?"
    return [
        _Escaped(name) if for_shell(name) != name else name
        for (name,) in _rows(ctx, with_name, len(incomplete), incomplete, LIMIT)
    ]


def _id_ranges(prefix: str, largest: int) -> list[tuple[int, int]]:
    """The id ranges whose numbers are written starting with ``prefix`` (digits), largest first.

    ``12`` is 12, 120-129, 1200-1299 ... up to ``largest``: each range is an index lookup, where
    matching the ids as text would read every claim (a second at a million claims).
    """
    if not prefix.isascii() or not prefix.isdigit() or prefix.startswith("0"):
        return []
    ranges, low, width = [], int(prefix), 1
    while low <= largest:
        ranges.append((low, min(low + width - 1, largest)))
        low, width = low * 10, width * 10
    return ranges[::-1]


@_quiet
def claim_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Ids starting with what was typed, newest first, each with the start of its text as help."""
    from claimtrack.textsafe import terminal

    path = _database(ctx)
    if path is None:
        return []
    con = _open(path)
    try:
        largest = con.execute("SELECT max(id) FROM claim").fetchone()[0] or 0
        typed = incomplete.lstrip("#")
        ranges = _id_ranges(typed, largest) if typed else [(1, largest)]
        rows: list[tuple[int, str]] = []
        alive = _alive(con, getattr(ctx, "info_name", None))
        for low, high in ranges:
            rows += con.execute(
                f"SELECT id, text FROM claim WHERE id BETWEEN ? AND ?{alive} ORDER BY id DESC LIMIT ?",
                (low, high, ID_LIMIT - len(rows)),
            ).fetchall()
            if len(rows) >= ID_LIMIT:
                break
    finally:
        con.close()
    shown = incomplete[: len(incomplete) - len(typed)]  # keep a typed "#"
    return [(shown + str(cid), terminal(" ".join(str(text).split())[:60])) for cid, text in rows]


def _alive(con: Any, command: str | None) -> str:
    """Which claims a command takes: ``restore`` the deleted ones, ``show`` and ``log`` any, the
    rest the live ones (a database from before deleting existed has no such column: any)."""
    if command in ("show", "log"):
        return ""
    columns = {row[1] for row in con.execute("PRAGMA table_info(claim)")}
    if "deleted_at" not in columns:
        return ""
    return " AND deleted_at IS NOT NULL" if command == "restore" else " AND deleted_at IS NULL"


@_quiet
def source_names(ctx: Any, incomplete: str) -> list[str]:
    """Source names starting with what was typed, escaped for the shell."""
    return _names(ctx, "source", incomplete)


@_quiet
def tags(ctx: Any, incomplete: str) -> list[str]:
    """Tags starting with what was typed, escaped for the shell."""
    return _names(ctx, "tag", incomplete)


@_quiet
def columns(ctx: Any, incomplete: str) -> list[str]:
    """Column names of the command's table, after the ones already typed (``--columns id,sta<TAB>``)."""
    from claimtrack import render, timeline  # noqa: F401  (they register the tables' columns)
    from claimtrack.fit import TABLES

    path = ctx.command_path.split(" ", 1) if ctx is not None else []  # "claimtrack config get" -> "config get"
    name = {"add": "list"}.get(path[-1] if len(path) > 1 else "", path[-1] if len(path) > 1 else "")
    done, _, part = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    return [prefix + c for c in TABLES.get(name or "", ()) if c.startswith(part.lower())]
