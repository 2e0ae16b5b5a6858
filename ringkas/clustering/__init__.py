"""Clustering: group ``Document`` objects into stories (one real-world event each).

A clusterer is any object with ``name`` and ``cluster(documents) -> list[list[int]]`` (groups of
indexes into ``documents``). Register new ones in ``CLUSTERERS``; choose by the ``clusterer``
setting. Every factory takes the engine's options as keywords (``threshold``, ``window_days``,
``tokenizer``, ``embedder``, ``vectors``) and ignores those it does not use. ``events`` (the
default) also has an online form, ``EventClusterer.stream()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from ..models import Document
from ..registry import Registry
from .events import EventClusterer
from .tfidf import TfidfClusterer


class Clusterer(Protocol):
    name: str

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]: ...


CLUSTERERS: Registry[Clusterer] = Registry("clusterer", {"events": EventClusterer, "tfidf": TfidfClusterer})


def make_clusterer(name: str, **options: Any) -> Clusterer:
    """The clusterer registered as ``name`` (``ConfigError`` naming the choices if unknown)."""
    return CLUSTERERS.make(name, **options)


__all__ = ["CLUSTERERS", "Clusterer", "EventClusterer", "TfidfClusterer", "make_clusterer"]
