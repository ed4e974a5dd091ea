"""``claimtrack match``: which stored claims a piece of news bears on, and acting on them.

The quality test writes, in the style of wire reports, news of later events that settled claims of
the seed (the June 2024 treaty, the March 2024 veto that ended the UN panel of experts, North
Korean troops in Kursk, Lavrov on denuclearisation, the munitions shipped to Russia, Air Koryo's
first flight abroad since 2020, North Korea's newspapers on the war) and checks that the claim each
settles is among the top 3 matches, with the seed and 10,000 unrelated claims in the database
(generated here, deterministically, on the same subjects: countries, sanctions, treaties, vetoes,
troops and workers). It prints the rank of each. Feeds are local Atom and RSS files; ``--review``
is driven through its prompts with the terminal check patched.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SEED_CLAIMS, Run, table_digest

# ---- the quality test --------------------------------------------------------------------------

COUNTRIES = [
    "Russia",
    "China",
    "Iran",
    "Ukraine",
    "South Korea",
    "Japan",
    "India",
    "Brazil",
    "Turkey",
    "Germany",
    "France",
    "Poland",
    "Belarus",
    "Syria",
    "Venezuela",
    "Mali",
    "Serbia",
    "Kazakhstan",
    "Vietnam",
    "Mongolia",
    "Georgia",
    "Armenia",
    "Azerbaijan",
    "Hungary",
    "Israel",
    "Egypt",
    "Nigeria",
    "Mexico",
    "Canada",
    "Taiwan",
]
ORGS = [
    "the UN Security Council",
    "NATO",
    "the European Union",
    "the IMF",
    "the World Bank",
    "OPEC",
    "the G7",
    "the African Union",
    "the WTO",
    "the IAEA",
    "the UN General Assembly",
    "ASEAN",
]
PEOPLE = [
    "the finance minister",
    "the central bank governor",
    "the prime minister",
    "the defence minister",
    "the opposition leader",
    "a senior diplomat",
    "the foreign minister",
    "an army spokesman",
    "the president",
]
SECTORS = [
    "economy",
    "grain exports",
    "oil output",
    "car sales",
    "steel production",
    "tourism",
    "the gas trade",
    "arms exports",
    "remittances",
    "the rail network",
    "the port of its capital",
    "its fishing fleet",
]
THINGS = [
    "sanctions",
    "a ceasefire",
    "a trade treaty",
    "a gas pipeline deal",
    "a peace plan",
    "a new alliance",
    "military exercises",
    "a border agreement",
    "an arms embargo",
    "a veto",
    "a nuclear inspection regime",
    "artillery ammunition deliveries",
    "troop deployments",
    "a grain corridor",
    "visa-free travel",
    "a currency swap",
    "a security pact",
    "a mutual defence clause",
    "a labour migration scheme",
]
VERBS = [
    "will sign",
    "will reject",
    "has quietly backed",
    "is preparing",
    "will extend",
    "has abandoned",
    "will veto",
    "is negotiating",
    "will announce",
    "has suspended",
    "will ratify",
    "has denied",
]
TEAMS = ["Spartak", "Zenit", "Dynamo", "Porto", "Ajax", "Celtic", "Galatasaray", "Benfica", "Red Star"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def unrelated_claim(rng: random.Random) -> str:
    """A claim on the seed's kind of subject (states, treaties, sanctions, troops), never its own."""
    c, c2 = rng.sample(COUNTRIES, 2)
    year, month = rng.randrange(2019, 2027), rng.choice(MONTHS)
    return [
        lambda: f"{c} {rng.choice(VERBS)} {rng.choice(THINGS)} with {c2} before {month} {year}.",
        lambda: (
            f"According to {rng.choice(PEOPLE)}, {c}'s {rng.choice(SECTORS)} grew by {rng.randrange(1, 40)}% in {year}."
        ),
        lambda: (
            f"{rng.choice(ORGS).capitalize()} {rng.choice(VERBS)} {rng.choice(THINGS)} against {c} in {month} {year}."
        ),
        lambda: f"{c} and {c2} signed {rng.choice(THINGS)} covering {rng.choice(SECTORS)} in {year}.",
        lambda: f"{rng.choice(TEAMS)} will win the league in {year}, {rng.choice(PEOPLE)} predicted.",
        lambda: f"Inflation in {c} will fall below {rng.randrange(2, 15)}% by {month} {year}.",
        lambda: f"{c} sent about {rng.randrange(100, 9000)} workers to {c2} for {rng.choice(SECTORS)} in {year}.",
        lambda: f"{rng.choice(PEOPLE).capitalize()} of {c} said {c2} {rng.choice(VERBS)} {rng.choice(THINGS)}.",
    ][rng.randrange(8)]()


