"""Full-text search (``list --search``) through the CLI (DESIGN.md "Commands", issue "Query and report").

Covers: words (all must match), prefixes (``wor*``), quoted phrases, matching on the quote and
on the source name, case and diacritic folding; the index kept in sync by ``set --text``,
``set --source`` and ``set --quote`` (old words stop matching, new ones match); search combined
with the other filters (AND) and used by ``summary`` and ``export``; and 40+ hostile search
strings (FTS5 operators, quotes, punctuation, SQL, unicode, huge and empty input) that must each
exit 0 with valid JSON and leave the database untouched.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from conftest import Run, table_digest


def _ids(run: Run) -> list[int]:
    assert run.exit_code == 0, run.stderr
    return [c["id"] for c in json.loads(run.stdout)]


def _search(cli: Callable[..., Run], text: str, *extra: str) -> list[int]:
    return _ids(cli("list", "--search", text, *extra, "--format", "json"))


def _add(cli: Callable[..., Run], text: str, source: str, *extra: str) -> int:
    run = cli("add", text, "--source", source, *extra, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)[0]["id"]


@pytest.fixture
def corpus(cli: Callable[..., Run]) -> dict[str, int]:
    """A small, fully known set of claims (no seed), keyed by a short name."""
    assert cli("init").exit_code == 0
    return {
        "trench": _add(
            cli,
            "Pyongyang will stand in the same trench as Moscow.",
            "Kim Yo-Jong",
            "--tag",
            "alliance",
            "--confidence",
            "0.9",
            "--said-on",
            "2023-01-27",
        ),
        "sanctions": _add(
            cli,
            "Russia vetoed new sanctions at the Security Council.",
            "The Bell",
            "--tag",
            "sanctions",
            "--status",
            "confirmed",
            "--confidence",
            "0.6",
            "--said-on",
            "2022-05-26",
        ),
        "workers": _add(
            cli,
            "Workers will be sent to Donetsk by spring.",
            "Andrei Lankov",
            "--quote",
            "zebra crossing verbatim",
            "--tag",
            "workers",
            "--confidence",
            "0.3",
            "--said-on",
            "2023-02-15",
        ),
        "cafe": _add(
            cli,
            "The Café in Pyongyang reopened after the pandemic.",
            "Andrei Lankov",
            "--tag",
            "pandemic",
            "--said-on",
            "2023-03-10",
        ),
        "reversed": _add(cli, "Moscow trench same words in another order.", "Unnamed media reports"),
    }


# ---- words, prefixes, phrases ------------------------------------------------------------------


def test_single_word_matches_only_claims_containing_it(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "vetoed") == [corpus["sanctions"]]
    assert _search(cli, "trench") == [corpus["trench"], corpus["reversed"]]


def test_all_words_must_match(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "trench pyongyang") == [corpus["trench"]]
    assert _search(cli, "trench donetsk") == []


@pytest.mark.sqlite_only  # PostgreSQL's "simple" configuration does not fold accents
def test_search_is_case_and_diacritic_insensitive(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "VETOED") == [corpus["sanctions"]]
    assert _search(cli, "cafe") == [corpus["cafe"]]
    assert _search(cli, "CAFÉ") == [corpus["cafe"]]


def test_prefix_matches_word_starts_and_plain_word_does_not(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "sanct*") == [corpus["sanctions"]]
    assert _search(cli, "sanct") == []
    assert _search(cli, "pyong*") == [corpus["trench"], corpus["cafe"]]


def test_quoted_phrase_needs_the_words_in_order(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, '"same trench"') == [corpus["trench"]]
    assert _search(cli, '"trench same"') == [corpus["reversed"]]
    assert _search(cli, '"same moscow"') == []


def test_phrase_and_word_combine(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, '"security council" russia') == [corpus["sanctions"]]
    assert _search(cli, '"security council" pyongyang') == []


def test_source_name_is_searched(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "Lankov") == [corpus["workers"], corpus["cafe"]]
    assert _search(cli, '"the bell"') == [corpus["sanctions"]]
    assert _search(cli, "yo-jong") == [corpus["trench"]]


def test_quote_is_searched(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "zebra") == [corpus["workers"]]
    assert _search(cli, '"crossing verbatim"') == [corpus["workers"]]


def test_search_on_seed_finds_the_trench_quote(seeded: Callable[..., Run]) -> None:
    found = json.loads(seeded("list", "--search", '"same trench"', "--format", "json").stdout)
    assert found, "the seed quotes Kim Yo-Jong's 'same trench'"
    assert all("trench" in (c["text"] + (c["quote"] or "")).lower() for c in found)


# ---- the index follows every write -------------------------------------------------------------


def test_set_text_updates_the_index(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    cid = corpus["sanctions"]
    assert cli("set", str(cid), "--text", "Beijing abstained on the resolution.").exit_code == 0
    assert _search(cli, "vetoed") == []
    assert _search(cli, "sanctions") == []
    assert _search(cli, "abstained") == [cid]
    assert _search(cli, "beij*") == [cid]


def test_set_source_updates_the_index(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    cid = corpus["trench"]
    assert cli("set", str(cid), "--source", "Reuters Desk").exit_code == 0
    assert cid not in _search(cli, "Kim")
    assert _search(cli, "yo-jong") == []
    assert _search(cli, "reuters") == [cid]
    assert _search(cli, '"reuters desk"') == [cid]


def test_set_quote_updates_the_index(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    cid = corpus["workers"]
    assert cli("set", str(cid), "--quote", "giraffe parade").exit_code == 0
    assert _search(cli, "zebra") == []
    assert _search(cli, "giraffe") == [cid]
    assert cli("set", str(cid), "--quote", "").exit_code == 0
    assert _search(cli, "giraffe") == []


def test_added_claim_is_searchable_at_once(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "quokka") == []
    cid = _add(cli, "A quokka was seen at the summit.", "Field Notes", "--quote", "marsupial sighting")
    assert _search(cli, "quokka") == [cid]
    assert _search(cli, "marsupial") == [cid]
    assert _search(cli, "field notes") == [cid]


def test_status_and_confidence_changes_keep_the_claim_findable(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    cid = corpus["workers"]
    assert cli("refute", str(cid), "--note", "denied").exit_code == 0
    assert cli("set", str(cid), "--confidence", "0.1", "--add-tag", "donbas").exit_code == 0
    assert _search(cli, "donetsk") == [cid]


# ---- combined with filters ---------------------------------------------------------------------


def test_search_and_status_filter(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "russia OR moscow", "--status", "confirmed") == []  # OR is a literal word
    assert _search(cli, "pyong*", "--status", "unverified") == [corpus["trench"], corpus["cafe"]]
    assert _search(cli, "pyong*", "--status", "confirmed") == []
    assert _search(cli, "russia", "--status", "confirmed") == [corpus["sanctions"]]


def test_search_and_source_tag_confidence_date_filters(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "pyong*", "--source", "lankov") == [corpus["cafe"]]
    assert _search(cli, "pyong*", "--tag", "alliance") == [corpus["trench"]]
    assert _search(cli, "pyong*", "--tag", "alliance", "--tag", "pandemic") == [corpus["trench"], corpus["cafe"]]
    assert _search(cli, "lankov", "--min-confidence", "0.2") == [corpus["workers"]]
    assert _search(cli, "lankov", "--max-confidence", "0.2") == []
    assert _search(cli, "pyong*", "--since", "2023-02-01") == [corpus["cafe"]]
    assert _search(cli, "pyong*", "--until", "2023-02-01") == [corpus["trench"]]
    assert _search(cli, "pyong*", "--since", "2023-02-01", "--tag", "alliance") == []


def test_search_with_sort_and_limit(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    assert _search(cli, "trench", "--sort", "id", "--desc") == [corpus["reversed"], corpus["trench"]]
    assert _search(cli, "trench", "--limit", "1") == [corpus["trench"]]


def test_summary_and_export_take_the_search(cli: Callable[..., Run], corpus: dict[str, int]) -> None:
    run = cli("summary", "--by", "source", "--search", "pyong*", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert {r["group"]: r["count"] for r in json.loads(run.stdout)} == {"Kim Yo-Jong": 1, "Andrei Lankov": 1}
    run = cli("export", "--format", "jsonl", "--search", "zebra")
    assert run.exit_code == 0, run.stderr
    claims = [json.loads(line) for line in run.stdout.splitlines() if json.loads(line).get("type") == "claim"]
    assert [c["id"] for c in claims] == [corpus["workers"]]


# ---- operators are literal ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("NOT", True),
        ("OR", True),
        ("AND", True),
        ("NEAR(border)", True),
        ("-border", True),  # not negation
        ("^talks", True),  # not an anchor that fails
        ("talks NOT stall", True),  # NOT is a word here, so all three must be present
        ("talks NOT giraffe", False),
        ('"did NOT happen"', True),
    ],
)
def test_fts_operators_are_searched_as_words(cli: Callable[..., Run], query: str, expect: bool) -> None:
    assert cli("init").exit_code == 0
    cid = _add(cli, "Talks did NOT happen OR stall AND go near border posts.", "Desk")
    _add(cli, "Something unrelated entirely.", "Desk")
    assert _search(cli, query) == ([cid] if expect else [])


# ---- hostile input -----------------------------------------------------------------------------

HOSTILE = [
    '"',
    '""',
    '"""',
    '"unterminated',
    'unterminated"',
    "NEAR(a b)",
    "NEAR(a b, 2)",
    "NEAR",
    '"a" NEAR "b"',
    "a OR",
    "OR",
    "AND",
    "NOT",
    "a NOT",
    "NOT a",
    "a AND NOT b",
    "*",
    "**",
    "a*b",
    "*a",
    "korea**",
    "-x",
    "-",
    "--",
    "^x",
    "^",
    "col:x",
    "text:korea",
    "source:lankov",
    ":",
    "{text source}: x",
    "(",
    ")",
    "()",
    "(korea",
    "korea)",
    "'",
    "''",
    "\\",
    '\\"',
    "+x",
    "[x]",
    "a & b | c",
    "😀",
    "😀*",
    "north 😀 korea",
    "北朝鲜",
    "북한 러시아",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u202eevil",
    "e\u0301",
    "\x1b[31mred",
    "x" * 5000,
    "korea " * 900,
    " ",
    "\t\n  ",
    "%",
    "_",
    "%_%",
    "a%",
    "_x_",
    "'; DROP TABLE claim; --",
    '"; DROP TABLE claim_fts; --',
    "1' OR '1'='1",
    "claim_fts MATCH '*'",
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded database shared by the hostile-string cases (they must not change it)."""
    db = tmp_path_factory.mktemp("hostile") / "claims.db"
    result = CliRunner().invoke(app, ["--db", str(db), "init", "--seed"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return db


@pytest.mark.parametrize("query", HOSTILE, ids=[f"q{i:02d}" for i in range(len(HOSTILE))])
def test_hostile_search_is_never_an_error(cli: Callable[..., Run], hostile_db: Path, query: str) -> None:
    before = table_digest(hostile_db)
    run = cli("--db", str(hostile_db), "list", "--search", query, "--format", "json")
    assert run.exit_code == 0, (query, run.stderr)
    assert run.stderr == ""
    claims = json.loads(run.stdout)
    assert isinstance(claims, list)
    assert all(isinstance(c["id"], int) for c in claims)
    assert table_digest(hostile_db) == before


def test_hostile_search_in_summary_and_export(cli: Callable[..., Run], hostile_db: Path) -> None:
    before = table_digest(hostile_db)
    for query in ('"unterminated', "NEAR(a b)", "col:x", "'; DROP TABLE claim; --", "(", "*"):
        run = cli("--db", str(hostile_db), "summary", "--search", query, "--format", "json")
        assert run.exit_code == 0, (query, run.stderr)
        assert isinstance(json.loads(run.stdout), list)
        run = cli("--db", str(hostile_db), "export", "--format", "json", "--search", query)
        assert run.exit_code == 0, (query, run.stderr)
        assert isinstance(json.loads(run.stdout)["claims"], list)
    assert table_digest(hostile_db) == before


def test_whitespace_only_search_lists_everything(cli: Callable[..., Run], hostile_db: Path) -> None:
    everything = _ids(cli("--db", str(hostile_db), "list", "--format", "json"))
    assert everything
    assert _ids(cli("--db", str(hostile_db), "list", "--search", "   ", "--format", "json")) == everything


def test_punctuation_only_search_matches_nothing(cli: Callable[..., Run], hostile_db: Path) -> None:
    for query in ('"', "()", "*", "%", "_", "😀"):
        assert _ids(cli("--db", str(hostile_db), "list", "--search", query, "--format", "json")) == [], query


def test_unicode_words_are_found(cli: Callable[..., Run]) -> None:
    assert cli("init").exit_code == 0
    cjk = _add(cli, "报道 北朝鲜 派遣 工人", "新华社")
    rtl = _add(cli, "שלום עולם from Tel Aviv", "Haaretz")
    assert _search(cli, "北朝鲜") == [cjk]
    assert _search(cli, "新华社") == [cjk]
    assert _search(cli, "שלום") == [rtl]
    assert _search(cli, "😀 שלום") == [rtl]  # the emoji holds no word and is dropped
