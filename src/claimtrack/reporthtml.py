"""The html report: one self-contained page a team publishes or prints.

``report`` drives it (``Html``): the heading, the summary with its inline SVG charts
(``charts``), then the claim table, one ``tbody`` per group when grouped. Inline CSS (how it
prints, and how evidence hosts wrap, is ``reportprint``) and SVG, no scripts and nothing loaded from elsewhere: ``CSP_META`` forbids them
(the ClaimReview page uses it too). Every text is HTML-escaped (``textsafe.html_text``) and only
http(s) links become links (``claimcols``), their ``href`` a valid URL (``hrefs``).

Every reader gets the same page: it has a language, a ``main`` landmark and labelled regions,
header cells with scopes, and tables that scroll sideways on a phone are regions a keyboard can
reach (``tabindex="0"``); every chart has an accessible name and its numbers as a table beside it
(a ``details`` block under it, the totals table for the status bar), and its statuses told apart
by pattern as well as colour (``palette``). axe-core and the Nu validator check it
(``tests/test_report_a11y.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from claimtrack import charts, palette, reportprint, scoring, textsafe
from claimtrack.claimcols import host
from claimtrack.hrefs import href
from claimtrack.reportparts import BANDS, STATUSES, Summary, cells, percent, span

_STATUS_CSS = " ".join(f".{status} {{ color: {colour}; }}" for status, colour in palette.TEXT.items())
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
.scroll:focus-visible { outline: 2px solid #1f63c6; outline-offset: 2px; }
#track-record caption { max-width: calc(100vw - 3rem); }  /* wraps on a phone, where the table scrolls */
details.numbers { margin-top: .4rem; font-size: .9rem; } details.numbers table { width: auto; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 0; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
#claims { font-size: .93rem; }
td, th[scope="row"] { overflow-wrap: anywhere; }  /* a hostile 3,000-letter word wraps too */
td.num, th.num { text-align: right; white-space: nowrap; }
td.day, td.status, span.day { white-space: nowrap; }
td.text, th[scope="row"] { min-width: 6rem; }
/* The claim and its last note share the claim table's room at 1280 px (the note had 141 px, and a
   long one ran twenty lines); the short text columns make way. A narrower window scrolls the table. */
#claims td.text { min-width: 5rem; }
#claims td.claim, #claims td.note { min-width: 12rem; }
.code { white-space: nowrap; }
.code { color: #59636e; font-size: .85em; }
tr.group-heading th { background: #eaeef2; font-size: 1.05rem; }
"""

# No scripts, nothing loaded from elsewhere (the ClaimReview page uses it too: JSON-LD is data, not a script).
CSP_META = """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"""

