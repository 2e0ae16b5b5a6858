"""The story stream: articles arrive one at a time and each joins a story or opens one.

Two articles are linked by the strongest of three pieces of evidence:

- ``T``, the cosine of their TF-IDF vectors (the rare words, names and numbers they share);
- ``a * T + b * Z``, shared words and meaning together, where ``Z`` is how far their embedding
  cosine stands above chance for each of them (the mean and spread of an article's cosines
  with every article before it), so one threshold serves languages an embedder separates
  well and ones it crowds together;
- ``g * Z + T`` for two articles in different languages, which share few words: what they do
  share (names, numbers) adds to the embedding's evidence;

and articles published more than ``window_days`` apart are never linked.

Stories are average-link clusters of these links cut at ``threshold``, kept up to date locally:
an arriving article and every story it links to at the threshold are clustered again by
average link, and the other stories stay as they are. A batch is the same arrivals taken one
at a time, so both modes give the same stories, and an arrival costs the same whether ten or
ten thousand stories exist. (On vims and mmds_dev this scores within 0.001 BCubed F1 of one
average link over all articles at once.) What each article contributes (TF-IDF weights,
chance level) is fixed when it arrives.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .agglomerate import Growing, average_link_groups
from .features import CueTables, EventCues, LexicalVector, RunningIdf
from .links import FEATURES, LinkModel

# The learned link (``links``) is a probability: stories are average links of at least one half
# (the model's shift carries the cut chosen on held-out events; see scripts/train_links.py).
DEFAULT_THRESHOLD = 0.5
# The hand-set link below serves streams without a model (``StreamParams.model`` None).
# One configuration for every language and data set, tuned on ../shared/data/mds/vims.jsonl
# (Vietnamese, 1,950 articles) and ../shared/data/clustering/mmds_dev.jsonl (English, Chinese,
# Malay, 209) together, then lowered from 0.32 to 0.29 for small stores: on the bundled sample
# corpus (47 Indonesian articles) and the five seeds the weights have little data behind them
# and same-event links sit near 0.3. Cost on the big sets: 0.004-0.01 BCubed F1.
# Re-measured 2026-11-22 (vims 0.9626, mmds_dev 0.9318 with the cross-language weight at 0.12):
# the optimum is flat. A grid over threshold 0.30-0.33, lexical share 0.6-0.8 and embedding
# weight 0.03-0.08 gains at most 0.006 mean F1 on the two sets (and costs the sample corpus
# F1 1.0 -> 0.96 at 0.32); word pairs as terms lose F1, and document frequencies of the whole set
# instead of running ones gain nothing. So these values stay, rather than fit the dev sets.
HAND_THRESHOLD = 0.29
LEXICAL_SHARE = 0.7
EMBEDDING_WEIGHT = 0.05
# Across languages the embedding carries the link (with the names and numbers both share): at
# 0.10 an embedding cosine about three spreads above chance (0.29 / 0.10) links on its own.
# Was 0.12 (2.4 spreads), which let unrelated singletons in mmds_dev pair up across languages.
# Tuned on mmds_dev over 20 arrival orders (mean BCubed F1 0.920 -> 0.936; 0.09-0.10 alike,
# 0.11 0.930); the bundled sample corpus (three English articles on Indonesian stories) stays
# at F1 1.0. ViMs (one language) is unaffected.
CROSS_LANGUAGE_WEIGHT = 0.10
# Chance level before an article has company: USE cosines of unrelated news in its training
# languages average about 0.2 with a spread of 0.1; worth 20 articles of evidence.
PRIOR_MEAN = 0.2
PRIOR_SD = 0.1
PRIOR_WEIGHT = 20.0
# The same for TF-IDF cosines: unrelated Indonesian news pairs have a median near 0.01, Vietnamese
# ones (syllables, no stopword list) near 0.05 (realworld dev window and ViMs).
PRIOR_LEXICAL_MEAN = 0.03
PRIOR_LEXICAL_SD = 0.04
_MIN_SD = 0.02
_PENDING = 64
# Two articles published further apart than the window are never linked, and the pair counts
# against one story: a single such pair outweighs a strong link in an average.
_FAR = -1.0


@dataclass(frozen=True)
class StreamParams:
    threshold: float | None = None  # None: DEFAULT_THRESHOLD with a model, HAND_THRESHOLD without
    window_days: int = 7
    lexical_share: float = LEXICAL_SHARE
    embedding_weight: float = EMBEDDING_WEIGHT
    cross_language_weight: float = CROSS_LANGUAGE_WEIGHT
    prior_mean: float = PRIOR_MEAN
    prior_sd: float = PRIOR_SD
    prior_weight: float = PRIOR_WEIGHT
    prior_lexical_mean: float = PRIOR_LEXICAL_MEAN
    prior_lexical_sd: float = PRIOR_LEXICAL_SD
    # The learned link (``links``): when set, links are its probabilities and ``threshold`` cuts them.
    model: LinkModel | None = None

    @property
    def cut(self) -> float:
        if self.threshold is not None:
            return self.threshold
        return DEFAULT_THRESHOLD if self.model is not None else HAND_THRESHOLD


@dataclass(frozen=True)
class Arrival:
    """One article as clustering sees it."""

    article_id: str
    vector: np.ndarray | None  # L2-normalized embedding; None for a copy of a known article
    terms: Sequence[str] = ()
    language: str | None = None
    day: int = -1  # proleptic ordinal of the publication date, -1 when unknown
    duplicate_of: str | None = None
    cues: EventCues | None = None  # what the link model compares (None: the whole text only)
    outlet: str | None = None


@dataclass(frozen=True)
class _Cues:
    """An article's cues as weighted vectors, fixed when it arrives."""

    title: LexicalVector
    lead: LexicalVector
    names: LexicalVector
    figures: LexicalVector  # figure ids, weight 1 each
    outlet: int  # -1 when unknown
    headline: LexicalVector  # the headline's terms weighted by IDF (not normalized)
    words: LexicalVector  # every term of headline, lead and names, weight 1
    listicle: bool


