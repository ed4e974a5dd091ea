"""The sentence-embedding model ``match`` ranks by meaning with: WordLlama's static embeddings.

WordLlama (``pip install 'claimtrack[semantic]'``) ships a 32,000-token embedding table (16 MB,
float16, 256 dimensions) and its tokenizer inside its wheel. A text's vector is the mean of its
tokens' rows, normalised: no neural network runs, so 10,000 claims embed in a fraction of a second
on a laptop. It is read here straight from the files in the installed package, without importing
``wordllama`` itself: its loader looks for the tokenizer in the wrong folder and then downloads it
from Hugging Face, and importing it configures the root logger. Reading the two files ourselves
(the table memory-mapped, the tokenizer with ``tokenizers``) cannot touch the network at all and
takes ~0.07 s rather than ~1 s.

Vectors are kept at ``DIM`` dimensions (the model is trained Matryoshka-style, so a prefix of a
vector is itself a vector) and stored as float16: see ``DIM`` for the measurement behind it.
Without the extra (no numpy, tokenizers or wordllama), ``available()`` is False and ``match``
ranks by words alone.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
# 256 (all the table holds): on the developers' pairs 128 dimensions ranked the right claim lower
# as often as not, and 100,000 claims at 256 float16 dimensions are 51 MB, read in ~0.1 s.
DIM = 256
MODEL = f"wordllama-l2_supercat-{DIM}"  # stored with each vector: another model's vectors are remade
NOTE = "note: ranking by words only; pip install 'claimtrack[semantic]' to also match by meaning"
_PACKAGES = ("numpy", "tokenizers", "wordllama")


def _folder() -> Path | None:
    """The installed wordllama package's folder, found without importing it."""
    try:
        spec = importlib.util.find_spec("wordllama")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def available() -> bool:
    """Whether the semantic extra is installed (its packages and the model's two files)."""
    try:
        if any(importlib.util.find_spec(name) is None for name in _PACKAGES):
            return False
    except (ImportError, ValueError):
        return False
    folder = _folder()
    return folder is not None and folder.joinpath(*WEIGHTS).is_file() and folder.joinpath(*TOKENIZER).is_file()


def text_hash(text: str) -> str:
    """What a vector was made from, as stored beside it (sha256 of the text, hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Model:
    """The embedding table and tokenizer; ``embed`` turns texts into unit vectors."""

    def __init__(self, table: np.ndarray, tokenizer: Any) -> None:
        self.table = table
        self.tokenizer = tokenizer

    @classmethod
    def load(cls) -> Model:
        """Read the model from the installed package (call ``available()`` first)."""
        import numpy as np
        from tokenizers import Tokenizer

        folder = _folder()
        assert folder is not None
        weights = folder.joinpath(*WEIGHTS)
        with weights.open("rb") as f:  # safetensors: 8 bytes of header length, a JSON header, the data
            (size,) = struct.unpack("<Q", f.read(8))
            header = json.loads(f.read(size))
        tensor = header["embedding.weight"]
        assert tensor["dtype"] == "F16", tensor
        rows, cols = tensor["shape"]
        table = np.memmap(
            weights, dtype="<f2", mode="r", offset=8 + size + tensor["data_offsets"][0], shape=(rows, cols)
        )
        tokenizer = Tokenizer.from_file(str(folder.joinpath(*TOKENIZER)))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return cls(table, tokenizer)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's vector (``len(texts)`` x ``DIM``, float32, unit length; zeros for a text with no token)."""
        import numpy as np

        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        lengths = np.fromiter((len(e.ids) for e in encoded), dtype=np.int64, count=len(encoded))
        ids = np.fromiter((i for e in encoded for i in e.ids), dtype=np.int64, count=int(lengths.sum()))
        if not len(ids):
            return out
        np.clip(ids, 0, self.table.shape[0] - 1, out=ids)
        rows = np.asarray(self.table[ids, :DIM], dtype=np.float32)
        has = lengths > 0
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[has]
        out[has] = np.add.reduceat(rows, starts, axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


@functools.cache
def model() -> Model:
    """The model, loaded once per process."""
    return Model.load()


def to_blob(vector: np.ndarray) -> bytes:
    """A vector as stored: float16, little-endian."""
    import numpy as np

    return np.asarray(vector, dtype="<f2").tobytes()


def from_blobs(blobs: Sequence[bytes | memoryview]) -> np.ndarray:
    """Stored vectors as one ``len(blobs)`` x ``DIM`` float32 matrix (a blob of another size: zeros)."""
    import numpy as np

    width = DIM * 2
    good = [bytes(b) if len(b) == width else bytes(width) for b in blobs]
    return np.frombuffer(b"".join(good), dtype="<f2").reshape(len(good), DIM).astype(np.float32)
