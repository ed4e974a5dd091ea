"""``export --format datasette-metadata``: a ``metadata.json`` that makes ``datasette claims.db`` useful at once.

Datasette (https://docs.datasette.io/en/stable/metadata.html) reads per-database and per-table
settings from the file given to ``--metadata``, keyed by the database's name, which is its file's
stem (``claims.db`` is ``claims``). What this writes:

* the ``claim`` table labelled by its text (so ``claim_tag`` and ``event`` rows show the claim, not
  a number), faceted by ``status`` and ``source_id`` (shown as the source's name), newest change
  first, searched through ``claim_fts`` (the external-content index of migration 5);
* ``source`` and ``tag`` labelled by name;
* tags: Datasette facets a table's own columns (or a JSON array in one), and a claim's tags are
  rows of the ``claim_tag`` link table, so ``claim`` cannot be faceted by tag. ``claim_tag`` is
  faceted by ``tag_id`` instead (shown as tag names: pick one to see its claims), and the canned
  query ``claims_with_tag`` lists a tag's claims with their text;
* the tables that are claimtrack's bookkeeping (``change_log``, ``claimtrack_migrations``, the feed items
  ``match --feed`` has seen, the vectors ``match`` keeps of the claims' text) and the
  search indexes and their shadow tables hidden;
* canned ``queries``: plain read-only SQL over the schema. Each named parameter may be left empty
  (Datasette then passes ``''``), which means "all" (or, for a date, today).

Nothing here depends on the rows, so the same schema always gives the same bytes.
"""

from __future__ import annotations

from typing import IO, Any

from claimtrack import textsafe

# The search indexes (migration 5) and the shadow tables FTS5 keeps for each.
_FTS_TABLES = ("claim_fts", "source_fts")
_FTS_SHADOWS = ("config", "data", "docsize", "idx")
HIDDEN = (
    "change_log",
    "claimtrack_migrations",
    "sqlite_sequence",
    "feed_item",
    "claim_vector",  # match's vectors of the claims' text (migration 13): derived, binary
    *_FTS_TABLES,
    *(f"{t}_{s}" for t in _FTS_TABLES for s in _FTS_SHADOWS),
)

# A claim's tags as one cell, in name order.
_TAGS = (
    "(SELECT group_concat(name, ', ') FROM (SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
    "WHERE ct.claim_id = c.id ORDER BY t.name)) AS tags"
)

