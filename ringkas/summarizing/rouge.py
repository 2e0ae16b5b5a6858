"""ROUGE-1, ROUGE-2 and ROUGE-L F1, computed here so that every language counts.

Tokens are the lower-cased ``\\w+`` runs of the text (Unicode aware, so Vietnamese or
Indonesian words with diacritics are kept whole), with no stemming and no stopword removal.
ROUGE-L is the longest common subsequence of the two whole token sequences. Against several
references a score is the mean of the per-reference F1 scores (not the best one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)


def rouge_tokens(text: str) -> list[str]:
    """The tokens ROUGE compares: lower-cased ``\\w+`` runs."""
    return _TOKEN.findall(text.lower())


def word_count(text: str) -> int:
    """Length of a text in ROUGE tokens; word budgets are measured with it."""
    return len(_TOKEN.findall(text))


@dataclass(frozen=True)
class RougeScores:
    """F1 scores on a 0-100 scale."""

    rouge1: float
    rouge2: float
    rougeL: float

    def as_tuple(self) -> tuple[float, float, float]:
        return (self.rouge1, self.rouge2, self.rougeL)


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def f1(overlap: float, candidate_total: float, reference_total: float) -> float:
    if overlap <= 0 or candidate_total <= 0 or reference_total <= 0:
        return 0.0
    precision = overlap / candidate_total
    recall = overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def ngram_f1(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    cand, ref = ngrams(candidate, n), ngrams(reference, n)
    overlap = sum((cand & ref).values())
    return f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence, bit-parallel (Hyyrö 2004) over Python ints.

    Bit i of ``row`` is 1 while position i of ``a`` is not yet matched; each token of ``b``
    updates all positions at once, so the cost is len(b) big-int operations, not len(a)*len(b).
    """
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for token in b:
        match = row & masks.get(token, 0)
        row = ((row + match) | (row - match)) & full
    return len(a) - row.bit_count()


def lcs_f1(candidate: Sequence[str], reference: Sequence[str]) -> float:
    return f1(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge(candidate: str, references: Sequence[str]) -> RougeScores:
    """ROUGE-1/2/L F1 (0-100) of a candidate, averaged over its references."""
    if not references:
        raise ValueError("ROUGE needs at least one reference")
    cand = rouge_tokens(candidate)
    totals = [0.0, 0.0, 0.0]
    for reference in references:
        ref = rouge_tokens(reference)
        totals[0] += ngram_f1(cand, ref, 1)
        totals[1] += ngram_f1(cand, ref, 2)
        totals[2] += lcs_f1(cand, ref)
    k = 100.0 / len(references)
    return RougeScores(totals[0] * k, totals[1] * k, totals[2] * k)


def mean_scores(scores: Sequence[RougeScores]) -> RougeScores:
    """The mean over clusters (each cluster already averaged over its references)."""
    if not scores:
        return RougeScores(0.0, 0.0, 0.0)
    n = len(scores)
    return RougeScores(
        sum(s.rouge1 for s in scores) / n, sum(s.rouge2 for s in scores) / n, sum(s.rougeL for s in scores) / n
    )
