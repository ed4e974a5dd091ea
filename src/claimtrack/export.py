"""``export``: the report formats people paste or share, and the lossless backup formats.

Every writer streams: it takes an iterator of claims (each with tags and events) and writes as it
goes, so memory does not grow with the number of claims. Output is deterministic (stable order,
no export timestamp) so two exports of the same data are byte-identical and diff cleanly.

* ``json`` / ``jsonl``: the backup: every source, claim, tag and event (``import`` reads it back).
* ``csv``: one claim a row, safe to open in a spreadsheet.
* ``md`` / ``html``: a summary table (id, claim, source, said on, confidence, status, resolved on,
  last change) and totals by status; ``html`` is one self-contained page.
* ``claimreview``: schema.org ClaimReview JSON-LD for resolved (confirmed or refuted) claims,
  safe to paste into a ``<script type="application/ld+json">`` element.

Where the output goes (stdout, a file replaced atomically, a device or pipe written through) is
``outfile``'s business.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from claimtrack import textsafe
from claimtrack.choices import ExportFormat, Status
from claimtrack.render import CLAIM_FIELDS, EVENT_FIELDS, event_summary, markdown_table

BACKUP_VERSION = 1
BACKUP_FIELDS = (*CLAIM_FIELDS, "confidence_phrase")
SOURCE_FIELDS = ("name", "kind", "reliability", "url", "notes", "created_at")
# ClaimReview ratings: 1 (false) to 5 (true), with the name fact-checkers use.
RATINGS = {"confirmed": (5, "True"), "refuted": (1, "False")}
# ClaimReview is embedded in <script type="application/ld+json">: these must not appear raw.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def backup_claim(claim: dict[str, Any], **first: str) -> dict[str, Any]:
    """A claim as the backup formats hold it: ``first`` (JSONL's ``type``), every field, its events."""
    data = first
    for k in BACKUP_FIELDS:
        data[k] = claim[k]
    data["events"] = [e if tuple(e) == EVENT_FIELDS else {k: e[k] for k in EVENT_FIELDS} for e in claim["events"]]
    return data


def _happened(claim: dict[str, Any], event: dict[str, Any]) -> str:
    """The day an event happened in the world: a claim's creation is the day it was said (it may
    be entered long after; a back-dated change may come before its entry), the others their ``at``."""
    if event["kind"] == "created":
        return str(claim.get("said_on") or event["at"][:10])
    return str(event["at"][:10])


def _last_change(claim: dict[str, Any]) -> str:
    """The latest change by when it happened, as ``confirmed 2026-09-10`` (ties: the one recorded later)."""
    events = claim["events"]
    if not events:
        return ""
    day, _, last = max((_happened(claim, e), i, e) for i, e in enumerate(events))
    status = {"unverified": "reopened"}.get(last.get("new") or "", last.get("new"))
    what = {"created": "said", "status": status}.get(last["kind"]) or event_summary(last)
    return f"{what} {day}"


def needs_events(fmt: ExportFormat) -> bool | str:
    """Which of claims' events a format reads: every one (True), or for csv ``"noted"``, only the
    status changes and the events carrying a note (``store.queries.iter_claims``): all that its
    ``resolved_on``, ``evidence`` and ``last_note`` columns read, without every claim's creation."""
    return "noted" if fmt is ExportFormat.csv else True


@dataclass(frozen=True, slots=True)
class Heading:
    """What a report says about itself: its title, what it covers, and a date only if given
    (no clock time by default, so the same data always gives the same report)."""

    title: str = "Claims"
    covers: str = "All claims."
    date: str | None = None


def covers(f: Any) -> str:
    """What a report's filter selects, in words (a ``ClaimFilter``): ``All claims.`` when nothing."""
    parts = []
    if f.statuses:
        parts.append("status " + " or ".join(f.statuses))
    if f.source:
        parts.append(f"source containing {f.source!r}")
    if f.tags:
        parts.append("tagged " + " or ".join(f.tags))
    if f.min_confidence is not None:
        parts.append(f"confidence at least {f.min_confidence:g}")
    if f.max_confidence is not None:
        parts.append(f"confidence at most {f.max_confidence:g}")
    if f.since:
        parts.append(f"said on or after {f.since}")
    if f.until:
        parts.append(f"said on or before {f.until}")
    if f.search:
        parts.append(f"matching {f.search!r}")
    text = ("Claims with " + "; ".join(parts)) if parts else "All claims"
    if f.limit is not None:
        text += f" (the first {f.limit})"
    if f.as_of:
        text += f", as they stood at the end of {f.as_of[:10]}"
    return text + "."


def write(fmt: ExportFormat, claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]],
          heading: Heading | None = None) -> int:
    """Write every claim in ``fmt``; return how many were written."""
    if fmt is ExportFormat.md:
        return _markdown(claims, out, heading or Heading())
    if fmt is ExportFormat.html:
        return _html(claims, out, heading or Heading())
    writer = {
        ExportFormat.json: _json, ExportFormat.jsonl: _jsonl, ExportFormat.csv: _csv, ExportFormat.claimreview: _claimreview,
    }[fmt]
    return writer(claims, out, sources)


