"""Business rules: validate what the user asked for, decide what changes, call the store.

Never prints and never exits: it returns plain data (dicts shaped like DESIGN.md's JSON) and
raises ``claimtrack.errors`` types. The CLI renders; other front ends can reuse this as a library:

    from claimtrack.service import Service
    svc = Service("claims.db")
    svc.add("Russia vetoed new UN sanctions.", source="The Bell", confidence="very likely")
"""

from __future__ import annotations

import difflib
import functools
import itertools
import shlex
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from claimtrack import confidence as conf
from claimtrack import ids as id_list
from claimtrack import scoring, timeutil, wordmatch
from claimtrack.choices import Status
from claimtrack.errors import InvalidInput, NotFound, NothingChanged
from claimtrack.store import queries, timeline
from claimtrack.store.database import Database
from claimtrack.store.queries import ClaimFilter
from claimtrack.similar import notice as near_duplicate
from claimtrack.store.target import Target, refuse_missing_folder, resolve
from claimtrack.textkeys import name_key, nfc
from claimtrack.textsafe import lookalike_keys

if TYPE_CHECKING:
    from claimtrack.importer import Record
    from claimtrack.store.imported import ImportedClaim, ImportedFeedItem, ImportedSource

from claimtrack.validate import (
    MAX_NAME,
    clean_kind,
    clean_optional,
    clean_reliability,
    clean_tag,
    clean_text,
    clean_url,
    parse_confidence,
    past_time,
    user_date,
    user_past_date,
)

STALE_DAYS = 30
STATUS_VERBS = {"confirmed": "confirm", "refuted": "refute", "disputed": "dispute", "unverified": "reopen"}  # an unverified claim untouched this long is due for a look


def _nearest(what: str, typed: str, names: list[str], option: str) -> str:
    """'No source matches 'fvn'; did you mean ...?' from the stored names nearest to ``typed``."""
    folded, key = {name_key(n): n for n in names}, name_key(typed)
    close = difflib.get_close_matches(key, list(folded), n=3, cutoff=0.5)
    close += [k for k in folded if key in k and k not in close]  # a part of a name
    if not close:  # words of a longer name: 'lankov' in 'andrei lankov' is found by contains
        words = {w: k for k in folded for w in k.split()}
        close = [words[w] for w in difflib.get_close_matches(key, list(words), n=3, cutoff=0.6)]
    if not close:
        return f"No {what} matches {typed!r}; see them all with: claimtrack {'sources' if what == 'source' else 'summary --by tag'}"
    shown = ", ".join(repr(folded[k]) for k in dict.fromkeys(close[:3]))
    return f"No {what} matches {typed!r}; did you mean {shown}? ({option} {shlex.quote(folded[close[0]])})"

_Method = TypeVar("_Method", bound=Callable[..., Any])


def _one_snapshot(method: _Method) -> _Method:
    """Run a read method's queries in one read transaction, so they all see the same data."""

    @functools.wraps(method)
    def wrapper(self: Service, *args: Any, **kwargs: Any) -> Any:
        with self.reading():
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


@dataclass
class Result:
    """What a write command did: the claim as it now stands and notes for the user."""

    claim: dict[str, Any]
    changes: int = 0
    notices: list[str] = field(default_factory=list)


@dataclass
class ImportCounts:
    added: int
    skipped: int  # the uuid is already present
    warnings: list[str] = field(default_factory=list)  # the data is in, but something after failed
    duplicates: int = 0  # text and source match a live claim already there (skipped unless allowed)


@dataclass
class InitResult:
    target: Target
    schema_version: int
    seeded: int | None  # claims added by --seed (None: not asked)


def seed_sql() -> str:
    """The seed shipped in the wheel, or ``data/seed.sql`` of a source checkout."""
    from importlib.resources import files

    packaged = files("claimtrack").joinpath("data/seed.sql")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "data" / "seed.sql"
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise NotFound("the seed file is missing from this installation; reinstall claimtrack")


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


