"""Making user text inert wherever it is shown: terminal, TSV, CSV, Markdown, HTML, JSON.

Claim text, notes and source names are data. They must never drive a terminal (ANSI/OSC escapes,
carriage returns, bidi overrides), be read as Rich or Markdown markup, run as a spreadsheet
formula, or become HTML. Each output format calls the one function here that suits it.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Sequence
from typing import IO, Any

# Characters a terminal acts on or that hide what the text says, each shown as an escape:
# C0/C1 controls and DEL; bidi embeddings/overrides/isolates, LRM/RLM and the Arabic letter mark;
# line/paragraph separators; invisible format characters (interlinear annotation) and every
# Default_Ignorable_Code_Point of Unicode (DerivedCoreProperties.txt: soft hyphen, combining
# grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian variation selectors and vowel
# separator, zero-width space/joiners, word joiner, invisible operators, variation selectors, BOM,
# reserved U+FFF0-FFF8, shorthand format controls, musical beams, tags), which make
# ``The\u200bBell`` or ``Andrei\u3164Lankov`` look exactly like ``The Bell``. A variation selector
# after an emoji (U+FE0F) is escaped too: one rule for every invisible character, never a guess
# at what a neighbour makes visible. U+1D17B and the other musical accents are visible marks,
# not ignorable, and stay. Lone surrogates are not text at all and would crash the UTF-8 encoder.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2065\u206a-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029{_INVISIBLE}\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
# What json.dumps(ensure_ascii=False) leaves raw that a terminal could still act on or that hides.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029{_INVISIBLE}\ud800-\udfff]")
# Markdown: the characters every renderer (CommonMark/GFM: GitHub, markdown-it, pandoc; and
# Python-Markdown) reads a backslash escape of are escaped with one; ``<`` and ``~`` become character
# references (Python-Markdown shows a backslash before them). What an autolinker would take for a
# link (``www.host``, ``host.com``, ``a@b.org``: GFM's autolink, markdown-it's linkify) loses it by
# a reference for the dot between two word characters (not between digits: ``0.25`` stays), for
# the second slash of ``//`` and for the colon of ``mailto:``: it reads the same, links nowhere.
_MARKDOWN = re.compile(r"([\\`*_\[\]>|#!])")
_MARKDOWN_REFS = {"&": "&amp;", "<": "&lt;", "~": "&#126;"}
_MARKDOWN_REF = re.compile("[&<~]")
_LINKISH = re.compile(r"(?<=\w)\.(?=\w)|//|(?<=mailto):", re.IGNORECASE)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json_escape(match: re.Match[str]) -> str:
    """A JSON ``\\u`` escape; characters beyond U+FFFF become a surrogate pair, as JSON requires."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def terminal(value: object) -> str:
    """Text that cannot change a terminal: control characters shown as escapes (``\\x1b``)."""
    if value is None:
        return ""
    return _UNSAFE.sub(_escape, str(value))


# Default-ignorable characters that are not format characters (category Cf): combining grapheme
# joiner, Hangul fillers, Khmer inherent vowels, Mongolian and other variation selectors, reserved.
_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\uffa0\ufe00-\ufe0f\ufff0-\ufff8\U000e0100-\U000e0fff]"
)


def lookalike_keys(name: str) -> frozenset[str]:
    """What a name looks like, for spotting near-duplicates (never a database key).

    Applies NFKC (fullwidth ``Ｂ`` is ``B``, a no-break space is a space), casefolds, and reads
    each invisible character (every format character, category Cf, and the other invisibles) both
    as nothing and as a space, since terminals show a zero-width space either way: so
    ``The\u200bBell`` gives ``thebell`` and ``the bell``. Runs of spaces are collapsed. Two names
    whose key sets meet look the same on screen.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join("\0" if unicodedata.category(c) == "Cf" else c for c in _IGNORABLE.sub("\0", text))
    text = unicodedata.normalize("NFKC", text)
    return frozenset(" ".join(text.replace("\0", sep).split()) for sep in ("", " "))


def claim_key(text: str) -> str:
    """The key that finds exact duplicates of a claim: its text with case, whitespace,
    punctuation and invisible characters folded away, hashed to a fixed length for the index.

    NFKC first (fullwidth and compatibility forms are their plain letters), then casefolding; then
    only letters, digits, marks and symbols are kept: ``Russia's  ally.`` and ``russias ally`` are
    the same claim, and so is ``The\u200bBell`` and ``thebell``. Word boundaries go too, which only
    ever joins texts that read alike.
    """
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    kept = folded.translate(_UNKEYED)  # in C: an import keys a million claims
    return hashlib.sha256(kept.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class _Unkeyed(dict[int, int | None]):
    """``str.translate`` table dropping what ``claim_key`` folds away, filled in as characters are met."""

    def __missing__(self, code: int) -> int | None:
        kept = unicodedata.category(chr(code))[0] in "LNMS"
        self[code] = code if kept else None
        return self[code]


_UNKEYED = _Unkeyed()


# A printable ASCII character other than space shows as itself whatever surrounds it (NFKC and
# casefolding keep it printable ASCII), so text holding one is visible: the common case, in C.
_PLAIN_VISIBLE = re.compile("[!-~]")


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: not only spaces, control and invisible characters."""
    if _PLAIN_VISIBLE.search(text):
        return True
    return any(not c.isspace() and unicodedata.category(c) != "Cc" for c in min(lookalike_keys(text)))


