"""Where the data lives and keeping it healthy: ``init``, ``db path|check|backup|copy|verify``."""

import sys
from shlex import quote
from typing import Annotated

import typer

from claimtrack import textsafe
from claimtrack.cli import output
from claimtrack.cli.base import DATABASE, app, db_setting, fail, notify, recorded, service
from claimtrack.cli.options import FormatOpt, NoPager


@app.command(rich_help_panel=DATABASE)
def init(
    ctx: typer.Context,
    seed: Annotated[bool, typer.Option("--seed", help="Load the claims of the bundled article (once).")] = False,
) -> None:
    """Create the database (or upgrade it) and optionally load the seed claims.

    Example: claimtrack init --seed
    """
    result = service(ctx).init(seed=seed)
    notify([f"Database ready: {result.target} (schema version {result.schema_version})."])
    if result.seeded is not None:
        notify(
            [
                f"Seed: {result.seeded} claim{'s' if result.seeded != 1 else ''} added."
                + (" (already loaded)" if result.seeded == 0 else "")
            ]
        )


db_app = typer.Typer(
    help="Where the data lives, and keeping it healthy.\n\nExample: claimtrack db check", no_args_is_help=True
)
app.add_typer(db_app, name="db", rich_help_panel=DATABASE)


@db_app.command("path")
def db_path(ctx: typer.Context) -> None:
    """Print where the database is (from --db, CLAIMTRACK_DB, or your user data dir).

    Example: claimtrack db path
    """
    from claimtrack.store.target import resolve

    target = resolve(db_setting(ctx))
    sys.stdout.write(f"{textsafe.terminal(target)}\n")
    if target.path is not None and not target.path.exists():
        notify([f"(it does not exist yet: {target.command('init')} creates it)"])


@db_app.command("check")
def db_check(ctx: typer.Context, fmt: FormatOpt = None, no_pager: NoPager = False) -> None:
    """Check the database: integrity, references, schema, history and search index; exit 1 if damaged.

    Example: claimtrack db check
    """
    from claimtrack import render

    shape = output.out_format(fmt)
    report = service(ctx, create=False).check()
    output.emit(lambda out, v: render.report(report, shape, out, v), output.view_of(shape), no_pager)
    if not report["ok"]:
        found = len(report.get("findings", []))
        what = f" ({found} finding{'s' if found != 1 else ''} listed above)" if found else ""
        fail(
            f"the database failed its integrity check{what}; restore a backup (claimtrack db backup) or export what you can"
        )


@db_app.command("backup")
def db_backup(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="A new file for the copy.", show_default=False)],
) -> None:
    """Write a consistent copy of the database to a new file, even while others are writing.

    Example: claimtrack db backup ~/claims-2024-06-19.db
    """
    path, removed = service(ctx, create=False).backup(file)
    recorded(ctx, f"the backup {path} was written", f"claimtrack --db {quote(str(path))} db check")
    if removed:
        notify(
            [
                f"Removed {len(removed)} file{'s' if len(removed) != 1 else ''} left by killed backups: "
                + ", ".join(removed)
            ]
        )
    notify([f"Backed up to {path}."])


@db_app.command("copy")
def db_copy(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(metavar="SOURCE_TARGET", help="Copy from: a file or URL.", show_default=False)
    ],
    destination: Annotated[
        str, typer.Argument(metavar="DEST_TARGET", help="Copy to: a new, empty database.", show_default=False)
    ],
) -> None:
    """Copy a whole database (every source, claim, tag and event, and the feed items match has
    seen) to another, e.g. up to PostgreSQL.

    Example: claimtrack db copy ~/.local/share/claimtrack/claims.db postgresql://me@db.example.org/claims
    """
    from claimtrack.service import copy_database

    src, dst, counts = copy_database(source, destination)
    recorded(ctx, f"the copy to {dst} was made", f"claimtrack --db {quote(str(dst))} list")
    notify([f"Copied {counts.added} claim{'s' if counts.added != 1 else ''} from {src} to {dst}."])


@db_app.command("verify")
def db_verify(
    ctx: typer.Context,
    backup: Annotated[
        str,
        typer.Argument(metavar="BACKUP", help="A JSON or JSONL backup made by claimtrack export.", show_default=False),
    ],
) -> None:
    """Say whether a backup and the database hold the same history, or one is a prefix of the other,
    or where they part (exit 1); each event's hash chains to the one before it (see db check).

    Example: claimtrack db verify claims-2024-06-19.jsonl
    """
    verdict = service(ctx, create=False).verify(backup)
    for line in verdict.lines:
        sys.stdout.write(f"{textsafe.terminal(line)}\n")
    if not verdict.same_or_prefix:
        raise typer.Exit(1)
