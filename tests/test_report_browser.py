"""Issue 14's acceptance: the html report rendered in a real headless Chromium, and parsed strictly.

Covers: ``--dump-dom`` of the rendered page shows the header, the summary block (totals with the
status bar, resolved over time, per-source track record with accuracy and Brier, calibration)
before the claim table, and a row (``data-claim``) for every claim in the database; hostile text
(``<script>``, ``"><img onerror>``, ``<b>`` and quotes in a source name, an ``<iframe>`` note, a
``<svg onload>`` tag, an evidence URL carrying ``"><script>``, a ``javascript:`` evidence URL
written straight into the database since the CLI refuses it, RTL override and zero-width space)
shows as text and injects no element, no ``on*`` attribute and no non-http(s) link, and the page
forbids scripts by CSP; ``--screenshot`` at desktop and phone sizes gives a PNG that is not blank
and shows the status bar, a solid confirmed segment running into a refuted one (decoded with the
standard library: zlib and the five PNG row filters, checked against an encoder);
``--print-to-pdf`` of ~100 claims gives several pages, each page of the claim table starting with its
header row (read back with ``pdftotext``); the exported file, plain and with each
``--group-by``, parses with ``html5lib`` in strict mode.

The browser is ``chromium`` (Debian's package; ``.ci/run`` installs it), ``chromium-browser`` or
``google-chrome``. Without one these tests skip, except when ``CI=true``: CI must run them, so
there a missing browser fails. Every browser run has its own profile directory and a timeout
(a hung browser fails its test and its process group is killed); nothing sleeps.

The data is one SQLite file built once for the module through the CLI (the ``javascript:`` URL
goes in with ``sqlite3``, so the module is ``sqlite_only``), and each page is rendered once and
shared by the tests that read it. The browser tests check the html, not the store, so they run in
the suite's default pass only, not again when ``.ci/run`` repeats the suite through SQLAlchemy
(the strict html5lib parses, which take no browser, do run there).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest
from html5lib.html5parser import ParseError
from typer.testing import CliRunner

from claimtrack import textsafe
from claimtrack.cli import app
from claimtrack.hrefs import href
from conftest import SEED_CLAIMS

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT = 90  # seconds for one browser run; a healthy one takes one or two
TITLE = 'Track record <i>2023</i> & "friends"'
DATE = "2026-01-02"
CONFIRMED, REFUTED = (0x1F, 0x63, 0xC6), (0xCF, 0x5A, 0x12)  # the status bar's colours (palette.COLOURS)

HOSTILE_SOURCE = 'Evil <b>bold</b> "quoted" source'
HOSTILE_TAG = "<svg-onload=alert(1)>"  # the CLI turns the space of "<svg onload=...>" into "-"
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": '"><img src=x onerror=alert(1)>',
    "bidi": "Invoice \u202efdp.exe from The\u200bBell",
    "iframe_note": "<iframe src=javascript:alert(1)>",
}
EVIDENCE = 'https://example.org/a?q="><script>alert(1)</script>&x=1'
PROOF = "https://example.org/proof?id=1&x=2"

pytestmark = pytest.mark.sqlite_only
ONLY_DEFAULT_PASS = pytest.mark.skipif(
    os.environ.get("CLAIMTRACK_READ_DRIVER", "").strip().lower() == "sqlalchemy",
    reason="the browser tests check the html report, not the store: they run in the default SQLite pass",
)


# ---- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> str:
    """The headless browser to drive: skipped without one, except on CI, where that is a failure."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but no headless browser found ({', '.join(BROWSERS)}): .ci/run installs chromium")
    pytest.skip(f"no headless browser on PATH ({', '.join(BROWSERS)}); apt-get install chromium")


def _chromium(browser: str, workdir: Path, *args: str) -> bytes:
    """Run the browser headless on ``args`` with a fresh profile; its stdout. A hang fails the test."""
    workdir.mkdir(parents=True, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="profile-", dir=workdir)
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        *args,
    ]
    if os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "HOME": str(workdir)},
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the group this call started: the browser and its helpers
        proc.communicate()
        pytest.fail(f"the browser did not finish within {TIMEOUT} s: {' '.join(command)}")
    assert proc.returncode == 0, f"{' '.join(command)} exited {proc.returncode}: {err.decode(errors='replace')[-3000:]}"
    return out


