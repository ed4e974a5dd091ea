"""CLEF CheckThat! 2020 Task 2 (English), verified claim retrieval, run through ``claimtrack match``.

    python bench/clef_bench.py DATA [--split dev|train] [--text title|claim|both] [--tweets N] [--no-write]

Given a tweet, rank the 10,375 claims Snopes fact-checked so that the one that checks the tweet
comes first; the task's official measure is MAP@5. The data is the task's public repository
(research use only, never committed here; bench/OUTSIDE.md says how to get it):

    git clone https://github.com/sshaar/clef2020-factchecking-task2 && unzip clef2020-factchecking-task2/data/v3.zip
    python bench/clef_bench.py v3.0

DATA is the unzipped ``v3.0`` folder (or the folder holding it): ``verified_claims.docs.tsv``
(vclaim_id, vclaim, title) and ``dev/`` and ``train/``, each with ``tweets.queries.tsv`` and
``tweet-vclaim-pairs.qrels`` (tweet_id 0 vclaim_id 1).

What it does, in one run:

1. writes the verified claims as JSONL (``text``: the claim followed by Snopes's title for it in
   brackets, or with ``--text claim`` the claim alone; by default both, in turn; ``source``:
   "Snopes"; ``uuid``: a uuid5 of the vclaim id, which is how a claim id maps back to its vclaim)
   and imports it with ``claimtrack import`` into a fresh SQLite database;
2. runs ``claimtrack match TWEET.txt --all --limit 5 --min-score 0 --format json`` once for each
   tweet of the split, as a user would, a new process each (the tweet saved as a text file);
3. ranks the same claim texts for the same tweets with Okapi BM25 (k1 1.2, b 0.75, lower-cased
   word tokens, no stemming or stop words) written out below, the usual lexical baseline;
4. prints MAP@5 (trec_eval's AP@5 as the task's ``evaluate.py`` computes it through trectools:
   the precision at the rank of each gold claim found in the top 5, summed, over the number of
   gold claims; averaged over tweets), MRR@5, recall@1 and @5 of each, and writes them to their
   own section of bench/RESULTS.md (``--no-write`` only prints them). The goal is judged on
   ``claimtrack match`` over the claim and its title (the title is Snopes's own rewording of the
   claim; the task's baseline indexes both, and BM25 on the train split gains 0.06 MAP@5 by it).

Develop on ``train`` and ``dev`` only; the task's test tweets are not part of v3.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sections  # noqa: E402

CT = [sys.executable, "-m", "claimtrack"]
SECTION = "## CLEF CheckThat! 2020 Task 2: verified claim retrieval (bench/clef_bench.py)"
NAMESPACE = uuid.UUID("6f1c2a52-3c1e-4c55-9a52-2020c1ef0002")  # vclaim id -> claim uuid
DEPTH = 5
GOAL = 0.80
csv.field_size_limit(1 << 20)


def data_dir(path: Path) -> Path:
    """The folder with verified_claims.docs.tsv: ``path`` or its ``v3.0``."""
    for folder in (path, path / "v3.0"):
        if (folder / "verified_claims.docs.tsv").is_file():
            return folder
    raise SystemExit(f"{path} holds no verified_claims.docs.tsv: give the unzipped data/v3.zip (its v3.0 folder)")


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t"))[1:]  # the first row is the header


def verified_claims(folder: Path) -> dict[str, tuple[str, str]]:
    """vclaim id -> (claim, title)."""
    return {row[0]: (row[1].strip(), row[2].strip()) for row in read_tsv(folder / "verified_claims.docs.tsv")}


def tweets(folder: Path, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The split's tweets (id -> text) and their gold vclaim ids."""
    queries = {row[0]: row[1] for row in read_tsv(folder / split / "tweets.queries.tsv")}
    gold: dict[str, set[str]] = {}
    for line in (folder / split / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        if line.strip():
            qid, _, vid, rel = line.split()
            if int(rel) > 0:
                gold.setdefault(qid, set()).add(vid)
    return {q: t for q, t in queries.items() if q in gold}, gold


def claim_text(claim: str, title: str, mode: str) -> str:
    if mode == "title" and title and title.lower() != claim.lower():
        return f"{claim} ({title})"
    return claim


# ---- metrics ---------------------------------------------------------------------------------------


def average_precision(ranked: Sequence[str], gold: set[str], depth: int = DEPTH) -> float:
    """trec_eval's AP cut at ``depth``: precision at each gold item's rank, summed, over all gold items."""
    hits, total = 0, 0.0
    for rank, vid in enumerate(ranked[:depth], start=1):
        if vid in gold:
            hits += 1
            total += hits / rank
    return total / len(gold) if gold else 0.0


def figures(runs: dict[str, list[str]], gold: dict[str, set[str]]) -> dict[str, float]:
    def first(ranked: list[str], g: set[str]) -> int | None:
        return next((i for i, v in enumerate(ranked[:DEPTH], start=1) if v in g), None)

    n = len(runs)
    ranks = {q: first(r, gold[q]) for q, r in runs.items()}
    return {
        "map5": sum(average_precision(r, gold[q]) for q, r in runs.items()) / n,
        "mrr5": sum(1 / k for k in ranks.values() if k) / n,
        "r1": sum(1 for k in ranks.values() if k == 1) / n,
        "r5": sum(1 for k in ranks.values() if k) / n,
    }


# ---- BM25, the baseline ----------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class BM25:
    """Okapi BM25 over ``docs`` (id -> text): idf log(1 + (N - n + .5) / (n + .5))."""

    def __init__(self, docs: dict[str, str], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.tf = {d: Counter(tokens(t)) for d, t in docs.items()}
        self.length = {d: sum(c.values()) for d, c in self.tf.items()}
        self.avg = sum(self.length.values()) / len(docs)
        self.postings: dict[str, list[str]] = {}
        for d, c in self.tf.items():
            for w in c:
                self.postings.setdefault(w, []).append(d)
        n = len(docs)
        self.idf = {w: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for w, p in self.postings.items()}

    def rank(self, query: str, depth: int = DEPTH) -> list[str]:
        scores: Counter[str] = Counter()
        for w in set(tokens(query)):
            for d in self.postings.get(w, ()):
                f = self.tf[d][w]
                norm = f + self.k1 * (1 - self.b + self.b * self.length[d] / self.avg)
                scores[d] += self.idf[w] * f * (self.k1 + 1) / norm
        return [d for d, _ in sorted(scores.items(), key=lambda x: (-x[1], int(x[0])))[:depth]]


# ---- claimtrack ------------------------------------------------------------------------------------


def ct(db: Path, *args: str) -> str:
    done = subprocess.run([*CT, "--db", str(db), *args], capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise SystemExit(f"claimtrack {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def build(db: Path, vclaims: dict[str, tuple[str, str]], mode: str, work: Path) -> tuple[dict[int, str], float]:
    """Import the verified claims into a fresh database at ``db``: claim id -> vclaim id, and the import's time."""
    jsonl = work / "vclaims.jsonl"
    by_uuid = {}
    with jsonl.open("w", encoding="utf-8") as out:
        for vid, (claim, title) in vclaims.items():
            key = str(uuid.uuid5(NAMESPACE, vid))
            by_uuid[key] = vid
            record = {"text": claim_text(claim, title, mode), "source": "Snopes", "uuid": key}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    ct(db, "init")
    start = time.perf_counter()
    ct(db, "import", str(jsonl))
    took = time.perf_counter() - start
    ids = {}
    for line in ct(db, "list", "--format", "jsonl").splitlines():
        row = json.loads(line)
        ids[row["id"]] = by_uuid[row["uuid"]]
    return ids, took


def match(db: Path, text: str, work: Path) -> tuple[list[int], float]:
    """The ids of the claims ``claimtrack match`` ranks first for ``text``, and the time it took."""
    news = work / "tweet.txt"
    news.write_text(text + "\n", encoding="utf-8")
    start = time.perf_counter()
    out = ct(db, "match", str(news), "--all", "--limit", str(DEPTH), "--min-score", "0", "--format", "json")
    took = time.perf_counter() - start
    return [row["id"] for row in json.loads(out or "[]")], took


# ---- the run ---------------------------------------------------------------------------------------


TEXTS = {"title": "the claim and its Snopes title", "claim": "the claim alone"}


def run_match(vclaims: dict[str, tuple[str, str]], queries: dict[str, str], mode: str) -> tuple[dict, list, float, int]:
    """Import the claims (texts of ``mode``) into a fresh database and match every tweet: the ranked
    vclaim ids of each tweet, each match's time, the import's time and the number of claims."""
    with tempfile.TemporaryDirectory(prefix="clef-") as tmp:
        work = Path(tmp)
        ids, imported = build(work / "clef.db", vclaims, mode, work)
        ranked: dict[str, list[str]] = {}
        times = []
        for i, (qid, text) in enumerate(queries.items(), start=1):
            found, took = match(work / "clef.db", text, work)
            ranked[qid] = [ids[c] for c in found]
            times.append(took)
            print(f"\r{mode}: {i}/{len(queries)} tweets", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    return ranked, times, imported, len(ids)


def section(split: str, n: int, rows: list[tuple[str, str, dict[str, float]]], notes: list[str]) -> str:
    """The table: for each claim text, ``claimtrack match`` and BM25; the goal judged on the first row."""
    first = rows[0][2]["map5"]
    lines = [
        SECTION,
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, Python {platform.python_version()}, shared with other work",
        f"- Data: v3 {split} split, {n} tweets against the 10,375 verified claims, imported as claims of the "
        f"source Snopes; command: `python bench/clef_bench.py DATA --split {split}`",
        "",
        "| ranker | claim text | MAP@5 | MRR@5 | recall@1 | recall@5 |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for ranker, mode, f in rows:
        lines.append(
            f"| {ranker} | {TEXTS[mode]} | {f['map5']:.3f} | {f['mrr5']:.3f} | {f['r1']:.3f} | {f['r5']:.3f} |"
        )
    lines += [
        "",
        f"`claimtrack match` is each tweet saved as a text file and run as `claimtrack match FILE --all --limit 5 "
        f"--min-score 0 --format json`; BM25 is Okapi BM25 (k1 1.2, b 0.75, word tokens) in the script. "
        f"Goal (issue 30): MAP@5 >= {GOAL:.2f} on dev with {TEXTS[rows[0][1]]}: "
        + (f"met by {first - GOAL:.3f}." if first >= GOAL else f"not met, {GOAL - first:.3f} short."),
        *notes,
        "The data (research use only) is not in this repository: see bench/OUTSIDE.md.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the unzipped data/v3.zip (its v3.0 folder)")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument(
        "--text",
        choices=("title", "claim", "both"),
        default="both",
        help="claim text: the verified claim with Snopes's title, the claim alone, or each in turn (default)",
    )
    parser.add_argument("--tweets", type=int, default=0, help="only the first N tweets (a quick look; not written)")
    parser.add_argument("--no-write", action="store_true", help="print the figures, leave RESULTS.md alone")
    options = parser.parse_args()
    folder = data_dir(options.data)
    vclaims = verified_claims(folder)
    queries, gold = tweets(folder, options.split)
    if options.tweets:
        queries = dict(list(queries.items())[: options.tweets])
    rows, notes = [], []
    for mode in ("title", "claim") if options.text == "both" else (options.text,):
        ranked, times, imported, claims = run_match(vclaims, queries, mode)
        bm25 = BM25({v: claim_text(c, t, mode) for v, (c, t) in vclaims.items()})
        rows.append(("`claimtrack match`", mode, figures(ranked, gold)))
        rows.append(("BM25", mode, figures({q: bm25.rank(t) for q, t in queries.items()}, gold)))
        notes.append(
            f"With {TEXTS[mode]}: `match` took {statistics.median(times):.2f} s a tweet (median of {len(times)} "
            f"processes, {max(times):.2f} s the slowest); importing the {claims:,} claims took {imported:.1f} s."
        )
    text = section(options.split, len(queries), rows, notes)
    print(text)
    if not options.no_write and not options.tweets:
        sections.write(SECTION, text)


if __name__ == "__main__":
    main()
