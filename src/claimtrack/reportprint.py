"""How the html report prints, and how its evidence hosts wrap: kept apart from ``reporthtml``.

Printed (A4 or Letter, landscape; the paper size is the printer's), the claim table has a fixed
layout with its header repeated on every page; a row does not break across pages, the first row
stays with the header (a group's first with its heading and the next row) and the last with the
row before it, so no page holds a lone row because of a page break. A link's address cannot be
followed on paper, so each evidence link prints as its host and a note number
(``kyivindependent.com [3]``), at most ``SHOWN`` hosts a claim (``and 21 more [7–27]``), and the
full addresses follow the table as numbered notes: a claim with 25 links stays a few lines. On
screen the notes and numbers are hidden (the links carry the addresses).

A host breaks only after a dot (``<wbr>``), never mid-word: ``kyivindependent.<wbr>com``. A part
longer than a DNS label may be (63 letters: hostile data) gets a break every 63 letters, so it
cannot widen the table without bound.

The notes wait in a spooled temporary file (memory up to 1 MB, then TMPDIR), as the rows do in
``report``: memory stays flat however many links a report holds. A link several claims cite is
one note with one number (the seed's 37 links are 27 addresses); the first ``REMEMBERED``
addresses are remembered for that, so a report of a million distinct links still runs in bounded
memory (past them, a repeated address gets a note of its own again).
"""

from __future__ import annotations

import codecs
import contextlib
import tempfile
from collections.abc import Callable, Sequence
from typing import IO

from claimtrack import textsafe
from claimtrack.errors import OutputError

REMEMBERED = 100_000  # addresses kept to give a repeated link its first number
SHOWN = 4  # evidence hosts a claim's printed row shows; the rest are counted (their addresses are in the notes)
LABEL = 63  # the longest part of a host DNS allows; a longer one breaks every LABEL letters
# Printed, the claim table has a fixed layout on the page's width: these shares of it.
WIDTHS = (3.5, 19, 8.5, 8, 8, 7.5, 8, 8.5, 12, 17)

CSS = """
#claims td.evidence a { overflow-wrap: normal; word-break: normal; }  /* hosts break only at <wbr>, after a dot */
.ref, .more-note, .print-only { display: none; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h2, h3 { break-after: avoid; }
  h2 { margin: 1rem 0 .4rem; }
  #summary { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .5rem 1.5rem; }
  thead { display: table-header-group; }
  tr, figure, .chart, #totals { break-inside: avoid; }
  /* the first row stays with the header (and a group's first with its heading and the next row) */
  #claims tbody tr:first-child, tr.group-heading, tr.group-heading + tr { break-after: avoid; }
  #claims tbody tr:last-child { break-before: avoid; }  /* and the last with the row before it */
  p, li { orphans: 2; widows: 2; }
  .scroll { overflow: visible; }
  #claims { table-layout: fixed; font-size: 8.5pt; line-height: 1.3; }
  #claims th, #claims td { padding: .2rem .3rem; }
  a { color: inherit; text-decoration: none; }
  #claims td.evidence a { overflow-wrap: break-word; }  /* a part too wide for the column breaks, not overprints */
  .ref, .more-note { display: inline; }
  .ref, .refs { white-space: nowrap; }
  .more { display: none; }
  .print-only { display: block; }
  #evidence-notes { font-size: 7.5pt; columns: 2; column-gap: 2rem; }
  #evidence-notes ol { margin: 0; padding-left: 3.2em; }
  #evidence-notes li { overflow-wrap: anywhere; break-inside: avoid; }
  thead th, tr.group-heading th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def css() -> str:
    """The evidence and print rules of the page, the column shares included."""
    widths = "".join(f"  #claims col:nth-child({i}) {{ width: {w}%; }}\n" for i, w in enumerate(WIDTHS, start=1))
    return CSS + "@media print {\n" + widths + "}\n"


def host_text(name: str) -> str:
    """A host as HTML that breaks only after its dots (or, in a part over ``LABEL`` letters, every ``LABEL``)."""
    parts = []
    for part in name.split("."):
        pieces = [part[i : i + LABEL] for i in range(0, len(part), LABEL)] or [""]
        parts.append("<wbr>".join(textsafe.html_text(p) for p in pieces))
    return ".<wbr>".join(parts)


class Notes:
    """The evidence links' full addresses, numbered in the order the rows are rendered; written after the table."""

    def __init__(self) -> None:
        self.file: IO[bytes] | None = None
        self.count = 0
        self.numbers: dict[str, int] = {}  # address -> its note's number (the first REMEMBERED)

    def add(self, url: str) -> int:
        known = self.numbers.get(url)
        if known is not None:
            return known
        if self.file is None:
            self.file = tempfile.SpooledTemporaryFile(max_size=1 << 20)
        try:
            self.file.write((textsafe.html_text(url) + "\n").encode("utf-8", "surrogatepass"))
        except OSError as exc:
            raise spool_error("evidence links", exc) from exc
        self.count += 1
        if len(self.numbers) < REMEMBERED:
            self.numbers[url] = self.count
        return self.count

    def cell(self, links: Sequence[str], link: Callable[[str], str]) -> str:
        """A claim's evidence cell: every link on screen; printed, the first ``SHOWN`` hosts with their note numbers."""
        numbers = [self.add(u) for u in links]
        shown = [f'{link(u)}<span class="ref">&nbsp;[{n}]</span>' for u, n in zip(links[:SHOWN], numbers, strict=False)]
        rest = [link(u) for u in links[SHOWN:]]
        if not rest:
            return ", ".join(shown)
        more = f"[{refs(numbers[SHOWN:])}]"
        return (
            ", ".join(shown)
            + f'<span class="more">, {", ".join(rest)}</span>'
            + f'<span class="more-note"> and {len(rest)} more&nbsp;<span class="refs">{more}</span></span>'
        )

    def write(self, out: IO[str]) -> None:
        """The numbered notes (printed only), then the spool is gone; nothing when no claim has evidence."""
        if self.file is None:
            return
        try:
            self.file.seek(0)
            out.write(
                '<section id="evidence-notes" class="print-only" aria-labelledby="evidence-notes-heading">\n'
                '<h2 id="evidence-notes-heading">Evidence links</h2>\n<ol>\n'
            )
            decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
            for line in self.file:
                out.write(f"<li>{decoder.decode(line).rstrip(chr(10))}</li>\n")
            out.write("</ol>\n</section>\n")
        finally:
            with contextlib.suppress(OSError):
                self.file.close()
            self.file = None


def refs(numbers: Sequence[int]) -> str:
    """Note numbers as runs: ``5–25`` for 5 to 25, ``3, 7–9, 12`` when some were given before."""
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in ordered:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def spool_error(what: str, exc: OSError) -> OutputError:
    """The one line for a report whose ``what`` (rows, evidence links) found no room in TMPDIR."""
    where = textsafe.terminal(tempfile.gettempdir())
    return OutputError(
        f"cannot keep the report's {what} in a temporary file in {where}: "
        f"{(exc.strerror or str(exc)).lower()}; free some space there or set TMPDIR to a folder "
        "with room (nothing was written)"
    )
