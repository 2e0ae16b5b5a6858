"""Online mode: the one way an article arrives (``Engine.add``), a story stream kept in step
with the engine's store.

The engine cleans what arrives; here the articles are stored, each stored one joins a story or
opens one in the stream, and only the stories whose articles changed are summarized again and stored (the
stories they absorbed removed). The stream starts from the stored articles in store order
(publication date, then id), so arrivals in that order give the stories a batch
``build_stories`` gives over the same store.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Sequence
from typing import Protocol

from .analysis import Analyzer
from .clustering import Clusterer, StreamClusterer
from .clustering.cores import weak_articles
from .clustering.features import day_number
from .models import Article, Document, Story
from .reports import AddReport, IngestReport, Placement
from .stories import founding_order, story_id
from .storing import AddResult, Store

# Analysed documents kept for summarizing a story again when an article joins it.
_DOCUMENT_CACHE = 4096


def store_order(article: Article) -> tuple[bool, object, str]:
    """The store's order of articles (``Store.articles``): dated first, by date, then by id."""
    return (article.published is None, article.published, article.id)


class Pipeline(Protocol):
    """What online mode uses of the engine that holds it (``ringkas.engine.Engine``)."""

    @property
    def store(self) -> Store: ...

    @property
    def analyzer(self) -> Analyzer: ...

    def clusterer(self, name: str | None = None) -> Clusterer: ...

    def store_articles(
        self, articles: list[Article], report: IngestReport, *, marked: bool = False
    ) -> list[AddResult]: ...

    def summarize(self, documents: Sequence[Document], weak: Collection[str] = ()) -> Story: ...


class OnlineStories:
    """The engine's online clustering state: the stream of the stored articles (``reconcile``
    then makes the stored stories those of the stream).

    Not thread-safe: the engine calls it from one writer at a time."""

    def __init__(self, engine: Pipeline) -> None:
        clusterer = engine.clusterer()
        if not isinstance(clusterer, StreamClusterer):  # online mode needs a stream: the event clusterer
            clusterer = engine.clusterer("events")
        assert isinstance(clusterer, StreamClusterer)
        self.engine = engine
        self.clusterer: StreamClusterer = clusterer
        self.stream = clusterer.stream()
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._articles: dict[str, Article] = {}
        stored = engine.store.articles()
        if stored:
            self.stream.extend(clusterer.arrivals(stored))
            self._articles.update((a.id, a) for a in stored)

    def groups(self) -> dict[str, tuple[str, ...]]:
        """The stream's stories: story id -> article ids."""
        return {self._story_id(group): tuple(group) for group in self.stream.groups()}

    def reconcile(self) -> AddReport:
        """Make the stored stories those of the stream: stories that differ are summarized again."""
        wanted = {sid: set(group) for sid, group in self.groups().items()}
        stored = {s.id: set(s.article_ids) for s in self.engine.store.stories()}
        stale = [sid for sid in stored if sid not in wanted]
        changed = [tuple(sorted(ids)) for sid, ids in wanted.items() if stored.get(sid) != ids]
        return self._write(changed, stale, AddReport())

    def add(self, cleaned: Sequence[Article], report: AddReport) -> AddReport:
        """Store cleaned articles in one transaction, then put each stored one in the stream in
        store order; summarize again only the stories that changed. Fills in ``report``."""
        order = sorted(range(len(cleaned)), key=lambda n: store_order(cleaned[n]))
        results = self.engine.store_articles([cleaned[n] for n in order], report.ingest)
        touched: list[str] = []
        before: set[str] = set()
        for result in results:
            if result.status != "duplicate":
                touched.append(result.article_id)
                before.update(self._arrive(result.article_id))
        # every story the arrivals changed, not only those they joined: an arrival can split a
        # story and leave a part of it, under its old id, without any of the new articles
        groups = {self.stream.story_of(a) for a in before | set(touched) if a in self.stream}
        new_ids = {self._story_id(g) for g in groups}
        old_ids = {sid for a in before | set(touched) if (sid := self.engine.store.story_of(a)) is not None}
        written = self._write(sorted(groups), sorted(old_ids - new_ids), report)
        landed = dict(zip(order, results, strict=True))
        for n, article in enumerate(cleaned):
            result = landed[n]
            stored_as = result.duplicate_of if result.status == "duplicate" and result.duplicate_of else article.id
            report.placed.append(
                Placement(article.id, article.title, result.status, stored_as, self.story_of(stored_as))
            )
        return written

    def story_of(self, article_id: str) -> str | None:
        """The id of the story the stream holds the article in (None: not in the stream)."""
        if article_id not in self.stream:
            return None
        return self._story_id(self.stream.story_of(article_id))

    def _arrive(self, article_id: str) -> set[str]:
        """Put one stored article in the stream; the ids of the stories it touched before."""
        stored = self.engine.store.article(article_id)
        self._documents.pop(article_id, None)
        self._articles[article_id] = stored
        before: set[str] = set()
        if article_id in self.stream:
            before.update(self.stream.story_of(article_id))
        copy = stored.duplicate_of is not None and stored.duplicate_of in self.stream
        vector = None if copy else self.clusterer.vectors([stored])[0]
        change = self.stream.add(self.clusterer.arrival(stored, vector))
        for group in change.updated + change.removed:
            before.update(group)
        return before

    def _story_id(self, group: Sequence[str]) -> str:
        founder = min((self._articles[a] for a in group), key=lambda a: founding_order(_shell(a)))
        return story_id(founder.id)

    def _write(self, groups: Sequence[Sequence[str]], stale: Sequence[str], report: AddReport) -> AddReport:
        stories = [self.engine.summarize(self._analysed(group), self._weak(group)) for group in groups]
        self.engine.store.put_stories(stories, remove=stale)
        report.stories = stories
        report.removed = list(stale)
        return report

    def _weak(self, group: Sequence[str]) -> tuple[str, ...]:
        """The story's loosely related articles (``clustering.cores``), as a rebuild finds them."""
        if len(group) < 2:
            return ()
        return weak_articles(self.stream, {a: day_number(self._articles[a].published) for a in group})

    def _analysed(self, group: Sequence[str]) -> list[Document]:
        out = []
        for article_id in group:
            document = self._documents.get(article_id)
            if document is None:
                document = self.engine.analyzer.analyse(self._articles[article_id])
                self._documents[article_id] = document
                while len(self._documents) > _DOCUMENT_CACHE:
                    self._documents.popitem(last=False)
            else:
                self._documents.move_to_end(article_id)
            out.append(document)
        return out


def _shell(article: Article) -> Document:
    return Document(article=article, sentences=())
