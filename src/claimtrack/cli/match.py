"""``match``: the stored claims a piece of news bears on, and ``--review`` to act on each.

The news is an article (a file, a saved page, ``-``, a URL) or the new items of an RSS or Atom
feed (``--feed``); ``claimtrack.match`` finds and scores the claims, ``claimtrack.feeds`` reads
feeds, and the actions of ``--review`` are the service's confirm, refute, dispute and note.
"""

import sys
from typing import IO, TYPE_CHECKING, Annotated

import typer

from claimtrack.cli import output
from claimtrack.cli.base import UPDATE, app, notify, service
from claimtrack.cli.options import MAX_LIMIT, Columns, FormatOpt, NoPager, Wide, whole_number
from claimtrack.fit import Col, register

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from claimtrack.choices import Format
    from claimtrack.fit import View
    from claimtrack.match import Match
    from claimtrack.meaning import Progress
    from claimtrack.service import Service

DEFAULT_LIMIT = 20
DEFAULT_MIN_SCORE = 0.15
FIELDS = ("id", "status", "score", "text", "source", "sentence", "news_url", "news_date", "news_title")
TSV_FIELDS = ("id", "status", "score", "text", "sentence", "news_url")
COLUMNS = register(
    "match",
    (
        Col("id", "ID", 0, justify="right"),
        Col("status", "Status", 0),
        Col("text", "Claim", 0, wrap=True, min_width=20, comfort=30, names=("claim",)),
        Col("sentence", "News", 0, wrap=True, min_width=20, comfort=30, names=("news",)),
        Col("score", "Score", 0, justify="right"),
        Col("item", "Item", 2, wrap=True, min_width=12, comfort=16, names=("news_title",)),
        Col("url", "URL", 6, wrap=True, min_width=16, default=False, names=("news_url",)),
        Col("date", "Date", 3, names=("news_date",)),
    ),
)
ACTIONS = {"c": "confirm", "r": "refute", "d": "dispute", "n": "note", "s": "skip", "q": "quit"}


