"""Clustering: group ``Document`` objects into stories (one real-world event each).

A clusterer is any object with ``name`` and ``cluster(documents) -> list[list[int]]`` (groups of
indexes into ``documents``). Register new ones in ``CLUSTERERS``; choose by the ``clusterer``
setting. Every factory takes the engine's options as keywords (``threshold``, ``window_days``,
``tokenizer``, ``embedder``, ``vectors``) and ignores those it does not use. ``events`` (the
default) also has an online form: it is a ``StreamClusterer``, what online mode and the Dask
engine's one-pass clustering need, and it tells each story's loosely related articles
(``cluster_groups``, see ``cores``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..embedding import Embedder, VectorCache
from ..models import Article, Document
from ..registry import Registry
from .cores import StoryGroup
from .events import EventClusterer
from .stream import Arrival, StoryStream
from .tfidf import TfidfClusterer


class Clusterer(Protocol):
    name: str

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]: ...


@runtime_checkable
class EmbeddingClusterer(Protocol):
    """A clusterer that embeds articles through a vector cache (the Dask engine has its workers
    make the vectors the cache lacks)."""

    embedder: Embedder
    cache: VectorCache | None

    def vectors(self, articles: Sequence[Article]) -> np.ndarray: ...


@runtime_checkable
class StreamClusterer(EmbeddingClusterer, Protocol):
    """A clusterer with an online form: an empty ``stream()`` that takes one ``arrival`` per
    article (online mode, ``Engine.add``; the Dask engine's pass over arrivals made on workers)."""

    name: str

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]: ...

    def stream(self) -> StoryStream: ...

    def arrivals(self, articles: Sequence[Article], vectors: np.ndarray | None = None) -> list[Arrival]: ...

    def arrival(self, article: Article, vector: np.ndarray | None) -> Arrival: ...


def story_groups(clusterer: Clusterer, documents: Sequence[Document]) -> list[StoryGroup]:
    """The clusterer's stories with their loosely related articles (``cores``) when it tells
    them (``cluster_groups``), else its groups with none."""
    groups = getattr(clusterer, "cluster_groups", None)
    if groups is not None:
        return list(groups(documents))
    return [StoryGroup(tuple(group)) for group in clusterer.cluster(documents)]


CLUSTERERS: Registry[Clusterer] = Registry("clusterer", {"events": EventClusterer, "tfidf": TfidfClusterer})


def make_clusterer(name: str, **options: Any) -> Clusterer:
    """The clusterer registered as ``name`` (``ConfigError`` naming the choices if unknown)."""
    return CLUSTERERS.make(name, **options)


__all__ = [
    "CLUSTERERS",
    "Clusterer",
    "EmbeddingClusterer",
    "EventClusterer",
    "StoryGroup",
    "StreamClusterer",
    "TfidfClusterer",
    "make_clusterer",
    "story_groups",
]
