"""Coverage summarizer: the sentences that cover most of what the sources agree on.

The facts of a story are approximated by word pairs (adjacent words, not both stopwords),
which works alike for every language written with spaces. A pair weighs, summed over the
articles that report it, how early each article reports it (leads carry the news); in a story
of several articles, a pair only one article reports weighs nothing, because agreement is the
evidence. Sentences are chosen greedily by the weight of the pairs they add that the summary
does not cover yet, per word spent (so repeating a fact earns nothing), plus a prior for early
sentences that takes over when the sources share little.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..lengths import LengthSpec
from ..models import Document
from ..tokens import Tokenizer
from .base import CJK, Candidate, budget, candidates, reading_order

if TYPE_CHECKING:
    from scipy import sparse

# Words; Han and kana one character at a time (their pairs then stand for words).
_TOKEN = re.compile(f"[{CJK}]|[^\\W{CJK}]+", re.UNICODE)

# One setting for every language and for one or many articles. Chosen on ViMs (Vietnamese,
# multi-article) and IndoSum (Indonesian, single article) together, plus same-topic groups of
# IndoSum articles where Lead is far ahead of LexRank; every value is on a plateau there
# (`python benchmarks/summarize.py --sweep` prints the neighbours).
POSITION_DECAY = 1.0  # an article's k-th sentence (from 0) reports with weight 1 / (1 + k)
MIN_ARTICLES = 2  # a fact needs this many articles behind it (when the story has that many)
COST_EXPONENT = 0.8  # gain per words**0.8: long sentences are not punished fully for length
POSITION_PRIOR = 3.0  # gain bonus of 3 / (1 + k) for an article's k-th sentence


class CoverageSummarizer:
    """Budgeted maximum coverage of the facts (word pairs) the articles agree on."""

    name = "coverage"

    def __init__(
        self,
        tokenizer: Tokenizer | None = None,
        *,
        position_decay: float = POSITION_DECAY,
        min_articles: int = MIN_ARTICLES,
        cost_exponent: float = COST_EXPONENT,
        position_prior: float = POSITION_PRIOR,
    ) -> None:
        self.stopwords = (tokenizer or Tokenizer()).stopwords
        self.position_decay = position_decay
        self.min_articles = min_articles
        self.cost_exponent = cost_exponent
        self.position_prior = position_prior

    def concepts(self, text: str) -> set[str]:
        """The word pairs a sentence reports (lower-cased, not both stopwords)."""
        words = _TOKEN.findall(text.lower())
        stop = self.stopwords
        return {a + " " + b for a, b in itertools.pairwise(words) if a not in stop or b not in stop}

    def concept_weights(self, documents: Sequence[Document]) -> tuple[np.ndarray, sparse.csr_matrix]:
        """Each concept's weight, and the sentence x concept incidence (a row per sentence, in
        document order)."""
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        doc_of: list[int] = []
        position: list[float] = []
        for d, doc in enumerate(documents):
            for k, sentence in enumerate(doc.sentences):
                row = len(doc_of)
                doc_of.append(d)
                position.append((1.0 + k) ** -self.position_decay)
                for concept in self.concepts(sentence.text):
                    cols.append(vocabulary.setdefault(concept, len(vocabulary)))
                    rows.append(row)
        n_concepts = max(1, len(vocabulary))
        row_of = np.asarray(rows, dtype=np.int64)
        col_of = np.asarray(cols, dtype=np.int64)
        from scipy import sparse  # loaded on first use: importing it costs ``ringkas stories`` 0.1 s

        incidence = sparse.csr_matrix((np.ones(len(rows)), (row_of, col_of)), shape=(len(doc_of), n_concepts))
        # earliest[d, c]: position weight of the first sentence of article d that reports c.
        earliest = np.zeros((len(documents), n_concepts))
        np.maximum.at(earliest, (np.asarray(doc_of, dtype=np.int64)[row_of], col_of), np.asarray(position)[row_of])
        weights = earliest.sum(axis=0)
        need = self.min_articles if len(documents) >= self.min_articles else 1
        weights[(earliest > 0).sum(axis=0) < need] = 0.0
        return weights, incidence

    def select(self, documents: Sequence[Document], length: LengthSpec) -> list[Candidate]:
        pool = candidates(documents)
        if not pool:
            return []
        max_sentences, max_words = budget(documents, length)
        value, by_sentence = self.concept_weights(documents)
        row = {(id(doc), s.index): n for n, (doc, s) in enumerate((doc, s) for doc in documents for s in doc.sentences)}
        incidence = by_sentence[np.array([row[(id(documents[c.doc]), c.sentence.index)] for c in pool])]
        words = np.array([c.words for c in pool], dtype=np.float64)
        prior = self.position_prior / (1.0 + np.array([c.sentence.index for c in pool], dtype=np.float64))
        # Against a sentence count, per-word gain would favour short sentences, total gain long
        # ones; the square root sits between.
        cost = words ** (self.cost_exponent if max_words is not None else 0.5)
        place = {(c.doc, c.sentence.index): i for i, c in enumerate(pool)}
        antecedent = np.array(
            [place.get((c.doc, c.sentence.index - 1), -1) if c.needs_previous else -1 for c in pool], dtype=np.int64
        )

        taken = np.zeros(len(pool), dtype=bool)
        chosen: list[int] = []
        used = 0
        while max_sentences is None or len(chosen) < max_sentences:
            allowed = ~taken & ((antecedent < 0) | taken[np.maximum(antecedent, 0)])
            if max_words is not None:
                allowed &= words <= max_words - used
            if not allowed.any():
                break
            gain = (incidence @ value + prior) / cost
            gain[~allowed] = -np.inf
            best = int(np.argmax(gain))
            taken[best] = True
            chosen.append(best)
            used += int(words[best])
            value[incidence.indices[incidence.indptr[best] : incidence.indptr[best + 1]]] = 0.0
        return reading_order(documents, [pool[i] for i in chosen])
