"""Issue 31 point 3: the html report prints well on A4 and on Letter, and evidence hosts never break mid-word.

Printed with headless Chromium (``--print-to-pdf``, ``--no-pdf-header-footer``) twice, once per
paper size: the report leaves the size to the printer (``@page { size: landscape }``), so each run
adds ``@page { size: A4 landscape }`` or ``Letter landscape`` in a ``<style>`` of its own. Each PDF
is read back word by word with poppler's ``pdftotext -bbox-layout``: a page of the claim table is
one whose words include the header row (``ID`` then ``Claim`` on a line), and the rows on it are
the numbers in the ID column below that header. Each PDF is also drawn by poppler's ``pdftoppm``
(greyscale, 24 dpi): as many pages as ``pdftotext`` read, and the outer strip of every page blank.

The rule checked on every page the claim table runs over, the last included: it starts with the
header row, then straight with a row's first line, or with a group's heading and its first row (no
row broke across the page break: none of these rows is taller than a page), and it holds at least
two rows, so no page holds a lone row because of where a page broke (``tr`` avoids breaking
inside; the first row stays with the header or its group's heading and the next row, the last
with the row before it). The seed (30 claims) prints on at most 8 pages; evidence prints as hosts
with note numbers (``en.interfax.com.ua [1]``) and the full addresses as numbered notes after the
table, so a claim with 25 links stays a few lines; a 500-claim report, plain and grouped by
status, prints by the same rule.

On screen, at 1280 and 390 px, every evidence link's host sits on one line or breaks only after a
dot: measured in the browser with ``Range.getClientRects()`` per character by a script added to a
copy of the page (the report itself forbids scripts by CSP: the copy drops that meta), read back
with ``--dump-dom``.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import SEED_CLAIMS
from test_report_browser import DATE, ONLY_DEFAULT_PASS, TIMEOUT, Database, _chromium, browser, home

__all__ = ["browser", "home"]  # fixtures shared with the browser tests

pytestmark = [pytest.mark.sqlite_only, ONLY_DEFAULT_PASS]

PAPERS = {"a4": "A4 landscape", "letter": "Letter landscape"}
SEED_PAGES = 8  # the most pages the seed (30 claims) may print on
MANY_LINKS = 25  # evidence links of one claim in the 500-claim report
HEADER_WORDS = {
    "ID",
    "Claim",
    "Source",
    "Said",
    "on",
    "Confidence",
    "Status",
    "Resolved",
    "Last",
    "change",
    "Evidence",
    "note",
}
LONG_HOST = "https://www.koreajoongangdaily.joins.com/news/2025-04-29/national/northKorea/a"


# ---- the reports ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory, home: Path) -> Path:
    """``claimtrack init --seed`` exported as html, as a reader would."""
    db = Database(tmp_path_factory.mktemp("seed") / "claims.db")
    db.run("init", "--seed")
    assert len(db.ids()) == SEED_CLAIMS
    out = db.path.parent / "seed.html"
    db.run("export", "--format", "html", "--date", DATE, "--output", str(out))
    return out


@pytest.fixture(scope="module")
def big_report(tmp_path_factory: pytest.TempPathFactory, home: Path) -> tuple[Path, Path, int]:
    """The seed plus 471 imported claims (500 in all), of every status, short and long, some with
    evidence, one with 25 evidence links; the report, the report grouped by status and that claim's id."""
    folder = tmp_path_factory.mktemp("big")
    db = Database(folder / "claims.db")
    db.run("init", "--seed")
    statuses = ("unverified", "confirmed", "refuted", "disputed")
    more = 500 - SEED_CLAIMS
    with open(folder / "more.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "source", "status", "confidence", "tags", "said_on"])
        for n in range(more):
            words = " and so on" * (n % 6) * 4  # up to 200 more letters: rows of different heights
            writer.writerow(
                [
                    f"Bulk claim {n}: a sentence about what someone said would happen{words}.",
                    f"Outlet {n % 11}",
                    statuses[n % 4],
                    f"{(n % 9 + 1) / 10}",
                    f"bulk,b{n % 5}",
                    f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                ]
            )
    db.run("import", str(folder / "more.csv"))
    ids = db.ids()
    assert len(ids) == 500
    many = ids[SEED_CLAIMS + 100]  # not the last row: the notes follow that one
    for n in range(MANY_LINKS):
        db.run(
            "note", str(many), f"source {n}", "--at", "2025-01-02", "--evidence", f"https://site{n}.example.org/p/{n}"
        )
    for cid in ids[SEED_CLAIMS : SEED_CLAIMS + 60 : 3]:
        db.run("note", str(cid), "seen", "--at", "2025-01-03", "--evidence", f"{LONG_HOST}{cid}")
    out, grouped = folder / "big.html", folder / "big-by-status.html"
    db.run("export", "--format", "html", "--date", DATE, "--output", str(out))
    db.run("export", "--format", "html", "--date", DATE, "--group-by", "status", "--output", str(grouped))
    return out, grouped, many


# ---- printing and reading back -------------------------------------------------------------------


@dataclass
class Page:
    """One printed page: its size, its words (x0, y0, x1, y1, text) and, on a page of the claim
    table, the header's bottom and the ids of the rows that start on it with their tops."""

    width: float
    height: float
    words: list[tuple[float, float, float, float, str]]
    header_bottom: float | None = None
    rows: list[tuple[int, float]] = field(default_factory=list)
    inked_margins: str = ""  # sides of the rendered page (pdftoppm) whose outer strip holds ink

    @property
    def text(self) -> str:
        return " ".join(w[4] for w in self.words)


def _poppler(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {name} is missing: .ci/run installs poppler-utils")
        pytest.skip(f"no {name} on PATH; apt-get install poppler-utils")
    return found


def _print(browser: str, page: Path, paper: str, workdir: Path) -> list[Page]:
    """The report printed on ``paper`` (``A4 landscape``), read back page by page."""
    copy = workdir / f"{page.stem}-{paper.split()[0].lower()}.html"
    source = page.read_text(encoding="utf-8")
    copy.write_text(source.replace("</head>", f"<style>@page {{ size: {paper}; }}</style>\n</head>", 1), "utf-8")
    pdf = copy.with_suffix(".pdf")
    _chromium(browser, workdir, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", copy.as_uri())
    xhtml = subprocess.run(
        [_poppler("pdftotext"), "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    ).stdout
    pages = []
    for width, height, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xhtml, re.S):
        words = [
            (float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body
            )
        ]
        pages.append(_table_rows(Page(float(width), float(height), words)))
    images = _rendered(pdf, workdir)
    assert len(images) == len(pages), f"pdftoppm drew {len(images)} pages, pdftotext read {len(pages)}"
    for page, image in zip(pages, images, strict=True):
        page.inked_margins = _inked_margins(image)
    return pages


MARGIN_STRIP = 0.025  # of the page's width or height: inside the 12 mm margin on A4 and Letter alike


def _rendered(pdf: Path, workdir: Path) -> list[Path]:
    """Every page drawn by poppler's ``pdftoppm`` as a small greyscale image (binary PGM)."""
    prefix = workdir / f"{pdf.stem}-page"
    subprocess.run([_poppler("pdftoppm"), "-r", "24", "-gray", str(pdf), str(prefix)], timeout=TIMEOUT, check=True)
    return sorted(workdir.glob(f"{prefix.name}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def _inked_margins(image: Path) -> str:
    """The sides (l, r, b) whose outer strip is not blank paper: what a layout too wide or too long
    for the page draws there (the table's right-hand columns cut off, a row run into the edge)."""
    data = image.read_bytes()
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    w, h = int(width), int(height)
    strip_w, strip_h = max(1, int(w * MARGIN_STRIP)), max(1, int(h * MARGIN_STRIP))

    def inked(xs: range, ys: range) -> bool:
        return any(pixels[y * w + x] < 200 for y in ys for x in xs)

    sides = {
        "l": inked(range(strip_w), range(h)),
        "r": inked(range(w - strip_w, w), range(h)),
        "b": inked(range(w), range(h - strip_h, h)),
    }
    return "".join(side for side, ink in sides.items() if ink)


def _table_rows(page: Page) -> Page:
    """Find the claim table's header row on the page (``ID`` with ``Claim`` just right of it on its
    line, ``Evidence`` further on) and the row ids in the ID column below it."""
    for x0, y0, x1, y1, text in page.words:
        if text != "ID":
            continue
        line = [w for w in page.words if abs(w[1] - y0) < 1 and w[0] > x0]
        beside = [w for w in line if w[4] == "Claim" and 0 < w[0] - x1 < 40]
        if not beside or "Evidence" not in {w[4] for w in line}:
            continue
        claim_x, reach = beside[0][0], y0 + 2.5 * (y1 - y0)  # labels wrap to two lines at most
        labels = [w for w in page.words if y0 - 1 < w[1] < reach and w[0] >= x0 and w[4] in HEADER_WORDS]
        page.header_bottom = max(w[3] for w in labels)
        page.rows = [
            (int(w[4]), w[1]) for w in page.words if w[4].isdigit() and w[2] <= claim_x and w[1] > page.header_bottom
        ]
        return page
    return page


def _check_pages(pages: list[Page], ids: int) -> list[Page]:
    """The rule of this module, on every page the claim table runs over; those pages. And on every
    page, as poppler's ``pdftoppm`` draws it, the outer strips of paper stay blank: nothing is cut
    off at the right or run into the bottom edge."""
    inked = [(n, p.inked_margins) for n, p in enumerate(pages, start=1) if p.inked_margins]
    assert not inked, f"ink in the margins (page, sides): {inked}"
    table = [p for p in pages if p.header_bottom is not None]
    assert table, "no page shows the claim table's header row"
    first = pages.index(table[0])
    assert pages[first : first + len(table)] == table, "a page of the claim table has no header row"
    seen = [cid for p in table for cid, _ in p.rows]
    assert len(seen) == ids and len(set(seen)) == ids, f"{len(set(seen))} rows of {ids} found in the table"
    for number, p in enumerate(table, start=first + 1):
        assert len(p.rows) >= 2, f"page {number} holds {len(p.rows)} row(s): {[cid for cid, _ in p.rows]}"
        below = [w for w in p.words if w[1] > p.header_bottom]
        top = min(w[1] for w in below)
        first = min(y for _, y in p.rows)
        heading = " ".join(w[4] for w in sorted(below) if abs(w[1] - top) < 1.5)
        if re.fullmatch(r"\w+ \(\d+\)", heading):  # a group's heading (grouped by status), its first row below
            top = min(w[1] for w in below if w[1] > top + 1.5)
        assert abs(first - top) < 1.5, f"page {number} starts with the rest of a row broken across pages"
    return table


# ---- the tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS.values(), ids=PAPERS.keys())
def test_seed_prints_on_few_pages_without_lone_rows(
    browser: str, seed_report: Path, tmp_path: Path, paper: str
) -> None:
    pages = _print(browser, seed_report, paper, tmp_path)
    size = {"A4 landscape": (842, 595), "Letter landscape": (792, 612)}[paper]
    assert all(abs(p.width - size[0]) < 1 and abs(p.height - size[1]) < 1 for p in pages), paper
    assert len(pages) <= SEED_PAGES, f"the seed prints on {len(pages)} pages"
    _check_pages(pages, SEED_CLAIMS)

    text = " ".join(p.text for p in pages)
    url = "https://en.interfax.com.ua/news/general/865264.html"  # claim 1's first evidence link
    tail = text.split("Evidence links", 1)
    assert len(tail) == 2, "no numbered evidence notes after the table"
    assert "en.interfax.com.ua [1]" in re.sub(r"\.\s+", ".", tail[0])  # (a host wraps after a dot)
    assert url not in tail[0].replace(" ", ""), "a full address printed inside the table"
    assert "1. " + url in tail[1].replace("- ", "-"), "the first note is the first evidence link, in full"


@pytest.mark.parametrize(
    ("paper", "grouped"),
    [(PAPERS["a4"], False), (PAPERS["letter"], False), (PAPERS["letter"], True)],
    ids=["a4", "letter", "letter-by-status"],
)
def test_500_claims_print_by_the_same_rule(
    browser: str, big_report: tuple[Path, Path, int], tmp_path: Path, paper: str, grouped: bool
) -> None:
    plain, by_status, many = big_report
    report = by_status if grouped else plain
    pages = _print(browser, report, paper, tmp_path)
    table = _check_pages(pages, 500)
    where = next(p for p in table if many in [cid for cid, _ in p.rows])
    tops = sorted(y for _, y in where.rows)
    mine = dict(where.rows)[many]
    bottom = min([y for y in tops if y > mine], default=max(w[3] for w in where.words if w[1] >= mine))
    assert bottom - mine < where.height / 5, f"the claim with {MANY_LINKS} links takes {bottom - mine:.0f} pt"
    notes = " ".join(p.text for p in pages[pages.index(table[-1]) :]).split("Evidence links", 1)[1]
    assert all(f"https://site{n}.example.org/p/{n}" in notes for n in range(MANY_LINKS))


_MEASURE = """<script>
const measured = [];
for (const link of document.querySelectorAll("#claims td a")) {
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  const lines = [];
  let node, top = null;
  while ((node = walker.nextNode())) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top === null || Math.abs(box.top - top) > 2) { lines.push(""); top = box.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  measured.push(lines);
}
const out = document.createElement("pre");
out.id = "measured";
out.textContent = JSON.stringify(measured);
document.body.append(out);
</script>
"""


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_evidence_hosts_break_only_after_a_dot(
    browser: str, big_report: tuple[Path, Path, int], tmp_path: Path, width: int
) -> None:
    report, _, _ = big_report
    page = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", report.read_text(encoding="utf-8"))
    copy = tmp_path / "measured.html"
    copy.write_text(page.replace("</body>", _MEASURE + "</body>", 1), encoding="utf-8")
    dom = _chromium(browser, tmp_path, f"--window-size={width},1000", "--dump-dom", copy.as_uri()).decode()
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run"
    links = json.loads(html.unescape(found.group(1)))
    assert len(links) >= MANY_LINKS + 20, f"{len(links)} evidence links measured"
    assert any("koreajoongangdaily." in "".join(lines) for lines in links)
    broken = [lines for lines in links if any(not line.endswith(".") for line in lines[:-1])]
    assert not broken, f"hosts broken mid-word at {width} px: {broken[:5]}"


def test_host_breaks_only_after_a_dot_or_every_label_length() -> None:
    """The markup behind the browser checks: ``<wbr>`` after each dot; a part longer than DNS
    allows (hostile data) also every 63 letters; everything escaped."""
    from claimtrack import reportprint

    assert reportprint.host_text("kyivindependent.com") == "kyivindependent.<wbr>com"
    assert reportprint.host_text("a<b>.org") == "a&lt;b&gt;.<wbr>org"
    long = reportprint.host_text("x" * 130 + ".example.org").split("<wbr>")
    assert long == ["x" * 63, "x" * 63, "x" * 4 + ".", "example.", "org"]


def test_a_link_several_claims_cite_is_one_note() -> None:
    """The seed cites 27 addresses 37 times; each printed note numbered once: a repeated link
    takes its first number, and a claim's "and N more" lists its numbers as runs."""
    import io

    from claimtrack import reportprint

    notes = reportprint.Notes()
    first = notes.cell(["https://a.example/1", "https://b.example/2"], str)
    again = notes.cell(
        ["https://c.example/3", "https://b.example/2", *(f"https://d.example/{n}" for n in range(5))], str
    )
    assert "[1]" in first and "[2]" in first
    assert 'https://b.example/2<span class="ref">&nbsp;[2]</span>' in again  # its first number, not a new one
    assert 'and 3 more&nbsp;<span class="refs">[6–8]</span>' in again
    out = io.StringIO()
    notes.write(out)
    listed = re.findall(r"<li>(.*?)</li>", out.getvalue())
    assert listed == ["https://a.example/1", "https://b.example/2", "https://c.example/3"] + [
        f"https://d.example/{n}" for n in range(5)
    ]
    assert reportprint.refs([9, 3, 4, 5, 12, 11]) == "3–5, 9, 11–12"


def test_the_notes_remember_a_bounded_number_of_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``REMEMBERED`` addresses a repeated link gets a note of its own: memory stays bounded."""
    from claimtrack import reportprint

    monkeypatch.setattr(reportprint, "REMEMBERED", 2)
    notes = reportprint.Notes()
    assert [notes.add(u) for u in ("a", "b", "c", "a", "c")] == [1, 2, 3, 1, 4]
    assert len(notes.numbers) == 2