def _rebuilt(row: dict[str, Any], phrase: bool = False) -> dict[str, Any]:
    """A row read with ``--as-of`` (``store.asof``: every field as it stood then, the confidence as
    the text its events hold) as a claim object."""
    row = dict(row)
    text = row.pop("confidence_then")
    try:
        parsed = conf.parse(text) if text else None
    except InvalidInput:  # an unreadable recorded value (tampered or newer): not assessed
        parsed = None
    row["confidence"] = parsed.value if parsed else None
    row["confidence_phrase"] = parsed.phrase if parsed else None
    return view(row, export=phrase)


def as_of_view(rows: list[dict[str, Any]], f: ClaimFilter, phrase: bool = False) -> list[dict[str, Any]]:
    """Filter, sort and limit claims on their rebuilt fields (the search: on that day's words)."""
    claims = [_rebuilt(r, phrase) for r in rows]
    if f.search:
        claims = [c for c in claims if wordmatch.matches(f.search, (c["text"], c["quote"], c["source"]))]
    if f.statuses:
        claims = [c for c in claims if c["status"] in f.statuses]
    if f.source:  # as ``where_clause`` matches: a case-insensitive part of the name
        part = name_key(f.source)
        claims = [c for c in claims if part in name_key(c["source"])]
    if f.tags:
        claims = [c for c in claims if {nfc(t) for t in c["tags"]} & set(f.tags)]
    if f.since:
        claims = [c for c in claims if c["said_on"] is not None and c["said_on"] >= f.since]
    if f.until:
        claims = [c for c in claims if c["said_on"] is not None and c["said_on"] <= f.until]
    if f.min_confidence is not None:
        claims = [c for c in claims if c["confidence"] is not None and c["confidence"] >= f.min_confidence]
    if f.max_confidence is not None:
        claims = [c for c in claims if c["confidence"] is not None and c["confidence"] <= f.max_confidence]
    key = {"updated": "updated_at"}.get(f.sort, f.sort)
    present = [c for c in claims if c[key] is not None]
    missing = [c for c in claims if c[key] is None]
    present.sort(key=lambda c: (c[key], c["id"]), reverse=f.desc)
    missing.sort(key=lambda c: c["id"], reverse=f.desc)
    claims = present + missing
    return claims[: f.limit] if f.limit is not None else claims


@dataclass(frozen=True)
class Recorded:
    """A committed change, as ``Service.recorded`` reports it."""

    summary: str  # as the journal says it: "added claim 30"
    see: str  # the command that shows it


def copy_database(source: str, destination: str) -> tuple[Target, Target, ImportCounts]:
    """Copy every source, claim, tag and event from one database to another, empty one.

    Works between any two targets (SQLite file <-> PostgreSQL URL): it streams the backup form
    of each claim out of one and imports it, all in one transaction, into the other. Then the
    feed items ``match --feed`` has seen follow, so a scheduled match does not show them again.
    """
    from claimtrack import importer
    from claimtrack.export import backup_claim
    from claimtrack.store import matching

    src, dst = Service(source, create=False), Service(destination, new_folders=False)  # a missing source is not made
    try:
        if src.target.url == dst.target.url:
            raise InvalidInput("the source and destination are the same database; give two different targets")
        try:  # opened first: a source that is not a database is refused before the destination is made
            src.db  # noqa: B018
        except NotFound:
            raise InvalidInput(f"there is no claimtrack database at {src.target} to copy from; "
                               "check the source's path or URL") from None
        if src.target.path is not None and dst.target.path is not None:
            from claimtrack import livefiles

            livefiles.refuse(str(dst.target.path), src.target.path, f"the copy to {dst.target}")
            livefiles.refuse_companion_name(str(dst.target.path), f"the copy to {dst.target}")
        existing = queries.count_claims(dst.db)
        if existing:
            raise InvalidInput(f"{dst.target} already holds {existing} claims; copy into a new, empty database")
        records = itertools.chain(
            (importer.Record("source", f"source {s['name']!r}", s) for s in src.sources()),
            (importer.Record("claim", f"claim {c['id']}", backup_claim(c))
             for c in src.export_claims(ClaimFilter(deleted=None))),  # deleted ones too: their events say so
        )
        with src.reading():  # sources, claims and events from one snapshot of the source
            counts = dst.import_records(records, origin=str(src.target))
            seen = matching.all_items(src.db)
        matching.copy_items(dst.db, seen)
        return src.target, dst.target, counts
    finally:
        src.close()
        dst.close()