# Made once: ``json.dumps`` with options builds a new encoder on every call (an export makes one a
# claim); the C encoder itself, where Python has it, as ``JSONEncoder.encode`` would make per call.
_JSON_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)  # the C accelerator, where Python has it
_C_ENCODER = (
    _MAKE_ENCODER(None, _JSON_COMPACT.default, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    if _MAKE_ENCODER
    else None
)


def _compact(data: Any) -> str:
    if _C_ENCODER is not None and isinstance(data, dict | list):
        return "".join(_C_ENCODER(data, 0))
    return _JSON_COMPACT.encode(data)


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON that keeps the exact text; the few characters a terminal acts on become ``\\u`` escapes."""
    if indent:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    else:
        text = _compact(data)
    if text.isascii() and "\x7f" not in text:  # json escapes C0 controls itself; DEL is the one ASCII left
        return text
    return _JSON_UNSAFE.sub(_json_escape, text)


# ---- CSV -----------------------------------------------------------------------------------------
# A CSV cell is opened by spreadsheets split on whatever separator the user's locale picks, not only
# on the comma this file uses: a cell's text is split again at every ``,``, ``;``, tab and ``|`` in
# it (a quote in the middle of a field does not hold a spreadsheet reading ``;`` together), and at
# each newline (a quoted newline ends the row then too). So the formula guard goes at the start of
# the cell and after each of those, wherever what follows, past spaces and ``'`` marks (LibreOffice
# can trim spaces), starts a formula.
_NEEDS_GUARD = re.compile(r"(?:\A|[,;\t|\n])[ ']*[=+\-@\t\r]")  # somewhere a guard goes (search)
_GUARD_AT = re.compile(r"(?:\A|(?<=[,;\t|\n]))(?=[ ']*[=+\-@\t\r])")  # each place it goes
_GUARDED_AT = re.compile(r"(?:\A|(?<=[,;\t|\n]))'(?=[ ']*[=+\-@\t\r])")  # each guard, to take off
# Escaped in a CSV cell: what ``terminal`` escapes but newline and tab, which stay inside the quoted
# cell. A cell holding any of those, or text that reads as one of its escapes (``\u200b`` typed as six
# characters), is written with every backslash doubled, so ``csv_decode`` reads each escape back
# unambiguously; any other cell, backslashes and all, is written as it is.
_CSV_UNSAFE = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x08\x0b-\x1f", 1))
_CSV_ESCAPE = re.compile(r"\\(?:[\\r]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4})")


def _csv_unescape(match: re.Match[str]) -> str:
    escape = match.group()
    if escape == "\\\\":
        return "\\"
    return "\r" if escape == "\\r" else chr(int(escape[2:], 16))


def csv_cell(value: object) -> str:
    """A CSV cell that is inert and that ``csv_text`` reads back to exactly ``value``'s text.

    Control, bidi and invisible characters become escapes (``\\x1b``, ``\\u200b``, as ``terminal``
    shows them) and the cell's backslashes are doubled, when it holds any such character or
    text that reads as an escape; newlines and tabs stay as they are (the cell is quoted). Then a
    ``'`` (OWASP) goes before every formula start: at the cell's start and after every ``,``,
    ``;``, tab, ``|`` and newline, where what follows, past spaces and ``'`` marks, starts with
    ``= + - @``, tab or CR. Also when ``'`` marks come first (``'=x`` is written ``''=x``), so
    ``csv_unguard`` always takes off exactly what was added.
    """
    if value is None:
        return ""
    text = str(value)
    if _CSV_UNSAFE.search(text) is not None or "\\" in text and _CSV_ESCAPE.search(text) is not None:
        text = _CSV_UNSAFE.sub(_escape, text.replace("\\", "\\\\"))  # CR as ``\\r``, as on a terminal
    return _GUARD_AT.sub("'", text) if _NEEDS_GUARD.search(text) is not None else text


def _csv_marks() -> bytes:
    """The ``bytes.translate`` table ``csv_row`` reads a row's UTF-8 through: each separator a newline,
    each formula start ``=``, a backslash, tab and every other ASCII control ``!``, any other byte ``a``."""
    table = bytearray(b"a" * 256)
    for code in (*range(0x20), 0x7F, ord("\\")):
        table[code] = ord("!")
    for code in b",;|\n":
        table[code] = ord("\n")
    for code in b"=+-@":
        table[code] = ord("=")
    return bytes(table)


_CSV_MARKS = _csv_marks()


def csv_row(values: list[object]) -> list[str]:
    """``csv_cell`` of every value of a row, with the common case (nothing to escape or guard in the
    whole row) found in C: an export writes millions of cells, and a regular expression search
    for the guard's places costs more than the rest of the row.

    The cells are joined behind newlines (a guard's place: each cell's start) and read as UTF-8
    through ``_CSV_MARKS`` with spaces and ``'`` marks dropped: a guard goes somewhere only if a
    newline is then followed by ``=``. Any backslash, tab or ASCII control sends the row the
    careful way, cell by cell; other characters to escape are not ASCII, so an ASCII row needs no
    further search."""
    cells = ["" if v is None else str(v) for v in values]
    row = "\n".join(["", *cells])
    marks = row.encode("utf-8", "surrogatepass").translate(_CSV_MARKS, b" '")
    if b"!" in marks or b"\n=" in marks or not row.isascii() and _CSV_UNSAFE.search(row) is not None:
        return [csv_cell(v) for v in values]
    return cells


def csv_writer(out: IO[str], header: Sequence[str]) -> Any:
    """A ``csv.writer`` that quotes every cell, after writing ``header`` (plain names) unquoted.

    Every cell is quoted, not only those holding a comma, so every CSV reader using the comma
    takes each cell whole, whatever it holds. (A spreadsheet splitting on ``;`` or tab instead
    honours a quote only at the start of its own field and splits our cells too: for it,
    ``csv_cell`` puts guards after separators.)"""
    csv.writer(out, lineterminator="\n").writerow(header)
    return csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)


def csv_unguard(cell: str) -> str:
    """A cell ``csv_cell`` wrote with every formula guard ``'`` taken off again (escapes still in)."""
    return _GUARDED_AT.sub("", cell) if "'" in cell else cell


