"""The command line: parse, call the service, render. No business rules live here.

Heavy modules (SQLAlchemy, SQLModel, the store) are imported inside commands, so ``--help`` and
``--version`` stay fast. Errors become one ``Error: ...`` line on stderr in ``ClaimtrackGroup``;
set ``CLAIMTRACK_DEBUG=1`` to see the traceback instead.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from claimtrack import __version__, textsafe
from claimtrack.choices import ExportFormat, Format, GroupBy, ImportFormat, Sort, Status
from claimtrack.errors import ClaimtrackError, ExitStatus

if TYPE_CHECKING:
    from claimtrack.service import Service

# Typer vendors Click; its exception base is reachable without importing click itself.
_CLICK_EXCEPTION = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
# Typer itself turns these into exit codes: usage errors 2, Ctrl-C 130, a closed pipe quietly.
_PASS_THROUGH = (typer.Exit, typer.Abort, _CLICK_EXCEPTION, KeyboardInterrupt, BrokenPipeError)


def fail(message: str, status: ExitStatus = ExitStatus.ERROR) -> NoReturn:
    """Print the one error line and exit.

    Messages quote what the user typed (paths, URLs, names): ``textsafe.terminal`` keeps that from
    driving the terminal or breaking the line, here at the one place errors are printed.
    """
    sys.stderr.write(f"Error: {textsafe.terminal(message)}\n")
    raise typer.Exit(int(status))


_BAD_CHAR = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(value: str, width: int = 40) -> str:
    """An argument as it can be shown: undecodable bytes as ``\\xe9``; a long one cut to the part
    around its first bad character, so the user sees where it is."""
    bad = _BAD_CHAR.search(value)
    start = max(0, (bad.start() if bad else 0) - width // 2)
    part = value[start : start + width]
    try:
        text = part.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
        text = part.encode("utf-8", "backslashreplace").decode("utf-8")
    return ("…" if start else "") + text + ("…" if start + width < len(value) else "")


def _not_text(value: str) -> str | None:
    """Why ``value`` cannot be used as text, or None if it can."""
    if "\x00" in value:
        return "contains a NUL character (\\x00); remove it"
    if _SURROGATE.search(value):
        return "is not valid UTF-8 text; retype it, or set your terminal or script to UTF-8"
    return None


def check_arguments(args: list[str]) -> None:
    """Refuse undecodable arguments before anything runs.

    Python decodes argv with ``surrogateescape``: bytes that are not UTF-8 become lone surrogates,
    which crash later when encoded or stored. A NUL cannot come from a shell, but can from a
    script calling the CLI in-process; no value may hold one.
    """
    for number, arg in enumerate(args, start=1):
        problem = _not_text(arg)
        if problem:
            fail(f"argument {number} ('{_shown(arg)}') {problem}")


def _db_setting(ctx: typer.Context) -> str | None:
    """``--db``, else None (the service then reads $CLAIMTRACK_DB, checked here first)."""
    db = ctx.find_root().obj["db"]
    env = os.environ.get("CLAIMTRACK_DB")
    if db is None and env:
        problem = _not_text(env)
        if problem:
            fail(f"CLAIMTRACK_DB ('{_shown(env)}') {problem.replace('retype it', 'set it again')}")
    return db


class ClaimtrackGroup(TyperGroup):
    """Maps every error raised by a command to its exit code, in one place."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.parent is None:  # the whole command line, before any option is parsed
            check_arguments(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _PASS_THROUGH:
            raise
        except ClaimtrackError as exc:
            if os.environ.get("CLAIMTRACK_DEBUG") == "1":
                raise
            fail(str(exc), exc.exit_status)
        except Exception as exc:
            if os.environ.get("CLAIMTRACK_DEBUG") == "1":
                raise
            fail(f"unexpected {type(exc).__name__}: {exc}; nothing was saved. Rerun with CLAIMTRACK_DEBUG=1 and report it")


app = typer.Typer(
    cls=ClaimtrackGroup,
    help="Track claims made in the news until they resolve: who said it, how likely it is, how it turned out.",
    epilog="Data: --db > $CLAIMTRACK_DB > your user data dir. Output: a table on a terminal, TSV when piped.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"claimtrack {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        str | None, typer.Option("--db", metavar="TARGET", help="Database file or SQLAlchemy URL (default: $CLAIMTRACK_DB, else your user data dir).")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    ctx.obj = {"db": db}


def service(ctx: typer.Context) -> Service:
    """The service for this invocation's database (opened lazily, closed at exit)."""
    from claimtrack.service import Service

    root = ctx.find_root()
    if "service" not in root.obj:
        svc = Service(_db_setting(ctx))
        root.obj["service"] = svc
        root.call_on_close(svc.close)
    return root.obj["service"]


def out_format(fmt: Format | None) -> Format:
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.tsv


def notify(lines: list[str]) -> None:
    """Messages for the user on stderr, made inert like errors (they quote paths and names)."""
    for line in lines:
        sys.stderr.write(textsafe.terminal(line) + "\n")


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


MAX_LIMIT = 2**63 - 1  # database integers are signed 64-bit (validate.MAX_ID; not imported, to start fast)
MAX_DAYS = 36_500  # a hundred years


def _claim_id(value: str) -> int:
    from claimtrack.validate import claim_id

    return claim_id(value)


FormatOpt = Annotated[
    Format | None, typer.Option("--format", "-f", help="table (default on a terminal), tsv (default when piped), json.")
]
IdArg = Annotated[str, typer.Argument(metavar="ID", help="Claim id, as shown by list.", show_default=False)]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Why: what you read, who said so.")]
EvidenceOpt = Annotated[str | None, typer.Option("--evidence", metavar="URL", help="Link to the evidence (http/https).")]


@app.command()
def init(ctx: typer.Context, seed: Annotated[bool, typer.Option("--seed", help="Load the claims of the bundled article (once).")] = False) -> None:
    """Create the database (or upgrade it) and optionally load the seed claims.

    Example: claimtrack init --seed
    """
    result = service(ctx).init(seed=seed)
    notify([f"Database ready: {result.target} (schema version {result.schema_version})."])
    if result.seeded is not None:
        notify([f"Seed: {result.seeded} claim{'s' if result.seeded != 1 else ''} added."
                + (" (already loaded)" if result.seeded == 0 else "")])


@app.command()
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The claim, in one sentence.", show_default=False)],
    source: Annotated[str, typer.Option("--source", "-s", help="Who made the claim (created if new).", show_default=False)],
    confidence: Annotated[
        str | None, typer.Option("--confidence", "-c", help="0.7, .7, 70% or an ICD 203 phrase such as 'very likely'.")
    ] = None,
    status: Annotated[Status, typer.Option("--status", help="Starting status.")] = Status.unverified,
    url: Annotated[str | None, typer.Option("--url", help="Where the claim appeared.")] = None,
    said_on: Annotated[str | None, typer.Option("--said-on", metavar="DATE", help="When it was said (YYYY-MM-DD).")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="A tag; repeat for more.")] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="The exact words, if quoted.")] = None,
    review_by: Annotated[str | None, typer.Option("--review-by", metavar="DATE", help="Date to look at it again.")] = None,
    note: NoteOpt = None,
    fmt: FormatOpt = None,
) -> None:
    """Record a new claim.

    Example: claimtrack add "North Korea will send workers to Donetsk." --source "Andrei Lankov" --confidence likely --tag north-korea
    """
    from claimtrack import render

    result = service(ctx).add(
        text, source, confidence=confidence, status=status, url=url, said_on=said_on,
        tags=tag or (), quote=quote, review_by=review_by, note=note,
    )
    notify(result.notices)
    render.claims([result.claim], out_format(fmt), sys.stdout)


