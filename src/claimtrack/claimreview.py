"""ClaimReview: claimtrack's verdicts as the fact-checks search engines and fact-check databases read.

A confirmed, disputed or refuted claim becomes one schema.org ``ClaimReview``, built to what
Google's fact-check structured data asks for
(https://developers.google.com/search/docs/appearance/structured-data/factcheck; the property
table is summarised at https://fullfact.github.io/markup-investigation/docs/notes/01-basic-usage/):

* required: ``claimReviewed`` (the claim's text), ``reviewRating`` with ``alternateName``, and
  ``url``, the page that publishes the fact-check: ``claimreview.url_template`` filled in with
  the claim's uuid or id;
* recommended: ``author`` (``reviewer.organisation`` as an Organization with ``reviewer.url``;
  ``reviewer.name`` is the review's contributor, or its author when no organisation is set; with
  ``claimreview.credit`` the author of the change that set the verdict is, migration 10),
  ``datePublished`` (the day of the status change that gave the verdict), ``itemReviewed``: a
  ``Claim`` whose ``author`` is typed by the source's kind, with ``datePublished`` (said on) and
  ``appearance``/``firstAppearance`` (the claim's URL: the first place claimtrack knows it
  appeared), and the Rating's ``name``, ``ratingValue``, ``bestRating``, ``worstRating``.

Besides those, a review carries the claim's uuid as ``identifier``, its evidence links as
``citation`` and its last note as ``reviewBody``.

The rating scale is the 1-5 one fact-checkers use (``SCALE``); claimtrack gives 5 True to a
confirmed claim, 3 Mixed to a disputed one (evidence both ways) and 1 False to a refuted one.
Unverified claims have no verdict and are not exported.

What the settings or the data leave out is never dropped silently: ``Gaps`` collects, while the
reviews are written, every required or recommended property some review lacks, and the command
prints one line for each on stderr saying why and how to supply it. The module itself never prints.

Two formats: ``claimreview`` is one JSON-LD document (``@graph``) to paste into a page;
``claimreview-html`` is a page that shows each review and embeds it in its own
``<script type="application/ld+json">`` element. JSON inside a script element has ``<``, ``>``
and ``&`` escaped (``script_safe_json``), so no claim text can close the element.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from claimtrack import textsafe
from claimtrack.claimcols import evidence, host, last_note, linkable
from claimtrack.hrefs import href
from claimtrack.reporthtml import CSP_META

# The rating scale (ratingValue: alternateName); claimtrack's verdicts use 5, 3 and 1.
SCALE = {5: "True", 4: "Mostly true", 3: "Mixed", 2: "Mostly false", 1: "False"}
RATED = {"confirmed": 5, "disputed": 3, "refuted": 1}
BEST, WORST = max(SCALE), min(SCALE)
# Google advises claimReviewed under 75 characters: longer ones wrap on phones.
ADVISED_LENGTH = 75
# How a source's kind types the Claim's author ("other" is not known to be either: no type).
AUTHOR_TYPES = {
    "person": "Person",
    "outlet": "NewsMediaOrganization",
    "organisation": "Organization",
    "government": "GovernmentOrganization",
}
_SHOWN_IDS = 8  # a warning lists this many claim ids, then says how many more
# ClaimReview is embedded in <script type="application/ld+json">: these must not appear raw.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who publishes the fact-checks, from the settings (``reviewer.*``, ``claimreview.url_template``)."""

    name: str | None = None
    organisation: str | None = None
    url: str | None = None
    url_template: str | None = None
    credit: bool = False  # claimreview.credit: the author of the verdict's change is its reviewer

    @classmethod
    def from_settings(cls, settings: Any) -> Reviewer:
        return cls(
            settings.get("reviewer.name"),
            settings.get("reviewer.organisation"),
            settings.get("reviewer.url"),
            settings.get("claimreview.url_template"),
            bool(settings.get("claimreview.credit")),
        )

    def author(self) -> dict[str, Any] | None:
        if self.organisation:
            org: dict[str, Any] = {"@type": "Organization", "name": self.organisation}
            if self.url:
                org["url"] = self.url
            return org
        if self.name:
            return {"@type": "Person", "name": self.name}
        return None


