"""The SQLModel tables: the schema as Python, used for every write.

Reads go through plain SQL text (``store.queries``) so SQLite reads need not import SQLAlchemy.
The tables are created by numbered migrations (``store.migrations``), never by ``create_all``;
a test checks the two agree. Dates and times are ISO 8601 text (see ``claimtrack.timeutil``).
"""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    """Who made a claim: a person, outlet, organisation or government."""

    __tablename__ = "source"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)  # textkeys.name_key: names are unique ignoring case and NFC/NFD
    kind: str = "other"
    reliability: str | None = None  # Admiralty grade A-F
    url: str | None = None
    notes: str | None = None
    created_at: str


class Claim(SQLModel, table=True):
    """One checkable statement, with its current status and confidence."""

    __tablename__ = "claim"
    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    text: str
    quote: str | None = None
    source_id: int = Field(foreign_key="source.id")
    url: str | None = None
    said_on: str | None = None
    status: str = "unverified"
    confidence: float | None = None
    confidence_phrase: str | None = None
    review_by: str | None = None
    created_at: str
    updated_at: str
    deleted_at: str | None = None  # set while the claim is deleted (it leaves every view but show)
    text_key: str | None = None  # textsafe.claim_key(text): finds exact duplicates by index


class Tag(SQLModel, table=True):
    __tablename__ = "tag"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class ClaimTag(SQLModel, table=True):
    __tablename__ = "claim_tag"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    tag_id: int = Field(foreign_key="tag.id", primary_key=True)


class Event(SQLModel, table=True):
    """Append-only history: one row per change to a claim."""

    __tablename__ = "event"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id")
    at: str  # when the change happened in the world (``--at``)
    recorded_at: str  # when claimtrack recorded it
    kind: str  # created | status | confidence | edit | note
    field: str | None = None
    old: str | None = None
    new: str | None = None
    note: str | None = None
    evidence_url: str | None = None
    reverses: int | None = Field(default=None, foreign_key="event.id")  # the event an undo event took back (m007)
    author: str | None = None  # who made it: reviewer.name, else the login (m010; NULL: unknown)
    db_role: str | None = None  # the PostgreSQL session role that wrote it (m010; NULL on SQLite)
    hash: str | None = None  # chained to the previous event's (m011, ``store.chain``)


class ChangeLog(SQLModel, table=True):
    """One row per command that changed something: what ``undo`` takes back (see migration 4)."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    recorded_at: str
    command: str  # add, import, confirm, set, delete, source merge, undo...
    summary: str  # what it did, in words
    first_event: int | None = None  # the events it wrote: ids first_event..last_event
    last_event: int | None = None
    undoes: int | None = Field(default=None, foreign_key="change_log.id", unique=True)
    detail: str | None = None  # JSON: what a change to sources needs to be taken back
    author: str | None = None  # who made it, as on its events (m010)
    db_role: str | None = None  # the PostgreSQL session role that wrote it (m010)
    hash: str | None = None  # chained to the previous row's (m011, ``store.chain``)


class FeedItem(SQLModel, table=True):
    """A feed item ``match --feed`` has seen (see migration 6)."""

    __tablename__ = "feed_item"
    __table_args__ = (UniqueConstraint("feed", "item"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    feed: str  # the feed's URL, or a feed file's absolute path
    item: str  # the entry's id, else its link, else a hash of its title and summary
    first_seen: str


class ClaimVector(SQLModel, table=True):
    """A claim's vector for ``match`` by meaning (see migration 13): derived data, not history."""

    __tablename__ = "claim_vector"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    model: str  # claimtrack.semantic.MODEL: another model's vector is made again
    text: str  # the claim's text the vector was made from
    text_hash: str  # semantic.text_hash of the text it was made from
    vector: bytes  # float16, little-endian