StatusFilter = Annotated[list[Status] | None, typer.Option("--status", help="Only this status; repeat for any of several.")]
SourceFilter = Annotated[str | None, typer.Option("--source", "-s", help="Source name contains this (any case).")]
TagFilter = Annotated[list[str] | None, typer.Option("--tag", "-t", help="Has this tag; repeat for any of several.")]
MinConf = Annotated[str | None, typer.Option("--min-confidence", metavar="C", help="At least this confidence.")]
MaxConf = Annotated[str | None, typer.Option("--max-confidence", metavar="C", help="At most this confidence.")]
Since = Annotated[str | None, typer.Option("--since", metavar="DATE", help="Said on or after this date.")]
Until = Annotated[str | None, typer.Option("--until", metavar="DATE", help="Said on or before this date.")]
Search = Annotated[str | None, typer.Option("--search", "-q", metavar="TEXT", help='Full text: words, prefix*, "a phrase".')]
AsOf = Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="Status and confidence as they stood at the end of DATE.")]
SortOpt = Annotated[Sort, typer.Option("--sort", help="Order by this field.")]
Desc = Annotated[bool, typer.Option("--desc", help="Reverse the order.")]
Limit = Annotated[int | None, typer.Option(
    "--limit", "-n", metavar="N", parser=whole_number(1, MAX_LIMIT, "leave --limit out for all"),
    help="At most N claims (default: all).")]


