"""What extract and match read: files, Markdown, saved pages, standard input and URLs, and one
clear error for everything that is not an article."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrack import sourcetext
from claimtrack.errors import InvalidInput

ARTICLE = Path(__file__).resolve().parent.parent / "data" / "seed-article.txt"
PAGE = b"""<!DOCTYPE html><html><head><title>Site | Kursk</title>
<meta property="article:published_time" content="2024-11-05T08:00:00Z">
<link rel="canonical" href="https://news.example.org/kursk"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Troops in Kursk</h1>
<p>North Korean troops have been deployed to the Kursk region, a Ukrainian official said on Tuesday.</p>
<p>Moscow did not comment on the report, which could not be independently verified.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def test_a_text_file_reads_as_it_is() -> None:
    doc = sourcetext.read(str(ARTICLE))
    assert doc.text.startswith("How North Korea became Russia")
    assert doc.title == "How North Korea became Russia\u2019s ally"
    assert "Lankov" in doc.text and doc.url is None and doc.date is None


def test_markdown_loses_its_markup_and_a_stated_date_is_found(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text("# Summit\n\n*Seoul, 19 June 2024*\n\n**Putin** said [the treaty](https://x.example) is signed.\n",
                  encoding="utf-8")
    doc = sourcetext.read(str(md))
    assert doc.text == "Summit\n\nSeoul, 19 June 2024\n\nPutin said the treaty is signed.\n"
    assert (doc.title, doc.date) == ("Summit", "2024-06-19")


def test_a_saved_page_gives_the_article_its_title_date_and_address(tmp_path: Path) -> None:
    page = tmp_path / "kursk.html"
    page.write_bytes(PAGE)
    doc = sourcetext.read(str(page))
    assert "deployed to the Kursk region" in doc.text and "could not be independently verified" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.date == "2024-11-05" and doc.url == "https://news.example.org/kursk"


def test_standard_input() -> None:
    doc = sourcetext.read("-", stdin=io.BytesIO("Kim said the army will fight on.\n".encode()))
    assert doc.text == "Kim said the army will fight on.\n" and doc.name == "standard input"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    f.write_bytes("Le ministre a déclaré que la Corée du Nord enverra des ouvriers en été.\n".encode("latin-1"))
    assert "déclaré" in sourcetext.read(str(f)).text


@pytest.mark.parametrize(("content", "says"), [
    (b"", "is empty"),
    (b"  \n\n ", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"<html><body><nav><a href='/'>Home</a> <a>About</a></nav><footer>(c)</footer></body></html>", "no article text"),
])
def test_what_is_not_an_article_is_one_clear_error(tmp_path: Path, content: bytes, says: str) -> None:
    f = tmp_path / "input.html"
    f.write_bytes(content)
    with pytest.raises(InvalidInput, match=says):
        sourcetext.read(str(f))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        sourcetext.read(str(tmp_path / "nope.txt"))
    with pytest.raises(InvalidInput, match="is a folder"):
        sourcetext.read(str(tmp_path))


def test_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sourcetext, "MAX_BYTES", 100)
    f = tmp_path / "big.txt"
    f.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InvalidInput, match="larger than"):
        sourcetext.read(str(f))


@pytest.fixture
def server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/kursk":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(PAGE)
            elif self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/kursk")
                self.end_headers()
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_is_fetched_and_redirects_followed(server: str) -> None:
    doc = sourcetext.read(f"{server}/moved")
    assert "deployed to the Kursk region" in doc.text
    assert doc.url == f"{server}/kursk"  # where the page was read, not its canonical claim


def test_url_errors_are_one_clear_line(server: str) -> None:
    with pytest.raises(InvalidInput, match="answered 404"):
        sourcetext.read(f"{server}/missing")
    import socket

    with socket.socket() as s:  # a port nobody listens on: bound, never listened to
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/x"
        with pytest.raises(InvalidInput, match="could not fetch .*check the address and your connection"):
            sourcetext.read(closed)
