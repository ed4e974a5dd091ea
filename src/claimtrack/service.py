"""Business rules: validate what the user asked for, decide what changes, call the store.

Never prints and never exits: it returns plain data (dicts shaped like DESIGN.md's JSON) and
raises ``claimtrack.errors`` types. The CLI renders; other front ends can reuse this as a library:

    from claimtrack.service import Service
    svc = Service("claims.db")
    svc.add("Russia vetoed new UN sanctions.", source="The Bell", confidence="very likely")
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimtrack import confidence as conf
from claimtrack import timeutil
from claimtrack.choices import Status
from claimtrack.errors import InvalidInput, NotFound, NothingChanged
from claimtrack.store import queries
from claimtrack.store.database import Database
from claimtrack.store.queries import ClaimFilter
from claimtrack.store.target import Target, resolve

MAX_TEXT = 10_000
MAX_NAME = 200
MAX_TAG = 64


@dataclass
class Result:
    """What a write command did: the claim as it now stands and notes for the user."""

    claim: dict[str, Any]
    changes: int = 0
    notices: list[str] = field(default_factory=list)


@dataclass
class InitResult:
    target: Target
    schema_version: int
    seeded: int | None  # claims added by --seed (None: not asked)


# ---- validation --------------------------------------------------------------------------------


_EMPTY_HINT = {
    "claim text": "give the words of the claim",
    "source name": "give who made the claim, e.g. --source \"Andrei Lankov\"",
    "note": "write the note's text, or leave the option out",
}


def clean_text(value: str, what: str = "claim text", limit: int = MAX_TEXT) -> str:
    text = value.strip()
    if not text:
        raise InvalidInput(f"{what} is empty; {_EMPTY_HINT.get(what, 'give some text, or leave the option out')}")
    if len(text) > limit:
        raise InvalidInput(f"{what} is {len(text):,} characters; the limit is {limit:,}: shorten it")
    return text


def clean_optional(value: str | None, what: str, limit: int = MAX_TEXT) -> str | None:
    if value is None:
        return None
    return clean_text(value, what, limit)


def clean_url(value: str | None, option: str = "--url") -> str | None:
    if value is None:
        return None
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise InvalidInput(f"invalid {option} {value!r}: give a web address starting with http:// or https://")
    return url


def clean_tag(value: str) -> str:
    tag = "-".join(value.strip().lower().split())
    if not tag or "," in tag or len(tag) > MAX_TAG:
        raise InvalidInput(f"invalid tag {value!r}: use one word or hyphenated-words, up to {MAX_TAG} characters, no commas")
    return tag


def past_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    day = timeutil.parse_date(value, option)
    if day > timeutil.today().isoformat():
        raise InvalidInput(f"{option} {day} is in the future; a claim cannot have been made yet")
    return day


def past_time(value: str | None, option: str = "--at") -> str | None:
    if value is None:
        return None
    moment = timeutil.parse_datetime(value, option)
    if moment > timeutil.now():
        raise InvalidInput(f"{option} {value} is in the future; give when the news broke, up to now")
    return moment


def claim_id(value: str | int) -> int:
    try:
        number = int(str(value).strip().lstrip("#"))
    except ValueError:
        number = 0
    if number < 1:
        raise InvalidInput(f"invalid claim id {value!r}: ids are whole numbers from 1; see them with: claimtrack list")
    return number


def parse_confidence(value: str | None) -> conf.Confidence | None:
    return None if value is None else conf.parse(value)


def claim_filter(
    *,
    statuses: list[str] | tuple[str, ...] = (),
    source: str | None = None,
    tags: list[str] | tuple[str, ...] = (),
    min_confidence: str | None = None,
    max_confidence: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    as_of: str | None = None,
    sort: str = "id",
    desc: bool = False,
    limit: int | None = None,
) -> ClaimFilter:
    """Validate the filter options shared by list, summary and export."""

    def bound(value: str | None, option: str) -> float | None:
        if value is None:
            return None
        try:
            return conf.parse(value).value
        except InvalidInput as exc:
            raise InvalidInput(f"{option}: {exc}") from exc

    return ClaimFilter(
        statuses=tuple(Status(s).value for s in statuses),
        source=source.strip() or None if source else None,
        tags=tuple(clean_tag(t) for t in tags),
        min_confidence=bound(min_confidence, "--min-confidence"),
        max_confidence=bound(max_confidence, "--max-confidence"),
        since=timeutil.parse_date(since, "--since") if since else None,
        until=timeutil.parse_date(until, "--until") if until else None,
        search=search if search and search.strip() else None,
        as_of=timeutil.end_of_day(timeutil.parse_date(as_of, "--as-of")) if as_of else None,
        sort=sort,
        desc=desc,
        limit=limit,
    )


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


def view(row: dict[str, Any]) -> dict[str, Any]:
    """A claim row as DESIGN.md's claim object."""
    row = dict(row)
    phrase = row.pop("confidence_phrase", None)
    row["confidence_label"] = conf.label(row["confidence"], phrase) or None
    return row


def _rebuilt(row: dict[str, Any]) -> dict[str, Any]:
    """A row read with ``--as-of`` columns as a claim object holding the values of that time."""
    row = dict(row)
    row["status"] = row.pop("as_of_status")
    text = row.pop("as_of_confidence")
    if text is not None:  # None: never changed, the current value stands
        parsed = conf.parse(text) if text else None
        row["confidence"] = parsed.value if parsed else None
        row["confidence_phrase"] = parsed.phrase if parsed else None
    return view(row)


def as_of_view(rows: list[dict[str, Any]], f: ClaimFilter) -> list[dict[str, Any]]:
    """Filter, sort and limit claims on their rebuilt status and confidence."""
    claims = [_rebuilt(r) for r in rows]
    if f.statuses:
        claims = [c for c in claims if c["status"] in f.statuses]
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


