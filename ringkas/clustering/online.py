"""Online mode: a story stream kept in step with an engine's store.

Articles are stored as they arrive; each joins a story or opens one, and every story whose
articles changed is summarized again and stored, the stories it absorbed removed. The
stream starts from the stored articles in store order (publication date, then id), so online
arrivals in that order give the same stories as a batch ``build_stories`` over the store.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import InputError
from ..models import Article, Document, Story
from ..stories import founding_order, story_id
from .events import EventClusterer

if TYPE_CHECKING:
    from ..engine import Engine, IngestReport

# Analysed documents kept for summarizing a story again when an article joins it.
_DOCUMENT_CACHE = 4096


@dataclass
class OnlineReport:
    """What one call added: the ingest counts, the stories written, the story ids removed."""

    ingest: IngestReport
    stories: list[Story] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


class OnlineStories:
    """The engine's online clustering state (built from the store on first use)."""

    def __init__(self, engine: Engine) -> None:
        clusterer = engine.clusterer()
        if not isinstance(clusterer, EventClusterer):  # online mode needs a stream: the event clusterer
            clusterer = engine.clusterer("events")
        assert isinstance(clusterer, EventClusterer)
        self.engine = engine
        self.clusterer: EventClusterer = clusterer
        self.stream = clusterer.stream()
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._articles: dict[str, Article] = {}
        stored = engine.store.articles()
        if stored:
            self.stream.extend(clusterer.arrivals(stored))
            self._articles.update((a.id, a) for a in stored)
        self.reconcile()

    def reconcile(self) -> OnlineReport:
        """Make the stored stories those of the stream: stories that differ are summarized again."""
        from ..engine import IngestReport

        wanted = {self._story_id(group): set(group) for group in self.stream.groups()}
        stored = {s.id: set(s.article_ids) for s in self.engine.store.stories()}
        stale = [sid for sid in stored if sid not in wanted]
        changed = [tuple(sorted(ids)) for sid, ids in wanted.items() if stored.get(sid) != ids]
        return self._write(changed, stale, IngestReport())

    def add(self, items: Iterable[Article | InputError]) -> OnlineReport:
        """Clean and store articles one at a time; each joins a story or opens one.

        ``InputError`` items (what a reader could not use) and articles that cleaning empties
        are reported as skipped."""
        from ..engine import IngestReport

        report = IngestReport()
        touched: list[str] = []
        before: set[str] = set()
        for item in items:
            cleaned = self.engine.clean(item)
            if isinstance(cleaned, InputError):
                report.skipped.append(cleaned)
                continue
            single = IngestReport()
            self.engine.store_articles([cleaned], single)
            report.read += single.read
            report.stored += single.stored
            report.updated += single.updated
            report.duplicates += single.duplicates
            report.near_duplicates += single.near_duplicates
            report.article_ids += single.article_ids
            for article_id in single.article_ids:
                touched.append(article_id)
                before.update(self._arrive(article_id))
        groups = {self.stream.story_of(a) for a in touched}
        new_ids = {self._story_id(g) for g in groups}
        old_ids = {sid for a in before | set(touched) if (sid := self.engine.store.story_of(a)) is not None}
        return self._write(sorted(groups), sorted(old_ids - new_ids), report)

    def _arrive(self, article_id: str) -> set[str]:
        """Put one stored article in the stream; the ids of the stories it touched before."""
        stored = self.engine.store.article(article_id)
        self._documents.pop(article_id, None)
        self._articles[article_id] = stored
        before: set[str] = set()
        if article_id in self.stream:
            before.update(self.stream.story_of(article_id))
        original = stored.metadata.get("duplicate_of")
        copy = isinstance(original, str) and original in self.stream
        vector = None if copy else self.clusterer.vectors([stored])[0]
        change = self.stream.add(self.clusterer.arrival(stored, vector))
        for group in change.updated + change.removed:
            before.update(group)
        return before

    def _story_id(self, group: Sequence[str]) -> str:
        founder = min((self._articles[a] for a in group), key=lambda a: founding_order(_shell(a)))
        return story_id(founder.id)

    def _write(self, groups: Sequence[Sequence[str]], stale: Sequence[str], report: IngestReport) -> OnlineReport:
        stories = [self.engine.summarize(self._analysed(group)) for group in groups]
        self.engine.store.put_stories(stories, remove=stale)
        return OnlineReport(report, stories, list(stale))

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
