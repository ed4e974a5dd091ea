"""extract's speed on the seed article, with the quality figures tests/test_extract.py asserts.

    python bench/extract_bench.py [--runs N]     # prints the figures; bench/run.py records them

Speed is the median wall time of fresh ``claimtrack extract data/seed-article.txt`` processes
(what a user waits for) and of the rules alone in this process. Quality is issue 17's measure
(tests/extract_quality.py) against the seed's claims, read from a freshly seeded database.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "data" / "seed-article.txt"
CT = [sys.executable, "-m", "claimtrack"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    found = measure(parser.parse_args().runs)
    print(f"extract data/seed-article.txt: {found['process_s']:.3f} s a process, "
          f"{found['rules_ms']:.1f} ms for the rules; {found['summary']}")


if __name__ == "__main__":
    main()
