"""The driver: runs the local engine's batch path on a Dask cluster and stores what it gets back.

    partitions of input   --workers-->  read, clean    --driver-->  spill; mark near-duplicates; store
    each stored chunk     --workers-->  analyse        (documents stay on the workers)
                                        embed          --driver-->  vector cache (when the clusterer embeds)
                                        arrivals       --driver-->  (when the clusterer takes them)
    arrivals or documents --driver--->  cluster        (the local engine's clusterer, one global pass)
    story groups          --workers-->  summarize      --driver-->  SQLite store, Parquet

Every step calls the same ``Engine`` method the local engine calls, on the same articles in
the same order, so the stories and summaries are the local engine's.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, as_completed

from ..clustering import StoryGroup
from ..engine import Engine, ProgressCallback
from ..errors import ConfigError
from ..models import Article, Document, Story
from ..reports import IngestReport
from .parquet import ParquetOutput
from .portable import PortableError
from .sources import PartitionStream
from .spill import ArticleSpill
from .tasks import (
    StagesPlugin,
    StoryLayout,
    analyse_partition,
    arrivals_partition,
    cpu_seconds,
    embed_partition,
    peak_rss_bytes,
    read_partition,
    summarize_stories,
)
from .vectors import VectorStep, cluster_arrivals, takes_arrivals, vector_step

DEFAULT_PARTITION_SIZE = 256
# Articles the driver marks or stores at a time during ingest (its memory holds one such chunk).
STORE_CHUNK = 512


class DaskEngine:
    """``DaskEngine(engine, workers=2).run(paths)``: the batch pipeline of ``engine`` on Dask.

    Connects to ``scheduler`` (``tcp://host:port``) when given, or an existing ``client``;
    otherwise starts a local cluster of ``workers`` processes with one thread each. The
    driver's ``engine`` keeps its store and settings; workers get a copy of the settings.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        client: Client | None = None,
        partition_size: int = DEFAULT_PARTITION_SIZE,
        parquet: str | Path | None = None,
    ) -> None:
        if scheduler and workers:
            raise ConfigError("give either a scheduler address or a number of local workers, not both")
        if workers is not None and workers < 1:
            raise ConfigError(f"the number of workers must be at least 1, got {workers}")
        if partition_size < 1:
            raise ConfigError(f"the partition size must be at least 1, got {partition_size}")
        self.engine = engine
        self.partition_size = partition_size
        self.store_chunk = STORE_CHUNK
        self.parquet = Path(parquet) if parquet is not None else None
        self._cluster: LocalCluster | None = None
        self._own_client = client is None
        if client is not None:
            self.client = client
        elif scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler: {exc}", source=scheduler) from None
        else:
            # Workers hash strings as the driver does when its seed is fixed (Dask fixes theirs), so
            # any stage that breaks exact ties by set order agrees with a local run of the same seed.
            seed = os.environ.get("PYTHONHASHSEED")
            self._cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.WARNING,
                env={"PYTHONHASHSEED": seed} if seed and seed != "random" else None,
            )
            self.client = Client(self._cluster)
        self.plugin_name = f"ringkas-stages-{uuid.uuid4().hex[:12]}"
        try:
            self.client.register_plugin(StagesPlugin(engine.settings), name=self.plugin_name)
        except Exception as exc:  # whatever a worker raised while setting up; say what to do about it
            self._shut_down()
            raise ConfigError(
                f"the Dask workers cannot set up ringkas ({type(exc).__name__}: {exc}); "
                "install ringkas[dask] at the driver's version on every worker"
            ) from exc

    def close(self) -> None:
        if self.client.status == "running":
            self.client.unregister_worker_plugin(self.plugin_name)  # the workers close their engines
        self._shut_down()

    def _shut_down(self) -> None:
        if self._own_client:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    # -- pipeline ---------------------------------------------------------------------

    def run(self, paths: Iterable[str], progress: ProgressCallback | None = None) -> tuple[IngestReport, list[Story]]:
        # Articles are analysed as soon as they are stored, while the driver stores the next chunk.
        analysed = self._analysed()
        report = self.ingest(paths, progress, analysed=analysed)
        if report.read == 0:
            return report, []
        return report, self.build_stories(progress, analysed=analysed)

    def ingest(
        self,
        paths: Iterable[str],
        progress: ProgressCallback | None = None,
        *,
        analysed: AnalysedDocuments | None = None,
    ) -> IngestReport:
        """Read and clean on the workers; mark near-duplicates and store on the driver, as the local engine does.

        The cleaned articles wait in a spill on the driver's disk, so the whole batch is marked in
        date order and stored in read order (like one local batch) while memory holds one chunk.
        With ``analysed``, each stored chunk is read back from the store and sent for analysis.
        """
        settings = self.engine.settings
        stream = PartitionStream(
            size=self.partition_size, max_bytes=settings["max_file_bytes"], http_timeout=settings["http_timeout"]
        )
        report = IngestReport()
        with ArticleSpill() as spill:
            seen = 0
            for items in self._in_order(read_partition, stream.partitions(paths)):
                articles: list[Article] = []
                for item in items:
                    if isinstance(item, PortableError):
                        report.skipped.append(item.rebuild())
                    else:
                        articles.append(item)
                spill.add(articles)
                seen += len(items)
                if progress:
                    progress("read", seen, 0)
            for seqs, articles in spill.by_date(self.store_chunk):
                marked = self.engine.mark_duplicates(articles)
                pairs = zip(seqs, articles, marked, strict=True)
                spill.replace({seq: new for seq, old, new in pairs if new is not old})
            stored = 0
            for articles in spill.in_read_order(self.store_chunk):
                written = len(report.article_ids)
                self.engine.store_articles(articles, report, marked=True)
                if analysed is not None:
                    self._analyse(analysed, list(dict.fromkeys(report.article_ids[written:])))
                stored += len(articles)
                if progress:
                    progress("store", stored, spill.count)
            if spill.count == 0:
                self.engine.store_articles([], report, marked=True)
        return report

    def build_stories(
        self, progress: ProgressCallback | None = None, *, analysed: AnalysedDocuments | None = None
    ) -> list[Story]:
        """Cluster every stored article into stories, summarize them and store the result.

        ``analysed``: documents already analysed from the store's current articles (by ``ingest``).
        """
        store = self.engine.store
        ids = store.article_ids()
        analysed = analysed or self._analysed()
        self._analyse(analysed, [i for i in ids if i not in analysed.where])
        if progress:
            analysed.report_progress(progress, len(ids))
        analysed.cache_vectors(progress)
        if progress:
            progress("cluster", 0, 1)
        if analysed.arrivals is not None and analysed.vectors is not None:
            # The compact pass: arrivals and cached vectors, no documents on the driver.
            groups = cluster_arrivals(
                self.engine.clusterer(), analysed.vectors, analysed.arrivals_of(self.client, ids), store.articles
            )
        else:
            documents = analysed.documents(self.client, ids)
            groups = self.engine.cluster_groups(documents)
            del documents
        if progress:
            progress("cluster", 1, 1)
        tasks = self._submit_summaries(groups, ids, [analysed.where[i] for i in ids], analysed.parts)
        output = ParquetOutput(self.parquet) if self.parquet is not None else None
        try:
            if output is not None:  # while the workers summarize
                for start in range(0, len(ids), self.partition_size):
                    output.add_articles(store.articles(ids[start : start + self.partition_size]))
            # Each story is stored as its task comes back, while the workers summarize the rest.
            store.replace_stories(self._summaries(tasks, len(groups), progress))
            stored = self.engine.stories()
            if output is not None:
                output.add_stories(stored)
        finally:
            if output is not None:
                output.close()
        return stored

    # -- steps ------------------------------------------------------------------------

    def _analysed(self) -> AnalysedDocuments:
        clusterer = self.engine.clusterer()
        return AnalysedDocuments(vector_step(clusterer), arrivals=takes_arrivals(clusterer))

    def _analyse(self, analysed: AnalysedDocuments, ids: list[str]) -> None:
        """Send stored articles (as the store gives them back) to the workers for analysis, a page a task."""
        for start in range(0, len(ids), self.partition_size):
            articles = self.engine.store.articles(ids[start : start + self.partition_size])
            future = self.client.submit(analyse_partition, self.plugin_name, articles, pure=False)
            arrivals = None
            if analysed.arrivals is not None:
                arrivals = self.client.submit(arrivals_partition, self.plugin_name, future, pure=False)
            analysed.add(future, [a.id for a in articles], arrivals)
            if analysed.vectors is not None:  # the clusterer embeds: the workers make what its cache lacks
                # Near-duplicate copies ride with their original and are not embedded; the rare copy
                # whose original comes later is embedded by the clusterer on the driver, as locally.
                wanted = [n for n in analysed.vectors.missing([a.id for a in articles]) if not _copy(articles[n])]
                if wanted:
                    embedding = self.client.submit(embed_partition, self.plugin_name, future, wanted, pure=False)
                    analysed.embeddings.append((len(analysed.parts) - 1, [articles[i].id for i in wanted], embedding))

    def _submit_summaries(
        self, groups: list[StoryGroup], ids: list[str], where: list[tuple[int, int]], parts: list[Future]
    ) -> list[tuple[list[int], Future]]:
        """Summarize on the workers, each task given only the partitions its stories' documents sit in
        (and each story's loosely related article ids, ``clustering.cores``)."""
        members = [g.members for g in groups]
        # Stories whose documents share partitions go to one task: sort by first partition, then batch.
        order = sorted(range(len(groups)), key=lambda g: min(where[i][0] for i in members[g]))
        tasks: list[tuple[list[int], Future]] = []
        for batch in _batches(order, members, self.partition_size):
            needed = sorted({where[i][0] for g in batch for i in members[g]})
            slot = {p: n for n, p in enumerate(needed)}
            layouts: list[StoryLayout] = [tuple((slot[where[i][0]], where[i][1]) for i in members[g]) for g in batch]
            weak = [tuple(ids[i] for i in groups[g].weak) for g in batch]
            inputs = [parts[p] for p in needed]
            future = self.client.submit(summarize_stories, self.plugin_name, layouts, weak, *inputs, pure=False)
            tasks.append((batch, future))
        return tasks

    def _summaries(
        self, tasks: list[tuple[list[int], Future]], count: int, progress: ProgressCallback | None
    ) -> Iterator[Story]:
        """The stories in group order (the local engine's store order), each once its task is back.

        Tasks go out sorted by their stories' first partition: with input read in date order that
        is nearly group order; otherwise finished stories wait here (in memory) for an earlier one.
        """
        place = {g: (t, n) for t, (batch, _) in enumerate(tasks) for n, g in enumerate(batch)}
        waiting = [len(batch) for batch, _ in tasks]
        results: dict[int, list[Story]] = {}
        for g in range(count):
            t, n = place[g]
            if t not in results:
                results[t] = tasks[t][1].result()
            yield results[t][n]
            waiting[t] -= 1
            if waiting[t] == 0:
                del results[t]
            if progress:
                progress("summarize", g + 1, count)

    def _in_order(self, fn: Callable[[str, Any], Any], inputs: Iterable[Any]) -> Iterator[Any]:
        """Results of ``fn`` over ``inputs`` in input order, with a bounded number of tasks in flight."""
        window = 2 * self.threads + 1
        pending: deque[Future] = deque()
        for item in inputs:
            pending.append(self.client.submit(fn, self.plugin_name, item, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    # -- measurement ------------------------------------------------------------------

    def worker_peak_memory(self) -> dict[str, int]:
        """Peak resident memory (bytes) of each worker process so far."""
        return {str(address): int(rss) for address, rss in self.client.run(peak_rss_bytes).items()}

    def worker_cpu_seconds(self) -> dict[str, float]:
        """CPU time each worker process has used so far."""
        return {str(address): float(cpu) for address, cpu in self.client.run(cpu_seconds).items()}


class AnalysedDocuments:
    """Where each stored article's document sits on the workers: partition futures and positions.

    An article analysed twice (a newer version was stored later in the run) counts in its last place.
    """

    def __init__(self, vectors: VectorStep | None = None, *, arrivals: bool = False) -> None:
        self.parts: list[Future] = []
        self.sizes: list[int] = []
        self.where: dict[str, tuple[int, int]] = {}
        self.vectors = vectors
        self.embeddings: list[tuple[int, list[str], Future]] = []  # (part, article ids, their vectors)
        # With a clusterer that takes arrivals: each part's arrivals (vector-less), made on the workers.
        self.arrivals: list[Future] | None = [] if arrivals else None

    def add(self, part: Future, ids: list[str], arrivals: Future | None = None) -> None:
        for offset, article_id in enumerate(ids):
            self.where[article_id] = (len(self.parts), offset)
        self.parts.append(part)
        self.sizes.append(len(ids))
        if self.arrivals is not None:
            assert arrivals is not None, "this clusterer's arrivals are made with each part"
            self.arrivals.append(arrivals)

    def report_progress(self, progress: ProgressCallback, total: int) -> None:
        size_of = {f.key: n for f, n in zip(self.parts, self.sizes, strict=True)}
        done = 0
        for future in as_completed(self.parts):
            done += size_of[future.key]
            progress("analyse", min(done, total), total)

    def cache_vectors(self, progress: ProgressCallback | None) -> None:
        """Put the workers' vectors in the driver's cache, as they come (superseded versions left out)."""
        if self.vectors is None or not self.embeddings:
            return
        meta = {future.key: (part, ids) for part, ids, future in self.embeddings}
        total = sum(len(ids) for _, ids, _ in self.embeddings)
        done = 0
        for future in as_completed([future for _, _, future in self.embeddings]):
            part, ids = meta[future.key]
            rows = future.result()
            current = [n for n, article_id in enumerate(ids) if self.where[article_id][0] == part]
            self.vectors.put([ids[n] for n in current], rows[current])
            done += len(ids)
            if progress:
                progress("embed", done, total)

    def arrivals_of(self, client: Client, ids: list[str]) -> list[Any]:
        """The arrivals of ``ids``, in that order, for the compact global pass on the driver."""
        assert self.arrivals is not None
        parts = client.gather(self.arrivals)
        return [parts[p][i] for p, i in (self.where[article_id] for article_id in ids)]

    def documents(self, client: Client, ids: list[str]) -> list[Document]:
        """The documents of ``ids``, in that order, for the global clustering pass on the driver."""
        parts = client.gather(self.parts)
        return [parts[p][i] for p, i in (self.where[article_id] for article_id in ids)]


def _copy(article: Article) -> bool:
    return article.duplicate_of is not None


def _batches(order: Sequence[int], groups: Sequence[Sequence[int]], size: int) -> Iterator[list[int]]:
    batch: list[int] = []
    documents = 0
    for g in order:
        batch.append(g)
        documents += len(groups[g])
        if documents >= size:
            yield batch
            batch, documents = [], 0
    if batch:
        yield batch
