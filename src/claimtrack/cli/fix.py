"""Fixing mistakes: ``undo`` your newest change (or one named), ``delete`` claims and ``restore`` them.

Nothing here removes history: each of these appends events (see ``store.undo`` and
``store.writes.set_deleted``), so ``show`` and ``--as-of`` still tell what was believed when.
"""

import sys
from typing import Annotated, Any

import typer

from claimtrack.cli.base import FIX, app, notify, service
from claimtrack.cli.options import MAX_LIMIT, FromOpt, IdsArg, claim_ids, whole_number

LISTED = 20  # undo --list shows this many changes (store.undotarget.LISTED; not imported, to start fast)

SHOWN_LINES = 20  # an undo of an import lists this many changes, then counts the rest


@app.command(rich_help_panel=FIX)
def undo(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show what would be undone; change nothing.")
    ] = False,
    change: Annotated[
        int | None,
        typer.Option(
            "--change",
            metavar="ID",
            parser=whole_number(1, MAX_LIMIT, "give a change's id, as log's Undo ID or undo --list shows it"),
            help="Take back this change (anyone's): its id in log (Undo ID) or undo --list.",
        ),
    ] = None,
    anyone: Annotated[
        bool, typer.Option("--anyone", help="Take back the newest change not yet undone, whoever made it.")
    ] = False,
    list_: Annotated[
        bool, typer.Option("--list", help=f"List the newest {LISTED} changes: id, when, who, what; change nothing.")
    ] = False,
) -> None:
    """Take back your newest change not yet undone; run it again to step further back.

    Yours: made under your name (config reviewer.name, else your login). Another's change is
    taken back only when named (--change ID) or with --anyone; a change a later one depends on
    (the same claim changed since, not undone) is refused, naming that later change.
    The change is reversed by new events, so history keeps both the mistake and its undoing.
    Undoing an add deletes that claim; undoing an import takes back the whole import.

    Example: claimtrack undo --dry-run
    """
    from claimtrack import records, textsafe

    if list_:
        if change is not None or anyone or dry_run:
            raise typer.BadParameter(
                "--list only lists; leave out --change, --anyone and --dry-run", param_hint="--list"
            )
        rows = service(ctx, create=False).undo_list()
        sys.stdout.write("".join(textsafe.terminal(_listed(r)) + "\n" for r in rows))
        if not rows:
            notify(["No changes recorded yet."])
        return
    if change is not None and anyone:
        raise typer.BadParameter("--change names the change already; leave out --anyone", param_hint="--anyone")
    done = service(ctx).undo(dry_run=dry_run, change=change, anyone=anyone)
    whose = "yours" if done.mine else f"by {done.author if done.author is not None else 'an unknown author'}"
    head = (
        f"{'Would undo' if dry_run else 'Undid'} change {done.change_id} ({whose}): {done.summary} "
        f"(recorded {done.recorded_at})."
    )
    lines = [head, *(f"  {n}" for n in done.notes)]
    for event in done.events[:SHOWN_LINES]:
        lines.append(f"  claim {event['claim_id']}: {records.event_summary(event)}")
    if len(done.events) > SHOWN_LINES:
        lines.append(f"  ... and {len(done.events) - SHOWN_LINES} more changes")
    if dry_run:
        sys.stdout.write("".join(textsafe.terminal(line) + "\n" for line in lines))
    else:
        notify(lines)


def _listed(row: dict[str, Any]) -> str:
    """One line of ``undo --list``: id, when, who, what, and whether it was undone."""
    who = row["author"] if row["author"] is not None else "unknown"
    if row["db_role"] and row["db_role"] != row["author"]:
        who += f" ({row['db_role']})"
    state = f"  [undone by change {row['undone_by']}]" if row["undone_by"] is not None else ""
    return f"{row['id']:>6}  {row['recorded_at']}  {who}  {row['summary']}{state}"


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