QUERIES: dict[str, dict[str, Any]] = {
    "live_claims": {
        "title": "Live claims with their source and tags",
        "description": "Every claim not deleted, as claimtrack list shows them. "
        "Status: unverified, confirmed, refuted or disputed (leave empty for all).",
        "sql": "SELECT c.id, c.text, s.name AS source, c.status, c.confidence, c.confidence_phrase, c.said_on, "
        f"c.review_by, {_TAGS}, c.url\n"
        "FROM claim c JOIN source s ON s.id = c.source_id\n"
        "WHERE c.deleted_at IS NULL AND (:status = '' OR c.status = :status)\n"
        "ORDER BY c.id",
        "params": ["status"],
    },
    "claims_with_tag": {
        "title": "Unverified claims about a tag",
        "description": "Live claims with this tag still waiting for an outcome (leave the tag empty for all).",
        "sql": "SELECT c.id, c.text, s.name AS source, c.confidence, c.said_on, c.review_by, " + _TAGS + "\n"
        "FROM claim c JOIN source s ON s.id = c.source_id\n"
        "WHERE c.deleted_at IS NULL AND c.status = 'unverified'\n"
        "  AND (:tag = '' OR EXISTS (SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id\n"
        "                            WHERE ct.claim_id = c.id AND t.name = lower(trim(:tag))))\n"
        "ORDER BY c.id",
        "params": ["tag"],
    },
    "changed_since": {
        "title": "What changed since a date",
        "description": "Every change to a claim (status, confidence, edits, notes, deletions) on or after the date "
        "(YYYY-MM-DD; empty: every change), oldest first.",
        "sql": "SELECT e.at, e.claim_id, c.text, e.kind, e.field, e.old, e.new, e.note, e.evidence_url, c.deleted_at\n"
        "FROM event e JOIN claim c ON c.id = e.claim_id\n"
        "WHERE :since = '' OR e.at >= :since\n"
        "ORDER BY e.at, e.id",
        "params": ["since"],
    },
    "source_track_record": {
        "title": "A source's track record",
        "description": "Live claims per source by status, and the share of resolved claims that came true "
        "(source name contains; empty: every source).",
        "sql": "SELECT s.id, s.name AS source, s.kind, s.reliability, count(c.id) AS claims,\n"
        "  coalesce(sum(c.status = 'confirmed'), 0) AS confirmed,\n"
        "  coalesce(sum(c.status = 'refuted'), 0) AS refuted,\n"
        "  coalesce(sum(c.status = 'disputed'), 0) AS disputed,\n"
        "  coalesce(sum(c.status = 'unverified'), 0) AS unverified,\n"
        "  round(1.0 * sum(c.status = 'confirmed') / nullif(sum(c.status IN ('confirmed', 'refuted')), 0), 3)"
        " AS confirmed_share\n"
        "FROM source s LEFT JOIN claim c ON c.source_id = s.id AND c.deleted_at IS NULL\n"
        "WHERE :source = '' OR s.name LIKE '%' || :source || '%'\n"
        "GROUP BY s.id, s.name, s.kind, s.reliability\n"
        "ORDER BY s.name",
        "params": ["source"],
    },
    "due_for_review": {
        "title": "Claims due for review",
        "description": "Live claims whose review date is on or before the date (YYYY-MM-DD; empty: today) "
        "and that are not yet confirmed or refuted.",
        "sql": "SELECT c.id, c.review_by, c.text, s.name AS source, c.status, c.confidence, " + _TAGS + "\n"
        "FROM claim c JOIN source s ON s.id = c.source_id\n"
        "WHERE c.deleted_at IS NULL AND c.review_by IS NOT NULL\n"
        "  AND c.review_by <= coalesce(nullif(:by, ''), date('now'))\n"
        "  AND c.status NOT IN ('confirmed', 'refuted')\n"
        "ORDER BY c.review_by, c.id",
        "params": ["by"],
    },
}


def metadata(database: str) -> dict[str, Any]:
    """The metadata for the database Datasette names ``database`` (its file's stem)."""
    tables: dict[str, Any] = {
        "claim": {
            "description": "One checkable statement each. Deleted claims are rows too: add deleted_at__isnull=1 "
            "to see only the live ones. The search box matches text and quotes.",
            "label_column": "text",
            "facets": ["status", "source_id"],
            "sortable_columns": ["id", "said_on", "status", "confidence", "review_by", "created_at", "updated_at"],
            "sort_desc": "updated_at",
            "fts_table": "claim_fts",
            "fts_pk": "id",
            "columns": {
                "confidence": "Stated likelihood, 0 to 1 (empty: not assessed)",
                "review_by": "Look at the claim again by this date",
                "deleted_at": "Set while the claim is deleted",
            },
        },
        "source": {
            "description": "Who made claims.",
            "label_column": "name",
            "facets": ["kind", "reliability"],
            "sort": "name",
        },
        "tag": {"label_column": "name", "sort": "name"},
        "claim_tag": {
            "description": "Which claims carry which tag: the tag facet shows how many claims each has.",
            "facets": ["tag_id"],
        },
        "event": {"description": "Every change to every claim, append-only.", "facets": ["kind"], "sort_desc": "at"},
    }
    tables.update({name: {"hidden": True} for name in HIDDEN})
    return {
        "title": "claimtrack",
        "description": "Claims made in the news and how they turned out, tracked with claimtrack.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }


def write(database: str, out: IO[str]) -> None:
    out.write(textsafe.json_text(metadata(database)) + "\n")
