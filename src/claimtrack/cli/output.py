"""Where a read command's output goes: straight out, or through a pager, fitted to the screen.

As git and gh do, output to a terminal that is longer than the screen goes through a pager:
``$CLAIMTRACK_PAGER``, else ``$PAGER``, else ``less -FRX`` when installed (``LESS=FRX`` is set for
a bare ``less`` unless ``$LESS`` says otherwise; with ``--wide``, ``-S`` too, so wide rows scroll
sideways rather than wrap). ``--no-pager`` or an empty ``CLAIMTRACK_PAGER``
turns it off; piped output never goes through one. The output is drawn once into memory at the
terminal's width (with colour, unless ``NO_COLOR``), then counted: a screenful or less is printed
directly, so short answers never start a pager.

The settings file sets the defaults the flags and variables override: ``output.pager = false``
turns the pager off unless ``CLAIMTRACK_PAGER`` names one (``$PAGER`` only chooses which pager,
as with git's core.pager); ``output.color`` (auto, always, never) yields to ``NO_COLOR`` and
``FORCE_COLOR``. So: flag > environment variable > settings file > built-in default.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from claimtrack.choices import Format
from claimtrack.cli.base import notify
from claimtrack.errors import InvalidInput

if TYPE_CHECKING:
    from claimtrack.config import Settings
    from claimtrack.fit import View

# subprocess, signal and the table fitting are imported where used: every command, --help
# included, imports this module, and only commands that draw output need them.
Draw = Callable[[IO[str], "View"], None]
_ANSI = r"\x1b\[[0-9;?]*[A-Za-z]"
DEFAULT_PAGER = "less -FRX"


def out_format(fmt: Format | None) -> Format:
    """The format asked for; else a table on a terminal and TSV when piped."""
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.tsv


def progress_wanted() -> bool:
    """A progress bar on stderr: only on a terminal, and not under CI."""
    return sys.stderr.isatty() and os.environ.get("CI", "") == ""


def pager_command(no_pager: bool = False, wanted: bool = True) -> str | None:
    """The pager to use, or None. Only consulted when stdout is a terminal. ``wanted``: the
    output.pager setting, which only ``CLAIMTRACK_PAGER`` overrides."""
    if no_pager:
        return None
    for name in ("CLAIMTRACK_PAGER", "PAGER"):
        if name in os.environ and (wanted or name == "CLAIMTRACK_PAGER"):
            value = os.environ[name].strip()
            return value or None  # set but empty: no pager
    if not wanted:
        return None
    return DEFAULT_PAGER if shutil.which("less") else None


def color_choice(setting: str) -> str | None:
    """``always``/``never`` from the output.color setting, or None to let Rich decide (a terminal
    or not), as it does whenever ``NO_COLOR`` or ``FORCE_COLOR`` is set: they win."""
    if os.environ.get("NO_COLOR", "") != "" or "FORCE_COLOR" in os.environ or setting == "auto":
        return None
    return setting


def view_of(fmt: Format, columns: str | None = None, wide: bool = False) -> View:
    """The table options, refused for formats they cannot shape."""
    if (columns is not None or wide) and fmt is not Format.table:
        option = "--columns" if columns is not None else "--wide"
        raise InvalidInput(
            f"{option} shapes the table; add --format table (output is {fmt.value} here), or pick fields from --format json"
        )
    from claimtrack.fit import View, parse_columns

    return View(columns=parse_columns(columns), wide=wide)


def emit(
    draw: Draw, view: View, no_pager: bool = False, heading: list[str] | None = None, settings: Settings | None = None
) -> None:
    """Run ``draw`` on stdout, through the pager when that is wanted and the output is long.

    ``heading``: lines for the user above the output (``As of ...``): on stderr, or at the top of
    the pager's screen when the output is paged (printed before it, they would scroll away).
    ``settings``: the user's settings when the command has read them already (else read here).
    """
    import dataclasses

    from claimtrack import config

    settings = settings or config.load()
    view = dataclasses.replace(view, color=color_choice(settings.color))
    pager = pager_command(no_pager, settings.pager) if sys.stdout.isatty() else None
    if pager is None:
        notify(heading or [])
        draw(sys.stdout, view)
        return
    import io

    from claimtrack.fit import View

    size = shutil.get_terminal_size()
    buffer = io.StringIO()
    draw(buffer, View(width=size.columns, columns=view.columns, wide=view.wide, terminal=True, color=view.color))
    text = buffer.getvalue()
    if _screen_lines(text, size.columns) + len(heading or []) < size.lines:
        notify(heading or [])
        sys.stdout.write(text)
        return
    from claimtrack import textsafe

    _page(pager, "".join(textsafe.terminal(line) + "\n" for line in heading or []) + text, chop=view.wide)


def _screen_lines(text: str, width: int) -> int:
    """How many terminal rows ``text`` takes, long lines wrapping."""
    import re

    from rich.cells import cell_len

    ansi = re.compile(_ANSI)
    rows = 0
    for line in text.splitlines():
        rows += max(1, -(-cell_len(ansi.sub("", line)) // max(width, 1)))
    return rows


def _exists(command: str) -> bool:
    """Whether the pager's program can be found. A command the shell alone can read (``VAR=x
    less``, quotes it cannot split) is given the benefit of the doubt: the shell's 127 is caught."""
    import shlex

    try:
        words = shlex.split(command)
    except ValueError:
        return True
    if not words or "=" in words[0]:
        return True
    return shutil.which(words[0]) is not None


def _page(command: str, text: str, chop: bool = False) -> None:
    """Show ``text`` through ``command``; if the pager cannot run, print it and say why.

    ``chop`` (``--wide``): a table wider than the screen scrolls sideways in less (``-S``, the
    arrow keys) instead of each row wrapping into pieces; a ``$LESS`` of the user's own is kept."""
    import signal
    import subprocess

    env = dict(os.environ)
    if chop and command == DEFAULT_PAGER:
        command += "S"
    env.setdefault("LESS", "FRXS" if chop else "FRX")
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    if not _exists(command):  # say so in one line, rather than let the shell print its own
        notify(
            [
                f"Warning: the pager {command!r} was not found; printing directly "
                "(set CLAIMTRACK_PAGER, or use --no-pager)"
            ]
        )
        sys.stdout.write(text)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pager's, as in git
    try:
        try:
            process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
        except OSError as exc:
            notify([f"Warning: the pager {command!r} could not start ({exc.strerror}); printing directly"])
            sys.stdout.write(text)
            return
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode("utf-8", "replace"))
            process.stdin.close()
        except BrokenPipeError:  # the user quit the pager before reading everything
            pass
        code = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if code == 127:  # the shell could not find it: show the output anyway
        notify(
            [
                f"Warning: the pager {command!r} was not found; printing directly "
                "(set CLAIMTRACK_PAGER, or use --no-pager)"
            ]
        )
        sys.stdout.write(text)


def as_of_banner(as_of: str | None, fmt: Format) -> list[str]:
    """'As of DATE' for above a table of the past (``emit``'s heading): only for a table on a
    terminal, never in piped or JSON output."""
    if as_of and fmt is Format.table and sys.stdout.isatty() and sys.stderr.isatty():
        import textwrap

        from claimtrack import timeutil

        text = f"As of {timeutil.local_date(as_of)} (end of day, {timeutil.zone_name()}): every claim as it stood then."
        return textwrap.wrap(text, max(shutil.get_terminal_size().columns, 20))
    return []
