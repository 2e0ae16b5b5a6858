"""What runs on a Dask worker: the local engine's own stage methods, one partition at a time.

Each worker owns one store-free ``Engine`` (held by ``StagesPlugin``, built when the worker
joins), so reading, cleaning, analysis and summarizing are the very code the local engine
runs, with the same settings. Results go back as plain model objects.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from distributed import WorkerPlugin, get_worker

from ..engine import Engine
from ..errors import InputError
from ..models import Article, Document, Story
from ..reading import Reader, capped, read_json_lines
from ..settings import Settings
from .portable import PortableError
from .sources import FileSlice, LineSlice, Partition

# A story's documents as (partition number among the task's inputs, position in that partition).
StoryLayout = tuple[tuple[int, int], ...]


class StagesPlugin(WorkerPlugin):
    """Gives each worker its own engine (settings of the driver, an in-memory store)."""

    idempotent = False

    def __init__(self, settings: Settings) -> None:
        self.settings = settings.replace(db=":memory:", progress=False)
        self.engine: Engine | None = None
        self._clusterer: Any = None

    def setup(self, worker: object) -> None:
        self.engine = Engine(self.settings)

    def teardown(self, worker: object) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None
        self._clusterer = None

    def clusterer(self) -> Any:
        """The engine's clusterer, made once per worker (its embedding model loads once)."""
        if self._clusterer is None:
            assert self.engine is not None
            self._clusterer = self.engine.clusterer()
        return self._clusterer


def _plugin(plugin_name: str) -> StagesPlugin:
    """The plugin of one ``DaskEngine`` (one each, so runs sharing a cluster keep their settings)."""
    plugin = get_worker().plugins[plugin_name]
    assert isinstance(plugin, StagesPlugin) and plugin.engine is not None, "ringkas worker plugin not set up"
    return plugin


def stage_engine(plugin_name: str) -> Engine:
    engine = _plugin(plugin_name).engine
    assert engine is not None
    return engine


def read_partition(plugin_name: str, partition: Partition) -> list[Article | PortableError]:
    """Read and clean a partition: cleaned articles and errors, in input order."""
    engine = stage_engine(plugin_name)
    out: list[Article | PortableError] = []
    with Reader(max_bytes=engine.settings["max_file_bytes"]) as reader:
        for piece in partition:
            items: Iterator[Article | InputError]
            if isinstance(piece, FileSlice):
                items = reader.read_file(Path(piece.path))
            elif isinstance(piece, LineSlice):
                items = json_lines(piece)
            else:
                items = (i.rebuild() if isinstance(i, PortableError) else i for i in piece.items)
            for item in items:
                cleaned = engine.clean(item)
                out.append(PortableError.of(cleaned) if isinstance(cleaned, InputError) else cleaned)
    return out


def json_lines(piece: LineSlice) -> Iterator[Article | InputError]:
    """Articles of a run of JSON Lines, numbered and named as the reading stage does for a whole file."""
    return capped(read_json_lines(enumerate(piece.data.split(b"\n"), piece.first_line), piece.source))


def analyse_partition(plugin_name: str, articles: Sequence[Article]) -> list[Document]:
    return stage_engine(plugin_name).analyse(list(articles))


def embed_partition(plugin_name: str, documents: Sequence[Document], wanted: Sequence[int]) -> np.ndarray:
    """The clustering vectors of the wanted documents' articles, by the clusterer's own ``vectors``."""
    clusterer = _plugin(plugin_name).clusterer()
    return np.asarray(clusterer.vectors([documents[i].article for i in wanted]), dtype=np.float32)


def arrivals_partition(plugin_name: str, documents: Sequence[Document]) -> list[Any]:
    """What the clusterer's global pass reads of each document (its ``arrival``, without a vector)."""
    clusterer = _plugin(plugin_name).clusterer()
    return [clusterer.arrival(d.article, None) for d in documents]


def summarize_stories(
    plugin_name: str, layouts: Sequence[StoryLayout], weak: Sequence[tuple[str, ...]], *partitions: Sequence[Document]
) -> list[Story]:
    """Build the stories whose documents sit in the given partitions of analysed documents, none
    of a summary taken from its story's ``weak`` (loosely related) articles."""
    engine = stage_engine(plugin_name)
    stories = zip(layouts, weak, strict=True)
    return [engine.summarize([partitions[p][i] for p, i in layout], away) for layout, away in stories]


def peak_rss_bytes() -> int:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu_seconds() -> float:
    """CPU time (user and system) this process has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
