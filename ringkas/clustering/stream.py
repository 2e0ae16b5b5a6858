"""The story stream: articles arrive one at a time and each joins a story or opens one.

Two articles are linked by the strongest of three pieces of evidence:

- ``T``, the cosine of their TF-IDF vectors (the rare words, names and numbers they share);
- ``a * T + b * Z``, shared words and meaning together, where ``Z`` is how far their embedding
  cosine stands above chance for each of them (the mean and spread of an article's cosines
  with every article before it), so one threshold serves languages an embedder separates
  well and ones it crowds together;
- ``g * Z`` alone for two articles in different languages, which share few words;

and articles published more than ``window_days`` apart are never linked.

Stories are the average-link clusters of these links cut at ``threshold``. Average link never
joins groups without one link at the threshold, so each connected part of the graph of such
links is clustered on its own: an arriving article re-clusters only the part it touches, and a
sequence of arrivals gives the same stories one at a time as all at once. What each article
contributes (TF-IDF weights, chance level) is fixed when it arrives.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from .features import LexicalVector, RunningIdf

# One configuration for every language and data set, tuned on ../shared/data/mds/vims.jsonl
# (Vietnamese) and ../shared/data/clustering/mmds_dev.jsonl (English, Chinese, Malay) together.
DEFAULT_THRESHOLD = 0.32
LEXICAL_SHARE = 0.7
EMBEDDING_WEIGHT = 0.05
CROSS_LANGUAGE_WEIGHT = 0.12
# Chance level before an article has company: USE cosines of unrelated news in its training
# languages average about 0.2 with a spread of 0.1; worth 20 articles of evidence.
PRIOR_MEAN = 0.2
PRIOR_SD = 0.1
PRIOR_WEIGHT = 20.0
_MIN_SD = 0.02
# Distances are 2 - link, so that every link (up to about 1.5) gives a positive distance.
_CEILING = 2.0
_EPS = 1e-6


@dataclass(frozen=True)
class StreamParams:
    threshold: float = DEFAULT_THRESHOLD
    window_days: int = 7
    lexical_share: float = LEXICAL_SHARE
    embedding_weight: float = EMBEDDING_WEIGHT
    cross_language_weight: float = CROSS_LANGUAGE_WEIGHT
    prior_mean: float = PRIOR_MEAN
    prior_sd: float = PRIOR_SD
    prior_weight: float = PRIOR_WEIGHT


@dataclass(frozen=True)
class Arrival:
    """One article as clustering sees it."""

    article_id: str
    vector: np.ndarray | None  # L2-normalized embedding; None for a copy of a known article
    terms: Sequence[str] = ()
    language: str | None = None
    day: int = -1  # proleptic ordinal of the publication date, -1 when unknown
    duplicate_of: str | None = None


@dataclass
class Change:
    """Stories an arrival changed: their article ids now, and the groups that no longer exist."""

    updated: list[tuple[str, ...]] = field(default_factory=list)
    removed: list[tuple[str, ...]] = field(default_factory=list)


class _Growing:
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


class StoryStream:
    """The state of online clustering: every article seen, its links, and the current stories."""

    def __init__(self, dim: int, params: StreamParams | None = None) -> None:
        self.params = params or StreamParams()
        self.dim = dim
        self.idf = RunningIdf()
        # nodes: articles that take part in clustering (copies ride along with their original)
        self._ids: list[str] = []
        self._node: dict[str, int] = {}  # article id -> node (copies: their original's node)
        self._vectors = _Growing(dim)
        self._lexical: list[LexicalVector] = []
        self._postings: dict[int, tuple[array, array]] = {}
        self._mean = array("d")
        self._sd = array("d")
        self._language = array("i")
        self._languages: dict[str, int] = {}
        self._day = array("i")
        self._sum = np.zeros(dim, dtype=np.float64)
        self._outer = np.zeros((dim, dim), dtype=np.float64)
        self._parent = array("i")
        self._parts: dict[int, list[int]] = {}  # connected part (root node) -> nodes, ascending
        self._story = array("i")  # node -> story key (its first node)
        self._stories: dict[int, list[int]] = {}
        self._copies: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self._node)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._node

    # -- arrivals --------------------------------------------------------------------

    def add(self, arrival: Arrival, *, recluster: bool = True) -> Change:
        """Take one article in. With ``recluster=False`` (a batch) stories are formed by ``finish``."""
        known = self._node.get(arrival.article_id)
        if known is not None:  # the same article again (a newer version): its story is refreshed
            return Change(updated=[self._story_ids(self._story[known])])
        original = self._node.get(arrival.duplicate_of) if arrival.duplicate_of else None
        if original is not None or arrival.vector is None:
            if original is None:
                raise ValueError(f"article {arrival.article_id!r} has no vector and no known original")
            self._copies.setdefault(original, []).append(arrival.article_id)
            self._node[arrival.article_id] = original
            return Change(updated=[self._story_ids(self._story[original])])
        node = self._append(arrival)
        part = self._link(node)
        if not recluster:
            return Change()
        return self._recluster(part)

    def finish(self) -> None:
        """Form the stories of every connected part (after ``add(..., recluster=False)`` calls)."""
        for root in list(self._parts):
            self._recluster(root)

    def _append(self, arrival: Arrival) -> int:
        vector = np.asarray(arrival.vector, dtype=np.float32)
        if vector.shape != (self.dim,):
            raise ValueError(f"article {arrival.article_id!r}: vector of shape {vector.shape}, expected ({self.dim},)")
        node = len(self._ids)
        n = node  # articles before this one
        p = self.params
        total = float(vector @ self._sum)
        squares = float(vector @ self._outer @ vector)
        mean = (total + p.prior_weight * p.prior_mean) / (n + p.prior_weight)
        spread = squares - 2 * mean * total + n * mean * mean + p.prior_weight * p.prior_sd**2
        sd = max(_MIN_SD, float(np.sqrt(max(spread, 0.0) / (n + p.prior_weight))))
        self._sum += vector
        self._outer += np.outer(vector, vector)
        lexical = self.idf.add(arrival.terms)
        self._ids.append(arrival.article_id)
        self._node[arrival.article_id] = node
        self._vectors.append(vector)
        self._lexical.append(lexical)
        self._mean.append(mean)
        self._sd.append(sd)
        if arrival.language:
            self._language.append(self._languages.setdefault(arrival.language, len(self._languages)))
        else:
            self._language.append(-1)
        self._day.append(arrival.day)
        self._parent.append(node)
        self._parts[node] = [node]
        self._story.append(node)
        self._stories[node] = [node]
        return node

    # -- links -----------------------------------------------------------------------

    def _link(self, node: int) -> int:
        """Find the earlier articles ``node`` links to at the threshold; merge their parts."""
        p = self.params
        lexical = self._lexical[node]
        shared: np.ndarray = np.zeros(node, dtype=np.float64)
        hits = []
        for term, weight in zip(lexical.terms.tolist(), lexical.weights.tolist(), strict=True):
            posting = self._postings.get(term)
            if posting is not None:
                hits.append(
                    (np.frombuffer(posting[0], dtype=np.int32), np.frombuffer(posting[1], dtype=np.float32), weight)
                )
        if hits:
            nodes = np.concatenate([h[0] for h in hits])
            weights = np.concatenate([h[1] * np.float32(h[2]) for h in hits])
            shared = np.bincount(nodes, weights=weights, minlength=node)[:node]
        del hits  # views of the postings: release them before the postings grow
        for term, weight in zip(lexical.terms.tolist(), lexical.weights.tolist(), strict=True):
            posting = self._postings.get(term)
            if posting is None:
                posting = self._postings[term] = (array("i"), array("f"))
            posting[0].append(node)
            posting[1].append(weight)
        if node == 0:
            return node
        day = np.frombuffer(self._day, dtype=np.int32)
        if day[node] >= 0:
            near = (day[:node] < 0) | (np.abs(day[:node] - day[node]) <= p.window_days)
            candidates = np.flatnonzero(near)
        else:
            candidates = np.arange(node)
        if len(candidates) == 0:
            return node
        vectors = self._vectors.view
        cosine = (
            (vectors[:node] @ vectors[node])[candidates]
            if len(candidates) == node
            else vectors[candidates] @ vectors[node]
        )
        mean = np.frombuffer(self._mean, dtype=np.float64)
        sd = np.frombuffer(self._sd, dtype=np.float64)
        z = ((cosine - mean[node]) / sd[node] + (cosine - mean[candidates]) / sd[candidates]) / 2
        language = np.frombuffer(self._language, dtype=np.int32)
        same = (language[candidates] == language[node]) & (language[node] >= 0)
        link = self._combine(shared[candidates], z, same)
        linked = candidates[link >= p.threshold - _EPS]
        root = node
        for other in linked.tolist():
            root = self._union(root, other)
        return self._find(root)

    def _combine(self, shared: np.ndarray, z: np.ndarray, same: np.ndarray) -> np.ndarray:
        """The link of article pairs from their TF-IDF cosine, embedding z-score and languages."""
        p = self.params
        link = np.maximum(shared, p.lexical_share * shared + p.embedding_weight * z)
        return np.maximum(link, np.where(same, 0.0, p.cross_language_weight * z))

    def _find(self, node: int) -> int:
        parent = self._parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def _union(self, a: int, b: int) -> int:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return ra
        if len(self._parts[ra]) < len(self._parts[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._parts[ra] = sorted(self._parts[ra] + self._parts.pop(rb))
        return ra

    # -- stories ---------------------------------------------------------------------

    def _recluster(self, root: int) -> Change:
        root = self._find(root)
        nodes = self._parts[root]
        before = {self._story[n] for n in nodes}
        old = {key: list(self._stories[key]) for key in before}
        groups = self._average_link(nodes)
        change = Change()
        for key in before:
            del self._stories[key]
        for group in groups:
            key = group[0]
            self._stories[key] = group
            for n in group:
                self._story[n] = key
            if old.get(key) != group:
                change.updated.append(self._story_ids(key))
        for key, members in old.items():
            if key not in self._stories:
                change.removed.append(tuple(self._ids[n] for n in members))
        return change

    def _average_link(self, nodes: list[int]) -> list[list[int]]:
        if len(nodes) == 1:
            return [list(nodes)]
        index = np.asarray(nodes, dtype=np.int64)
        p = self.params
        vectors = self._vectors.view[index]
        cosine = vectors @ vectors.T
        mean = np.frombuffer(self._mean, dtype=np.float64)[index]
        sd = np.frombuffer(self._sd, dtype=np.float64)[index]
        z = ((cosine - mean[:, None]) / sd[:, None] + (cosine - mean[None, :]) / sd[None, :]) / 2
        language = np.frombuffer(self._language, dtype=np.int32)[index]
        same = (language[:, None] == language[None, :]) & (language[:, None] >= 0)
        rows = self._lexical_rows(nodes)
        link = self._combine((rows @ rows.T).toarray(), z, same)
        day = np.frombuffer(self._day, dtype=np.int32)[index]
        dated = day >= 0
        far = dated[:, None] & dated[None, :] & (np.abs(day[:, None] - day[None, :]) > p.window_days)
        link[far] = 0.0
        distance = np.clip(_CEILING - link, 0.0, None)
        distance = (distance + distance.T) / 2
        np.fill_diagonal(distance, 0.0)
        labels = fcluster(
            linkage(squareform(distance, checks=False), method="average"),
            t=_CEILING - p.threshold,
            criterion="distance",
        )
        groups: dict[int, list[int]] = {}
        for n, label in zip(nodes, labels.tolist(), strict=True):
            groups.setdefault(label, []).append(n)
        return sorted(groups.values())

    def _lexical_rows(self, nodes: list[int]) -> sparse.csr_matrix:
        vectors = [self._lexical[n] for n in nodes]
        indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
        np.cumsum([len(v.terms) for v in vectors], out=indptr[1:])
        terms = np.concatenate([v.terms for v in vectors]) if vectors else np.zeros(0, np.int32)
        weights = np.concatenate([v.weights for v in vectors]) if vectors else np.zeros(0, np.float32)
        width = int(terms.max()) + 1 if len(terms) else 1
        return sparse.csr_matrix((weights.astype(np.float64), terms, indptr), shape=(len(nodes), width))

    def _story_ids(self, key: int) -> tuple[str, ...]:
        out: list[str] = []
        for n in self._stories[key]:
            out.append(self._ids[n])
            out.extend(self._copies.get(n, ()))
        return tuple(out)

    def groups(self) -> list[tuple[str, ...]]:
        """Every story's article ids, stories in the order their first article arrived."""
        return [self._story_ids(key) for key in sorted(self._stories)]

    def story_of(self, article_id: str) -> tuple[str, ...]:
        return self._story_ids(self._story[self._node[article_id]])

    def extend(self, arrivals: Iterable[Arrival]) -> None:
        """A batch: add every arrival, then form the stories once."""
        for arrival in arrivals:
            self.add(arrival, recluster=False)
        self.finish()
