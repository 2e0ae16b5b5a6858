"""The engine: one object that owns settings, store and models and runs the pipeline

    read -> clean -> analyse (split, ...) -> cluster -> summarize -> store

The CLI, API and web layers are thin wrappers around it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .cards import StoryCard
from .errors import InputError, NotFoundError, RingkasError
from .models import Article, Document, Story
from .queries import DailyQueries
from .reports import AddReport, IngestReport
from .settings import SETTINGS, Settings
from .storing import AddResult, ArticleHit, Facets, Store, StoryFilter

# The stages load when the engine first needs them (inside the methods below): ``ringkas --help``
# and ``ringkas stories`` need none of them, and importing them all costs most of a second.
if TYPE_CHECKING:
    from .analysis import Analyzer
    from .cleaning import Cleaner
    from .clustering import Clusterer, StoryGroup
    from .clustering.ahead import ClusteringAhead
    from .clustering.links import LinkModel
    from .dedup import DuplicateMarker
    from .embedding import Embedder
    from .online import OnlineStories
    from .outlets import OutletRegistry
    from .reading import Reader
    from .summarizing import Summarizer

# Articles analysed together: the name tagger's network and Viterbi steps run once per batch.
ANALYSE_BATCH = 32
# stage name, items done, items in all
ProgressCallback = Callable[[str, int, int], None]


class Engine(DailyQueries):
    """ringkas as a library: ``Engine(db="news.db").run(["folder/"])``.

    One writer at a time: ``add``, ``ingest`` and ``build_stories`` take the engine's write lock.
    Queries (``stories``, ``story``, ``search`` ...) take no lock: the store answers each thread
    on its own connection from the last committed state, so readers never wait for a writer.
    """

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
        self._writing = threading.RLock()  # one writer: the store, the online stream, the duplicate index
        self._making = threading.Lock()  # lazily made resources are made once, whichever thread asks first

    # -- resources --------------------------------------------------------------------

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            with self._making:
                if self._analyzer is None:
                    from .analysis import Analyzer

                    self._analyzer = Analyzer(
                        quote_paraphrases=self.settings["quote_paraphrases"],
                        name_network=self.settings["name_network"],
                        max_chars=self.settings["analysis_max_chars"],
                    )
        return self._analyzer

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            from .cleaning import Cleaner

            self._cleaner = Cleaner()
        return self._cleaner

    @property
    def outlets(self) -> OutletRegistry:
        """The outlet registry: the shipped one plus the file of the setting ``outlets_file``."""
        if self._outlets is None:
            from .outlets import OutletRegistry

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
            from .embedding import make_embedder

            self._embedder = make_embedder(self.settings["embedder"], max_tokens=self.settings["embed_max_tokens"])
        return self._embedder

    def clusterer(self, name: str | None = None) -> Clusterer:
        """The clusterer the settings name (or ``name``), its vectors cached in the store."""
        from .clustering import make_clusterer
        from .embedding import StoreVectorCache

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
            from .clustering.links import LinkModel

            path = self.settings["link_model"]
            self._link_model = LinkModel.load(path or None)
        return self._link_model

    def summarizer(self) -> Summarizer:
        from .summarizing import make_summarizer

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
        with self._reader() as reader:
            for item in reader.read(paths):
                yield self.clean(item)

    def _reader(self) -> Reader:
        from .reading import Reader

        return Reader(max_bytes=self.settings["max_file_bytes"], http_timeout=self.settings["http_timeout"])

    def clean(self, item: Article | InputError) -> Article | InputError:
        """Clean one read item: the article without its noise, or an ``InputError`` saying why not.

        Per article and store-free, so a distributed engine runs it on its workers.
        """
        if isinstance(item, InputError):
            return item
        try:
            cleaned: Article | str = self.cleaner.clean(item)
        except RingkasError as exc:
            cleaned = exc.message
        return self._cleaned(item, cleaned)

    def _cleaned(self, item: Article, cleaned: Article | str) -> Article | InputError:
        """What ``clean`` makes of the cleaner's result (an error's message when it raised one)."""
        source = item.metadata.get("source_path", item.id)
        try:
            if isinstance(cleaned, str):
                raise InputError(cleaned)
            cleaned = self.canonical(cleaned)
        except RingkasError as exc:
            return InputError(exc.message, source=source)
        if not cleaned.text.strip():
            return InputError("no article text left after cleaning", source=source)
        return cleaned

    def _read_cleaned(self, paths: Iterable[str]) -> Iterator[Article | InputError]:
        """``read`` for a batch: every item read first, then cleaned in two processes on two
        cores (``cleaning.parallel``; the same articles in the same order)."""
        from .cleaning.parallel import clean_in_two

        with self._reader() as reader:
            items = list(reader.read(paths))
        cleaned = clean_in_two([item for item in items if isinstance(item, Article)], self.cleaner.clean)
        for item in items:
            yield item if isinstance(item, InputError) else self._cleaned(item, next(cleaned))

    def ingest(self, paths: Iterable[str], progress: ProgressCallback | None = None) -> IngestReport:
        """Read, clean and store (no stories): the first half of the batch path."""
        report = IngestReport()
        articles: list[Article] = []
        for item in self._read_cleaned(paths):
            if isinstance(item, InputError):
                report.skipped.append(item)
            else:
                articles.append(item)
            if progress:
                progress("read", len(articles) + len(report.skipped), 0)
        self._store_unplaced(articles, report)
        return report

    def add_articles(self, articles: Iterable[Article]) -> IngestReport:
        """Clean and store articles made by a caller, without placing them in stories (``add``
        places each; ``build_stories`` clusters the whole store)."""
        report = IngestReport()
        self._store_unplaced([self.canonical(self.cleaner.clean(a)) for a in articles], report)
        return report

    def _store_unplaced(self, articles: list[Article], report: IngestReport) -> None:
        with self._writing:
            self.store_articles(articles, report)
            if report.stored or report.updated:
                self._online = None  # its stream lacks these: the next add builds it again from the store

    def store_articles(self, articles: list[Article], report: IngestReport, *, marked: bool = False) -> list[AddResult]:
        """Mark near-duplicates, store cleaned articles in one transaction, count what happened;
        what became of each article, in order.

        ``marked``: ``mark_duplicates`` already ran over these (the Dask engine marks a large
        batch in date-ordered chunks, then stores it in read order in chunks).
        """
        with self._writing:
            report.read += len(articles)
            if not marked:
                articles = self.mark_duplicates(articles)
            results = self.store.add_articles(articles)
        copies = {a.id for a in articles if a.duplicate_of is not None}
        for result in results:
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
        return results

    def mark_duplicates(self, articles: list[Article]) -> list[Article]:
        """Later copies of one story (this batch or stored) get ``duplicate_of``; none is dropped.

        The first batch an engine stores indexes every stored article once (about half a
        millisecond each); later batches reuse the index the engine keeps.
        """
        if not articles:
            return articles
        return self._duplicate_marker().mark(articles)

    def analyse(self, articles: list[Article], progress: ProgressCallback | None = None) -> list[Document]:
        documents: list[Document] = []
        for start in range(0, len(articles), ANALYSE_BATCH):
            documents.extend(self.analyzer.analyse_many(articles[start : start + ANALYSE_BATCH]))
            if progress:
                progress("analyse", len(documents), len(articles))
        return documents

    def build_stories(self, progress: ProgressCallback | None = None) -> list[Story]:
        """Cluster every stored article into stories, summarize them and store the result: the
        whole-store rebuild (``ringkas run``, ``ringkas rebuild``). ``add`` changes only what an
        arrival touches."""
        with self._writing:
            return self._build_stories(progress)

    def _build_stories(self, progress: ProgressCallback | None) -> list[Story]:
        articles = self.store.articles()
        with self._clustering_ahead(articles) as ahead:
            documents = self.analyse(articles, progress)
            ahead.while_waiting = self._stem_ahead(documents)
        self.analyzer.names.forget_words()  # the whole store's words: memory the stories need more
        if progress:
            progress("cluster", 0, 1)
        groups = ahead.groups if ahead.groups is not None else self.cluster_groups(documents)
        if progress:
            progress("cluster", 1, 1)
        from .story_workers import StoryOptions, summarize_in_two

        stories = []
        options = StoryOptions(
            self.settings["summarizer"],
            self.settings["summary_length"],
            self.settings["citation_threshold"],
            self.settings["outlets_file"],
        )
        stems = self.analyzer.tokenizer.stems()
        for n, story in enumerate(summarize_in_two(groups, documents, self.summarize, options, stems=stems), 1):
            stories.append(story)
            if progress:
                progress("summarize", n, len(groups))
        self.store.replace_stories(stories)
        self._online = None  # online mode starts again from the stored stories
        return self.stories()

    def _stem_ahead(self, documents: list[Document]) -> Iterator[None]:
        """The stems summarizing will ask for, found a document at a time (``citing.stem_ahead``)."""
        from .summarizing.citing import stem_ahead

        texts = (f"{d.article.title}\n" + "\n".join(s.text for s in d.sentences) for d in documents)
        return stem_ahead(texts, self.analyzer.tokenizer)

    def _clustering_ahead(self, articles: list[Article]) -> ClusteringAhead:
        """The articles embedded and clustered in a second process while this one analyses them
        (setting ``embed_ahead``, clusterers that read articles only; see ``clustering.ahead``)."""
        from .clustering.ahead import ClusteringAhead, ClusterSettings
        from .embedding import StoreVectorCache

        clusterer = self.clusterer()
        cache = StoreVectorCache(self.store)
        if not self.settings["embed_ahead"] or not hasattr(clusterer, "article_groups"):
            return ClusteringAhead(articles, clusterer, cache, None)
        settings = ClusterSettings(
            self.settings["clusterer"],
            self.settings["cluster_threshold"],
            self.settings["cluster_window_days"],
            self.settings["link_model"] or "",
            self.settings["embedder"],
            {"max_tokens": self.settings["embed_max_tokens"]},
        )
        return ClusteringAhead(articles, clusterer, cache, settings)

    # The batch path in three steps, so that a distributed engine (ringkas.distributed) runs the
    # per-article and per-story steps on workers and the global one on its driver, unchanged.

    def cluster(self, documents: Sequence[Document]) -> list[list[int]]:
        """Global step: group analysed documents (in store order) into stories, as index lists."""
        return self.clusterer().cluster(documents)

    def cluster_groups(self, documents: Sequence[Document]) -> list[StoryGroup]:
        """``cluster``, with each story's loosely related articles (``clustering.cores``) when the
        clusterer tells them."""
        from .clustering import story_groups

        return story_groups(self.clusterer(), documents)

    def summarize(self, documents: Sequence[Document], weak: Collection[str] = ()) -> Story:
        """Per-story step: headline and cited summary of one group of documents, none of it
        taken from the ``weak`` ones (loosely related, see ``stories.build_story``)."""
        if self._summarizer is None:
            self._summarizer = self.summarizer()
        from .lengths import LengthSpec
        from .stories import build_story

        return build_story(
            documents,
            self._summarizer,
            self.analyzer.tokenizer,
            LengthSpec.parse(self.settings["summary_length"]),
            self.settings["citation_threshold"],
            self.outlets,
            weak,
        )

    def add(self, items: Iterable[Article | InputError]) -> AddReport:
        """The one way articles arrive (web, API, ``watch``, library): clean and store them, place
        each with the online clusterer (it joins a story or opens one), and summarize again only
        the stories whose articles changed. Arrivals in store order (date, then id) give the
        stories ``build_stories`` gives over the same articles.

        ``InputError`` items and articles that cleaning empties are reported as skipped; the
        report says where each usable article landed."""
        report = AddReport()
        cleaned: list[Article] = []
        with self._writing:  # the cleaner too serves one thread at a time
            for item in items:
                result = self.clean(item)
                if isinstance(result, InputError):
                    report.ingest.skipped.append(result)
                else:
                    cleaned.append(result)
            if not cleaned:
                return report
            return self._online_stories().add(cleaned, report)

    def prepare(self) -> None:
        """Build now what the first ``add`` would: the near-duplicate index and the online stream
        over the stored articles (``ringkas serve`` starts it at once, so the first upload does not
        wait for it; pages are served meanwhile)."""
        with self._writing:
            self._duplicate_marker()
            self._online_stories()

    def _online_stories(self) -> OnlineStories:
        if self._online is None:
            from .online import OnlineStories

            self._online = OnlineStories(self)
            self._online.reconcile()
        return self._online

    def _duplicate_marker(self) -> DuplicateMarker:
        if self._duplicates is None:
            from .dedup import DuplicateMarker

            self._duplicates = DuplicateMarker()
            self._duplicates.remember(self.store.articles())
        return self._duplicates

    def add_online(self, articles: Iterable[Article | InputError]) -> AddReport:
        """``add`` under its earlier name."""
        return self.add(articles)

    def run(self, paths: Iterable[str], progress: ProgressCallback | None = None) -> tuple[IngestReport, list[Story]]:
        report = self.ingest(paths, progress)
        if report.read == 0:
            return report, []
        return report, self.build_stories(progress)

    # -- queries ----------------------------------------------------------------------

    def stories(self, order: str = "newest") -> list[Story]:
        return self.store.stories(order)

    def story(self, story_id: str) -> Story:
        return self.store.story(story_id)

    def article(self, article_id: str) -> Article:
        return self.store.article(article_id)

    def story_articles(self, story: Story) -> list[Article]:
        return self.store.articles(story.article_ids)

    def story_outlets(self, stories: Sequence[Story | StoryCard]) -> dict[str, list[str]]:
        """Story id -> the outlets of its articles, sorted."""
        return self.store.story_outlets(s.id for s in stories)

    def story_of(self, article_id: str) -> Story | None:
        """The story an article is in (None: not clustered yet)."""
        found = self.store.story_of(article_id)
        if found is None:
            return None
        try:
            return self.store.story(found)
        except NotFoundError:  # removed between the two reads
            return None

    def find_stories(
        self,
        query: str = "",
        filters: StoryFilter | None = None,
        *,
        limit: int = 50,
        offset: int = 0,
        order: str | None = None,
    ) -> tuple[list[Story], int]:
        """Stories matching the words of ``query`` (newest first without one, or in ``order``), and
        how many match."""
        return self.store.find_stories(query, filters, limit=limit, offset=offset, order=order)

    def story_ranks(self, story_ids: Iterable[str] | None = None) -> dict[str, tuple[int, int, int, str | None]]:
        """Story id -> (outlets, media groups, articles, last changed): what the list ranks by
        (of ``story_ids`` only, when given)."""
        return self.store.story_ranks(story_ids)

    def search_articles(self, query: str, filters: StoryFilter | None = None, *, limit: int = 20) -> list[ArticleHit]:
        """Articles whose title or text hold the words of ``query``, best first, with snippets."""
        return self.store.search_articles(query, filters, limit=limit)

    def facets(self) -> Facets:
        """The outlets and languages of the stored articles and their date range."""
        return self.store.facets()

    def sentences(self, article: Article) -> Document:
        """The article as the article page shows it: its language and its sentences (what
        citations point at), without the names, dates and quotes of a full analysis."""
        analyzer = self.analyzer
        if article.language is None:
            article = replace(article, language=analyzer.language.identify(article.title + "\n" + article.text))
        # the sentences analysis reads (citations point at no others); the page shows the rest as text
        from .analysis import analysed_part

        analysed = analysed_part(article, analyzer.max_chars)
        return Document(article=article, sentences=analyzer.splitter.split(analysed.text, article.id))

    def export(self, fmt: str) -> str:
        """The stored stories and articles as JSON, Markdown or HTML (``exporting.export``)."""
        from .exporting import export

        return export(self.stories(), self.store.articles(), fmt, self.store.changes(), self.store.thread_links())

    def settings_table(self) -> list[Mapping[str, Any]]:
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
