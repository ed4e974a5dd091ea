"""The md report: GitHub-flavoured Markdown a team pastes into an issue, a wiki or a README.

``report`` drives it (``Markdown``): the heading, the summary as text and tables, then the claim
table, whole or one table per group. Every cell is escaped (``textsafe.markdown``) and a link's
address percent-encoded (``md_target``), so no claim text can become markup or a link, in GitHub,
pandoc, markdown-it with linkify or Python-Markdown alike (tests/test_report_markdown.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO, Any
from urllib.parse import urlsplit

from claimtrack import textsafe
from claimtrack.claimcols import host
from claimtrack.records import markdown_table
from claimtrack.reportparts import STATUSES, Summary, cells, span

HEADERS = (
    "id",
    "claim",
    "source",
    "said on",
    "confidence",
    "status",
    "resolved on",
    "last change",
    "evidence",
    "last note",
)


# The characters a link's address keeps as they are: those markdown-it leaves unencoded (mdurl's
# ``ENCODE_DEFAULT_CHARS``) but parentheses, which would end the link in Python-Markdown.
_URL_KEEPS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789;/?:@&=+$,-_.!~*'#")
_HEX = frozenset("0123456789abcdefABCDEF")
_LABEL_DOTS = re.compile("[.\u3002\uff0e\uff61]")


def md_target(url: str) -> str:
    """A link's address as every renderer writes it into ``href``: its host's non-ASCII labels in
    punycode and every other character percent-encoded (a ``%XX`` already there kept), as
    markdown-it normalises it, so markdown-it, pandoc and Python-Markdown link to the same bytes
    and nothing in it (``|``, ``)``, ``<``, a space) can end the link or the table cell."""
    parts = urlsplit(url)
    if not parts.netloc.isascii():
        auth, at, host = parts.netloc.rpartition("@")
        host = ".".join(
            p if p.isascii() else "xn--" + p.encode("punycode").decode("ascii") for p in _LABEL_DOTS.split(host)
        )
        url = url.replace(parts.netloc, auth + at + host, 1)
    out = []
    for i, c in enumerate(url):
        if c in _URL_KEEPS or (c == "%" and url[i + 1 : i + 2] in _HEX and url[i + 2 : i + 3] in _HEX):
            out.append(c)
        else:
            try:
                out.append("".join(f"%{b:02X}" for b in c.encode("utf-8")))
            except UnicodeEncodeError:  # a lone surrogate: U+FFFD, as markdown-it writes it
                out.append("%EF%BF%BD")
    return "".join(out)


def md_link(url: str) -> str:
    """``[host](url)``: the host as text no autolinker takes for a link (``textsafe.markdown``), so
    no renderer nests a second link inside the label; the address percent-encoded (``md_target``)."""
    return f"[{textsafe.markdown(host(url))}]({md_target(url)})"


class Markdown:
    """GitHub-flavoured Markdown: the summary as text and tables, then the claim table."""

    def head(self, out: IO[str], title: str, line: str) -> None:
        out.write(f"# {textsafe.markdown(title)}\n\n{textsafe.markdown(line)}\n\n")

    def summary(self, out: IO[str], s: Summary) -> None:
        total = s.total
        out.write("## Summary\n\n")
        if not total:
            out.write("No claims.\n\n")
            return
        out.write(markdown_table(("status", "claims", "share"), s.totals()))
        out.write(f"\n{total} claim{'s' if total != 1 else ''}.")
        days = sorted(s.resolved)
        if days:
            confirmed = sum(n for (_, st), n in s.resolved.items() if st == "confirmed")
            refuted = sum(n for (_, st), n in s.resolved.items() if st == "refuted")
            out.write(f" Resolved {span(days[0][0], days[-1][0])}: {confirmed} confirmed, {refuted} refuted.")
        out.write("\n\n### Track record\n\n")
        rows = [(r.name, r.reliability or "F", *r.numbers()) for r in s.records()]
        out.write(markdown_table(("source", "reliability", "claims", *STATUSES, "accuracy", "Brier"), rows))
        brier = s.brier()
        if brier is not None:
            n = s.scored()
            out.write(
                f"\nBrier score {brier:.3f} over {n} resolved claim{'s' if n != 1 else ''} "
                "with a stated confidence (0 is perfect; always saying 50% scores 0.250).\n"
            )
        out.write("\n")

    def row(self, claim: dict[str, Any], code: str, resolved: str, group_by: str | None) -> str:
        row = cells(claim, resolved)
        row[2] = f"{row[2]} ({code})"
        links = ", ".join(md_link(u) for u in row[8])
        return "| " + " | ".join([*(textsafe.markdown(v) for v in row[:8]), links, textsafe.markdown(row[9])]) + " |\n"

    def table_start(self, out: IO[str], grouped: bool = False) -> None:
        out.write("## Claims\n\n")
        if not grouped:
            out.write(markdown_table(HEADERS, []))

    def group(self, out: IO[str], name: str, rows: Iterable[str], count: int) -> None:
        out.write(f"### {textsafe.markdown(name)} ({count})\n\n{markdown_table(HEADERS, [])}")
        out.writelines(rows)
        out.write("\n")

    def table_end(self, out: IO[str]) -> None:
        pass

    def foot(self, out: IO[str], total: int) -> None:
        pass