def _filters(**options: Any) -> Any:
    """The ClaimFilter for the filter options list, summary and export share."""
    from claimtrack.validate import claim_filter

    status, tag, sort = options.pop("status"), options.pop("tag"), options.pop("sort", Sort.id)
    return claim_filter(statuses=status or (), tags=tag or (), sort=sort.value, **options)


@app.command("list")
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
    fmt: FormatOpt = None,
) -> None:
    """List claims, filtered and sorted.

    Example: claimtrack list --status unverified --tag north-korea --sort confidence --desc
    """
    from claimtrack import render

    query = _filters(
        status=status, source=source, tag=tag, min_confidence=min_confidence, max_confidence=max_confidence,
        since=since, until=until, search=search, as_of=as_of, sort=sort, desc=desc, limit=limit,
    )
    render.claims(service(ctx).list(query), out_format(fmt), sys.stdout)


@app.command()
def show(ctx: typer.Context, claim: IdArg, as_of: AsOf = None, fmt: FormatOpt = None) -> None:
    """Show one claim and its whole timeline, oldest change first.

    Example: claimtrack show 12 --as-of 2024-01-01 --format json
    """
    from claimtrack import render

    render.claim_detail(service(ctx).show(_claim_id(claim), as_of=as_of), out_format(fmt), sys.stdout)


def _status_command(verb: str, status: Status, summary: str) -> None:
    def command(
        ctx: typer.Context,
        claim: IdArg,
        note: NoteOpt = None,
        evidence: EvidenceOpt = None,
        at: Annotated[
            str | None, typer.Option("--at", metavar="DATETIME", help="When the news broke: a date or ISO 8601 time (UTC).")
        ] = None,
    ) -> None:
        result = service(ctx).set_status(_claim_id(claim), status, note=note, evidence=evidence, at=at)
        notify(result.notices)

    command.__doc__ = (
        f"{summary}\n\nExample: claimtrack {verb} 3 --note \"Confirmed by the UN panel report\" "
        "--evidence https://example.org/report --at 2024-06-19"
    )
    app.command(verb)(command)


_status_command("confirm", Status.confirmed, "Mark a claim confirmed: the evidence shows it is true.")
_status_command("refute", Status.refuted, "Mark a claim refuted: the evidence shows it is false.")
_status_command("dispute", Status.disputed, "Mark a claim disputed: credible sources disagree.")
_status_command("reopen", Status.unverified, "Reopen a claim: back to unverified, e.g. when evidence is withdrawn.")


