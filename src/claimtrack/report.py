"""The md and html reports: what a team publishes about the claims it tracks.

A report opens with a summary a reader takes in at a glance (totals by status, claims resolved
over time, each source's track record, and how well stated confidence matched what came true),
then lists the claims, optionally grouped by status, source or tag.

Both are written in one pass over the claims: the summary is added up while the rows are
rendered, the rows wait in a spooled temporary file (memory up to 4 MB, then TMPDIR), and the
summary is written before them; a grouped report reads each group's rows back from where they
start in that file (the places kept in a temporary SQLite file), so memory stays flat either way. Nothing in a report
depends on the clock unless ``--date`` stamps it, so the same data gives the same bytes.

Claim text, names, notes and links are data: every cell is escaped (``textsafe``), only http and
https links become links, and the html page forbids scripts with a Content-Security-Policy.
"""

from __future__ import annotations

import codecs
import contextlib
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from claimtrack import charts, scoring, textsafe, timeutil
from claimtrack.choices import ExportFormat, Status
from claimtrack.claimcols import evidence, happened_last, host, last_note, resolved_on
from claimtrack.errors import OutputError
from claimtrack.records import markdown_table

HEADERS = ("id", "claim", "source", "said on", "confidence", "status", "resolved on", "last change",
           "evidence", "last note")
UNTAGGED = "(untagged)"
SPOOL = 4 * 1024 * 1024  # rendered rows kept in memory before the spool moves to disk


@dataclass(frozen=True, slots=True)
class Heading:
    """What a report says about itself: its title, what it covers, and a date only if given
    (no clock time by default, so the same data always gives the same report)."""

    title: str = "Claims"
    covers: str = "All claims."
    date: str | None = None

    def line(self) -> str:
        return self.covers + (f" Made {self.date}." if self.date else "")


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
        text += f", as they stood at the end of {timeutil.local_date(f.as_of)}"
    return text + "."


# ---- the summary, added up claim by claim ---------------------------------------------------------


@dataclass(slots=True)
class Record:
    """One source's track record over the claims in the report."""

    name: str
    reliability: str | None
    claims: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    squared_error: float = 0.0
    scored: int = 0

    @property
    def resolved(self) -> int:
        return self.statuses["confirmed"] + self.statuses["refuted"]

    @property
    def accuracy(self) -> float | None:
        return self.statuses["confirmed"] / self.resolved if self.resolved else None

    @property
    def brier(self) -> float | None:
        return round(self.squared_error / self.scored, 4) if self.scored else None


@dataclass(slots=True)
class Summary:
    """Totals by status, resolutions by day, each source's record, and how often each (forecast,
    outcome) pair occurred: memory grows with sources, days and distinct confidences, not claims."""

    reliability: dict[str, str | None]
    counts: Counter[str] = field(default_factory=Counter)
    resolved: Counter[tuple[str, str]] = field(default_factory=Counter)
    sources: dict[str, Record] = field(default_factory=dict)
    forecasts: Counter[tuple[float, int]] = field(default_factory=Counter)  # (forecast, outcome): how often

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, claim: dict[str, Any], resolved_day: str) -> None:
        status, name = claim["status"], claim["source"]
        self.counts[status] += 1
        record = self.sources.get(name)
        if record is None:
            record = self.sources[name] = Record(name, self.reliability.get(name))
        record.claims += 1
        record.statuses[status] += 1
        if status in scoring.OUTCOMES:
            if resolved_day:
                self.resolved[(resolved_day, status)] += 1
            moves = [{**e, "id": i} for i, e in enumerate(claim["events"]) if e["kind"] in ("status", "confidence")]
            p = scoring.forecast(claim["confidence"], moves)
            if p is not None:
                outcome = scoring.OUTCOMES[status]
                self.forecasts[(p, outcome)] += 1
                record.squared_error += (p - outcome) ** 2
                record.scored += 1

    def totals(self) -> list[tuple[str, int, str]]:
        total = self.total
        return [(s.value, self.counts[s.value], _share(self.counts[s.value], total)) for s in Status]

    def records(self) -> list[Record]:
        """Sources with most claims first, then by name."""
        return sorted(self.sources.values(), key=lambda r: (-r.claims, r.name.casefold(), r.name))

    def brier(self) -> float | None:
        return scoring.brier_of(self.forecasts)

    def scored(self) -> int:
        return sum(self.forecasts.values())


def _span(first: str, last: str) -> str:
    return f"on {first}" if first == last else f"between {first} and {last}"


