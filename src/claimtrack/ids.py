"""Claim ids as people type them: ``3 5 8-12``, ``3,5``, or one a line from ``list --format ids``.

Every command that takes several claims reads them here, so the rules are the same everywhere:
whole ASCII numbers from 1, ranges low-high (both ends included), commas or spaces between; the
same id twice counts once; the result is in ascending order. Nothing here touches the database:
whether each id exists is for the store to say, inside the transaction that changes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from claimtrack.errors import InvalidInput

MAX_ID = 2**63 - 1  # database integers are signed 64-bit
MAX_IDS = 100_000  # one command changes at most this many claims (a typo like 1-99999999 is caught)
_MAX_DIGITS = len(str(MAX_ID))
_TOKEN = re.compile(r"#?([0-9]+)(?:-#?([0-9]+))?", re.ASCII)


def parse(tokens: Iterable[str], where: str = "") -> list[int]:
    """The ids named by ``tokens`` (``"3"``, ``"8-12"``, ``"3,5"``), sorted, each once.

    ``where`` says where a token came from in an error (``" (standard input, line 4)"``).
    """
    found: set[int] = set()
    for token in tokens:
        for part in token.replace(",", " ").split():
            match = _TOKEN.fullmatch(part)
            if match is None:
                raise InvalidInput(
                    f"invalid claim id {_cut(part)!r}{where}: give ids and ranges like 3 5 8-12 "
                    "(ASCII digits); see them with: claimtrack list"
                )
            if any(len(digits.lstrip("0")) > _MAX_DIGITS for digits in match.groups() if digits):
                raise InvalidInput(
                    f"invalid claim id {_cut(part)!r}{where}: ids are whole numbers from 1 to {MAX_ID}; "
                    "see them with: claimtrack list"
                )  # before int(): 5000 digits raise ValueError
            low = int(match.group(1))
            high = int(match.group(2)) if match.group(2) is not None else low
            if low < 1 or high > MAX_ID:
                raise InvalidInput(
                    f"invalid claim id {_cut(part)!r}{where}: ids are whole numbers from 1 to {MAX_ID}; "
                    "see them with: claimtrack list"
                )
            if high < low:
                raise InvalidInput(f"the range {part!r}{where} runs backwards; write it low-high: {high}-{low}")
            if high - low + 1 + len(found) > MAX_IDS:
                raise InvalidInput(f"{part!r}{where} names too many claims; one command changes at most {MAX_IDS}")
            found.update(range(low, high + 1))
    return sorted(found)


def looks_like_ids(text: str) -> bool:
    """Whether ``text`` is nothing but ids and ranges as ``parse`` reads them (``5``, ``8-12``, ``3, 5``)."""
    parts = text.replace(",", " ").split()
    return bool(parts) and all(_TOKEN.fullmatch(part) for part in parts)


def _cut(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


MAX_LINE = 64 * 1024  # characters read at a time: /dev/zero or a binary file fails at once, not out of memory


def read_lines(stream: TextIO, name: str) -> list[int]:
    """Ids from a file or standard input: ids and ranges, any number a line; blank lines skipped."""
    found: set[int] = set()
    for number, line in enumerate(iter(lambda: stream.readline(MAX_LINE), ""), start=1):
        if len(line) == MAX_LINE and not line.endswith("\n"):  # read on, and a number would be cut in two
            raise InvalidInput(
                f"{name}, line {number} is longer than {MAX_LINE} characters; "
                "give the ids one a line, as claimtrack list -f ids prints them"
            )
        found.update(parse([line], f" ({name}, line {number})"))
        if len(found) > MAX_IDS:
            raise InvalidInput(f"{name} names more than {MAX_IDS} claims; one command changes at most {MAX_IDS}")
    return sorted(found)


def shown(ids: list[int]) -> str:
    """Ids as a short text: ``3, 5, 8-12`` (runs of consecutive ids as ranges)."""
    parts: list[str] = []
    run: list[int] = []
    for cid in sorted(ids):
        if run and cid == run[-1] + 1:
            run.append(cid)
            continue
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
        run = [cid]
    if run:
        parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
    return ", ".join(parts)