_HEAD = (
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
"""
    + CSP_META
    + """
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="covers">{covers}</p>
</header>
<main>
"""
)

_COLUMNS = (
    ("ID", "num"),
    ("Claim", ""),
    ("Source", ""),
    ("Said on", ""),
    ("Confidence", ""),
    ("Status", ""),
    ("Resolved on", ""),
    ("Last change", ""),
    ("Evidence", ""),
    ("Last note", ""),
)


def _html_link(url: str) -> str:
    """A link showing its host, its whole address as a tooltip; an address no URL can carry, as text."""
    target, shown = href(url), textsafe.html_text(url)
    if target is None:
        return shown
    return (
        f'<a href="{textsafe.html_text(target)}" title="{shown}" rel="noopener noreferrer">'
        f"{reportprint.host_text(host(url))}</a>"
    )


def _numbers(out: IO[str], label: str, heads: tuple[str, ...], rows: Iterable[tuple[str, Iterable[object]]]) -> None:
    """A chart's numbers as a table, folded under the chart (its text alternative)."""
    cols = "".join(f'<th scope="col" class="num">{h}</th>' for h in heads[1:])
    out.write(
        f'<details class="numbers">\n<summary>{label}</summary>\n<table>\n'
        f'<thead><tr><th scope="col">{heads[0]}</th>{cols}</tr></thead>\n<tbody>\n'
    )
    for name, values in rows:
        out.write(
            f'<tr><th scope="row">{textsafe.html_text(name)}</th>'
            + "".join(f'<td class="num">{textsafe.html_text(v)}</td>' for v in values)
            + "</tr>\n"
        )
    out.write("</tbody>\n</table>\n</details>\n")


def _last_cell(last: str) -> str:
    """``confirmed 2026-09-10`` with the date kept on one line."""
    what, _, day = last.rpartition(" ")
    return (
        f'<td class="text">{textsafe.html_text(what)} <span class="day">{textsafe.html_text(day)}</span></td>'
        if what
        else _td(last, "text")
    )


def _td(value: object, cls: str = "") -> str:
    return (f'<td class="{cls}">' if cls else "<td>") + textsafe.html_text(value) + "</td>"


class Html:
    """One self-contained page: inline CSS and SVG, no scripts, no outside resources."""

    _grouped = False  # whether the claim table is split into one tbody per group

    def __init__(self) -> None:
        self.notes = reportprint.Notes()  # the evidence links' addresses, printed after the table

    def head(self, out: IO[str], title: str, line: str) -> None:
        shown = textsafe.html_text(title)
        out.write(
            _HEAD.replace("{css}", _CSS + _STATUS_CSS + "\n" + reportprint.css())
            .replace("{title}", shown)
            .replace("{covers}", textsafe.html_text(line))
        )

    def summary(self, out: IO[str], s: Summary) -> None:
        total = s.totals()
        out.write(
            '<section id="summary" aria-labelledby="summary-heading">\n<h2 id="summary-heading">Summary</h2>\n'
            '<div id="totals">\n<h3>By status</h3>\n'
        )
        out.write(charts.status_bar([(status, n) for status, n, _ in total]) + "\n")
        out.write(
            '<table class="totals">\n<thead><tr><th scope="col">Status</th><th scope="col" class="num">Claims</th>'
            '<th scope="col" class="num">Share</th></tr></thead>\n<tbody>\n'
        )
        for status, n, share in total:
            out.write(
                f'<tr><td class="{status}">{status}</td><td class="num">{n}</td><td class="num">{share}</td></tr>\n'
            )
        out.write(
            f'</tbody>\n<tfoot><tr><th scope="row">Total</th><td class="num">{s.total}</td>'
            f'<td class="num">{"100.0%" if s.total else "0.0%"}</td></tr></tfoot>\n</table>\n</div>\n'
        )
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
        rows = [(label, (c, r)) for label, c, r in points if c or r]
        _numbers(out, f"Resolved by {step}, as a table", (step.capitalize(), "Confirmed", "Refuted"), rows)
        out.write(
            f"<figcaption>Claims resolved by {step}: {confirmed} confirmed and {refuted} refuted "
            f"{span(first, last)}.</figcaption>\n</figure>\n"
        )

    def _calibration(self, out: IO[str], s: Summary) -> None:
        brier = s.brier()
        if brier is None:
            return
        n = s.scored()
        bins = [b.as_dict() for b in scoring.calibration_of(s.forecasts)]
        out.write(f'<figure id="calibration">\n<h3>Calibration</h3>\n{charts.calibration(bins)}\n')
        rows = [
            (
                f"{b['low'] * 100:.0f}-{b['high'] * 100:.0f}%",
                (b["count"], percent(b["mean_confidence"]), percent(b["share_confirmed"])),
            )
            for b in bins
            if b["count"]
        ]
        _numbers(out, "Calibration, as a table", ("Stated confidence", "Claims", "Said on average", "Came true"), rows)
        out.write(
            f"<figcaption>Calibration: each point is a band of stated confidence, placed at how often its "
            f"claims came true; on the dashed line, what was said came true as often as stated. {BANDS} "
            f"Brier score {brier:.3f} over {n} resolved claim{'s' if n != 1 else ''} with a stated confidence "
            "(0 is perfect; always saying 50% scores 0.250).</figcaption>\n</figure>\n"
        )

    def _track_record(self, out: IO[str], s: Summary) -> None:
        heads = "".join(
            f'<th scope="col" class="num">{h}</th>'
            for h in ("Claims", *(status.capitalize() for status in STATUSES), "Accuracy", "Brier")
        )
        out.write(
            '<section id="sources" aria-labelledby="track-record-heading">\n<h3 id="track-record-heading">Track record</h3>\n'
            '<div class="scroll" tabindex="0" role="region" aria-label="Track record table">\n'
            '<table id="track-record">\n<caption>Track record over the claims in '
            "this report. Accuracy: the share of resolved claims that were confirmed. Brier score: the mean squared "
            "error of the confidence stated before each claim resolved (lower is better).</caption>\n"
            f'<thead><tr><th scope="col">Source</th><th scope="col">Reliability</th>{heads}</tr></thead>\n<tbody>\n'
        )
        for r in s.records():
            letter = r.reliability or "F"
            numbers = r.numbers()
            out.write(
                f'<tr><th scope="row">{textsafe.html_text(r.name)}</th>'
                f'<td title="{scoring.RELIABILITY[letter]}">{letter}</td>'
                + "".join(f'<td class="num">{v}</td>' for v in numbers)
                + "</tr>\n"
            )
        out.write("</tbody>\n</table>\n</div>\n</section>\n")

    def row(self, claim: dict[str, Any], code: str, resolved: str, group_by: str | None) -> str:
        cid, text, source, said, label, status, resolved, last, links, note = cells(claim, resolved)
        ident = f' id="claim-{cid}"' if group_by != "tag" else ""
        reliability = scoring.RELIABILITY.get(code[0], "")
        return (
            f'<tr{ident} data-claim="{cid}"><td class="num">{cid}</td>{_td(text, "claim")}'
            f'<td class="text">{textsafe.html_text(source)} <span class="code" title="{reliability}">{code}</span></td>'
            f"{_td(said, 'day')}{_td(label, 'text')}{_td(status, 'status ' + status)}{_td(resolved, 'day')}{_last_cell(last)}"
            f'<td class="text evidence">{self.notes.cell(links, _html_link)}</td>{_td(note, "text note")}</tr>\n'
        )

    def table_start(self, out: IO[str], grouped: bool = False) -> None:
        heads = "".join(
            f'<th scope="col" class="{cls}">{name}</th>' if cls else f'<th scope="col">{name}</th>'
            for name, cls in _COLUMNS
        )
        cols = "<col>" * len(_COLUMNS)
        out.write(
            '<section id="claims-section" aria-labelledby="claims-heading">\n<h2 id="claims-heading">Claims</h2>\n'
            '<div class="scroll" tabindex="0" role="region" aria-label="Claims table">\n<table id="claims">\n'
            f"<colgroup>{cols}</colgroup>\n"
            f"<thead><tr>{heads}</tr></thead>\n" + ("" if grouped else "<tbody>\n")
        )
        self._grouped = grouped

    def group(self, out: IO[str], name: str, rows: Iterable[str], count: int) -> None:
        out.write(
            f'<tbody class="group">\n<tr class="group-heading"><th colspan="{len(_COLUMNS)}" scope="rowgroup">'
            f"{textsafe.html_text(name)} ({count})</th></tr>\n"
        )
        out.writelines(rows)
        out.write("</tbody>\n")

    def table_end(self, out: IO[str]) -> None:
        out.write(("" if self._grouped else "</tbody>\n") + "</table>\n</div>\n</section>\n")
        self.notes.write(out)

    def foot(self, out: IO[str], total: int) -> None:
        out.write("</main>\n</body>\n</html>\n")
