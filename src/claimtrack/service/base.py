"""What every task of the service shares: the database handle, one claim as the user sees it.

``ServiceBase`` opens the database on first use and reports what was committed; every per-task
module (``capturing``, ``updating``, ``fixing``, ``track_record``, ``reading``, ``matching``,
``setup``) builds on it and on nothing else of the service, so the tasks never import each other.
``view`` turns a stored row into DESIGN.md's claim object, ``Result`` is what a write returns.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from claimtrack import confidence as conf
from claimtrack import scoring
from claimtrack.errors import NotFound
from claimtrack.store import queries, timeline
from claimtrack.store.database import Database
from claimtrack.store.target import refuse_missing_folder, resolve

_Method = TypeVar("_Method", bound=Callable[..., Any])


def one_snapshot(method: _Method) -> _Method:
    """Run a read method's queries in one read transaction, so they all see the same data."""

    @functools.wraps(method)
    def wrapper(self: ServiceBase, *args: Any, **kwargs: Any) -> Any:
        with self.reading():
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


@dataclass
class Result:
    """What a write command did: the claim as it now stands and notes for the user."""

    claim: dict[str, Any]
    changes: int = 0
    notices: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Recorded:
    """A committed change, as ``Service.recorded`` reports it."""

    summary: str  # as the journal says it: "added claim 30"
    see: str  # the command that shows it


def view(row: dict[str, Any], copy: bool = True, export: bool = False) -> dict[str, Any]:
    """A claim row as DESIGN.md's claim object (plus ``admiralty``, shown in tables).

    ``export=True`` is for a stream of claims an export owns (a million of them): the row is
    reshaped in place, keeps ``confidence_phrase`` (last; the backups hold it) and gets no
    ``admiralty`` (no export shows it). Every row keeps ``confidence_phrase`` (no JSON shape has it)."""
    row = row if export or not copy else dict(row)
    said = row.pop("confidence_phrase", None)
    reliability = row.pop("source_reliability", None)
    row["confidence_label"] = _label(row["confidence"], said) or None
    row["confidence_phrase"] = said  # the words typed, if any: what a narrow table shows
    if not export:
        row["admiralty"] = scoring.admiralty(reliability, row["status"], row["confidence"])
    return row


def _label(value: float | None, phrase: str | None) -> str:
    """``confidence.label``, remembered for the few hundred values a large export repeats
    (not for zero, whose sign the label shows and a cache would not keep apart)."""
    return conf.label(value, phrase) if not value else _remembered_label(value, phrase)


_remembered_label = functools.lru_cache(maxsize=4096)(conf.label)


def author() -> str:
    """Who this command's changes are by: ``reviewer.name``, else the login (``claimtrack.authors``).

    A settings file that cannot be read is refused (``InvalidInput``), as by every command that
    reads it: a change is not recorded under a name the user did not mean."""
    from claimtrack import authors, config

    return authors.clean(config.load().get("reviewer.name")) or authors.login()


class ServiceBase:
    """One database, opened on first use; the reads every task needs (one claim, one snapshot)."""

    def __init__(self, target: str | None = None, create: bool = True, new_folders: bool = True) -> None:
        """``create=False``: only read; a target with no database is an error, not created.
        ``new_folders=False``: a database the user named is not made in a folder that does not exist."""
        self.target = resolve(target)
        self.create = create
        self.new_folders = new_folders
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            if self.create and not self.new_folders:
                refuse_missing_folder(self.target)
            self._db = Database.open(self.target, create=self.create)
            self._db.author_of = author
        return self._db

    @property
    def created(self) -> bool:
        """Whether this service made a new database (a write on a target that held none)."""
        return self._db is not None and self._db.created

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def reading(self) -> AbstractContextManager[None]:
        """One read transaction for every read inside the block (see ``Database.reading``).

        Read methods open their own; wrap several calls (``export``: the sources, then the
        streamed claims) to have them all read the same snapshot.
        """
        return self.db.reading()

    def recorded(self) -> list[Recorded]:
        """The changes this service committed, each with the command that shows it: what an error
        after the commit (an output that could not be written) must still report as done."""
        if self._db is None:
            return []
        done = []
        for journal in self._db.recorded:
            claims, events = timeline.change_reach(self._db, journal.change_id)
            if journal.command.startswith("source"):
                see = "claimtrack sources"
            elif journal.command in ("import", "seed"):
                see = "claimtrack list"
            elif len(claims) == 1:
                see = f"claimtrack show {claims[0]}"
            else:
                see = f"claimtrack log --limit {events}" if events else "claimtrack log"
            done.append(Recorded(journal.summary, see))
        return done

    @one_snapshot
    def get(self, cid: int) -> dict[str, Any]:
        """One claim as it stands (what every write returns)."""
        row = queries.get_claim(self.db, cid)
        if row is None:
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        return view(row)
