"""The options several commands share, declared once so their names, metavars and help agree.

Choice options carry a one-word metavar (``--status STATUS``) and list their choices in the help
text: Rich wraps help text at words, whereas a ``<unverified|confirmed|...>`` metavar is broken
mid-word at 80 columns.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from claimtrack.choices import Format, Sort, Status, canonical, nearest
from claimtrack.cli import complete
from claimtrack.cli.base import _shown

if TYPE_CHECKING:
    from claimtrack.store.queries import ClaimFilter

MAX_LIMIT = 2**63 - 1  # database integers are signed 64-bit (validate.MAX_ID; not imported, to start fast)
MAX_DAYS = 36_500  # a hundred years
DATE_FORMS = "YYYY-MM-DD, today, yesterday, N days ago or N weeks ago"
REVIEW_FORMS = "YYYY-MM-DD, today, tomorrow, in N days or in N weeks"
E = TypeVar("E", bound=Enum)


def whole_number(low: int, high: int, hint: str) -> Callable[[str], int]:
    """A parser for an integer option: ASCII digits only, from ``low`` to ``high``.

    Click's int type takes whatever ``int()`` does: ``1_0`` and fullwidth or Arabic-Indic digits.
    A value past ``high`` is a usage error rather than an overflow deep in the database.
    """

    def parse(value: str | int) -> int:
        text = str(value).strip()
        if not re.fullmatch("[0-9]+", text, re.ASCII):
            raise typer.BadParameter(f"{_shown(text)!r} is not a whole number (ASCII digits 0-9 only)")
        number = int(text)
        if number < low:
            raise typer.BadParameter(f"{number} is less than {low}")
        if number > high:
            raise typer.BadParameter(f"{_shown(text)} is more than {high}; {hint}")
        return number

    return parse


def one_of(enum: type[E]) -> Callable[[str], E]:
    """A parser for a choice option that takes ``-`` and ``_`` alike: ``--sort said-on`` is ``said_on``.

    Options are spelled with hyphens, so users type values the same way. Click's own choice type
    matches exactly; normalising tokens on the context (``token_normalize_func``) also rewrote the
    option names in its messages, so the value is normalised here, raising Typer's BadParameter
    (one ``Error:`` line, exit 2, with the nearest choice). The value is the canonical member.
    """
    values = [str(member.value) for member in enum]

    def parse(value: str | E) -> E:
        text = str(value.value) if isinstance(value, enum) else str(value)
        found = canonical(text, values)
        if found is None:
            near = nearest(text, values)
            hint = f"; did you mean {near!r}?" if near else ""
            raise typer.BadParameter(f"{_shown(text)!r} is not one of {', '.join(map(repr, values))}{hint}")
        return enum(found)

    return parse


def complete_choice(enum: type[Enum]) -> Callable[[], list[str]]:
    """Shell completion of a ``one_of`` option: its values (Typer keeps those starting with what was typed)."""

    def values() -> list[str]:
        return [str(member.value) for member in enum]

    return values


def claim_id(value: str) -> int:
    from claimtrack.validate import claim_id as parse

    return parse(value)


def claim_ids(given: list[str] | None, source: str | None = None) -> list[int]:
    """The ids named on the command line and read ``--from`` a file or standard input, sorted.

    None named anywhere is a usage error (exit 2); an empty file or input says so (exit 1)."""
    from claimtrack import ids
    from claimtrack.errors import InvalidInput

    found = set(ids.parse(given or []))
    if source is not None:
        if source == "-":
            try:
                found.update(ids.read_lines(sys.stdin, "standard input"))
            except UnicodeDecodeError as exc:
                raise InvalidInput(
                    "cannot read ids from standard input: it is not UTF-8 text; pipe in ids such as list -f ids prints"
                ) from exc
            where = "standard input"
        else:
            try:
                with open(source, encoding="utf-8") as lines:
                    found.update(ids.read_lines(lines, source))
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is not UTF-8 text"
                raise InvalidInput(
                    f"cannot read ids from {source}: {reason}; give a text file of ids, or - for standard input"
                ) from exc
            where = source
        if not found:
            raise InvalidInput(f"{where} held no claim ids; nothing was changed")
    if not found:
        raise typer.BadParameter(
            "give at least one claim id (3 5 8-12), or --from - to read them from standard input", param_hint="'ID...'"
        )
    if len(found) > ids.MAX_IDS:
        raise InvalidInput(f"that names {len(found)} claims; one command changes at most {ids.MAX_IDS}")
    return sorted(found)


def choices(enum: type[Enum]) -> str:
    """'a, b or c' for a help text."""
    names = [member.value for member in enum]
    return ", ".join(names[:-1]) + " or " + names[-1]


FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help=f"{choices(Format)}. Default: table on a terminal, tsv when piped."
    ),
]
IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="Claim id, as shown by list.", show_default=False, autocompletion=complete.claim_ids
    ),
]
IdsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ID...",
        help="Claim ids and ranges, e.g. 3 5 8-12.",
        show_default=False,
        autocompletion=complete.claim_ids,
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="FILE",
        help="Also take ids from FILE, any number a line; - reads standard input "
        "(such as what list prints with -f ids).",
    ),
]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Why: what you read, who said so.")]
EvidenceOpt = Annotated[
    str | None, typer.Option("--evidence", metavar="URL", help="Link to the evidence (http/https).")
]
StatusFilter = Annotated[
    list[Status] | None,
    typer.Option(
        "--status", metavar="STATUS", help=f"Only this status ({choices(Status)}); repeat for any of several."
    ),
]
SourceFilter = Annotated[
    str | None,
    typer.Option(
        "--source",
        "-s",
        metavar="NAME",
        help="Source name contains this (any case).",
        autocompletion=complete.source_names,
    ),
]
TagFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--tag", "-t", metavar="TAG", help="Has this tag; repeat for any of several.", autocompletion=complete.tags
    ),
]
MinConf = Annotated[str | None, typer.Option("--min-confidence", metavar="C", help="At least this confidence.")]
MaxConf = Annotated[str | None, typer.Option("--max-confidence", metavar="C", help="At most this confidence.")]
Since = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help=f"Said on or after this date: {DATE_FORMS}.")
]
Until = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="Said on or before this date (same forms as --since).")
]
Search = Annotated[
    str | None, typer.Option("--search", "-q", metavar="TEXT", help='Full text: words, prefix*, "a phrase".')
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help=f"Every claim as it stood at the end of DATE (text, source, status, confidence, tags…): {DATE_FORMS}.",
    ),
]
SortOpt = Annotated[
    Sort,
    typer.Option(
        "--sort",
        metavar="FIELD",
        parser=one_of(Sort),
        autocompletion=complete_choice(Sort),
        help=f"Order by {choices(Sort)}.",
    ),
]
Desc = Annotated[bool, typer.Option("--desc", help="Reverse the order.")]
Limit = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        metavar="N",
        parser=whole_number(1, MAX_LIMIT, "leave --limit out for all"),
        help="At most N claims (default: all).",
    ),
]
Columns = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="A,B",
        help="Table columns to show, in this order (names as in the header, any case).",
        autocompletion=complete.columns,
    ),
]
Wide = Annotated[
    bool, typer.Option("--wide", "-w", help="Show every column, even if the table gets wider than the terminal.")
]
NoPager = Annotated[bool, typer.Option("--no-pager", help="Print straight to the terminal, not through a pager.")]


def filters(**options: Any) -> ClaimFilter:
    """The ClaimFilter for the filter options list, summary and export share."""
    from claimtrack.validate import claim_filter

    status, tag, sort = options.pop("status"), options.pop("tag"), options.pop("sort", Sort.id)
    return claim_filter(statuses=status or (), tags=tag or (), sort=sort.value, **options)