# ---- the data ------------------------------------------------------------------------------------


class Database:
    """A SQLite file driven through the CLI in-process (``--db``), and the reports made from it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.runner = CliRunner()

    def run(self, *args: str) -> str:
        result = self.runner.invoke(app, ["--db", str(self.path), *args], catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    def add(self, *args: str) -> int:
        return json.loads(self.run("add", *args, "--format", "json"))[0]["id"]

    def ids(self) -> list[int]:
        return [int(line) for line in self.run("list", "--format", "ids").split()]

    def claims(self) -> list[dict[str, Any]]:
        return json.loads(self.run("list", "--format", "json"))

    def export(self, out: Path, *args: str) -> Path:
        self.run("export", "--format", "html", "--title", TITLE, "--date", DATE, "--output", str(out), *args)
        return out


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A home directory of the module's own while its databases are built."""
    path = tmp_path_factory.mktemp("browser-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(path))
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            patch.setenv(var, str(path / var.lower()))
        yield path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, home: Path) -> tuple[Database, dict[str, int]]:
    """The seed plus hostile claims, a refuted and a confirmed one with evidence, and a
    ``javascript:`` evidence URL the CLI would refuse, written into the event table by hand."""
    db = Database(tmp_path_factory.mktemp("hostile") / "claims.db")
    db.run("init", "--seed")
    ids = {
        "script": db.add(
            HOSTILE["script"],
            "--source",
            HOSTILE_SOURCE,
            "--confidence",
            "0.8",
            "--tag",
            HOSTILE_TAG,
            "--tag",
            "hostile",
            "--said-on",
            "2023-02-20",
        ),
        "img": db.add(HOSTILE["img"], "--source", HOSTILE_SOURCE, "--confidence", "0.3", "--tag", "hostile"),
        "bidi": db.add(HOSTILE["bidi"], "--source", "Mirror", "--confidence", "0.6", "--said-on", "2023-02-21"),
    }
    db.run("refute", str(ids["script"]), "--at", "2023-04-01", "--note", "checked", "--evidence", EVIDENCE)
    db.run("note", str(ids["script"]), HOSTILE["iframe_note"])  # after the refutation: the last note
    db.run("confirm", str(ids["bidi"]), "--at", "2023-03-01", "--note", "seen", "--evidence", PROOF)
    conn = sqlite3.connect(db.path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO event (claim_id, at, recorded_at, kind, note, evidence_url) "
                "VALUES (?, ?, ?, 'note', ?, ?)",
                (ids["img"], "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "link by hand", "javascript:alert(1)"),
            )
    finally:
        conn.close()
    return db, ids


@pytest.fixture(scope="module")
def long_report(tmp_path_factory: pytest.TempPathFactory, home: Path) -> Path:
    """The seed plus 80 imported claims, every status: a report that prints on several pages."""
    folder = tmp_path_factory.mktemp("long")
    db = Database(folder / "claims.db")
    db.run("init", "--seed")
    statuses = ("unverified", "confirmed", "refuted", "disputed")
    with open(folder / "more.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "source", "status", "confidence", "tags", "said_on"])
        for n in range(80):
            writer.writerow(
                [
                    f"Imported claim number {n}: a sentence long enough to wrap over more than one "
                    f"line in a narrow table column, as real claims do.",
                    f"Desk {n % 7}",
                    statuses[n % 4],
                    f"{(n % 9 + 1) / 10}",
                    f"batch,t{n % 5}",
                    f"2023-{n % 12 + 1:02d}-15",
                ]
            )
    db.run("import", str(folder / "more.csv"))
    assert len(db.ids()) == SEED_CLAIMS + 80
    return db.export(folder / "long.html")


@pytest.fixture(scope="module")
def report(hostile: tuple[Database, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db, _ = hostile
    return db.export(tmp_path_factory.mktemp("report") / "report.html")


@pytest.fixture(scope="module")
def rendered(browser: str, report: Path, tmp_path_factory: pytest.TempPathFactory) -> Element:
    """The page as Chromium built it (``--dump-dom``), parsed."""
    dom = _chromium(browser, tmp_path_factory.mktemp("dom"), "--dump-dom", report.as_uri())
    return html5lib.parse(dom.decode("utf-8"), namespaceHTMLElements=False)


# ---- reading a parsed page -----------------------------------------------------------------------


def _name(tag: Any) -> str:
    """An element's local name (``svg`` for ``{http://www.w3.org/2000/svg}svg``); '' for comments."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _elements(root: Element) -> list[Element]:
    return [e for e in root.iter() if _name(e.tag)]


def _by_id(root: Element, ident: str) -> Element:
    found = [e for e in root.iter() if e.get("id") == ident]
    assert len(found) == 1, f"expected one element with id={ident!r}, found {len(found)}"
    return found[0]


def _classes(e: Element) -> set[str]:
    return set((e.get("class") or "").split())


def _find(root: Element, name: str, *classes: str) -> list[Element]:
    return [e for e in root.iter() if _name(e.tag) == name and set(classes) <= _classes(e)]


def _text(e: Element) -> str:
    return "".join(e.itertext())


def _rows(root: Element) -> list[Element]:
    """The claim rows of the claim table."""
    return [tr for tr in _find(_by_id(root, "claims"), "tr") if tr.get("data-claim") is not None]


def _row(root: Element, cid: int) -> Element:
    rows = [tr for tr in _rows(root) if tr.get("data-claim") == str(cid)]
    assert len(rows) == 1, f"claim {cid}: {len(rows)} rows"
    return rows[0]


# ---- what Chromium shows -------------------------------------------------------------------------


@ONLY_DEFAULT_PASS
def test_rendered_page_shows_summary_charts_and_every_claim(
    rendered: Element, hostile: tuple[Database, dict[str, int]]
) -> None:
    db, _ = hostile
    header = _find(rendered, "header")
    assert header, "no <header>"
    assert [_text(h) for h in _find(header[0], "h1")] == [TITLE]
    covers = _find(header[0], "p", "covers")
    assert covers and f"Made {DATE}." in _text(covers[0])

    order = _elements(rendered)
    summary, claims = _by_id(rendered, "summary"), _by_id(rendered, "claims")
    assert _name(summary.tag) == "section" and _name(claims.tag) == "table"
    assert order.index(summary) < order.index(claims), "the summary block comes before the claim table"

    totals = _by_id(summary, "totals")
    assert _find(totals, "svg", "chart", "status-bar"), "no status bar in #totals"
    assert _find(totals, "table"), "no totals table in #totals"
    assert _find(_by_id(summary, "resolved-over-time"), "svg", "chart", "resolved-over-time")
    assert _find(_by_id(summary, "calibration"), "svg", "chart", "calibration")

    record = _by_id(summary, "track-record")
    heads = " ".join(_text(th).lower() for th in _find(record, "th"))
    assert "accuracy" in heads and "brier" in heads
    body_rows = [tr for body in _find(record, "tbody") for tr in _find(body, "tr")]
    sources = {c["source"] for c in db.claims()}
    assert len(body_rows) == len(sources), "one track-record row per source"
    shown = "\n".join(_text(tr) for tr in body_rows)
    assert all(textsafe.terminal(s) in shown for s in sources)

    ids = db.ids()
    rows = _rows(rendered)
    assert sorted(int(tr.get("data-claim")) for tr in rows) == sorted(ids), "one row per claim, each once"
    assert all(tr.get("id") == f"claim-{tr.get('data-claim')}" for tr in rows)


@ONLY_DEFAULT_PASS
def test_hostile_text_stays_text_in_the_rendered_page(
    rendered: Element, hostile: tuple[Database, dict[str, int]]
) -> None:
    _, ids = hostile
    forbidden = {"script", "img", "image", "iframe", "frame", "object", "embed", "link", "base", "foreignobject"}
    for e in _elements(rendered):
        assert _name(e.tag) not in forbidden, f"<{_name(e.tag)}> in the page"
        for attr, value in e.attrib.items():
            assert not _name(attr).startswith("on"), f"<{_name(e.tag)} {attr}=...> in the page"
            assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (attr, value)
    links = [a for a in _find(rendered, "a") if a.get("href") is not None]
    assert links, "the evidence links are links"
    for a in links:
        assert re.match(r"https?://", a.get("href")), a.get("href")
        assert {"noopener", "noreferrer"} <= set(a.get("rel", "").split())
        assert a.get("href") == href(a.get("title")), "the href is the address shown as its title, encoded"

    csp = [
        m.get("content", "")
        for m in _find(rendered, "meta")
        if (m.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert csp, "no Content-Security-Policy meta"
    policy = dict((d.split() + [""])[:2] for d in csp[0].split(";") if d.strip())
    assert policy.get("script-src", policy.get("default-src")) == "'none'", csp[0]

    in_table = set(_by_id(rendered, "claims").iter())
    assert all(a in in_table for a in links), "nothing but evidence in the claim table is a link"

    script = _text(_row(rendered, ids["script"]))
    assert HOSTILE["script"] in script and HOSTILE_SOURCE in script and HOSTILE["iframe_note"] in script
    assert HOSTILE["img"] in _text(_row(rendered, ids["img"]))
    bidi = _text(_row(rendered, ids["bidi"]))
    assert "Invoice \\u202efdp.exe from The\\u200bBell" in bidi  # shown as escapes, as textsafe.html_text does
    assert textsafe.terminal(HOSTILE["bidi"]) in bidi
    everything = _text(rendered)
    assert "\u202e" not in everything and "\u200b" not in everything

    hrefs = {a.get("href"): _text(a) for a in _row(rendered, ids["script"]).iter() if _name(a.tag) == "a"}
    assert hrefs == {href(EVIDENCE): "example.org"}, "the evidence URL is one attribute, shown by its host"
    assert not [a for a in _row(rendered, ids["img"]).iter() if _name(a.tag) == "a"], "javascript: is no link"
    assert "javascript:alert(1)" not in _text(_row(rendered, ids["img"]))


# ---- what Chromium draws -------------------------------------------------------------------------


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * bpp
    assert len(raw) == height * (stride + 1)
    rows, prev = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        prev = _unfilter(raw[start], raw[start + 1 : start + 1 + stride], prev, bpp)
        rows.append(prev if bpp == 3 else b"".join(prev[i : i + 3] for i in range(0, stride, 4)))
    return width, height, rows


def _unfilter(kind: int, line: bytes, prev: bytes, bpp: int) -> bytes:
    """Undo one PNG row filter (None, Sub, Up, Average, Paeth), with shortcuts for blank rows."""
    n = len(line)
    if kind == 0:
        return line
    if kind in (2, 4) and not any(line) and (kind == 2 or prev == prev[:bpp] * (n // bpp)):
        return prev  # nothing added to the row above (for Paeth: a one-colour row above)
    if kind == 2:  # byte-wise sums modulo 256 at once, on one big integer with the carries masked off
        a, b = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
        low, high = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
        return (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(n, "big")
    out = bytearray(line)
    if kind == 1:
        for i in range(bpp, n):
            out[i] = (out[i] + out[i - bpp]) & 0xFF
    elif kind == 3:
        for i in range(n):
            out[i] = (out[i] + (((out[i - bpp] if i >= bpp else 0) + prev[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(n):
            a, c = (out[i - bpp], prev[i - bpp]) if i >= bpp else (0, 0)
            b = prev[i]
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    else:
        raise AssertionError(f"PNG filter type {kind}")
    return bytes(out)


def _filter(kind: int, row: bytes, prev: bytes, bpp: int) -> bytes:
    """PNG's row filters the straightforward way, to check ``_unfilter`` against."""

    def paeth(a: int, b: int, c: int) -> int:
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        return a if pa <= pb and pa <= pc else b if pb <= pc else c

    left = [row[i - bpp] if i >= bpp else 0 for i in range(len(row))]
    upleft = [prev[i - bpp] if i >= bpp else 0 for i in range(len(row))]
    predict = {
        0: lambda i: 0,
        1: lambda i: left[i],
        2: lambda i: prev[i],
        3: lambda i: (left[i] + prev[i]) // 2,
        4: lambda i: paeth(left[i], prev[i], upleft[i]),
    }[kind]
    return bytes((row[i] - predict(i)) & 0xFF for i in range(len(row)))


def _png(width: int, height: int, rows: list[bytes], bpp: int) -> bytes:
    """A PNG of ``rows`` (RGB or RGBA bytes) with every filter type used in turn."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw, prev = b"", bytes(width * bpp)
    for y, row in enumerate(rows):
        raw += bytes([y % 5]) + _filter(y % 5, row, prev, bpp)
        prev = row
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if bpp == 3 else 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("bpp", [3, 4])
def test_png_reader_undoes_every_filter(bpp: int) -> None:
    """The decoder the screenshot checks rely on, against every filter, blank rows included."""
    width, height = 7, 25
    rows = [bytes((x * 37 + y * 91 + (x * y) % 13) & 0xFF for x in range(width * bpp)) for y in range(height)]
    rows[10:15] = [bytes([200, 30, 60, 255][:bpp] * width)] * 5  # one-colour rows: the shortcuts
    width_, height_, got = _png_pixels(_png(width, height, rows, bpp))
    assert (width_, height_) == (width, height)
    assert got == [b"".join(r[i : i + 3] for i in range(0, len(r), bpp)) for r in rows]


def _runs(row: bytes, colour: tuple[int, int, int], size: int) -> list[tuple[int, int]]:
    """The runs (first pixel, pixel after the last) of at least ``size`` pixels of exactly ``colour``."""
    pixel, runs, i = bytes(colour), [], row.find(bytes(colour))
    while i >= 0:
        if i % 3 == 0:
            x = i // 3
            if runs and runs[-1][1] == x:
                runs[-1] = (runs[-1][0], x + 1)
            else:
                runs.append((x, x + 1))
        i = row.find(pixel, i + 1)
    return [r for r in runs if r[1] - r[0] >= size]


def _stacked_bar(
    rows: list[bytes], left: tuple[int, int, int], right: tuple[int, int, int], size: int = 6, right_size: int = 0
) -> bool:
    """Whether a segment of ``left`` runs straight into one of ``right`` (a pixel or two of blending
    between them), both at least ``size`` pixels wide, on ``size`` rows in a row: the stacked status
    bar. Antialiased text has no such blocks; chart legends and bars stand apart. ``right_size``
    (default ``size``): the least width of the ``right`` run, less for a hatched segment, whose
    solid colour shows whole only at its edges (``palette.INSET``)."""
    height = 0
    for row in rows:
        ends = {end for _, end in _runs(row, left, size)}
        touching = any(start - gap in ends for start, _ in _runs(row, right, right_size or size) for gap in (0, 1, 2))
        height = height + 1 if touching else 0
        if height >= size:
            return True
    return False


@ONLY_DEFAULT_PASS
@pytest.mark.parametrize(("width", "height"), [(1280, 1600), (390, 1200)], ids=["desktop", "phone"])
def test_screenshot_is_not_blank_and_shows_the_status_bar(
    browser: str, report: Path, tmp_path: Path, width: int, height: int
) -> None:
    shot = tmp_path / "shot.png"
    _chromium(browser, tmp_path, f"--window-size={width},{height}", f"--screenshot={shot}", report.as_uri())
    assert shot.is_file() and shot.stat().st_size > 0
    got_width, got_height, rows = _png_pixels(shot.read_bytes())
    assert (got_width, got_height) == (width, height)

    colours: dict[bytes, int] = {}
    for row in rows:
        for i in range(0, len(row), 3):
            colours[row[i : i + 3]] = colours.get(row[i : i + 3], 0) + 1
    background = max(colours.values())
    assert len(colours) >= 50, f"only {len(colours)} colours: a blank page"
    assert width * height - background >= width * height // 100, "almost every pixel is the background"
    bar = _stacked_bar(rows, CONFIRMED, REFUTED, right_size=3)  # refuted is hatched: solid at its edges
    assert bar, "no status bar: a confirmed segment (#1f63c6) running into a refuted one (#cf5a12)"


@ONLY_DEFAULT_PASS
def test_long_report_prints_on_several_pages(browser: str, long_report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    _chromium(
        browser,
        tmp_path,
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",
        f"--print-to-pdf={pdf}",
        long_report.as_uri(),
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    assert pages >= 3, f"{pages} pages for 103 claims: the page is cut off, not printed"


def test_printed_table_repeats_its_header_on_every_page(browser: str, long_report: Path, tmp_path: Path) -> None:
    """Printed, every page the claim table runs over starts with its header row, and no claim
    text is cut off at the page's right edge (read back with poppler's ``pdftotext``)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but pdftotext is missing: .ci/run installs poppler-utils")
        pytest.skip("no pdftotext on PATH; apt-get install poppler-utils")
    pdf = tmp_path / "report.pdf"
    _chromium(browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", long_report.as_uri())
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=TIMEOUT, check=True
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    header = re.compile(
        r"^\s*ID\s+Claim\s+Source\s+Said on\s+Confidence\s+Status\s+Resolved\s+Last\s+Evidence\s+Last note", re.M
    )
    first = next(i for i, page in enumerate(pages) if header.search(page))
    # The pages holding claim rows (the evidence notes follow the table, on a page of their own or not).
    table_pages = [
        (n, page) for n, page in enumerate(pages[first:], start=first + 1) if "Imported claim number" in page
    ]
    assert len(table_pages) >= 2, "the claim table should run over several pages"
    for number, page in table_pages:
        assert header.search(page), f"page {number} does not start with the claim table's header row:\n{page[:400]}"
    assert all(f"Imported claim number {n}:" in text for n in range(0, 80, 7))


# ---- the file as written -------------------------------------------------------------------------


def _strict_parse(page: str) -> Element:
    """The page parsed by html5lib in strict mode: any parse error fails, all of them listed."""
    try:
        return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    except ParseError:
        lenient = html5lib.HTMLParser(namespaceHTMLElements=False)
        lenient.parse(page)
        pytest.fail(f"html5lib parse errors: {lenient.errors}")


@pytest.mark.parametrize("group", [None, "status", "source", "tag"])
def test_exported_file_parses_without_errors(
    hostile: tuple[Database, dict[str, int]], tmp_path: Path, group: str | None
) -> None:
    db, _ = hostile
    args = ("--group-by", group) if group else ()
    page = db.export(tmp_path / "report.html", *args).read_text(encoding="utf-8")
    root = _strict_parse(page)
    assert "\u202e" not in page and "\u200b" not in page
    rows = _rows(root)
    claims = {c["id"]: c for c in db.claims()}
    seen = [int(tr.get("data-claim")) for tr in rows]
    assert set(seen) == set(claims), "every claim has a row"
    if group is None:
        assert sorted(seen) == sorted(claims)
        return

    groups = _find(_by_id(root, "claims"), "tbody", "group")
    assert groups, f"--group-by {group}: no <tbody class=group>"
    for body in groups:
        trs = _find(body, "tr")
        heading = trs[0]
        assert "group-heading" in _classes(heading), "each group starts with its heading"
        (th,) = _find(heading, "th")
        assert th.get("colspan") == "10"
        members = [tr for tr in trs[1:] if tr.get("data-claim") is not None]
        assert re.fullmatch(rf".+ \({len(members)}\)", _text(th), re.S), _text(th)
    if group == "tag":
        assert all(tr.get("id") is None for tr in rows), "a claim under two tags would repeat its id"
        for cid, claim in claims.items():
            assert seen.count(cid) == max(1, len(claim["tags"])), f"claim {cid} once under each of its tags"
        assert any(_text(tr).startswith(f"{HOSTILE_TAG} (") for tr in _find(root, "tr", "group-heading"))
    else:
        assert sorted(seen) == sorted(claims), f"--group-by {group}: each claim once"
        assert all(tr.get("id") == f"claim-{tr.get('data-claim')}" for tr in rows)
    if group == "source":
        assert any(_text(tr).startswith(f"{HOSTILE_SOURCE} (") for tr in _find(root, "tr", "group-heading"))


def test_stacked_bar_is_told_from_strokes_and_swatches() -> None:
    green, red, blend, white = bytes(CONFIRMED), bytes(REFUTED), b"\x70\x50\x30", b"\xff\xff\xff"
    bar = [white * 3 + green * 9 + blend + red * 6 + white] * 6
    assert _stacked_bar(bar, CONFIRMED, REFUTED)
    assert _stacked_bar([white + green * 6 + red * 7] * 8, CONFIRMED, REFUTED), "no blending at all"
    assert not _stacked_bar(bar[:5], CONFIRMED, REFUTED), "five rows high is a stroke"
    assert not _stacked_bar([white * 3 + green * 9 + blend + red * 5 + white] * 6, CONFIRMED, REFUTED), "a 5 px segment"
    swatches = [green * 8 + white * 4 + red * 8] * 8  # a legend: the colours apart
    assert not _stacked_bar(swatches, CONFIRMED, REFUTED)
    assert not _stacked_bar([red * 8 + green * 8] * 8, CONFIRMED, REFUTED), "refuted comes after confirmed"
