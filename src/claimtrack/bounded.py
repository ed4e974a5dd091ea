"""Reading import files a record at a time, none larger than ``MAX_RECORD``, so input never ends memory.

An import file may be anything: ``/dev/zero``, ``yes | tr -d '\\n'`` on standard input, a 1 GB
line. Python's ``for line in file`` and ``json.load`` keep reading until the line or the
document ends, which for such input is when memory runs out. Here every read is bounded:

* ``lines`` gives a text file's lines, refusing one longer than ``MAX_RECORD`` characters as soon
  as that many were read (JSONL records, CSV rows);
* ``JsonStream`` walks one JSON document (a claimtrack JSON backup, or an array of claims) and
  gives the elements of its arrays one at a time, each parsed by ``json`` from a buffer that holds
  at most about ``MAX_RECORD`` characters past the element's start; a larger element is refused.

So an import holds one record (plus a read buffer) at a time whatever the file's size. The limit is
far above any claim: text, quote and every note are at most 10,000 characters (``validate``), so a
claim with its whole history fills a record only with over 1,500 full-length notes.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import IO, Any

from claimtrack.errors import InvalidInput

MAX_RECORD = 16 * 1024 * 1024  # characters in one line of JSONL or CSV, or one record of a JSON file
MAX_RECORD_SHOWN = "16 MiB"
CHUNK = 1 << 20  # characters read at a time by JsonStream
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def too_long(where: str) -> InvalidInput:
    return InvalidInput(
        f"{where} is longer than {MAX_RECORD_SHOWN} ({MAX_RECORD:,} characters), the most one record may hold; "
        "is it a claimtrack import file? Nothing was imported"
    )


def lines(handle: IO[str], name: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a text file, each read with a bounded ``readline``."""
    line_no = 0
    while line := handle.readline(MAX_RECORD + 1):
        line_no += 1
        if len(line) > MAX_RECORD and line[-1] not in "\r\n":
            raise too_long(f"line {line_no} of {name}")
        yield line_no, line


def loads_error(exc: Exception, where: str, line: int | None = None) -> InvalidInput:
    """Every way ``json`` fails on a value as one clear line naming ``where``.

    Besides malformed JSON, Python's parser refuses nesting deeper than its recursion limit
    (``RecursionError``) and integers longer than 4,300 digits (``ValueError``); no claimtrack
    file holds either, so they are errors in the file, not in claimtrack.
    """
    if isinstance(exc, json.JSONDecodeError):
        return InvalidInput(
            f"{where} is not valid JSON (line {line or exc.lineno}: {exc.msg}); is it complete? Nothing was imported"
        )
    if isinstance(exc, RecursionError):
        return InvalidInput(
            f"{where} nests lists or objects too deeply to read (more than {sys.getrecursionlimit():,} levels); "
            "a claimtrack file nests four: fix the file; nothing was imported"
        )
    return InvalidInput(  # int(...) of more digits than sys.get_int_max_str_digits()
        f"{where} holds a number too long to read (over {sys.get_int_max_str_digits():,} digits); "
        "no claim field takes such a number: fix the file; nothing was imported"
    )


def _cut_short(exc: Exception, size: int) -> bool:
    """Whether a parse error may only mean the value goes on past the buffer's ``size`` characters:
    an open string, or an error within a literal's or escape's length of the end ("tru", "\\u00")."""
    if not isinstance(exc, json.JSONDecodeError):
        return False
    return exc.msg.startswith("Unterminated string") or exc.pos >= size - _LONGEST_TOKEN


_LONGEST_TOKEN = 16  # "-Infinity", "\\uXXXX" and a number's exponent are shorter


class JsonStream:
    """One JSON document read from ``handle`` piece by piece (see the module's docstring)."""

    def __init__(self, handle: IO[str], name: str) -> None:
        self.handle, self.name = handle, name
        self.buf, self.pos = "", 0
        self.lines_before = 0  # newlines in the text already dropped from ``buf``
        self.eof = False

    def _more(self) -> bool:
        """Read the next chunk into the buffer, dropping what was consumed; False at the end."""
        if self.eof:
            return False
        chunk = self.handle.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.lines_before += self.buf.count("\n", 0, self.pos)
        self.buf, self.pos = self.buf[self.pos :] + chunk, 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), without consuming it."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def line(self) -> int:
        return self.lines_before + self.buf.count("\n", 0, self.pos) + 1

    def fail(self, what: str) -> InvalidInput:
        return InvalidInput(
            f"{self.name} is not valid JSON (line {self.line()}: {what}); is it complete? Nothing was imported"
        )

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.fail(f"expecting {what}")
        self.pos += 1

    def value(self, where: str) -> Any:
        """The next JSON value, read whole (at most ``MAX_RECORD`` characters)."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except (ValueError, RecursionError) as exc:
                if not self.eof and _cut_short(exc, len(self.buf)):
                    if len(self.buf) - self.pos > MAX_RECORD:
                        raise too_long(f"{where} of {self.name} (from line {self.line()})") from exc
                    if self._more():
                        continue  # it may end in the next chunk
                line = self.lines_before + exc.lineno if isinstance(exc, json.JSONDecodeError) else None
                raise loads_error(exc, f"{where} of {self.name}", line) from exc
            if end == len(self.buf) and not self.eof and self._more():
                continue  # a number may go on in the next chunk: read it whole
            self.pos = end
            return value

    def array(self, what: str) -> Iterator[Any]:
        """The elements of the array that comes next, one at a time (``what 1``, ``what 2``...)."""
        self.expect("[", "'['")
        if self.peek() == "]":
            self.pos += 1
            return
        number = 0
        while True:
            number += 1
            yield self.value(f"{what} {number}")
            char = self.peek()
            self.pos += 1
            if char == "]":
                return
            if char != ",":
                self.pos -= 1
                raise self.fail(f"expecting ',' or ']' after {what} {number}")

    def members(self) -> Iterator[str]:
        """The keys of the object that comes next; after each, read its value before the next key."""
        self.expect("{", "'{'")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            if self.peek() != '"':
                raise self.fail("expecting a property name in double quotes")
            key = self.value("a property name")
            self.expect(":", "':' after a property name")
            yield key
            char = self.peek()
            self.pos += 1
            if char == "}":
                return
            if char != ",":
                self.pos -= 1
                raise self.fail("expecting ',' or '}' between properties")

    def skip(self, where: str) -> None:
        """Read past the next value; an array element by element, so a long one is no harder."""
        if self.peek() == "[":
            for _ in self.array(where):
                pass
        else:
            self.value(where)

    def end(self) -> None:
        if self.peek() != "":
            raise self.fail("extra data after the document")
