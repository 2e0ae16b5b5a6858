"""The name network's per-word inputs, computed once per word type and kept between batches.

What the network makes of a word alone (its sub-word vector and characters times the LSTM's
input weights, and its piece count, casing and word-list flags) does not depend on the sentence;
news repeats its words from batch to batch, so ``NetworkWords`` keeps these rows for the words
met first (a bounded table) and computes only the words it has not met. The rows are those
``NetworkEnsemble.word_gates`` and ``word_extras`` give, so the network's scores are unchanged.
"""

from __future__ import annotations

import numpy as np

from .network import EXTRA_SIZE, NetworkEnsemble, word_extras
from .vectors import SubwordVectors

# Words whose rows are kept: 4.2 KB each with two networks of 64 units, so at most about 50 MB.
# The first 12,000 word types met in the real stream's last 1,000 articles cover 91% of its
# tokens (20,000 cover 98%); the words past the limit are computed again in each batch.
WORD_LIMIT = 12_000


class NetworkWords:
    """The kept rows: ``gates`` [words, passes, 4 x hidden] and ``extras`` [words, EXTRA_SIZE]."""

    def __init__(self, network: NetworkEnsemble, vectors: SubwordVectors, limit: int = WORD_LIMIT) -> None:
        self.network = network
        self.vectors = vectors
        self.limit = limit
        self._row: dict[str, int] = {}
        # Zeroed tables of the full size: the system maps their pages in as rows are written, so
        # memory grows with the words kept, without the copies of a growing array.
        self._gates = np.zeros((limit, network.passes, 4 * network.networks[0].hidden), dtype=np.float32)
        self._extras = np.zeros((limit, EXTRA_SIZE), dtype=np.float32)

    def rows(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(gates, extras) of distinct ``words``, row n for words[n]."""
        found = [self._row.get(w, -1) for w in words]
        kept = [n for n, row in enumerate(found) if row >= 0]
        new = [n for n, row in enumerate(found) if row < 0]
        gates = np.empty((len(words), *self._gates.shape[1:]), dtype=np.float32)
        extras = np.empty((len(words), EXTRA_SIZE), dtype=np.float32)
        if kept:
            rows = [found[n] for n in kept]
            gates[kept] = self._gates[rows]
            extras[kept] = self._extras[rows]
        if new:
            unseen = [words[n] for n in new]
            vectors, pieces = self.vectors.many(unseen)
            gates[new] = computed_gates = self.network.word_gates(vectors, self.network.char_ids(unseen))
            extras[new] = computed_extras = word_extras(unseen, pieces)
            self._keep(unseen, computed_gates, computed_extras)
        return gates, extras

    def _keep(self, words: list[str], gates: np.ndarray, extras: np.ndarray) -> None:
        room = self.limit - len(self._row)
        if room <= 0:
            return
        words, gates, extras = words[:room], gates[:room], extras[:room]
        start = len(self._row)
        end = start + len(words)
        self._gates[start:end] = gates
        self._extras[start:end] = extras
        for n, word in enumerate(words, start):
            self._row[word] = n