def _json(claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]]) -> int:
    # One claim a line inside the array: valid JSON that still diffs line by line.
    out.write('{"format": "claimtrack", "version": %d,\n"sources": [' % BACKUP_VERSION)
    out.write(",".join("\n" + textsafe.json_text({k: s[k] for k in SOURCE_FIELDS}, indent=None) for s in sources))
    out.write('\n],\n"claims": [')
    n = 0
    for n, claim in enumerate(claims, start=1):
        out.write(("\n" if n == 1 else ",\n") + textsafe.json_text(backup_claim(claim), indent=None))
    out.write("\n]}\n")
    return n


def _jsonl(claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]]) -> int:
    out.write(textsafe.json_text({"type": "header", "format": "claimtrack", "version": BACKUP_VERSION}, indent=None) + "\n")
    for source in sources:
        out.write(textsafe.json_text({"type": "source", **{k: source[k] for k in SOURCE_FIELDS}}, indent=None) + "\n")
    n = 0
    for n, claim in enumerate(claims, start=1):
        out.write(textsafe.json_text(backup_claim(claim, type="claim"), indent=None) + "\n")
    return n


CSV_FIELDS = (*CLAIM_FIELDS, "resolved_on", "evidence", "last_note")
_NO_EXTRAS = ["", "", ""]


def _csv(claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]]) -> int:
    """One claim a row: every claim field (``CLAIM_FIELDS``, tags joined by commas), then
    ``resolved_on``, ``evidence`` (the links, oldest first, separated by a space: a URL holds no
    space) and ``last_note``, as the md and html reports show them (``CSV_FIELDS``).

    ``import`` reads this back to the same claims (ids kept when free, timestamps kept) and
    rebuilds from the last three columns a history that exports to the same cells: cells
    are made inert by ``textsafe.csv_cell`` in a way ``csv_unguard`` undoes, and newlines stay
    newlines inside quoted cells. Only other control characters are escaped (``\\x1b``).
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    n = 0
    for n, claim in enumerate(claims, start=1):
        row: list[object] = [",".join(claim[k]) if k == "tags" else claim[k] for k in CLAIM_FIELDS]
        if claim["events"]:
            row += [resolved_on(claim), " ".join(evidence(claim)), last_note(claim)]
            writer.writerow(textsafe.csv_row(row))
        else:  # most claims of a large database have none of the events read: three empty cells, nothing to guard
            writer.writerow(textsafe.csv_row(row) + _NO_EXTRAS)
    return n


def _totals(counts: Counter[str], total: int) -> list[tuple[str, int, str]]:
    return [(s.value, counts[s.value], f"{counts[s.value] / total * 100:.1f}%" if total else "0.0%") for s in Status]


def resolved_on(claim: dict[str, Any]) -> str:
    """The day of the status change that set a confirmed or refuted claim's status ('' otherwise):
    the latest such change by when it happened."""
    if claim["status"] not in ("confirmed", "refuted"):
        return ""
    moves = [(e["at"], i) for i, e in enumerate(claim["events"]) if e["kind"] == "status" and e.get("new") == claim["status"]]
    return max(moves)[0][:10] if moves else ""


def evidence(claim: dict[str, Any]) -> list[str]:
    """The evidence links of a claim's status changes and notes, oldest first, each once."""
    found = [e["evidence_url"] for e in claim["events"] if e.get("evidence_url") and e["kind"] in ("status", "note")]
    return list(dict.fromkeys(u for u in found if _linkable(u)))