# ---- the service -------------------------------------------------------------------------------


class Service:
    """One database and the operations on it. The database is opened on first use."""

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

    # -- setup

    def init(self, seed: bool = False) -> InitResult:
        db = self.db
        seeded = None
        if seed:
            from claimtrack.store import seed as seed_script

            seeded = seed_script.run_script(db, seed_sql())
        return InitResult(self.target, db.schema_version, seeded)

    def check(self) -> dict[str, Any]:
        return self.db.check()

    def backup(self, destination: str) -> tuple[Path, list[str]]:
        """Copy the database to ``destination`` (a new file): (its path, the partial files of killed
        backups removed from its folder on the way)."""
        path = Path(destination).expanduser().absolute()
        return path, self.db.backup(path)

    # -- reads

    @_one_snapshot
    def list(self, f: ClaimFilter) -> list[dict[str, Any]]:
        rows = queries.list_claims(self.db, f)
        if not f.as_of:
            return [view(r) for r in rows]
        return as_of_view(rows, f)

    @_one_snapshot
    def get(self, cid: int) -> dict[str, Any]:
        row = queries.get_claim(self.db, cid)
        if row is None:
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        return view(row)

    @_one_snapshot
    def for_edit(self, cid: int) -> tuple[dict[str, Any], int]:
        """A claim and its version (``store.versions``), read together, for ``update(unchanged_since=)``."""
        from claimtrack.store import versions

        return self.get(cid), versions.version(self.db, cid)

    @_one_snapshot
    def show(self, cid: int, as_of: str | None = None) -> dict[str, Any]:
        """A claim and its timeline; with ``as_of`` (a day), as it stood at the end of that day."""
        if as_of is None:
            claim = self.get(cid)
            claim["events"] = timeline.events(self.db, cid)
            return claim
        until = timeutil.end_of_day(timeutil.parse_user_date(as_of, "--as-of"))
        row = queries.get_claim_as_of(self.db, cid, until)
        if row is None:
            if queries.claim_exists(self.db, cid):
                raise NotFound(f"claim {cid} did not exist yet on {as_of}; try a later --as-of date")
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        claim = _rebuilt(row)
        claim["events"] = timeline.events(self.db, cid, until)
        return claim

    @_one_snapshot
    def log(self, cid: int | None = None, since: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        if cid is not None and not queries.claim_exists(self.db, cid):
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        start = timeutil.start_of_day(timeutil.parse_user_date(since, "--since")) if since else None
        return timeline.log(self.db, cid, start, limit)

    # -- news: extract and match

    def looks_like(self, text: str) -> str | None:
        """A line naming the stored claim most like ``text`` (extract --review shows it), or None."""
        from claimtrack import similar

        return similar.notice(self.db, 0, text)

    def match(self, news: list[Any], statuses: Any, limit: int | None, min_score: float) -> list[Any]:
        """The claims ``news`` (``match.News``) bears on, best first (``match.find``)."""
        from claimtrack import match

        return match.find(self.db, news, statuses, limit, min_score)

    def unseen(self, feed: str, items: list[tuple[str, Any]], everything: bool = False) -> tuple[list[Any], int]:
        """A feed's items that no earlier ``match --feed`` has seen (all of them with ``everything``),
        and how many were left out."""
        from claimtrack.store import matching

        seen = set() if everything else matching.seen_items(self.db, feed, [key for key, _ in items])
        return [item for key, item in items if key not in seen], len({key for key, _ in items} & seen)

    def remember(self, feed: str, keys: list[str]) -> None:
        """Record a feed's items as seen (in one transaction)."""
        from claimtrack.store import matching

        matching.remember_items(self.db, feed, keys)

    # -- writes

    def add(
        self,
        text: str,
        source: str,
        *,
        confidence: str | None = None,
        status: str = Status.unverified,
        url: str | None = None,
        said_on: str | None = None,
        tags: list[str] | tuple[str, ...] = (),
        quote: str | None = None,
        review_by: str | None = None,
        note: str | None = None,
        force: bool = False,
        source_kind: str = "other",
    ) -> Result:
        """Add a claim; an exact duplicate of a live claim is refused (``writes.Duplicate``) unless ``force``.
        ``source_kind``: the kind of the source if the claim creates it (defaults.source_kind)."""
        from claimtrack.store import writes

        new = writes.NewClaim(
            text=clean_text(text),
            source=clean_text(source, "source name", MAX_NAME),
            status=Status(status).value,
            confidence=parse_confidence(confidence),
            quote=clean_optional(quote, "quote"),
            url=clean_url(url),
            said_on=user_past_date(said_on, "--said-on"),
            review_by=user_date(review_by, "--review-by", future=True) if review_by else None,
            tags=tuple(clean_tag(t) for t in tags),
            note=clean_optional(note, "note"),
            source_kind=clean_kind(source_kind),
        )
        written = writes.create_claim(self.db, new, force=force)
        notices = [f"Added claim {written.claim_id}."]
        if written.new_source:  # only then look for the source the user may have meant
            notices.append(self._new_source_notice(written.claim_id, new.source))
        similar = near_duplicate(self.db, written.claim_id, new.text)  # a warning line, never an error
        if similar is not None:
            notices.append(similar)
        return Result(self.get(written.claim_id), len(written.events), notices)

    def _new_source_notice(self, cid: int, name: str) -> str:
        """The notice for a source just created, pointing at an existing one it looks like.

        Names are compared by ``textsafe.lookalike_keys``: ``The\u200bBell`` (a zero-width space)
        or fullwidth ``Ｔｈｅ Ｂｅｌｌ`` is a new source, because sources are keyed by their casefolded
        name, yet on screen it is ``The Bell``; the notice says so. Other near spellings are
        found with difflib, as before.
        """
        keys = lookalike_keys(name)
        others = [n for n in queries.source_names(self.db) if name_key(n) != name_key(name)]
        notice = f"New source {name!r} created."
        same = next((n for n in others if keys & lookalike_keys(n)), None)
        if same is not None:
            return (notice + f" It looks like {same!r} but differs in invisible or look-alike characters;"
                    f" if you meant {same!r}, fix it with: claimtrack set {cid} --source {shlex.quote(same)}")
        key = min(keys)  # the one without spaces for invisible characters
        existing: dict[str, str] = {}
        for other in others:  # the first in name order stands for names that fold alike
            existing.setdefault(min(lookalike_keys(other)), other)
        close = difflib.get_close_matches(key, list(existing), n=1, cutoff=0.6)
        close += [k for k in existing if key and key in k and k not in close]
        if close:
            notice += f" Did you mean {existing[close[0]]!r}? Fix it with: claimtrack set {cid} --source NAME"
        return notice

    def set_status(
        self, cids: int | list[int], status: str, *, note: str | None = None, evidence: str | None = None,
        at: str | None = None,
    ) -> Result:
        """Move one or several claims to a status, all or nothing (one already there is an error)."""
        from claimtrack.store import writes

        new_status = Status(status).value
        ids = [cids] if isinstance(cids, int) else cids
        writes.apply_changes(
            self.db, ids, [writes.Change("status", new_status)], at=past_time(at),
            note=clean_optional(note, "note"), evidence_url=clean_url(evidence, "--evidence"),
            command=STATUS_VERBS[new_status], every=True,
        )
        if len(ids) == 1:
            return Result(self.get(ids[0]), 1, [f"Claim {ids[0]} is now {new_status}."])
        return Result({}, len(ids), [f"Claims {id_list.shown(ids)} are now {new_status}."])

    def update(
        self,
        cids: int | list[int],
        *,
        confidence: str | None = None,
        text: str | None = None,
        source: str | None = None,
        url: str | None = None,
        said_on: str | None = None,
        quote: str | None = None,
        add_tags: list[str] | tuple[str, ...] = (),
        remove_tags: list[str] | tuple[str, ...] = (),
        review_by: str | None = None,
        note: str | None = None,
        command: str = "set",
        unchanged_since: int | None = None,
    ) -> Result:
        """``set`` (or ``edit``, which ``command`` names in the journal): change fields of one or several claims in one transaction; empty text ('')
        clears an optional field, ``none`` clears confidence. Claims that already have those values
        are left alone (and said so); when none changes, that is an error. ``unchanged_since``: the
        version ``for_edit`` gave; ``Conflict`` if another change came after it."""
        from claimtrack.store import writes

        ids = [cids] if isinstance(cids, int) else cids
        changes: list[writes.Change] = []
        if confidence is not None:
            cleared = confidence.strip().lower() in ("none", "")
            changes.append(writes.Change("confidence", None if cleared else conf.parse(confidence)))
        if text is not None:
            changes.append(writes.Change("text", clean_text(text)))
        if source is not None:
            changes.append(writes.Change("source", clean_text(source, "source name", MAX_NAME)))
        if url is not None:
            changes.append(writes.Change("url", clean_url(url) if url.strip() else None))
        if said_on is not None:
            changes.append(writes.Change("said_on", user_past_date(said_on, "--said-on") if said_on.strip() else None))
        if quote is not None:
            changes.append(writes.Change("quote", clean_optional(quote, "quote") if quote.strip() else None))
        if review_by is not None:
            changes.append(
                writes.Change("review_by", user_date(review_by, "--review-by", future=True) if review_by.strip() else None)
            )
        changes += [writes.Change("tag+", clean_tag(t)) for t in add_tags]
        changes += [writes.Change("tag-", clean_tag(t)) for t in remove_tags]
        if not changes:
            raise InvalidInput(
                "nothing to change; give at least one of --confidence, --text, --source, --url, --said-on, "
                "--quote, --add-tag, --remove-tag, --review-by"
            )
        done = writes.apply_changes(self.db, ids, changes, note=clean_optional(note, "note"), command=command,
                                    unchanged_since=unchanged_since)
        changed = [w for w in done if w.events]
        if not changed:
            which = f"claim {ids[0]} already has" if len(ids) == 1 else "every one of those claims already has"
            raise NothingChanged(f"{which} those values; nothing was changed")
        events = sum(len(w.events) for w in changed)
        if len(ids) == 1:
            notices = [f"Claim {ids[0]}: {events} change{'s' if events != 1 else ''} recorded."]
        else:
            notices = [f"{len(changed)} claims changed ({id_list.shown([w.claim_id for w in changed])}): "
                       f"{events} change{'s' if events != 1 else ''} recorded."]
            same = [w.claim_id for w in done if not w.events]
            if same:
                notices.append(f"Already as asked, left alone: {id_list.shown(same)}.")
        if any(w.new_source for w in changed) and source is not None:
            notices.append(self._new_source_notice(changed[0].claim_id, clean_text(source, "source name", MAX_NAME)))
        return Result(self.get(ids[0]) if len(ids) == 1 else {}, events, notices)

    def delete(self, cids: list[int]) -> Result:
        """Delete claims: they leave every view but ``show`` and ``list --deleted``; history stays."""
        from claimtrack.store import writes

        writes.set_deleted(self.db, cids, deleted=True)
        what = f"claim {cids[0]}" if len(cids) == 1 else f"{len(cids)} claims ({id_list.shown(cids)})"
        return Result({}, len(cids), [f"Deleted {what}; bring {'it' if len(cids) == 1 else 'them'} back with: "
                                      f"claimtrack restore {id_list.shown(cids).replace(', ', ' ')} (or: claimtrack undo)"])

    def restore(self, cids: list[int]) -> Result:
        from claimtrack.store import writes

        writes.set_deleted(self.db, cids, deleted=False)
        what = f"claim {cids[0]}" if len(cids) == 1 else f"{len(cids)} claims ({id_list.shown(cids)})"
        return Result({}, len(cids), [f"Restored {what}."])

    # -- reports and exchange

    @_one_snapshot
    def summary(self, f: ClaimFilter, by: str) -> list[dict[str, Any]]:
        """``[{group, count, share}]``: statuses in their fixed order, others by count."""
        if f.as_of:
            claims = self.list(replace(f, limit=None))
            groups: dict[str | None, int] = {}
            for claim in claims:
                keys = claim["tags"] or [None] if by == "tag" else [claim[by]]
                for key in keys:
                    groups[key] = groups.get(key, 0) + 1
            rows, total = [{"grp": k, "n": n} for k, n in groups.items()], len(claims)
        else:
            rows, total = queries.summary(self.db, replace(f, limit=None), by)
        counts = {(r["grp"] if r["grp"] is not None else "(untagged)"): int(r["n"]) for r in rows}
        if by == "status":
            order = [s.value for s in Status]
        else:
            order = sorted(counts, key=lambda g: (-counts[g], g.casefold()))
        result = [{"group": g, "count": counts.get(g, 0), "share": round(counts.get(g, 0) / total, 4) if total else 0.0} for g in order]
        return result[: f.limit] if f.limit is not None else result

    @_one_snapshot
    def export_count(self, f: ClaimFilter) -> int:
        return len(self.list(f)) if f.as_of else min(queries.count(self.db, f), f.limit or 2**63)

    def export_claims(self, f: ClaimFilter, events: bool | str = True) -> Iterator[dict[str, Any]]:
        """Matching claims with tags and events, streamed; with ``as_of``, as they stood then.

        All of it is read in one read transaction, held while the claims stream out: claims and
        their events agree even while others write. ``events=False`` leaves the timelines out,
        ``"effective"`` keeps only the effective history (undone changes left out: what the
        reports read), ``"noted"`` only its status changes and noted events (``queries.iter_claims``;
        what a CSV export reads); with ``as_of`` the events up to then are read.
        """
        with self.reading():
            if f.as_of:  # the backup formats hold the phrase the confidence had then
                for claim in as_of_view(queries.list_claims(self.db, f), f, phrase=True):
                    claim["events"] = timeline.events(self.db, claim["id"], f.as_of, effective=events in ("noted", "effective"),
                                                     every=events is True)
                    yield claim
                return
            for row in queries.iter_claims(self.db, f, events=events):
                yield view(row, export=True)

    # -- track record

    def set_source(
        self, name: str, *, kind: str | None = None, reliability: str | None = None,
        url: str | None = None, notes: str | None = None,
    ) -> Result:
        from claimtrack.store import sources

        details = {
            "kind": clean_kind(kind) if kind is not None else None,
            "reliability": clean_reliability(reliability) if reliability is not None else None,
            "url": clean_url(url),
            "notes": clean_optional(notes, "notes"),
        }
        name, created, changed = sources.set_source(self.db, clean_text(name, "source name", MAX_NAME), details)
        if created:
            notice = f"Source {name!r} created."
        elif changed:
            notice = f"Source {name!r}: {', '.join(changed)} updated."
        else:
            notice = f"Source {name!r} already had those details; nothing changed."
        return Result({"name": name}, len(changed), [notice])

    def _known_source(self, call: Callable[[], Any], command: str, names: list[str]) -> Any:
        """Run a ``store.sources`` change; a name it does not know becomes NotFound naming the
        nearest stored names, as the command to retype (``command`` then ``names``, as typed)."""
        from claimtrack.store import sources

        try:
            return call()
        except sources.UnknownSource as exc:
            at = names.index(exc.name)
            typed = " ".join([command, *map(shlex.quote, names[:at])])
            hint = _nearest("source", exc.name, queries.source_names(self.db), typed)
            if hint.endswith(")"):  # the suggested command: put the names after it back
                hint = hint[:-1] + "".join(" " + shlex.quote(n) for n in names[at + 1:]) + ")"
            raise NotFound(hint[0].lower() + hint[1:]) from None

    def rename_source(self, old: str, new: str) -> Result:
        """Respell a source; its claims keep it (no claim event), only the name they show changes."""
        from claimtrack.store import sources

        old, new = clean_text(old, "source name", MAX_NAME), clean_text(new, "source name", MAX_NAME)
        was, now = self._known_source(lambda: sources.rename(self.db, old, new), "claimtrack source rename", [old, new])
        return Result({"name": now}, 1, [f"Renamed source {was!r} to {now!r} (take it back with: claimtrack undo)."])

    def merge_sources(self, name: str, into: str) -> Result:
        """Move every claim of ``name`` to ``into`` (an event on each) and drop ``name``."""
        from claimtrack.store import sources

        name, into = clean_text(name, "source name", MAX_NAME), clean_text(into, "source name", MAX_NAME)
        merged = self._known_source(lambda: sources.merge(self.db, name, into), "claimtrack source merge", [name, into])
        n = len(merged.claim_ids)
        moved = f"{n} claim{'s' if n != 1 else ''} moved" + (f" ({'claim' if n == 1 else 'claims'} {id_list.shown(merged.claim_ids)})" if 0 < n <= 20 else "")
        return Result({"name": merged.into}, n, [f"Merged source {merged.source!r} into {merged.into!r}: {moved} (take it back with: claimtrack undo)."])

    def delete_source(self, name: str) -> Result:
        """Drop a source with no claims (deleted ones count); otherwise the error says to merge it."""
        from claimtrack.store import sources

        name = clean_text(name, "source name", MAX_NAME)
        gone = self._known_source(lambda: sources.delete(self.db, name), "claimtrack source delete", [name])
        return Result({"name": gone}, 1, [f"Deleted source {gone!r} (take it back with: claimtrack undo)."])

    def _forecasts(self, source: str | None = None) -> Iterator[tuple[str, float | None, int]]:
        """(source name, forecast, outcome) for every resolved claim."""
        for claim in queries.iter_resolved(self.db, source):
            p = scoring.forecast(claim["confidence"], claim["events"])
            yield claim["source"], p, scoring.OUTCOMES[claim["status"]]

    @_one_snapshot
    def sources_report(self) -> list[dict[str, Any]]:
        """Each source with its claims by status, accuracy and Brier score."""
        report: dict[str, dict[str, Any]] = {}
        for row in queries.source_counts(self.db):
            entry = report.setdefault(row["name"], {
                "name": row["name"], "kind": row["kind"], "reliability": row["reliability"], "claims": 0,
                **{s.value: 0 for s in Status},
            })
            if row["status"] is not None:
                entry[row["status"]] = int(row["n"])
                entry["claims"] += int(row["n"])
        pairs: dict[str, list[tuple[float, int]]] = {}
        for name, p, outcome in self._forecasts():
            if p is not None:
                pairs.setdefault(name, []).append((p, outcome))
        for entry in report.values():
            resolved = entry["confirmed"] + entry["refuted"]
            entry["resolved"] = resolved
            entry["accuracy"] = round(entry["confirmed"] / resolved, 4) if resolved else None
            entry["brier"] = scoring.brier(pairs.get(entry["name"], []))
        return list(report.values())

    @_one_snapshot
    def calibration(self, source: str | None = None) -> dict[str, Any]:
        """Stated confidence against outcomes, in ten bins, with the overall Brier score."""
        if source is not None and not queries.source_exists(self.db, source):
            raise NotFound(f"no source matches {source!r}; see them with: claimtrack sources")
        pairs = [(p, o) for _, p, o in self._forecasts(source) if p is not None]
        return {"brier": scoring.brier(pairs), "bins": [b.as_dict() for b in scoring.calibration(pairs)]}

    @_one_snapshot
    def due(self, days: int = 7) -> list[dict[str, Any]]:
        """Claims to look at again, most urgent first, each with ``due`` (a date) and ``reason``."""
        today = timeutil.today()
        horizon = (today + timedelta(days=days)).isoformat()
        stale_before = timeutil.days_ago(STALE_DAYS)
        result = []
        for row in queries.due(self.db, horizon, stale_before):
            claim = view(row)
            review = claim["review_by"] if claim["review_by"] and claim["review_by"] <= horizon else None
            stale_since = str(claim.pop("touched") or claim["updated_at"])[:10]  # undone changes aside
            if review is not None:
                delta = (date.fromisoformat(review) - today).days
                reason = (f"review overdue by {-delta} day{'s' if delta != -1 else ''}" if delta < 0
                          else "review today" if delta == 0 else f"review in {delta} day{'s' if delta != 1 else ''}")
                claim["due"], claim["rank"] = review, (0, review)
            else:
                age = (today - date.fromisoformat(stale_since)).days
                reason = f"unverified, unchanged for {age} days"
                became_due = (date.fromisoformat(stale_since) + timedelta(days=STALE_DAYS)).isoformat()
                claim["due"], claim["rank"] = became_due, (1, stale_since)  # the day it went stale
            claim["reason"] = reason
            result.append(claim)
        result.sort(key=lambda c: (c.pop("rank"), c["id"]))
        return result

    @_one_snapshot
    def nothing_found(self, f: ClaimFilter | None = None) -> list[str]:
        """Why a read found nothing, and what to try: for an empty database, how to start; for a
        source or tag filter that names nothing stored, the nearest names that are."""
        if queries.count_claims(self.db) == 0:
            return ["No claims yet. Add one: claimtrack add \"TEXT\" --source NAME, "
                    "or load the bundled article's claims: claimtrack init --seed"]
        hints = []
        if f is not None and f.source and not queries.source_exists(self.db, f.source):
            hints.append(_nearest("source", f.source, queries.source_names(self.db), "--source"))
        if f is not None:
            tags = queries.tag_names(self.db)
            for tag in f.tags:
                if tag not in tags:
                    hints.append(_nearest("tag", tag, tags, "--tag"))
        return hints

    @_one_snapshot
    def sources(self) -> list[dict[str, Any]]:
        return queries.all_sources(self.db)

    def feed_items(self, as_of: str | None = None) -> list[dict[str, Any]]:
        """The feed items ``match --feed`` has seen (those seen by ``as_of``, if given): what a backup carries."""
        from claimtrack.store import matching

        items = matching.all_items(self.db)
        return [i for i in items if i["first_seen"] <= as_of] if as_of else items

    def import_records(self, records: Iterable[Record], origin: str, allow_duplicates: bool = False,
                       source_kind: str = "other") -> ImportCounts:
        """Validate and import every record in one transaction; a bad record imports nothing.

        Records whose text and source match a live claim already there are skipped (and counted)
        unless ``allow_duplicates``."""
        from claimtrack import importer

        return self.import_checked(importer.validated(records, origin), allow_duplicates, source_kind)

    def import_checked(self, items: Iterable[ImportedSource | ImportedClaim | ImportedFeedItem], allow_duplicates: bool = False,
                       source_kind: str = "other") -> ImportCounts:
        """Import records already checked (``importer.validated``, ``readahead.validated``); a source
        created without a kind gets ``source_kind`` (defaults.source_kind)."""
        from claimtrack.store import imports

        result = imports.import_items(self.db, items, allow_duplicates, clean_kind(source_kind))
        return ImportCounts(result.added, result.skipped, result.warnings, result.duplicates)

    def note(self, cids: int | list[int], text: str, *, evidence: str | None = None, at: str | None = None) -> Result:
        """A note on one or several claims, all or nothing; ``at``: when the news it records broke
        (checked like a status change's ``--at``; default now)."""
        from claimtrack.store import writes

        ids = [cids] if isinstance(cids, int) else cids
        writes.add_note(self.db, ids, clean_text(text, "note"), clean_url(evidence, "--evidence"), at=past_time(at))
        if len(ids) == 1:
            return Result(self.get(ids[0]), 1, [f"Note added to claim {ids[0]}."])
        return Result({}, len(ids), [f"Note added to claims {id_list.shown(ids)}."])
