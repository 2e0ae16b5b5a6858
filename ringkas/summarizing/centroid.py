"""Centroid summarizer: sentences closest to what the story's articles share, with a lead
bonus and MMR against redundancy."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..lengths import LengthSpec
from ..models import Document
from ..tokens import Tokenizer
from ..vectors import tfidf_matrix
from .base import Candidate, candidates, fits, reading_order, total_size

# MMR trade-off between relevance and novelty; the usual 0.7 from the MMR literature.
LAMBDA = 0.7


class CentroidSummarizer:
    name = "centroid"

    def __init__(self, tokenizer: Tokenizer | None = None) -> None:
        self.tokenizer = tokenizer or Tokenizer()

    def select(self, documents: Sequence[Document], length: LengthSpec) -> list[Candidate]:
        # MMR has no notion of antecedents: leave out the sentences that need one.
        pool = [c for c in candidates(documents) if not c.needs_previous]
        if not pool:
            return []
        rows = tfidf_matrix([c.sentence.text for c in pool], self.tokenizer)
        centroid = np.asarray(rows.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        relevance = (rows @ centroid) / norm if norm else np.zeros(len(pool))
        relevance = np.asarray(relevance).ravel()
        position = np.array([1.0 / (1.0 + c.sentence.index) for c in pool])
        score = relevance + 0.15 * position
        sim = np.asarray((rows @ rows.T).toarray())
        max_sentences, max_words = length.budget(*total_size(documents))
        chosen: list[int] = []
        remaining = set(range(len(pool)))
        while remaining:

            def mmr(i: int) -> float:
                redundancy = max((sim[i, j] for j in chosen), default=0.0)
                return LAMBDA * score[i] - (1 - LAMBDA) * redundancy

            best = max(sorted(remaining), key=mmr)
            remaining.discard(best)
            if max(sim[best, j] for j in chosen) > 0.6 if chosen else False:
                continue
            if not fits([pool[j] for j in chosen], pool[best], max_sentences, max_words):
                if max_sentences is not None and len(chosen) >= max_sentences:
                    break
                continue
            chosen.append(best)
        return reading_order(documents, [pool[i] for i in chosen])