def csv_decode(text: str) -> str:
    """Text with the escapes of ``csv_cell`` read back: ``\\\\``, ``\\r``, ``\\xNN``, ``\\uNNNN``,
    ``\\UNNNNNNNN``; any other backslash is kept as it is."""
    return _CSV_ESCAPE.sub(_csv_unescape, text) if "\\" in text else text


def csv_text(cell: str) -> str:
    """The text a cell ``csv_cell`` wrote holds: guards off, then escapes read."""
    return csv_decode(csv_unguard(cell))


def markdown(value: object) -> str:
    """Markdown text (a table cell, a heading) that renders as typed in every renderer: no links,
    HTML, emphasis, strikethrough or pipes, and no backslash shown that the text did not have."""
    text = _MARKDOWN_REF.sub(lambda m: _MARKDOWN_REFS[m.group()], _MARKDOWN.sub(r"\\\1", terminal(value)))
    return _LINKISH.sub(_unlink, text)


def _unlink(match: re.Match[str]) -> str:
    found, at = match.group(), match.start()
    if found == "//":
        return "/&#47;"
    if found == ":":
        return "&#58;"
    text = match.string
    return "." if text[at - 1].isdigit() and text[at + 1].isdigit() else "&#46;"


def html_text(value: object) -> str:
    """HTML-escaped text with control characters shown as escapes."""
    return html.escape(terminal(value), quote=True)
