"""Analysis: turn a clean ``Article`` into a ``Document`` (sentences, language, and later names,
dates and quotes) that clustering and summarizing read without re-parsing text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .cleaning.language import LanguageIdentifier
from .dates import DateFinder, to_iso
from .entities import NameTagger, find_role
from .entities.spans import Span, Token
from .entities.tagger import NETWORK_WEIGHT
from .models import Article, Document, Mention, Sentence, TimeExpression
from .quotes import QuoteExtractor
from .sentences import SentenceSplitter
from .tokens import Tokenizer

# Languages whose dates, names and roles the Indonesian tools read (Malay shares them).
INDONESIAN = frozenset({"id", "ms"})
# The default of the setting ``analysis_max_chars``: a long news article is 10-30 KB of text.
MAX_ANALYSED_CHARS = 100_000
# Sentences handed to the name tagger at once: its per-token structures live for one batch only.
NAME_BATCH_SENTENCES = 256


def sentence_mentions(sentence: Sentence, tokens: list[Token], spans: list[Span]) -> list[Mention]:
    """The tagger's spans in one sentence as mentions; people get the role an apposition gives them."""
    persons = [(a, b) for a, b, kind in spans if kind == "PERSON"]
    out = []
    for a, b, kind in spans:
        start, end = tokens[a][1], tokens[b - 1][2]
        role = find_role(sentence.text, tokens, (a, b), persons) if kind == "PERSON" else None
        out.append(
            Mention(
                text=sentence.text[start:end],
                kind=kind,
                article_id=sentence.article_id,
                sentence_index=sentence.index,
                start=sentence.start + start,
                end=sentence.start + end,
                role=role,
            )
        )
    return out


class Analyzer:
    """Holds the language tools (splitter, tokenizer) and analyses articles, one or a batch at a time."""

    def __init__(
        self, *, quote_paraphrases: bool = False, name_network: bool = True, max_chars: int = MAX_ANALYSED_CHARS
    ) -> None:
        self.max_chars = max_chars
        self.language = LanguageIdentifier()  # for articles that did not come through the cleaner
        self.splitter = SentenceSplitter()
        self.tokenizer = Tokenizer()
        self.dates = DateFinder()
        # The CRF (and the network, unless turned off) load on the first Indonesian sentence.
        self.names = NameTagger(network_weight=NETWORK_WEIGHT if name_network else 0.0)
        self.quotes = QuoteExtractor(paraphrases=quote_paraphrases)

    def analyse(self, article: Article) -> Document:
        """The article's sentences, dates, names and quotes, found in its first ``max_chars``
        characters (the document's article carries that text; the stored article keeps it all)."""
        return self.analyse_many([article])[0]

    def analyse_many(self, articles: list[Article]) -> list[Document]:
        """``analyse`` for several articles: the name tagger reads all their sentences in one
        batch (its network and Viterbi steps run once per batch instead of once per article)."""
        parts = []
        for article in articles:
            article = analysed_part(article, self.max_chars)
            if article.language is None:
                article = replace(article, language=self.language.identify(article.title + "\n" + article.text))
            sentences = self.splitter.split(article.text, article.id)
            indonesian = article.language is None or article.language in INDONESIAN
            parts.append((article, sentences, indonesian))
        tagged = [sentences for _, sentences, indonesian in parts if indonesian]
        found = iter(self.find_mentions_many(tagged))
        documents = []
        for article, sentences, indonesian in parts:
            times = self.find_times(article, sentences) if indonesian else ()
            mentions = next(found) if indonesian else ()
            document = Document(article=article, sentences=sentences, mentions=mentions, times=times)
            if indonesian:  # the verbs of saying and speaker patterns are Indonesian
                document = replace(document, quotes=self.quotes.extract(document))
            documents.append(document)
        return documents

    def find_mentions(self, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
        """Names of people, organisations and places in each sentence; people get the role an
        apposition gives them ("Presiden Rusia", "juru bicara Kementerian Luar Negeri")."""
        return self.find_mentions_many([sentences])[0]

    def find_mentions_many(self, texts: list[tuple[Sentence, ...]]) -> list[tuple[Mention, ...]]:
        """``find_mentions`` for the sentences of several texts, tagged in one batch."""
        found = self._name_spans([s for sentences in texts for s in sentences])
        out = []
        for sentences in texts:
            mentions: list[Mention] = []
            for sentence in sentences:
                tokens, spans = next(found)
                mentions.extend(sentence_mentions(sentence, tokens, spans))
            out.append(tuple(mentions))
        return out

    def _name_spans(self, sentences: list[Sentence]) -> Iterator[tuple[Any, Any]]:
        """The tagger's tokens and name spans of each sentence, a batch of sentences at a time."""
        for at in range(0, len(sentences), NAME_BATCH_SENTENCES):
            batch = sentences[at : at + NAME_BATCH_SENTENCES]
            yield from self.names.find_tokens_many([s.text for s in batch])

    def find_times(self, article: Article, sentences: tuple[Sentence, ...]) -> tuple[TimeExpression, ...]:
        """Date expressions with a calendar value (day, month, year or range), relative ones
        resolved against the publication date; "sekarang" and the like, decades and centuries
        are left out."""
        starts = [s.start for s in sentences]
        out = []
        for timex in self.dates.find(article.text, article.published):
            if timex.value.isdigit() and len(timex.value) < 4:
                continue  # a decade or century ("200" for "tahun 2000-an"): an era, not a date
            value = to_iso(timex.value)
            if value is None:
                continue
            index = max(0, bisect.bisect_right(starts, timex.start) - 1)
            out.append(TimeExpression(timex.text, value, article.id, index, timex.start, timex.end))
        return tuple(out)


def analysed_part(article: Article, max_chars: int) -> Article:
    """The article with its text cut to at most ``max_chars`` characters, at the last paragraph
    or sentence end before the cut when there is one in the second half (bounded work per
    article, whatever its length)."""
    text = article.text
    if max_chars <= 0 or len(text) <= max_chars:
        return article
    cut = text.rfind("\n", 0, max_chars)
    if cut < max_chars // 2:
        cut = text.rfind(". ", 0, max_chars) + 1
    if cut < max_chars // 2:
        cut = max_chars
    return replace(article, text=text[:cut])
