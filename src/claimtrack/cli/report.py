"""Reports and exports: ``summary`` counts, ``calibration`` of stated confidence, ``export``."""

import sys
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimtrack.choices import ExportFormat, GroupBy, Sort
from claimtrack.cli import complete, output
from claimtrack.cli.base import REPORT, app, notify, service
from claimtrack.cli.options import (
    DATE_FORMS,
    MAX_LIMIT,
    AsOf,
    Columns,
    Desc,
    FormatOpt,
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
    complete_choice,
    filters,
    one_of,
    whole_number,
)

if TYPE_CHECKING:
    from claimtrack.claimreview import Gaps


@app.command(rich_help_panel=REPORT)
def summary(
    ctx: typer.Context,
    by: Annotated[
        GroupBy, typer.Option("--by", metavar="FIELD", help=f"Group claims by {choices(GroupBy)}.")
    ] = GroupBy.status,
    status: StatusFilter = None,
    source: SourceFilter = None,
    tag: TagFilter = None,
    min_confidence: MinConf = None,
    max_confidence: MaxConf = None,
    since: Since = None,
    until: Until = None,
    search: Search = None,
    as_of: AsOf = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            metavar="N",
            parser=whole_number(1, MAX_LIMIT, "leave --limit out for all"),
            help="At most N groups.",
        ),
    ] = None,
    fmt: FormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """Count claims by status, source or tag, with each group's share; takes list's filters.

    A claim with several tags counts once under each, so tag shares can add up to over 100%.

    Example: claimtrack summary --by source --tag north-korea
    """
    from claimtrack import render

    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    query = filters(
        status=status,
        source=source,
        tag=tag,
        min_confidence=min_confidence,
        max_confidence=max_confidence,
        since=since,
        until=until,
        search=search,
        as_of=as_of,
        limit=limit,
    )
    svc = service(ctx, create=False)
    rows = svc.summary(query, by.value)
    if not any(r["count"] for r in rows):
        notify(svc.nothing_found(query))
    heading = output.as_of_banner(query.as_of, shape)
    output.emit(lambda out, v: render.summary(rows, by.value, shape, out, v), view, no_pager, heading)


@app.command(rich_help_panel=REPORT)
def calibration(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", "-s", help="Only sources whose name contains this.", autocompletion=complete.source_names
        ),
    ] = None,
    fmt: FormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """Stated confidence against what came true, in ten bins, with the Brier score and a chart.

    Example: claimtrack calibration --source lankov
    """
    from claimtrack import render

    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    data = service(ctx, create=False).calibration(source)
    output.emit(lambda out, v: render.calibration(data, shape, out, v), view, no_pager)


@app.command(rich_help_panel=REPORT)
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=one_of(ExportFormat),
            autocompletion=complete_choice(ExportFormat),
            help="md or html: a report; csv: a spreadsheet; json or jsonl: a full backup; claimreview: "
            "fact-checks as JSON-LD; claimreview-html: a page embedding them; datasette-metadata: a metadata.json "
            "for Datasette.",
        ),
    ] = ExportFormat.md,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write here instead of stdout: a file is replaced atomically; a device, pipe or /dev/stdout is written through.",
        ),
    ] = None,
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
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="The report's title (md, html; default: Claims).")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help=f"Stamp the report with this date: {DATE_FORMS} (md, html; default: none)."
        ),
    ] = None,
    group_by: Annotated[
        GroupBy | None,
        typer.Option(
            "--group-by", metavar="FIELD", help=f"Group the report's claims by {choices(GroupBy)} (md, html)."
        ),
    ] = None,
    chain_head: Annotated[
        bool,
        typer.Option(
            "--chain-head",
            help="State the history's hash chain head the report was made from (md, html), to check it later.",
        ),
    ] = False,
) -> None:
    """Export claims: a report to publish, a spreadsheet, or a complete backup.

    md and html are reports: a summary (totals by status, claims resolved over time, each
    source's track record, calibration) above the claims. json and jsonl hold every source,
    claim, tag and event; import reads them back. Exports are deterministic, so the same data
    always gives the same bytes. claimreview and claimreview-html publish each verdict as a
    schema.org ClaimReview fact-check (set reviewer.organisation, reviewer.url and
    claimreview.url_template with claimtrack config first; the export names what is missing).
    datasette-metadata describes the whole SQLite file for
    `datasette claims.db --metadata metadata.json`: labels, facets, search and canned queries.

    Example: claimtrack export --format html --title "North Korea claims" --group-by status -o report.html
    """
    from claimtrack import export as exporter
    from claimtrack import stdio, textsafe
    from claimtrack.outfile import open_output

    if output_file is None and fmt in _PAGES and sys.stdout.isatty():
        from claimtrack.errors import InvalidInput

        raise InvalidInput(
            f"--format {fmt.value} writes a whole web page, not for reading on a terminal; "
            f"write it to a file with -o report.html, or pipe it (> report.html)"
        )
    if fmt is ExportFormat.datasette_metadata:
        _refuse_claim_options(ctx, "datasette-metadata describes the whole database")
        _heading(fmt, title, date, group_by, None, chain_head)
        _datasette_metadata(ctx, output_file)
        return
    query = filters(
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
    )
    heading = _heading(fmt, title, date, group_by, query, chain_head)
    gaps = _claimreview_gaps(fmt)
    svc = service(ctx, create=False)
    backup = exporter.is_backup(fmt)
    if backup:  # deleted claims too: a backup restores them deleted
        query = replace(query, deleted=None)
    claims: Iterable[dict[str, Any]] = svc.export_claims(query, events=exporter.needs_events(fmt))
    with (
        svc.reading(),
        open_output(output_file, stdio.utf8(sys.stdout), database=svc.target.path) as out,
    ):  # one snapshot: sources and claims
        seen = svc.feed_items(query.as_of) if backup else ()
        heads = svc.chain_heads() if backup or chain_head else None  # the history this snapshot holds
        if chain_head and heads is not None:
            heading = replace(heading, chain_head=heads["event"])  # type: ignore[type-var]  # a report.Heading
        if output.progress_wanted() and (output_file or not sys.stdout.isatty()):
            from rich.console import Console
            from rich.progress import track

            claims = track(
                claims,
                total=svc.export_count(query),
                description="Exporting",
                console=Console(stderr=True),
                transient=True,
            )
        written = exporter.write(
            fmt, claims, out, svc.sources(), heading, group_by.value if group_by else None, gaps, seen, heads
        )
    if output_file:
        what = "claim" if gaps is None else "fact-check"  # ClaimReview: only the claims with a verdict
        notify([f"Exported {written} {what}{'s' if written != 1 else ''} to {textsafe.terminal(output_file)}."])
    if gaps is not None:
        notify([f"Warning: {line}" for line in gaps.lines()])


