"""What extract and match read: files, Markdown, saved pages, standard input and URLs, and one
clear error for everything that is not an article."""

from __future__ import annotations

import http.server
import io
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimtrack import sourcetext
from claimtrack.errors import InvalidInput
from conftest import Run

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
    md.write_text(
        "# Summit\n\n*Seoul, 19 June 2024*\n\n**Putin** said [the treaty](https://x.example) is signed.\n",
        encoding="utf-8",
    )
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
    doc = sourcetext.read("-", stdin=io.BytesIO(b"Kim said the army will fight on.\n"))
    assert doc.text == "Kim said the army will fight on.\n" and doc.name == "standard input"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    f.write_bytes("Le ministre a déclaré que la Corée du Nord enverra des ouvriers en été.\n".encode("latin-1"))
    assert "déclaré" in sourcetext.read(str(f)).text


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (
            b"<html><body><nav><a href='/'>Home</a> <a>About</a></nav><footer>(c)</footer></body></html>",
            "no article text",
        ),
    ],
)
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


# ---- one deadline for a fetch; redirects kept to http(s) and off private addresses --------------------------------

DRIP_FOR = 40  # drips a server sends (0.5 s apart) before it gives up: far past the 2 s deadline of these tests


class _Hostile(http.server.BaseHTTPRequestHandler):
    """A server that drips its body or its headers, redirects in a loop, to ftp, or on and on."""

    protocol_version = "HTTP/1.1"
    cut: threading.Event  # set when the client hung up in the middle of a drip
    requests: list[str]

    def do_GET(self) -> None:  # noqa: N802
        self.requests.append(self.path)
        if self.path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(50 * DRIP_FOR))
            self.end_headers()
            self._drip(b"North Korea sends more shells to Russia, he said. ")
        elif self.path == "/drip-head":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Slow: " + b"a" * 40 + b"\r\n")
        elif self.path in ("/loop", "/ping", "/pong"):
            self._redirect({"/loop": "/loop", "/ping": "/pong", "/pong": "/ping"}[self.path])
        elif self.path == "/ftp":
            self._redirect("ftp://127.0.0.1/secret.txt")
        elif self.path.startswith("/chain/") and self.path.split("/")[2] != self.path.split("/")[3]:
            _, _, n, end = self.path.split("/")  # /chain/N/END: on to N + 1 until END
            self._redirect(f"/chain/{int(n) + 1}/{end}")
        elif self.path.startswith("/to/"):
            self._redirect(self.path[len("/to/") :])
        else:
            body = b"The internal page: North Korea sends shells to Russia, an official said on Monday."
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drip(self, piece: bytes) -> None:
        for _ in range(DRIP_FOR):
            try:
                self.wfile.write(piece)
                self.wfile.flush()
            except OSError:
                self.cut.set()
                return
            time.sleep(0.5)

    def log_message(self, *args: object) -> None:
        pass


def _serve(host: str = "127.0.0.1") -> tuple[http.server.ThreadingHTTPServer, threading.Event, list[str]]:
    cut, requests = threading.Event(), []
    handler = type("Handler", (_Hostile,), {"cut": cut, "requests": requests})
    httpd = http.server.ThreadingHTTPServer((host, 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, cut, requests


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, threading.Event, list[str]]]:
    monkeypatch.setenv("CLAIMTRACK_FETCH_TIMEOUT", "2")
    httpd, cut, requests = _serve()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", cut, requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def _error(source: str) -> str:
    with pytest.raises(InvalidInput) as caught:
        sourcetext.read(source)
    message = str(caught.value)
    assert "\n" not in message and "\\n" not in message, message
    return message


@pytest.mark.parametrize("path", ["/drip-body", "/drip-head"])
def test_a_server_that_drips_is_cut_off_at_the_deadline(
    hostile: tuple[str, threading.Event, list[str]], path: str
) -> None:
    """50 bytes every 0.5 s, of the body or of the headers: each read comes in time, the whole never."""
    server, cut, _ = hostile
    message = _error(server + path)
    assert message.startswith(f"could not fetch {server}{path}: no complete answer within 2 s"), message
    assert "CLAIMTRACK_FETCH_TIMEOUT" in message
    assert cut.wait(30), "the connection was still open while the server dripped"


def test_every_command_that_fetches_keeps_the_deadline(
    hostile: tuple[str, threading.Event, list[str]], seeded: Callable[..., Run]
) -> None:
    server, _, _ = hostile
    for args in (
        ["extract", f"{server}/drip-body"],
        ["match", f"{server}/drip-body"],
        ["match", "--feed", f"{server}/drip-body"],
    ):
        result = seeded(*args)
        assert result.exit_code == 1 and result.stdout == "", (args, result)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: could not fetch"), (args, result)
        assert "no complete answer within 2 s" in result.stderr, (args, result)


