"""Embedding ahead: a second process makes the vectors clustering would make, the same floats."""

from __future__ import annotations

import numpy as np
import pytest

from ringkas.embedding import cached_vectors, make_embedder
from ringkas.embedding.ahead import EmbeddingAhead, usable_cores

TEXTS = [
    "Banjir merendam tiga desa di Kabupaten Sumedang setelah hujan deras semalam.",
    "Harga cabai rawit di pasar induk naik dua kali lipat menjelang akhir tahun.",
    "Tim SAR gabungan menemukan dua pendaki yang hilang di lereng gunung.",
    "The central bank kept its policy rate unchanged on Thursday.",
    "Pemerintah kota membuka posko pengungsian di gedung olahraga.",
]
KEYS = [f"a{n}" for n in range(len(TEXTS))]


class MemoryCache:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], np.ndarray] = {}

    def get(self, model_id: str, keys: list[str]) -> dict[str, np.ndarray]:
        return {k: self.rows[(model_id, k)] for k in keys if (model_id, k) in self.rows}

    def put(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        for key, vector in vectors.items():
            self.rows[(model_id, key)] = np.asarray(vector)


@pytest.mark.skipif(usable_cores() < 2, reason="embedding ahead needs two cores")
def test_the_second_process_fills_the_cache_with_the_vectors_made_in_process() -> None:
    embedder = make_embedder("use", max_tokens=64)
    cache = MemoryCache()
    cache.put(embedder.model_id, {"a1": np.full(512, 7.0, dtype=np.float32)})  # cached: not embedded again
    with EmbeddingAhead(KEYS, TEXTS, cache, embedder.model_id, "use", {"max_tokens": 64}, min_texts=2):
        pass
    assert set(cache.get(embedder.model_id, KEYS)) == set(KEYS)
    assert float(cache.rows[(embedder.model_id, "a1")][0]) == 7.0
    rest = [i for i in range(len(TEXTS)) if i != 1]
    here = cached_vectors(
        embedder.embed, embedder.model_id, 512, [KEYS[i] for i in rest], [TEXTS[i] for i in rest], None
    )
    ahead = np.stack([cache.rows[(embedder.model_id, KEYS[i])] for i in rest])
    assert np.array_equal(ahead, here)  # the same batches, so the same floats


def test_few_texts_or_a_failing_child_leave_the_cache_as_it_was() -> None:
    cache = MemoryCache()
    with EmbeddingAhead(KEYS, TEXTS, cache, "use-x", "use", {}, min_texts=len(TEXTS) + 1):
        pass
    assert cache.rows == {}
    with EmbeddingAhead(KEYS, TEXTS, cache, "word2vec-x", "word2vec", {}, min_texts=1):  # no such embedder
        pass
    assert cache.rows == {}


def test_an_error_in_the_block_stops_the_child_and_passes_on() -> None:
    cache = MemoryCache()
    with pytest.raises(KeyError), EmbeddingAhead(KEYS, TEXTS, cache, "use-x", "use", {}, min_texts=1):
        raise KeyError("analysis failed")
    assert cache.rows == {}
