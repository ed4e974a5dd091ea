"""How well ``match`` finds the claim a piece of news restates in other words: issue 30's measure.

Shared by tests/test_match_quality.py (which asserts it) and bench/match_quality.py (which prints
it), so both measure the same thing. ``match`` is a black box here: every figure comes from running
the command (in-process for the test, real processes for the bench) and reading its JSON.

The set (tests/match_eval/pairs.toml, see its README): news items that restate the event of a claim
(of the seed, or one the set adds) sharing no content word with it beyond names; news about
something else; and tests/test_match.py's wire reports, which share words with the claims they
settle. The database: the seed, the set's claims and 10,000 distractor claims (``distractors``,
deterministic), all imported at once. Measured:

- for each pair, the rank of its best-ranked gold claim among ``match NEWS --all --min-score 0``
  (not listed in the first ``RANKS`` = no rank): recall@3 (share with rank <= 3) and MRR (mean of
  1/rank, 0 when not listed), per group (seed / own claims) and overall;
- for each off-topic item, the seed's claims ``match NEWS --all`` lists at its default threshold;
- for each of test_match.py's word-overlap reports, the rank of the claim it settles.
"""

from __future__ import annotations

import json
import random
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SET = HERE / "match_eval" / "pairs.toml"
DISTRACTORS = 10_000
RANKS = 100  # match lists this many candidates; a gold claim further down counts as not found

# The issue's targets (issue 30, acceptance 4).
RECALL3_GOAL = 0.90
MRR_GOAL = 0.80
OVERLAP_RANK_GOAL = 2

# A runner takes claimtrack's arguments (after the program name) and gives (exit code, stdout, stderr).
Runner = Callable[[Sequence[str]], tuple[int, str, str]]


# ---- the set -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    key: str
    group: str  # "seed" or "own"
    gold: tuple[str, ...]  # claim texts, as stored
    names: tuple[str, ...]
    news: str


@dataclass(frozen=True)
class EvalSet:
    claims: tuple[dict[str, str], ...]
    pairs: tuple[Pair, ...]
    offtopic: tuple[tuple[str, str], ...]  # (key, news)


def load(path: Path = SET) -> EvalSet:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    own = {c["text"] for c in data["claim"]}
    pairs = tuple(
        Pair(
            p["key"], "own" if set(p["gold"]) <= own else "seed", tuple(p["gold"]), tuple(p.get("names", ())), p["news"]
        )
        for p in data["pair"]
    )
    return EvalSet(
        tuple({"text": c["text"], "source": c["source"]} for c in data["claim"]),
        pairs,
        tuple((o["key"], o["news"]) for o in data["offtopic"]),
    )


def overlap_reports() -> dict[str, tuple[set[int], str]]:
    """tests/test_match.py's wire reports (they share words with the seed claims they settle)."""
    from test_match import NEWS

    return NEWS


# ---- "in other words": the check the set must pass -------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+|\d+")
# Function words, reporting words and time words: they carry no claim's content.
_STOP = frozenset(
    """
a about above after again against all almost along already also although always am among an and another any
are around as at away back be became because become been before being below between both but by can could
did do does doing done down during each either else even ever every few for from further had has have having
he her here his how however i if in into is it its itself just last least less like made make many may me
might more most much must my near neither never next no nor not now of off often on once one only onto or
other others our out over own per rather same she should since so some still such than that the their them
then there these they this those though through thus to too toward under until up upon us very via was we
were what when where whether which while who whom whose why will with within without would yet you your
said says say told according added mr mrs ms dr st monday tuesday wednesday thursday friday saturday sunday
week weeks month months year years day days time times new two three four five six seven eight nine ten
first second wire
""".split()
)


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold().replace("'s", " ")) if len(w) > 1 and w not in _STOP}


def _meet(a: str, b: str) -> bool:
    """Two words that may be forms of one (a crude stem test, wider than match's own on purpose)."""
    if a == b:
        return True
    if a.isdigit() or b.isdigit():
        return False
    short, long = sorted((a.rstrip("s"), b.rstrip("s")), key=len)
    return (len(short) >= 4 and long.startswith(short)) or (len(short) >= 5 and long[:5] == short[:5])


