"""The link decision: how likely two articles report the same happening, learned from labelled pairs.

Gradient-boosted trees over what two articles share (``FEATURES``: TF-IDF cosines of the whole
text, the headlines, the leads and the names, how much of one headline the other reports, the
embedding cosine and how far each stands above chance, shared or differing figures, same outlet,
listicles, two languages) give the probability that they report one event; stories
are average-link clusters of these probabilities. The trees ship in ``ringkas/data/link-model.json``
(scikit-learn trains them, ``scripts/train_links.py`` rebuilds the file; ringkas evaluates them in
numpy). Only pairs that share enough words or meaning (``prefilter_*``) are scored when an article
arrives: on the labelled sets the others are almost never one event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError

FEATURES = (
    "body",  # TF-IDF cosine of headline and text (the heaviest terms)
    "body_z",  # that cosine above chance, in spreads (each article's own mean and spread in its window)
    "title",  # TF-IDF cosine of the headlines
    "lead",  # TF-IDF cosine of the leads (first words of the text)
    "names",  # TF-IDF cosine of the names (capitalised words inside sentences)
    # the smaller share (IDF-weighted) of one headline's words found in the other's headline, lead or names
    "headline_in",
    "headline_in_max",  # the larger one
    "cosine",  # embedding cosine
    "z",  # embedding cosine above chance, in spreads (each article's own mean and spread)
    "figures",  # Jaccard of the figures in headline and lead
    "figures_differ",  # both give figures and share none
    "days",  # days between the publication dates / window (0 when either is undated)
    "same_outlet",  # both from one outlet
    "company",  # log(1 + articles in the window when the later of the two arrived): small stores differ
    "listicle",  # either headline is a numbered list
    "cross_language",  # two languages
    "z_cross",  # z when the languages differ
    "body_cross",  # TF-IDF cosine when the languages differ (names, numbers)
)
MODEL_FILE = "link-model.json"
# Pair rows scored at a time: the nodes' decisions for a block stay small (one byte per node and row).
_SCORE_ROWS = 256


@dataclass(frozen=True)
class LinkModel:
    """Boosted regression trees on pair features: p = sigmoid(baseline + sum of leaf values - shift).

    The trees are flattened into arrays: node ``n`` splits on ``feature[n]`` at ``threshold[n]``
    (left when the value is at most the threshold) unless ``leaf[n]``, where ``value[n]`` is added;
    ``roots`` are the first nodes of the trees."""

    feature: np.ndarray  # int32
    threshold: np.ndarray  # float64
    left: np.ndarray  # int32
    right: np.ndarray  # int32
    leaf: np.ndarray  # bool
    value: np.ndarray  # float64
    roots: np.ndarray  # int32
    baseline: float
    depth: int
    # the cut: the intercept moved so that 0.5 is the average-link threshold chosen on held-out sets
    shift: float = 0.0
    # An arriving article is scored against earlier ones with body_z >= prefilter_body_z or
    # z >= prefilter_z (see training.PREFILTER).
    prefilter_body_z: float = 1.5
    prefilter_z: float = 1.5
    features: tuple[str, ...] = FEATURES
    trained_on: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        sizes = {
            len(self.feature),
            len(self.threshold),
            len(self.left),
            len(self.right),
            len(self.leaf),
            len(self.value),
        }
        if len(sizes) != 1:
            raise ConfigError("link model: the node arrays differ in length")

    @classmethod
    def constant(cls, probability: float = 0.5) -> LinkModel:
        """One leaf: every pair gets ``probability`` (a placeholder while pairs are computed)."""
        return cls(
            feature=np.zeros(1, dtype=np.int32),
            threshold=np.zeros(1),
            left=np.zeros(1, dtype=np.int32),
            right=np.zeros(1, dtype=np.int32),
            leaf=np.ones(1, dtype=bool),
            value=np.zeros(1),
            roots=np.zeros(1, dtype=np.int32),
            baseline=float(np.log(probability / (1 - probability))),
            depth=0,
        )

    def prefilter_pair(self) -> tuple[float, float]:
        return (self.prefilter_body_z, self.prefilter_z)

    def with_shift(self, shift: float) -> LinkModel:
        return replace(self, shift=shift)

    @cached_property
    def _walk(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The trees for ``score``: per node the feature and threshold it splits on, and its
        children at ``2 * node`` (left) and ``2 * node + 1`` (right); a leaf is its own child."""
        nodes = np.arange(len(self.feature))
        feature = np.where(self.leaf, 0, self.feature).astype(np.intp)
        threshold = np.where(self.leaf, np.inf, self.threshold)
        children = np.empty(2 * len(nodes), dtype=np.intp)
        children[0::2] = np.where(self.leaf, nodes, self.left)
        children[1::2] = np.where(self.leaf, nodes, self.right)
        return feature, threshold, children

    def score(self, rows: np.ndarray) -> np.ndarray:
        """Log-odds of one event for each row of pair features (any leading shape)."""
        data = np.asarray(rows, dtype=np.float64)
        flat = data.reshape(-1, data.shape[-1])
        out = np.empty(len(flat), dtype=np.float64)
        for start in range(0, len(flat), _SCORE_ROWS):
            out[start : start + _SCORE_ROWS] = self._score_block(flat[start : start + _SCORE_ROWS])
        return out.reshape(data.shape[:-1])

    def _score_block(self, flat: np.ndarray) -> np.ndarray:
        count = len(flat)
        feature, threshold, children = self._walk
        # Every node's decision for every row at once (right unless value <= threshold, so NaN
        # goes right), rows contiguous per node; then each tree is walked down ``depth`` levels.
        right = np.ascontiguousarray((~(flat[:, feature] <= threshold)).T).ravel()
        node = np.repeat(self.roots.astype(np.intp)[:, None], count, axis=1)  # (trees, rows)
        columns = np.arange(count)
        for _ in range(self.depth):
            node = children[2 * node + right[node * count + columns]]
        out: np.ndarray = self.baseline - self.shift + self.value[node].sum(axis=0)
        return out

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """P(same event) of each row of pair features (columns in ``features`` order)."""
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(self.score(rows), -30.0, 30.0)))
        return out

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "boosted-trees",
            "features": list(self.features),
            "baseline": round(float(self.baseline), 10),
            "shift": self.shift,
            "depth": self.depth,
            "prefilter_body_z": self.prefilter_body_z,
            "prefilter_z": self.prefilter_z,
            "trained_on": list(self.trained_on),
            "note": self.note,
            "roots": self.roots.tolist(),
            "feature": self.feature.tolist(),
            "threshold": [round(float(v), 10) for v in self.threshold],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "leaf": [int(v) for v in self.leaf],
            "value": [round(float(v), 10) for v in self.value],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str = MODEL_FILE) -> LinkModel:
        try:
            features = tuple(str(f) for f in data["features"])
            if features != FEATURES:
                raise ConfigError(f"{source}: features {features} are not this version's {FEATURES}")
            return cls(
                feature=np.asarray(data["feature"], dtype=np.int32),
                threshold=np.asarray(data["threshold"], dtype=np.float64),
                left=np.asarray(data["left"], dtype=np.int32),
                right=np.asarray(data["right"], dtype=np.int32),
                leaf=np.asarray(data["leaf"], dtype=bool),
                value=np.asarray(data["value"], dtype=np.float64),
                roots=np.asarray(data["roots"], dtype=np.int32),
                baseline=float(data["baseline"]),
                depth=int(data["depth"]),
                shift=float(data.get("shift", 0.0)),
                prefilter_body_z=float(data.get("prefilter_body_z", 1.5)),
                prefilter_z=float(data.get("prefilter_z", 1.5)),
                features=features,
                trained_on=tuple(str(s) for s in data.get("trained_on", ())),
                note=str(data.get("note", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: not a link model ({type(exc).__name__}: {exc})") from None

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path | None = None) -> LinkModel:
        """The model in ``path``, or the one shipped in the package."""
        if path is None:
            text = resources.files("ringkas.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
            return cls.from_json(json.loads(text))
        try:
            return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")), str(path))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the link model ({exc})") from None
