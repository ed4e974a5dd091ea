"""Fitting a table to the terminal: pick columns, shrink and abbreviate them, never cut one off.

Rich, given a table wider than the screen, squeezes every column and then cuts what still does
not fit, so ``list`` at 80 columns used to lose Status, Said on and Tags. Here each table
declares its columns with a priority (0: never dropped: id, status, claim text, confidence), and
``layout`` works out every column's width itself, in this order, until the table fits:

1. every column at its natural width, wrapping columns (claim text, source, notes) at a
   comfortable width (``Col.comfort``);
2. the compact forms: short headers (``Unverified`` -> ``Open``) and short cells (``70% likely``
   -> ``70%``);
3. dropping columns from the lowest priority up (never one named in ``--columns``), wrapping
   columns now down to their minimum; before the last droppable column goes, wrapping columns
   down to their ``Col.tight`` width if that keeps it (log: the claim's ID stays at 40 columns);
4. if even the essential columns cannot fit (a very narrow terminal), one block per row: ``label
   value`` lines, which wrap at any width, showing the essential columns and those dropped only
   for want of width (``Col.block``: log's claim ID and By, which give way to its Undo ID).

Space left over goes to the wrapping columns, claim text first. ``--wide`` keeps every default
column at full width even if the table is wider than the screen; ``--columns a,b`` picks columns
(including ones not shown by default, such as ``url``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimtrack.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class Col:
    """One column of a table. ``priority`` 0 is never dropped; higher numbers drop first."""

    key: str
    header: str
    priority: int = 1
    wrap: bool = False  # wraps (and folds long words) instead of keeping its cells on one line
    min_width: int = 8  # for a wrapping column: the narrowest it may become
    short: str | None = None  # header when compact
    compact: Callable[[str], str] | None = None  # cell text when compact
    compact_key: str | None = None  # when compact, the cell of this key instead (list: the words typed)
    style: Callable[[dict[str, str]], str] | None = None  # a Rich style for the cell, from its row
    justify: str = "left"
    default: bool = True  # shown without --columns
    ellipsis: bool = False  # one line, shortened with … to its width (log's claim text)
    names: tuple[str, ...] = ()  # other names --columns accepts
    comfort: int = 0  # a flexible column narrower than this makes the table try its compact form
    whole_words: bool = False  # never narrower than its longest word (tags: no tag split in two)
    links: bool = False  # holds web addresses: one too wide for the column is printed whole below the table
    lines: int = 0  # a wrapping column's cells cut to this many lines (with …) when fitted, not with --wide
    block: bool = False  # dropped from a narrow table, yet shown again when rows become blocks
    tight: int = 0  # a wrapping column's narrowest width to keep the last droppable column (0: min_width)


@dataclass(frozen=True, slots=True)
class View:
    """How a table is to be shown: the width to fit, the columns asked for, ``--wide``."""

    width: int | None = None
    columns: tuple[str, ...] | None = None
    wide: bool = False
    terminal: bool = False  # draw colours even though the output is a buffer (for the pager)
    color: str | None = None  # "always" or "never" (the output.color setting); None: Rich decides


@dataclass(slots=True)
class Plan:
    """The outcome of ``layout``: the columns kept with their widths and headers, or stacked."""

    columns: list[Col]
    widths: list[int]
    headers: list[str]
    compact: bool
    stacked: bool = False
    dropped: list[str] = field(default_factory=list)


def overhead(count: int) -> int:
    """Borders and padding of a boxed Rich table with ``count`` columns: ``│ a │ b │``."""
    return 3 * count + 1


def cell_width(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


def column_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def select(columns: Sequence[Col], asked: Sequence[str] | None) -> list[Col]:
    """The columns ``--columns`` names, in its order; the default ones when it names none."""
    if not asked:
        return [c for c in columns if c.default]
    by_name: dict[str, Col] = {}
    for c in columns:
        for name in (c.key, c.header, *((c.short,) if c.short else ()), *c.names):  # every header shown
            by_name.setdefault(column_key(name), c)
    chosen: list[Col] = []
    for name in asked:
        col = by_name.get(column_key(name))
        if col is None:
            from claimtrack.choices import nearest

            near = nearest(column_key(name), [c.key for c in columns])
            hint = f" (did you mean {near!r}?)" if near else ""
            known = ", ".join(c.key for c in columns)
            raise InvalidInput(f"--columns: no column {name!r} in this table{hint}; choose from {known}")
        if col not in chosen:
            chosen.append(col)
    return chosen


def parse_columns(text: str | None) -> tuple[str, ...] | None:
    """``--columns id,status`` (commas or spaces) as names, or None."""
    if text is None:
        return None
    names = tuple(n for n in text.replace(",", " ").split() if n)
    if not names:
        raise InvalidInput("--columns is empty; name at least one column, e.g. --columns id,status,text")
    return names


def _cells(col: Col, rows: Sequence[dict[str, str]], compact: bool) -> list[str]:
    values = [r.get(col.compact_key if compact and col.compact_key else col.key, "") for r in rows]
    if compact and col.compact is not None:
        values = [col.compact(v) for v in values]
    return values


def _header(col: Col, compact: bool) -> str:
    return col.short if compact and col.short else col.header


def _natural(col: Col, rows: Sequence[dict[str, str]], compact: bool) -> int:
    return max([cell_width(_header(col, compact))] + [cell_width(v) for v in _cells(col, rows, compact)])


def _flexible(col: Col) -> bool:
    return col.wrap or col.ellipsis


def _minimum(
    col: Col, rows: Sequence[dict[str, str]], compact: bool, comfortable: bool = False, tight: bool = False
) -> int:
    natural = _natural(col, rows, compact)
    if not _flexible(col):
        return natural
    narrowest = col.tight if tight and col.tight else col.min_width
    least = max(narrowest, cell_width(_header(col, compact)), col.comfort if comfortable else 0)
    if col.whole_words:
        least = max([least] + [cell_width(w) for v in _cells(col, rows, compact) for w in v.split()])
    return min(natural, least)


def layout(columns: Sequence[Col], rows: Sequence[dict[str, str]], view: View) -> Plan:
    """Choose columns, widths and headers so the table is at most ``view.width`` wide."""
    chosen = select(columns, view.columns)
    if view.wide or view.width is None:
        widths = [_natural(c, rows, False) for c in chosen]
        return Plan(chosen, widths, [c.header for c in chosen], compact=False)
    width = view.width
    pinned = bool(view.columns)
    kept = list(chosen)
    dropped: list[str] = []
    for compact in (False, True):
        while True:
            # Full size only while the flexible columns keep a comfortable width; else compact first.
            need = overhead(len(kept)) + sum(_minimum(c, rows, compact, comfortable=not compact) for c in kept)
            if need <= width:
                return _widen(kept, rows, compact, width, dropped)
            if not compact:
                break  # try the compact forms before dropping anything
            droppable = [c for c in kept if c.priority > 0 and not pinned]
            if not droppable:
                shown = [c for c in chosen if c in kept or c.block]
                gone = [key for key in dropped if key not in {c.key for c in shown}]
                return Plan(shown, [], [c.header for c in shown], compact=True, stacked=True, dropped=gone)
            if len(droppable) == 1 and any(c.tight for c in kept):  # narrower still, to keep the last one
                if overhead(len(kept)) + sum(_minimum(c, rows, True, tight=True) for c in kept) <= width:
                    return _widen(kept, rows, True, width, dropped, tight=True)
            worst = max(droppable, key=lambda c: (c.priority, kept.index(c)))
            kept.remove(worst)
            dropped.append(worst.key)
    raise AssertionError("unreachable")  # pragma: no cover


def _widen(
    kept: list[Col], rows: Sequence[dict[str, str]], compact: bool, width: int, dropped: list[str], tight: bool = False
) -> Plan:
    """Give every column its minimum, then share what is left among the flexible ones."""
    widths = [_minimum(c, rows, compact, tight=tight) for c in kept]
    naturals = [_natural(c, rows, compact) for c in kept]
    spare = width - overhead(len(kept)) - sum(widths)
    # First every wrapping column up to its comfortable width (claim text first), so a short column
    # (due's Why) is not folded into three lines while the claim text takes all the room; then lower priority numbers
    # (claim text) are served first; within one priority, by what they lack.
    for i, c in sorted(enumerate(kept), key=lambda ic: ic[1].priority):
        if c.comfort and spare > 0 and widths[i] < min(c.comfort, naturals[i]):
            grow = min(min(c.comfort, naturals[i]) - widths[i], spare)
            widths[i] += grow
            spare -= grow
    for priority in sorted({c.priority for c in kept}):
        group = [i for i, c in enumerate(kept) if c.priority == priority and naturals[i] > widths[i]]
        lacking = sum(naturals[i] - widths[i] for i in group)
        if spare <= 0 or not group:
            continue
        if lacking <= spare:
            for i in group:
                widths[i] = naturals[i]
            spare -= lacking
            continue
        share = spare
        for i in group:
            extra = (naturals[i] - widths[i]) * share // lacking
            widths[i] += extra
            spare -= extra
        for i in group:  # what rounding left
            if spare and widths[i] < naturals[i]:
                widths[i] += 1
                spare -= 1
    headers = [_header(c, compact) for c in kept]
    return Plan(kept, widths, headers, compact=compact, dropped=dropped)


_URL = re.compile(r"https?://\S+")


def _footnoted(rows: Sequence[dict[str, str]], plan: Plan, notes: list[str]) -> list[dict[str, str]]:
    """``rows`` with each web address too wide for its column (``Col.links``) replaced by ``[n]``,
    the address being ``notes[n - 1]``: a folded address can neither be read nor clicked."""
    narrow = {c.key: w for c, w in zip(plan.columns, plan.widths, strict=True) if c.links}

    def mark(width: int) -> Callable[[re.Match[str]], str]:
        def sub(found: re.Match[str]) -> str:
            url = found.group(0)
            if cell_width(url) <= width:
                return url
            if url not in notes:
                notes.append(url)
            return f"[{notes.index(url) + 1}]"

        return sub

    return [{**r, **{k: _URL.sub(mark(w), r.get(k, "")) for k, w in narrow.items()}} for r in rows]


def render(
    columns: Sequence[Col],
    rows: Sequence[dict[str, str]],
    view: View,
    *,
    title: str | None = None,
    notes: list[str] | None = None,
) -> Any:
    """A Rich renderable: the fitted table, or one block per row when even that cannot fit.

    ``notes``: where the web addresses too wide for their column go (each marked ``[n]`` in its
    cell), for the caller to print whole below the table (``richout.print_fitted``)."""
    from rich.table import Table
    from rich.text import Text

    plan = layout(columns, rows, view)
    if notes is not None and not plan.stacked and not view.wide and any(c.links for c in plan.columns):
        rows = _footnoted(rows, plan, notes)
        plan = layout(columns, rows, view)
    if plan.stacked:
        return _stacked(plan.columns, rows, title)
    table = Table(header_style="bold", title=title, title_justify="left")
    clip = {} if view.wide else {c.key: (w, c.lines) for c, w in zip(plan.columns, plan.widths, strict=True) if c.lines}
    for col, width, header in zip(plan.columns, plan.widths, plan.headers, strict=True):
        table.add_column(
            header,
            width=width,
            justify=col.justify,  # type: ignore[arg-type]
            no_wrap=not col.wrap,
            overflow="ellipsis" if col.ellipsis else "fold",
        )
    cut: dict[str, int] = {}  # header -> lines, of the columns with a cell cut
    for r in rows:
        cells = []
        for col in plan.columns:
            value = _cells(col, [r], plan.compact)[0]
            if col.key in clip:
                shown = _clip(value, *clip[col.key])
                if shown != value:
                    cut[_header(col, plan.compact)] = col.lines
                value = shown
            cells.append(Text(value, style=col.style(r) if col.style else ""))
        table.add_row(*cells)
    if cut:
        said = "; ".join(f"{header}: cut to {lines} lines (…)" for header, lines in cut.items())
        table.caption = f"{said}; --wide shows it whole"
        table.caption_justify = "left"
    return table


_MARK = re.compile(r"\[\d+\]")


def _clip(value: str, width: int, lines: int) -> str:
    """``value`` as at most ``lines`` lines of ``width`` cells, the last ending in ``…`` when cut.

    The ``[n]`` marks of web addresses in the part cut off are kept after the ``…``, so every
    address printed below the table is still referred to."""
    from rich.text import Text

    wrapped = Text(value).wrap(_measuring(), max(width, 1), overflow="fold")
    if len(wrapped) <= lines:
        return value
    kept = [line.plain.rstrip() for line in wrapped[:lines]]
    marks = " ".join(_MARK.findall(" ".join(line.plain for line in wrapped[lines:])))
    tail = f"… {marks}" if marks and cell_width(f"… {marks}") <= width else "…"
    last = kept[-1]
    while last and cell_width(last + tail) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + tail
    return "\n".join(kept)


@functools.cache
def _measuring() -> Any:
    """A console that only measures (wrapping a cell the way the table will)."""
    import io

    from rich.console import Console

    return Console(file=io.StringIO(), width=1000, color_system=None, legacy_windows=False)


def _stacked(columns: Sequence[Col], rows: Sequence[dict[str, str]], title: str | None) -> Any:
    """Rows as blocks of ``Header  value`` lines: readable at any width."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [Text(title, style="bold")] if title else []
    for r in rows:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for col in columns:
            value = _cells(col, [r], True)[0]
            if value:
                grid.add_row(Text(_header(col, True)), Text(value, style=col.style(r) if col.style else ""))
        parts += [grid, Text("")]
    return Group(*parts)


TABLES: dict[str, tuple[str, ...]] = {}  # command -> its column keys, for shell completion


def register(command: str, columns: Sequence[Col]) -> tuple[Col, ...]:
    TABLES[command] = tuple(c.key for c in columns)
    return tuple(columns)


def register_keys(command: str, keys: tuple[str, ...]) -> None:
    """The column keys of a table whose columns are made when it is drawn (they depend on the data)."""
    TABLES.setdefault(command, keys)
