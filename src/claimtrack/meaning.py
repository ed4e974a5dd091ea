"""``match`` by meaning: each news sentence's nearest claims by embedding, and how that joins the word score.

The word index finds a claim only through the words it shares with the news; "artillery shells
shipped by rail" never reaches "weapons and ammunition". Here every news sentence is embedded
(``claimtrack.semantic``) and compared, by cosine, with the vector of every live claim (numpy,
brute force: 100,000 claims x 256 dimensions is one matrix product a sentence batch). Each
sentence brings its ``PER_SENTENCE`` nearest claims as candidates beside the word index's, and
every candidate's score joins its word score with its similarity (``fuse``).

Vectors are made lazily: ``refresh`` embeds the live claims whose stored vector is missing or
stale (``store.vectors``) and stores them in one write transaction before the ranking reads; a
role that may only read, or a read-only file, keeps them in memory for the run instead. Write
commands never load the model, so ``add``, ``set``, ``import`` stay as fast as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from claimtrack import semantic
from claimtrack.store import vectors

if TYPE_CHECKING:
    import numpy as np

    from claimtrack.store.database import Database

PER_SENTENCE = 10  # nearest claims each sentence adds to the word index's candidates
BATCH = 2000  # claims embedded between two steps of the progress bar
# Cosine to score: below LOW two texts share no more than any two sentences do (unrelated news
# stays at 0, so it lists nothing); at HIGH and above they say the same thing in other words.
LOW = 0.35
HIGH = 0.85
WEIGHT = 0.5  # the most similarity alone can score: a match by words, when there is one, still ranks first

# (total) -> a context whose value is called with each batch's size: the CLI's progress bar
Progress = Callable[[int], AbstractContextManager[Callable[[int], None]]]
Cache = dict[int, tuple[str, "np.ndarray"]]  # claim id -> (text, vector) made in this run


def enabled() -> bool:
    """Whether ``match`` ranks by meaning too (the semantic extra is installed)."""
    return semantic.available()


def _embed(claims: Sequence[vectors.Stale], advance: Callable[[int], None] | None = None) -> np.ndarray:
    import numpy as np

    model = semantic.model()
    parts = []
    for start in range(0, len(claims), BATCH):
        batch = claims[start : start + BATCH]
        parts.append(model.embed([c.text for c in batch]))
        if advance is not None:
            advance(len(batch))
    return np.concatenate(parts) if parts else np.zeros((0, semantic.DIM), dtype=np.float32)


def refresh(db: Database, progress: Progress | None = None) -> Cache:
    """Make and store the vectors of the live claims that lack a current one; return them too.

    Stored in one write transaction, taken only after they are made (the lock is not held while
    the model works); a claim changed meanwhile is stale again, and made again next time.
    A store that refuses the write (a reader role, a read-only file) changes nothing here."""
    from claimtrack.errors import DatabaseError

    todo = vectors.stale(db, semantic.MODEL)
    if not todo:
        return {}
    if progress is not None and len(todo) > BATCH:
        with progress(len(todo)) as advance:
            made = _embed(todo, advance)
    else:
        made = _embed(todo)
    fresh = [vectors.Fresh(c, semantic.text_hash(c.text), semantic.to_blob(v)) for c, v in zip(todo, made)]
    try:
        vectors.save(db, fresh, semantic.MODEL)
    except DatabaseError:
        pass  # kept for this run only
    return {c.id: (c.text, v) for c, v in zip(todo, made)}


class Nearness:
    """The news sentences against every live claim (in the statuses asked for): similarities and
    each sentence's nearest claims."""

    def __init__(self, ids: np.ndarray, similarity: np.ndarray) -> None:
        import numpy as np

        self.ids = ids
        self.similarity = similarity  # sentences x claims, cosine
        self.column = {int(cid): n for n, cid in enumerate(ids.tolist())}
        k = min(PER_SENTENCE, len(ids))
        self.top: list[list[int]] = []
        for row in similarity:
            # Only the claims above LOW can be listed: those first (few), then the k best of them.
            above = np.flatnonzero(row > LOW) if k else np.zeros(0, dtype=np.int64)
            if len(above) > k:
                above = above[np.argpartition(-row[above], k - 1)[:k]]
            self.top.append([int(ids[j]) for j in above])

    @classmethod
    def of(cls, db: Database, sentences: Sequence[str], statuses: tuple[str, ...], cache: Cache) -> Nearness:
        """Read the current vectors (inside the caller's snapshot); embed, in memory, any still stale."""
        import numpy as np

        ids, blobs, late = vectors.read(db, semantic.MODEL, statuses)
        matrix = semantic.from_blobs(blobs)
        known = [c for c in late if c.id in cache and cache[c.id][0] == c.text]
        unknown = [c for c in late if not (c.id in cache and cache[c.id][0] == c.text)]
        extra = [cache[c.id][1] for c in known]
        if unknown:
            extra += list(_embed(unknown))
        if extra:
            matrix = np.concatenate([matrix, np.stack(extra)])
            ids += [c.id for c in known] + [c.id for c in unknown]
        news = semantic.model().embed(list(sentences))
        return cls(np.asarray(ids, dtype=np.int64), news @ matrix.T)

    def of_claim(self, sentence: int, claim: int) -> float:
        """The cosine of a sentence and a claim (0 for a claim not compared)."""
        column = self.column.get(claim)
        return float(self.similarity[sentence, column]) if column is not None else 0.0


def fuse(words: float, cosine: float) -> float:
    """One score from 0 to 1 from a word score and a cosine: either may make the match, each
    adds to the other (1 - (1 - a)(1 - b)), and similarity alone gives at most ``WEIGHT``."""
    meaning = WEIGHT * min(max((cosine - LOW) / (HIGH - LOW), 0.0), 1.0)
    return 1 - (1 - words) * (1 - meaning)