def shared_words(pair: Pair) -> set[str]:
    """Content words the news shares with a gold claim that are not among the pair's names."""
    names = content_words(" ".join(pair.names))
    news = content_words(pair.news)
    shared = set()
    for gold in pair.gold:
        for c in content_words(gold):
            if any(_meet(c, n) for n in names):
                continue
            shared |= {n for n in news if _meet(c, n)}
    return shared


# ---- distractors -----------------------------------------------------------------------------------

_BANKS = ("The Bank of England", "The Federal Reserve", "The Bank of Japan", "The Reserve Bank of India",
          "The Swiss National Bank", "The Bank of Canada", "Brazil's central bank", "Turkey's central bank")  # fmt: skip
_COUNTRIES = ("France", "Italy", "Poland", "Canada", "Japan", "Brazil", "India", "Mexico", "Nigeria", "Australia",
              "Sweden", "Argentina", "Indonesia", "South Africa", "Kenya", "Chile", "Greece", "Portugal")  # fmt: skip
_WORKERS = ("Nurses", "Teachers", "Dock workers", "Airport staff", "Bus drivers", "Junior doctors", "Postal workers",
            "Refinery workers", "Air traffic controllers")  # fmt: skip
_ISSUES = ("pay", "pensions", "working hours", "staffing", "job cuts", "a new contract")
_COMPANIES = ("Samsung", "Google", "Sony", "Xiaomi", "Huawei", "Nintendo", "Meta", "Amazon", "Volkswagen", "Toyota",
              "Netflix", "Spotify", "IKEA", "Siemens", "Unilever", "Nestle", "Shell", "Airbus", "Intel", "Nvidia")  # fmt: skip
_PRODUCTS = ("a foldable phone", "a new games console", "smart glasses", "a cheaper laptop", "a streaming service",
             "an electric van", "a satellite internet service", "a smart speaker", "a fitness tracker")  # fmt: skip
_PARTIES = ("The ruling party", "The opposition", "The centre-right alliance", "The Greens", "The nationalists",
            "The Social Democrats", "The liberal bloc", "A new populist party")  # fmt: skip
_ELECTIONS = ("parliamentary election", "presidential election", "regional elections", "local elections")
_WEATHER = ("wettest", "driest", "coldest", "windiest", "snowiest", "stormiest")
_DISEASES = ("Measles", "Dengue", "Cholera", "Tuberculosis", "Bird flu", "Malaria", "Whooping cough")
_TEAMS = ("Argentina", "France", "Brazil", "Portugal", "Morocco", "Japan", "Bayern Munich", "Real Madrid",
          "Manchester City", "Inter Milan", "Arsenal", "Liverpool", "PSG", "Benfica")  # fmt: skip
_CUPS = ("the Champions League", "the Copa America", "the Africa Cup of Nations", "the Rugby World Cup",
         "the Asian Cup", "the league title", "the Europa League", "the Nations League")  # fmt: skip
