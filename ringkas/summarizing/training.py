"""Training the sentence scorer: labels from human summaries, a logistic fit, leave-one-set-out.

ViMs's multi-article clusters are labelled from their references: a sentence is 1 when the
greedy extractive oracle (the sentences that most raise ROUGE-1/2 against the references,
within the word budget) takes it. IndoSum brings its own extractive labels on its own sentence
split, used as they are. Every set weighs the same in the fit, however many sentences it has,
so that no one language or kind of story decides the weights. scikit-learn fits; ringkas
scores with the weights alone (``learned.Weights``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import FormatError
from ..models import Article, Document, Sentence
from .base import Candidate
from .features import FEATURES, sentence_features
from .learned import LearnedSummarizer, Weights
from .rouge import ngrams, rouge_tokens

# Regularisation of the logistic fit: sklearn's default strength; the left-out figures barely
# move between 0.1 and 10 (checked on ViMs and IndoSum).
C = 1.0


def fingerprint(cluster_id: str, references: Sequence[str]) -> str:
    """A short, stable name for an evaluation cluster: its id and first reference, hashed."""
    key = cluster_id + "\n" + (references[0] if references else "")
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class LabelledSentences:
    """The feature rows, oracle labels and cluster numbers of one set's candidate sentences."""

    name: str
    rows: np.ndarray
    labels: np.ndarray
    cluster: np.ndarray
    fingerprints: tuple[str, ...]


def oracle_choice(texts: Sequence[str], words: Sequence[int], references: Sequence[str], limit: int) -> set[int]:
    """The sentences the greedy oracle takes: each adds the most to mean ROUGE-1 + ROUGE-2 F1.

    Overlaps are kept per reference and updated by each sentence's own n-grams only, so a step
    costs the candidates' n-grams, not the summary's."""
    refs = [rouge_tokens(r) for r in references]
    ref_grams = [(ngrams(r, 1), ngrams(r, 2)) for r in refs]
    ref_sizes = [(max(1, len(r)), max(1, len(r) - 1)) for r in refs]
    grams = [(ngrams(t, 1), ngrams(t, 2)) for t in (rouge_tokens(x) for x in texts)]
    sizes = [(sum(u.values()), sum(b.values())) for u, b in grams]
    summary: tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]] = (Counter(), Counter())
    totals = [0, 0]
    overlaps = [[0, 0] for _ in refs]
    chosen: set[int] = set()
    used, best_score = 0, 0.0

    def gained(n: int, extra: Counter[tuple[str, ...]], ref: Counter[tuple[str, ...]]) -> int:
        have = summary[n]
        return sum(
            min(have[g] + k, ref[g]) - min(have[g], ref[g]) for g, k in extra.items() if g in ref and have[g] < ref[g]
        )

    while True:
        best, best_gain = -1, best_score
        for i in range(len(grams)):
            if i in chosen or not words[i] or used + words[i] > limit:
                continue
            score = 0.0
            for r, (ref, ref_size) in enumerate(zip(ref_grams, ref_sizes, strict=True)):
                for n in (0, 1):
                    overlap = overlaps[r][n] + gained(n, grams[i][n], ref[n])
                    if overlap:
                        p, q = overlap / (totals[n] + sizes[i][n]), overlap / ref_size[n]
                        score += 2 * p * q / (p + q)
            if score > best_gain + 1e-9:
                best, best_gain = i, score
        if best < 0:
            return chosen
        for r, (ref, _) in enumerate(zip(ref_grams, ref_sizes, strict=True)):
            for n in (0, 1):
                overlaps[r][n] += gained(n, grams[best][n], ref[n])
        for n in (0, 1):
            summary[n].update(grams[best][n])
            totals[n] += sizes[best][n]
        chosen.add(best)
        used += words[best]
        best_score = best_gain


def label_cluster(
    summarizer: LearnedSummarizer, documents: Sequence[Document], references: Sequence[str], limit: int
) -> tuple[list[Candidate], np.ndarray, np.ndarray]:
    """(candidates, feature rows, oracle labels) of one cluster."""
    pool = summarizer.pool(documents)
    if not pool:
        return [], np.zeros((0, len(FEATURES))), np.zeros(0)
    rows = sentence_features(documents, pool, summarizer.stopwords)
    taken = oracle_choice([c.sentence.text for c in pool], [c.words for c in pool], references, limit)
    labels = np.array([1.0 if i in taken else 0.0 for i in range(len(pool))])
    return pool, rows, labels


def fit(sets: Sequence[LabelledSentences], c: float = C) -> Weights:
    """Logistic weights on the pooled sets, each set weighing the same in total."""
    from sklearn.linear_model import LogisticRegression

    rows = np.vstack([s.rows for s in sets])
    labels = np.concatenate([s.labels for s in sets])
    weight = np.concatenate([np.full(len(s.labels), 1.0 / max(1, len(s.labels))) for s in sets])
    weight *= len(labels) / weight.sum()
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((rows - mean) / scale, labels, sample_weight=weight)
    return Weights(mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]))


def leave_one_set_out(sets: Sequence[LabelledSentences], c: float = C) -> dict[str, Weights]:
    """For each set, the weights trained on all the others (none when it is the only set)."""
    return {s.name: fit([o for o in sets if o.name != s.name], c) for s in sets if len(sets) > 1}


def gold_split_document(item: Mapping[str, Any], source: str, lineno: int) -> tuple[Document, list[bool]]:
    """An IndoSum line as one document split as its gold ``paragraphs`` say, with its gold
    extractive labels (one per sentence): the labels its authors made, no splitter in between."""
    paragraphs, labels = item.get("paragraphs"), item.get("gold_labels")
    articles = item.get("articles") or [{}]
    if not isinstance(paragraphs, list) or not isinstance(labels, list) or len(paragraphs) != len(labels):
        raise FormatError(
            "fields 'paragraphs' and 'gold_labels' must be lists of one length", source=source, line=lineno
        )
    article_id = str(articles[0].get("id") or item.get("id") or f"line-{lineno}")
    sentences: list[Sentence] = []
    flat: list[bool] = []
    text: list[str] = []
    offset = 0
    for p, (paragraph, marks) in enumerate(zip(paragraphs, labels, strict=True)):
        for sentence_text, mark in zip(paragraph, marks, strict=False):
            sentences.append(
                Sentence(article_id, len(sentences), sentence_text, offset, offset + len(sentence_text), p)
            )
            flat.append(bool(mark))
            text.append(sentence_text)
            offset += len(sentence_text) + 1
    article = Article(id=article_id, title=str(articles[0].get("title") or ""), text=" ".join(text))
    return Document(article=article, sentences=tuple(sentences)), flat


def label_gold(
    summarizer: LearnedSummarizer, document: Document, gold: Sequence[bool]
) -> tuple[np.ndarray, np.ndarray]:
    """(feature rows, gold labels) of a single article's candidates."""
    pool = summarizer.pool([document])
    if not pool:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    rows = sentence_features([document], pool, summarizer.stopwords)
    return rows, np.array([1.0 if gold[c.sentence.index] else 0.0 for c in pool])
