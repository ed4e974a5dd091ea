"""The lean baseline for `import`: the same essential work as raw_import.py, the leanest way SQLite allows.

raw_import.py lets the database's row triggers and indexes do their work claim by claim, as
claimtrack did; this one does what a careful hand-written bulk load would do, so that claimtrack's
import can be held against the floor of its own database rather than against its own design. In
one transaction (DDL is transactional in SQLite, so a failure anywhere leaves the file as it was):

* drop the search-index trigger (``claim_fts_insert``), the event guard trigger
  (``event_no_replace``, which only refuses an event id already taken; none is given here) and the
  secondary indexes of claim, claim_tag and event, keeping the SQL text SQLite stored for each;
* parse each record, give it a uuid, and ``executemany`` its claim row, tag links and created
  event (holding what the claim was created with) in batches (sources and tags looked up, or created when new);
* fill the search index with one ``INSERT INTO claim_fts ... SELECT`` over the new claims;
* recreate every dropped object from its stored SQL text, then COMMIT.

Foreign keys stay on (claimtrack runs every connection with them on), and the page cache is the
64 MiB claimtrack's import asks for. The result is the same database as claimtrack's (same rows,
same schema text, a search index that passes FTS5's integrity-check); bench/run.py verifies that
after every timed import. Usage: python lean_import.py DB FILE
"""

import json
import sqlite3
import sys
import uuid
from datetime import UTC, datetime

BATCH = 5_000
FTS_ROW = "SELECT id, text, quote FROM claim WHERE id >= ?"  # claim_fts: external content of claim (m005)


def created_state(r: dict, source: str) -> str:
    """What the created event records (claimtrack.history): canonical JSON of the claim as created."""
    confidence = r.get("confidence")
    if confidence is not None:
        confidence = f"{confidence:.6f}".rstrip("0").rstrip(".") or "0"
    return json.dumps({"confidence": confidence, "quote": None, "review_by": None, "said_on": r.get("said_on"),
                       "source": source, "status": r.get("status", "unverified"), "tags": sorted(set(r.get("tags", ()))),
                       "text": r["text"], "url": None}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def main(db: str, path: str) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("BEGIN IMMEDIATE")
    sources = dict(conn.execute("SELECT name_key, id FROM source"))
    names = dict(conn.execute("SELECT name_key, name FROM source"))
    tags = dict(conn.execute("SELECT name, id FROM tag"))
    top = conn.execute("SELECT max(id) FROM claim").fetchone()[0] or 0
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'claim'").fetchone()
    first = next_id = max(top, seq[0] if seq else 0) + 1
    aside = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE "
        "(type = 'trigger' AND name IN ('claim_fts_insert', 'event_no_replace')) OR "
        "(type = 'index' AND sql IS NOT NULL AND tbl_name IN ('claim', 'claim_tag', 'event'))").fetchall()
    for kind, name, _ in aside:
        conn.execute(f'DROP {kind.upper()} "{name}"')

    claims, links, events = [], [], []
    note = f"Imported from {path}"

    def flush() -> None:
        conn.executemany(
            "INSERT INTO claim (id, uuid, text, source_id, said_on, status, confidence, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)
        conn.executemany("INSERT INTO claim_tag (claim_id, tag_id) VALUES (?, ?)", links)
        conn.executemany("INSERT INTO event (claim_id, at, recorded_at, kind, new, note) VALUES (?, ?, ?, 'created', ?, ?)",
                         events)
        claims.clear(), links.clear(), events.clear()

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            name = r["source"]
            key = name.casefold()
            sid = sources.get(key)
            if sid is None:
                sid = sources[key] = conn.execute(
                    "INSERT INTO source (name, name_key, kind, created_at) VALUES (?, ?, 'other', ?) RETURNING id",
                    (name, key, now)).fetchone()[0]
                names[key] = name
            cid = next_id
            next_id += 1
            claims.append((cid, str(uuid.uuid4()), r["text"], sid, r.get("said_on"),
                           r.get("status", "unverified"), r.get("confidence"), now, now))
            for tag in r.get("tags", ()):
                tid = tags.get(tag)
                if tid is None:
                    tid = tags[tag] = conn.execute("INSERT INTO tag (name) VALUES (?) RETURNING id", (tag,)).fetchone()[0]
                links.append((cid, tid))
            events.append((cid, now, now, created_state(r, names[key]), note))
            if len(claims) >= BATCH:
                flush()
    flush()
    conn.execute(f"INSERT INTO claim_fts (rowid, text, quote) {FTS_ROW}", (first,))
    for _, _, sql in aside:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.close()  # the last connection to close folds the write-ahead log into the file, as claimtrack's does


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