_GOODS = ("steel", "solar panels", "wine", "beef", "semiconductors", "aluminium", "timber", "fertiliser", "cheese")
_AGENCIES = ("India's space agency", "Japan's space agency", "China's space agency", "The European Space Agency")
_BODIES = ("Mars", "Venus", "an asteroid", "the far side of the Moon", "Jupiter's moon Europa", "a comet")
_SYSTEMS = ("the national rail timetable", "the tax office's website", "hospital booking systems",
            "the central bank's payment network", "airport check-in desks", "the postal service's tracking")  # fmt: skip
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def topical_claim(rng: random.Random) -> str:
    """A claim on the subjects of the set's own claims (rates, strikes, gadgets, elections, weather,
    disease, sport, trade, space, outages), never about one of their events."""
    c, c2 = rng.sample(_COUNTRIES, 2)
    year, month, n = rng.randrange(2019, 2027), rng.choice(_MONTHS), rng.randrange(2, 60)
    return [
        lambda: f"{rng.choice(_BANKS)} will {rng.choice(('raise', 'cut', 'hold'))} interest rates in {month} {year}.",
        lambda: f"{rng.choice(_WORKERS)} in {c} will strike over {rng.choice(_ISSUES)} in {month} {year}.",
        lambda: f"{rng.choice(_COMPANIES)} will launch {rng.choice(_PRODUCTS)} in {c} in {year}.",
        lambda: f"{rng.choice(_PARTIES)} will win {c}'s {rng.choice(_ELECTIONS)} in {year}.",
        lambda: f"{month} {year} will be the {rng.choice(_WEATHER)} month on record in {c}.",
        lambda: f"{rng.choice(_DISEASES)} cases in {c} will double by {month} {year}.",
        lambda: f"{rng.choice(_TEAMS)} will win {rng.choice(_CUPS)} in {year}.",
        lambda: f"{c} will impose tariffs on {rng.choice(_GOODS)} from {c2} before {month} {year}.",
        lambda: f"{rng.choice(_COMPANIES)} will buy a rival in {c} for ${n} billion in {year}.",
        lambda: f"{rng.choice(_COMPANIES)} will raise its prices in {c} by {n}% in {year}.",
        lambda: f"{rng.choice(_AGENCIES)} will land a probe on {rng.choice(_BODIES)} in {year}.",
        lambda: f"Unemployment in {c} will {rng.choice(('rise above', 'fall below'))} {n % 12 + 3}% by {month} {year}.",
        lambda: f"A cyberattack will shut down {rng.choice(_SYSTEMS)} in {c} for {n} days in {year}.",
        lambda: (
            f"The former prime minister of {c} will be {rng.choice(('convicted', 'acquitted'))} of fraud in {year}."
        ),
    ][rng.randrange(14)]()


def distractors(n: int = DISTRACTORS, seed: int = 30, avoid: Iterable[str] = ()) -> list[str]:
    """``n`` distinct claims, deterministic: half on the seed's subjects (tests/test_match.py's
    generator: states, treaties, sanctions, troops), half on the set's own claims' subjects."""
    from test_match import unrelated_claim

    rng = random.Random(seed)
    taken = set(avoid)
    texts: dict[str, None] = {}
    while len(texts) < n:
        text = unrelated_claim(rng) if len(texts) % 2 else topical_claim(rng)
        if text not in taken:
            texts[text] = None
    return list(texts)


def write_import(path: Path, evalset: EvalSet, n: int = DISTRACTORS) -> Path:
    """The set's claims, then ``n`` distractors, as a JSONL import file."""
    statuses = ("unverified", "unverified", "disputed", "confirmed", "refuted")
    with path.open("w", encoding="utf-8") as out:
        for claim in evalset.claims:
            out.write(json.dumps({**claim, "status": "unverified"}) + "\n")
        for i, text in enumerate(distractors(n, avoid=(c["text"] for c in evalset.claims))):
            out.write(json.dumps({"text": text, "source": f"Wire {i % 40}", "status": statuses[i % 5]}) + "\n")
    return path


# ---- building and measuring ------------------------------------------------------------------------


def _json(run: Runner, args: Sequence[str]) -> Any:
    code, out, err = run(args)
    if code != 0:
        raise RuntimeError(f"claimtrack {' '.join(args)} failed ({code}): {err.strip()}")
    return json.loads(out)


@dataclass
class Built:
    seed_ids: set[int]
    ids_by_text: dict[str, set[int]]
    claims: int


def build(run: Runner, work: Path, evalset: EvalSet, n: int = DISTRACTORS) -> Built:
    """``init --seed``, then ``import`` the set's claims and ``n`` distractors, through ``run``
    (which names the database)."""
    code, _, err = run(["init", "--seed"])
    if code != 0:
        raise RuntimeError(f"init --seed failed: {err.strip()}")
    seed_ids = {c["id"] for c in _json(run, ["list", "--format", "json"])}
    code, _, err = run(["import", str(write_import(work / "match-eval.jsonl", evalset, n))])
    if code != 0:
        raise RuntimeError(f"import failed: {err.strip()}")
    everything = _json(run, ["list", "--format", "json"])
    ids_by_text: dict[str, set[int]] = {}
    for c in everything:
        ids_by_text.setdefault(c["text"], set()).add(c["id"])
    return Built(seed_ids, ids_by_text, len(everything))


