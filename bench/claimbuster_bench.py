"""Check-worthiness of ``extract`` against ClaimBuster's annotators (issue 30, point 6).

    python bench/claimbuster_bench.py TRAIN_JSON [--per-class N] [--show N] [--no-write]

ClaimBuster's public repository (utaresearch/claimbuster-spotter, ``data/two_class/train.json``;
research use, never committed here; bench/OUTSIDE.md says how to get it) holds 7,976 sentences
of US presidential debates, each labelled by annotators 1 (a check-worthy factual claim) or 0 (not
factual, or not worth checking). A sentence counts as proposed when ``extract`` finds at least one
candidate claim in it, the sentence given alone as the text (``claimtrack.extract.candidates``,
the function ``claimtrack extract`` calls on an article's text): positive = proposed.

The split, fixed and documented so that nobody tunes on the figures reported: each sentence goes
by the SHA-256 of ``"claimbuster:<sentence_id>"``: an even first byte puts it in the ``dev`` part
(for developing extract), an odd one in the ``heldout`` part (reported, never tuned on). Each part
is balanced as the issue's measure was: the first ``--per-class`` (default 351) sentences of each
label, in the order of that hash, so 702 sentences, half of them check-worthy. Precision, recall
and F1 are for the check-worthy class, for both parts; the goal is judged on the held-out part.
The figures go to their own section of bench/RESULTS.md (``--no-write`` only prints them);
``--show N`` prints N misses of each kind from the dev part, never from the held-out one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sections  # noqa: E402

SECTION = "## ClaimBuster check-worthiness: extract against annotators (bench/claimbuster_bench.py)"
PER_CLASS = 351
GOAL_F1, GOAL_RECALL = 0.80, 0.85


def key(sentence_id: Any) -> bytes:
    return hashlib.sha256(f"claimbuster:{sentence_id}".encode()).digest()


def part(rows: list[dict[str, Any]], name: str, per_class: int) -> list[dict[str, Any]]:
    """The balanced sample of one part: ``per_class`` sentences of each label, in hash order."""
    odd = name == "heldout"
    mine = sorted((r for r in rows if key(r["sentence_id"])[0] % 2 == odd), key=lambda r: key(r["sentence_id"]))
    out = []
    for label in (0, 1):
        have = [r for r in mine if int(r["label"]) == label]
        if len(have) < per_class:
            raise SystemExit(f"the {name} part has only {len(have)} sentences labelled {label}; lower --per-class")
        out += have[:per_class]
    return sorted(out, key=lambda r: key(r["sentence_id"]))


def scores(rows: list[dict[str, Any]]) -> tuple[dict[str, float], list[bool], float]:
    """Precision, recall, F1, accuracy (and the counts) of "extract proposes it" against the labels."""
    from claimtrack import extract

    start = time.perf_counter()
    proposed = [bool(extract.candidates(r["text"].strip())) for r in rows]
    took = time.perf_counter() - start
    gold = [int(r["label"]) == 1 for r in rows]
    tp = sum(p and g for p, g in zip(proposed, gold, strict=True))
    fp = sum(p and not g for p, g in zip(proposed, gold, strict=True))
    fn = sum(g and not p for p, g in zip(proposed, gold, strict=True))
    tn = len(rows) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures = {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (tp + tn) / len(rows),
        "proposed": sum(proposed) / len(rows),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }
    return figures, proposed, took


def section(parts: dict[str, tuple[dict[str, float], int, float]], total: int) -> str:
    """The figures of both parts; the goal is judged on the held-out part."""
    f, n, took = parts["heldout"]
    met = f["f1"] >= GOAL_F1 and f["recall"] >= GOAL_RECALL
    lines = [
        SECTION,
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, Python {platform.python_version()}",
        f"- Data: `data/two_class/train.json` ({total:,} sentences) split by the SHA-256 of each sentence id "
        f"(odd first byte: held out, never tuned on; even: dev), each part balanced: {n // 2} check-worthy and "
        f"{n // 2} not, in hash order; command: `python bench/claimbuster_bench.py TRAIN_JSON`",
        "",
        "| part | sentences | extract proposes | precision | recall | F1 | accuracy | TP | FP | FN | TN |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, label in (("heldout", "held out (reported)"), ("dev", "dev (for developing extract)")):
        g, m, _ = parts[name]
        lines.append(
            f"| {label} | {m} | {g['proposed']:.0%} | {g['precision']:.3f} | {g['recall']:.3f} | {g['f1']:.3f} | "
            f"{g['accuracy']:.3f} | {g['tp']} | {g['fp']} | {g['fn']} | {g['tn']} |"
        )
    lines += [
        "",
        f"Goal (issue 30), on the held-out part: F1 >= {GOAL_F1:.2f} with recall >= {GOAL_RECALL:.2f}. "
        + (
            "Met."
            if met
            else f"Not met: F1 {GOAL_F1 - f['f1']:.3f} short"
            + (
                f", recall {GOAL_RECALL - f['recall']:.3f} short."
                if f["recall"] < GOAL_RECALL
                else f" (recall {f['recall']:.3f} is above its bar)."
            )
        ),
        f"extract took {1000 * took / n:.2f} ms a sentence in one process. The data (research use) is not "
        "in this repository: see bench/OUTSIDE.md.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train_json", type=Path, help="data/two_class/train.json of claimbuster-spotter")
    parser.add_argument("--per-class", type=int, default=PER_CLASS)
    parser.add_argument("--show", type=int, default=0, help="print N misses of each kind, from the dev part")
    parser.add_argument("--no-write", action="store_true", help="print the figures, leave RESULTS.md alone")
    options = parser.parse_args()
    rows = json.loads(options.train_json.read_text(encoding="utf-8"))
    parts = {}
    for name in ("heldout", "dev"):
        sample = part(rows, name, options.per_class)
        figures, proposed, took = scores(sample)
        parts[name] = (figures, len(sample), took)
    text = section(parts, len(rows))
    print(text)
    if options.show:  # the dev part's misses (``sample`` and ``proposed`` are the dev part's, computed last)
        for want, what in ((True, "check-worthy, not proposed"), (False, "proposed, not check-worthy")):
            misses = [
                r["text"] for r, p in zip(sample, proposed, strict=True) if p != want and (int(r["label"]) == 1) == want
            ]
            print(f"-- {what} ({len(misses)}):", *misses[: options.show], sep="\n  ")
    if not options.no_write:
        sections.write(SECTION, text)


if __name__ == "__main__":
    main()
