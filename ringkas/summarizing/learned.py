"""Learned summarizer: a logistic sentence scorer learned from labelled sets, then a readable pick.

Each candidate sentence gets the probability that an editor's summary keeps it, from
``features.FEATURES`` and weights learned by ``scripts/train_sentences.py`` on every labelled
set at hand (ViMs references, IndoSum; see ``training``). Position is a feature, so where the
articles share little the scorer falls back to leads. Sentences are then taken best first
while they fit, skipping those that repeat a chosen one (in words or in fact), and the
summary opens with the best sentence (the story list shows it alone). The weights ship in
``ringkas/data/sentence-model.json``, with the weights trained without each set so that an
evaluation can score a set with a model that never saw it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..lengths import LengthSpec
from ..models import Document
from ..tokens import Tokenizer
from .base import Candidate, budget, candidates, reading_order
from .coverage import COST_EXPONENT, CoverageSummarizer
from .features import FEATURES, sentence_features, word_pairs
from .readability import Fact, fact_of, restates, said_words, same_fact, without_dateline
from .story_core import outlier_articles

MODEL_FILE = "sentence-model.json"
# Two sentences whose word pairs overlap this much (a share of the shorter one's) say the same;
# the usual near-duplicate cut, left as it was before the scorer was learned (not tuned).
OVERLAP = 0.5
# How much the learned score counts beside the new agreed facts a sentence adds (both scaled to
# the story's best): chosen by the left-out figures of ViMs and IndoSum together (the larger of
# the two sets' worst ratio to Lead), see scripts/train_sentences.py --prior-weights.
PRIOR_WEIGHT = 0.25


@dataclass(frozen=True)
class Weights:
    """A logistic model on standardised features: p = sigmoid(((x - mean) / scale) . coef + intercept)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def score(self, rows: np.ndarray) -> np.ndarray:
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {
            "mean": [round(float(x), 8) for x in self.mean],
            "scale": [round(float(x), 8) for x in self.scale],
            "coef": [round(float(x), 8) for x in self.coef],
            "intercept": round(float(self.intercept), 8),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], width: int) -> Weights:
        mean, scale, coef = (np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef"))
        if any(a.shape != (width,) for a in (mean, scale, coef)):
            raise ConfigError(f"sentence model: weights for {width} features expected")
        return cls(mean, scale, coef, float(data["intercept"]))


@dataclass(frozen=True)
class SentenceModel:
    """The shipped weights, the weights trained without each set, and which clusters each set holds
    (short fingerprints, see ``training.fingerprint``)."""

    weights: Weights
    left_out: Mapping[str, Weights] = field(default_factory=dict)
    clusters: Mapping[str, frozenset[str]] = field(default_factory=dict)
    features: tuple[str, ...] = FEATURES
    note: str = ""

    def without_set_of(self, fingerprint: str) -> tuple[str | None, Weights]:
        """(the training set holding this cluster, the weights trained without it); (None, the
        shipped weights) for a cluster no set holds."""
        for name, members in self.clusters.items():
            if fingerprint in members and name in self.left_out:
                return name, self.left_out[name]
        return None, self.weights

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "logistic",
            "features": list(self.features),
            "note": self.note,
            "weights": self.weights.to_json(),
            "left_out": {name: w.to_json() for name, w in self.left_out.items()},
            "clusters": {name: sorted(members) for name, members in self.clusters.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SentenceModel:
        features = tuple(data.get("features", ()))
        if features != FEATURES:
            raise ConfigError("sentence model: its features differ from this ringkas (rebuild it)")
        width = len(features)
        return cls(
            weights=Weights.from_json(data["weights"], width),
            left_out={k: Weights.from_json(v, width) for k, v in data.get("left_out", {}).items()},
            clusters={k: frozenset(v) for k, v in data.get("clusters", {}).items()},
            features=features,
            note=str(data.get("note", "")),
        )

    @classmethod
    def untrained(cls) -> SentenceModel:
        """A model that scores every sentence alike (for labelling, before any training)."""
        width = len(FEATURES)
        return cls(Weights(np.zeros(width), np.ones(width), np.zeros(width), 0.0))

    @classmethod
    def load(cls, path: str | Path | None = None) -> SentenceModel:
        """The model at ``path``, or the one shipped in ``ringkas/data``."""
        try:
            if path is None:
                text = resources.files("ringkas.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
            return cls.from_json(json.loads(text))
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"cannot read the sentence model {path or MODEL_FILE}: {exc}") from None


class LearnedSummarizer:
    """Sentences best first by the learned scorer, no repeats in words or facts, the best one first."""

    name = "learned"

    def __init__(
        self,
        tokenizer: Tokenizer | None = None,
        *,
        model: SentenceModel | None = None,
        weights: Weights | None = None,
        prior_weight: float = PRIOR_WEIGHT,
    ) -> None:
        self.stopwords = (tokenizer or Tokenizer()).stopwords
        self.coverage = CoverageSummarizer(tokenizer)
        self.model = model or SentenceModel.load()
        self.weights = weights or self.model.weights
        self.prior_weight = prior_weight

    def with_weights(self, weights: Weights) -> LearnedSummarizer:
        """The same summarizer with other weights (a left-out model in an evaluation)."""
        out = LearnedSummarizer(model=self.model, weights=weights, prior_weight=self.prior_weight)
        out.stopwords, out.coverage = self.stopwords, self.coverage
        return out

    def pool(self, documents: Sequence[Document]) -> list[Candidate]:
        """The candidates, datelines cut off, without the articles outside the story's core (about
        another happening, see ``story_core``)."""
        away = outlier_articles(documents, self.stopwords)
        return [replace(c, sentence=without_dateline(c.sentence)) for c in candidates(documents) if c.doc not in away]

    def scores(self, documents: Sequence[Document], pool: Sequence[Candidate]) -> np.ndarray:
        return self.weights.score(sentence_features(documents, pool, self.stopwords))

    def select(self, documents: Sequence[Document], length: LengthSpec) -> list[Candidate]:
        pool = self.pool(documents)
        if not pool:
            return []
        return self.choose(documents, pool, self.scores(documents, pool), length)

    def choose(
        self, documents: Sequence[Document], pool: Sequence[Candidate], score: np.ndarray, length: LengthSpec
    ) -> list[Candidate]:
        """The summary from scored candidates: greedily the sentence with the most new agreed
        facts and the highest learned score per word, while it fits and repeats nothing (in word
        pairs, in figures and names, or, from another article, in most of its words); the first
        one taken opens the summary."""
        max_sentences, max_words = budget(documents, length)
        value, by_sentence = self.coverage.concept_weights(documents)
        row = {
            (d, s.index): n for n, (d, s) in enumerate((d, s) for d, doc in enumerate(documents) for s in doc.sentences)
        }
        incidence = by_sentence[np.array([row[(c.doc, c.sentence.index)] for c in pool])]
        words = np.array([max(1, c.words) for c in pool], dtype=np.float64)
        # As in the coverage summarizer: per word**0.8 against a word budget, per sqrt(words)
        # against a sentence count (per-word gain would favour short sentences, total gain long ones).
        cost = words ** (COST_EXPONENT if max_words is not None else 0.5)
        coverage = incidence @ value
        scale = float((coverage / cost).max())
        prior = self.prior_weight * score / max(1e-9, float(score.max())) / cost * cost.min()
        pairs = [word_pairs(c.sentence.text, self.stopwords) for c in pool]
        facts = [fact_of(c.sentence.text) for c in pool]
        said = [said_words(c.sentence.text, self.stopwords) for c in pool]
        article = np.array([c.doc for c in pool])
        place = {(c.doc, c.sentence.index): i for i, c in enumerate(pool)}
        antecedent = np.array([place.get((c.doc, c.sentence.index - 1), -1) if c.needs_previous else -1 for c in pool])
        allowed = np.ones(len(pool), dtype=bool)
        taken = np.zeros(len(pool), dtype=bool)
        chosen: list[int] = []
        used = 0
        while max_sentences is None or len(chosen) < max_sentences:
            open_ = allowed & ~taken & ((antecedent < 0) | taken[np.maximum(antecedent, 0)])
            if max_words is not None:
                open_ &= words <= max_words - used
            if not open_.any():
                break
            gain = (incidence @ value) / cost / (scale or 1.0) + prior
            gain[~open_] = -np.inf
            best = int(np.argmax(gain))
            taken[best] = True
            chosen.append(best)
            used += int(words[best])
            value[incidence.indices[incidence.indptr[best] : incidence.indptr[best + 1]]] = 0.0
            for j in np.flatnonzero(allowed & ~taken):
                if _repeats(pairs[j], facts[j], pairs[best], facts[best]):
                    allowed[j] = False
                elif article[j] != article[best] and restates(said[j], said[best]):
                    allowed[j] = False  # another article's wording of a chosen sentence
        if not chosen:
            return []
        ordered = reading_order(documents, [pool[i] for i in chosen])
        lede = pool[chosen[0]]
        if lede.needs_previous:
            return ordered
        # The first sentence taken opens the summary (it is the story's one-line lead); the rest
        # keep reading order, a sentence still right after its antecedent.
        start = ordered.index(lede)
        end = start + 1
        while end < len(ordered) and ordered[end].needs_previous:
            end += 1
        return ordered[start:end] + ordered[:start] + ordered[end:]


def _repeats(pairs: frozenset[str], fact: Fact, other_pairs: frozenset[str], other_fact: Fact) -> bool:
    if same_fact(fact, other_fact):
        return True
    shorter = min(len(pairs), len(other_pairs))
    return shorter > 0 and len(pairs & other_pairs) / shorter > OVERLAP
