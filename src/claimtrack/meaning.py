"""``match`` by meaning: each news sentence's nearest claims by embedding, and how that joins the word score.

The word index finds a claim only through the words it shares with the news; "artillery shells
shipped by rail" never reaches "weapons and ammunition". Here every news sentence is embedded
(``claimtrack.semantic``) and compared, by cosine, with the vector of every live claim (numpy,
brute force: 100,000 claims x 256 dimensions is one matrix product a sentence batch). Each
sentence brings its ``PER_SENTENCE`` nearest claims as candidates beside the word index's, and
every candidate's score joins its word score with its similarity (``fuse``).

What a cosine is worth depends on the sentence: a sentence on a subject the database holds many
claims about is close to all of them (its tenth-nearest claim may be at 0.45), one about something
else is close to none. So similarity counts in two ways, the larger of them: how close the claim is
(``LOW`` to ``HIGH``), and how far it stands above the sentence's ``PER_SENTENCE``-th nearest claim
(its reference, at least ``CROWD_LOW``; fully at ``ABOVE`` over it). The claim a sentence restates
stands out from the crowd of claims on its subject even when the model rates the whole crowd
middling; news about something else finds a crowd of equally distant claims, in which none stands
out (bench/OUTSIDE.md has the figures that chose this).

Vectors are made lazily: ``refresh`` embeds the live claims whose stored vector is missing or
stale (``store.vectors``) and stores them in one write transaction before the ranking reads; a
role that may only read, or a read-only file, keeps them in memory for the run instead. Write
commands never load the model, so ``add``, ``set``, ``import`` stay as fast as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from claimtrack import semantic
from claimtrack.store import vectors

if TYPE_CHECKING:
    import numpy as np

    from claimtrack.store.database import Database

PER_SENTENCE = 10  # nearest claims each sentence adds to the word index's candidates; the last is its reference
BATCH = 2000  # claims embedded between two steps of the progress bar
# Cosine to score: below LOW two texts share no more than any two sentences do (unrelated news
# stays at 0, so it lists nothing); at HIGH and above they say the same thing in other words.
LOW = 0.35
HIGH = 0.85
# Or above the sentence's reference (its PER_SENTENCE-th nearest claim, at least CROWD_LOW): from
# it up to ABOVE over it. Chosen on CLEF train and examples of our own (bench/OUTSIDE.md).
CROWD_LOW = 0.2
ABOVE = 0.3
WEIGHT = 0.5  # the most similarity alone can score: a match by words, when there is one, still ranks first
# A word score for a claim the model finds unrelated (cosine 0) keeps this share, rising to all of it
# at LOW: "Shares in London closed higher" meets "kept its borders closed" by one word, not by meaning.
DOUBTED = 0.5

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
    """The news sentences against every live claim (in the statuses asked for): similarities, each
    sentence's nearest claims, and its reference (the cosine similarity starts to count from)."""

    def __init__(self, ids: np.ndarray, similarity: np.ndarray) -> None:
        import numpy as np

        self.ids = ids
        self.similarity = similarity  # sentences x claims, cosine
        self.column: dict[int, int] = {}  # claim id -> its column, for the claims ``focus`` was given
        n, k = len(ids), min(PER_SENTENCE, len(ids))
        # each sentence's k-th nearest claim's cosine: one partial sort of the whole matrix
        kth = np.partition(similarity, n - k, axis=1)[:, n - k] if k else np.zeros(len(similarity))
        self.top: list[list[int]] = []
        self.reference: list[float] = []
        for row, nearest in zip(similarity, kth, strict=True):
            best = np.flatnonzero(row >= nearest) if k else np.zeros(0, dtype=np.int64)
            if len(best) > k:  # ties at the k-th (claims of the same text): the k first by id order
                best = best[np.argsort(-row[best], kind="stable")[:k]]
            # with fewer claims than PER_SENTENCE, no crowd to stand out from
            reference = max(float(nearest) if k == PER_SENTENCE else HIGH, CROWD_LOW)
            self.reference.append(reference)
            self.top.append([int(ids[j]) for j in best if row[j] > min(reference, LOW)])

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

    def focus(self, claims: Iterable[int]) -> None:
        """Find the columns of ``claims`` (the candidates ``fuse`` will be asked about), all at once:
        a dict of every one of 100,000 claims took longer than the scoring it serves."""
        import numpy as np

        wanted = np.fromiter(claims, dtype=np.int64)
        if not len(wanted) or not len(self.ids):
            return
        order = np.argsort(self.ids, kind="stable")
        at = np.minimum(np.searchsorted(self.ids[order], wanted), len(order) - 1)
        hit = self.ids[order[at]] == wanted
        self.column.update(zip(wanted[hit].tolist(), order[at][hit].tolist(), strict=True))

    def of_claim(self, sentence: int, claim: int) -> float:
        """The cosine of a sentence and a claim (0 for a claim not compared, or not given to ``focus``)."""
        column = self.column.get(claim)
        return float(self.similarity[sentence, column]) if column is not None else 0.0

    def fuse(self, sentence: int, claim: int, words: float) -> float:
        """A sentence's word score for a claim joined with their similarity (``fuse``)."""
        return fuse(words, self.of_claim(sentence, claim), self.reference[sentence])


def _ramp(x: float, low: float, high: float) -> float:
    return min(max((x - low) / (high - low), 0.0), 1.0)


def fuse(words: float, cosine: float, reference: float = HIGH) -> float:
    """One score from 0 to 1 from a word score and a cosine: either may make the match, each
    adds to the other (1 - (1 - a)(1 - b)), and similarity alone gives at most ``WEIGHT``. The
    cosine counts by its own size or by how far it stands above ``reference`` (the sentence's,
    ``Nearness``; at least ``CROWD_LOW``), whichever says more. Words the model says are used
    about something else (a cosine under ``LOW``) count for less, down to ``DOUBTED`` of their score."""
    words *= DOUBTED + (1 - DOUBTED) * _ramp(cosine, 0.0, LOW)
    start = max(reference, CROWD_LOW)
    meaning = WEIGHT * max(_ramp(cosine, LOW, HIGH), _ramp(cosine, start, start + ABOVE))
    return 1 - (1 - words) * (1 - meaning)
