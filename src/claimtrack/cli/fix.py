"""Fixing mistakes: ``undo`` the newest change, ``delete`` claims and ``restore`` them.

Nothing here removes history: each of these appends events (see ``store.undo`` and
``store.writes.set_deleted``), so ``show`` and ``--as-of`` still tell what was believed when.
"""

import sys
from typing import Annotated

import typer

from claimtrack.cli.base import FIX, app, notify, service
from claimtrack.cli.options import FromOpt, IdsArg, claim_ids

SHOWN_LINES = 20  # an undo of an import lists this many changes, then counts the rest


@app.command(rich_help_panel=FIX)
def undo(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show what would be undone; change nothing.")
    ] = False,
) -> None:
    """Take back the newest change not yet undone; run it again to step further back.

    The change is reversed by new events, so history keeps both the mistake and its undoing.
    Undoing an add deletes that claim; undoing an import takes back the whole import.

    Example: claimtrack undo --dry-run
    """
    from claimtrack import records

    done = service(ctx).undo(dry_run=dry_run)
    head = (
        f"{'Would undo' if dry_run else 'Undid'} change {done.change_id}: {done.summary} (recorded {done.recorded_at})."
    )
    lines = [head, *(f"  {n}" for n in done.notes)]
    for event in done.events[:SHOWN_LINES]:
        lines.append(f"  claim {event['claim_id']}: {records.event_summary(event)}")
    if len(done.events) > SHOWN_LINES:
        lines.append(f"  ... and {len(done.events) - SHOWN_LINES} more changes")
    if dry_run:
        from claimtrack import textsafe

        sys.stdout.write("".join(textsafe.terminal(line) + "\n" for line in lines))
    else:
        notify(lines)


def _interactive() -> bool:
    """Whether there is someone to ask: standard input is a terminal."""
    return sys.stdin.isatty()


def _confirmed(svc: object, ids: list[int], yes: bool, piped: bool) -> bool:
    """Ask before deleting several claims, on a terminal; elsewhere --yes must say so."""
    if yes or len(ids) == 1:
        return True
    if piped or not _interactive():
        from claimtrack.errors import InvalidInput

        raise InvalidInput(
            f"deleting {len(ids)} claims asks for confirmation, and there is no terminal to ask on; "
            "add --yes to delete them"
        )
    from claimtrack import textsafe

    for cid in ids[:10]:
        claim = svc.get(cid)  # type: ignore[attr-defined]
        text = claim["text"] if len(claim["text"]) <= 70 else claim["text"][:69] + "…"
        sys.stderr.write(f"  {cid}  {textsafe.terminal(text)}\n")
    if len(ids) > 10:
        sys.stderr.write(f"  ... and {len(ids) - 10} more\n")
    return typer.confirm(f"Delete these {len(ids)} claims? (restore or undo brings them back)", default=False, err=True)


@app.command(rich_help_panel=FIX)
def delete(
    ctx: typer.Context,
    claims: IdsArg = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before deleting several claims.")] = False,
    from_: FromOpt = None,
) -> None:
    """Delete claims: they leave list, summary, export, sources, calibration and due.

    Their history stays: show still shows them, list --deleted lists them, restore brings them back.
    Asks first on a terminal when more than one claim is named.

    Example: claimtrack delete 14 15 --yes
    """
    ids = claim_ids(claims, from_)
    svc = service(ctx)
    if not _confirmed(svc, ids, yes, piped=from_ == "-"):
        notify(["Nothing was deleted."])
        raise typer.Exit(1)
    notify(svc.delete(ids).notices)


@app.command(rich_help_panel=FIX)
def restore(ctx: typer.Context, claims: IdsArg = None, from_: FromOpt = None) -> None:
    """Bring deleted claims back into every view, as they were.

    Example: claimtrack restore 14 15
    """
    notify(service(ctx).restore(claim_ids(claims, from_)).notices)
