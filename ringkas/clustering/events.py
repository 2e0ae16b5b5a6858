"""Event clustering: embeddings (cached) plus rare-word overlap, language and publication day,
average-link by connected part (see ``stream``). The batch clusterer is the online one fed
every document in order, so both give the same stories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from ..cleaning.language import LanguageIdentifier
from ..embedding import Embedder, VectorCache, cached_vectors, make_embedder
from ..models import Article, Document
from ..tokens import Tokenizer
from .cores import StoryGroup, stream_groups
from .features import day_number, event_cues, event_text, lexical_terms
from .links import LinkModel
from .stream import DEFAULT_THRESHOLD, Arrival, StoryStream, StreamParams

# stage, done, total
Progress = Callable[[str, int, int], None]


class EventClusterer:
    """``cluster(documents)``: story groups as index lists; ``stream()``: an empty online state."""

    name = "events"

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        window_days: int = 7,
        embedder: Embedder | None = None,
        vectors: VectorCache | None = None,
        tokenizer: Tokenizer | None = None,
        progress: Progress | None = None,
        link_model: LinkModel | None = None,
        **_unused: Any,
    ) -> None:
        if embedder is None:
            embedder = make_embedder("use")
        self.embedder = embedder
        self.cache = vectors
        # The learned link decision (the shipped model unless one is given); its probabilities are
        # cut at ``threshold``.
        self.link_model = link_model if link_model is not None else LinkModel.load()
        self.params = StreamParams(threshold=threshold, window_days=window_days, model=self.link_model)
        self.stopwords = (tokenizer or Tokenizer()).stopwords  # Indonesian (Sastrawi) and English
        self.progress = progress
        self.language = LanguageIdentifier()  # for articles that did not come through the cleaner

    def stream(self) -> StoryStream:
        return StoryStream(self.embedder.dim, self.params)

    def copies(self, articles: Sequence[Article]) -> set[str]:
        """Ids of articles that will ride with an original earlier in ``articles`` (not embedded)."""
        seen: set[str] = set()
        riding: set[str] = set()
        for article in articles:
            if article.duplicate_of is not None and article.duplicate_of in seen:
                riding.add(article.id)
            seen.add(article.id)
        return riding

    def vectors(self, articles: Sequence[Article], keys: Sequence[str] | None = None) -> np.ndarray:
        """Embeddings of the articles' event text, through the cache when there is one."""
        texts = [event_text(a) for a in articles]

        def report(done: int, total: int) -> None:
            if self.progress:
                self.progress("embed", done, total)

        return cached_vectors(
            self.embedder.embed,
            self.embedder.model_id,
            self.embedder.dim,
            list(keys) if keys is not None else [a.id for a in articles],
            texts,
            self.cache,
            progress=report,
        )

    def to_embed(self, articles: Sequence[Article]) -> list[Article]:
        """The articles ``arrivals`` embeds (copies riding with an earlier original are not)."""
        riding = self.copies(articles)
        return [a for a in articles if a.id not in riding]

    def embedding_texts(self, articles: Sequence[Article]) -> tuple[list[str], list[str]]:
        """Keys and texts of what ``arrivals`` embeds, in its order (for ``ahead.ClusteringAhead``)."""
        todo = self.to_embed(articles)
        return [a.id for a in todo], [event_text(a) for a in todo]

    def arrivals(self, articles: Sequence[Article], vectors: np.ndarray | None = None) -> list[Arrival]:
        riding = self.copies(articles)
        if vectors is None:
            todo = self.to_embed(articles)
            embedded = self.vectors(todo)
            by_id = {a.id: embedded[n] for n, a in enumerate(todo)}
        else:
            by_id = {a.id: vectors[n] for n, a in enumerate(articles)}
        return [self.arrival(a, None if a.id in riding else by_id[a.id]) for a in articles]

    def arrival(self, article: Article, vector: np.ndarray | None) -> Arrival:
        """What the stream reads of one article (``vector`` None: a copy riding with its original)."""
        return Arrival(
            article_id=article.id,
            vector=vector,
            terms=lexical_terms(event_text(article), self.stopwords),
            language=article.language or self.language.identify(f"{article.title}\n{article.text}"),
            day=day_number(article.published),
            duplicate_of=article.duplicate_of,
            cues=event_cues(article, self.stopwords),
            outlet=article.outlet,
        )

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]:
        return [list(group.members) for group in self.cluster_groups(documents)]

    def cluster_groups(self, documents: Sequence[Document]) -> list[StoryGroup]:
        """The stories of ``cluster``, each with its loosely related articles (``cores``)."""
        return self.article_groups([d.article for d in documents])

    def article_groups(
        self, articles: Sequence[Article], arrivals: Iterable[Arrival] | None = None
    ) -> list[StoryGroup]:
        """``cluster_groups`` from the articles alone: clustering reads nothing analysis finds (so
        a rebuild can cluster in a second process while it analyses, see ``ahead``). ``arrivals``:
        the articles' arrivals, in order, when the caller makes them (``arrival``)."""
        if not articles:
            return []
        stream = self.stream()
        stream.extend(self.arrivals(articles) if arrivals is None else arrivals)
        position = {a.id: n for n, a in enumerate(articles)}
        return stream_groups(stream, position, {a.id: day_number(a.published) for a in articles})
