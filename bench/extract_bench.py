"""extract's speed on the seed article, with the quality figures tests/test_extract.py asserts,
on issue 30's evaluation set (tests/extract_eval/: twelve articles in six news formats, per format and
overall, against the thresholds coverage >= 90%, speaker >= 90%, band >= 75%, <= 2 candidates per
gold claim), and on a 1 MB article.

    python bench/extract_bench.py [--runs N]     # prints the figures; bench/run.py records them

Speed is the median wall time of fresh ``claimtrack extract data/seed-article.txt`` processes
(what a user waits for) and of the rules alone in this process. Quality is issue 17's measure
(tests/extract_quality.py) against the seed's claims, read from a freshly seeded database.

The 1 MB article (``big_article``) is the seed article's paragraphs and a wire report's, shuffled,
with their names and numbers varied, under headings: ordinary news sentences, as long as a
20-page report. ``claimtrack extract`` on it (a fresh process, jsonl out) should take under 5 s
(issue 27: it took over two minutes when each full stop was looked for back to the text's start).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "data" / "seed-article.txt"
CT = [sys.executable, "-m", "claimtrack"]
BIG_BYTES = 1024 * 1024
BIG_GOAL_S = 5.0
WIRE = """ROTTERDAM, March 5 (Northsea News) - Dock workers at the port of Rotterdam will probably return to work on Monday, union leader Maria de Vries said on Tuesday.
“We have reached an agreement in principle,” she told reporters. “The members still have to vote, but I expect a clear majority.”
The strike has halted about 40% of container traffic since Feb. 20, according to the port authority.
Port spokesman Jan Bakker said the backlog might take weeks to clear. Shipping analysts believe the disruption is unlikely to push up freight rates in Europe.
The port handled 14.5 million containers last year, and Mr. Bakker expects 15 million in 2025 if the U.S. tariffs do not change."""
NAMES = ("Lankov", "Bakker", "de Vries", "Costa", "Okafor", "Lindqvist", "Moreau", "Tanaka")
PLACES = ("Russia", "North Korea", "Ukraine", "Portugal", "Rotterdam", "Seoul", "Lisbon", "Kyiv")


def big_article(size: int = BIG_BYTES, seed: int = 27) -> str:
    """About ``size`` bytes of news: the seed article's and a wire report's paragraphs, shuffled,
    their names, places and numbers varied, a heading every dozen paragraphs."""
    rng = random.Random(seed)
    lines = [line for line in ARTICLE.read_text(encoding="utf-8").splitlines()[1:] if len(line.split()) > 14]
    lines += WIRE.splitlines()
    out, total = [], 0
    while total < size:
        if len(out) % 12 == 0:
            heading = f"{rng.choice(PLACES)} and {rng.choice(PLACES)}: what comes next"
            out.append(heading)
            total += len(heading.encode()) + 1
        line = rng.choice(lines)
        line = re.sub(r"\b(?:Lankov|Bakker|de Vries)\b", lambda _: rng.choice(NAMES), line)
        line = re.sub(r"\b(?:Russia|North Korea|Ukraine|Rotterdam)\b", lambda _: rng.choice(PLACES), line)
        line = re.sub(r"\b\d+\b", lambda m: str(rng.randint(2, 99) if len(m.group()) < 4 else rng.randint(1990, 2025)), line)
        out.append(line)
        total += len(line.encode()) + 1
    return "\n".join(out) + "\n"


def measure_big(runs: int = 3) -> dict[str, float]:
    """{'bytes', 'process_s' (median of fresh processes), 'candidates'} for ``big_article()``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big-article.txt"
        path.write_text(big_article(), encoding="utf-8")
        env = {**os.environ, "CLAIMTRACK_DB": str(Path(tmp) / "none.db"), "CI": "1"}
        times, out = [], b""
        for _ in range(runs):
            start = time.perf_counter()
            out = subprocess.run([*CT, "extract", str(path), "--format", "jsonl"], check=True,
                                 capture_output=True, env=env).stdout
            times.append(time.perf_counter() - start)
        return {"bytes": path.stat().st_size, "process_s": statistics.median(times),
                "candidates": out.count(b"\n")}


def measure(runs: int) -> dict[str, object]:
    """{'process_s', 'rules_ms', 'quality' (the figures), 'summary' (one line)}."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from extract_quality import measure as quality
    from extract_quality import summary

    from claimtrack import extract, sourcetext

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CLAIMTRACK_DB": str(Path(tmp) / "seed.db"), "CI": "1"}
        subprocess.run([*CT, "init", "--seed"], check=True, capture_output=True, env=env)
        seeds = json.loads(subprocess.run([*CT, "list", "--format", "json"], check=True, capture_output=True,
                                          env=env).stdout)
        times, out = [], b""
        for _ in range(runs):
            start = time.perf_counter()
            out = subprocess.run([*CT, "extract", str(ARTICLE), "--format", "json"], check=True,
                                 capture_output=True, env=env).stdout
            times.append(time.perf_counter() - start)
    text = sourcetext.read(str(ARTICLE)).text
    rules = []
    for _ in range(max(runs, 20)):
        start = time.perf_counter()
        extract.candidates(text)
        rules.append(time.perf_counter() - start)
    figures = quality(json.loads(out), seeds)
    return {"process_s": statistics.median(times), "rules_ms": statistics.median(rules) * 1000,
            "quality": figures, "summary": summary(figures)}


def measure_eval() -> dict[str, dict[str, object]]:
    """Issue 30's measure on tests/extract_eval/ (twelve articles, six formats): per format and overall."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from extract_quality import measure_set

    return measure_set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    found = measure(runs)
    print(f"extract data/seed-article.txt: {found['process_s']:.3f} s a process, "
          f"{found['rules_ms']:.1f} ms for the rules; {found['summary']}")
    from extract_quality import summary

    goals = {"coverage": 0.90, "speaker": 0.90, "confidence": 0.75}
    for fmt, figures in measure_eval().items():
        met = all(figures[k] >= v for k, v in goals.items()) and figures["per_claim"] <= 2.0  # type: ignore[operator]
        print(f"extract on tests/extract_eval ({fmt}): {summary(figures)}; {'met' if met else 'MISSED'}")
    big = measure_big(min(runs, 3))
    verdict = "met" if big["process_s"] < BIG_GOAL_S else "MISSED"
    print(f"extract of a {big['bytes'] / (1024 * 1024):.1f} MB article: {big['process_s']:.2f} s a process "
          f"({big['candidates']:.0f} candidates); target < {BIG_GOAL_S:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