@dataclass(slots=True)
class Gaps:
    """What the reviews written so far lack, as lines for stderr (``lines``)."""

    reviewer: Reviewer
    written: int = 0
    no_date: list[int] = field(default_factory=list)
    no_url: list[int] = field(default_factory=list)
    long_text: list[int] = field(default_factory=list)
    untyped: dict[str, None] = field(default_factory=dict)  # source names, in order met

    def note(self, claim: dict[str, Any], kind: str | None) -> None:
        self.written += 1
        if not claim.get("said_on"):
            self.no_date.append(claim["id"])
        if not (claim.get("url") and linkable(claim["url"])):
            self.no_url.append(claim["id"])
        if len(claim["text"]) > ADVISED_LENGTH:
            self.long_text.append(claim["id"])
        if kind not in AUTHOR_TYPES:
            self.untyped[claim["source"]] = None

    def lines(self) -> list[str]:
        """One line per missing property, saying why it matters and how to supply it."""
        if not self.written:
            return []
        r, out = self.reviewer, []
        if not r.url_template:
            out.append(
                "no review has a url, which Google requires (the page that publishes the fact-check): "
                "set claimreview.url_template, e.g. claimtrack config set claimreview.url_template "
                '"https://factcheck.example.org/claims/{uuid}"'
            )
        if not r.organisation:
            out.append(
                "no review has an organisation as author (recommended: who publishes the fact-checks"
                + (f"; {r.name} is the author meanwhile" if r.name else "")
                + "): claimtrack config set reviewer.organisation NAME"
            )
        if r.organisation and not r.url:
            out.append(
                "the author has no url (recommended: the organisation's home page): "
                "claimtrack config set reviewer.url URL"
            )
        if self.no_date:
            out.append(
                f"{_ids(self.no_date)} no said-on date, so their Claim has no datePublished (recommended): "
                "claimtrack set ID --said-on DATE"
            )
        if self.no_url:
            out.append(
                f"{_ids(self.no_url)} no URL, so their Claim has no appearance or firstAppearance "
                "(recommended): claimtrack set ID --url URL"
            )
        if self.untyped:
            names = ", ".join(repr(n) for n in list(self.untyped)[:_SHOWN_IDS])
            more = len(self.untyped) - _SHOWN_IDS
            out.append(
                f"source{'s' if len(self.untyped) > 1 else ''} {names}{f' and {more} more' if more > 0 else ''} "
                f"{'have' if len(self.untyped) > 1 else 'has'} kind other, so the Claim's author has no type "
                "(Google expects a Person or an Organization): "
                "claimtrack source set NAME --kind person|outlet|organisation|government"
            )
        if self.long_text:
            out.append(
                f"{_ids(self.long_text)} a text longer than the {ADVISED_LENGTH} characters Google advises "
                "for claimReviewed (phones wrap it): shorten it with claimtrack set ID --text TEXT"
            )
        return out


def _ids(ids: list[int]) -> str:
    """``claims 3, 7 and 9 have`` / ``claim 3 has`` (the first few ids, then how many more)."""
    if len(ids) == 1:
        return f"claim {ids[0]} has"
    shown = [str(i) for i in ids[:_SHOWN_IDS]]
    rest = len(ids) - len(shown)
    listed = f"{', '.join(shown)} and {rest} more" if rest else f"{', '.join(shown[:-1])} and {shown[-1]}"
    return f"claims {listed} have"


def verdict_author(claim: dict[str, Any]) -> str | None:
    """Who gave the claim its current verdict: the author of the latest status change to it (None:
    recorded with it, or by an author unknown, before claimtrack kept authors: migration 10)."""
    moves = [e for e in claim["events"] if e["kind"] == "status" and e.get("new") == claim["status"]]
    return max(moves, key=lambda e: (e["at"], e.get("id") or 0)).get("author") if moves else None


def verdict_day(claim: dict[str, Any]) -> str:
    """The day the claim got its current verdict: the latest status change to it (of its effective
    history, as exports read it); for a claim recorded with it, the day it was recorded (or said, if later)."""
    moves = [e["at"] for e in claim["events"] if e["kind"] == "status" and e.get("new") == claim["status"]]
    if moves:
        return str(max(moves))[:10]
    return max(str(claim.get("created_at") or "")[:10], str(claim.get("said_on") or ""))


def review(claim: dict[str, Any], reviewer: Reviewer, source: dict[str, Any] | None) -> dict[str, Any] | None:
    """The ClaimReview of a confirmed, disputed or refuted claim (None for an unverified one).
    ``source`` is the claim's source row (its kind types the Claim's author, its url is theirs)."""
    if claim["status"] not in RATED:
        return None
    value = RATED[claim["status"]]
    kind = source.get("kind") if source else None
    who: dict[str, Any] = {"@type": AUTHOR_TYPES[kind]} if kind in AUTHOR_TYPES else {}
    who["name"] = claim["source"]
    if source and source.get("url") and linkable(source["url"]):
        who["url"] = source["url"]
    item: dict[str, Any] = {"@type": "Claim", "author": who}
    if claim.get("said_on"):
        item["datePublished"] = claim["said_on"]
    if claim.get("url") and linkable(claim["url"]):
        seen = {"@type": "CreativeWork", "url": claim["url"]}
        item["appearance"] = seen
        item["firstAppearance"] = seen
    data: dict[str, Any] = {"@type": "ClaimReview", "identifier": claim["uuid"]}
    if reviewer.url_template:
        from claimtrack.config import fill

        data["url"] = fill(reviewer.url_template, claim["uuid"], claim["id"])
    data["claimReviewed"] = claim["text"]
    author = reviewer.author()
    person = (reviewer.credit and verdict_author(claim)) or reviewer.name
    if not reviewer.organisation and person:  # a person's own fact-check: they are its author
        author = {"@type": "Person", "name": person}
    if author:
        data["author"] = author
    if person and reviewer.organisation:
        data["contributor"] = {"@type": "Person", "name": person}
    data["datePublished"] = verdict_day(claim)
    data["itemReviewed"] = item
    data["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST,
        "worstRating": WORST,
        "name": SCALE[value],
        "alternateName": SCALE[value],
    }
    links = evidence(claim)
    if links:
        data["citation"] = [{"@type": "CreativeWork", "url": u} for u in links]
    body = last_note(claim)
    if body:
        data["reviewBody"] = body
    return data


