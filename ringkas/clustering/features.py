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
from typing import Any

import numpy as np

from ..models import Article

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
_OPENERS = frozenset('.!?:;"\u201c\u201d([')
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
        opens = raw[-1] in _OPENERS
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


def headline_share(headlines: Sequence[LexicalVector], words: Sequence[LexicalVector], width: int) -> np.ndarray:
    """The IDF-weighted share of each headline's terms that each other article's words contain."""
    total = np.asarray([float(h.weights.sum()) for h in headlines])[:, None]
    found = dots(headlines, words, width)
    return np.divide(found, total, out=np.zeros_like(found), where=total > 0)


def dots(left: Sequence[LexicalVector], right: Sequence[LexicalVector], width: int) -> np.ndarray:
    """Dot products of every left vector with every right one (sparse rows, dense result);
    ``width``: one more than the largest term id."""
    lengths = np.asarray([len(v.terms) for v in right], dtype=np.int64)
    if not lengths.sum():
        return np.zeros((len(left), len(right)), dtype=np.float64)
    terms = np.concatenate([v.terms for v in right])
    weights = np.concatenate([v.weights for v in right])
    return Gathered(terms, weights, np.repeat(np.arange(len(right)), lengths), len(right)).dots(left)


@dataclass(frozen=True)
class Gathered:
    """The terms and weights of several vectors in one array, ``owner`` naming each one's vector."""

    terms: np.ndarray
    weights: np.ndarray
    owner: np.ndarray
    count: int

    def dots(self, left: Sequence[LexicalVector]) -> np.ndarray:
        """Dot products of every left vector with every gathered one. Each is summed over the
        shared terms in increasing term order, from zero, as scipy's product of sparse rows sums
        it (so the same floats), without building sparse matrices: an arriving article is
        compared with hundreds of others."""
        out = np.zeros((len(left), self.count), dtype=np.float64)
        if not len(self.terms):
            return out
        weights = self.weights.astype(np.float64)
        for i, vector in enumerate(left):
            if not len(vector.terms):
                continue
            at = np.searchsorted(vector.terms, self.terms)
            at[at == len(vector.terms)] = 0
            shared = vector.terms[at] == self.terms
            products = vector.weights[at[shared]].astype(np.float64) * weights[shared]
            out[i] = np.bincount(self.owner[shared], weights=products, minlength=self.count)
        return out


class VectorTable:
    """Lexical vectors appended one per article, also kept in flat arrays, so that the vectors of
    many articles are gathered in a few array operations (``gather``)."""

    def __init__(self) -> None:
        self.vectors: list[LexicalVector] = []
        self._terms = array("i")
        self._weights = array("f")
        self._starts = array("q", [0])

    def append(self, vector: LexicalVector) -> None:
        self.vectors.append(vector)
        self._terms.frombytes(np.ascontiguousarray(vector.terms, dtype=np.int32).tobytes())
        self._weights.frombytes(np.ascontiguousarray(vector.weights, dtype=np.float32).tobytes())
        self._starts.append(len(self._terms))

    def __getitem__(self, n: int) -> LexicalVector:
        return self.vectors[n]

    def gather(self, nodes: np.ndarray) -> Gathered:
        starts = np.frombuffer(self._starts, dtype=np.int64)
        first, lengths = starts[nodes], starts[nodes + 1] - starts[nodes]
        total = int(lengths.sum())
        # positions first[k] .. first[k] + lengths[k] - 1 of every node k, in order
        offsets = np.repeat(first - (np.cumsum(lengths) - lengths), lengths)
        at = np.arange(total, dtype=np.int64) + offsets
        terms = np.frombuffer(self._terms, dtype=np.int32)[at]
        weights = np.frombuffer(self._weights, dtype=np.float32)[at]
        return Gathered(terms, weights, np.repeat(np.arange(len(nodes)), lengths), len(nodes))


class CueTables:
    """What ``StoryStream.pair_features`` compares of each article, one row per article in
    arrival order: its lexical vector and its cues' vectors (``stream._Cues`` fields) in
    ``VectorTable``s, and the cues' scalars (outlet, figure count, headline weight, listicle)."""

    NAMES = ("body", "title", "lead", "names", "figures", "headline", "words")

    def __init__(self) -> None:
        self.tables = {name: VectorTable() for name in self.NAMES}
        self._scalars = {name: array("d") for name in ("outlet", "figure_count", "headline_total", "listicle")}

    def append(self, body: LexicalVector, cues: Any) -> None:
        """Add an arriving article: its lexical vector and its ``stream._Cues``."""
        self.tables["body"].append(body)
        for name in self.NAMES[1:]:
            self.tables[name].append(getattr(cues, name))
        self._scalars["outlet"].append(cues.outlet)
        self._scalars["figure_count"].append(len(cues.figures.terms))
        self._scalars["headline_total"].append(float(cues.headline.weights.sum()))
        self._scalars["listicle"].append(cues.listicle)

    def scalar(self, name: str) -> np.ndarray:
        """One scalar of every article so far (a view: do not keep it across an ``append``)."""
        return np.frombuffer(self._scalars[name], dtype=np.float64)

    def dots(self, left: str, right: str, rows: Sequence[int], columns: np.ndarray) -> np.ndarray:
        """(rows, columns) dot products of the rows' vectors in table ``left`` with the columns'
        in table ``right``."""
        table = self.tables[left]
        return self.tables[right].gather(columns).dots([table[n] for n in rows])
