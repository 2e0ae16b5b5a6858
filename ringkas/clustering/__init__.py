"""Clustering: group ``Document`` objects into stories (one real-world event each).

A clusterer is any object with ``name`` and ``cluster(documents) -> list[list[int]]`` (groups of
indexes into ``documents``). Register new ones in ``CLUSTERERS``; choose by the ``clusterer``
setting. Every factory takes the engine's options as keywords (``threshold``, ``window_days``,
``tokenizer``, ``embedder``, ``vectors``) and ignores those it does not use. ``events`` (the
default) also has an online form, ``EventClusterer.stream()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..errors import ConfigError
from ..models import Document
from .events import EventClusterer
from .tfidf import TfidfClusterer


class Clusterer(Protocol):
    name: str

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]: ...


CLUSTERERS: dict[str, Callable[..., Clusterer]] = {
    "events": EventClusterer,
    "tfidf": TfidfClusterer,
}


def make_clusterer(name: str, **options: Any) -> Clusterer:
    try:
        factory = CLUSTERERS[name]
    except KeyError:
        raise ConfigError(f"unknown clusterer {name!r} (known: {', '.join(sorted(CLUSTERERS))})") from None
    return factory(**options)


__all__ = ["CLUSTERERS", "Clusterer", "EventClusterer", "TfidfClusterer", "make_clusterer"]