def _share(n: int, total: int) -> str:
    return f"{n / total * 100:.1f}%" if total else "0.0%"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _brier(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _source_code(claim: dict[str, Any], reliability: dict[str, str | None]) -> str:
    """The Admiralty code of a claim: its source's reliability letter and the claim's credibility digit."""
    return scoring.admiralty(reliability.get(claim["source"]), claim["status"], claim["confidence"])


def _groups_of(claim: dict[str, Any], by: str) -> list[str]:
    if by == "tag":
        return list(claim["tags"]) or [UNTAGGED]
    return [str(claim[by])]


def _group_order(counts: dict[str, int], by: str) -> list[str]:
    """Statuses in their fixed order; sources and tags with most claims first, untagged last."""
    if by == "status":
        return [s.value for s in Status if s.value in counts]
    return sorted(counts, key=lambda g: (g == UNTAGGED, -counts[g], g.casefold(), g))


def write(fmt: ExportFormat, claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]],
          heading: Heading, group_by: str | None = None) -> int:
    """Write the report; return how many claims it holds."""
    page = _Html() if fmt is ExportFormat.html else _Markdown()
    summary = Summary({s["name"]: s["reliability"] for s in sources})
    with _Spool() as spool, _Places() as places:
        for claim in claims:
            resolved = resolved_on(claim)
            summary.add(claim, resolved)
            start, length = spool.add(page.row(claim, _source_code(claim, summary.reliability), resolved, group_by))
            if group_by is not None:
                for group in _groups_of(claim, group_by):
                    places.add(group, start, length)
        spool.ready()  # a full temporary folder shows here, before anything goes out
        counts = places.counts() if group_by is not None else {}
        page.head(out, heading)
        page.summary(out, summary)
        page.table_start(out, grouped=group_by is not None)
        if group_by is None:
            spool.copy(out)
        else:
            for group in _group_order(counts, group_by):
                page.group(out, group, spool.rows(places.of(group)), counts[group])
        page.table_end(out)
    page.foot(out, summary.total)
    return summary.total


class _Spool:
    """The rendered rows, in a temporary file (in memory up to ``SPOOL``, then in TMPDIR), read back
    all in order or a group's rows by where they start: memory stays flat, grouped or not."""

    def __init__(self) -> None:
        self.file = tempfile.SpooledTemporaryFile(max_size=SPOOL)
        self.end = 0

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):  # a full temporary folder: the error raised says so already
            self.file.close()

    def add(self, row: str) -> tuple[int, int]:
        data = row.encode("utf-8", "surrogatepass")
        try:
            self.file.write(data)
        except OSError as exc:
            raise _spool_error(exc) from exc
        start, self.end = self.end, self.end + len(data)
        return start, len(data)

    def ready(self) -> None:
        try:
            self.file.flush()
            self.file.seek(0)
        except OSError as exc:
            raise _spool_error(exc) from exc

    def copy(self, out: IO[str]) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")  # a chunk may end mid-character
        while chunk := self.file.read(1 << 16):
            out.write(decoder.decode(chunk))
        out.write(decoder.decode(b"", final=True))

    def rows(self, places: Iterable[tuple[int, int]]) -> Iterator[str]:
        for start, length in places:
            self.file.seek(start)
            yield self.file.read(length).decode("utf-8", "surrogatepass")


class _Places:
    """Where each group's rows start in the spool and how long they are, in a temporary SQLite
    file of this report's own (not the claims database): a million claims under three tags each
    would be 50 MB of places in memory; here they cost SQLite's small page cache."""

    BATCH = 5000

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        self.batch: list[tuple[str, int, int]] = []

    def __enter__(self) -> _Places:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.db is not None:
            self.db.close()  # the file goes with it

    def add(self, group: str, start: int, length: int) -> None:
        self.batch.append((group, start, length))
        if len(self.batch) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        try:
            if self.db is None:
                self.db = sqlite3.connect("")  # "": a temporary file, deleted on close
                self.db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                                      "CREATE TABLE place (grp TEXT NOT NULL, start INTEGER NOT NULL, length INTEGER NOT NULL)")
            self.db.executemany("INSERT INTO place VALUES (?, ?, ?)", self.batch)
        except sqlite3.Error as exc:  # TMPDIR full: the same advice as for the spool
            raise _spool_error(OSError(str(exc))) from exc
        self.batch.clear()

    def counts(self) -> dict[str, int]:
        """Each group's number of rows (every row is in at least one group)."""
        self._flush()
        if self.db is None:
            return {}
        try:
            self.db.execute("CREATE INDEX place_grp ON place (grp)")
            return dict(self.db.execute("SELECT grp, count(*) FROM place GROUP BY grp"))
        except sqlite3.Error as exc:
            raise _spool_error(OSError(str(exc))) from exc

    def of(self, group: str) -> Iterator[tuple[int, int]]:
        """A group's places, in the order its rows were added (the index keeps rowids in order)."""
        assert self.db is not None
        yield from self.db.execute("SELECT start, length FROM place WHERE grp = ? ORDER BY rowid", (group,))


