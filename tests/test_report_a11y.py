"""Issue 31's acceptance 1, 2 and 5: the html pages checked by the tools their readers' tools use.

Two databases built with real ``claimtrack`` commands: the seed, and the seed plus 471 imported
claims (500 in all) full of hostile text (markup, quotes, bidi overrides, zero-width spaces, a
3,000-letter word, long source names and tags) whose evidence URLs hold ``|``, ``<``, ``"``, a
stray ``%``, a non-ASCII host and an already percent-encoded path. From each, the html report and
the ClaimReview html page.

* axe-core (npm, driven through puppeteer-core in Debian's chromium by ``tests/axe_check.mjs``)
  reports no violation (WCAG 2.x A/AA and best practices) at 1280 and 390 px on both reports;
  every element that scrolls sideways is a labelled region the keyboard reaches, and no caption,
  heading or chart runs past the window;
* chart text renders at 12 px or more at both widths: the browser measures each text's font size
  times the scale its SVG's viewBox is drawn at;
* at 1280 px the claim table's "Last note" column is as wide as its Claim column, near enough, and
  the table fits the window; at 390 px it scrolls sideways;
* every chart has an accessible name and, under it, its numbers as a table (checked on the
  file, no browser needed);
* the Nu Html Checker (npm ``vnu-jar``, run with java) reports no error on the four pages;
* every ``href`` on both pages is a valid URL: only URL characters, the stored URL percent-encoded
  (``hrefs.href``), an address that was already valid unchanged.

The npm packages live in ``.ci/node/node_modules`` (``npm ci --prefix .ci/node``; ``.ci/run`` does
it) or where ``CLAIMTRACK_NODE_MODULES`` says. Without them, node, chromium or java these tests
skip, except when ``CI=true``, where that is a failure. They check html, not the store, so they
run in the suite's default SQLite pass only.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.hrefs import href
from conftest import SEED_CLAIMS

ROOT = Path(__file__).resolve().parent.parent
AXE_SCRIPT = ROOT / "tests" / "axe_check.mjs"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
WIDTHS = (1280, 390)
MIN_PX = 12.0
TIMEOUT = 180  # seconds for one tool run; a healthy one takes a few
URL_CHARS = set(string.ascii_letters + string.digits + "!$&'()*+,-./:;=?@_~%#[]")

HOSTILE_TEXTS = (
    "<script>alert(1)</script> claimed by the ministry",
    '"><img src=x onerror=alert(1)> says the report',
    "Invoice \u202efdp.exe from The\u200bBell",
    "A" * 3000,
    "Quotes ' \" and ampersands & &amp; &lt;b&gt; in a claim",
    "Emoji \U0001f600 and CJK 北朝鮮 and Arabic \u0643\u0648\u0631\u064a\u0627",
)
HOSTILE_SOURCES = (
    'Evil <b>bold</b> "quoted" source',
    "A source whose name is very long indeed, far longer than any column was ever meant to hold",
    "RTL \u202eecruos",
    "Plain Desk",
)
HOSTILE_URLS = (
    "https://example.org/a|b<c>?q=1|2",
    'https://example.org/a?q="><script>alert(1)</script>&x=1',
    "https://example.org/100%/done",
    "https://bücher.example/straße?ä=ö",
    "https://example.org/already%20encoded/%7Cpipe?x=%3C",
    "https://example.org/path^with`odd{chars}#frag#ment",
)

pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.skipif(
        os.environ.get("CLAIMTRACK_READ_DRIVER", "").strip().lower() == "sqlalchemy",
        reason="these check the html pages, not the store: they run in the default SQLite pass",
    ),
]


def _missing(what: str) -> None:
    """Skip for want of ``what``, except on CI, where .ci/run provides it."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {what} (.ci/run installs it)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    _missing(f"no headless browser on PATH ({', '.join(BROWSERS)}); apt-get install chromium")
    raise AssertionError  # not reached


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """Where ``npm ci --prefix .ci/node`` put axe-core, puppeteer-core and vnu-jar."""
    folder = Path(os.environ.get("CLAIMTRACK_NODE_MODULES") or ROOT / ".ci" / "node" / "node_modules")
    needed = ("axe-core/axe.min.js", "puppeteer-core/package.json", "vnu-jar/build/dist/vnu.jar")
    if not all((folder / name).is_file() for name in needed):
        _missing(f"no npm packages in {folder}; run: npm ci --prefix .ci/node")
    return folder


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A tool run in its own process group; a hang fails the test and the group is killed."""
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
        env={**os.environ, "HOME": str(cwd)},
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"did not finish within {TIMEOUT} s: {' '.join(command)}")
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


# ---- the pages -----------------------------------------------------------------------------------


class Database:
    def __init__(self, path: Path) -> None:
        self.path, self.runner = path, CliRunner()

    def run(self, *args: str) -> str:
        result = self.runner.invoke(app, ["--db", str(self.path), *args], catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    def pages(self, folder: Path) -> dict[str, Path]:
        report, review = folder / "report.html", folder / "claimreview.html"
        self.run("export", "--format", "html", "--title", "Claims <i>&</i> sources", "--output", str(report))
        self.run("export", "--format", "claimreview-html", "--output", str(review))
        return {"report": report, "claimreview": review}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """``seed-report``, ``seed-claimreview``, ``hostile-report``, ``hostile-claimreview``."""
    home = tmp_path_factory.mktemp("a11y-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            patch.setenv(var, str(home / var.lower()))
        found: dict[str, Path] = {}
        seed_dir = tmp_path_factory.mktemp("seed")
        seed = Database(seed_dir / "claims.db")
        seed.run("init", "--seed")
        found.update({f"seed-{k}": v for k, v in seed.pages(seed_dir).items()})

        folder = tmp_path_factory.mktemp("hostile")
        db = Database(folder / "claims.db")
        db.run("init", "--seed")
        statuses = ("unverified", "confirmed", "refuted", "disputed")
        with open(folder / "more.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["text", "source", "status", "confidence", "tags", "said_on"])
            for n in range(500 - SEED_CLAIMS):
                writer.writerow(
                    [
                        f"{HOSTILE_TEXTS[n % len(HOSTILE_TEXTS)]} (number {n})",
                        HOSTILE_SOURCES[n % len(HOSTILE_SOURCES)],
                        statuses[n % 4],
                        f"{(n % 9 + 1) / 10}",
                        f"batch,t{n % 5},<svg-onload-{n % 3}>",
                        f"{2019 + n % 7}-{n % 12 + 1:02d}-15",
                    ]
                )
        db.run("import", str(folder / "more.csv"))
        ids = [int(line) for line in db.run("list", "--format", "ids").split()]
        assert len(ids) == 500
        for i, url in enumerate(HOSTILE_URLS):  # imported claim 4 * i is unverified until now
            verb = "confirm" if i % 2 else "refute"
            db.run(
                verb,
                str(ids[SEED_CLAIMS + 4 * i]),
                "--at",
                f"2026-0{i + 1}-10",
                "--note",
                "<b>checked</b>",
                "--evidence",
                url,
            )
        found.update({f"hostile-{k}": v for k, v in db.pages(folder).items()})
        yield found


@pytest.fixture(scope="module")
def measured(browser: str, node_modules: Path, pages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):
    """What ``tests/axe_check.mjs`` reports for each report, by width; each page checked once."""
    node = shutil.which("node")
    if node is None:
        _missing("no node on PATH; apt-get install nodejs")
    work = tmp_path_factory.mktemp("axe")
    results: dict[str, dict[str, Any]] = {}
    for name in ("seed-report", "hostile-report"):
        done = _run([node, str(AXE_SCRIPT), browser, str(node_modules), str(pages[name]), *map(str, WIDTHS)], work)
        assert done.returncode == 0, done.stderr[-3000:]
        results[name] = json.loads(done.stdout)
    return results


# ---- axe-core, and what the browser measures -------------------------------------------------------

REPORTS = ["seed-report", "hostile-report"]


@pytest.mark.parametrize("page", REPORTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_core_finds_no_violation(measured: dict[str, Any], page: str, width: int) -> None:
    got = measured[page][str(width)]
    assert got["violations"] == [], json.dumps(got["violations"], indent=1)
    for scroller in got["scrollers"]:  # what scrolls sideways, the keyboard reaches and a reader hears named
        assert scroller["tabindex"] == "0" and scroller["role"] == "region" and scroller["label"], scroller
    assert got["overflow"] == [], "runs off the screen: " + json.dumps(got["overflow"])
    if width == 390:
        assert got["scrollers"], "at 390 px the tables scroll sideways"


@pytest.mark.parametrize("page", REPORTS)
@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_renders_at_12_px_or_more(measured: dict[str, Any], page: str, width: int) -> None:
    texts = measured[page][str(width)]["charts"]
    kinds = {t["chart"] for t in texts}
    assert {"chart status-bar", "chart resolved-over-time", "chart calibration"} <= kinds, kinds
    small = [t for t in texts if t["px"] < MIN_PX]
    assert not small, f"chart text under {MIN_PX} px at {width} px: {small[:5]}"


@pytest.mark.parametrize("page", REPORTS)
def test_the_last_note_has_room_at_1280_px(measured: dict[str, Any], page: str) -> None:
    """Issue 31: at 1280 px the "Last note" column was 141 px, a third narrower than the claim's,
    and a long note ran over twenty lines. Now the claim and its note get the same floor (the
    short text columns make way) and the table still fits the window."""
    wide = measured[page]["1280"]["claims"]
    px = {c["header"]: c["px"] for c in wide["columns"]}
    assert px["Last note"] >= 200 and px["Last note"] >= 0.9 * px["Claim"], px
    assert not wide["scrolls"], px
    assert measured[page]["390"]["claims"]["scrolls"], "at 390 px the claim table scrolls sideways"


# ---- the charts' names and numbers, on the file --------------------------------------------------


def _parse(path: Path) -> Element:
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def _name(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _all(root: Element, name: str) -> list[Element]:
    return [e for e in root.iter() if _name(e.tag) == name]


def _text(e: Element) -> str:
    return "".join(e.itertext())


def _numbers(figure: Element) -> list[list[str]]:
    """The rows of the table folded under a chart (``details.numbers``): header cell, then data."""
    (details,) = [d for d in _all(figure, "details") if "numbers" in (d.get("class") or "").split()]
    assert _all(details, "summary"), "the folded table says what it is"
    (table,) = _all(details, "table")
    assert all(th.get("scope") in ("col", "row") for th in _all(table, "th")), "header cells have scopes"
    rows = [tr for body in _all(table, "tbody") for tr in _all(body, "tr")]
    return [[_text(c) for c in tr if _name(c.tag) in ("th", "td")] for tr in rows]


@pytest.mark.parametrize("page", REPORTS)
def test_every_chart_has_a_name_and_its_numbers(pages: dict[str, Path], page: str) -> None:
    root = _parse(pages[page])
    assert root.get("lang") == "en"
    assert len(_all(root, "main")) == 1, "one main landmark"
    for section in _all(root, "section"):
        ref = section.get("aria-labelledby")
        assert ref and [e for e in root.iter() if e.get("id") == ref], "every section is a region named by its heading"
    charts = [svg for svg in _all(root, "svg") if "chart" in (svg.get("class") or "").split()]
    assert len(charts) == 3
    for svg in charts:
        assert svg.get("role") == "img" and svg.get("aria-label"), svg.attrib
    byid = {e.get("id"): e for e in root.iter() if e.get("id")}

    # the status bar: its label names each status's count, and the totals table beside it has them
    bar = next(svg for svg in charts if "status-bar" in svg.get("class"))
    totals = {_text(tr[0]): _text(tr[1]) for tr in _all(byid["totals"], "tr")[1:-1]}
    for status, count in totals.items():
        if count != "0":
            assert f"{status} {count}" in bar.get("aria-label"), (status, count, bar.get("aria-label"))

    over = _numbers(byid["resolved-over-time"])
    caption = _text(_all(byid["resolved-over-time"], "figcaption")[0])
    confirmed, refuted = (sum(int(row[i]) for row in over) for i in (1, 2))
    assert f"{confirmed} confirmed and {refuted} refuted" in caption, (over, caption)
    assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}", row[0]) for row in over)

    calibration = _numbers(byid["calibration"])
    caption = _text(_all(byid["calibration"], "figcaption")[0])
    scored = sum(int(row[1]) for row in calibration)
    assert f"over {scored} resolved claim" in caption, (calibration, caption)
    assert all(re.fullmatch(r"\d+-\d+%", row[0]) and row[2].endswith("%") for row in calibration)


# ---- the Nu validator, and every href ------------------------------------------------------------


def test_nu_validator_finds_no_error(node_modules: Path, pages: dict[str, Path], tmp_path: Path) -> None:
    java = shutil.which("java")
    if java is None:
        _missing("no java on PATH; apt-get install default-jre-headless")
    jar = node_modules / "vnu-jar" / "build" / "dist" / "vnu.jar"
    done = _run([java, "-jar", str(jar), "--format", "json", *map(str, pages.values())], tmp_path)
    messages = json.loads(done.stderr)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not errors, json.dumps(errors[:10], indent=1, ensure_ascii=False)
    checked = {m.get("url", "") for m in messages}
    assert done.returncode == 0 and len(pages) == 4, (done.returncode, checked)


@pytest.mark.parametrize("page", ["seed-report", "seed-claimreview", "hostile-report", "hostile-claimreview"])
def test_every_href_is_a_valid_url(pages: dict[str, Path], page: str) -> None:
    root = _parse(pages[page])
    links = [a.get("href") for a in _all(root, "a") if a.get("href") is not None]
    assert links, "the page has links"
    for link in links:
        assert set(link) <= URL_CHARS, link
        assert re.fullmatch(r"https?://[^/?#\s]+[^\s]*", link), link
        assert all(re.match(r"%[0-9A-Fa-f]{2}", link[i:]) for i, c in enumerate(link) if c == "%"), link
        assert link.count("#") <= 1, link
        assert href(link) == link, "already a valid URL: unchanged"
    if page.startswith("hostile"):
        expected = {href(url) for url in HOSTILE_URLS}
        assert expected <= set(links), expected - set(links)
