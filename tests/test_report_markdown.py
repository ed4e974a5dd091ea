"""Issue 31, point 4: the md report reads the same in every Markdown renderer.

GitHub and pandoc (``-f gfm``) autolink bare ``www.`` hosts and ``http://`` addresses; markdown-it
with linkify also links bare domains (``file.py``), ``//host`` and ``mailto:``; Python-Markdown
links none of them but shows a backslash before ``<`` and ``~``. The report is rendered with
markdown-it (``gfm-like``: tables, strikethrough, linkify) and Python-Markdown (``tables``), and
with pandoc ``-f gfm`` when it is installed: the text a reader sees (headings, paragraphs, every
table cell) and the links (address, text) must be the same in each, no link may sit inside
another, the claims' text must read exactly as stored (no backslash added, no address turned into
a link), and the only links are the evidence links, each labelled by its host.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest

from claimtrack import textsafe
from claimtrack.claimcols import host
from conftest import Run

markdown_it = pytest.importorskip("markdown_it", reason="the test extra: pip install '.[test]'")
pytest.importorskip("linkify_it", reason="the test extra: pip install '.[test]'")
markdown = pytest.importorskip("markdown", reason="the test extra: pip install '.[test]'")

BLOCKS = ("h1", "h2", "h3", "p", "th", "td")

# Claim text, notes and names an autolinker or an escape could get wrong.
HOSTILE_TEXT = (
    "See https://example.com/a_b?x=1&y=2 and www.evil.org, or http://localhost:8080/x; "
    "mail me@evil.org, mailto:x@y or //localhost; run file.py; U.S. 0.25 44.8%"
)
HOSTILE_MARKUP = r"<b>bold</b> ~~strike~~ *em* _u_ `code` [link](http://x.y) | pipe \ backslash # hash ! &amp; {x}"
HOSTILE_NOTE = "Read www.note.example/path and <https://auto.example> ~ tilde"
# Evidence links and the address each must link to in every renderer: percent-encoded as
# markdown-it normalises it (punycode host, UTF-8 bytes), a ``%XX`` kept, parentheses encoded.
EVIDENCE = {
    "https://example.org/a|b<c>d": "https://example.org/a%7Cb%3Cc%3Ed",
    "https://пример.рф/путь?q=ü": "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C?q=%C3%BC",
    "https://WWW.Example.ORG/X_(y)": "https://WWW.Example.ORG/X_%28y%29",
    "https://example.org/%E2%9C%93/a\\b": "https://example.org/%E2%9C%93/a%5Cb",
    "https://www.reuters.com/world/": "https://www.reuters.com/world/",
}


class _Page(HTMLParser):
    """The visible text of each block (headings, paragraphs, table cells) and the links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.links: list[tuple[str, str]] = []
        self._block: list[str] | None = None
        self._tag = ""
        self._link: list[str] | None = None
        self._href = ""
        self.nested = 0
        self.tables: list[list[list[str]]] = []  # each table's rows of cells (th and td)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        if tag in BLOCKS:
            self._block, self._tag = [], tag
        elif tag == "a":
            if self._link is not None:
                self.nested += 1
            self._link, self._href = [], dict(attrs).get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS and self._block is not None:
            self.blocks.append((self._tag, " ".join("".join(self._block).split())))
            if tag in ("th", "td"):
                self.tables[-1][-1].append(self.blocks[-1][1])
            self._block = None
        elif tag == "a" and self._link is not None:
            self.links.append((self._href, "".join(self._link)))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._block is not None:
            self._block.append(data)
        if self._link is not None:
            self._link.append(data)


def _read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _renders(md: str) -> dict[str, _Page]:
    """The page as each renderer at hand shows it."""
    md_it = markdown_it.MarkdownIt("gfm-like")
    assert md_it.options["linkify"], "markdown-it's gfm-like preset links bare addresses"
    pages = {
        "markdown-it": _read(md_it.render(md)),
        "Python-Markdown": _read(markdown.markdown(md, extensions=["tables"])),
    }
    pandoc = shutil.which("pandoc")
    if pandoc:
        done = subprocess.run(
            [pandoc, "-f", "gfm", "-t", "html"], input=md, capture_output=True, text=True, check=True, timeout=60
        )
        pages["pandoc"] = _read(done.stdout)
    return pages


