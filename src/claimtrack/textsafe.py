"""Making user text inert wherever it is shown: terminal, TSV, CSV, Markdown, HTML, JSON.

Claim text, notes and source names are data. They must never drive a terminal (ANSI/OSC escapes,
carriage returns, bidi overrides), be read as Rich or Markdown markup, run as a spreadsheet
formula, or become HTML. Each output format calls the one function here that suits it.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# C0/C1 controls, DEL, bidi embeddings/overrides/isolates, LRM/RLM, line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
# What json.dumps(ensure_ascii=False) leaves raw that a terminal could still act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~#!])")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(value: object) -> str:
    """Text that cannot change a terminal: control characters shown as escapes (``\\x1b``)."""
    if value is None:
        return ""
    return _UNSAFE.sub(_escape, str(value))


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON that keeps the exact text; the few characters a terminal acts on become ``\\u`` escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(value: object) -> str:
    """A CSV cell that is inert: control characters escaped, formula starters behind a ``'`` (OWASP).

    Newlines and tabs are kept: the csv module quotes such a cell, every spreadsheet and CSV
    reader takes it back as one cell, and ``import`` gets the text back unchanged. Every other
    control character is escaped as in ``terminal`` (``\\x1b``), so CSV is not lossless for
    those (JSON is). The guard ``'`` also goes before a text whose leading ``'`` marks are
    followed by a formula starter (``'=x`` is written ``''=x``), so ``csv_unguard`` can tell a
    guard from a text that starts with ``'`` and always undoes exactly what was added.
    """
    if value is None:
        return ""
    text = "\n".join("\t".join(terminal(part) for part in line.split("\t")) for line in str(value).split("\n"))
    return "'" + text if text.lstrip("'").startswith(_FORMULA_START) else text


def csv_unguard(cell: str) -> str:
    """The text of a cell ``csv_cell`` wrote: its formula guard ``'`` taken off again."""
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def markdown(value: object) -> str:
    """Markdown table cell text that renders as typed (no links, HTML, emphasis or pipes)."""
    return _MARKDOWN.sub(r"\\\1", terminal(value)).replace("&", "&amp;")


def html_text(value: object) -> str:
    """HTML-escaped text with control characters shown as escapes."""
    return html.escape(terminal(value), quote=True)
