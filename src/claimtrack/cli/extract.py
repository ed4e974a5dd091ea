"""``extract``: propose the claims of an article, and with ``--review`` add the ones you accept.

Reading is ``sourcetext``'s job, proposing ``claimtrack.extract``'s; this module shows the
candidates and, under ``--review``, asks about each one on the terminal, then adds the accepted
ones in one transaction through the import path (``Service.import_records``), which skips
claims already stored (same text and source) and can be taken back whole with ``undo``.
"""

import sys
from collections.abc import Callable
from typing import IO, Annotated, Any

import typer

from claimtrack.choices import Format
from claimtrack.cli import output
from claimtrack.cli.base import CAPTURE, app, notify, service
from claimtrack.cli.options import DATE_FORMS, Columns, NoPager, Wide
from claimtrack.errors import InvalidInput

FIELDS = ("text", "quote", "source", "confidence", "confidence_phrase", "url", "said_on", "tags")
TSV_FIELDS = ("n", "source", "confidence_phrase", "said_on", "text", "quote")


def interactive() -> bool:
    """Whether someone can answer questions: standard input and error are terminals (tests patch this)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


@app.command(rich_help_panel=CAPTURE)
def extract(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            metavar="SOURCE",
            help="A text, Markdown or saved .html file, - for standard input, or an http(s) URL.",
            show_default=False,
        ),
    ],
    outlet: Annotated[
        str | None,
        typer.Option(
            "--outlet",
            help="Who published it, the speaker of its own unattributed reporting "
            "(default: the name the text gives itself, as in 'The Bell discussed this with ...').",
        ),
    ] = None,
    said_on: Annotated[
        str | None,
        typer.Option(
            "--said-on",
            metavar="DATE",
            help=f"When it was said: {DATE_FORMS} (default: the date the page or text states).",
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Where it was published (default: the URL read, or the page's own).")
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help="A tag for every claim; repeat for more.")
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, tsv, json, jsonl, csv or md (default: table on a terminal, tsv when piped). "
            "jsonl, json and csv import as they are: claimtrack import -",
        ),
    ] = None,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="On a terminal: accept, edit, skip or quit each candidate; the accepted are added together.",
        ),
    ] = False,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """Propose the checkable claims of an article: quote, speaker and confidence from its hedging.

    Speakers come from the article's attributions ("X said", "according to X", "X believes", an
    interview's answers, the outlet for its own reporting); confidence from the speaker's hedging
    ("most likely", "might", "does not believe this likely") as an ICD 203 band. Nothing is stored
    unless you accept it under --review, or import the jsonl output. Rules, not a model: review
    what it proposes.

    --review shows one candidate at a time: a accepts it, e edits its text, speaker and
    confidence, s skips it, q stops and adds those accepted so far (Ctrl-C adds nothing). They are
    added together, skipping any already stored; undo takes them all back.

    Example: claimtrack extract article.html --tag north-korea --review
    """
    from claimtrack import config, sourcetext, timeutil, validate
    from claimtrack import extract as proposer

    settings = config.load()  # before anything is read: a bad settings file changes nothing
    tags = [validate.clean_tag(t) for t in (*(tag or ()), *settings.tags)]
    url = validate.clean_url(url)
    said_on = validate.user_past_date(said_on, "--said-on")
    if review and not interactive():
        raise InvalidInput(
            "--review asks about each claim on a terminal, and standard input is not one; "
            "drop --review and pipe --format jsonl into claimtrack import -"
        )
    if review and source == "-":
        raise InvalidInput(
            "--review reads your answers from standard input, so the article cannot come from it; "
            "save it to a file and give that"
        )
    doc = sourcetext.read(source)
    found = proposer.candidates(doc.text, outlet=outlet.strip() if outlet and outlet.strip() else None)
    if not found:
        raise InvalidInput(f"no checkable statement found in {doc.name}; is it an article?")
    day = said_on or (doc.date if doc.date and doc.date <= timeutil.today().isoformat() else None)
    records = [_record(c, url or doc.url, day, tags) for c in found]
    if review:
        _review(ctx, records, doc.url or doc.name)
        return
    shape = fmt or (Format.table if sys.stdout.isatty() else Format.tsv)
    from claimtrack.fit import View, parse_columns

    if (columns is not None or wide) and shape is not Format.table:
        raise InvalidInput(
            f"{'--columns' if columns is not None else '--wide'} shapes the table; add --format table "
            f"(output is {shape.value} here)"
        )
    view = View(columns=parse_columns(columns), wide=wide)
    output.emit(lambda out, v: _draw(records, shape, out, v), view, no_pager, settings=settings)


def _record(candidate: Any, url: str | None, said_on: str | None, tags: list[str]) -> dict[str, Any]:
    """A candidate as an import record (the jsonl backup's claim fields)."""
    from claimtrack import confidence as conf

    value = conf.parse(candidate.confidence) if candidate.confidence else None
    return {
        "text": candidate.text,
        "quote": candidate.quote,
        "source": candidate.source,
        "confidence": value.value if value else None,
        "confidence_phrase": value.phrase if value else None,
        "url": url,
        "said_on": said_on,
        "tags": sorted(set(tags)),
        "how": candidate.how,
    }


def _label(record: dict[str, Any]) -> str:
    from claimtrack import confidence as conf

    return conf.label(record["confidence"], record["confidence_phrase"]) or "not assessed"


def _draw(records: list[dict[str, Any]], fmt: Format, out: IO[str], view: Any) -> None:
    from claimtrack import richout, textsafe
    from claimtrack.records import write_records

    if fmt is Format.json:
        out.write(textsafe.json_text([{k: r[k] for k in FIELDS} for r in records]) + "\n")
    elif fmt is Format.jsonl:
        for r in records:
            out.write(textsafe.json_text({k: r[k] for k in FIELDS}, indent=None) + "\n")
    elif fmt in (Format.csv, Format.md):
        write_records(records, FIELDS, fmt, out)
    elif fmt is Format.tsv:
        for n, r in enumerate(records, start=1):
            row = {**r, "n": n, "confidence_phrase": r["confidence_phrase"] or ""}
            out.write("\t".join(textsafe.terminal(row[k] if row[k] is not None else "") for k in TSV_FIELDS) + "\n")
    else:
        from claimtrack import fit

        console = richout.console_for(out, view)
        view = richout.fit_view(console, view)
        cells = [
            {
                "n": str(n),
                "text": richout.cell(r["text"]),
                "source": richout.cell(r["source"]),
                "confidence": _label(r),
                "quote": richout.cell(r["quote"]),
            }
            for n, r in enumerate(records, start=1)
        ]
        richout.print_fitted(console, fit.render(COLUMNS, cells, view), view)
        console.print(
            richout.styled(
                f"{len(records)} candidate claim{'s' if len(records) != 1 else ''}; "
                "add them with --review, or --format jsonl | claimtrack import -",
                "dim",
            )
        )


def _percent_or_dash(label: str) -> str:
    """'70% likely' -> '70%'; 'not assessed' -> '-' (the confidence cell when space is short)."""
    first = label.split(" ", 1)[0]
    return first if first[:1].isdigit() else "-"


def _columns() -> tuple[Any, ...]:
    from claimtrack.fit import Col, register

    return register(
        "extract",
        (
            Col("n", "#", 0, justify="right"),
            Col("text", "Claim", 0, wrap=True, min_width=20, comfort=36),
            Col("source", "Speaker", 0, wrap=True, min_width=8, comfort=12),
            Col("confidence", "Confidence", 1, short="Conf", compact=_percent_or_dash),
            # The quote is mostly the claim's words again: kept when there is room (100 columns and
            # more), dropped first on a narrower terminal; --review shows it whole.
            Col("quote", "Quote", 2, wrap=True, min_width=32, comfort=32),
        ),
    )


COLUMNS = _columns()


# ---- --review ---------------------------------------------------------------------------------------


def _show(n: int, total: int, record: dict[str, Any], similar: str | None, near: str | None) -> None:
    from claimtrack import textsafe

    lines = [
        f"[{n}/{total}] {record['text']}",
        f"  quote:      {record['quote']}",
        f"  speaker:    {record['source']} ({record['how']})",
        f"  confidence: {_label(record)}",
    ]
    if near:
        lines.append(
            f"  note:       {record['source']!r} would be a new source; did you mean {near!r}? (e edits the speaker)"
        )
    if similar:
        lines.append(f"  note:       {similar}")
    sys.stderr.write("\n" + "".join(textsafe.terminal(line) + "\n" for line in lines))


def _edit(record: dict[str, Any], near_source: Callable[[str], str | None]) -> dict[str, Any]:
    """Ask for the text, speaker and confidence, each defaulting to what was proposed; a speaker
    that would be a new source near a known one (a typo?) is offered the known name."""
    from claimtrack import confidence as conf
    from claimtrack import validate

    record = dict(record)
    while True:
        try:
            record["text"] = validate.clean_text(typer.prompt("  text", default=record["text"], err=True))
            break
        except InvalidInput as exc:
            notify([f"  {exc}"])
    while True:
        try:
            record["source"] = validate.clean_text(
                typer.prompt("  speaker", default=record["source"], err=True), "source name", validate.MAX_NAME
            )
            near = near_source(record["source"])
            if near and typer.confirm(
                f"  {record['source']!r} would be a new source; use {near!r} instead?", default=True, err=True
            ):
                record["source"] = near
            break
        except InvalidInput as exc:
            notify([f"  {exc}"])
    while True:
        typed = typer.prompt(
            "  confidence (a phrase, 70%, 0.7, or none)",
            err=True,
            default=record["confidence_phrase"]
            or ("none" if record["confidence"] is None else conf.format_number(record["confidence"])),
        )
        if typed.strip().lower() in ("none", "-", ""):
            record["confidence"] = record["confidence_phrase"] = None
            return record
        try:
            value = conf.parse(typed)
        except InvalidInput as exc:
            notify([f"  {exc}"])
            continue
        record["confidence"], record["confidence_phrase"] = value.value, value.phrase
        return record


def _review(ctx: typer.Context, records: list[dict[str, Any]], origin: str) -> None:
    """One candidate at a time; the accepted ones are added in one transaction at the end."""
    from claimtrack.importer import Record

    svc = service(ctx)
    accepted: list[dict[str, Any]] = []

    def near(name: str) -> str | None:  # the stored sources and those accepted so far
        return svc.near_source(name, [r["source"] for r in accepted])

    for n, record in enumerate(records, start=1):
        _show(n, len(records), record, svc.looks_like(record["text"]), near(record["source"]))
        answer = _ask()
        if answer == "q":
            break
        if answer == "e":
            record = _edit(record, near)
            answer = "a"
        if answer == "a":
            accepted.append(record)
    if not accepted:
        notify(["Nothing was added."])
        return
    # Asked before the import makes them stored: each new speaker near a stored source, as add warns.
    close = {s: found for s in dict.fromkeys(r["source"] for r in accepted) if (found := svc.near_source(s))}
    counts = svc.import_records(
        (Record("claim", f"candidate {i}", {k: r[k] for k in FIELDS}) for i, r in enumerate(accepted, start=1)),
        origin=origin,
    )
    said = f"Added {counts.added} claim{'s' if counts.added != 1 else ''}"
    if counts.duplicates:
        said += f"; {counts.duplicates} already stored (same text and source), skipped"
    notify(
        [said + ". Take them back together with: claimtrack undo"]
        + [_new_source_notice(name, near) for name, near in close.items() if counts.added]
        + [f"Warning: {w}" for w in counts.warnings]
    )


def _new_source_notice(name: str, near: str) -> str:
    """The line ``add`` prints for a new source near a stored one, with the fix for all its claims."""
    import shlex

    return (
        f"New source {name!r} created. Did you mean {near!r}? "
        f"Fix it with: claimtrack source merge {shlex.quote(name)} {shlex.quote(near)}"
    )


def _ask() -> str:
    while True:
        answer = (
            typer.prompt("Accept, edit, skip or quit? [a/e/s/q]", default="a", err=True, show_default=False)
            .strip()
            .lower()
        )
        if answer[:1] in ("a", "e", "s", "q") and answer in ("a", "e", "s", "q", "accept", "edit", "skip", "quit"):
            return answer[:1]
        notify(["  Answer a (accept), e (edit), s (skip) or q (quit)."])
