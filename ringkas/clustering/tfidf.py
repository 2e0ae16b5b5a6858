"""TF-IDF cosine clustering with average linkage and a publication-time window."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..models import Document
from ..tokens import Tokenizer
from ..vectors import cosine_matrix, tfidf_matrix

# Articles of one event rarely share less; tuned on the bundled sample corpus (samples/gold.json).
DEFAULT_THRESHOLD = 0.25


def event_text(document: Document, lead_sentences: int = 8) -> str:
    """What identifies the event: the headline twice and the lead."""
    lead = " ".join(s.text for s in document.sentences[:lead_sentences])
    return f"{document.article.title}\n{document.article.title}\n{lead}"


class TfidfClusterer:
    name = "tfidf"

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        window_days: int = 7,
        tokenizer: Tokenizer | None = None,
        **_unused: Any,
    ) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.tokenizer = tokenizer or Tokenizer()

    def similarity(self, documents: Sequence[Document]) -> np.ndarray:
        rows = tfidf_matrix([event_text(d) for d in documents], self.tokenizer)
        sim = cosine_matrix(rows)
        days = [d.article.published.toordinal() if d.article.published else None for d in documents]
        for i, a in enumerate(days):
            for j, b in enumerate(days):
                if a is not None and b is not None and abs(a - b) > self.window_days:
                    sim[i, j] = 0.0
        return sim

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]:
        n = len(documents)
        if n == 0:
            return []
        if n == 1:
            return [[0]]
        from sklearn.cluster import AgglomerativeClustering  # loaded on first use: slow to import

        distance = 1.0 - self.similarity(documents)
        np.fill_diagonal(distance, 0.0)
        labels = AgglomerativeClustering(
            n_clusters=None,
            metric="precomputed",
            linkage="average",
            distance_threshold=1.0 - self.threshold,
        ).fit_predict(np.clip(distance, 0.0, None))
        groups: dict[int, list[int]] = {}
        for index, label in enumerate(labels):
            groups.setdefault(int(label), []).append(index)
        return list(groups.values())
