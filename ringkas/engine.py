"""The engine: one object that owns settings, store and models and runs the pipeline

    read -> clean -> analyse (split, ...) -> cluster -> summarize -> store

The CLI, API and web layers are thin wrappers around it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .analysis import Analyzer
from .cleaning import Cleaner
from .clustering import Clusterer, make_clusterer
from .clustering.links import LinkModel
from .clustering.online import OnlineReport, OnlineStories
from .dedup import DuplicateMarker
from .embedding import Embedder, StoreVectorCache, make_embedder
from .errors import InputError, RingkasError
from .lengths import LengthSpec
from .models import Article, Document, Story
from .outlets import OutletRegistry
from .reading import Reader
from .settings import Settings
from .stories import build_story
from .storing import Store
from .summarizing import Summarizer, make_summarizer

# Articles analysed together: the name tagger's network and Viterbi steps run once per batch.
ANALYSE_BATCH = 32
# stage name, items done, items in all
ProgressCallback = Callable[[str, int, int], None]


@dataclass
class IngestReport:
    """Counts of one ingest: what was read, stored, already there, and what was skipped why."""

    read: int = 0
    stored: int = 0
    updated: int = 0
    duplicates: int = 0
    near_duplicates: int = 0  # stored, and marked as a copy of an earlier article (metadata["duplicate_of"])
    skipped: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


class Engine:
    """ringkas as a library: ``Engine(db="news.db").run(["folder/"])``."""

    def __init__(self, settings: Settings | None = None, **overrides: Any) -> None:
        self.settings = settings.replace(**overrides) if settings is not None else Settings(overrides)
        self.store = Store(self.settings["db"])
        self._analyzer: Analyzer | None = None
        self._summarizer: Summarizer | None = None
        self._cleaner: Cleaner | None = None
        self._link_model: LinkModel | None = None
        self._duplicates: DuplicateMarker | None = None
        self._embedder: Embedder | None = None
        self._online: OnlineStories | None = None
        self._outlets: OutletRegistry | None = None

    # -- resources --------------------------------------------------------------------

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = Analyzer(
                quote_paraphrases=self.settings["quote_paraphrases"], name_network=self.settings["name_network"]
            )
        return self._analyzer

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner()
        return self._cleaner

    @property
    def outlets(self) -> OutletRegistry:
        """The outlet registry: the shipped one plus the file of the setting ``outlets_file``."""
        if self._outlets is None:
            self._outlets = OutletRegistry.load(self.settings["outlets_file"] or None)
        return self._outlets

    def canonical(self, article: Article) -> Article:
        """The article under its outlet's canonical name (the cleaner applies the shipped
        registry; a user's outlets file may rename or add outlets)."""
        if not self.settings["outlets_file"]:
            return article
        outlet = self.outlets.canonical(article.outlet)
        return article if outlet == article.outlet else replace(article, outlet=outlet)

    @property
    def embedder(self) -> Embedder:
        """The sentence embedder (its model loads on the first text it embeds)."""
        if self._embedder is None:
            self._embedder = make_embedder(self.settings["embedder"], max_tokens=self.settings["embed_max_tokens"])
        return self._embedder

    def clusterer(self, name: str | None = None) -> Clusterer:
        """The clusterer the settings name (or ``name``), its vectors cached in the store."""
        return make_clusterer(
            name or self.settings["clusterer"],
            threshold=self.settings["cluster_threshold"],
            window_days=self.settings["cluster_window_days"],
            tokenizer=self.analyzer.tokenizer,
            embedder=self.embedder,
            vectors=StoreVectorCache(self.store),
            link_model=self.link_model(),
        )

    def link_model(self) -> LinkModel:
        """The link model the settings name (the shipped one by default), read once."""
        if self._link_model is None:
            path = self.settings["link_model"]
            self._link_model = LinkModel.load(path or None)
        return self._link_model

    def summarizer(self) -> Summarizer:
        return make_summarizer(self.settings["summarizer"], tokenizer=self.analyzer.tokenizer)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- pipeline ---------------------------------------------------------------------

    def read(self, paths: Iterable[str]) -> Iterator[Article | InputError]:
        """Read and clean: articles, or an ``InputError`` for each item that cannot be used."""
        with Reader(max_bytes=self.settings["max_file_bytes"], http_timeout=self.settings["http_timeout"]) as reader:
            for item in reader.read(paths):
                yield self.clean(item)

    def clean(self, item: Article | InputError) -> Article | InputError:
        """Clean one read item: the article without its noise, or an ``InputError`` saying why not.

        Per article and store-free, so a distributed engine runs it on its workers.
        """
        if isinstance(item, InputError):
            return item
        try:
            cleaned = self.canonical(self.cleaner.clean(item))
        except RingkasError as exc:
            return InputError(exc.message, source=item.metadata.get("source_path", item.id))
        if not cleaned.text.strip():
            return InputError("no article text left after cleaning", source=item.metadata.get("source_path", item.id))
        return cleaned

    def ingest(self, paths: Iterable[str], progress: ProgressCallback | None = None) -> IngestReport:
        report = IngestReport()
        articles: list[Article] = []
        for item in self.read(paths):
            if isinstance(item, InputError):
                report.skipped.append(item)
            else:
                articles.append(item)
            if progress:
                progress("read", len(articles) + len(report.skipped), 0)
        self.store_articles(articles, report)
        return report

    def add_articles(self, articles: Iterable[Article]) -> IngestReport:
        """Clean and store articles made by a caller (the API, a feed poller)."""
        report = IngestReport()
        self.store_articles([self.canonical(self.cleaner.clean(a)) for a in articles], report)
        return report

    def store_articles(self, articles: list[Article], report: IngestReport, *, marked: bool = False) -> None:
        """Mark near-duplicates, store cleaned articles in one transaction, count what happened.

        ``marked``: ``mark_duplicates`` already ran over these (the Dask engine marks a large
        batch in date-ordered chunks, then stores it in read order in chunks).
        """
        report.read += len(articles)
        if not marked:
            articles = self.mark_duplicates(articles)
        copies = {a.id for a in articles if "duplicate_of" in a.metadata}
        for result in self.store.add_articles(articles):
            if result.status != "duplicate" and result.article_id in copies:
                report.near_duplicates += 1
            if result.status == "duplicate":
                report.duplicates += 1
            elif result.status == "updated":
                report.updated += 1
                report.article_ids.append(result.article_id)
            else:
                report.stored += 1
                report.article_ids.append(result.article_id)

    def mark_duplicates(self, articles: list[Article]) -> list[Article]:
        """Later copies of one story (this batch or stored) get ``metadata["duplicate_of"]``; none is dropped.

        The first batch an engine stores indexes every stored article once (about half a
        millisecond each); later batches reuse the index the engine keeps.
        """
        if not articles:
            return articles
        if self._duplicates is None:
            self._duplicates = DuplicateMarker()
            self._duplicates.remember(self.store.articles())
        return self._duplicates.mark(articles)

    def analyse(self, articles: list[Article], progress: ProgressCallback | None = None) -> list[Document]:
        documents: list[Document] = []
        for start in range(0, len(articles), ANALYSE_BATCH):
            documents.extend(self.analyzer.analyse_many(articles[start : start + ANALYSE_BATCH]))
            if progress:
                progress("analyse", len(documents), len(articles))
        return documents

    def build_stories(self, progress: ProgressCallback | None = None) -> list[Story]:
        """Cluster every stored article into stories, summarize them and store the result."""
        documents = self.analyse(self.store.articles(), progress)
        if progress:
            progress("cluster", 0, 1)
        groups = self.cluster(documents)
        if progress:
            progress("cluster", 1, 1)
        stories = []
        for n, group in enumerate(groups, 1):
            stories.append(self.summarize([documents[i] for i in group]))
            if progress:
                progress("summarize", n, len(groups))
        self.store.replace_stories(stories)
        self._online = None  # online mode starts again from the stored stories
        return self.stories()

    # The batch path in three steps, so that a distributed engine (ringkas.distributed) runs the
    # per-article and per-story steps on workers and the global one on its driver, unchanged.

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]:
        """Global step: group analysed documents (in store order) into stories, as index lists."""
        return self.clusterer().cluster(documents)

    def summarize(self, documents: Sequence[Document]) -> Story:
        """Per-story step: headline and cited summary of one group of documents."""
        if self._summarizer is None:
            self._summarizer = self.summarizer()
        return build_story(
            documents,
            self._summarizer,
            self.analyzer.tokenizer,
            LengthSpec.parse(self.settings["summary_length"]),
            self.settings["citation_threshold"],
            self.outlets,
        )

    def add_online(self, articles: Iterable[Article | InputError]) -> OnlineReport:
        """Online mode: clean and store articles one at a time; each joins a story or opens one,
        and every story whose articles changed is summarized again. Arrivals in store order
        (date, then id) give the stories ``build_stories`` gives over the same articles."""
        if self._online is None:
            self._online = OnlineStories(self)
        return self._online.add(articles)

    def run(self, paths: Iterable[str], progress: ProgressCallback | None = None) -> tuple[IngestReport, list[Story]]:
        report = self.ingest(paths, progress)
        if report.read == 0:
            return report, []
        return report, self.build_stories(progress)

    # -- queries ----------------------------------------------------------------------

    def stories(self) -> list[Story]:
        return self.store.stories()

    def story(self, story_id: str) -> Story:
        return self.store.story(story_id)

    def article(self, article_id: str) -> Article:
        return self.store.article(article_id)

    def story_articles(self, story: Story) -> list[Article]:
        return self.store.articles(story.article_ids)

    def export(self, fmt: str) -> str:
        from .exporting import export

        return export(self, fmt)

    def settings_table(self) -> list[Mapping[str, Any]]:
        from .settings import SETTINGS

        return [
            {
                "name": s.name,
                "value": self.settings[s.name],
                "default": s.default,
                "origin": self.settings.origins[s.name],
                "help": s.help,
            }
            for s in SETTINGS
        ]