def _reviews(
    claims: Iterable[dict[str, Any]], sources: list[dict[str, Any]], gaps: Gaps
) -> Iterable[tuple[dict[str, Any], dict[str, Any]]]:
    by_name = {s["name"]: s for s in sources}
    for claim in claims:
        source = by_name.get(claim["source"])
        data = review(claim, gaps.reviewer, source)
        if data is not None:
            gaps.note(claim, source.get("kind") if source else None)
            yield claim, data


def write_jsonld(claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]], gaps: Gaps) -> int:
    """One JSON-LD document: ``{"@context": "https://schema.org", "@graph": [review, ...]}``, a
    review a line."""
    out.write('{"@context": "https://schema.org", "@graph": [')
    n = 0
    for n, (_, data) in enumerate(_reviews(claims, sources, gaps), start=1):
        out.write(("\n" if n == 1 else ",\n") + script_safe_json(data))
    out.write("\n]}\n")
    return n


_CSS = """body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
article { border-top: 1px solid #ccc; padding: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
p { margin: 0.25rem 0; overflow-wrap: anywhere; }
.rating strong { padding: 0 0.3rem; border-radius: 3px; }
.r5 strong { background: #d4edda; } .r3 strong { background: #fff3cd; } .r1 strong { background: #f8d7da; }
"""


def write_html(claims: Iterable[dict[str, Any]], out: IO[str], sources: list[dict[str, Any]], gaps: Gaps) -> int:
    """A page of fact-checks: each review shown, and embedded as JSON-LD in its ``<article>``.
    No scripts run, nothing is loaded from elsewhere; every text is HTML-escaped."""
    esc, org = textsafe.html_text, gaps.reviewer.organisation
    title = f"Fact checks by {org}" if org else "Fact checks"
    out.write(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{CSP_META}\n<title>{esc(title)}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n<h1>{esc(title)}</h1>\n"
    )
    n = 0
    for n, (claim, data) in enumerate(_reviews(claims, sources, gaps), start=1):  # noqa: B007  n: the count, after
        rating = data["reviewRating"]
        out.write(
            f'<article id="claim-{esc(claim["uuid"])}">\n<script type="application/ld+json">\n'
            + script_safe_json({"@context": "https://schema.org", **data})
            + "\n</script>\n"
            f"<h2>{esc(claim['text'])}</h2>\n"
            f'<p class="rating r{rating["ratingValue"]}">Rating: <strong>{esc(rating["alternateName"])}</strong> '
            f"({rating['ratingValue']} on a scale from {WORST}, false, to {BEST}, true), "
            f"reviewed {esc(data['datePublished'])}</p>\n"
            f"<p>Said by {esc(claim['source'])}"
            + (f" on {esc(claim['said_on'])}" if claim.get("said_on") else "")
            + (f" in {_link(claim['url'])}" if claim.get("url") and linkable(claim["url"]) else "")
            + "</p>\n"
        )
        if data.get("reviewBody"):
            out.write(f"<p>{esc(data['reviewBody'])}</p>\n")
        if data.get("citation"):
            out.write("<p>Evidence: " + ", ".join(_link(c["url"]) for c in data["citation"]) + "</p>\n")
        if data.get("url"):  # the template made it an http(s) address
            out.write(f"<p>{_link(data['url'], 'The full fact-check')}</p>\n")
        out.write("</article>\n")
    if not n:
        out.write("<p>No claim has a verdict yet.</p>\n")
    out.write("</body>\n</html>\n")
    return n


def _link(url: str, shown: str | None = None) -> str:
    """A link to an http(s) address (callers pass only those: ``claimcols.linkable``), showing its
    host (or ``shown``), its ``href`` a valid URL (``hrefs``); an address no URL can carry, as text."""
    target = href(url)
    text = textsafe.html_text(host(url) if shown is None else shown)
    if target is None:
        return textsafe.html_text(url)
    return f'<a href="{textsafe.html_text(target)}" rel="noopener noreferrer">{text}</a>'


def script_safe_json(data: Any) -> str:
    """JSON that can be pasted inside a ``<script>`` element: ``<``, ``>`` and ``&`` as ``\\u`` escapes.

    Those characters only ever occur inside JSON strings, where the escape means the same
    character, so the JSON is unchanged for a parser; ``</script>`` in a claim can no longer end
    the element (what JSON-LD embedders do too).
    """
    return textsafe.json_text(data, indent=None).translate(_SCRIPT_UNSAFE)
