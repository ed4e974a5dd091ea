"""``edit``: change a claim's details in the user's editor (the form and its loop: ``editform``)."""

from __future__ import annotations

import sys

import typer

from claimtrack.cli.base import UPDATE, app, notify, service
from claimtrack.cli.options import IdArg, claim_id


@app.command(rich_help_panel=UPDATE)
def edit(ctx: typer.Context, claim: IdArg) -> None:
    """Edit a claim's details in your editor; each change is kept in its history.

    Opens $VISUAL, else $EDITOR, else vi. Saving applies every change at once; an invalid value reopens the editor with the error on top (off a terminal: an error, nothing changed). Quit without saving to change nothing.

    Example: claimtrack edit 3
    """
    from claimtrack import editform

    # No database means no claim to edit: say so rather than create one.
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    notify(editform.edit(service(ctx, create=False), claim_id(claim), retry=interactive))
