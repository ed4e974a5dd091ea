"""Looking things up: ``list`` and ``show`` claims, the ``log`` of changes, what is ``due``.

These only read: on a target with no database they say so and how to make one (they never
create it). Output to a terminal is fitted to its width and paged when long (``output``).
"""

from typing import Annotated

import typer

from claimtrack.choices import Format, ListFormat, Sort
from claimtrack.cli import output
from claimtrack.cli.base import QUERY, app, notify, service
from claimtrack.cli.options import (
    DATE_FORMS,
    MAX_DAYS,
    MAX_LIMIT,
    AsOf,
    Columns,
    Desc,
    FormatOpt,
    IdArg,
    Limit,
    MaxConf,
    MinConf,
    NoPager,
    Search,
    Since,
    SortOpt,
    SourceFilter,
    StatusFilter,
    TagFilter,
    Until,
    Wide,
    choices,
    claim_id,
    filters,
    whole_number,
)

ListFormatOpt = Annotated[
    ListFormat | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"{choices(ListFormat)} (one id a line). Default: table on a terminal, tsv when piped.",
    ),
]


@app.command("list", rich_help_panel=QUERY)
def list_(
    ctx: typer.Context,
    status: StatusFilter = None,
    source: SourceFilter = None,
    tag: TagFilter = None,
    min_confidence: MinConf = None,
    max_confidence: MaxConf = None,
    since: Since = None,
    until: Until = None,
    search: Search = None,
    as_of: AsOf = None,
    sort: SortOpt = Sort.id,
    desc: Desc = False,
    limit: Limit = None,
    deleted: Annotated[
        bool, typer.Option("--deleted", help="List deleted claims instead (restore brings them back).")
    ] = False,
    fmt: ListFormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """List claims, filtered and sorted.

    --format ids prints one id a line, for the commands that take --from -.

    Example: claimtrack list --status unverified --tag north-korea --sort confidence --desc
    """
    from dataclasses import replace

    from claimtrack import render

    bare = fmt is ListFormat.ids
    shape = output.out_format(Format(fmt.value) if fmt is not None and not bare else None if not bare else Format.tsv)
    view = output.view_of(shape, columns, wide)
    query = replace(
        filters(
            status=status,
            source=source,
            tag=tag,
            min_confidence=min_confidence,
            max_confidence=max_confidence,
            since=since,
            until=until,
            search=search,
            as_of=as_of,
            sort=sort,
            desc=desc,
            limit=limit,
        ),
        deleted=deleted,
    )
    svc = service(ctx, create=False)
    rows = svc.list(query)
    if bare:
        import sys

        sys.stdout.write("".join(f"{r['id']}\n" for r in rows))
        return
    if not rows:
        notify(svc.nothing_found(query))
    heading = output.as_of_banner(query.as_of, shape)
    output.emit(lambda out, v: render.claims(rows, shape, out, v), view, no_pager, heading)


@app.command(rich_help_panel=QUERY)
def show(
    ctx: typer.Context,
    claim: IdArg,
    as_of: AsOf = None,
    fmt: FormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """Show one claim and its whole timeline, oldest change first (--columns picks timeline columns).

    Example: claimtrack show 12 --as-of 2024-01-01 --format json
    """
    from claimtrack import timeline, timeutil

    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    day = filters(status=None, tag=None, as_of=as_of).as_of if as_of else None
    detail = service(ctx, create=False).show(claim_id(claim), as_of=timeutil.local_date(day) if day else None)
    heading = output.as_of_banner(day, shape)
    output.emit(lambda out, v: timeline.claim_detail(detail, shape, out, v), view, no_pager, heading)


@app.command(rich_help_panel=QUERY)
def log(
    ctx: typer.Context,
    claim: Annotated[str | None, typer.Argument(metavar="[ID]", help="Only this claim.", show_default=False)] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help=f"Changes on or after this date: {DATE_FORMS}.")
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            metavar="N",
            parser=whole_number(1, MAX_LIMIT, "leave --limit out for all"),
            help="At most N changes.",
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="NAME", help="Only changes by this author (as the By column shows it)."),
    ] = None,
    fmt: FormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """Show changes, newest first, across all claims or one, with who made each (By).

    Each change's Undo ID is what undo --change takes (in every other format: change_id).
    On a terminal a note is cut to 3 lines (…); --wide shows it whole.

    Example: claimtrack log --since 2024-06-01 --by alice
    """
    from claimtrack import timeline

    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    cid = claim_id(claim) if claim is not None else None
    svc = service(ctx, create=False)
    rows = svc.log(cid, since=since, limit=limit, by=by)
    if not rows and cid is None:
        notify(svc.nothing_logged(by, since))
    output.emit(lambda out, v: timeline.events(rows, shape, out, v), view, no_pager)


@app.command(rich_help_panel=QUERY)
def due(
    ctx: typer.Context,
    days: Annotated[
        int,
        typer.Option(
            "--days",
            "-d",
            metavar="DAYS",
            parser=whole_number(0, MAX_DAYS, f"give at most {MAX_DAYS} (a hundred years)"),
            help=f"Review dates within this many days (0-{MAX_DAYS}).",
        ),
    ] = 7,
    fmt: FormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """Claims to look at again: review date past or within N days, or unverified and untouched for 30 days.

    A confirmed or refuted claim is settled: its review date no longer makes it due.

    Example: claimtrack due --days 14
    """
    from claimtrack import render

    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    rows = service(ctx, create=False).due(days)
    output.emit(lambda out, v: render.due(rows, shape, out, v), view, no_pager)