def _spool_error(exc: OSError) -> OutputError:
    where = textsafe.terminal(tempfile.gettempdir())
    return OutputError(f"cannot keep the report's rows in a temporary file in {where}: "
                       f"{(exc.strerror or str(exc)).lower()}; free some space there or set TMPDIR to a folder "
                       "with room (nothing was written)")


def _cells(claim: dict[str, Any], resolved: str) -> list[Any]:
    return [claim["id"], claim["text"], claim["source"], claim["said_on"] or "", claim["confidence_label"] or "",
            claim["status"], resolved, happened_last(claim), evidence(claim), last_note(claim)]


# ---- Markdown -------------------------------------------------------------------------------------


def _md_link(url: str) -> str:
    """``[host](url)``: the host as typed-safe text, the URL with the characters that end a link escaped."""
    target = url.replace("\\", "%5C").replace(")", "%29").replace("(", "%28").replace(" ", "%20").replace("|", "%7C")
    return f"[{textsafe.markdown(host(url))}]({textsafe.terminal(target)})"


class _Markdown:
    """GitHub-flavoured Markdown: the summary as text and tables, then the claim table."""

    def head(self, out: IO[str], heading: Heading) -> None:
        out.write(f"# {textsafe.markdown(heading.title)}\n\n{textsafe.markdown(heading.line())}\n\n")

    def summary(self, out: IO[str], s: Summary) -> None:
        total = s.total
        out.write("## Summary\n\n")
        if not total:
            out.write("No claims.\n\n")
            return
        out.write(markdown_table(("status", "claims", "share"), s.totals()))
        out.write(f"\n{total} claim{'s' if total != 1 else ''}.")
        days = sorted(s.resolved)
        if days:
            confirmed = sum(n for (_, st), n in s.resolved.items() if st == "confirmed")
            refuted = sum(n for (_, st), n in s.resolved.items() if st == "refuted")
            out.write(f" Resolved {_span(days[0][0], days[-1][0])}: {confirmed} confirmed, {refuted} refuted.")
        out.write("\n\n### Track record\n\n")
        rows = [(r.name, r.reliability or "F", r.claims, r.statuses["confirmed"], r.statuses["refuted"],
                 r.claims - r.resolved, _percent(r.accuracy), _brier(r.brier)) for r in s.records()]
        out.write(markdown_table(("source", "reliability", "claims", "confirmed", "refuted", "open", "accuracy", "Brier"), rows))
        brier = s.brier()
        if brier is not None:
            n = s.scored()
            out.write(f"\nBrier score {brier:.3f} over {n} resolved claim{'s' if n != 1 else ''} "
                      "with a stated confidence (0 is perfect; always saying 50% scores 0.250).\n")
        out.write("\n")

    def row(self, claim: dict[str, Any], code: str, resolved: str, group_by: str | None) -> str:
        cells = _cells(claim, resolved)
        cells[2] = f"{cells[2]} ({code})"
        links = ", ".join(_md_link(u) for u in cells[8])
        return "| " + " | ".join([*(textsafe.markdown(v) for v in cells[:8]), links, textsafe.markdown(cells[9])]) + " |\n"

    def table_start(self, out: IO[str], grouped: bool = False) -> None:
        out.write("## Claims\n\n")
        if not grouped:
            out.write(markdown_table(HEADERS, []))

    def group(self, out: IO[str], name: str, rows: Iterable[str], count: int) -> None:
        out.write(f"### {textsafe.markdown(name)} ({count})\n\n{markdown_table(HEADERS, [])}")
        out.writelines(rows)
        out.write("\n")

    def table_end(self, out: IO[str]) -> None:
        pass

    def foot(self, out: IO[str], total: int) -> None:
        pass


# ---- HTML -----------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 96rem;
  padding: 0 1rem; color: #1f2328; background: #fff; }
