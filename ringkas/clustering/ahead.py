"""Clustering ahead: a rebuild's embedding and clustering run in a second process while this one
analyses the articles (names, dates, quotes).

The event clusterer reads articles only (headline, lead, outlet, date and the vector of its event
text), never what analysis finds, so on two cores a rebuild's two long steps overlap: this process
analyses while the child (``python -m ringkas.clustering.ahead IN OUT``, a fresh interpreter that
shares no state, store connection or thread with this one) clusters the articles in order with a
clusterer built from the same settings, embedding the texts the vector cache lacks batch by batch
as it reaches them, in the batches ``cached_vectors`` would use (so the same floats). When this
process has analysed, it embeds the batches the child has not reached, from the last back (a
claim file per batch says who embeds it), then whatever other work it is given (``while_waiting``)
until the child is done, so both cores work until the end. Then the vectors are put in the cache
and ``groups`` holds the child's stories: the groups this process would make
(``tests/test_clustering_ahead.py``). A child that fails, or a block that raises, leaves
``groups`` None (only the batches this process embedded reach the cache): clustering then runs
here and reports its own errors.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from ..children import start_child, usable_cores
from ..embedding import make_embedder
from ..embedding.cache import EMBED_BATCH, VectorCache
from ..models import Article
from .cores import StoryGroup
from .stream import Arrival

# Fewer articles than this are clustered here: starting the child (its imports and models: about
# two seconds of CPU) would cost more than the overlap saves.
MIN_ARTICLES = 256


@dataclass(frozen=True)
class ClusterSettings:
    """What the child needs to build the clusterer the engine would build."""

    clusterer: str
    threshold: float
    window_days: int
    link_model: str  # a model file, or "" for the shipped model
    embedder: str
    embedder_options: dict[str, Any] = field(default_factory=dict)


class _Batches:
    """The embedding batches of one rebuild, shared by this process and the child through a folder:
    whoever first creates ``claim-B`` embeds batch B; this process writes its batches to
    ``batch-B.npy``, the child waits for them. The child takes them from the first on, this
    process from the last back once it has analysed, until they meet."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def claim(self, batch: int) -> bool:
        try:
            os.close(os.open(self.folder / f"claim-{batch}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def give(self, batch: int, rows: np.ndarray) -> None:
        part = self.folder / f"batch-{batch}.part.npy"
        np.save(part, rows)
        os.replace(part, self.folder / f"batch-{batch}.npy")

    def wait(self, batch: int, parent: int) -> np.ndarray:
        """Batch ``batch`` as this process wrote it (the child waits; it gives up if its parent,
        process ``parent``, is gone)."""
        path = self.folder / f"batch-{batch}.npy"
        while not path.exists():
            if os.getppid() != parent:
                raise OSError("the rebuild that started this process is gone")
            time.sleep(0.002)
        return np.load(path)


def cluster_articles(
    settings: ClusterSettings,
    articles: list[Article],
    known: dict[str, np.ndarray],
    batches: list[list[int]],
    shared: _Batches | None = None,
) -> tuple[dict[int, np.ndarray], list[StoryGroup]]:
    """What the child runs: the story groups of ``articles``, and the vectors of the batches of
    their event texts (indexes) it embedded itself. Each article's vector is read from ``known``,
    or made with its batch just before the article is clustered (so the two steps take turns), or,
    for a batch the parent claimed in ``shared``, waited for."""
    from ..tokens import Tokenizer
    from . import make_clusterer
    from .links import LinkModel

    embedder = make_embedder(settings.embedder, **settings.embedder_options)
    clusterer: Any = make_clusterer(
        settings.clusterer,
        threshold=settings.threshold,
        window_days=settings.window_days,
        tokenizer=Tokenizer(),
        embedder=embedder,
        link_model=LinkModel.load(settings.link_model or None),
    )
    keys, texts = clusterer.embedding_texts(articles)
    batch_of = {keys[i]: b for b, batch in enumerate(batches) for i in batch}
    riding = clusterer.copies(articles)
    vectors = dict(known)
    made: dict[int, np.ndarray] = {}
    parent = os.getppid()

    def arrivals() -> Iterator[Arrival]:
        for article in articles:
            if article.id in riding:
                yield clusterer.arrival(article, None)
                continue
            if article.id not in vectors:
                b = batch_of[article.id]
                if shared is None or shared.claim(b):
                    rows = made[b] = embedder.embed([texts[i] for i in batches[b]])
                else:
                    rows = shared.wait(b, parent)
                vectors.update({keys[i]: rows[n] for n, i in enumerate(batches[b])})
            yield clusterer.arrival(article, vectors[article.id])

    return made, clusterer.article_groups(articles, arrivals())


class ClusteringAhead:
    """``with ClusteringAhead(...) as ahead: analyse(...)``; then ``ahead.groups`` is the story
    groups of ``articles`` (None when the child did not run or failed) and the vectors of their
    event texts that ``cache`` lacked are in it. When the block ends this process embeds the
    batches the child has not started, from the last back (``stolen`` counts them), while the
    child clusters, then the steps of ``while_waiting`` until the child is done. Does nothing
    without ``settings``, for fewer than ``min_articles`` (default ``MIN_ARTICLES``) articles or
    on one core."""

    def __init__(
        self,
        articles: Sequence[Article],
        clusterer: Any,
        cache: VectorCache,
        settings: ClusterSettings | None,
        *,
        min_articles: int | None = None,
        batch: int = EMBED_BATCH,
    ) -> None:
        self.groups: list[StoryGroup] | None = None
        self.stolen = 0
        # Steps of other work this process does while the child finishes (each ``next`` one step).
        self.while_waiting: Iterator[None] = iter(())
        self._cache = cache
        self._embedder: Any = None
        self._texts: list[list[str]] = []
        self._keys: list[list[str]] = []
        self._child: subprocess.Popen[bytes] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        least = MIN_ARTICLES if min_articles is None else min_articles
        if settings is None or len(articles) < least or usable_cores() < 2:
            return
        self._embedder = clusterer.embedder
        keys, texts = clusterer.embedding_texts(articles)
        known = cache.get(self._embedder.model_id, list(keys))
        missing = [i for i, key in enumerate(keys) if key not in known]
        batches = [missing[start : start + batch] for start in range(0, len(missing), batch)]
        self._keys = [[keys[i] for i in b] for b in batches]
        self._texts = [[texts[i] for i in b] for b in batches]
        self._folder = tempfile.TemporaryDirectory(prefix="ringkas-cluster-")
        job = Path(self._folder.name) / "articles.pickle"
        job.write_bytes(pickle.dumps((settings, list(articles), known, batches)))
        self._child = start_child("ringkas.clustering.ahead", job, self._result)

    @property
    def _result(self) -> Path:
        assert self._folder is not None
        return Path(self._folder.name) / "groups.pickle"

    def __enter__(self) -> ClusteringAhead:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._child is None or self._folder is None:
            return
        mine: dict[int, np.ndarray] = {}
        try:
            if kind is None:
                try:
                    mine = self._steal(_Batches(Path(self._folder.name)))
                    for _step in self.while_waiting:
                        if self._child.poll() is not None:
                            break
                except BaseException:
                    self._child.kill()  # it may be waiting for a batch that will not come
                    raise
            else:  # analysis failed: the stories are not needed now
                self._child.kill()
            made: dict[int, np.ndarray] = {}
            if self._child.wait() == 0 and kind is None:
                made, groups = pickle.loads(self._result.read_bytes())
                self.groups = list(groups)
            # this process's batches are kept even when the child failed: clustering here reads them
            for b, rows in {**made, **mine}.items():
                self._cache.put(self._embedder.model_id, {key: rows[n] for n, key in enumerate(self._keys[b])})
        except (OSError, ValueError, pickle.UnpicklingError):
            self.groups = None  # clustering runs here and reports the errors itself
        finally:
            self._child = None
            self._folder.cleanup()

    def _steal(self, shared: _Batches) -> dict[int, np.ndarray]:
        """The batches this process embeds, from the last back, while the child lives and has not
        claimed them."""
        assert self._child is not None
        mine: dict[int, np.ndarray] = {}
        for b in range(len(self._keys) - 1, -1, -1):
            if self._child.poll() is not None or not shared.claim(b):
                break
            mine[b] = self._embedder.embed(self._texts[b])
            shared.give(b, mine[b])
        self.stolen = len(mine)
        return mine


def main(argv: list[str]) -> int:
    """The child: read (settings, articles, known vectors, batches) from ``argv[0]``, write the
    vectors of the batches it embedded and the story groups to ``argv[1]``."""
    source, target = argv
    settings, articles, known, batches = pickle.loads(Path(source).read_bytes())
    shared = _Batches(Path(source).parent)
    Path(target).write_bytes(pickle.dumps(cluster_articles(settings, articles, known, batches, shared)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
