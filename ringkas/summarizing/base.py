"""What every summarizer shares: the interface, candidate sentences and budget handling."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..lengths import LengthSpec
from ..models import Document, Sentence

# Sentences opening with these need an antecedent the summary may not carry.
DANGLING_OPENERS = re.compile(
    r"^(ia|dia|mereka|namun|tetapi|tapi|sementara itu|oleh karena itu|oleh sebab itu|karena itu|hal ini|"
    r"hal itu|itu|ini|selain itu|di sisi lain|adapun|kemudian|lalu|sedangkan|jadi|bahkan|"
    r"he|she|they|it|however|but|this|that|meanwhile|also)\b",
    re.IGNORECASE,
)
_QUOTE_ONLY = re.compile(r'^["\u201c][^"\u201d]+["\u201d]\.?$')


@dataclass(frozen=True)
class Candidate:
    """A sentence a summarizer may pick: which document, which sentence, its word count."""

    doc: int
    sentence: Sentence
    words: int


class Summarizer(Protocol):
    name: str

    def select(self, documents: Sequence[Document], length: LengthSpec) -> list[Candidate]: ...


def candidates(documents: Sequence[Document], *, min_words: int = 6, max_words: int = 70) -> list[Candidate]:
    """Sentences that can stand alone in a summary."""
    out = []
    for d, doc in enumerate(documents):
        for sentence in doc.sentences:
            text = sentence.text
            words = len(text.split())
            if not min_words <= words <= max_words:
                continue
            if DANGLING_OPENERS.match(text) or _QUOTE_ONLY.match(text) or text.endswith("?"):
                continue
            out.append(Candidate(d, sentence, words))
    return out


def total_size(documents: Sequence[Document]) -> tuple[int, int]:
    sentences = sum(len(d.sentences) for d in documents)
    words = sum(len(s.text.split()) for d in documents for s in d.sentences)
    return sentences, words


def fits(chosen: list[Candidate], extra: Candidate, max_sentences: int | None, max_words: int | None) -> bool:
    if max_sentences is not None and len(chosen) + 1 > max_sentences:
        return False
    return max_words is None or sum(c.words for c in chosen) + extra.words <= max_words


def reading_order(documents: Sequence[Document], chosen: list[Candidate]) -> list[Candidate]:
    """Earlier articles first, then the order of sentences within an article."""

    def key(c: Candidate) -> tuple[int, str, int]:
        published = documents[c.doc].article.published
        return (published.toordinal() if published else 10**7, documents[c.doc].id, c.sentence.index)

    return sorted(chosen, key=key)
