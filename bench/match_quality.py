"""match's quality on news that restates a claim in other words (issue 30, point 4), from real processes.

Usage (from the repository root, claimtrack installed):

    python bench/match_quality.py              # build a SQLite database in a temporary folder, print the figures
    python bench/match_quality.py --db URL     # ... in this database instead (a new SQLite file or an empty
                                               #     PostgreSQL database), left in place afterwards
    python bench/match_quality.py --timing     # also time a 2,000-word article against 100,000 claims

The set and the measure are tests/match_eval/pairs.toml and tests/match_quality.py, the same ones
tests/test_match_quality.py asserts: the seed, the set's own claims and 10,000 distractors are
imported, then ``claimtrack match NEWS --all`` runs once a news item, each in a new process as a
user runs it. Printed: recall@3 and MRR of the gold claims (seed pairs, own pairs, overall), the
off-topic items that list a seed claim at match's default threshold, and the ranks of
tests/test_match.py's word-overlap reports, each beside the issue's goal. ``--timing`` runs
``bench/run.py --match``'s measure (median of 5 cold runs, next to ``list --limit 20`` on the same
100k database) rather than timing match a second way. Exit status: 0 whether or not the goals are
met (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests"), str(HERE.parent)]  # the shared measure, and test_match's news

import match_quality as mq  # noqa: E402

CT = [sys.executable, "-m", "claimtrack"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to build in (default: a SQLite file in a temporary folder)")
    parser.add_argument("--timing", action="store_true", help="also time a 2,000-word article at 100k claims")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="match-quality-") as folder:
        work = Path(folder)
        target = args.db or str(work / "claims.db")
        env = {**os.environ, "CI": "1", "HOME": str(work), "XDG_CONFIG_HOME": str(work / "config")}

        def run(argv: Sequence[str]) -> tuple[int, str, str]:
            done = subprocess.run([*CT, "--db", target, *argv], capture_output=True, text=True, env=env)
            return done.returncode, done.stdout, done.stderr

        evalset = mq.load()
        started = time.perf_counter()
        built = mq.build(run, work, evalset)
        print(f"database: seed + {len(evalset.claims)} claims of the set + {mq.DISTRACTORS:,} distractors "
              f"= {built.claims:,} claims ({time.perf_counter() - started:.1f} s)")  # fmt: skip
        started = time.perf_counter()
        figures = mq.measure(run, work, evalset, built)
        runs = len(figures.ranks) + len(figures.offtopic) + len(figures.overlap)
        print(f"{runs} match runs in {time.perf_counter() - started:.1f} s")
        for line in mq.report(figures):
            print(line)
        print("issue 30 point 4 goals (quality): " + ("met" if figures.goals_met() else "NOT met"))
    if args.timing:
        sys.path.insert(0, str(HERE))
        import run as bench_run  # bench/run.py

        bench_run.match_only(5)


if __name__ == "__main__":
    main()
