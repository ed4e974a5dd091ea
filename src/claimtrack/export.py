"""``export``: the report formats people paste or share, and the lossless backup formats.

Every writer streams: it takes an iterator of claims (each with tags and events) and writes as it
goes, so memory does not grow with the number of claims (the reports spool their rows; see
``report``). Output is deterministic (stable order,
no export timestamp) so two exports of the same data are byte-identical and diff cleanly.

* ``json`` / ``jsonl``: the backup: every source, claim, tag and event, and the feed items
  ``match --feed`` has seen (``import`` reads it back). Deleted claims are in it with their whole
  history and ``deleted_at`` (the time of the deletion their history ends with), so they come
  back deleted, restorable with ``restore``; no other format holds them. Each event carries every
  column of the event table but ``claim_id``, by name (``store.timeline.event_columns``): its
  ``id`` (kept by ``import`` where free, so a restored database has the same ids), its ``hash``
  (``store.chain``: ``import`` recomputes it in the importing database's chain) and any column a
  later migration adds, with no list here to update. The header's ``chain`` names the event chain's
  head (id and hash) the backup was made from; ``db verify`` compares a backup with a database. The undo journal (``change_log``) is not
  carried: it names ranges of event ids and commands of this database only. After a restore,
  ``undo`` starts from the import, which it takes back as one change (the restored claims
  deleted); ``show`` and ``log`` still hold every change, undone ones included.
* ``csv``: one claim a row (``CSV_FIELDS``: the claim's fields, then resolved_on, evidence and
  last_note), safe to open in a spreadsheet; ``import`` reads it back (``csvhistory``).
* ``md`` / ``html``: the reports people publish (``report``); the per-claim columns they share
  with the CSV and ClaimReview (resolved on, evidence, last note, last change) are worked out in
  ``claimcols``, below all three.
* ``claimreview`` / ``claimreview-html``: schema.org ClaimReview for claims with a verdict, as
  JSON-LD or as a page embedding each review (``claimreview``, which takes the reviewer settings
  and reports what the reviews lack).
* ``datasette-metadata`` holds no claims: it describes the SQLite file for Datasette
  (``claimtrack.datasette``), and the ``export`` command writes it without coming here.

Where the output goes (stdout, a file replaced atomically, a device or pipe written through) is
``outfile``'s business.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from claimtrack import textsafe
from claimtrack.choices import ExportFormat
from claimtrack.claimcols import evidence, last_note, resolved_on
from claimtrack.importer import deleted_at
from claimtrack.records import CLAIM_FIELDS
from claimtrack.scoring import RESOLVED

BACKUP_VERSION = 1
BACKUP_FIELDS = (*CLAIM_FIELDS, "confidence_phrase")
SOURCE_FIELDS = ("name", "kind", "reliability", "url", "notes", "created_at")
FEED_ITEM_FIELDS = ("feed", "item", "first_seen")  # a feed item ``match --feed`` has seen


def backup_claim(claim: dict[str, Any], **first: str) -> dict[str, Any]:
    """A claim as the backup formats hold it: ``first`` (JSONL's ``type``), every field, when it
    was deleted (None: it is not), its events with every column but ``claim_id``."""
    data: dict[str, Any] = dict(first)
    for k in BACKUP_FIELDS:
        data[k] = claim[k]
    events = claim["events"]
    data["deleted_at"] = deleted_at(events)
    data["events"] = [e if "claim_id" not in e else {k: v for k, v in e.items() if k != "claim_id"} for e in events]
    return data


def needs_events(fmt: ExportFormat) -> bool | str:
    """Which of claims' events a format reads (``store.queries.iter_claims``): the backups every
    one (True); the reports and ClaimReview the effective history (``"effective"``: a change
    ``undo`` took back, and undo's own events, never happened for them); csv ``"noted"``, only
    its status changes and the events carrying a note: all that its ``resolved_on``, ``evidence``
    and ``last_note`` columns read, without every claim's creation."""
    if fmt in (ExportFormat.json, ExportFormat.jsonl):
        return True
    return "noted" if fmt is ExportFormat.csv else "effective"


def is_backup(fmt: ExportFormat) -> bool:
    """Whether ``fmt`` is a backup format: it holds deleted claims and the feed items seen too."""
    return fmt in (ExportFormat.json, ExportFormat.jsonl)


def write(
    fmt: ExportFormat,
    claims: Iterable[dict[str, Any]],
    out: IO[str],
    sources: list[dict[str, Any]],
    heading: Any = None,
    group_by: str | None = None,
    gaps: Any = None,
    feed_items: Iterable[dict[str, Any]] = (),
    heads: dict[str, dict[str, Any]] | None = None,
) -> int:
    """Write every claim in ``fmt``; return how many were written. The reports (md, html) take a
    ``report.Heading`` and may be grouped by status, source or tag; the ClaimReview formats take
    a ``claimreview.Gaps`` (its reviewer, and what it collects the reviews lack); the backups
    (``is_backup``) hold ``feed_items`` after the claims."""
    if fmt in (ExportFormat.md, ExportFormat.html):
        from claimtrack import report

        return report.write(fmt, claims, out, sources, heading or report.Heading(), group_by)
    if fmt in (ExportFormat.claimreview, ExportFormat.claimreview_html):
        from claimtrack import claimreview

        gaps = gaps or claimreview.Gaps(claimreview.Reviewer())
        writer = claimreview.write_html if fmt is ExportFormat.claimreview_html else claimreview.write_jsonld
        return writer(claims, out, sources, gaps)
    if fmt is ExportFormat.json:
        return _json(claims, out, sources, feed_items, _chain(heads))
    if fmt is ExportFormat.jsonl:
        return _jsonl(claims, out, sources, feed_items, _chain(heads))
    return _csv(claims, out, sources)


def _chain(heads: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """The backup header's ``chain``: the event chain's head (the journal is not carried, nor its head)."""
    return {"chain": {"event": heads["event"]}} if heads else {}


def _json(
    claims: Iterable[dict[str, Any]],
    out: IO[str],
    sources: list[dict[str, Any]],
    feed_items: Iterable[dict[str, Any]],
    chain: dict[str, Any],
) -> int:
    # One claim a line inside the array: valid JSON that still diffs line by line.
    head = f'"chain": {textsafe.json_text(chain["chain"], indent=None)},\n' if chain else ""
    out.write(f'{{"format": "claimtrack", "version": {BACKUP_VERSION:d},\n{head}"sources": [')
    out.write(",".join("\n" + textsafe.json_text({k: s[k] for k in SOURCE_FIELDS}, indent=None) for s in sources))
    out.write('\n],\n"claims": [')
    n = 0
    for n, claim in enumerate(claims, start=1):  # noqa: B007  n: the count, after the loop
        out.write(("\n" if n == 1 else ",\n") + textsafe.json_text(backup_claim(claim), indent=None))
    out.write('\n],\n"feed_items": [')
    out.write(",".join("\n" + textsafe.json_text({k: i[k] for k in FEED_ITEM_FIELDS}, indent=None) for i in feed_items))
    out.write("\n]}\n")
    return n


def _jsonl(
    claims: Iterable[dict[str, Any]],
    out: IO[str],
    sources: list[dict[str, Any]],
    feed_items: Iterable[dict[str, Any]],
    chain: dict[str, Any],
) -> int:
    header = {"type": "header", "format": "claimtrack", "version": BACKUP_VERSION, **chain}
    out.write(textsafe.json_text(header, indent=None) + "\n")
    for source in sources:
        out.write(textsafe.json_text({"type": "source", **{k: source[k] for k in SOURCE_FIELDS}}, indent=None) + "\n")
    n = 0
    for n, claim in enumerate(claims, start=1):  # noqa: B007  n: the count, after the loop
        out.write(textsafe.json_text(backup_claim(claim, type="claim"), indent=None) + "\n")
    for item in feed_items:
        out.write(
            textsafe.json_text({"type": "feed_item", **{k: item[k] for k in FEED_ITEM_FIELDS}}, indent=None) + "\n"
        )
    return n


CSV_FIELDS = (*CLAIM_FIELDS, "resolved_on", "evidence", "last_note")
_NO_EXTRAS = ["", "", ""]


def _csv(claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]]) -> int:
    """One claim a row: every claim field (``CLAIM_FIELDS``, tags joined by commas), then
    ``resolved_on``, ``evidence`` (the links, oldest first, separated by a space: a URL holds no
    space) and ``last_note``, as the md and html reports show them (``CSV_FIELDS``).

    ``import`` reads this back to the same claims (ids kept when free, timestamps kept) and
    rebuilds from the last three columns a history that exports to the same cells. Every cell is
    quoted and made inert by ``textsafe.csv_cell`` (formula guards, escaped control and invisible
    characters) in a way ``textsafe.csv_text`` undoes exactly; newlines stay newlines inside
    quoted cells.
    """
    writer = textsafe.csv_writer(out, CSV_FIELDS)
    n = 0
    for n, claim in enumerate(claims, start=1):  # noqa: B007  n: the count, after the loop
        row: list[object] = [",".join(claim[k]) if k == "tags" else claim[k] for k in CLAIM_FIELDS]
        if claim["events"]:
            row += [resolved_on(claim), " ".join(evidence(claim)), last_note(claim)]
            writer.writerow(textsafe.csv_row(row))
        elif claim["status"] in RESOLVED:  # recorded already resolved: the day it was recorded
            writer.writerow([*textsafe.csv_row(row), resolved_on(claim), "", ""])
        else:  # most claims of a large database have none of the events read: three empty cells, nothing to guard
            writer.writerow(textsafe.csv_row(row) + _NO_EXTRAS)
    return n
