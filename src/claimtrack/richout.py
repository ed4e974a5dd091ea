"""Printing to a terminal through Rich: the console, a table fitted to it, text made inert.

The pieces every table a command draws shares (``render``, ``timeline``, ``extract``, ``match``):
a console that never reads markup or emoji in data (every string reaches Rich as ``Text``, so
``[bold]`` prints as typed), the width to fit a table to (``fit``), a fitted table printed with
the web addresses ``fit`` took out of it below, and the status colours. Rich is imported when a
table is drawn, never for the formats meant for scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from claimtrack import fit, textsafe
from claimtrack.fit import View
from claimtrack.records import flat

STATUS_STYLE = {"confirmed": "green", "refuted": "red", "disputed": "yellow", "unverified": "cyan"}


def console_for(out: IO[str], view: View | None = None) -> Any:
    """A Rich console writing to ``out``: no markup, highlighting or emoji read in the data."""
    from rich.console import Console

    view = view or View()
    return Console(
        file=out,
        highlight=False,
        emoji=False,
        markup=False,
        width=view.width,
        force_terminal=True if view.terminal or view.color == "always" else None,
        no_color=True if view.color == "never" else None,
    )


def fit_view(console: Any, view: View | None) -> View:
    """``view`` with the width to fit filled in: the console's (terminal, $COLUMNS, else 80)."""
    view = view or View()
    return View(
        width=view.width or console.width,
        columns=view.columns,
        wide=view.wide,
        terminal=view.terminal,
        color=view.color,
    )


def print_fitted(console: Any, renderable: Any, view: View, notes: Sequence[str] = ()) -> None:
    """Print a fitted table; with --wide it may be wider than the console, and is not cut.

    ``notes``: the web addresses ``fit.render`` took out of the table as ``[n]``, printed below it
    whole, each on a line of its own that the terminal may wrap but nothing breaks, so it can
    still be selected or clicked."""
    from rich.table import Table

    if view.wide and isinstance(renderable, Table):
        needed = fit.overhead(len(renderable.columns)) + sum(c.width or 0 for c in renderable.columns)
        if needed > console.width:
            console.width = needed
    console.print(renderable)
    for n, url in enumerate(notes, start=1):
        print_whole(console, f"[{n}] ", url)


def print_whole(console: Any, label: str, url: str) -> None:
    """``label`` then ``url`` on one line, never wrapped or cut by Rich (the terminal wraps it)."""
    from rich.text import Text

    console.print(Text(label, style="dim") + Text(url), soft_wrap=True)


def status_style(row: dict[str, str]) -> str:
    """The colour of a row's status cell (a ``fit.Col`` style)."""
    return STATUS_STYLE.get(row.get("status", ""), "")


def day_only(moment: str) -> str:
    """'2024-06-19T00:00:00Z' -> '2024-06-19' (a time cell when space is short)."""
    return moment[:10]


def styled(value: object, style: str = "") -> Any:
    """A value as Rich ``Text`` (never read as markup), made inert, in ``style``."""
    from rich.text import Text

    return Text(textsafe.terminal(flat(value)), style=style)


def cell(value: object) -> str:
    """A value as inert terminal text ('' for none)."""
    return "" if value is None else textsafe.terminal(flat(value))