def _score(value: str) -> float:
    """``--min-score``: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a number; give a score from 0 to 1, such as 0.3") from None
    if not 0 <= number <= 1:  # also refuses nan
        raise typer.BadParameter(f"{value} is not between 0 and 1")
    return number


def _interactive() -> bool:
    """Whether there is someone to ask: standard input is a terminal."""
    return sys.stdin.isatty()


@app.command("match", rich_help_panel=UPDATE)
def match_(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Argument(
            metavar="[SOURCE]",
            help="The news: a text or Markdown file, a saved .html page, - for standard input, or an http(s) URL.",
            show_default=False,
        ),
    ] = None,
    feed: Annotated[
        str | None,
        typer.Option(
            "--feed",
            metavar="FILE_OR_URL",
            help="Read the new items of this RSS or Atom feed instead; items seen by an earlier run are left out.",
        ),
    ] = None,
    all_items: Annotated[
        bool, typer.Option("--all-items", help="With --feed: look at every item again, seen or not.")
    ] = False,
    all_: Annotated[
        bool, typer.Option("--all", help="Every claim, not only open ones (unverified, disputed).")
    ] = False,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            "-n",
            metavar="N",
            parser=whole_number(1, MAX_LIMIT, "give a smaller --limit"),
            help=f"At most N matches (default {DEFAULT_LIMIT}).",
            show_default=False,
        ),
    ] = DEFAULT_LIMIT,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score",
            metavar="S",
            parser=_score,
            help=f"Only matches scoring at least S, from 0 to 1 (default {DEFAULT_MIN_SCORE}).",
            show_default=False,
        ),
    ] = DEFAULT_MIN_SCORE,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="On a terminal, for each match: confirm, refute, dispute, note, skip or quit; the news "
            "URL is recorded as evidence and its date as --at. News with no URL asks for the evidence link "
            "of a verdict, or records a note instead.",
        ),
    ] = False,
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            metavar="URL",
            help="Where the news was published, when SOURCE is a file or -: the evidence "
            "link --review records (default: the URL read, or the saved page's own).",
        ),
    ] = None,
    fmt: FormatOpt = None,
    columns: Columns = None,
    wide: Wide = False,
    no_pager: NoPager = False,
) -> None:
    """List the open claims a piece of news bears on, best first, with the sentence that matches each.

    Scores run from 0 to 1: how much of the claim the sentence holds, rare words counting most.
    With --feed, each new item of the feed is a piece of news, and the items are remembered as seen.

    Example: claimtrack match https://example.org/news/treaty --review
    """
    from claimtrack import match, meaning, semantic

    if (source is None) == (feed is None):
        raise typer.BadParameter("give either SOURCE or --feed FILE_OR_URL", param_hint="'SOURCE'")
    if all_items and feed is None:
        raise typer.BadParameter("--all-items goes with --feed", param_hint="'--all-items'")
    if url is not None and feed is not None:
        raise typer.BadParameter(
            "--url is the address of SOURCE; a feed's items carry their own links", param_hint="'--url'"
        )
    if review and not _interactive():
        from claimtrack.errors import InvalidInput

        raise InvalidInput(
            "--review asks about each match and needs a terminal; leave --review out to list the matches"
        )
    from claimtrack import validate

    url = validate.clean_url(url, "--url")
    shape = output.out_format(fmt)
    view = output.view_of(shape, columns, wide)
    svc = service(ctx, create=False)
    statuses = None if all_ else match.OPEN
    if feed is not None:
        from claimtrack import feeds

        got = feeds.read(feed)
        keys = [key for key, _ in got.items]
        with svc.reading():
            news, seen = svc.unseen(got.key, got.items, everything=all_items)
        found = svc.match(news, statuses, limit, min_score, _progress())
        lines = [
            f"{len(news) or 'No'} new item{'s' if len(news) != 1 else ''} in the feed"
            + (
                f"; {seen} seen before {'was' if seen == 1 else 'were'} left out (--all-items looks at them again)."
                if seen
                else "."
            )
        ]
    else:
        from claimtrack import sourcetext

        document = sourcetext.read(source)  # type: ignore[arg-type]
        news = [match.News(document.text, document.name, url or document.url, document.date, document.title)]
        found = svc.match(news, statuses, limit, min_score, _progress())
        lines = []
    if not meaning.enabled():
        lines.insert(0, semantic.NOTE)
    if not found and news:
        lines.append(
            f"No {'' if all_ else 'open '}claim matches this news"
            + (" (--all looks at every claim)" if not all_ else "")
            + "."
        )
    if review:
        notify(lines)
        _review(svc, found, feed is not None)
    else:
        output.emit(lambda out, v: draw(found, shape, out, v, feed is not None), view, no_pager, lines)
    if feed is not None:
        svc.remember(got.key, keys)


def _progress() -> "Progress | None":
    """A bar on stderr while match makes the claims' vectors the first time (only on a terminal)."""
    if not output.progress_wanted():
        return None
    from contextlib import contextmanager

    @contextmanager
    def bar(total: int) -> "Iterator[Callable[[int], None]]":
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("Preparing claims for matching by meaning", total=total)
            yield lambda n: progress.advance(task, n)

    return bar


def draw(found: "list[Match]", fmt: "Format", out: IO[str], view: "View", feed: bool = False) -> None:
    """The matches as a table (fitted to the terminal), or in a format for scripts."""
    from claimtrack import records, richout, textsafe
    from claimtrack.choices import Format

    rows = [m.record() for m in found]
    if fmt is not Format.table:
        records.write_records(rows, TSV_FIELDS if fmt is Format.tsv else FIELDS, fmt, out)
        return
    console = richout.console_for(out, view)
    if not rows:
        return
    view = richout.fit_view(console, view)
    # One article: its title and date would repeat on every row (--columns can still ask for them).
    shown = COLUMNS if feed or view.columns else tuple(c for c in COLUMNS if c.key not in ("item", "date"))

    def text(value: object) -> str:
        return "" if value is None else textsafe.terminal(str(value))

    cells = [
        {
            "id": str(r["id"]),
            "status": r["status"],
            "text": text(r["text"]),
            "sentence": text(r["sentence"]),
            "score": f"{r['score']:.2f}",
            "item": text(r["news_title"]),
            "url": text(r["news_url"]),
            "date": text(r["news_date"]),
        }
        for r in rows
    ]
    from claimtrack import fit

    richout.print_fitted(console, fit.render(shown, cells, view), view)
    console.print(richout.styled(f"{len(rows)} match{'es' if len(rows) != 1 else ''}", "dim"))