h1 { margin: 0 0 .25rem; font-size: 1.7rem; } h2 { margin: 2rem 0 .6rem; font-size: 1.25rem; }
h3 { margin: 0 0 .5rem; font-size: 1rem; }
.covers { margin: 0; color: #59636e; }
#summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem 2rem; }
#summary > h2 { grid-column: 1 / -1; margin-bottom: 0; }
#summary figure, #totals, #sources { margin: 0; }
#sources { grid-column: 1 / -1; }
figcaption, caption { color: #59636e; font-size: .9rem; text-align: left; caption-side: bottom; padding-top: .3rem; }
.chart { display: block; width: 100%; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 0; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
#claims { font-size: .93rem; }
td, th[scope="row"] { overflow-wrap: anywhere; }  /* a hostile 3,000-letter word wraps too */
td.num, th.num { text-align: right; white-space: nowrap; }
td.day, td.status, span.day { white-space: nowrap; }
td.claim { min-width: 14rem; }
td.text, th[scope="row"] { min-width: 6rem; }
.code { white-space: nowrap; }
.code { color: #59636e; font-size: .85em; }
tr.group-heading th { background: #eaeef2; font-size: 1.05rem; }
.confirmed { color: #1a7f37; } .refuted { color: #cf222e; } .disputed { color: #9a6700; } .unverified { color: #0969da; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, figure, .chart, #totals { break-inside: avoid; }
  .scroll { overflow: visible; }
  #claims { table-layout: fixed; font-size: 8.5pt; }
  #claims th, #claims td { padding: .2rem .3rem; }
  a { color: inherit; }
  td a[href]::after { content: " (" attr(href) ")"; font-size: 85%; word-break: break-all; }
  thead th, tr.group-heading th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

# No scripts, nothing loaded from elsewhere (the ClaimReview page uses it too: JSON-LD is data, not a script).
CSP_META = """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"""

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
""" + CSP_META + """
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="covers">{covers}</p>
</header>
"""

_COLUMNS = (("ID", "num"), ("Claim", ""), ("Source", ""), ("Said on", ""), ("Confidence", ""), ("Status", ""),
            ("Resolved on", ""), ("Last change", ""), ("Evidence", ""), ("Last note", ""))
# Printed, the claim table has a fixed layout on the page's width: these shares of it.
_PRINT_WIDTHS = (3.5, 27.5, 10, 8, 8, 8, 8, 9, 7, 11)
_PRINT_COLUMNS = "@media print {\n" + "".join(
    f"  #claims col:nth-child({i}) {{ width: {w}%; }}\n" for i, w in enumerate(_PRINT_WIDTHS, start=1)) + "}\n"


def _html_link(url: str) -> str:
    shown = textsafe.html_text(url)
    return f'<a href="{shown}" title="{shown}" rel="noopener noreferrer">{textsafe.html_text(host(url))}</a>'


def _last_cell(last: str) -> str:
    """``confirmed 2026-09-10`` with the date kept on one line."""
    what, _, day = last.rpartition(" ")
    return (f'<td class="text">{textsafe.html_text(what)} <span class="day">{textsafe.html_text(day)}</span></td>'
            if what else _td(last, "text"))


def _td(value: object, cls: str = "") -> str:
    return (f'<td class="{cls}">' if cls else "<td>") + textsafe.html_text(value) + "</td>"


class _Html:
    """One self-contained page: inline CSS and SVG, no scripts, no outside resources."""

    _grouped = False  # whether the claim table is split into one tbody per group

    def head(self, out: IO[str], heading: Heading) -> None:
        title = textsafe.html_text(heading.title)
        out.write(_HEAD.replace("{css}", _CSS + _PRINT_COLUMNS).replace("{title}", title).replace("{covers}", textsafe.html_text(heading.line())))

    def summary(self, out: IO[str], s: Summary) -> None:
        total = s.totals()
        out.write('<section id="summary" aria-label="Summary">\n<h2>Summary</h2>\n<div id="totals">\n<h3>By status</h3>\n')
        out.write(charts.status_bar([(status, n) for status, n, _ in total]) + "\n")
        out.write('<table class="totals">\n<thead><tr><th scope="col">Status</th><th scope="col" class="num">Claims</th>'
                  '<th scope="col" class="num">Share</th></tr></thead>\n<tbody>\n')
        for status, n, share in total:
            out.write(f'<tr><td class="{status}">{status}</td><td class="num">{n}</td><td class="num">{share}</td></tr>\n')
        out.write(f'</tbody>\n<tfoot><tr><th scope="row">Total</th><td class="num">{s.total}</td>'
                  f'<td class="num">{"100.0%" if s.total else "0.0%"}</td></tr></tfoot>\n</table>\n</div>\n')
        self._over_time(out, s)
        self._calibration(out, s)
        self._track_record(out, s)
        out.write("</section>\n")

    def _over_time(self, out: IO[str], s: Summary) -> None:
        out.write('<figure id="resolved-over-time">\n<h3>Resolved over time</h3>\n')
        points = charts.periods(s.resolved)
        if not points:
            out.write("<p>No claim in this report is resolved yet.</p>\n</figure>\n")
            return
        confirmed = sum(p[1] for p in points)
        refuted = sum(p[2] for p in points)
        step = {10: "day", 7: "month"}.get(len(points[0][0]), "year")
        first, last = min(s.resolved)[0], max(s.resolved)[0]
        out.write(charts.resolved_over_time(points) + "\n")
        out.write(f"<figcaption>Claims resolved by {step}: {confirmed} confirmed and {refuted} refuted "
                  f"{_span(first, last)}.</figcaption>\n</figure>\n")

    def _calibration(self, out: IO[str], s: Summary) -> None:
        brier = s.brier()
        if brier is None:
            return
        n = s.scored()
        out.write(f'<figure id="calibration">\n<h3>Calibration</h3>\n{charts.calibration([b.as_dict() for b in scoring.calibration_of(s.forecasts)])}\n'
                  f"<figcaption>Calibration: each point is a band of stated confidence, placed at how often its "
                  f"claims came true; on the dashed line, what was said came true as often as stated. "
                  f"Brier score {brier:.3f} over {n} resolved claim{'s' if n != 1 else ''} with a stated confidence "
                  "(0 is perfect; always saying 50% scores 0.250).</figcaption>\n</figure>\n")

    def _track_record(self, out: IO[str], s: Summary) -> None:
        heads = "".join(f'<th scope="col" class="num">{h}</th>' for h in ("Claims", "Confirmed", "Refuted", "Open", "Accuracy", "Brier"))
        out.write('<div id="sources" class="scroll">\n<h3>Track record</h3>\n<table id="track-record">\n<caption>Track record over the claims in '
                  "this report. Accuracy: the share of resolved claims that were confirmed. Brier score: the mean squared "
                  "error of the confidence stated before each claim resolved (lower is better).</caption>\n"
                  f'<thead><tr><th scope="col">Source</th><th scope="col">Reliability</th>{heads}</tr></thead>\n<tbody>\n')
        for r in s.records():
            letter = r.reliability or "F"
            numbers = (r.claims, r.statuses["confirmed"], r.statuses["refuted"], r.claims - r.resolved,
                       _percent(r.accuracy), _brier(r.brier))
            out.write(f'<tr><th scope="row">{textsafe.html_text(r.name)}</th>'
                      f'<td title="{scoring.RELIABILITY[letter]}">{letter}</td>'
                      + "".join(f'<td class="num">{v}</td>' for v in numbers) + "</tr>\n")
        out.write("</tbody>\n</table>\n</div>\n")

    def row(self, claim: dict[str, Any], code: str, resolved: str, group_by: str | None) -> str:
        cid, text, source, said, label, status, resolved, last, links, note = _cells(claim, resolved)
        ident = f' id="claim-{cid}"' if group_by != "tag" else ""
        reliability = scoring.RELIABILITY.get(code[0], "")
        return (
            f'<tr{ident} data-claim="{cid}"><td class="num">{cid}</td>{_td(text, "claim")}'
            f'<td class="text">{textsafe.html_text(source)} <span class="code" title="{reliability}">{code}</span></td>'
            f'{_td(said, "day")}{_td(label, "text")}{_td(status, "status " + status)}{_td(resolved, "day")}{_last_cell(last)}'
            f'<td class="text">{", ".join(_html_link(u) for u in links)}</td>{_td(note, "text note")}</tr>\n'
        )

    def table_start(self, out: IO[str], grouped: bool = False) -> None:
        heads = "".join(f'<th scope="col" class="{cls}">{name}</th>' if cls else f'<th scope="col">{name}</th>'
                        for name, cls in _COLUMNS)
        cols = "<col>" * len(_COLUMNS)
        out.write(f'<section id="claims-section">\n<h2>Claims</h2>\n<div class="scroll">\n<table id="claims">\n'
                  f"<colgroup>{cols}</colgroup>\n"
                  f"<thead><tr>{heads}</tr></thead>\n" + ("" if grouped else "<tbody>\n"))
        self._grouped = grouped

    def group(self, out: IO[str], name: str, rows: Iterable[str], count: int) -> None:
        out.write(f'<tbody class="group">\n<tr class="group-heading"><th colspan="{len(_COLUMNS)}" scope="rowgroup">'
                  f"{textsafe.html_text(name)} ({count})</th></tr>\n")
        out.writelines(rows)
        out.write("</tbody>\n")

    def table_end(self, out: IO[str]) -> None:
        out.write(("" if self._grouped else "</tbody>\n") + "</table>\n</div>\n</section>\n")

    def foot(self, out: IO[str], total: int) -> None:
        out.write("</body>\n</html>\n")
