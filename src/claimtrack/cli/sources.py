"""Who makes claims: ``source set`` grades a source, ``source rename/merge/delete`` correct one,
``sources`` shows each one's track record."""

from typing import Annotated

import typer

from claimtrack.cli import complete, output
from claimtrack.cli.base import SOURCES, app, notify, service
from claimtrack.cli.options import Columns, FormatOpt, NoPager, Wide

source_app = typer.Typer(
    help='Manage sources: who makes claims.\n\nExample: claimtrack source set "The Bell" --kind outlet --reliability B',
    no_args_is_help=True,
)
app.add_typer(source_app, name="source", rich_help_panel=SOURCES)


@source_app.command("set")
def source_set(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="The source (created if new).",
            show_default=False,
            autocompletion=complete.source_names,
        ),
    ],
    kind: Annotated[
        str | None, typer.Option("--kind", metavar="KIND", help="person, outlet, organisation, government or other.")
    ] = None,
    reliability: Annotated[
        str | None,
        typer.Option(
            "--reliability",
            metavar="A-F",
            help="Admiralty grade: A completely reliable ... E unreliable, F cannot be judged.",
        ),
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="The source's home page.")] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Who they are, why trust them.")] = None,
) -> None:
    """Create a source or update its kind, reliability grade, URL or notes.

    Example: claimtrack source set "Andrei Lankov" --kind person --reliability B
    """
    notify(service(ctx).set_source(name, kind=kind, reliability=reliability, url=url, notes=notes).notices)


@app.command(rich_help_panel=SOURCES)
def sources(
    ctx: typer.Context, fmt: FormatOpt = None, columns: Columns = None, wide: Wide = False, no_pager: NoPager = False
) -> None:
    """Each source with its claims by status and track record: accuracy and Brier score.

    Accuracy is confirmed / (confirmed + refuted). The Brier score is the mean of (p - outcome)^2
    over resolved claims, p being the confidence just before the claim was first resolved: 0 is
    perfect, 0.25 is what always saying 50% earns.

    Example: claimtrack sources --format json
    """
    from claimtrack import render

    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    rows = service(ctx, create=False).sources_report()
    output.emit(lambda out, v: render.sources(rows, shape, out, v), view, no_pager)


@source_app.command("rename")
def source_rename(
    ctx: typer.Context,
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            help="The source's name now, any case.",
            show_default=False,
            autocompletion=complete.source_names,
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(metavar="NEW", help="Its new name (another case of the same name is fine).", show_default=False),
    ],
) -> None:
    """Rename a source: its claims keep it, only the name it is shown by changes.

    No claim event is written: no claim changed source. To move claims to another source, use source merge.

    Example: claimtrack source rename "FNV Haven" "FNV Havens"
    """
    notify(service(ctx, create=False).rename_source(old, new).notices)


@source_app.command("merge")
def source_merge(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            metavar="FROM",
            help="The source to merge away, any case.",
            show_default=False,
            autocompletion=complete.source_names,
        ),
    ],
    into: Annotated[
        str,
        typer.Argument(
            metavar="INTO",
            help="The source that keeps the claims.",
            show_default=False,
            autocompletion=complete.source_names,
        ),
    ],
) -> None:
    """Move every claim of FROM to INTO, then drop FROM: for a misspelled or duplicate source.

    Each moved claim, deleted ones too, records the move in its history; sources and calibration count it for INTO.

    Example: claimtrack source merge "FNV Haven" "FNV Havens"
    """
    notify(service(ctx, create=False).merge_sources(source, into).notices)


@source_app.command("delete")
def source_delete(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME", help="The source, any case.", show_default=False, autocompletion=complete.source_names
        ),
    ],
) -> None:
    """Delete a source that has no claims (deleted claims count: they can be restored).

    A source with claims is refused: move them to another source with source merge.

    Example: claimtrack source delete "FNV Haven"
    """
    notify(service(ctx, create=False).delete_source(name).notices)
