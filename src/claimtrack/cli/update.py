"""Updating claims as news arrives: status changes, corrections, notes. Each is kept in history."""

from typing import Annotated

import typer

from claimtrack.choices import Status
from claimtrack.cli import complete
from claimtrack.cli.base import UPDATE, app, notify, service
from claimtrack.cli.options import DATE_FORMS, REVIEW_FORMS, EvidenceOpt, FromOpt, IdsArg, NoteOpt, claim_ids

AtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="WHEN",
        help=f"When the news broke: {DATE_FORMS} (noon that day), or an ISO 8601 time (local time unless it ends in Z or +HH:MM). Default: now.",
    ),
]


def _status_command(verb: str, status: Status, summary: str) -> None:
    def command(
        ctx: typer.Context,
        claims: IdsArg = None,
        note: NoteOpt = None,
        evidence: EvidenceOpt = None,
        at: AtOpt = None,
        from_: FromOpt = None,
    ) -> None:
        result = service(ctx).set_status(claim_ids(claims, from_), status, note=note, evidence=evidence, at=at)
        notify(result.notices)

    command.__doc__ = (
        f"{summary}\n\nSeveral ids and ranges change together, all or nothing.\n\n"
        f'Example: claimtrack {verb} 3 --note "Confirmed by the UN panel report" '
        "--evidence https://example.org/report --at 2024-06-19"
    )
    app.command(verb, rich_help_panel=UPDATE)(command)


_status_command("confirm", Status.confirmed, "Mark a claim confirmed: the evidence shows it is true.")
_status_command("refute", Status.refuted, "Mark a claim refuted: the evidence shows it is false.")
_status_command("dispute", Status.disputed, "Mark a claim disputed: credible sources disagree.")
_status_command("reopen", Status.unverified, "Reopen a claim: back to unverified, e.g. when evidence is withdrawn.")


@app.command("set", rich_help_panel=UPDATE)
def set_(
    ctx: typer.Context,
    claims: IdsArg = None,
    confidence: Annotated[
        str | None, typer.Option("--confidence", "-c", help="New confidence ('none' clears it).")
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Corrected claim text.")] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", "-s", help="Attribute to this source.", autocompletion=complete.source_names),
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where it appeared ('' clears it).")] = None,
    said_on: Annotated[
        str | None, typer.Option("--said-on", metavar="DATE", help=f"When it was said: {DATE_FORMS} ('' clears it).")
    ] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="The exact words ('' clears it).")] = None,
    add_tag: Annotated[
        list[str] | None, typer.Option("--add-tag", help="Add a tag; repeatable.", autocompletion=complete.tags)
    ] = None,
    remove_tag: Annotated[
        list[str] | None, typer.Option("--remove-tag", help="Remove a tag; repeatable.", autocompletion=complete.tags)
    ] = None,
    review_by: Annotated[
        str | None,
        typer.Option("--review-by", metavar="DATE", help=f"Date to look again: {REVIEW_FORMS} ('' clears it)."),
    ] = None,
    note: NoteOpt = None,
    from_: FromOpt = None,
) -> None:
    """Change claims' confidence or details; each change is kept in its history.

    Several ids and ranges change together in one step (claims already as asked are left alone).

    Example: claimtrack set 3 --confidence "very likely" --add-tag sanctions --note "Second source agrees"
    """
    result = service(ctx).update(
        claim_ids(claims, from_),
        confidence=confidence,
        text=text,
        source=source,
        url=url,
        said_on=said_on,
        quote=quote,
        add_tags=add_tag or (),
        remove_tags=remove_tag or (),
        review_by=review_by,
        note=note,
    )
    notify(result.notices)


@app.command(rich_help_panel=UPDATE)
def note(
    ctx: typer.Context,
    claims: IdsArg = None,
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="The note (last, after the ids).", show_default=False)
    ] = ...,  # type: ignore[assignment]
    evidence: EvidenceOpt = None,
    at: AtOpt = None,
    from_: FromOpt = None,
) -> None:
    """Add a note (and optionally evidence) to claims without changing them.

    Example: claimtrack note 3 "Satellite images show new rail traffic" --evidence https://example.org/imagery
    """
    _not_an_id(text, list(claims or []), from_)
    notify(service(ctx).note(claim_ids(claims, from_), text, evidence=evidence, at=at).notices)


def _not_an_id(text: str, claims: list[str], from_: str | None) -> None:
    """Refuse a note that is only claim ids or ranges: the ids came without the note's words
    (``note 3 5`` would otherwise note "5" on claim 3; ``note 3`` would ask for ids)."""
    import shlex

    from claimtrack import ids

    if not ids.looks_like_ids(text):
        return
    typed = " ".join(shlex.quote(token) for token in text.replace(",", " ").split())  # "#3" starts a comment
    if claims or from_ is not None:
        named = " ".join([*map(shlex.quote, claims), typed]) if claims else f"--from {shlex.quote(from_ or '')} {typed}"
        raise typer.BadParameter(
            f"{text.strip()!r} looks like a claim id, not a note; give the note's words last, quoted: "
            f'claimtrack note {named} "TEXT"',
            param_hint="'TEXT'",
        )
    raise typer.BadParameter(
        f'the note is missing; give the claim ids, then the note: claimtrack note {typed} "TEXT"', param_hint="'TEXT'"
    )