@app.command("set")
def set_(
    ctx: typer.Context,
    claim: IdArg,
    confidence: Annotated[str | None, typer.Option("--confidence", "-c", help="New confidence ('none' clears it).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Corrected claim text.")] = None,
    source: Annotated[str | None, typer.Option("--source", "-s", help="Attribute to this source.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where it appeared ('' clears it).")] = None,
    said_on: Annotated[str | None, typer.Option("--said-on", metavar="DATE", help="When it was said ('' clears it).")] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="The exact words ('' clears it).")] = None,
    add_tag: Annotated[list[str] | None, typer.Option("--add-tag", help="Add a tag; repeatable.")] = None,
    remove_tag: Annotated[list[str] | None, typer.Option("--remove-tag", help="Remove a tag; repeatable.")] = None,
    review_by: Annotated[str | None, typer.Option("--review-by", metavar="DATE", help="Date to look again ('' clears it).")] = None,
    note: NoteOpt = None,
) -> None:
    """Change a claim's confidence or details; each change is kept in its history.

    Example: claimtrack set 3 --confidence "very likely" --add-tag sanctions --note "Second source agrees"
    """
    result = service(ctx).update(
        _claim_id(claim), confidence=confidence, text=text, source=source, url=url, said_on=said_on,
        quote=quote, add_tags=add_tag or (), remove_tags=remove_tag or (), review_by=review_by, note=note,
    )
    notify(result.notices)


@app.command()
def note(
    ctx: typer.Context,
    claim: IdArg,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The note.", show_default=False)],
    evidence: EvidenceOpt = None,
) -> None:
    """Add a note (and optionally evidence) to a claim without changing it.

    Example: claimtrack note 3 "Satellite images show new rail traffic" --evidence https://example.org/imagery
    """
    notify(service(ctx).note(_claim_id(claim), text, evidence=evidence).notices)


