"""Getting claims in: ``add`` one as you read, ``import`` many from a file or a backup."""

from typing import Annotated, Any

import typer

from claimtrack.choices import ImportFormat, Status
from claimtrack.cli import complete, output
from claimtrack.cli.base import CAPTURE, app, notify, service
from claimtrack.cli.options import DATE_FORMS, REVIEW_FORMS, Columns, FormatOpt, NoteOpt, Wide, choices


@app.command(rich_help_panel=CAPTURE)
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The claim, in one sentence.", show_default=False)],
    source: Annotated[
        str,
        typer.Option(
            "--source",
            "-s",
            help="Who made the claim (created if new).",
            show_default=False,
            autocompletion=complete.source_names,
        ),
    ],
    confidence: Annotated[
        str | None, typer.Option("--confidence", "-c", help="0.7, .7, 70% or an ICD 203 phrase such as 'very likely'.")
    ] = None,
    status: Annotated[
        Status, typer.Option("--status", metavar="STATUS", help=f"Starting status: {choices(Status)}.")
    ] = Status.unverified,
    url: Annotated[str | None, typer.Option("--url", help="Where the claim appeared.")] = None,
    said_on: Annotated[
        str | None, typer.Option("--said-on", metavar="DATE", help=f"When it was said: {DATE_FORMS}.")
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help="A tag; repeat for more.", autocompletion=complete.tags)
    ] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="The exact words, if quoted.")] = None,
    review_by: Annotated[
        str | None, typer.Option("--review-by", metavar="DATE", help=f"Date to look at it again: {REVIEW_FORMS}.")
    ] = None,
    note: NoteOpt = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Record it even when a claim already says the same (case, spaces, punctuation aside)."
        ),
    ] = False,
    fmt: FormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
) -> None:
    """Record a new claim. A claim that says the same as one already there is refused unless --force.

    The tags in the defaults.tags setting are added to the --tag ones; a new source gets the kind
    in defaults.source_kind (see claimtrack config get).

    Example: claimtrack add "North Korea will send workers to Donetsk." --source "Andrei Lankov" --confidence likely --tag north-korea
    """
    from claimtrack import config, render

    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    settings = config.load()  # before anything is written: a bad settings file changes nothing
    result = service(ctx).add(
        text,
        source,
        confidence=confidence,
        status=status,
        url=url,
        said_on=said_on,
        tags=[*(tag or ()), *settings.tags],
        quote=quote,
        review_by=review_by,
        note=note,
        force=force,
        source_kind=settings.source_kind,
    )
    notify(result.notices)
    output.emit(lambda out, v: render.claims([result.claim], shape, out, v), view, no_pager=True, settings=settings)


@app.command("import", rich_help_panel=CAPTURE)
def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="A file, or - for standard input.", show_default=False)],
    fmt: Annotated[
        ImportFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"{choices(ImportFormat)}. Default: from the file's extension; jsonl for stdin.",
        ),
    ] = None,
    allow_duplicates: Annotated[
        bool,
        typer.Option(
            "--allow-duplicates",
            help="Import records whose text and source match a claim already there (skipped by default).",
        ),
    ] = False,
) -> None:
    """Import claims from a claimtrack export (json, jsonl) or a CSV with text and source columns.

    All or nothing: one bad record imports nothing and the error names it. Claims whose uuid is
    already present are skipped and counted; so are claims whose text and source match a claim
    already there (case, spaces and punctuation aside), unless --allow-duplicates.
    CSV columns: text, source (required); confidence, status, tags, url, said_on, quote,
    review_by, uuid (optional); the other columns of `export --format csv` are read back too.
    Separated by , ; TAB or | (detected), or as a sep=X first line says.
    A source created without a kind gets the one in the defaults.source_kind setting.

    Example: claimtrack import backup.json
    """
    from claimtrack import config, importer, readahead

    source_kind = config.load().source_kind  # before anything is read or written
    kind = importer.detect_format(file, fmt)
    handle = importer.open_text(file)  # a path that cannot be read is refused here, first
    if file != "-" and output.progress_wanted():  # a bar that follows the bytes read
        import rich.progress

        handle.close()
        with rich.progress.open(
            file, "r", encoding="utf-8-sig", newline="", description="Importing", transient=True
        ) as handle:
            counts = service(ctx).import_records(
                importer.read(handle, kind, file),
                origin=file,
                allow_duplicates=allow_duplicates,
                source_kind=source_kind,
            )
    elif file != "-" and readahead.available(file):  # read and checked in a second process
        handle.close()
        counts = service(ctx).import_checked(
            readahead.validated(file, kind, origin=file), allow_duplicates, source_kind
        )
    else:
        try:
            counts = service(ctx).import_records(
                importer.read(handle, kind, file),
                origin=file if file != "-" else "stdin",
                allow_duplicates=allow_duplicates,
                source_kind=source_kind,
            )
        finally:
            handle.close()
    _imported(counts)


def _imported(counts: Any) -> None:
    """'Imported 3 claims; 2 already present (same uuid), 5 duplicates of existing claims skipped (...).'"""
    said = f"; {counts.skipped} already present (same uuid)" if counts.skipped else ""
    if counts.duplicates:
        many = counts.duplicates != 1
        what = "duplicates of existing claims" if many else "duplicate of an existing claim"
        said += (
            f"{', ' if said else '; '}{counts.duplicates} {what} skipped"
            f" (import again with --allow-duplicates to add {'them' if many else 'it'})"
        )
    elif said:
        said += ", skipped"
    notify(
        [f"Imported {counts.added} claim{'s' if counts.added != 1 else ''}{said}."]
        + [f"Warning: {warning}" for warning in counts.warnings]
    )
