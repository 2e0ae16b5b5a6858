"""What clustering reads from an article: the text that identifies its event, its rare words
(TF-IDF weights frozen when the article arrives), language and publication day, and the cues
the link model compares (headline and lead words, names, figures: ``EventCues``).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import numpy as np

from ..models import Article
from ..tokens import SENTENCE_OPENERS

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Han, kana and Hangul runs have no spaces between words: they become character pairs.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")

# An article's lexical vector keeps its heaviest terms only: the rest weigh little in a cosine
# and would make the inverted index as large as the texts. Tuned on vims and mmds_dev:
# 128 terms lose no BCubed F1 against all terms.
TOP_TERMS = 128


def event_text(article: Article) -> str:
    """Headline and text: embedders keep what fits their budget (the lead), the lexical vector all."""
    return f"{article.title}\n{article.text}" if article.title else article.text


def lexical_terms(text: str, stopwords: Collection[str] = ()) -> list[str]:
    """Lower-cased words of two or more characters minus ``stopwords``; CJK runs as overlapping
    character pairs. (Stopwords matter while a store is small: with a few articles, document
    frequencies cannot yet tell "yang" from "Cianjur".)"""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        if _CJK.search(word) is None:
            if len(word) > 1 and word not in stopwords:
                out.append(word)
            continue
        for run in _CJK.findall(word):
            if len(run) == 1:
                out.append(run)
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.extend(rest for rest in _CJK.sub(" ", word).split() if len(rest) > 1)
    return out


# The lead: the words of the first paragraphs that say what happened, who, where and when.
LEAD_WORDS = 60
# Names are read from the lead and the paragraphs after it (where the event's people and places are).
NAME_WORDS = 250
# Figures: a number of three or more digits or with a decimal part ("7.100", "3,5", "1.250"), not a
# year: what tells two stock-market sessions, two fires or two match scores apart.
_FIGURE = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*(?![\w/])")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
HEADLINE_WORDS = 15
_LISTICLE = re.compile(r"^\s*\d{1,3}\s+[^\W\d]", re.UNICODE)


@dataclass(frozen=True)
class EventCues:
    """What the link model compares beyond the whole text: headline and lead words, the names
    (capitalised words that do not open a sentence, lower-cased) and the figures."""

    title: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    figures: frozenset[str] = frozenset()
    # The headline is a numbered list ("7 Model Rambut ...", "10 Tips ..."): a topic piece.
    listicle: bool = False


def event_cues(article: Article, stopwords: Collection[str] = ()) -> EventCues:
    words = article.text.split(maxsplit=NAME_WORDS)[:NAME_WORDS]
    lead = " ".join(words[:LEAD_WORDS])
    names: list[str] = []
    opens = True  # the next word opens a sentence (or a quote, or a bracket)
    for raw in words:
        token = raw.lstrip("([") or raw  # "(IHSG)" is a name too
        if not opens and token[0].isupper():
            lowered = _WORD.match(token.lower())
            if lowered is not None and len(lowered.group(0)) > 1 and lowered.group(0) not in stopwords:
                names.append(lowered.group(0))
        opens = raw[-1] in SENTENCE_OPENERS
    figures = frozenset(
        f
        for f in _FIGURE.findall(f"{article.title} {lead}")
        if (sum(c.isdigit() for c in f) >= 3 or "," in f or "." in f) and not _YEAR.match(f)
    )
    # No headline (some scrapers lose it): the first words of the text stand in for it.
    title = article.title.strip() or " ".join(words[:HEADLINE_WORDS])
    return EventCues(
        title=tuple(lexical_terms(title, stopwords)),
        lead=tuple(lexical_terms(lead, stopwords)),
        names=tuple(names),
        figures=figures,
        listicle=_LISTICLE.match(title) is not None,
    )


def day_number(published: date | None) -> int:
    return published.toordinal() if published is not None else -1


@dataclass(frozen=True)
class LexicalVector:
    """Term ids and L2-normalized weights (the top ``TOP_TERMS`` terms, renormalized)."""

    terms: np.ndarray  # int32
    weights: np.ndarray  # float32

    def dot(self, other: LexicalVector) -> float:
        common, a, b = np.intersect1d(self.terms, other.terms, assume_unique=True, return_indices=True)
        return float(np.dot(self.weights[a], other.weights[b])) if len(common) else 0.0


class RunningIdf:
    """Document frequencies of the articles seen so far; an article's weights use the counts as
    they are when it arrives (itself included) and never change, so the result of a sequence of
    arrivals does not depend on whether they came one at a time or all at once."""

    def __init__(self, top_terms: int = TOP_TERMS) -> None:
        self.top_terms = top_terms
        self.vocabulary: dict[str, int] = {}
        self._df = np.zeros(1024, dtype=np.int32)
        self.documents = 0

    @property
    def df(self) -> np.ndarray:
        """Document frequency of each term id."""
        return self._df[: len(self.vocabulary)]

    def add(self, terms: Sequence[str]) -> LexicalVector:
        counts = Counter(terms)
        self.documents += 1
        vocabulary = self.vocabulary
        for term in counts:  # new terms numbered in text order: ids never depend on hashing
            if term not in vocabulary:
                vocabulary[term] = len(vocabulary)
        if len(vocabulary) > len(self._df):
            grown = np.zeros(max(len(vocabulary), 2 * len(self._df)), dtype=np.int32)
            grown[: len(self._df)] = self._df
            self._df = grown
        ids = np.fromiter((vocabulary[t] for t in counts), dtype=np.int32, count=len(counts))
        if len(ids) == 0:
            return LexicalVector(ids, np.zeros(0, dtype=np.float32))
        self._df[ids] += 1
        weights = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        weights *= np.log((1.0 + self.documents) / (1.0 + self._df[ids])) + 1.0
        if len(ids) > self.top_terms:
            keep = np.argsort(-weights, kind="stable")[: self.top_terms]
            ids, weights = ids[keep], weights[keep]
        return _normalized(ids, weights)

    def weigh(self, terms: Sequence[str], *, normalize: bool = True, binary: bool = False) -> LexicalVector:
        """TF-IDF of a part of an article already added (its headline, lead, names), with the
        document frequencies as they are now; terms never seen are left out. ``binary``: weight 1
        for every term (a set of words); ``normalize=False``: IDF weights as they are."""
        counts = Counter(t for t in terms if t in self.vocabulary)
        if not counts:
            return LexicalVector(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        ids = np.fromiter((self.vocabulary[t] for t in counts), dtype=np.int32, count=len(counts))
        if binary:
            order = np.argsort(ids)
            return LexicalVector(ids[order], np.ones(len(ids), dtype=np.float32))
        weights = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        weights *= np.log((1.0 + self.documents) / (1.0 + self._df[ids])) + 1.0
        if not normalize:
            order = np.argsort(ids)
            return LexicalVector(ids[order], weights[order].astype(np.float32))
        return _normalized(ids, weights)


def _normalized(ids: np.ndarray, weights: np.ndarray) -> LexicalVector:
    order = np.argsort(ids)
    ids, weights = ids[order], weights[order]
    norm = float(np.linalg.norm(weights))
    return LexicalVector(ids, (weights / norm if norm else weights).astype(np.float32))


class CueTables:
    """What ``StoryStream.pair_features`` compares of each article, one row per article in
    arrival order: its lexical vector and its cues' vectors (``stream._Cues`` fields) one after
    another in flat arrays, so that the vectors of hundreds of articles are gathered at once, and
    the cues' scalars (outlet, figure count, headline weight, listicle)."""

    NAMES = ("body", "title", "lead", "names", "figures", "headline", "words")
    # ``products`` pairs the row article's vector in one table with the column article's in
    # another: how much of the row's headline the column's words hold, and the reverse
    PARTNER: ClassVar[dict[str, str]] = {"headline": "words", "words": "headline"}

    def __init__(self) -> None:
        self._vectors: list[tuple[LexicalVector, ...]] = []
        # every term of every vector: its place in ``_dense`` (term id * tables + table), its
        # weight and its table
        self._keys = array("q")
        self._weights = array("f")
        self._table = array("q")
        self._starts = array("q", [0])
        self._scalars = {name: array("d") for name in ("outlet", "figure_count", "headline_total", "listicle")}
        # The row article's weights by term id and table (zero elsewhere), grown as terms appear:
        # a lookup per gathered term instead of a search.
        self._dense = np.zeros(1024 * len(self.NAMES), dtype=np.float64)

    def append(self, body: LexicalVector, cues: Any) -> None:
        """Add an arriving article: its lexical vector and its ``stream._Cues``."""
        vectors = (body, *(getattr(cues, name) for name in self.NAMES[1:]))
        self._vectors.append(vectors)
        for table, vector in enumerate(vectors):
            self._keys.frombytes((vector.terms.astype(np.int64) * len(self.NAMES) + table).tobytes())
            self._weights.frombytes(np.ascontiguousarray(vector.weights, dtype=np.float32).tobytes())
            self._table.extend([table] * len(vector.terms))
        self._starts.append(len(self._keys))
        self._scalars["outlet"].append(cues.outlet)
        self._scalars["figure_count"].append(len(cues.figures.terms))
        self._scalars["headline_total"].append(float(cues.headline.weights.sum()))
        self._scalars["listicle"].append(cues.listicle)

    def scalar(self, name: str) -> np.ndarray:
        """One scalar of every article so far (a view: do not keep it across an ``append``)."""
        return np.frombuffer(self._scalars[name], dtype=np.float64)

    def products(self, rows: Sequence[int], columns: np.ndarray) -> dict[str, np.ndarray]:
        """For each table name, the (rows, columns) dot products of the rows' vectors in table
        ``PARTNER.get(name, name)`` with the columns' vectors in table ``name``. Each is summed
        over the column vector's terms in increasing term order, from zero (products of terms the
        row lacks are zero and change no sum: weights are positive), as scipy's product of sparse
        rows sums the shared terms, so the same floats."""
        tables = len(self.NAMES)
        out = np.zeros((len(rows), len(columns) * tables), dtype=np.float64)
        starts = np.frombuffer(self._starts, dtype=np.int64)
        first, lengths = starts[columns], starts[columns + 1] - starts[columns]
        total = int(lengths.sum())
        if not total:
            return self._split(out, len(columns))
        # positions first[k] .. first[k] + lengths[k] - 1 of every column k, in order
        at = np.arange(total, dtype=np.int64) + np.repeat(first - (np.cumsum(lengths) - lengths), lengths)
        keys = np.frombuffer(self._keys, dtype=np.int64)[at]
        weights = np.frombuffer(self._weights, dtype=np.float32)[at].astype(np.float64)
        # the sum each product goes to: column k's vector in table t
        sums = np.repeat(np.arange(0, len(columns) * tables, tables, dtype=np.int64), lengths)
        sums += np.frombuffer(self._table, dtype=np.int64)[at]
        width = int(keys.max()) // tables + 1  # terms from this id on are in no column's vectors
        if width * tables > len(self._dense):
            self._dense = np.zeros(max(width, 2 * len(self._dense) // tables) * tables, dtype=np.float64)
        dense = self._dense
        partners = [self.NAMES.index(self.PARTNER.get(name, name)) for name in self.NAMES]
        for i, n in enumerate(rows):
            vectors = self._vectors[n]
            placed = []
            for t, partner in enumerate(partners):
                vector = vectors[partner]
                keep = vector.terms < width
                place = vector.terms[keep].astype(np.int64) * tables + t
                dense[place] = vector.weights[keep]
                placed.append(place)
            out[i] = np.bincount(sums, weights=dense[keys] * weights, minlength=out.shape[1])
            dense[np.concatenate(placed)] = 0.0
        return self._split(out, len(columns))

    def _split(self, out: np.ndarray, columns: int) -> dict[str, np.ndarray]:
        cube = out.reshape(len(out), columns, len(self.NAMES))
        return {name: cube[..., t] for t, name in enumerate(self.NAMES)}
