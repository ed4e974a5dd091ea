"""Schema migrations 6 to 9: feed items, which event undo took back, a record that proves itself,
and canonically equivalent text compared alike.

Frozen history, as every migration (``store.migrations``, which numbers and runs them): never
edit one, add the next number instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack.store.migrations_1to5 import CHANGE_TABLE, TYPES

if TYPE_CHECKING:  # this module is imported on every command: keep SQLAlchemy out of it
    from sqlalchemy import Connection

FEED_TABLE = "feed_item"


def m006_feed_items(conn: Connection) -> None:
    """The feed items ``match --feed`` has seen, so a scheduled run shows only what is new.

    One row per feed (its URL, or a file's absolute path) and item (the entry's id, else its link,
    else a hash of its title and summary), with when it was first seen. Bookkeeping, not history:
    ``match --all-items`` looks at every item again, and nothing else reads it.
    """
    t = TYPES.get(conn.dialect.name, TYPES["sqlite"])
    conn.exec_driver_sql(
        f"""CREATE TABLE {FEED_TABLE} (
            id {t["pk"]},
            feed TEXT NOT NULL,
            item TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            UNIQUE (feed, item)
        )"""
    )


def m007_reversals(conn: Connection) -> None:
    """Which event each ``undo`` event took back: ``event.reverses``, so views can leave both out.

    An undone change is, for every derived view (``--as-of``, reports, scoring, ClaimReview), a
    change that never happened, while ``show`` and ``log`` still tell it and its undo. ``undo``
    now names the event it takes back in each event it writes; events undo wrote before this
    migration are paired as ``claimtrack.reversals`` pairs them (from the note undo writes).
    Filling the column is the one update ever made to events: the append-only trigger is set
    aside for it, inside this transaction, and put back as it was. The partial index finds
    whether an event was taken back without reading the rest.
    """
    from claimtrack.reversals import UNDO_NOTE, pair

    sqlite = conn.dialect.name == "sqlite"
    marker = "?" if sqlite else "%s"
    conn.exec_driver_sql("ALTER TABLE event ADD COLUMN reverses BIGINT REFERENCES event (id)")
    conn.exec_driver_sql("CREATE INDEX ix_event_reverses ON event (reverses) WHERE reverses IS NOT NULL")
    claims = [
        r[0]
        for r in conn.exec_driver_sql(
            f"SELECT DISTINCT claim_id FROM event WHERE substr(note, 1, {len(UNDO_NOTE)}) = {marker} ORDER BY claim_id",
            (UNDO_NOTE,),
        ).fetchall()
    ]
    updates: list[tuple[int, int]] = []
    for cid in claims:
        rows = conn.exec_driver_sql(
            f"SELECT id, kind, field, old, new, note, recorded_at FROM event WHERE claim_id = {marker} ORDER BY at, id",
            (cid,),
        ).fetchall()
        events = [dict(zip(("id", "kind", "field", "old", "new", "note", "recorded_at"), r, strict=True)) for r in rows]
        updates += [(events[j]["id"], events[i]["id"]) for i, j in pair(events).items() if j is not None]
    if not updates:
        return
    guard = None
    if sqlite:
        guard = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'event_no_update'"
        ).scalar()
        if guard is not None:
            conn.exec_driver_sql("DROP TRIGGER event_no_update")
    else:
        guard = conn.exec_driver_sql(
            "SELECT 1 FROM pg_trigger WHERE tgname = 'event_append_only' AND tgrelid = 'event'::regclass"
        ).scalar()
        if guard is not None:
            conn.exec_driver_sql("ALTER TABLE event DISABLE TRIGGER event_append_only")
    conn.exec_driver_sql(f"UPDATE event SET reverses = {marker} WHERE id = {marker}", updates)
    if guard is not None:
        conn.exec_driver_sql(guard if sqlite else "ALTER TABLE event ENABLE TRIGGER event_append_only")


def m008_record_integrity(conn: Connection) -> None:
    """The record proves itself: the journal cannot be replaced, and each created event says what
    its claim was created with (``claimtrack.history``), so ``db check`` can replay every row.

    * SQLite: ``INSERT OR REPLACE INTO change_log`` with an id (or an ``undoes``) already taken
      would delete the old row without firing the delete trigger of m004; a BEFORE INSERT trigger
      refuses it, as m003's does for events. (PostgreSQL has no REPLACE, and ``ON CONFLICT DO
      UPDATE`` fires m004's update trigger.)
    * Each created event recording nothing (``new`` NULL: every one written before this version)
      gets the claim's earliest known state: its current row walked back through its events'
      ``old`` values. Events are otherwise append-only: the guard is lifted for this one UPDATE,
      inside this migration's transaction, and put back exactly as it was.
    """
    from claimtrack.history import earliest, row_confidence, state_json

    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        conn.exec_driver_sql(
            f"""CREATE TRIGGER change_log_no_replace BEFORE INSERT ON {CHANGE_TABLE}
               WHEN EXISTS (SELECT 1 FROM {CHANGE_TABLE} WHERE id = NEW.id
                            OR (NEW.undoes IS NOT NULL AND undoes = NEW.undoes))
               BEGIN SELECT RAISE(ABORT, 'claimtrack history is append-only'); END"""
        )
    marker = "?" if sqlite else "%s"
    guard: list[Any] | None = None  # the lifted guard's SQL (SQLite), once lifted
    last = 0
    while True:  # 5,000 claims at a time, as m004
        claims = conn.exec_driver_sql(
            "SELECT c.id, c.text, c.quote, c.url, c.said_on, c.review_by, c.status, c.confidence, "
            "c.confidence_phrase, s.name FROM claim c JOIN source s ON s.id = c.source_id "
            f"WHERE c.id > {marker} AND EXISTS (SELECT 1 FROM event e WHERE e.claim_id = c.id "
            f"AND e.kind = 'created' AND e.new IS NULL) ORDER BY c.id LIMIT 5000",
            (last,),
        ).fetchall()
        if not claims:
            break
        lo, hi = claims[0][0], claims[-1][0]
        tags: dict[int, list[str]] = {}
        for cid, name in conn.exec_driver_sql(
            "SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE ct.claim_id BETWEEN {marker} AND {marker}",
            (lo, hi),
        ):
            tags.setdefault(cid, []).append(name)
        events: dict[int, list[dict[str, Any]]] = {}
        for eid, cid, kind, field, old, new in conn.exec_driver_sql(
            "SELECT id, claim_id, kind, field, old, new FROM event "
            f"WHERE claim_id BETWEEN {marker} AND {marker} AND kind <> 'note' ORDER BY claim_id, id",
            (lo, hi),
        ):
            events.setdefault(cid, []).append({"id": eid, "kind": kind, "field": field, "old": old, "new": new})
        fills: list[tuple[str, int]] = []
        for cid, text, quote, url, said_on, review_by, status, value, phrase, source in claims:
            now = {
                "text": text,
                "quote": quote,
                "url": url,
                "said_on": said_on,
                "review_by": review_by,
                "status": status,
                "confidence": row_confidence(value, phrase),
                "source": source,
                "tags": sorted(tags.get(cid, [])),
            }
            history = events.get(cid, [])
            created = min(e["id"] for e in history if e["kind"] == "created")
            fills.append((state_json(earliest(now, history)), int(created)))
        if guard is None:
            guard = _lift_event_guard(conn)
        conn.exec_driver_sql(f"UPDATE event SET new = {marker} WHERE id = {marker} AND new IS NULL", fills)
        last = hi
    if guard is not None:
        _restore_event_guard(conn, guard)


def _lift_event_guard(conn: Connection) -> list[Any]:
    """Let one migration update events: the update guard's SQL (SQLite), for ``_restore_event_guard``."""
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("ALTER TABLE event DISABLE TRIGGER event_append_only")
        return []
    guard = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'event_no_update'"
    ).fetchall()
    if guard:
        conn.exec_driver_sql("DROP TRIGGER event_no_update")
    return [sql for (sql,) in guard]


