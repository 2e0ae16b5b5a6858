"""Sentence features for the learned scorer: what makes a sentence summary-worthy in any language.

Every feature is language-independent: where the sentence stands in its article, how long it
is, how much of what the articles agree on it carries (word pairs reported by several
articles, as in the coverage summarizer), how central its words are to the story, how much it
shares with the titles, and whether it names figures and people. Values are scaled within the
story (a share of the story's best), so one model serves stories of 1 or 20 articles alike.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..models import Document
from .base import CJK, Candidate

_TOKEN = re.compile(f"[{CJK}]|[^\\W{CJK}]+", re.UNICODE)
_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b[^\W\d_a-z][^\W_]*", re.UNICODE)
_DIGITS = re.compile(r"\d")

FEATURES = (
    "inverse_position",
    "relative_position",
    "log_words",
    "agreement",
    "agreement_per_word",
    "shared_words",
    "article_spread",
    "centrality",
    "own_title",
    "other_titles",
    "figures",
    "names",
    "quoted",
    "needs_previous",
    "inverse_paragraph",
)


@dataclass(frozen=True)
class StoryTerms:
    """The words and word pairs of each sentence of a story, counted once per article."""

    words: dict[tuple[int, int], frozenset[str]]  # (doc, sentence index) -> content words
    pairs: dict[tuple[int, int], frozenset[str]]  # (doc, sentence index) -> word pairs
    word_articles: Counter[str]  # word -> articles using it
    pair_weight: dict[str, float]  # agreed pair -> sum over articles of 1 / (1 + first position)
    titles: tuple[frozenset[str], ...]  # content words of each article's title


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    return [w for w in _TOKEN.findall(text.lower()) if w not in stopwords and not w.isdigit()]


def word_pairs(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """Adjacent word pairs, not both stopwords: the story's facts as the coverage summarizer sees them."""
    words = _TOKEN.findall(text.lower())
    return frozenset(a + " " + b for a, b in itertools.pairwise(words) if a not in stopwords or b not in stopwords)


def story_terms(documents: Sequence[Document], stopwords: frozenset[str]) -> StoryTerms:
    words: dict[tuple[int, int], frozenset[str]] = {}
    pairs: dict[tuple[int, int], frozenset[str]] = {}
    word_articles: Counter[str] = Counter()
    earliest: dict[str, list[float]] = {}
    for d, doc in enumerate(documents):
        seen_words: set[str] = set()
        first_pair: dict[str, float] = {}
        for k, sentence in enumerate(doc.sentences):
            key = (d, sentence.index)
            words[key] = frozenset(content_words(sentence.text, stopwords))
            pairs[key] = word_pairs(sentence.text, stopwords)
            seen_words |= words[key]
            for pair in pairs[key]:
                first_pair.setdefault(pair, 1.0 / (1.0 + k))
        word_articles.update(seen_words)
        for pair, weight in first_pair.items():
            earliest.setdefault(pair, []).append(weight)
    # A fact needs two articles behind it when the story has two; a lone article agrees with itself.
    need = 2 if len(documents) > 1 else 1
    pair_weight = {p: sum(w) for p, w in earliest.items() if len(w) >= need}
    titles = tuple(frozenset(content_words(doc.article.title, stopwords)) for doc in documents)
    return StoryTerms(words, pairs, word_articles, pair_weight, titles)


def _share_of_best(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def sentence_features(
    documents: Sequence[Document], pool: Sequence[Candidate], stopwords: frozenset[str]
) -> np.ndarray:
    """A row of ``FEATURES`` for each candidate of ``pool``."""
    terms = story_terms(documents, stopwords)
    n_docs = len(documents)
    # Word weights for centrality: a word counts by how many articles use it (or, in a single
    # article, by how many sentences do), damped by how common it is across the sentences.
    sentence_count: Counter[str] = Counter()
    for ws in terms.words.values():
        sentence_count.update(ws)
    n_sentences = max(1, len(terms.words))
    spread = terms.word_articles if n_docs > 1 else sentence_count
    weight = {w: spread[w] * math.log(1.0 + n_sentences / c) for w, c in sentence_count.items()}

    rows = np.zeros((len(pool), len(FEATURES)))
    agreement = np.zeros(len(pool))
    centrality = np.zeros(len(pool))
    for i, c in enumerate(pool):
        key = (c.doc, c.sentence.index)
        ws, ps = terms.words.get(key, frozenset()), terms.pairs.get(key, frozenset())
        k = c.sentence.index
        n = max(1, len(documents[c.doc].sentences))
        agreement[i] = sum(terms.pair_weight.get(p, 0.0) for p in ps)
        centrality[i] = sum(weight.get(w, 0.0) for w in ws) / math.sqrt(max(1, len(ws)))
        if ws:
            others = (lambda w: terms.word_articles[w] > 1) if n_docs > 1 else (lambda w: sentence_count[w] > 1)
            shared = sum(1 for w in ws if others(w)) / len(ws)
            article_spread = sum(terms.word_articles[w] for w in ws) / (len(ws) * n_docs)
        else:
            shared = article_spread = 0.0
        own = terms.titles[c.doc]
        other_titles = [t for j, t in enumerate(terms.titles) if j != c.doc and t]
        text = c.sentence.text
        words = max(1, c.words)
        rows[i, 0] = 1.0 / (1.0 + k)
        rows[i, 1] = k / n
        rows[i, 2] = math.log1p(words)
        rows[i, 5] = shared
        rows[i, 6] = article_spread
        rows[i, 8] = len(ws & own) / len(own) if own else 0.0
        rows[i, 9] = max((len(ws & t) / len(t) for t in other_titles), default=0.0)
        rows[i, 10] = 1.0 if _DIGITS.search(text) else 0.0
        rows[i, 11] = min(1.0, len(_CAPITALISED.findall(text)) / words)
        rows[i, 12] = 1.0 if any(q in text for q in '"\u201c\u201d') else 0.0
        rows[i, 13] = 1.0 if c.needs_previous else 0.0
        rows[i, 14] = 1.0 / (1.0 + c.sentence.paragraph)
    rows[:, 3] = _share_of_best(agreement)
    rows[:, 4] = _share_of_best(agreement / np.maximum(1.0, [c.words for c in pool]))
    rows[:, 7] = _share_of_best(centrality)
    return rows