@dataclass
class Change:
    """Stories an arrival changed: their article ids now, and the groups that no longer exist."""

    updated: list[tuple[str, ...]] = field(default_factory=list)
    removed: list[tuple[str, ...]] = field(default_factory=list)


class StoryStream:
    """The state of online clustering: every article seen, its links, and the current stories."""

    def __init__(self, dim: int, params: StreamParams | None = None) -> None:
        self.params = params or StreamParams()
        self.dim = dim
        self.idf = RunningIdf()
        # nodes: articles that take part in clustering (copies ride along with their original)
        self._ids: list[str] = []
        self._node: dict[str, int] = {}  # article id -> node (copies: their original's node)
        self._vectors = Growing(dim)
        self._lexical: list[LexicalVector] = []
        self._cues: list[_Cues] = []
        self._tables = CueTables()  # the same in flat tables: pair_features gathers hundreds at a time
        self._outlets: dict[str, int] = {}
        self._figures: dict[str, int] = {}
        # chance level of an article's TF-IDF cosines (with the articles of its window when it
        # arrived), as for the embedding: what a cosine of 0.1 means differs across languages
        self._lexical_mean = array("d")
        self._lexical_sd = array("d")
        self._company = array("i")  # articles in an article's window when it arrived
        # term -> (arrival numbers, weights), one list for dated and one for undated articles
        self._postings: dict[int, tuple[array, array]] = {}
        self._undated_postings: dict[int, tuple[array, array]] = {}
        self._days: dict[int, tuple[int, int]] = {}  # day -> first and last arrival number that day
        self._undated = array("i")
        self._mean = array("d")
        self._sd = array("d")
        self._language = array("i")
        self._languages: dict[str, int] = {}
        self._day = array("i")
        self._sum = np.zeros(dim, dtype=np.float64)
        self._outer = np.zeros((dim, dim), dtype=np.float64)  # sum of v v^T, in blocks of _PENDING
        self._pending: list[np.ndarray] = []
        self._story = array("i")  # node -> story key (its first node)
        self._stories: dict[int, list[int]] = {}
        self._copies: dict[int, list[str]] = {}
        # One BLAS thread: an arrival's products are small, and a thread pool on a busy machine
        # makes a 1 ms product take 15 ms.
        try:
            from threadpoolctl import ThreadpoolController

            self._blas: Any = ThreadpoolController()
        except ImportError:  # pragma: no cover - scikit-learn brings threadpoolctl
            self._blas = None

    def __len__(self) -> int:
        return len(self._node)

    def story_count(self) -> int:
        return len(self._stories)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._node

    # -- arrivals --------------------------------------------------------------------

    def add(self, arrival: Arrival) -> Change:
        """Take one article in: it joins a story, opens one, or brings stories together."""
        with self._one_thread():
            return self._add(arrival)

    def _one_thread(self) -> AbstractContextManager[Any]:
        return self._blas.limit(limits=1, user_api="blas") if self._blas is not None else nullcontext()

    def _add(self, arrival: Arrival) -> Change:
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
        return self._recluster(node, self._link(node))

    def _append(self, arrival: Arrival) -> int:
        vector = np.asarray(arrival.vector, dtype=np.float32)
        if vector.shape != (self.dim,):
            raise ValueError(f"article {arrival.article_id!r}: vector of shape {vector.shape}, expected ({self.dim},)")
        node = len(self._ids)
        n = node  # articles before this one
        p = self.params
        total = float(vector @ self._sum)
        squares = float(vector @ self._outer @ vector)
        if self._pending:  # vectors not yet in the second-moment matrix
            squares += float(np.sum((np.asarray(self._pending) @ vector).astype(np.float64) ** 2))
        mean = (total + p.prior_weight * p.prior_mean) / (n + p.prior_weight)
        spread = squares - 2 * mean * total + n * mean * mean + p.prior_weight * p.prior_sd**2
        sd = max(_MIN_SD, float(np.sqrt(max(spread, 0.0) / (n + p.prior_weight))))
        self._sum += vector
        self._pending.append(vector)
        if len(self._pending) == _PENDING:  # one rank-k update instead of k outer products
            block = np.asarray(self._pending, dtype=np.float64)
            self._outer += block.T @ block
            self._pending.clear()
        lexical = self.idf.add(arrival.terms)
        cues = arrival.cues or EventCues()
        self._cues.append(
            _Cues(
                self.idf.weigh(cues.title),
                self.idf.weigh(cues.lead),
                self.idf.weigh(cues.names),
                self._figure_vector(cues.figures),
                self._outlets.setdefault(arrival.outlet, len(self._outlets)) if arrival.outlet else -1,
                self.idf.weigh(cues.title, normalize=False),
                self.idf.weigh((*cues.title, *cues.lead, *cues.names), binary=True),
                cues.listicle,
            )
        )
        self._ids.append(arrival.article_id)
        self._node[arrival.article_id] = node
        self._vectors.append(vector)
        self._lexical.append(lexical)
        self._tables.append(lexical, self._cues[-1])
        self._mean.append(mean)
        self._sd.append(sd)
        self._lexical_mean.append(p.prior_lexical_mean)
        self._lexical_sd.append(p.prior_lexical_sd)
        self._company.append(0)
        if arrival.language:
            self._language.append(self._languages.setdefault(arrival.language, len(self._languages)))
        else:
            self._language.append(-1)
        self._day.append(arrival.day)
        if arrival.day >= 0:
            first, _last = self._days.get(arrival.day, (node, node))
            self._days[arrival.day] = (first, node)
        else:
            self._undated.append(node)
        self._story.append(node)
        self._stories[node] = [node]
        return node

    # -- links -----------------------------------------------------------------------

    def _link(self, node: int) -> np.ndarray:
        """The earlier articles ``node`` links to at the threshold (and ``node`` enters the index)."""
        p = self.params
        day = np.frombuffer(self._day, dtype=np.int32)
        undated = np.frombuffer(self._undated, dtype=np.int32)
        if day[node] >= 0:
            # Dated articles of the window lie between two arrival numbers (close together when
            # articles arrive in date order); undated ones are candidates too.
            low, high = self._window_span(int(day[node]))
            high = min(high, node - 1)  # the article itself was registered on arrival
            span = np.arange(low, high + 1)
            near = span[np.abs(day[low : high + 1] - day[node]) <= p.window_days]
            candidates = np.union1d(near, undated) if len(undated) else near
        else:
            low, high = 0, node - 1
            candidates = np.arange(node)
        shared = self._shared_terms(node, low, high)
        self._index(node)
        if len(candidates) == 0:
            return candidates
        self._lexical_chance(node, shared[candidates])
        self._company[node] = len(candidates)
        # candidates that are a run of arrivals (all before, or the last days'): slices, not copies
        first, last = int(candidates[0]), int(candidates[-1])
        pick: slice | np.ndarray = slice(first, last + 1) if last - first + 1 == len(candidates) else candidates
        vectors = self._vectors.view
        cosine = vectors[pick] @ vectors[node]
        mean = np.frombuffer(self._mean, dtype=np.float64)
        sd = np.frombuffer(self._sd, dtype=np.float64)
        z = cosine - mean[pick]
        z /= sd[pick]
        z += (cosine - mean[node]) / sd[node]
        z /= 2
        if p.model is not None:
            lexical_mean = np.frombuffer(self._lexical_mean, dtype=np.float64)
            lexical_sd = np.frombuffer(self._lexical_sd, dtype=np.float64)
            body = shared[pick]
            body_z = (
                (body - lexical_mean[pick]) / lexical_sd[pick] + (body - lexical_mean[node]) / lexical_sd[node]
            ) / 2
            near_enough = (body_z >= p.model.prefilter_body_z) | (z >= p.model.prefilter_z)
            scored = candidates[near_enough]
            if len(scored) == 0:
                return scored
            probability = p.model.probability(self.pair_features([node], scored.tolist())[0])
            return scored[probability >= p.cut]
        language = np.frombuffer(self._language, dtype=np.int32)
        same = (language[pick] == language[node]) & (language[node] >= 0)
        link = self._combine(shared[pick], z, same)
        return candidates[link >= p.cut]

    def _lexical_chance(self, node: int, values: np.ndarray) -> None:
        """Mean and spread of the arriving article's TF-IDF cosines with the articles of its window,
        its closest tenth left out: in a small store those are its own story's articles, not chance."""
        p = self.params
        weight = p.prior_weight
        if len(values) >= 10:
            values = np.partition(values, len(values) - len(values) // 10)[: len(values) - len(values) // 10]
        count = len(values)
        mean = (float(values.sum()) + weight * p.prior_lexical_mean) / (count + weight)
        spread = float(((values - mean) ** 2).sum()) + weight * p.prior_lexical_sd**2
        self._lexical_mean[node] = mean
        self._lexical_sd[node] = max(_MIN_SD / 4, float(np.sqrt(spread / (count + weight))))

    def _figure_vector(self, figures: frozenset[str]) -> LexicalVector:
        ids = np.asarray(sorted(self._figures.setdefault(f, len(self._figures)) for f in figures), dtype=np.int32)
        return LexicalVector(ids, np.ones(len(ids), dtype=np.float32))

    def _window_span(self, day: int) -> tuple[int, int]:
        """First and last arrival number of dated articles within the window around ``day``."""
        w = self.params.window_days
        spans = [self._days[d] for d in range(day - w, day + w + 1) if d in self._days]
        if not spans:
            return 0, -1
        return min(s[0] for s in spans), max(s[1] for s in spans)

    def _shared_terms(self, node: int, low: int, high: int) -> np.ndarray:
        """TF-IDF dot products of ``node`` with every earlier article (0 for those outside the dated
        range ``low..high`` that are dated), from the inverted index: each posting list is cut to
        the range and copied once into one buffer."""
        lexical = self._lexical[node]
        bounded = low > 0 or high < node - 1
        found = array("i")
        values = array("f")
        lengths: list[int] = []
        scales: list[float] = []
        for postings, cut in ((self._postings, bounded), (self._undated_postings, False)):
            if not postings:
                continue
            for term, weight in zip(lexical.terms.tolist(), lexical.weights.tolist(), strict=True):
                posting = postings.get(term)
                if posting is None:
                    continue
                ids, weights = posting
                if cut:
                    a, b = bisect_left(ids, low), bisect_right(ids, high)
                    ids, weights = ids[a:b], weights[a:b]
                found.extend(ids)
                values.extend(weights)
                lengths.append(len(ids))
                scales.append(weight)
        if not found:
            return np.zeros(node, dtype=np.float64)
        products = np.frombuffer(values, dtype=np.float32) * np.repeat(np.asarray(scales, dtype=np.float32), lengths)
        shared: np.ndarray = np.bincount(np.frombuffer(found, dtype=np.int32), weights=products, minlength=node)
        return shared

    def _index(self, node: int) -> None:
        lexical = self._lexical[node]
        postings = self._postings if self._day[node] >= 0 else self._undated_postings
        for term, weight in zip(lexical.terms.tolist(), lexical.weights.tolist(), strict=True):
            posting = postings.get(term)
            if posting is None:
                posting = postings[term] = (array("i"), array("f"))
            posting[0].append(node)
            posting[1].append(weight)

    def pair_features(self, rows: Sequence[int], columns: Sequence[int]) -> np.ndarray:
        """The link model's features (``links.FEATURES``) of every pair of nodes ``rows`` x ``columns``,
        shape (len(rows), len(columns), len(FEATURES))."""
        p = self.params
        a = np.asarray(rows, dtype=np.int64)
        b = np.asarray(columns, dtype=np.int64)
        vectors = self._vectors.view
        cosine = (vectors[a] @ vectors[b].T).astype(np.float64)
        mean = np.frombuffer(self._mean, dtype=np.float64)
        sd = np.frombuffer(self._sd, dtype=np.float64)
        z = ((cosine - mean[a][:, None]) / sd[a][:, None] + (cosine - mean[b][None, :]) / sd[b][None, :]) / 2
        language = np.frombuffer(self._language, dtype=np.int32)
        cross = (
            (language[a][:, None] != language[b][None, :]) & (language[a][:, None] >= 0) & (language[b][None, :] >= 0)
        )
        day = np.frombuffer(self._day, dtype=np.int32)
        dated = (day[a][:, None] >= 0) & (day[b][None, :] >= 0)
        days = np.where(dated, np.abs(day[a][:, None] - day[b][None, :]), 0) / max(p.window_days, 1)
        tables = self._tables
        outlet_a, outlet_b = tables.scalar("outlet")[a], tables.scalar("outlet")[b]
        same_outlet = (outlet_a[:, None] == outlet_b[None, :]) & (outlet_a[:, None] >= 0)
        products = tables.products(rows, b)
        body = products["body"]
        lexical_mean = np.frombuffer(self._lexical_mean, dtype=np.float64)
        lexical_sd = np.frombuffer(self._lexical_sd, dtype=np.float64)
        body_z = (body - lexical_mean[a][:, None]) / lexical_sd[a][:, None]
        body_z += (body - lexical_mean[b][None, :]) / lexical_sd[b][None, :]
        body_z /= 2
        shared_figures = products["figures"]
        size_a = tables.scalar("figure_count")[a][:, None]
        size_b = tables.scalar("figure_count")[b][None, :]
        union = size_a + size_b - shared_figures
        # the IDF-weighted share of one headline's terms found in the other article's words
        total_a = tables.scalar("headline_total")[a][:, None]
        total_b = tables.scalar("headline_total")[b][None, :]
        found_a, found_b = products["words"], products["headline"]
        headline_a = np.divide(found_a, total_a, out=np.zeros_like(found_a), where=total_a > 0)
        headline_b = np.divide(found_b, total_b, out=np.zeros_like(found_b), where=total_b > 0)
        listicle_a = tables.scalar("listicle")[a][:, None] > 0
        listicle_b = tables.scalar("listicle")[b][None, :] > 0
        out = np.empty((len(a), len(b), len(FEATURES)), dtype=np.float64)
        out[..., 0] = body
        out[..., 1] = body_z
        out[..., 2] = products["title"]
        out[..., 3] = products["lead"]
        out[..., 4] = products["names"]
        out[..., 5] = np.minimum(headline_a, headline_b)
        out[..., 6] = np.maximum(headline_a, headline_b)
        out[..., 7] = cosine
        out[..., 8] = z
        out[..., 9] = np.divide(shared_figures, union, out=np.zeros_like(union), where=union > 0)
        out[..., 10] = (size_a > 0) & (size_b > 0) & (shared_figures == 0)
        out[..., 11] = days
        out[..., 12] = same_outlet
        company = np.frombuffer(self._company, dtype=np.int32)
        out[..., 13] = np.log1p(np.maximum(company[a][:, None], company[b][None, :]))
        out[..., 14] = listicle_a | listicle_b
        out[..., 15] = cross
        out[..., 16] = z * cross
        out[..., 17] = body * cross
        return out

    def _combine(self, shared: np.ndarray, z: np.ndarray, same: np.ndarray) -> np.ndarray:
        """The link of article pairs from their TF-IDF cosine, embedding z-score and languages."""
        p = self.params
        link = np.maximum(shared, p.lexical_share * shared + p.embedding_weight * z)
        across = p.cross_language_weight * z + shared
        across[same] = 0.0
        return np.maximum(link, across)

    # -- stories ---------------------------------------------------------------------

    def _recluster(self, node: int, linked: np.ndarray) -> Change:
        """Average link over the new article and the stories it links to; report what changed."""
        keys = sorted({int(self._story[o]) for o in linked.tolist()})
        old = {key: self._stories.pop(key) for key in keys}
        del self._stories[node]  # its own one-article story, made on arrival, never reported
        groups = self._average_link(sorted([node, *(n for members in old.values() for n in members)]))
        change = Change()
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
        if p.model is not None:
            return sorted([nodes[i] for i in group] for group in average_link_groups(self.link_matrix(nodes), p.cut))
        vectors = self._vectors.view[index]
        cosine = vectors @ vectors.T
        mean = np.frombuffer(self._mean, dtype=np.float64)[index]
        sd = np.frombuffer(self._sd, dtype=np.float64)[index]
        z = ((cosine - mean[:, None]) / sd[:, None] + (cosine - mean[None, :]) / sd[None, :]) / 2
        language = np.frombuffer(self._language, dtype=np.int32)[index]
        same = (language[:, None] == language[None, :]) & (language[:, None] >= 0)
        link = self._combine(self._lexical_cosines(nodes), z, same)
        link[self._far(index)] = _FAR
        link = (link + link.T) / 2
        return sorted([nodes[i] for i in group] for group in average_link_groups(link, p.cut))

    def link_matrix(self, nodes: Sequence[int]) -> np.ndarray:
        """The link model's probability of every pair of ``nodes`` (symmetric, as average link
        reads it; pairs published further apart than the window get ``_FAR``)."""
        assert self.params.model is not None
        link = self.params.model.probability(self.pair_features(nodes, nodes))
        link[self._far(np.asarray(nodes, dtype=np.int64))] = _FAR
        return (link + link.T) / 2

    def _far(self, index: np.ndarray) -> np.ndarray:
        day = np.frombuffer(self._day, dtype=np.int32)[index]
        dated = day >= 0
        return dated[:, None] & dated[None, :] & (np.abs(day[:, None] - day[None, :]) > self.params.window_days)

    def _lexical_cosines(self, nodes: list[int]) -> np.ndarray:
        """TF-IDF dot products among a few articles, on the union of their terms (dense, small)."""
        vectors = [self._lexical[n] for n in nodes]
        terms = np.concatenate([v.terms for v in vectors])
        union, column = np.unique(terms, return_inverse=True)
        rows = np.zeros((len(nodes), len(union)), dtype=np.float64)
        row = np.repeat(np.arange(len(nodes)), [len(v.terms) for v in vectors])
        rows[row, column] = np.concatenate([v.weights for v in vectors])
        out: np.ndarray = rows @ rows.T
        return out

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

    def node_of(self, article_id: str) -> int:
        """The article's node (a copy shares its original's)."""
        return self._node[article_id]

    def extend(self, arrivals: Iterable[Arrival]) -> None:
        """A batch: the same arrivals, one at a time."""
        for arrival in arrivals:
            self.add(arrival)
