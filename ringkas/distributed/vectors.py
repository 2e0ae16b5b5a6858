"""The per-article half of clustering on the workers; the global pass on the driver over compact inputs.

A clusterer that embeds articles (``events``: an ``embedder`` with a ``model_id``, a vector
``cache`` and ``vectors(articles)``) reads each article's vector from its cache when it is
there. The Dask engine has the workers run that clusterer's own ``vectors`` for the articles
the driver's cache lacks, and puts the rows in the cache before the global pass, which then
embeds nothing itself. A clusterer that also takes articles one ``arrival`` at a time into a
``stream()`` (``events``) gets its arrivals made on the workers too (rare words, language, day:
under 1 KB an article), so the driver's pass reads neither articles nor analysed documents.
Any other clusterer runs as it is, on the driver, over the documents.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..clustering import EmbeddingClusterer, StoryGroup, StreamClusterer
from ..clustering.cores import stream_groups
from ..models import Article


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
    if not isinstance(clusterer, EmbeddingClusterer) or clusterer.cache is None:
        return None
    return VectorStep(clusterer.embedder.model_id, clusterer.cache)


def takes_arrivals(clusterer: object) -> bool:
    """Whether the clusterer embeds through a cache and clusters a ``stream()`` of ``arrival``s."""
    return isinstance(clusterer, StreamClusterer) and vector_step(clusterer) is not None


def cluster_arrivals(
    clusterer: Any, step: VectorStep, arrivals: Sequence[Any], articles_of: Callable[[list[str]], list[Article]]
) -> list[StoryGroup]:
    """The stories ``clusterer.cluster_groups`` gives over the documents these arrivals
    (vector-less, in store order) were made from: copies of an earlier article ride with it,
    every other article takes its cached vector, and the few the cache lacks (a copy published
    before its original) are embedded here by the clusterer's own ``vectors`` on
    ``articles_of(ids)``, as the local engine does."""
    seen: set[str] = set()
    riding: set[str] = set()
    for arrival in arrivals:
        if arrival.duplicate_of is not None and arrival.duplicate_of in seen:
            riding.add(arrival.article_id)
        seen.add(arrival.article_id)
    todo = [a.article_id for a in arrivals if a.article_id not in riding]
    found = step.cache.get(step.model_id, todo)
    dim = clusterer.embedder.dim
    missing = [i for i in todo if i not in found or np.shape(found[i]) != (dim,)]
    if missing:
        found.update(zip(missing, clusterer.vectors(articles_of(missing)), strict=True))
    stream = clusterer.stream()
    stream.extend(
        dataclasses.replace(a, vector=None if a.article_id in riding else found[a.article_id]) for a in arrivals
    )
    position = {a.article_id: n for n, a in enumerate(arrivals)}
    return stream_groups(stream, position, {a.article_id: a.day for a in arrivals})
