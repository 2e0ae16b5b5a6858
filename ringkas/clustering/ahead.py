"""Clustering ahead: a rebuild's embedding and clustering run in a second process while this one
analyses the articles (names, dates, quotes).

The event clusterer reads articles only (headline, lead, outlet, date and the vector of its event
text), never what analysis finds, so on two cores a rebuild's two long steps overlap: this process
analyses while the child (``python -m ringkas.clustering.ahead IN OUT``, a fresh interpreter that
shares no state, store connection or thread with this one) embeds the texts the vector cache
lacks, in the batches ``cached_vectors`` would use (so the same floats), then clusters the
articles with a clusterer built from the same settings and those vectors. When the block ends the
vectors are put in the cache and ``groups`` holds the child's stories: the groups this process
would make (``tests/test_clustering_ahead.py``). A child that fails, or a block that raises,
leaves ``groups`` None and the cache as it was: clustering then runs here and reports its own
errors.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from ..embedding import make_embedder
from ..embedding.cache import EMBED_BATCH, VectorCache
from ..models import Article
from .cores import StoryGroup

# Fewer articles than this are clustered here: starting the child (its imports and models: about
# two seconds of CPU) would cost more than the overlap saves.
MIN_ARTICLES = 256


def usable_cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class ClusterSettings:
    """What the child needs to build the clusterer the engine would build."""

    clusterer: str
    threshold: float
    window_days: int
    link_model: str  # a model file, or "" for the shipped model
    embedder: str
    embedder_options: dict[str, Any] = field(default_factory=dict)


class _Vectors:
    """A vector cache in memory (the child's: the vectors it was given and those it made)."""

    def __init__(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        self.model_id = model_id
        self.rows = dict(vectors)

    def get(self, model_id: str, keys: list[str]) -> dict[str, np.ndarray]:
        if model_id != self.model_id:
            return {}
        return {k: self.rows[k] for k in keys if k in self.rows}

    def put(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        if model_id == self.model_id:
            self.rows.update(vectors)


def cluster_articles(
    settings: ClusterSettings, articles: list[Article], known: dict[str, np.ndarray], batches: list[list[int]]
) -> tuple[list[np.ndarray], list[StoryGroup]]:
    """What the child runs: the vectors of each batch of ``articles`` (indexes) and the story
    groups of all of them, the vectors in ``known`` read, not made again."""
    from ..clustering import make_clusterer
    from ..clustering.links import LinkModel
    from ..tokens import Tokenizer

    embedder = make_embedder(settings.embedder, **settings.embedder_options)
    clusterer = make_clusterer(
        settings.clusterer,
        threshold=settings.threshold,
        window_days=settings.window_days,
        tokenizer=Tokenizer(),
        embedder=embedder,
        link_model=LinkModel.load(settings.link_model or None),
    )
    keys, texts = clusterer.embedding_texts(articles)  # type: ignore[attr-defined]
    made = [embedder.embed([texts[i] for i in batch]) for batch in batches]
    vectors = _Vectors(embedder.model_id, known)
    for batch, rows in zip(batches, made, strict=True):
        vectors.put(embedder.model_id, {keys[i]: rows[n] for n, i in enumerate(batch)})
    clusterer.cache = vectors  # type: ignore[attr-defined]
    return made, clusterer.article_groups(articles)  # type: ignore[attr-defined]


class ClusteringAhead:
    """``with ClusteringAhead(...) as ahead: analyse(...)``; then ``ahead.groups`` is the story
    groups of ``articles`` (None when the child did not run or failed) and the vectors of their
    event texts that ``cache`` lacked are in it. Does nothing without ``settings``, for fewer
    than ``min_articles`` (default ``MIN_ARTICLES``) articles or on one core."""

    def __init__(
        self,
        articles: Sequence[Article],
        clusterer: Any,
        cache: VectorCache,
        settings: ClusterSettings | None,
        *,
        min_articles: int | None = None,
    ) -> None:
        self.groups: list[StoryGroup] | None = None
        self._cache = cache
        self._model_id = ""
        self._keys: list[list[str]] = []
        self._child: subprocess.Popen[bytes] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        least = MIN_ARTICLES if min_articles is None else min_articles
        if settings is None or len(articles) < least or usable_cores() < 2:
            return
        self._model_id = clusterer.embedder.model_id
        keys, _texts = clusterer.embedding_texts(articles)
        known = cache.get(self._model_id, list(keys))
        missing = [i for i, key in enumerate(keys) if key not in known]
        batches = [missing[start : start + EMBED_BATCH] for start in range(0, len(missing), EMBED_BATCH)]
        self._keys = [[keys[i] for i in batch] for batch in batches]
        self._folder = tempfile.TemporaryDirectory(prefix="ringkas-cluster-")
        job = Path(self._folder.name) / "articles.pickle"
        job.write_bytes(pickle.dumps((settings, list(articles), known, batches)))
        # the child imports this very ringkas, wherever it was imported from
        here = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)}
        command = [sys.executable, "-m", "ringkas.clustering.ahead", str(job), str(self._result)]
        try:
            self._child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            self._child = None

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
        try:
            if kind is not None:  # analysis failed: the stories are not needed now
                self._child.kill()
            if self._child.wait() == 0 and kind is None:
                made, groups = pickle.loads(self._result.read_bytes())
                for keys, rows in zip(self._keys, made, strict=True):
                    self._cache.put(self._model_id, {key: rows[n] for n, key in enumerate(keys)})
                self.groups = list(groups)
        except (OSError, ValueError, pickle.UnpicklingError):
            self.groups = None  # clustering runs here and reports the errors itself
        finally:
            self._child = None
            self._folder.cleanup()


def main(argv: list[str]) -> int:
    """The child: read (settings, articles, known vectors, batches) from ``argv[0]``, write the
    batches' vectors and the story groups to ``argv[1]``."""
    source, target = argv
    settings, articles, known, batches = pickle.loads(Path(source).read_bytes())
    Path(target).write_bytes(pickle.dumps(cluster_articles(settings, articles, known, batches)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
