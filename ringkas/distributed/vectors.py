"""The per-article half of clustering: embeddings made on the workers, cached on the driver.

A clusterer that embeds articles (``events``: an ``embedder`` with a ``model_id``, a vector
``cache`` and ``vectors(articles)``) reads each article's vector from its cache when it is
there. The Dask engine has the workers run that clusterer's own ``vectors`` for the articles
the driver's cache lacks, and puts the rows in the cache before the global pass, which then
embeds nothing itself. A clusterer without that shape runs as it is, on the driver.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class VectorStep:
    model_id: str
    cache: Any  # ringkas.embedding.VectorCache: get(model_id, keys), put(model_id, vectors)

    def missing(self, ids: Sequence[str]) -> list[int]:
        """Positions of the ids whose vector the cache lacks."""
        found = self.cache.get(self.model_id, list(ids))
        return [n for n, article_id in enumerate(ids) if article_id not in found]

    def put(self, ids: Sequence[str], rows: np.ndarray) -> None:
        if len(ids):
            self.cache.put(self.model_id, {article_id: rows[n] for n, article_id in enumerate(ids)})


def vector_step(clusterer: object) -> VectorStep | None:
    """The clusterer's embedding cache, when it embeds articles through one; else None."""
    embedder = getattr(clusterer, "embedder", None)
    cache = getattr(clusterer, "cache", None)
    model_id = getattr(embedder, "model_id", None)
    if not isinstance(model_id, str) or cache is None or not callable(getattr(clusterer, "vectors", None)):
        return None
    if not (callable(getattr(cache, "get", None)) and callable(getattr(cache, "put", None))):
        return None
    return VectorStep(model_id, cache)
