"""Average-link (UPGMA) clustering of a link matrix, and the growing matrix of an open stream's
vectors: the two pieces of ``stream`` that know nothing of articles."""

from __future__ import annotations

import numpy as np

# Distances are 2 - link, so that every link (up to about 1.5) gives a positive distance.
_CEILING = 2.0
_SMALL = 96  # up to this many articles, average link by the loop below (no scipy overhead)


class Growing:
    """A float32 matrix that grows by doubling (rows appended one at a time)."""

    def __init__(self, dim: int, capacity: int = 1024) -> None:
        self.rows = np.zeros((capacity, dim), dtype=np.float32)
        self.size = 0

    def append(self, row: np.ndarray) -> None:
        if self.size == len(self.rows):
            grown = np.zeros((2 * len(self.rows), self.rows.shape[1]), dtype=np.float32)
            grown[: self.size] = self.rows[: self.size]
            self.rows = grown
        self.rows[self.size] = row
        self.size += 1

    @property
    def view(self) -> np.ndarray:
        return self.rows[: self.size]


def average_link_groups(link: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link (UPGMA) clusters of a symmetric link matrix, merging while the best average
    link between two groups is at least ``threshold``. Small matrices (an arrival and the
    stories it touches) are merged here, large ones by scipy's O(n^2) algorithm."""
    size = len(link)
    if size > _SMALL:
        from scipy.cluster.hierarchy import fcluster, linkage  # loaded on first use: slow to import
        from scipy.spatial.distance import squareform

        distance = np.clip(_CEILING - link, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        labels = fcluster(tree, t=_CEILING - threshold, criterion="distance")
        groups: dict[int, list[int]] = {}
        for i, label in enumerate(labels.tolist()):
            groups.setdefault(label, []).append(i)
        return list(groups.values())
    similarity = np.array(link, dtype=np.float64)
    np.fill_diagonal(similarity, -np.inf)
    counts = np.ones(size)
    members: list[list[int]] = [[i] for i in range(size)]
    while size > 1:
        a, b = divmod(int(np.argmax(similarity)), size)
        if similarity[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        merged = (counts[a] * similarity[a] + counts[b] * similarity[b]) / (counts[a] + counts[b])
        similarity[a, :] = merged
        similarity[:, a] = merged
        similarity[b, :] = -np.inf
        similarity[:, b] = -np.inf
        similarity[a, a] = -np.inf
        counts[a] += counts[b]
        members[a] += members[b]
        members[b] = []
    return [sorted(group) for group in members if group]
