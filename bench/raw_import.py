"""The by-hand baseline for `import`: the same work with raw sqlite3 in one transaction.

Reads a JSONL file of claims, parses each record, gives it a uuid, writes its claim row (sources
and tags looked up or created) and its created event (holding what the claim was created with); the database's own triggers index the text
for search, as they do for claimtrack. Usage: python raw_import.py DB FILE
"""

import json
import sqlite3
import sys
import uuid
from datetime import UTC, datetime


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
    conn.execute("BEGIN IMMEDIATE")
    sources = dict(conn.execute("SELECT name_key, id FROM source"))
    names = dict(conn.execute("SELECT name_key, name FROM source"))
    tags = dict(conn.execute("SELECT name, id FROM tag"))
    next_id = (conn.execute("SELECT max(id) FROM claim").fetchone()[0] or 0) + 1
    claims, links, events = [], [], []

    def flush() -> None:
        conn.executemany(
            "INSERT INTO claim (id, uuid, text, source_id, said_on, status, confidence, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)
        conn.executemany("INSERT INTO claim_tag (claim_id, tag_id) VALUES (?, ?)", links)
        conn.executemany(
            "INSERT INTO event (claim_id, at, recorded_at, kind, new, note) VALUES (?, ?, ?, 'created', ?, ?)", events)
        claims.clear(), links.clear(), events.clear()

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            key = r["source"].casefold()
            if key not in sources:
                sources[key] = conn.execute(
                    "INSERT INTO source (name, name_key, kind, created_at) VALUES (?, ?, 'other', ?) RETURNING id",
                    (r["source"], key, now)).fetchone()[0]
                names[key] = r["source"]
            cid = next_id
            next_id += 1
            claims.append((cid, str(uuid.uuid4()), r["text"], sources[key], r.get("said_on"),
                           r.get("status", "unverified"), r.get("confidence"), now, now))
            for tag in r.get("tags", []):
                if tag not in tags:
                    tags[tag] = conn.execute("INSERT INTO tag (name) VALUES (?) RETURNING id", (tag,)).fetchone()[0]
                links.append((cid, tags[tag]))
            events.append((cid, now, now, created_state(r, names[key]), f"Imported from {path}"))
            if len(claims) >= 2000:
                flush()
    flush()
    conn.execute("COMMIT")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
