"""How well ``extract`` finds the claims a person captured: the measure issue 17 sets.

Shared by tests/test_extract.py (which asserts the targets) and bench/extract.py (which prints
the figures next to the timing). A seed claim is covered when some candidate's quote holds at
least 60% of the words of the seed claim's quote (of its text when it has none); words are
lower-case runs of letters and digits, and the share is |seed words & candidate words| / |seed
words|. Each covered claim is judged by its best candidate: the highest share, then the highest
share the other way (so the closest quote wins among several that contain it all).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
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


# ---- issue 30: the evaluation set of tests/extract_eval/ --------------------------------------------------

EVAL = Path(__file__).resolve().parent / "extract_eval"
FORMATS = ("qa", "roundup", "wire", "analysis", "statement", "liveblog")


def eval_set(folder: Path = EVAL) -> list[tuple[str, str, str, list[dict[str, Any]]]]:
    """(name, format, text, gold claims as ``measure`` takes them) for each article of the set.

    A gold file holds ``{"format": ..., "claims": [{"quote", "speaker", "band"}]}``; ``band`` is
    an ICD 203 band name, or null for a pledge (not assessed)."""
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        claims = [
            {
                "quote": g["quote"],
                "text": g["quote"],
                "source": g["speaker"],
                "confidence": conf.parse(g["band"]).value if g["band"] else None,
            }
            for g in gold["claims"]
        ]
        out.append((name, gold["format"], text, claims))
    return out


def as_found(candidates: list[Any]) -> list[dict[str, Any]]:
    """``extract.candidates`` as ``measure`` reads them: quote, source, confidence as a number."""
    return [
        {"quote": c.quote, "source": c.source, "confidence": conf.parse(c.confidence).value if c.confidence else None}
        for c in candidates
    ]


def measure_set(folder: Path = EVAL) -> dict[str, dict[str, Any]]:
    """The measure per format and ``"overall"``: the candidates and gold claims of a format's
    articles are pooled (each article measured against its own gold)."""
    from claimtrack import extract

    pooled: dict[str, list[dict[str, Any]]] = {}
    for name, fmt, text, gold in eval_set(folder):
        figures = measure(as_found(extract.candidates(text)), gold)
        figures["articles"] = [name]
        for key in (fmt, "overall"):
            pooled.setdefault(key, []).append(figures)
    return {key: _pool(parts) for key, parts in pooled.items()}


def _pool(parts: list[dict[str, Any]]) -> dict[str, Any]:
    covered = sum(p["covered"] for p in parts)
    seeds = sum(p["seeds"] for p in parts)
    candidates = sum(p["candidates"] for p in parts)
    speaker = sum(round(p["speaker"] * p["covered"]) for p in parts)
    same_band = sum(round(p["confidence"] * p["covered"]) for p in parts)
    return {
        "coverage": covered / seeds if seeds else 0.0,
        "speaker": speaker / covered if covered else 0.0,
        "confidence": same_band / covered if covered else 0.0,
        "per_claim": candidates / seeds if seeds else 0.0,
        "covered": covered,
        "seeds": seeds,
        "candidates": candidates,
        "articles": [a for p in parts for a in p["articles"]],
        "missed": [m for p in parts for m in p["missed"]],
        "wrong_speaker": [w for p in parts for w in p["wrong_speaker"]],
        "wrong_band": [w for p in parts for w in p["wrong_band"]],
    }