# ---- the service -------------------------------------------------------------------------------


class Service:
    """One database and the operations on it. The database is opened on first use."""

    def __init__(self, target: str | None = None) -> None:
        self.target = resolve(target)
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database.open(self.target)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    # -- setup

    def init(self, seed: bool = False) -> InitResult:
        db = self.db
        seeded = None
        if seed:
            from claimtrack.store import writes

            seeded = writes.run_script(db, seed_sql())
        return InitResult(self.target, db.schema_version, seeded)

    # -- reads

    def list(self, f: ClaimFilter) -> list[dict[str, Any]]:
        rows = queries.list_claims(self.db, f)
        if not f.as_of:
            return [view(r) for r in rows]
        return as_of_view(rows, f)

    def get(self, cid: int) -> dict[str, Any]:
        row = queries.get_claim(self.db, cid)
        if row is None:
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        return view(row)

    def show(self, cid: int, as_of: str | None = None) -> dict[str, Any]:
        """A claim and its timeline; with ``as_of`` (a day), as it stood at the end of that day."""
        if as_of is None:
            claim = self.get(cid)
            claim["events"] = queries.events(self.db, cid)
            return claim
        until = timeutil.end_of_day(timeutil.parse_date(as_of, "--as-of"))
        row = queries.get_claim_as_of(self.db, cid, until)
        if row is None:
            if queries.claim_exists(self.db, cid):
                raise NotFound(f"claim {cid} did not exist yet on {as_of}; try a later --as-of date")
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        claim = _rebuilt(row)
        claim["events"] = queries.events(self.db, cid, until)
        return claim

    def log(self, cid: int | None = None, since: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        if cid is not None and not queries.claim_exists(self.db, cid):
            raise NotFound(f"no claim with id {cid}; list ids with: claimtrack list")
        start = timeutil.parse_date(since, "--since") + "T00:00:00Z" if since else None
        return queries.log(self.db, cid, start, limit)

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
    ) -> Result:
        from claimtrack.store import writes

        new = writes.NewClaim(
            text=clean_text(text),
            source=clean_text(source, "source name", MAX_NAME),
            status=Status(status).value,
            confidence=parse_confidence(confidence),
            quote=clean_optional(quote, "quote"),
            url=clean_url(url),
            said_on=past_date(said_on, "--said-on"),
            review_by=timeutil.parse_date(review_by, "--review-by") if review_by else None,
            tags=tuple(clean_tag(t) for t in tags),
            note=clean_optional(note, "note"),
        )
        names = queries.source_names(self.db)
        written = writes.create_claim(self.db, new)
        notices = [f"Added claim {written.claim_id}."]
        if written.new_source:
            notices.append(self._new_source_notice(new.source, names))
        return Result(self.get(written.claim_id), len(written.events), notices)

    def _new_source_notice(self, name: str, existing: list[str]) -> str:
        notice = f"New source {name!r} created."
        lowered = {n.casefold(): n for n in existing}
        close = difflib.get_close_matches(name.casefold(), list(lowered), n=1, cutoff=0.6)
        close += [key for key in lowered if name.casefold() in key and key not in close]
        if close:
            notice += f" Did you mean {lowered[close[0]]!r}? Fix it with: claimtrack set ID --source NAME"
        return notice

    def set_status(
        self, cid: int, status: str, *, note: str | None = None, evidence: str | None = None, at: str | None = None
    ) -> Result:
        from claimtrack.store import writes

        new_status = Status(status).value
        written = writes.apply_changes(
            self.db,
            cid,
            [writes.Change("status", new_status)],
            at=past_time(at),
            note=clean_optional(note, "note"),
            evidence_url=clean_url(evidence, "--evidence"),
        )
        if not written.events:
            raise NothingChanged(
                f"claim {cid} is already {new_status}; to add evidence use: claimtrack note {cid} TEXT --evidence URL"
            )
        return Result(self.get(cid), 1, [f"Claim {cid} is now {new_status}."])

    def update(
        self,
        cid: int,
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
    ) -> Result:
        """``set``: change fields; empty text ('') clears an optional field, ``none`` clears confidence."""
        from claimtrack.store import writes

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
            changes.append(writes.Change("said_on", past_date(said_on, "--said-on") if said_on.strip() else None))
        if quote is not None:
            changes.append(writes.Change("quote", clean_optional(quote, "quote") if quote.strip() else None))
        if review_by is not None:
            changes.append(
                writes.Change("review_by", timeutil.parse_date(review_by, "--review-by") if review_by.strip() else None)
            )
        changes += [writes.Change("tag+", clean_tag(t)) for t in add_tags]
        changes += [writes.Change("tag-", clean_tag(t)) for t in remove_tags]
        if not changes:
            raise InvalidInput(
                "nothing to change; give at least one of --confidence, --text, --source, --url, --said-on, "
                "--quote, --add-tag, --remove-tag, --review-by"
            )
        written = writes.apply_changes(self.db, cid, changes, note=clean_optional(note, "note"))
        if not written.events:
            raise NothingChanged(f"claim {cid} already has those values; nothing was changed")
        notices = [f"Claim {cid}: {len(written.events)} change{'s' if len(written.events) != 1 else ''} recorded."]
        if written.new_source:
            notices.append(f"New source {source!r} created.")
        return Result(self.get(cid), len(written.events), notices)

    def note(self, cid: int, text: str, *, evidence: str | None = None) -> Result:
        from claimtrack.store import writes

        writes.add_note(self.db, cid, clean_text(text, "note"), clean_url(evidence, "--evidence"))
        return Result(self.get(cid), 1, [f"Note added to claim {cid}."])