def unrelated_jsonl(path: Path, n: int = 10_000, seed: int = 17) -> Path:
    """``n`` distinct unrelated claims as an import file (the fast way in: one transaction)."""
    rng = random.Random(seed)
    texts: dict[str, None] = {}
    while len(texts) < n:
        texts[unrelated_claim(rng)] = None
    statuses = ("unverified", "unverified", "disputed", "confirmed", "refuted")
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"text": text, "source": f"Wire {i % 40}", "status": statuses[i % 5]}) + "\n")
    return path


# Each piece of news, and the seed claims that it settles (any of them counts: 4 and 16 are the
# same claim by two sources). The seed records each of these events (data/seed.sql).
NEWS = {
    "treaty": (
        {23},
        """\
PYONGYANG, June 19 (Reuters) - Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a comprehensive strategic partnership treaty on Wednesday that commits each country to provide immediate military assistance if the other is attacked, the strongest link between Moscow and Pyongyang since the end of the Cold War.
Kim said the pact raised relations between the two countries to the level of an alliance, while Putin called it a breakthrough document that would take ties to a new level.
Washington and Seoul have accused North Korea of supplying ammunition and missiles for Russia's war in Ukraine, which both countries deny.
Analysts said the mutual defence clause made the two countries full-fledged military allies, a sharp change from the largely symbolic support they offered each other before the invasion of Ukraine.
""",
    ),
    "veto": (
        {11},
        """\
UNITED NATIONS, March 28 (AP) - Russia on Thursday vetoed a resolution that would have extended the mandate of the U.N. panel of experts monitoring sanctions against North Korea, ending 15 years of independent reporting on Pyongyang's violations.
The vote in the 15-member Security Council was 13 in favour, with China abstaining. The panel's mandate expires on April 30.
Western diplomats said Moscow, a permanent member of the council, was shielding its partner at a time when the panel was investigating reported arms transfers from North Korea to Russia.
""",
    ),
    "kursk": (
        {3},
        """\
SEOUL, April 28 (Reuters) - North Korea confirmed for the first time on Monday that it had sent troops to fight alongside Russian forces against Ukraine, saying its soldiers had helped to retake the Kursk region.
State news agency KCNA said Kim Jong Un ordered the deployment under the mutual defence treaty with Moscow, and praised the troops as heroes who had fought shoulder to shoulder with the Russian army.
Russia acknowledged the North Korean role two days earlier, after months in which both countries declined to confirm reports of the deployment.
Kim's sister Kim Yo Jong pledged in January 2023 that North Korea would stand in the same trench as the Russian army and people.
""",
    ),
    "lavrov": (
        {7},
        """\
MOSCOW, Sept 26 (Yonhap) - Russian Foreign Minister Sergei Lavrov said on Thursday that the denuclearisation of North Korea was a closed issue for Moscow, signalling that Pyongyang's nuclear weapons programme no longer stands in the way of closer ties.
Lavrov said Russia understood the logic of North Korea relying on nuclear weapons as the basis of its defence.
The remark marks a shift for the Kremlin, which for decades treated the North's nuclear programme as its main concern on the Korean peninsula.
""",
    ),
    "munitions": (
        {10},
        """\
SEOUL, Feb 27 (Politico) - North Korea has shipped about 6,700 containers of munitions to Russia since July, South Korea's defence minister Shin Won-sik said on Tuesday, enough to hold more than three million artillery shells of 152 mm calibre or half a million 122 mm rounds.
Both calibres are used by Soviet-designed guns that the Russian army fires in Ukraine, and North Korea has for decades stockpiled shells for them.
""",
    ),
    "air koryo": (
        {25, 19},
        """\
BEIJING, Aug 22 (Yonhap) - A North Korean passenger plane landed in Beijing on Tuesday, the first international commercial flight by the state carrier Air Koryo in more than three and a half years.
North Korea shut its borders in early 2020 to keep out the coronavirus, halting almost all travel and trade, and the resumption of flights is seen as a sign that the country is reopening.
""",
    ),
    "newspapers": (
        {24, 13},
        """\
WASHINGTON, Nov 15 (38 North) - North Korea's domestic media, which for a year after the invasion said almost nothing about the fighting in Ukraine, have become steadily more outspoken about the war as ties with Russia deepened, an analysis of state newspapers found.
The Rodong Sinmun, the ruling party newspaper read by North Koreans at home, now regularly carries reports on the war and on Kim Jong Un's support for Moscow.
""",
    ),
}


