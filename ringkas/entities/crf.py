"""A linear-chain CRF for decoding: the weights of a model trained with python-crfsuite,
exported to a compact numpy file, and Viterbi decoding with an adjustable penalty on the
outside label (a higher recall for the same model; tuned by cross-validation in
``scripts/train_ner.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import numpy as np

from ..errors import ModelError


class LinearChainCRF:
    """Emission weights per (feature, label), transition weights per (label, label)."""

    def __init__(self, labels: list[str], features: list[str], weights: np.ndarray, transitions: np.ndarray) -> None:
        self.labels = labels
        self.index = {name: n for n, name in enumerate(features)}
        self.features = features
        self.weights = weights
        self._padded = np.vstack([np.zeros((1, weights.shape[1]), dtype=np.float32), weights])
        self.transitions = transitions
        self.outside = labels.index("O")

    @classmethod
    def from_crfsuite(cls, path: str | Path) -> LinearChainCRF:
        """Read a model file written by ``pycrfsuite.Trainer.train``."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = sorted({label for _, label in info.state_features} | {a for pair in info.transitions for a in pair})
        position = {label: n for n, label in enumerate(labels)}
        features = sorted({name for name, _ in info.state_features})
        row = {name: n for n, name in enumerate(features)}
        weights = np.zeros((len(features), len(labels)), dtype=np.float32)
        for (name, label), weight in info.state_features.items():
            weights[row[name], position[label]] = weight
        transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (a, b), weight in info.transitions.items():
            transitions[position[a], position[b]] = weight
        tagger.close()
        return cls(labels, features, weights, transitions)

    def save(self, target: str | Path | IO[bytes]) -> None:
        np.savez_compressed(
            target,
            labels=np.array(self.labels),
            features=np.array(self.features),
            weights=self.weights.astype(np.float16),
            transitions=self.transitions,
        )

    @classmethod
    def load(cls, source: str | Path | IO[bytes]) -> LinearChainCRF:
        try:
            with np.load(source) as data:
                return cls(
                    [str(x) for x in data["labels"]],
                    [str(x) for x in data["features"]],
                    data["weights"].astype(np.float32),
                    data["transitions"].astype(np.float32),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read the CRF model: {exc}") from exc

    def tag(self, items: list[list[str]], outside_penalty: float = 0.0) -> list[str]:
        """The best label sequence for the items' features (Viterbi)."""
        return self.decode(self.emissions(items), outside_penalty)

    def emissions(self, items: list[list[str]]) -> np.ndarray:
        """[items, labels] emission scores: the sum of each item's known feature weights."""
        # One gather and one segmented sum for the whole sentence; row 0 of ``padded`` is zero,
        # so every item has at least one row even when none of its features is known.
        index = self.index
        rows: list[int] = []
        offsets: list[int] = []
        for features in items:
            offsets.append(len(rows))
            rows.append(0)
            rows.extend(r + 1 for r in map(index.get, features) if r is not None)
        return self.row_scores(rows, offsets)

    def row_scores(self, rows: list[int], offsets: list[int]) -> np.ndarray:
        """[items, labels] emission scores of items given as rows into the weights with one zero
        row leading (``emissions``' own form, and ``rows.FeatureRows``')."""
        if not rows:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return np.add.reduceat(self._padded[rows], offsets, axis=0)

    def row_scores_many(self, sentences: list[tuple[list[int], list[int]]]) -> list[np.ndarray]:
        """``row_scores`` of several (rows, offsets) items at once: one gather and one segmented
        sum for all of them (the same segments, so the same sums)."""
        if not sentences:
            return []
        rows: list[int] = []
        offsets: list[int] = []
        for sentence_rows, sentence_offsets in sentences:
            base = len(rows)
            rows.extend(sentence_rows)
            offsets.extend(base + o for o in sentence_offsets)
        if not rows:
            return [self.row_scores([], []) for _ in sentences]
        scores = np.add.reduceat(self._padded[rows], offsets, axis=0)
        ends = np.cumsum([len(o) for _, o in sentences])
        return np.split(scores, ends[:-1])

    def decode(self, emissions: np.ndarray, outside_penalty: float = 0.0) -> list[str]:
        """The best label sequence for [items, labels] emission scores (Viterbi), the outside
        label's scores lowered by ``outside_penalty``."""
        return self.decode_many([emissions], outside_penalty)[0]

    def decode_many(self, sequences: list[np.ndarray], outside_penalty: float = 0.0) -> list[list[str]]:
        """``decode`` for several sequences at once: each step of the recurrence is one array
        operation over the sequences still running (the same sums and maxima, so the same labels)."""
        if not sequences:
            return []
        lengths = np.array([len(e) for e in sequences])
        order = np.argsort(-lengths, kind="stable")
        steps, labels = int(lengths.max()), len(self.labels)
        if not steps:
            return [[] for _ in sequences]
        emissions = np.zeros((len(sequences), steps, labels), dtype=np.float32)
        for row, n in enumerate(order):
            emissions[row, : lengths[n]] = sequences[n]
        emissions[:, :, self.outside] -= outside_penalty
        running = (lengths[order][:, None] > np.arange(steps)[None, :]).sum(axis=0)
        score = emissions[:, 0].copy()
        back = np.zeros((len(sequences), steps, labels), dtype=np.int64)
        for n in range(1, steps):
            k = int(running[n])
            candidates = score[:k, :, None] + self.transitions
            back[:k, n] = candidates.argmax(axis=1)
            score[:k] = candidates.max(axis=1) + emissions[:k, n]
        best = np.zeros((len(sequences), steps), dtype=np.int64)
        current = score.argmax(axis=1)
        sorted_lengths = lengths[order]
        best[np.arange(len(sequences)), np.maximum(sorted_lengths - 1, 0)] = current
        for n in range(steps - 1, 0, -1):
            k = int(running[n])
            current[:k] = back[np.arange(k), n, current[:k]]
            best[:k, n - 1] = current[:k]
        out: list[list[str]] = [[] for _ in sequences]
        for row, n in enumerate(order):
            out[n] = [self.labels[i] for i in best[row, : lengths[n]]]
        return out