def test_a_bad_deadline_setting_is_one_error_line(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    for bad in ("soon", "0", "-3", "nan", "1e9"):
        monkeypatch.setenv("CLAIMTRACK_FETCH_TIMEOUT", bad)
        result = seeded("match", "http://127.0.0.1:9/news")
        assert result.exit_code == 1 and result.stderr.count("\n") == 1, (bad, result)
        assert f"CLAIMTRACK_FETCH_TIMEOUT={bad} is not a number of seconds" in result.stderr, (bad, result)


def test_a_redirect_loop_is_one_clean_line(
    hostile: tuple[str, threading.Event, list[str]], cli: Callable[..., Run]
) -> None:
    server, _, _ = hostile
    assert f"it redirects in a loop (back to {server}/loop)" in _error(f"{server}/loop")
    assert f"it redirects in a loop (back to {server}/ping)" in _error(f"{server}/ping")
    result = cli("extract", f"{server}/ping")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "\\n" not in result.stderr, result


def test_at_most_five_redirects(hostile: tuple[str, threading.Event, list[str]]) -> None:
    server, _, requests = hostile
    assert f"more than 5 redirects (the last to {server}/chain/6/6)" in _error(f"{server}/chain/0/6")
    assert requests == [f"/chain/{n}/6" for n in range(6)]  # the sixth redirect is not followed
    doc = sourcetext.read(f"{server}/chain/0/5")
    assert "internal page" in doc.text and doc.url == f"{server}/chain/5/5"


def test_a_redirect_to_another_scheme_is_refused_naming_where_it_led(
    hostile: tuple[str, threading.Event, list[str]], cli: Callable[..., Run]
) -> None:
    server, _, _ = hostile
    message = _error(f"{server}/ftp")
    assert message.startswith("could not fetch ftp://127.0.0.1/secret.txt: "), message
    assert "only follows http and https" in message
    result = cli("match", f"{server}/ftp")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "ftp://127.0.0.1/secret.txt" in result.stderr


ADDRESSES = {
    "news.example.org": ["93.184.216.34"],
    "intranet.example.org": ["10.1.2.3"],
    "rebind.example.org": ["93.184.216.34", "127.0.0.1"],
    "mapped.example.org": ["::ffff:127.0.0.1"],
    "metadata.example.org": ["169.254.169.254"],
    "zero.example.org": ["0.0.0.0"],
    "home.example.org": ["192.168.1.1"],
    "v6.example.org": ["2606:4700:4700::1111"],
    "local6.example.org": ["fe80::1"],
    "loop6.example.org": ["::1"],
    "cgnat.example.org": ["100.64.0.7"],
}


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver that knows only ``ADDRESSES``: no test asks the real DNS."""
    from claimtrack import webfetch

    monkeypatch.setattr(webfetch, "resolve", lambda host, port: ADDRESSES[host])


@pytest.mark.parametrize(
    "host",
    [
        "intranet.example.org",
        "rebind.example.org",
        "mapped.example.org",
        "metadata.example.org",
        "zero.example.org",
        "home.example.org",
        "local6.example.org",
        "loop6.example.org",
        "cgnat.example.org",
    ],
)
def test_a_public_page_may_not_redirect_to_a_private_address(dns: None, host: str) -> None:
    from claimtrack import webfetch

    target = f"http://{host}/admin"
    with pytest.raises(InvalidInput, match=f"could not fetch {target}: a page on the internet redirected to it"):
        webfetch.check_redirect(True, target, webfetch.resolve(host, 80))
    webfetch.check_redirect(
        False, target, webfetch.resolve(host, 80)
    )  # from a private address (a URL you typed): followed


@pytest.mark.parametrize("host", ["news.example.org", "v6.example.org"])
def test_a_public_page_may_redirect_to_another_public_one(dns: None, host: str) -> None:
    from claimtrack import webfetch

    webfetch.check_redirect(True, f"https://{host}/story", webfetch.resolve(host, 443))
    assert all(webfetch.is_public(a) for a in ADDRESSES[host])


def test_the_fetch_applies_the_rule_to_each_redirect(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end, with 127.0.0.2 standing for a public server (``is_public``) and a stubbed
    resolver: its redirect to a name on 127.0.0.1 is refused and the internal page never asked for."""
    from claimtrack import webfetch

    monkeypatch.setenv("CLAIMTRACK_FETCH_TIMEOUT", "10")
    try:
        public, _, _ = _serve("127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")
    internal, _, asked = _serve("127.0.0.1")
    names = {"news.example.org": ["127.0.0.2"], "intranet.example.org": ["127.0.0.1"]}
    monkeypatch.setattr(webfetch, "resolve", lambda host, port: names[host])
    real = webfetch.is_public
    monkeypatch.setattr(webfetch, "is_public", lambda address: address == "127.0.0.2" or real(address))
    try:
        secret = f"http://intranet.example.org:{internal.server_address[1]}/secret"
        message = _error(f"http://news.example.org:{public.server_address[1]}/to/{secret}")
        assert message.startswith(f"could not fetch {secret}: a page on the internet redirected to it"), message
        assert asked == []
        assert "internal page" in sourcetext.read(secret).text and asked == ["/secret"]  # typed, it is read
    finally:
        for httpd in (public, internal):
            httpd.shutdown()
            httpd.server_close()
