"""Analysis: turn a clean ``Article`` into a ``Document`` (sentences, language, and later names,
dates and quotes) that clustering and summarizing read without re-parsing text.
"""

from __future__ import annotations

from dataclasses import replace

import py3langid

from .models import Article, Document
from .sentences import SentenceSplitter
from .tokens import Tokenizer


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (decided per article, not per sentence)."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    code, _score = py3langid.classify(sample)
    # py3langid often labels Indonesian as Malay on short text; Malay outlets say so in metadata.
    return "id" if code == "ms" else str(code)


class Analyzer:
    """Holds the language tools (splitter, tokenizer) and analyses one article at a time."""

    def __init__(self) -> None:
        self.splitter = SentenceSplitter()
        self.tokenizer = Tokenizer()

    def analyse(self, article: Article) -> Document:
        if article.language is None:
            article = replace(article, language=detect_language(article.title + "\n" + article.text))
        sentences = self.splitter.split(article.text, article.id)
        return Document(article=article, sentences=sentences)
