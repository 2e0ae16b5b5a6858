"""Tokens: words, stopwords and stems for the stages that compare or weigh text.

Indonesian stopwords and stems come from PySastrawi; other languages get lower-cased words
with a small English stopword list. A ``Tokenizer`` caches stems per instance (the engine
owns one), never in module state.
"""

from __future__ import annotations

import re

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
# A word after a token ending in one of these opens a sentence, a quote or a bracket: its capital
# says nothing about whether it is a name (the stages that read names from capitals use it).
SENTENCE_OPENERS = frozenset('.!?:;"\u201c\u201d([')

ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "me",
        "him",
        "them",
        "us",
        "not",
        "no",
        "so",
        "than",
        "too",
        "very",
        "can",
        "will",
        "would",
        "should",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "said",
        "says",
        "say",
        "also",
        "into",
        "over",
        "after",
        "before",
        "about",
        "up",
        "down",
        "out",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "own",
        "same",
        "just",
        "now",
        "new",
        "one",
        "two",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "each",
        "few",
        "both",
        "there",
        "here",
        "while",
        "during",
        "against",
        "between",
        "under",
        "again",
        "further",
        "once",
    ]
)


# Stems a tokenizer remembers: the vocabulary of a large store.
MAX_STEMS = 500_000


class Tokenizer:
    """Words, content words and stems; holds a stem cache, so reuse one instance."""

    def __init__(self) -> None:
        self._stemmer = StemmerFactory().create_stemmer()
        self.stopwords = frozenset(StopWordRemoverFactory().get_stop_words()) | ENGLISH_STOPWORDS
        self._stems: dict[str, str] = {}

    @staticmethod
    def words(text: str) -> list[str]:
        """Lower-cased word tokens (letters and digits, inner hyphens kept)."""
        return [w.lower() for w in _WORD.findall(text)]

    def stem(self, word: str) -> str:
        cached = self._stems.get(word)
        if cached is None:
            cached = self._stemmer.stem(word) if word.isalpha() and len(word) > 3 else word
            if len(self._stems) < MAX_STEMS:
                self._stems[word] = cached
        return cached

    def stems(self) -> dict[str, str]:
        """The stems found so far (word -> stem), to hand another process's tokenizer."""
        return dict(self._stems)

    def remember(self, stems: dict[str, str]) -> None:
        """Take stems another tokenizer found (the same stemmer gives the same stems)."""
        room = max(0, MAX_STEMS - len(self._stems))
        self._stems.update(list(stems.items())[:room])

    def content_words(self, text: str, *, stem: bool = True) -> list[str]:
        """Words minus stopwords and one-letter tokens, stemmed (Indonesian affixes)."""
        out = []
        for word in self.words(text):
            if word in self.stopwords or len(word) < 2:
                continue
            out.append(self.stem(word) if stem else word)
        return out
