"""``edit``: change a claim's details in the user's editor (the form and its loop: ``editform``)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.base import UPDATE, app, notify, service
from claimtrack.cli.options import IdArg, claim_id
from claimtrack.errors import ExitStatus

FormFrom = Annotated[
    str | None,
    typer.Option(
        "--from", metavar="FILE", help="Start from this form (one edit kept when the claim changed meanwhile)."
    ),
]


@app.command(rich_help_panel=UPDATE)
def edit(ctx: typer.Context, claim: IdArg, start: FormFrom = None) -> None:
    """Edit a claim's details in your editor; each change is kept in its history.

    Opens $VISUAL, else $EDITOR, else vi. Saving applies every change at once; an invalid value reopens the editor with the error on top (off a terminal: an error, nothing changed). Quit without saving to change nothing. If another command changes the claim while the editor is open, nothing is saved and your changes are kept in a file to apply with --from.

    Example: claimtrack edit 3
    """
    from claimtrack import editform, stdio

    # No database means no claim to edit: say so rather than create one.
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    try:
        notices = editform.edit(
            service(ctx, create=False),
            claim_id(claim),
            retry=interactive,
            start=Path(start) if start is not None else None,
        )
    except editform.Interrupted:
        stdio.say("Interrupted: nothing was saved.\n")
        raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
    notify(notices)