def _json(run: Run) -> Any:
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_news_puts_the_claim_it_settles_in_the_top_3(seeded: Callable[..., Run], tmp_path: Path) -> None:
    imported = seeded("import", str(unrelated_jsonl(tmp_path / "unrelated.jsonl")))
    assert imported.exit_code == 0, imported.stderr
    assert sum(g["count"] for g in _json(seeded("summary", "--format", "json"))) == 10_000 + SEED_CLAIMS
    ranks: dict[str, int | None] = {}
    for name, (settled, text) in NEWS.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        found = _json(seeded("match", str(path), "--all", "--min-score", "0", "--limit", "20", "--format", "json"))
        ids = [m["id"] for m in found]
        ranks[name] = min((ids.index(c) + 1 for c in settled if c in ids), default=None)
        assert [m["score"] for m in found] == sorted((m["score"] for m in found), reverse=True)
        assert all(0 < m["score"] <= 1 and m["sentence"] in text for m in found)
    print("ranks of the settled claim among the matches:", ranks)
    assert all(rank is not None and rank <= 3 for rank in ranks.values()), ranks


def test_only_open_claims_unless_all(seeded: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "veto.txt"
    path.write_text(NEWS["veto"][1], encoding="utf-8")
    every = _json(seeded("match", str(path), "--all", "--format", "json"))
    assert 11 in [m["id"] for m in every]  # confirmed in the seed
    open_only = _json(seeded("match", str(path), "--format", "json", "--min-score", "0"))
    assert open_only and {m["status"] for m in open_only} <= {"unverified", "disputed"}
    assert seeded("delete", "11").exit_code == 0  # deleted claims never match
    assert 11 not in [m["id"] for m in _json(seeded("match", str(path), "--all", "--format", "json"))]
    limited = _json(seeded("match", str(path), "--all", "--limit", "2", "--min-score", "0", "--format", "json"))
    assert len(limited) == 2
    strict = _json(seeded("match", str(path), "--all", "--min-score", "0.45", "--format", "json"))
    assert all(m["score"] >= 0.45 for m in strict)


def test_piped_output_is_tsv_and_the_table_is_inert(seeded: Callable[..., Run], tmp_path: Path) -> None:
    evil = "Markup [bold]x[/bold] ansi \x1b[31mred osc \x1b]0;title\x07 cr\rback bidi \u202eevil"
    added = seeded(
        "add", f"North Korean workers {evil} reached Donetsk building sites.", "--source", "Evil \x1b[31mSource"
    )
    assert added.exit_code == 0, added.stderr
    path = tmp_path / "news.txt"
    path.write_text(
        f"North Korean workers {evil} reached building sites in occupied Donetsk, officials said.\n", encoding="utf-8"
    )
    piped = seeded("match", str(path), "--min-score", "0")
    assert piped.exit_code == 0, piped.stderr
    first = piped.stdout.splitlines()[0].split("\t")
    assert first[0] == str(SEED_CLAIMS + 1) and first[1] == "unverified" and 0 < float(first[2]) <= 1
    table = seeded("match", str(path), "--min-score", "0", "--format", "table")
    assert table.exit_code == 0, table.stderr
    for raw in ("\x1b", "\x07", "\r", "\u202e"):
        assert raw not in table.stdout and raw not in piped.stdout
    assert "[bold]x[/bold]" in table.stdout and "Claim" in table.stdout and "Score" in table.stdout


# ---- feeds -------------------------------------------------------------------------------------

ITEMS = [  # (id, link, day, title, summary)
    (
        "urn:wire:workers",
        "https://example.org/workers",
        "2024-10-22",
        "North Korean workers seen in Donetsk",
        "<p>North Korean workers are on building sites in occupied Donetsk, Ukraine&#39;s National Resistance "
        "Center said; most had worked in Russia before.</p>",
    ),
    (
        "urn:wire:football",
        "https://example.org/football",
        "2024-10-23",
        "Spartak beat Zenit",
        "<p>Spartak won the derby 2-1 in front of a full stadium.</p>",
    ),
]


def atom(items: list[tuple[str, str, str, str, str]]) -> str:
    from xml.sax.saxutils import escape

    entries = "".join(
        f'<entry><id>{i}</id><title>{escape(t)}</title><link href="{link}"/><published>{day}T09:00:00Z</published>'
        f'<updated>{day}T09:00:00Z</updated><summary type="html">{escape(s)}</summary></entry>'
        for i, link, day, t, s in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f"<id>urn:wire</id><updated>2024-10-23T00:00:00Z</updated>{entries}</feed>"
    )


def rss(items: list[tuple[str, str, str, str, str]]) -> str:
    from datetime import UTC, datetime
    from email.utils import format_datetime
    from xml.sax.saxutils import escape

    def day(d: str) -> str:
        return format_datetime(datetime.fromisoformat(d + "T09:00:00").replace(tzinfo=UTC))

    entries = "".join(
        f"<item><guid>{i}</guid><title>{escape(t)}</title><link>{link}</link>"
        f"<pubDate>{day(d)}</pubDate><description>{escape(s)}</description></item>"
        for i, link, d, t, s in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feed_shows_new_items_once(seeded: Callable[..., Run], tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"wire.{kind}.xml"
    path.write_text((atom if kind == "atom" else rss)(ITEMS), encoding="utf-8")
    first = seeded("match", "--feed", str(path), "--format", "json")
    found = _json(first)
    assert "2 new items in the feed." in first.stderr
    assert {4, 16, 18} & {m["id"] for m in found}
    workers = next(m for m in found if m["id"] in (4, 16))
    assert workers["news_url"] == "https://example.org/workers" and workers["news_date"] == "2024-10-22"
    assert workers["news_title"] == "North Korean workers seen in Donetsk"
    again = seeded("match", "--feed", str(path), "--format", "json")
    assert _json(again) == [] and "No new items in the feed; 2 seen before were left out" in again.stderr
    assert _json(seeded("match", "--feed", str(path), "--format", "json", "--all-items")) == found
    path.write_text(
        (atom if kind == "atom" else rss)(
            ITEMS
            + [
                (
                    "urn:wire:flight",
                    "https://example.org/flight",
                    "2024-10-24",
                    "Air Koryo flies to Beijing",
                    "The first international commercial flight by Air Koryo in more than three years, as North Korea's "
                    "borders reopen.",
                )
            ]
        ),
        encoding="utf-8",
    )
    third = seeded("match", "--feed", str(path), "--format", "json", "--all")
    assert "1 new item in the feed; 2 seen before were left out" in third.stderr
    assert {m["news_url"] for m in _json(third)} == {"https://example.org/flight"}


def test_db_copy_carries_the_seen_feed_items(seeded: Callable[..., Run], tmp_path: Path, db_path: Any) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(rss(ITEMS), encoding="utf-8")
    assert "2 new items" in seeded("match", "--feed", str(path), "--format", "json").stderr
    copy = tmp_path / "copy.db"
    assert seeded("db", "copy", str(db_path), str(copy)).exit_code == 0
    again = seeded("--db", str(copy), "match", "--feed", str(path), "--format", "json")
    assert again.exit_code == 0 and "No new items in the feed; 2 seen before were left out" in again.stderr


@pytest.mark.parametrize(
    "content, why",
    [
        (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>cut",
            "not a well-formed feed",
        ),
        ("<html><body><p>A page, not a feed.</p></body></html>", "not an RSS or Atom feed"),
        ("", "is empty"),
        ("just some words", "not a well-formed feed"),
    ],
)
def test_bad_feed_is_one_error_and_changes_nothing(
    seeded: Callable[..., Run], tmp_path: Path, db_path: Any, content: str, why: str
) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    before = table_digest(db_path)
    run = seeded("match", "--feed", str(path))
    assert run.exit_code == 1 and run.stdout == ""
    assert run.stderr.startswith("Error: ") and why in run.stderr and len(run.stderr.splitlines()) == 1, run.stderr
    assert table_digest(db_path) == before


@pytest.mark.parametrize(
    "args, code, why",
    [
        (["match", "{tmp}/missing.txt"], 1, "does not exist"),
        (["match", "{tmp}/binary.bin"], 1, "binary file"),
        (["match", "--feed", "{tmp}/missing.xml"], 1, "does not exist"),
        (["match"], 2, "either SOURCE or --feed"),
        (["match", "{tmp}/binary.bin", "--feed", "{tmp}/x.xml"], 2, "either SOURCE or --feed"),
        (["match", "{tmp}/binary.bin", "--all-items"], 2, "--all-items goes with --feed"),
        (["match", "{tmp}/binary.bin", "--min-score", "2"], 2, "not between 0 and 1"),
        (["match", "{tmp}/binary.bin", "--min-score", "nan"], 2, "not between 0 and 1"),
        (["match", "{tmp}/binary.bin", "--limit", "0"], 2, "less than 1"),
    ],
)
def test_bad_input_is_one_error(
    seeded: Callable[..., Run], tmp_path: Path, db_path: Any, args: list[str], code: int, why: str
) -> None:
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02binary")
    before = table_digest(db_path)
    run = seeded(*(a.format(tmp=tmp_path) for a in args))
    assert run.exit_code == code and run.stdout == "", run
    assert why in run.stderr, run.stderr
    if code == 1:
        assert run.stderr.startswith("Error: ") and len(run.stderr.splitlines()) == 1, run.stderr
    assert table_digest(db_path) == before


# ---- --review ----------------------------------------------------------------------------------


def test_review_refuses_without_a_terminal(seeded: Callable[..., Run], tmp_path: Path, db_path: Any) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(atom(ITEMS), encoding="utf-8")
    before = table_digest(db_path)
    run = seeded("match", "--feed", str(path), "--review", input="c\n\n")
    assert run.exit_code == 1 and len(run.stderr.splitlines()) == 1 and "needs a terminal" in run.stderr, run.stderr
    assert table_digest(db_path) == before  # not even the feed's items are remembered


def _event(cli: Callable[..., Run], cid: int, kind: str) -> dict[str, Any]:
    """The claim's event of ``kind`` recorded last (a back-dated one sorts by when it happened)."""
    events = _json(cli("show", str(cid), "--format", "json"))["events"]
    return max(((e["recorded_at"], i, e) for i, e in enumerate(events) if e["kind"] == kind))[2]


def test_review_records_each_action_with_the_news_url_and_date(
    seeded: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimtrack.cli.match._interactive", lambda: True)
    path = tmp_path / "feed.xml"
    path.write_text(atom(ITEMS[:1]), encoding="utf-8")
    listed = _json(seeded("match", "--feed", str(path), "--format", "json", "--all-items", "--all", "--min-score", "0"))
    assert len(listed) >= 4
    # 1st: confirm with the sentence as note; 2nd: a typo, then a note of our own; 3rd: skip; then quit.
    run = seeded(
        "match",
        "--feed",
        str(path),
        "--review",
        "--all-items",
        "--all",
        "--min-score",
        "0",
        input="confirm\n\nx\nn\nSeen by the resistance centre\ns\nq\n",
    )
    assert run.exit_code == 0, run.stderr
    shown = [int(i) for i in re.findall(r"\[\d+/\d+\] Claim (\d+) ", run.stderr)]
    assert shown == [m["id"] for m in listed[:4]], run.stderr
    first, second, third = shown[:3]
    assert "Answer one of: confirm, refute, dispute, note, skip, quit" in run.stderr
    assert "Review ended" in run.stderr

    status = _event(seeded, first, "status")
    assert status["new"] == "confirmed" and status["evidence_url"] == "https://example.org/workers"
    assert status["at"].startswith("2024-10-22") and status["note"] == listed[0]["sentence"]
    note = _event(seeded, second, "note")
    assert note["note"] == "Seen by the resistance centre" and note["evidence_url"] == "https://example.org/workers"
    assert note["at"].startswith("2024-10-22")  # the news's day, as for a status change
    assert _json(seeded("show", str(third), "--format", "json"))["status"] == listed[2]["status"]  # skipped


def test_review_of_an_action_that_fails_goes_on(
    seeded: Callable[..., Run], tmp_path: Path, db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Confirming a claim already confirmed fails alone (one line; that claim unchanged), the next goes on."""
    monkeypatch.setattr("claimtrack.cli.match._interactive", lambda: True)
    path = tmp_path / "veto.txt"
    path.write_text(NEWS["veto"][1], encoding="utf-8")
    listed = _json(seeded("match", str(path), "--all", "--format", "json"))
    assert listed[0]["status"] == "confirmed" and listed[1]["status"] != "refuted", listed[:2]
    url = "https://example.org/veto"  # news without one asks for it (tests/test_match_review.py)
    run = seeded("match", str(path), "--all", "--url", url, "--review", input="c\n\nrefute\nIt did not hold\nq\n")
    assert run.exit_code == 0, run.stderr
    assert (
        f"Error: claim {listed[0]['id']} is already confirmed" in run.stderr
        or f"claim {listed[0]['id']} was not changed" in run.stderr
    ), run.stderr
    refuted = _event(seeded, listed[1]["id"], "status")
    assert refuted["new"] == "refuted" and refuted["note"] == "It did not hold" and refuted["evidence_url"] == url


def test_review_of_a_file_records_the_url_given_as_evidence(
    seeded: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimtrack.cli.match._interactive", lambda: True)
    path = tmp_path / "treaty.md"
    path.write_text(NEWS["treaty"][1], encoding="utf-8")
    url = "https://example.org/2024/06/19/treaty"
    listed = _json(seeded("match", str(path), "--url", url, "--format", "json"))
    assert listed and {m["news_url"] for m in listed} == {url}
    run = seeded("match", str(path), "--url", url, "--review", input="c\n\nrefute\n\nq\n")
    assert run.exit_code == 0 and "Warning" not in run.stderr, run.stderr
    assert _event(seeded, listed[0]["id"], "status")["evidence_url"] == url
    assert _event(seeded, listed[1]["id"], "status")["evidence_url"] == url


def test_a_bad_url_or_one_with_a_feed_is_one_error(seeded: Callable[..., Run], tmp_path: Path, db_path: Any) -> None:
    path = tmp_path / "news.md"
    path.write_text(NEWS["veto"][1], encoding="utf-8")
    before = table_digest(db_path)
    bad = seeded("match", str(path), "--url", "ftp://example.org/x")
    assert bad.exit_code == 1 and bad.stderr.count("\n") == 1 and "invalid --url" in bad.stderr, bad.stderr
    feed = seeded("match", "--feed", str(path), "--url", "https://example.org/x")
    assert feed.exit_code == 2 and "--url" in feed.stderr and "own links" in feed.stderr, feed.stderr
    assert table_digest(db_path) == before


# ---- the pieces ----------------------------------------------------------------------------------


def test_sentences_keep_abbreviations_initials_and_drop_the_dateline() -> None:
    from claimtrack.match import sentences

    text = (
        "SEOUL, April 28 (Reuters) - Mr. Kim met U.S. envoys on Jan. 5 in Seoul. J. Smith said so! "
        '"Why?" he asked.\nA second paragraph without a full stop\n\n'
    )
    assert sentences(text) == [
        "Mr. Kim met U.S. envoys on Jan. 5 in Seoul.",
        "J. Smith said so!",
        '"Why?" he asked.',
        "A second paragraph without a full stop",
    ]
    long = " ".join(["word"] * 130)
    assert [len(s.split()) for s in sentences(long)] == [60, 60, 10]


def test_stems_meet_across_word_forms_and_drop_stopwords() -> None:
    from claimtrack.match import _related, stems

    found = stems("Moscow vetoed the treaties of the Russian allies; 1,500 troops, the alliance's 2024 treaty.")
    assert found == ["moscow", "russia", "veto", "treat", "russ", "alli", "1500", "troop", "alliance", "2024", "treati"]
    assert _related("russ", "russia") and _related("alli", "alliance") and _related("treat", "treati")
    assert not _related("15", "1500") and not _related("un", "unit")


def test_sentences_drop_links_and_an_embedded_posts_signature_and_read_hashtags_as_words() -> None:
    from claimtrack.match import sentences

    post = (
        "Troops were seen near the border. #RevolutionaryWarAirports https://t.co/AbC12 "
        "pic.twitter.com/XyZ9 — Jane Doe (@jdoe) July 5, 2019"
    )
    assert sentences(post) == ["Troops were seen near the border.", "Revolutionary War Airports"]
    assert sentences("A dash - in a sentence (@handle) stays here, with more words after it than a date.") == [
        "A dash - in a sentence (@handle) stays here, with more words after it than a date."
    ]


def test_a_short_news_item_is_also_read_whole_and_a_long_one_is_not() -> None:
    from claimtrack.match import _pieces, sentences

    tweet = _pieces(0, sentences("Kim met Putin. They signed a treaty. In Pyongyang!"))
    assert [p.joined for p in tweet] == [False, False, False, True]
    assert tweet[-1].text == "Kim met Putin. They signed a treaty. In Pyongyang!"
    assert tweet[-1].stems == [s for p in tweet[:-1] for s in p.stems]
    article = _pieces(0, sentences(" ".join(["Kim met Putin in Pyongyang on a long visit."] * 10)))
    assert not any(p.joined for p in article) and len(article) == 10


def test_an_acronym_opening_a_paragraph_is_not_a_dateline_for_match() -> None:
    """match drops the dateline extract drops ("KYIV, Ukraine — "), not an acronym that opens a sentence."""
    from claimtrack.match import sentences

    text = "NATO — the alliance of 32 countries — held exercises in March.\nKYIV, Ukraine — Russia fired 40 drones."
    assert sentences(text) == [
        "NATO — the alliance of 32 countries — held exercises in March.",
        "Russia fired 40 drones.",
    ]