@app.command()
def log(
    ctx: typer.Context,
    claim: Annotated[str | None, typer.Argument(metavar="[ID]", help="Only this claim.", show_default=False)] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="Changes on or after this date.")] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", metavar="N", parser=whole_number(1, MAX_LIMIT, "leave --limit out for all"),
        help="At most N changes.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """Show changes, newest first, across all claims or one.

    Example: claimtrack log --since 2024-06-01
    """
    from claimtrack import render

    cid = _claim_id(claim) if claim is not None else None
    render.events(service(ctx).log(cid, since=since, limit=limit), out_format(fmt), sys.stdout)


def _progress_wanted() -> bool:
    return sys.stderr.isatty() and os.environ.get("CI", "") == ""


@app.command()
def summary(
    ctx: typer.Context,
    by: Annotated[GroupBy, typer.Option("--by", help="Group claims by this.")] = GroupBy.status,
    status: StatusFilter = None,
    source: SourceFilter = None,
    tag: TagFilter = None,
    min_confidence: MinConf = None,
    max_confidence: MaxConf = None,
    since: Since = None,
    until: Until = None,
    search: Search = None,
    as_of: AsOf = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", metavar="N", parser=whole_number(1, MAX_LIMIT, "leave --limit out for all"),
        help="At most N groups.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """Count claims by status, source or tag, with each group's share; takes list's filters.

    A claim with several tags counts once under each, so tag shares can add up to over 100%.

    Example: claimtrack summary --by source --tag north-korea
    """
    from claimtrack import render

    query = _filters(
        status=status, source=source, tag=tag, min_confidence=min_confidence, max_confidence=max_confidence,
        since=since, until=until, search=search, as_of=as_of, limit=limit,
    )
    render.summary(service(ctx).summary(query, by.value), by.value, out_format(fmt), sys.stdout)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="md/html: a report; csv: a spreadsheet; json/jsonl: a full backup; claimreview: JSON-LD.")] = ExportFormat.md,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout: a file is replaced atomically; a device, pipe or /dev/stdout is written through.")] = None,
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
) -> None:
    """Export claims: a summary table for a report, a spreadsheet, or a complete backup.

    json and jsonl hold every source, claim, tag and event; import reads them back. Exports are
    deterministic, so the same data always gives the same bytes.

    Example: claimtrack export --format md --status confirmed --status refuted --output report.md
    """
    from claimtrack import export as exporter
    from claimtrack import textsafe
    from claimtrack.outfile import open_output

    query = _filters(
        status=status, source=source, tag=tag, min_confidence=min_confidence, max_confidence=max_confidence,
        since=since, until=until, search=search, as_of=as_of, sort=sort, desc=desc, limit=limit,
    )
    svc = service(ctx)
    claims = svc.export_claims(query, events=exporter.needs_events(fmt))
    with svc.reading(), open_output(output, sys.stdout) as out:  # one snapshot: sources and claims
        if _progress_wanted() and (output or not sys.stdout.isatty()):
            from rich.console import Console
            from rich.progress import track

            claims = track(claims, total=svc.export_count(query), description="Exporting",
                           console=Console(stderr=True), transient=True)
        written = exporter.write(fmt, claims, out, svc.sources())
    if output:
        notify([f"Exported {written} claim{'s' if written != 1 else ''} to {textsafe.terminal(output)}."])


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="A file, or - for standard input.", show_default=False)],
    fmt: Annotated[ImportFormat | None, typer.Option("--format", "-f", help="Default: from the extension; jsonl for stdin.")] = None,
) -> None:
    """Import claims from a claimtrack export (json, jsonl) or a CSV with text and source columns.

    All or nothing: one bad record imports nothing and the error names it. Claims whose uuid is
    already present are skipped and counted. CSV columns: text, source (required); confidence,
    status, tags, url, said_on, quote, review_by, uuid (optional); the other columns of
    `export --format csv` are read back too. Separated by , ; TAB or | (detected), or as a
    sep=X first line says.

    Example: claimtrack import backup.json
    """
    from claimtrack import importer, readahead

    kind = importer.detect_format(file, fmt)
    handle = importer.open_text(file)  # a path that cannot be read is refused here, first
    if file != "-" and _progress_wanted():  # a bar that follows the bytes read
        import rich.progress

        handle.close()
        with rich.progress.open(file, "r", encoding="utf-8-sig", newline="", description="Importing",
                                transient=True) as handle:
            counts = service(ctx).import_records(importer.read(handle, kind, file), origin=file)
    elif file != "-" and readahead.available(file):  # read and checked in a second process
        handle.close()
        counts = service(ctx).import_checked(readahead.validated(file, kind, origin=file))
    else:
        try:
            counts = service(ctx).import_records(importer.read(handle, kind, file), origin=file if file != "-" else "stdin")
        finally:
            handle.close()
    _imported(counts)


def _imported(counts: Any) -> None:
    skipped = f"; {counts.skipped} already present, skipped" if counts.skipped else ""
    notify([f"Imported {counts.added} claim{'s' if counts.added != 1 else ''}{skipped}."]
           + [f"Warning: {warning}" for warning in counts.warnings])


source_app = typer.Typer(help="Manage sources: who makes claims.\n\nExample: claimtrack source set \"The Bell\" --kind outlet --reliability B", no_args_is_help=True)
app.add_typer(source_app, name="source")


@source_app.command("set")
def source_set(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The source (created if new).", show_default=False)],
    kind: Annotated[str | None, typer.Option("--kind", help="person, outlet, organisation, government or other.")] = None,
    reliability: Annotated[str | None, typer.Option("--reliability", metavar="A-F", help="Admiralty grade: A completely reliable ... E unreliable, F cannot be judged.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="The source's home page.")] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Who they are, why trust them.")] = None,
) -> None:
    """Create a source or update its kind, reliability grade, URL or notes.

    Example: claimtrack source set "Andrei Lankov" --kind person --reliability B
    """
    notify(service(ctx).set_source(name, kind=kind, reliability=reliability, url=url, notes=notes).notices)


@app.command()
def sources(ctx: typer.Context, fmt: FormatOpt = None) -> None:
    """Each source with its claims by status and track record: accuracy and Brier score.

    Accuracy is confirmed / (confirmed + refuted). The Brier score is the mean of (p - outcome)^2
    over resolved claims, p being the confidence just before the claim was first resolved: 0 is
    perfect, 0.25 is what always saying 50% earns.

    Example: claimtrack sources --format json
    """
    from claimtrack import render

    render.sources(service(ctx).sources_report(), out_format(fmt), sys.stdout)


@app.command()
def calibration(
    ctx: typer.Context,
    source: Annotated[str | None, typer.Option("--source", "-s", help="Only sources whose name contains this.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """Stated confidence against what came true, in ten bins, with the Brier score and a chart.

    Example: claimtrack calibration --source lankov
    """
    from claimtrack import render

    render.calibration(service(ctx).calibration(source), out_format(fmt), sys.stdout)


@app.command()
def due(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(
        "--days", "-d", metavar="DAYS", parser=whole_number(0, MAX_DAYS, f"give at most {MAX_DAYS} (a hundred years)"),
        help=f"Review dates within this many days (0-{MAX_DAYS}).")] = 7,
    fmt: FormatOpt = None,
) -> None:
    """Claims to look at again: review date past or within N days, or unverified and untouched for 30 days.

    Example: claimtrack due --days 14
    """
    from claimtrack import render

    render.due(service(ctx).due(days), out_format(fmt), sys.stdout)


db_app = typer.Typer(
    help="Where the data lives, and keeping it healthy.\n\nExample: claimtrack db check", no_args_is_help=True
)
app.add_typer(db_app, name="db")


@db_app.command("path")
def db_path(ctx: typer.Context) -> None:
    """Print where the database is (from --db, CLAIMTRACK_DB, or your user data dir).

    Example: claimtrack db path
    """
    from claimtrack.store.target import resolve

    target = resolve(_db_setting(ctx))
    sys.stdout.write(f"{textsafe.terminal(target)}\n")
    if target.path is not None and not target.path.exists():
        notify(["(it does not exist yet: any command creates it)"])


@db_app.command("check")
def db_check(ctx: typer.Context, fmt: FormatOpt = None) -> None:
    """Check the database: integrity, references, schema, history and search index; exit 1 if damaged.

    Example: claimtrack db check
    """
    from claimtrack import render

    report = service(ctx).check()
    render.report(report, out_format(fmt), sys.stdout)
    if not report["ok"]:
        found = len(report.get("findings", []))
        what = f" ({found} finding{'s' if found != 1 else ''} listed above)" if found else ""
        fail(f"the database failed its integrity check{what}; restore a backup (claimtrack db backup) or export what you can")


@db_app.command("backup")
def db_backup(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="A new file for the copy.", show_default=False)],
) -> None:
    """Write a consistent copy of the database to a new file, even while others are writing.

    Example: claimtrack db backup ~/claims-2024-06-19.db
    """
    path = service(ctx).backup(file)
    notify([f"Backed up to {path}."])


@db_app.command("copy")
def db_copy(
    source: Annotated[str, typer.Argument(metavar="SOURCE_TARGET", help="Copy from: a file or URL.", show_default=False)],
    destination: Annotated[str, typer.Argument(metavar="DEST_TARGET", help="Copy to: a new, empty database.", show_default=False)],
) -> None:
    """Copy a whole database (every source, claim, tag and event) to another, e.g. up to PostgreSQL.

    Example: claimtrack db copy ~/.local/share/claimtrack/claims.db postgresql+psycopg://me@db.example.org/claims
    """
    from claimtrack.service import copy_database

    src, dst, counts = copy_database(source, destination)
    notify([f"Copied {counts.added} claim{'s' if counts.added != 1 else ''} from {src} to {dst}."])


def main() -> None:
    """Console-script entry point."""
    app(prog_name="claimtrack")