def _review(svc: "Service", found: "list[Match]", from_feed: bool = False) -> None:
    """Ask about each match in turn; each action is one transaction of its own (a failed one is
    reported and the review goes on). A verdict needs evidence: news without a URL asks for one
    (given once, it serves that news's other matches) or records a note instead of the verdict."""
    from claimtrack import textsafe
    from claimtrack.errors import ClaimtrackError

    links: dict[int, str] = {}  # the evidence link given for a piece of news that has no URL
    for n, m in enumerate(found, start=1):
        claim, item = m.claim, m.news
        lines = [
            f"[{n}/{len(found)}] Claim {claim['id']} ({claim['status']}, score {m.score:.2f}): {claim['text']}",
            f"  News: {m.sentence}",
        ]
        where = ", ".join(x for x in (item.title or item.name, item.date, item.url) if x)
        lines.append(f"  From: {where}")
        sys.stderr.write("".join(textsafe.terminal(line) + "\n" for line in lines))
        action = _ask()
        if action == "quit":
            notify(["Review ended; the matches left were not changed."])
            return
        if action == "skip":
            continue
        evidence = item.url or links.get(id(item))
        if evidence is None and action != "note":
            evidence = _ask_link(action)
            if evidence is not None:
                links[id(item)] = evidence
        note = typer.prompt("Note (Enter: the news sentence)", default="", show_default=False, err=True).strip()
        note = note or m.sentence
        try:
            if action == "note":
                result = svc.note(claim["id"], note, evidence=evidence, at=item.date)
            elif evidence is None:  # no evidence, no verdict: the reviewer's judgement is kept as a note
                result = svc.note(claim["id"], f"{note} (to {action} once there is evidence)", at=item.date)
                result.notices.append(_noted_instead(claim["id"], action, from_feed))
            else:
                status = {"confirm": "confirmed", "refute": "refuted", "dispute": "disputed"}[action]
                result = svc.set_status(claim["id"], status, note=note, evidence=evidence, at=item.date)
        except ClaimtrackError as exc:
            notify([f"Error: {exc}; claim {claim['id']} was not changed."])
            continue
        notify(result.notices)


def _ask_link(action: str) -> str | None:
    """The evidence link for a verdict on news that has no URL, or None (Enter) for a note instead."""
    from claimtrack import validate
    from claimtrack.errors import ClaimtrackError

    while True:
        answer = typer.prompt(
            f"This news has no URL; the evidence link to {action} with (Enter: record a note instead)",
            default="",
            show_default=False,
            err=True,
        ).strip()
        if not answer:
            return None
        try:
            return validate.clean_url(answer, "evidence link")
        except ClaimtrackError as exc:
            notify([f"Error: {exc}; or press Enter to record a note instead."])


def _noted_instead(cid: int, action: str, from_feed: bool) -> str:
    """What a verdict without an evidence link became: a note, and how to give the verdict later."""
    done = {"confirm": "confirmed", "refute": "refuted", "dispute": "disputed"}[action]
    return (
        f"Claim {cid} was not {done}: a verdict needs an evidence link, so your note was recorded instead; "
        f"{action} it with: claimtrack {action} {cid} --evidence URL"
        + ("" if from_feed else " (next time give the news's address with --url URL)")
    )


def _ask() -> str:
    choices = ", ".join(f"[{k}]{v[1:]}" for k, v in ACTIONS.items())
    while True:
        answer = typer.prompt(f"{choices}?", err=True).strip().lower()
        if answer[:1] in ACTIONS and (len(answer) == 1 or ACTIONS[answer[:1]].startswith(answer)):
            return ACTIONS[answer[:1]]
        notify([f"Answer one of: {', '.join(ACTIONS.values())} (or its first letter)."])
