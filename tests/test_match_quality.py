"""``match`` on news that restates a claim in other words: the quality set of issue 30 (point 4).

One database for the module (the seed, the set's claims and 10,000 distractors, imported once) and
one ``match`` a news item, in-process; tests/match_quality.py takes the figures and
bench/match_quality.py prints the same figures from real processes. What the set is:
tests/match_eval/README.md.

The issue's targets (recall@3 >= 90 %, MRR >= 0.8, no off-topic item listing a seed claim) need
better matching by meaning than the semantic extra's static vectors give (bench/OUTSIDE.md):
``test_issue_targets`` is marked xfail (strict) until they are met, and ``test_no_worse_than_today``
holds today's figures as a floor. The word-overlap reports' ranks (1 or 2) hold today and are
asserted as they are. When ranking improves, raise the floors to just under what it measures.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from tests.conftest import SERVER, pg_connect
from typer.testing import CliRunner

import match_quality as mq
from claimtrack import semantic
from claimtrack.cli import app

# Measured on main before semantic matching (words only): recall@3 18/45 = 40 %, MRR 0.35 (seed
# pairs 27 % / 0.22, own claims 52 % / 0.48); one off-topic item ("markets": "Shares in London
# closed higher") lists seed claim 19 ("kept its borders closed"). The floors sit a little below,
# so that a tie broken the other way does not fail them; a real loss does. With matching by meaning
# (semantic extra) and a short item also read whole (p30-rank): recall@3 23/45 = 51 %, MRR 0.46.
# With similarity also counted by how far a claim stands above the sentence's tenth-nearest claim
# (p30-fuse): recall@3 25/45 = 56 %, MRR 0.50 (seed pairs 36 % / 0.28, own claims 74 % / 0.70).
# With words the model finds unrelated counting for less (meaning.DOUBTED): 27/45 = 60 %, MRR 0.52
# (seed pairs 41 % / 0.33, own claims 78 % / 0.71), and "markets" lists no seed claim.
# Those floors hold when the extra is installed; words alone keep the first ones.
RECALL3_FLOOR, MRR_FLOOR = (0.57, 0.49) if semantic.available() else (0.35, 0.30)
# off-topic items listing a seed claim; the issue's goal, 0, is in test_issue_targets
OFFTOPIC_FLOOR = 0 if semantic.available() else 1


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[mq.EvalSet, mq.Built, mq.Figures]]:
    work = tmp_path_factory.mktemp("match-quality")
    target = str(work / "claims.db")
    name = ""
    if SERVER:  # the suite's PostgreSQL run: the database on the server, as everywhere else
        import uuid

        name = f"ct_mq_{uuid.uuid4().hex[:12]}"
        with pg_connect(SERVER, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        target = f"{SERVER.rpartition('/')[0]}/{name}"
    runner = CliRunner()

    def run(args: Sequence[str]) -> tuple[int, str, str]:
        result = runner.invoke(app, ["--db", target, *args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(work))
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            patch.setenv(var, str(work / var.lower()))
        patch.delenv("CLAIMTRACK_DEBUG", raising=False)
        evalset = mq.load()
        built = mq.build(run, work, evalset)
        figures = mq.measure(run, work, evalset, built)
    print("\n" + "\n".join(mq.report(figures)))
    yield evalset, built, figures
    if name:
        with pg_connect(SERVER, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_set_is_what_the_issue_asks() -> None:
    evalset = mq.load()
    groups = [p.group for p in evalset.pairs]
    assert len(evalset.pairs) >= 40 and groups.count("seed") >= 15 and groups.count("own") >= 15, groups
    assert len(evalset.offtopic) >= 10
    assert len({p.key for p in evalset.pairs} | {k for k, _ in evalset.offtopic}) == len(groups) + len(evalset.offtopic)
    # In other words: beyond the pair's names, the news shares no content word with its claim.
    shared = {p.key: sorted(mq.shared_words(p)) for p in evalset.pairs}
    assert {k: v for k, v in shared.items() if v} == {}
    own = {c["text"] for c in evalset.claims}
    assert all(p.group == "seed" or set(p.gold) <= own for p in evalset.pairs)


def test_the_check_for_shared_words_finds_them() -> None:
    pair = mq.Pair("x", "own", ("Train drivers in Germany will strike before Christmas.",), ("Germany",), "")
    news = "German train drivers are striking again, days before Christmas."
    assert mq.shared_words(mq.Pair(**{**pair.__dict__, "news": news})) == {"train", "drivers", "striking", "christmas"}


def test_distractors_are_deterministic_and_distinct() -> None:
    first = mq.distractors(2_000)
    assert first == mq.distractors(2_000) and len(set(first)) == 2_000
    assert not set(first) & {c["text"] for c in mq.load().claims}


def test_every_gold_claim_is_in_the_database(measured: Any) -> None:
    evalset, built, _ = measured
    assert built.claims == len(built.seed_ids) + len(evalset.claims) + mq.DISTRACTORS
    missing = [t for p in evalset.pairs for t in p.gold if t not in built.ids_by_text]
    assert missing == []  # a seed claim reworded since: update tests/match_eval/pairs.toml


def test_word_overlap_reports_keep_rank_1_or_2(measured: Any) -> None:
    figures = measured[2]
    assert figures.overlap_ok(), figures.overlap


def test_no_worse_than_today(measured: Any) -> None:
    figures = measured[2]
    assert figures.recall3() >= RECALL3_FLOOR and figures.mrr() >= MRR_FLOOR, "\n".join(mq.report(figures))
    assert figures.offtopic_listed() <= OFFTOPIC_FLOOR, "\n".join(mq.report(figures))


@pytest.mark.xfail(
    strict=True,
    reason="issue 30 point 4: WordLlama's static vectors, however fused with the words, reach 60 % / 0.52 (bench/OUTSIDE.md)",
)
def test_issue_targets(measured: Any) -> None:
    """recall@3 >= 90 %, MRR >= 0.8, no off-topic item listing a seed claim (and the overlap ranks)."""
    figures = measured[2]
    assert figures.goals_met(), "\n".join(mq.report(figures))
