"""How well ``extract`` finds the claims a person captured: the measure issue 17 sets.

Shared by tests/test_extract.py (which asserts the targets) and bench/extract.py (which prints
the figures next to the timing). A seed claim is covered when some candidate's quote holds at
least 60% of the words of the seed claim's quote (of its text when it has none); words are
lower-case runs of letters and digits, and the share is |seed words & candidate words| / |seed
words|. Each covered claim is judged by its best candidate: the highest share, then the highest
share the other way (so the closest quote wins among several that contain it all).
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack import confidence as conf

COVER = 0.6
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def band(value: float | None) -> str | None:
    return None if value is None else conf.band_name(value)


def measure(candidates: list[dict[str, Any]], seeds: list[dict[str, Any]]) -> dict[str, Any]:
    """Coverage, speaker and band agreement, and candidates per seed claim, with the misses named."""
    covered = speaker = same_band = 0
    missed, wrong_speaker, wrong_band = [], [], []
    cand_words = [words(c["quote"]) for c in candidates]
    for seed in seeds:
        target = words(seed.get("quote") or seed["text"])
        best, best_key = None, (0.0, 0.0)
        for c, have in zip(candidates, cand_words, strict=True):
            shared = len(target & have)
            key = (shared / len(target), shared / max(len(have), 1))
            if key > best_key:
                best, best_key = c, key
        if best is None or best_key[0] < COVER:
            missed.append(seed["quote"] or seed["text"])
            continue
        covered += 1
        if best["source"].casefold() == seed["source"].casefold():
            speaker += 1
        else:
            wrong_speaker.append((seed["source"], best["source"], seed.get("quote")))
        if band(best["confidence"]) == band(seed["confidence"]):
            same_band += 1
        else:
            wrong_band.append((band(seed["confidence"]), band(best["confidence"]), seed.get("quote")))
    return {
        "coverage": covered / len(seeds),
        "speaker": speaker / covered if covered else 0.0,
        "confidence": same_band / covered if covered else 0.0,
        "per_claim": len(candidates) / len(seeds),
        "covered": covered,
        "seeds": len(seeds),
        "candidates": len(candidates),
        "missed": missed,
        "wrong_speaker": wrong_speaker,
        "wrong_band": wrong_band,
    }


def summary(figures: dict[str, Any]) -> str:
    return (
        f"coverage {figures['coverage']:.0%} ({figures['covered']}/{figures['seeds']}), "
        f"speaker right {figures['speaker']:.0%}, confidence band right {figures['confidence']:.0%} "
        f"of covered; {figures['per_claim']:.2f} candidates per seed claim ({figures['candidates']})"
    )
