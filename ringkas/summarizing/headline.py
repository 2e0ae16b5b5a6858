"""Headlines: the story's most representative title, or a compressed lead when none has one."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..models import Document
from ..tokens import Tokenizer
from ..vectors import tfidf_matrix
from .base import is_noise, needs_previous


def choose_headline(documents: Sequence[Document], tokenizer: Tokenizer, max_words: int = 16) -> str:
    """The title closest to what the articles' leads say; without titles, the first lead that
    stands alone, cut at a clause boundary."""
    titled = [d for d in documents if d.article.title.strip()]
    if len(titled) == 1:  # the only title is the closest (most stories have one article)
        return titled[0].article.title.strip()
    if titled:
        texts = [d.article.title for d in titled] + [" ".join(s.text for s in d.sentences[:5]) for d in documents]
        rows = tfidf_matrix(texts, tokenizer)
        titles, bodies = rows[: len(titled)], rows[len(titled) :]
        centroid = np.asarray(bodies.mean(axis=0)).ravel()
        scores = np.asarray(titles @ centroid).ravel()
        return titled[int(np.argmax(scores))].article.title.strip()
    for doc in documents:
        for sentence in doc.sentences:
            if not is_noise(sentence.text) and not needs_previous(sentence.text):
                return compress_lead(sentence.text, max_words)
    for doc in documents:
        if doc.sentences:
            return compress_lead(doc.sentences[0].text, max_words)
    return "(untitled story)"


def compress_lead(sentence: str, max_words: int) -> str:
    """The lead sentence cut at a clause boundary within ``max_words``."""
    text = re.sub(r"\s+", " ", sentence).strip().rstrip(".")
    words = text.split()
    if len(words) <= max_words:
        return text
    cut = " ".join(words[:max_words])
    for mark in (",", " yang ", " untuk ", " di "):
        pos = cut.rfind(mark)
        if pos > len(cut) // 2:
            return cut[:pos].strip()
    return cut + "…"