# A link in the Markdown source: ``[label](address)`` (the label's escapes kept).
_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(")


def _labels_link_nothing(md: str) -> None:
    """No link's label, read on its own, is a link: pandoc and GitHub would nest that one inside
    the label's link (markdown-it knows not to, so it is asked about the label alone)."""
    md_it = markdown_it.MarkdownIt("gfm-like")
    for label in _LINK.findall(md):
        assert "<a " not in md_it.renderInline(label), f"[{label}] holds a link of its own"


def _same_everywhere(md: str) -> _Page:
    """Checks what every renderer must agree on and returns markdown-it's reading."""
    _labels_link_nothing(md)
    pages = _renders(md)
    first = pages["markdown-it"]
    for name, page in pages.items():
        assert page.nested == 0, f"{name} nests a link inside a link"
        assert page.blocks == first.blocks, (name, [b for b in page.blocks if b not in first.blocks][:3])
        assert page.links == first.links, (name, sorted(set(page.links) ^ set(first.links))[:3])
    return first


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def _claim_cells(page: _Page) -> dict[str, list[str]]:
    """Each claim's row of cells, by id, from the claim tables (one per group when grouped)."""
    rows = [row for table in page.tables if table[0][-1] == "last note" for row in table[1:]]
    assert rows and all(len(row) == 10 for row in rows)
    return {row[0]: row for row in rows}


def _expect_rows(page: _Page, claims: list[dict[str, Any]]) -> None:
    rows = _claim_cells(page)
    assert set(rows) == {str(c["id"]) for c in claims}
    for claim in claims:
        row = rows[str(claim["id"])]
        assert row[1] == " ".join(textsafe.terminal(claim["text"]).split()), row[1]


def test_seed_report_reads_the_same_in_every_renderer(seeded: Callable[..., Run]) -> None:
    md = _ok(seeded("export", "--format", "md")).stdout
    page = _same_everywhere(md)
    claims = json.loads(_ok(seeded("list", "--format", "json")).stdout)
    _expect_rows(page, claims)
    assert page.links, "the seed cites evidence"
    for href, text in page.links:  # every link is an evidence link, labelled by its host
        assert text == host(text if "://" in text else href), (href, text)
    assert "kcnawatch.org" in [text for _, text in page.links]
    assert not any("\\" in text for _, text in page.blocks)  # the seed holds no backslash: none shown


@pytest.mark.parametrize("group_by", [None, "source"])
def test_hostile_text_stays_text_and_links_stay_evidence(cli: Callable[..., Run], group_by: str | None) -> None:
    source = "www.desk.example | <i>Desk</i> ~x~"
    _ok(cli("add", HOSTILE_TEXT, "--source", source, "--said-on", "2025-01-01"))
    _ok(cli("add", HOSTILE_MARKUP, "--source", "file.py", "--said-on", "2025-01-02"))
    first, *more = EVIDENCE
    _ok(cli("confirm", "1", "--evidence", first, "--note", HOSTILE_NOTE))
    for url in more:
        _ok(cli("note", "1", "More evidence.", "--evidence", url))
    _ok(cli("note", "2", HOSTILE_TEXT))
    options = ["--title", "Claims on www.title.example | <b>~~x~~</b>"]
    if group_by:
        options += ["--group-by", group_by]
    md = _ok(cli("export", "--format", "md", *options)).stdout
    page = _same_everywhere(md)
    claims = json.loads(_ok(cli("list", "--format", "json")).stdout)
    _expect_rows(page, claims)
    rows = _claim_cells(page)
    assert rows["1"][9] == "More evidence." and rows["2"][9] == " ".join(HOSTILE_TEXT.split())
    assert rows["1"][2] == f"{source} (F1)"
    headings = [text for tag, text in page.blocks if tag == "h1"]
    assert headings == ["Claims on www.title.example | <b>~~x~~</b>"]
    if group_by:
        assert (("h3", f"{source} (1)")) in page.blocks and ("h3", "file.py (1)") in page.blocks
    # The only links: the evidence, in order, each by its host, to one percent-encoded address.
    assert page.links == [(href, host(url)) for url, href in EVIDENCE.items()]
    shown = " ".join(text for _, text in page.blocks)
    for word in ("\\<", "\\~", "\\|", "&#", "&amp;amp;"):
        assert word not in shown, word  # no escape shows through
    assert "\\ backslash" in shown  # the one backslash the text has


def test_md_escapes_render_as_typed_in_both_renderers() -> None:
    """``textsafe.markdown`` alone, cell by cell: each renders to exactly the text it was given."""
    texts = [
        HOSTILE_TEXT,
        HOSTILE_MARKUP,
        HOSTILE_NOTE,
        "a.b.c x_y.z 1.5.2 v2.0 3.14",
        "MAILTO:a@b.cd Mailto:z ftp://x.y/z",
        "пример.рф and xn--p1ai.com",
        "ends with a dot. Then www.",
        "\\\\ double \\` tick \\| pipe",
    ]
    md = "| text |\n|---|\n" + "".join(f"| {textsafe.markdown(t)} |\n" for t in texts)
    page = _same_everywhere(md)
    assert [text for tag, text in page.blocks if tag == "td"] == [" ".join(t.split()) for t in texts]
    assert page.links == []


def test_numbers_and_plain_words_stay_readable_in_the_source() -> None:
    """The references that break autolinks go only where a link could start, not into every number."""
    assert textsafe.markdown("44.8% 0.082 2024-06-19") == "44.8% 0.082 2024-06-19"
    assert textsafe.markdown("www.x.org") == "www&#46;x&#46;org"
    assert re.fullmatch(r"https:/&#47;x&#46;org/a\\_b", textsafe.markdown("https://x.org/a_b"))