@dataclass
class Figures:
    ranks: dict[str, int | None] = field(default_factory=dict)  # pair key -> rank of its gold claim
    groups: dict[str, str] = field(default_factory=dict)  # pair key -> "seed" or "own"
    offtopic: dict[str, list[int]] = field(default_factory=dict)  # key -> seed claims listed
    overlap: dict[str, int | None] = field(default_factory=dict)  # test_match report -> rank

    def recall3(self, group: str | None = None) -> float:
        ranks = self._ranks(group)
        return sum(1 for r in ranks if r is not None and r <= 3) / len(ranks)

    def mrr(self, group: str | None = None) -> float:
        ranks = self._ranks(group)
        return sum(1 / r for r in ranks if r) / len(ranks)

    def _ranks(self, group: str | None) -> list[int | None]:
        return [r for k, r in self.ranks.items() if group is None or self.groups[k] == group]

    def offtopic_listed(self) -> int:
        """Off-topic items that list at least one seed claim."""
        return sum(1 for ids in self.offtopic.values() if ids)

    def overlap_ok(self) -> bool:
        return all(r is not None and r <= OVERLAP_RANK_GOAL for r in self.overlap.values())

    def goals_met(self) -> bool:
        return (
            self.recall3() >= RECALL3_GOAL
            and self.mrr() >= MRR_GOAL
            and not self.offtopic_listed()
            and self.overlap_ok()
        )


def _rank(found: list[dict[str, Any]], gold: set[int]) -> int | None:
    ids = [m["id"] for m in found]
    return min((ids.index(g) + 1 for g in gold if g in ids), default=None)


def measure(run: Runner, work: Path, evalset: EvalSet, built: Built) -> Figures:
    """Run ``match`` on every news item of the set and take the figures."""
    figures = Figures()
    ranked = ["--all", "--min-score", "0", "--limit", str(RANKS), "--format", "json"]
    for pair in evalset.pairs:
        gold = set().union(*(built.ids_by_text[t] for t in pair.gold))
        path = work / f"pair-{pair.key}.txt"
        path.write_text(pair.news, encoding="utf-8")
        figures.ranks[pair.key] = _rank(_json(run, ["match", str(path), *ranked]), gold)
        figures.groups[pair.key] = pair.group
    for key, news in evalset.offtopic:
        path = work / f"offtopic-{key}.txt"
        path.write_text(news, encoding="utf-8")
        found = _json(run, ["match", str(path), "--all", "--format", "json"])  # match's own threshold
        figures.offtopic[key] = [m["id"] for m in found if m["id"] in built.seed_ids]
    for key, (settled, news) in overlap_reports().items():
        path = work / f"overlap-{key.replace(' ', '-')}.txt"
        path.write_text(news, encoding="utf-8")
        figures.overlap[key] = _rank(_json(run, ["match", str(path), *ranked]), settled)
    return figures


def report(figures: Figures) -> list[str]:
    """The figures as lines of text: per group and overall, then every miss named."""

    def pct(x: float) -> str:
        return f"{100 * x:.0f}%"

    lines = []
    for group, label in (
        ("seed", "against the seed's claims"),
        ("own", "against the set's own claims"),
        (None, "overall"),
    ):
        n = len(figures._ranks(group))
        lines.append(
            f"paraphrase pairs {label} ({n}): recall@3 {pct(figures.recall3(group))}, MRR {figures.mrr(group):.2f}"
        )
    lines[-1] += f"  (goal: recall@3 >= {pct(RECALL3_GOAL)}, MRR >= {MRR_GOAL})"
    listed = {k: v for k, v in figures.offtopic.items() if v}
    lines.append(
        f"off-topic news listing a seed claim at match's threshold: {len(listed)} of {len(figures.offtopic)}"
        + (f" ({', '.join(f'{k}: {v}' for k, v in listed.items())})" if listed else "")
        + "  (goal: 0)"
    )
    lines.append(
        "word-overlap reports (tests/test_match.py), rank of the claim settled: "
        + ", ".join(f"{k} {r or '-'}" for k, r in figures.overlap.items())
        + f"  (goal: all <= {OVERLAP_RANK_GOAL})"
    )
    misses = [f"{k} {r or '-'}" for k, r in figures.ranks.items() if r is None or r > 3]
    lines.append("pairs with the gold claim below rank 3 (- = not in the first 100): " + (", ".join(misses) or "none"))
    return lines
