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
# Pair rows scored at a time: the splits' decisions for a block stay small (one byte per split and row).
_SCORE_ROWS = 512
# A tree of k splits is a table of 2**k leaf values (``_LeafCodes``): the shipped trees have 6 (7
# leaves); trees with more splits than this are walked down instead (their tables would be large).
_MAX_SPLITS = 12


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
        """The trees as a walk: per node the feature and threshold it splits on, and its children
        at ``2 * node`` (left) and ``2 * node + 1`` (right); a leaf is its own child."""
        nodes = np.arange(len(self.feature))
        feature = np.where(self.leaf, 0, self.feature).astype(np.intp)
        threshold = np.where(self.leaf, np.inf, self.threshold)
        children = np.empty(2 * len(nodes), dtype=np.intp)
        children[0::2] = np.where(self.leaf, nodes, self.left)
        children[1::2] = np.where(self.leaf, nodes, self.right)
        return feature, threshold, children

    @cached_property
    def _codes(self) -> _LeafCodes | None:
        """The trees as lookup tables (None when a tree has more than ``_MAX_SPLITS`` splits)."""
        return _LeafCodes.of(self)

    def score(self, rows: np.ndarray) -> np.ndarray:
        """Log-odds of one event for each row of pair features (any leading shape)."""
        data = np.asarray(rows, dtype=np.float64)
        flat = data.reshape(-1, data.shape[-1])
        out = np.empty(len(flat), dtype=np.float64)
        codes = self._codes
        for start in range(0, len(flat), _SCORE_ROWS):
            block = flat[start : start + _SCORE_ROWS]
            values = codes.leaf_values(block) if codes is not None else self._walk_down(block)
            # each tree's values a row, summed in tree order (the same floats either way)
            out[start : start + _SCORE_ROWS] = self.baseline - self.shift + values.sum(axis=0)
        return out.reshape(data.shape[:-1])

    def _walk_down(self, flat: np.ndarray) -> np.ndarray:
        """The value of the leaf each row reaches in each tree, (trees, rows), walking the trees
        ``depth`` levels down on every node's decision (for trees too large for ``_LeafCodes``)."""
        count = len(flat)
        feature, threshold, children = self._walk
        # Every node's decision for every row at once (right unless value <= threshold, so NaN
        # goes right), rows contiguous per node.
        right = np.ascontiguousarray((~(flat[:, feature] <= threshold)).T).ravel()
        node = np.repeat(self.roots.astype(np.intp)[:, None], count, axis=1)  # (trees, rows)
        columns = np.arange(count)
        for _ in range(self.depth):
            node = children[2 * node + right[node * count + columns]]
        values: np.ndarray = self.value[node]
        return values

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


@dataclass(frozen=True)
class _LeafCodes:
    """Each tree as a lookup table: a row going left at a tree's ``k``-th split (value at most the
    threshold; NaN goes right, as in ``LinkModel._walk_down``) sets bit ``k`` of the row's code in
    that tree, and ``table[offset + code]`` is the value of the leaf the row reaches. The trees'
    splits test few distinct (feature, threshold) pairs (276 for the shipped model's 1,800
    splits): each is compared once per row, then each tree's code is put together from those
    decisions and looked up, instead of walking ``depth`` levels down. Trees with fewer splits
    than the largest are padded with splits no code reads (their bits change no table entry)."""

    feature: np.ndarray  # (tests,) the distinct tests: feature and threshold
    threshold: np.ndarray  # (tests, 1)
    tests: np.ndarray  # (splits, trees): the test of each tree's k-th split
    table: np.ndarray  # (trees << splits,) leaf values, tree after tree
    offsets: np.ndarray  # (trees, 1) where each tree's table starts

    @classmethod
    def of(cls, model: LinkModel) -> _LeafCodes | None:
        trees: list[list[int]] = []
        for root in model.roots.tolist():
            splits: list[int] = []
            todo = [root]
            while todo:
                node = todo.pop()
                if not model.leaf[node]:
                    splits.append(node)
                    todo += [int(model.left[node]), int(model.right[node])]
            trees.append(splits)
        width = max(len(splits) for splits in trees)
        if width > _MAX_SPLITS:
            return None
        padded = np.full((len(trees), width), -1, dtype=np.intp)
        for n, splits in enumerate(trees):
            padded[n, : len(splits)] = splits
        real = padded >= 0
        bit = np.zeros(len(model.feature), dtype=np.intp)  # the bit each split sets
        bit[padded[real]] = np.nonzero(real)[1]
        # every tree walked down on every code, as ``LinkModel._walk_down`` walks it on decisions
        children = model._walk[2]
        codes = np.arange(1 << width)
        node = np.repeat(model.roots.astype(np.intp)[:, None], len(codes), axis=1)
        for _ in range(model.depth):
            node = children[2 * node + 1 - ((codes >> bit[node]) & 1)]
        feature = np.where(real, model.feature[padded], 0).T.ravel()
        threshold = np.where(real, model.threshold[padded], np.inf).T.ravel()
        distinct, tests = np.unique(np.stack([feature.astype(np.float64), threshold]), axis=1, return_inverse=True)
        return cls(
            feature=distinct[0].astype(np.intp),
            threshold=distinct[1].reshape(-1, 1),
            tests=tests.reshape(width, len(trees)),
            table=model.value[node].ravel(),
            offsets=(np.arange(len(trees), dtype=np.intp) << width)[:, None],
        )

    def leaf_values(self, flat: np.ndarray) -> np.ndarray:
        """The value of the leaf each row of ``flat`` reaches in each tree, (trees, rows)."""
        left = (np.ascontiguousarray(flat.T)[self.feature] <= self.threshold).astype(self._code_type)
        code = np.zeros((len(self.offsets), len(flat)), dtype=self._code_type)
        bits = np.empty_like(code)
        for k, tests in enumerate(self.tests):
            np.left_shift(left[tests], k, out=bits)
            code |= bits
        values: np.ndarray = self.table[self.offsets + code]
        return values

    @property
    def _code_type(self) -> type[np.unsignedinteger[Any]]:
        return np.uint8 if len(self.tests) <= 8 else np.uint16