def _restore_event_guard(conn: Connection, guard: list[Any]) -> None:
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("ALTER TABLE event ENABLE TRIGGER event_append_only")
    for sql in guard:
        conn.exec_driver_sql(sql)


# Whether this PostgreSQL server can normalize() text: version 13 or later, UTF-8 database.
PG_NORMALIZES = (
    "SELECT current_setting('server_version_num')::int >= 130000 AND current_setting('server_encoding') = 'UTF8' AS ok"
)


def m009_canonical_text(conn: Connection) -> None:
    """Canonically equivalent spellings compare equal (``claimtrack.textkeys``): NFC keys.

    * ``source.name_key`` becomes ``textkeys.name_key`` of the name (NFC of the casefolded name;
      it was the casefolded name), so ``Zu\u0308rich Times`` (decomposed) and ``Zürich Times`` are
      one source. Names are not touched, nor a key that is not the casefolded name (written by
      other SQL: not claimtrack's to guess at; ``db check`` does not read keys). Where two sources existed whose names only differ so, the
      one already keyed in NFC (else the older) takes the key; the other keeps its old key, so it
      can still be named exactly as typed, e.g. to ``source merge`` it into the first.
    * PostgreSQL: the search vector is built from the NFC text, and rebuilt. (SQLite's FTS5
      ``unicode61 remove_diacritics 2`` already indexes both spellings of an accent alike.)
    Only keys and indexes change: the rows people wrote and their history stay exactly as typed.
    """
    from claimtrack.textkeys import name_key

    marker = "?" if conn.dialect.name == "sqlite" else "%s"
    rows = conn.exec_driver_sql("SELECT id, name, name_key FROM source ORDER BY id").fetchall()
    wanted = {sid: name_key(name) if key == name.casefold() else key for sid, name, key in rows}
    taken = {key for sid, _, key in rows if wanted[sid] == key}  # already canonical: they stay
    updates = []
    for sid, _, key in rows:
        if wanted[sid] != key and wanted[sid] not in taken:
            taken.add(wanted[sid])
            updates.append((wanted[sid], sid))
    if updates:
        conn.exec_driver_sql(f"UPDATE source SET name_key = {marker} WHERE id = {marker}", updates)
    if conn.dialect.name != "postgresql":
        return
    if not conn.exec_driver_sql(PG_NORMALIZES).scalar():
        return  # normalize() needs PostgreSQL 13 and a UTF-8 database; the vector stays as typed
    document = (
        "normalize({row}text || ' ' || coalesce({row}quote, '') || ' ' || coalesce("
        "(SELECT name FROM source WHERE id = {row}source_id), ''), NFC)"
    )
    conn.exec_driver_sql(
        f"""CREATE OR REPLACE FUNCTION claimtrack_claim_search() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             NEW.search_vector := to_tsvector('simple', {document.format(row="NEW.")});
             RETURN NEW;
           END $$"""
    )
    # Setting search_vector alone fires no trigger (claim_search is on text, quote, source_id).
    conn.exec_driver_sql(f"UPDATE claim SET search_vector = to_tsvector('simple', {document.format(row='claim.')})")