_PAGES = (ExportFormat.html, ExportFormat.claimreview_html)  # refused on a terminal without --output


def _claimreview_gaps(fmt: ExportFormat) -> "Gaps | None":
    """For the ClaimReview formats, who reviews (from the settings, read before anything is
    written: a bad config file stops the export) and a record of what the reviews will lack."""
    if fmt not in (ExportFormat.claimreview, ExportFormat.claimreview_html):
        return None
    from claimtrack import claimreview, config

    return claimreview.Gaps(claimreview.Reviewer.from_settings(config.load()))


def _heading(
    fmt: ExportFormat,
    title: str | None,
    date: str | None,
    group_by: GroupBy | None,
    query: object,
    chain_head: bool = False,
) -> object:
    """The report's title, what it covers, and the date asked for (checked like any date)."""
    from claimtrack import report
    from claimtrack.errors import InvalidInput
    from claimtrack.validate import clean_text

    if fmt not in (ExportFormat.md, ExportFormat.html):
        given = [
            name
            for name, value in (
                ("--title", title),
                ("--date", date),
                ("--group-by", group_by),
                ("--chain-head", chain_head or None),
            )
            if value is not None
        ]
        if given:
            raise InvalidInput(
                f"{' and '.join(given)} shape{'s' if len(given) == 1 else ''} a report; "
                f"use {'it' if len(given) == 1 else 'them'} with --format md or --format html"
            )
        return None
    stamp = None
    if date is not None:
        from claimtrack.timeutil import parse_user_date

        stamp = parse_user_date(date, "--date")
    return report.Heading(
        clean_text(title if title is not None else "Claims", "--title", 200), report.covers(query), stamp
    )


def _refuse_claim_options(ctx: typer.Context, why: str) -> None:
    """Options that pick or order claims, given to a format that holds no claims: refused, not ignored."""
    from claimtrack.errors import InvalidInput

    choosing = (
        "status",
        "source",
        "tag",
        "min_confidence",
        "max_confidence",
        "since",
        "until",
        "search",
        "as_of",
        "sort",
        "desc",
        "limit",
    )
    given = [p.opts[0] for p in ctx.command.params if p.name in choosing and _typed(ctx, p.name or "")]
    if given:
        listed = given[0] if len(given) == 1 else f"{', '.join(given[:-1])} and {given[-1]}"
        raise InvalidInput(
            f"{listed} choose{'s' if len(given) == 1 else ''} claims, but {why}; "
            f"leave {'it' if len(given) == 1 else 'them'} out"
        )


def _typed(ctx: typer.Context, name: str) -> bool:
    """Whether the user gave option ``name`` (typer ships its own click, so the source is compared by name)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def _datasette_metadata(ctx: typer.Context, output_file: str | None) -> None:
    """Write Datasette's metadata for this SQLite file, keyed by the name Datasette gives it (its stem)."""
    from claimtrack import datasette, stdio
    from claimtrack.errors import InvalidInput
    from claimtrack.outfile import open_output

    svc = service(ctx, create=False)
    if not svc.target.is_sqlite or svc.target.path is None:
        raise InvalidInput(
            "datasette-metadata is for a SQLite file, and this database is on a server "
            "(Datasette reads SQLite files); copy it to one with claimtrack db copy, then export from it"
        )
    with svc.reading():  # a claimtrack database, at the current schema, must be there
        pass
    name = svc.target.path.stem
    with open_output(output_file, stdio.utf8(sys.stdout), database=svc.target.path) as out:
        datasette.write(name, out)
    if output_file:
        from shlex import quote

        notify(
            [
                f"Wrote Datasette metadata for database {name!r} to {output_file}; "
                f"open it with: datasette {quote(str(svc.target.path))} --metadata {quote(output_file)}"
            ]
        )
