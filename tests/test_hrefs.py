"""Issue 31's acceptance 5, on the function: ``hrefs.href`` makes a stored address a valid URL.

Characters a URL may not hold are percent-encoded (UTF-8), a ``%`` that starts no escape
included; what was valid, escapes included, is kept byte for byte, so encoding is idempotent; a
non-ASCII host becomes its IDNA form; a host no URL can carry gives ``None``. The pages that
use it are checked by the Nu validator in ``tests/test_report_a11y.py``.
"""

from __future__ import annotations

import re
import string
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimtrack.hrefs import href

URL_CHARS = set(string.ascii_letters + string.digits + "!$&'()*+,-./:;=?@_~%#[]")


def _valid(url: str) -> bool:
    """Only URL characters, every ``%`` an escape, at most one ``#``."""
    return (
        set(url) <= URL_CHARS
        and all(re.match(r"%[0-9A-Fa-f]{2}", url[i:]) for i, c in enumerate(url) if c == "%")
        and url.count("#") <= 1
    )


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("https://example.org/a|b<c>?q=1|2", "https://example.org/a%7Cb%3Cc%3E?q=1%7C2"),
        ('https://example.org/a?q="x"&y=1 2', "https://example.org/a?q=%22x%22&y=1%202"),
        ("https://example.org/100%/x", "https://example.org/100%25/x"),
        ("https://example.org/p#a#b", "https://example.org/p#a%23b"),
        ("https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"),
        ("https://example.org/{x}^`\\", "https://example.org/%7Bx%7D%5E%60%5C"),
        ("https://user:p@ss@example.org:8080/x", "https://user:p%40ss@example.org:8080/x"),
    ],
)
def test_characters_a_url_may_not_hold_are_encoded(stored: str, expected: str) -> None:
    assert href(stored) == expected
    assert _valid(expected)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/already%20encoded/%7Cpipe?x=%3C&y=%e2%82%ac#top",
        "https://www.kyivindependent.com/north-korea-russia/?utm_source=x&a=(1)",
        "http://[2001:db8::1]:8080/path",
        "HTTPS://Example.ORG/Case",
        "https://example.org",
    ],
)
def test_a_valid_url_is_kept_byte_for_byte(url: str) -> None:
    assert href(url) == url


@pytest.mark.parametrize("url", ["https://exa<mple.org/x", "https://exa mple.org/", "https:// /", "https:///x"])
def test_a_host_no_url_can_carry_gives_none(url: str) -> None:
    assert href(url) is None


@given(st.text(max_size=40))
@example("|<>\"' %%41%zz#?#")
@example("\u202e\u200b\x00\n")
def test_any_path_becomes_a_valid_idempotent_url_with_the_same_meaning(tail: str) -> None:
    url = "https://example.org/" + tail
    got = href(url)
    assert got is not None and _valid(got), got
    assert href(got) == got, "encoding twice changes nothing"
    assert urlsplit(got).hostname == "example.org"
    # decoding gives back what was stored, except escapes that were already there
    if "%" not in tail:
        assert unquote(got) == url.strip()
