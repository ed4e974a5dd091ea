"""The fixed vocabularies users type: statuses, output formats, sort keys.

Kept free of heavy imports: the CLI needs them to build ``--help``.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    unverified = "unverified"
    confirmed = "confirmed"
    refuted = "refuted"
    disputed = "disputed"


class Format(StrEnum):
    """Output formats of read commands. Default: table on a terminal, tsv when piped."""

    table = "table"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"


class ListFormat(StrEnum):
    """``list`` also prints bare ids, one a line, to feed ``--from -`` of the commands that change claims."""

    table = "table"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"
    ids = "ids"


class ExportFormat(StrEnum):
    md = "md"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    claimreview = "claimreview"
    claimreview_html = "claimreview-html"
    datasette_metadata = "datasette-metadata"


class ImportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class GroupBy(StrEnum):
    status = "status"
    source = "source"
    tag = "tag"


class Sort(StrEnum):
    id = "id"
    confidence = "confidence"
    status = "status"
    said_on = "said_on"
    updated = "updated"


def spelling(name: str) -> str:
    """``name`` with ``-`` and ``_`` alike: options are spelled with hyphens (``--as-of``), so users
    type ``said-on`` for ``said_on`` (and ``claimreview_html`` for ``claimreview-html``)."""
    return name.replace("-", "_")


def canonical(typed: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The option ``typed`` names, spelled as the option is (``said-on`` -> ``said_on``), or None."""
    key = spelling(typed)
    return next((o for o in options if spelling(o) == key), None)


def nearest(typed: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The option ``typed`` most likely meant (``confirmd`` -> ``confirmed``, ``sad-on`` -> ``said_on``), or None."""
    import difflib

    low = spelling(typed.strip().lower())
    by_low = {spelling(o.lower()): o for o in options}
    close = difflib.get_close_matches(low, list(by_low), n=1, cutoff=0.6)
    return by_low[close[0]] if close else None