def _linkable(url: str) -> bool:
    # The prefix answers for nearly every stored link without parsing it (a CSV export checks each one).
    return url[:8].lower().startswith(("http://", "https://")) or urlsplit(url).scheme.lower() in ("http", "https")


def last_note(claim: dict[str, Any]) -> str:
    """The latest note by when it happened (a status change's note counts; a withdrawn note does not)."""
    notes = [(_happened(claim, e), i, e["note"]) for i, e in enumerate(claim["events"])
             if e.get("note") and not (e["kind"] == "note" and e.get("field") == "withdrawn") and e["kind"] != "created"]
    return max(notes)[2] if notes else ""


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _report_rows(claims: Iterable[dict[str, Any]], counts: Counter[str]) -> Iterator[list[Any]]:
    for claim in claims:
        counts[claim["status"]] += 1
        yield [claim["id"], claim["text"], claim["source"], claim["said_on"] or "", claim["confidence_label"] or "",
               claim["status"], resolved_on(claim), _last_change(claim), evidence(claim), last_note(claim)]


REPORT_HEADERS = ("id", "claim", "source", "said on", "confidence", "status", "resolved on", "last change",
                  "evidence", "last note")


def _md_link(url: str) -> str:
    """``[host](url)``: the host as typed-safe text, the URL with the characters that end a link escaped."""
    target = url.replace("\\", "%5C").replace(")", "%29").replace("(", "%28").replace(" ", "%20").replace("|", "%7C")
    return f"[{textsafe.markdown(_host(url))}]({textsafe.terminal(target)})"


def _markdown(claims: Iterable[dict[str, Any]], out: IO[str], heading: Heading) -> int:
    counts: Counter[str] = Counter()
    out.write(f"# {textsafe.markdown(heading.title)}\n\n{textsafe.markdown(heading.covers)}"
              + (f" Made {textsafe.markdown(heading.date)}." if heading.date else "") + "\n\n")
    out.write(markdown_table(REPORT_HEADERS, []))  # the header; rows stream below
    for row in _report_rows(claims, counts):
        links = ", ".join(_md_link(u) for u in row[8])
        out.write("| " + " | ".join([*(textsafe.markdown(v) for v in row[:8]), links, textsafe.markdown(row[9])]) + " |\n")
    total = sum(counts.values())
    out.write(f"\n## Totals by status\n\n{markdown_table(('status', 'claims', 'share'), _totals(counts, total))}")
    out.write(f"\n{total} claim{'s' if total != 1 else ''}.\n")
    return total


_HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1f2328; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
th, td { border: 1px solid #d0d7de; padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; white-space: nowrap; }
.confirmed { color: #1a7f37; } .refuted { color: #cf222e; } .disputed { color: #9a6700; } .unverified { color: #0969da; }
</style>
</head>
<body>
<h1>{title}</h1>
<p>{covers}</p>
<table>
<thead><tr><th>ID</th><th>Claim</th><th>Source</th><th>Said on</th><th>Confidence</th><th>Status</th><th>Resolved on</th><th>Last change</th><th>Evidence</th><th>Last note</th></tr></thead>
<tbody>
"""


def _html_link(url: str) -> str:
    shown = textsafe.html_text(url)
    return f'<a href="{shown}" title="{shown}" rel="noopener noreferrer">{textsafe.html_text(_host(url))}</a>'


def _html(claims: Iterable[dict[str, Any]], out: IO[str], heading: Heading) -> int:
    counts: Counter[str] = Counter()
    covers = heading.covers + (f" Made {heading.date}." if heading.date else "")
    out.write(_HTML_HEAD.replace("{title}", textsafe.html_text(heading.title)).replace("{covers}", textsafe.html_text(covers)))
    for cid, text, source, said, label, status, resolved, last, links, note in _report_rows(claims, counts):
        cells = [f'<td class="num">{cid}</td>'] + [f"<td>{textsafe.html_text(v)}</td>" for v in (text, source, said, label)]
        cells += [f'<td class="{status}">{textsafe.html_text(status)}</td>']
        cells += [f"<td>{textsafe.html_text(v)}</td>" for v in (resolved, last)]
        cells += ["<td>" + ", ".join(_html_link(u) for u in links) + "</td>", f"<td>{textsafe.html_text(note)}</td>"]
        out.write("<tr>" + "".join(cells) + "</tr>\n")
    total = sum(counts.values())
    out.write("</tbody>\n</table>\n<h2>Totals by status</h2>\n<table>\n")
    out.write("<thead><tr><th>Status</th><th>Claims</th><th>Share</th></tr></thead>\n<tbody>\n")
    for status, n, share in _totals(counts, total):
        out.write(f'<tr><td class="{status}">{status}</td><td class="num">{n}</td><td class="num">{share}</td></tr>\n')
    out.write(f"</tbody>\n</table>\n<p>{total} claim{'s' if total != 1 else ''}.</p>\n</body>\n</html>\n")
    return total


def claim_review(claim: dict[str, Any]) -> dict[str, Any] | None:
    """A schema.org ClaimReview for a confirmed or refuted claim (None for the others)."""
    if claim["status"] not in RATINGS:
        return None
    value, name = RATINGS[claim["status"]]
    resolving = [e for e in claim["events"] if e["kind"] == "status" and e["new"] == claim["status"]]
    decided = resolving[-1] if resolving else None
    author_type = "Person" if claim.get("source_kind") == "person" else "Organization"
    item: dict[str, Any] = {"@type": "Claim", "author": {"@type": author_type, "name": claim["source"]}}
    if claim["said_on"]:
        item["datePublished"] = claim["said_on"]
    if claim["url"]:
        item["appearance"] = {"@type": "CreativeWork", "url": claim["url"]}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": claim["uuid"],
        "claimReviewed": claim["text"],
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1, "alternateName": name},
        "datePublished": (decided["at"] if decided else claim["updated_at"])[:10],
    }
    if decided and decided["evidence_url"]:
        review["url"] = decided["evidence_url"]
    return review


def _claimreview(claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]]) -> int:
    kinds = {s["name"]: s["kind"] for s in sources}
    out.write('{"@context": "https://schema.org", "@graph": [')
    n = 0
    for claim in claims:
        review = claim_review({**claim, "source_kind": kinds.get(claim["source"])})
        if review is None:
            continue
        n += 1
        out.write(("\n" if n == 1 else ",\n") + script_safe_json(review))
    out.write("\n]}\n")
    return n


def script_safe_json(data: Any) -> str:
    """JSON that can be pasted inside a ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes.

    Those characters only ever occur inside JSON strings, where the escape means the same
    character, so the JSON is unchanged for a parser; ``</script>`` in a claim can no longer end
    the element (what JSON-LD embedders do too).
    """
    return textsafe.json_text(data, indent=None).translate(_SCRIPT_UNSAFE)
