"""``ringkas eval cluster``: ringkas and peer clusterers side by side on one evaluation set.

Every article of the file is pooled and shuffled with a fixed seed; the gold story of an
article is the line it came from. Every system gets the same articles (read and cleaned by
ringkas's pipeline) in the same order, and the peers that cluster vectors get ringkas's own
vectors. Peers: average-link agglomerative clustering and HDBSCAN (scikit-learn) on those
vectors, TF-IDF with average-link agglomerative on the full text, and BERTopic (UMAP + HDBSCAN
on the same vectors; the optional extra ``peers``, run when installed). Scores are BCubed
precision, recall and F1.

Each peer has one configuration for every data set, as ringkas has: its one free parameter
is the value with the best mean F1 over ../shared/data/mds/vims.jsonl and
../shared/data/clustering/mmds_dev.jsonl (``benchmarks/cluster.py --sweep`` re-measures it).
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..clustering.events import EventClusterer
from ..clustering.features import event_text
from ..clustering.links import LinkModel
from ..clustering.training import PREFILTER, LabelledSet, fit, pair_table, samples
from ..dedup import DuplicateMarker
from ..embedding import FileVectorCache, VectorCache, make_embedder, text_key
from ..errors import ConfigError, FormatError, InputError
from ..models import Article
from .metrics import BCubed, bcubed
from .sets import ArticleIndex, clean_article, parse_line, set_lines

if TYPE_CHECKING:
    from ..engine import Engine

DEFAULT_SEED = 13
SYSTEMS = ("ringkas", "agglomerative", "hdbscan", "tfidf-agglomerative", "bertopic")
# The peers' single configurations (see the module docstring), measured by
# ``benchmarks/cluster.py sweep`` on 2026-11-21 (mean F1 over vims and mmds_dev in brackets):
# cosine 0.85 on USE vectors (0.651; its best on mmds_dev alone is 0.55), min_cluster_size 2
# (0.732) and TF-IDF cosine 0.35 (0.869). ``benchmarks/cluster.py quality`` also prints each
# peer's best value per set, which no single configuration reaches. BERTopic's min_topic_size
# 2, on 2026-11-22, is its best on both sets alone (vims 0.709, mmds_dev 0.714; 3, 5 and 10
# score less on each).
AGGLOMERATIVE_COSINE = 0.85
HDBSCAN_MIN_CLUSTER_SIZE = 2
TFIDF_COSINE = 0.35
BERTOPIC_MIN_TOPIC_SIZE = 2
# BERTopic's own UMAP settings, with a fixed seed so that a run can be repeated.
_UMAP: dict[str, Any] = {"n_neighbors": 15, "n_components": 5, "min_dist": 0.0, "metric": "cosine", "random_state": 42}


PEERS_INSTALL = "pip install -e '.[peers]'"


def bertopic_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("bertopic") is not None


def require_bertopic() -> None:
    if not bertopic_installed():
        raise ConfigError(f"the bertopic peer needs the extra 'peers': {PEERS_INSTALL}")


def default_systems() -> list[str]:
    """Every system, BERTopic only when the extra ``peers`` is installed."""
    return [s for s in SYSTEMS if s != "bertopic" or bertopic_installed()]


@dataclass(frozen=True)
class EvalSet:
    """The pooled, shuffled articles of one file and the gold story of each."""

    path: str
    articles: tuple[Article, ...]
    gold: dict[str, str]
    stories: int


@dataclass(frozen=True)
class SystemRun:
    system: str
    labels: dict[str, str]
    scores: BCubed
    stories: int
    seconds: float  # clustering time, plus embedding time when vectors were computed in this run
    embedded: int = 0  # articles embedded in this run (0: all from the cache)
    notes: str = ""

    @property
    def articles_per_second(self) -> float:
        return len(self.labels) / self.seconds if self.seconds > 0 else float("inf")


@dataclass(frozen=True)
class Vectors:
    """Ringkas's vectors of the eval set, shared with the peers, and what computing them cost."""

    rows: np.ndarray
    seconds: float
    embedded: int


def read_eval_set(
    path: str | Path,
    engine: Engine,
    *,
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    articles_by_id: ArticleIndex | None = None,
) -> EvalSet:
    """Every article of a clusters file (or an events file naming articles of ``articles_by_id``),
    cleaned, pooled and shuffled with ``seed``.

    ``limit``: only the first N lines (clusters). Bad lines are ``InputError``s naming the line.
    """
    source = str(path)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    stories = 0
    for lineno, line in set_lines(path, limit):
        story, items = _parse_line(line, source, lineno, articles_by_id)
        stories += 1
        for n, item in enumerate(items):
            cleaned = clean_article(engine, item, n, source=source, lineno=lineno, fallback_id=f"{story}/{n}")
            if cleaned.id in gold:  # ids repeat across lines in some sets: keep them apart
                cleaned = replace(cleaned, id=f"{story}/{cleaned.id}")
            if cleaned.id in gold:
                raise FormatError(f"article {n}: id {cleaned.id!r} appears twice", source=source, line=lineno)
            articles.append(cleaned)
            gold[cleaned.id] = story
    if not articles:
        raise InputError("no articles in the file", source=source)
    random.Random(seed).shuffle(articles)
    return EvalSet(source, tuple(articles), gold, stories)


def _parse_line(line: str, source: str, lineno: int, index: ArticleIndex | None) -> tuple[str, list[Any]]:
    item, items = parse_line(line, source, lineno, index)
    story = item.get("id", f"line-{lineno}")
    if not isinstance(story, (str, int)) or isinstance(story, bool):
        raise FormatError("field 'id' is not a string or number", source=source, line=lineno)
    return str(story), items


# -- systems ----------------------------------------------------------------------------


def _labels_from_groups(ids: Sequence[str], groups: Sequence[Sequence[int]]) -> dict[str, str]:
    labels = {}
    for n, group in enumerate(groups):
        for i in group:
            labels[ids[i]] = f"s{n}"
    return labels


def _labels_from_array(ids: Sequence[str], labels: Sequence[int]) -> dict[str, str]:
    out = {}
    singles = 0
    for article_id, label in zip(ids, labels, strict=True):
        if label < 0:  # HDBSCAN noise: every noise point is a story of its own
            singles += 1
            out[article_id] = f"noise{singles}"
        else:
            out[article_id] = f"s{int(label)}"
    return out


def average_link(similarity: np.ndarray, threshold: float) -> np.ndarray:
    """Average-link agglomerative clustering (scikit-learn) cut at a similarity threshold."""
    from sklearn.cluster import AgglomerativeClustering

    if len(similarity) < 2:
        return np.zeros(len(similarity), dtype=np.int64)
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    )
    return np.asarray(model.fit_predict(distance))


def hdbscan_labels(vectors: np.ndarray, min_cluster_size: int) -> np.ndarray:
    from sklearn.cluster import HDBSCAN

    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=np.int64)
    distance = np.clip(1.0 - vectors @ vectors.T, 0.0, None).astype(np.float64)
    np.fill_diagonal(distance, 0.0)
    return np.asarray(
        HDBSCAN(min_cluster_size=min_cluster_size, min_samples=1, metric="precomputed", copy=True).fit_predict(distance)
    )


def _bertopic_classes() -> tuple[Any, Any]:
    """BERTopic and UMAP (the first import takes seconds: numba compiles UMAP's kernels)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from bertopic import BERTopic
        from umap import UMAP
    return BERTopic, UMAP


def bertopic_labels(articles: Sequence[Article], vectors: np.ndarray, min_topic_size: int) -> np.ndarray:
    """BERTopic's topics (-1 for its outliers) with ringkas's vectors given, so that no embedding
    model is loaded: its clustering is UMAP to 5 dimensions, then HDBSCAN."""
    import warnings

    require_bertopic()
    if len(articles) <= _UMAP["n_components"] + 1:  # UMAP's spectral layout needs a few more points
        return np.arange(len(articles))
    BERTopic, UMAP = _bertopic_classes()
    with warnings.catch_warnings():  # its dependencies' deprecation notices are not ours to fix
        warnings.simplefilter("ignore")
        neighbours = min(_UMAP["n_neighbors"], len(articles) - 1)
        model = BERTopic(umap_model=UMAP(**{**_UMAP, "n_neighbors": neighbours}), min_topic_size=min_topic_size)
        topics, _probabilities = model.fit_transform([f"{a.title}\n{a.text}" for a in articles], embeddings=vectors)
    return np.asarray(topics)


def tfidf_similarity(articles: Sequence[Article]) -> np.ndarray:
    """What a user of scikit-learn would do: TfidfVectorizer (sublinear tf) on headline and text."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{a.title}\n{a.text}" for a in articles])
    return np.asarray((rows @ rows.T).toarray())


def run_peer(name: str, evalset: EvalSet, vectors: Vectors, *, parameter: float | None = None) -> SystemRun:
    ids = [a.id for a in evalset.articles]
    if name == "bertopic" and bertopic_installed():
        _bertopic_classes()  # imported before the clock starts: a one-off cost, not clustering
    start = time.perf_counter()
    if name == "agglomerative":
        value = AGGLOMERATIVE_COSINE if parameter is None else parameter
        labels = _labels_from_array(ids, average_link(vectors.rows @ vectors.rows.T, value).tolist())
        notes = f"cosine >= {value:g} on ringkas's vectors"
    elif name == "hdbscan":
        size = HDBSCAN_MIN_CLUSTER_SIZE if parameter is None else int(parameter)
        labels = _labels_from_array(ids, hdbscan_labels(vectors.rows, size).tolist())
        notes = f"min_cluster_size={size} on ringkas's vectors"
    elif name == "tfidf-agglomerative":
        value = TFIDF_COSINE if parameter is None else parameter
        labels = _labels_from_array(ids, average_link(tfidf_similarity(evalset.articles), value).tolist())
        notes = f"TF-IDF cosine >= {value:g}"
    elif name == "bertopic":
        size = BERTOPIC_MIN_TOPIC_SIZE if parameter is None else int(parameter)
        labels = _labels_from_array(ids, bertopic_labels(evalset.articles, vectors.rows, size).tolist())
        notes = f"min_topic_size={size} on ringkas's vectors (UMAP seed {_UMAP['random_state']})"
    else:
        raise ConfigError(f"unknown system {name!r} (known: {', '.join(SYSTEMS)})")
    seconds = time.perf_counter() - start
    return SystemRun(name, labels, bcubed(labels, evalset.gold), len(set(labels.values())), seconds, notes=notes)


def event_clusterer(
    engine: Engine, cache: VectorCache | None = None, link_model: LinkModel | None = None
) -> EventClusterer:
    """Ringkas's clusterer as the engine's settings make it, with vectors cached in ``cache``
    (and ``link_model`` instead of the shipped one, when given)."""

    settings = engine.settings
    embedder = make_embedder(settings["embedder"], max_tokens=settings["embed_max_tokens"])
    return EventClusterer(
        threshold=settings["cluster_threshold"],
        window_days=settings["cluster_window_days"],
        embedder=embedder,
        vectors=cache,
        tokenizer=engine.analyzer.tokenizer,
        link_model=link_model if link_model is not None else engine.link_model(),
    )


def ringkas_vectors(clusterer: EventClusterer, evalset: EvalSet) -> Vectors:

    model = clusterer.embedder.model_id
    keys = [text_key(model + "\n" + event_text(a)) for a in evalset.articles]
    cached = clusterer.cache.get(model, keys) if clusterer.cache is not None else {}
    start = time.perf_counter()
    rows = clusterer.vectors(evalset.articles, keys)
    return Vectors(rows, time.perf_counter() - start, sum(k not in cached for k in keys))


def labelled_set(clusterer: EventClusterer, evalset: EvalSet, vectors: Vectors) -> LabelledSet:
    """The eval set as the link model's training reads it: arrivals in the eval's order (near-copies
    marked, as ``run_ringkas`` feeds them) and the gold event of each article."""

    marked = DuplicateMarker().mark(list(evalset.articles))
    name = Path(evalset.path).stem
    return LabelledSet(
        name, tuple(clusterer.arrivals(marked, vectors.rows)), dict(evalset.gold), clusterer.embedder.dim
    )


def run_ringkas(clusterer: EventClusterer, evalset: EvalSet, vectors: Vectors) -> SystemRun:

    start = time.perf_counter()
    marked = DuplicateMarker().mark(list(evalset.articles))
    stream = clusterer.stream()
    stream.extend(clusterer.arrivals(marked, vectors.rows))
    groups = stream.groups()
    seconds = time.perf_counter() - start + (vectors.seconds if vectors.embedded else 0.0)
    labels = {article_id: f"s{n}" for n, group in enumerate(groups) for article_id in group}
    copies = sum(a.duplicate_of is not None for a in marked)
    notes = f"embedded {vectors.embedded} in {vectors.seconds:.1f}s" if vectors.embedded else "vectors from the cache"
    return SystemRun(
        "ringkas",
        labels,
        bcubed(labels, evalset.gold),
        len(groups),
        seconds,
        embedded=vectors.embedded,
        notes=f"{notes}; {copies} near-copies",
    )


def evaluate_file(
    path: str | Path,
    engine: Engine,
    *,
    systems: Sequence[str] | None = None,
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    output_dir: str | Path | None = None,
    cache_dir: str | None = None,
    progress: Callable[[str], None] | None = None,
    articles_by_id: ArticleIndex | None = None,
) -> tuple[EvalSet, list[SystemRun]]:
    """Cluster one file with each system (default: ``default_systems()``); write
    ``DIR/<system>.jsonl`` when ``output_dir`` is given."""
    if systems is None:
        systems = default_systems()
    if "bertopic" in systems:
        require_bertopic()  # before any work, not after the other systems have run
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system {unknown[0]!r} (known: {', '.join(SYSTEMS)})")
    evalset = read_eval_set(path, engine, seed=seed, limit=limit, articles_by_id=articles_by_id)
    runs = _run_systems(evalset, engine, systems, FileVectorCache(cache_dir) if cache_dir else None, progress)
    if output_dir is not None:
        write_labels(output_dir, evalset, runs)
    return evalset, runs


@dataclass(frozen=True)
class SetReport:
    """One set's runs (or the pooled sets'), and ringkas trained without it when there are others."""

    evalset: EvalSet
    runs: list[SystemRun]
    held_out: SystemRun | None = None


def evaluate_files(
    paths: Sequence[str | Path],
    engine: Engine,
    *,
    systems: Sequence[str] | None = None,
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    output_dir: str | Path | None = None,
    cache_dir: str | None = None,
    progress: Callable[[str], None] | None = None,
    articles_by_id: ArticleIndex | None = None,
) -> list[SetReport]:
    """Each file as ``evaluate_file`` does; with two or more, also ringkas on each set with a link
    model trained on the other files only (leave one set out), and every system on all the sets
    pooled and shuffled together (one report more, last). ``DIR/<set>/<system>.jsonl``."""
    several = len(paths) > 1
    if several and cache_dir is None:  # every set is embedded once, whatever runs on its vectors
        with tempfile.TemporaryDirectory() as tmp:
            return evaluate_files(
                paths,
                engine,
                systems=systems,
                seed=seed,
                limit=limit,
                output_dir=output_dir,
                cache_dir=tmp,
                progress=progress,
                articles_by_id=articles_by_id,
            )
    reports = []
    for path in paths:
        folder = Path(output_dir) / Path(path).stem if output_dir is not None and several else output_dir
        evalset, runs = evaluate_file(
            path,
            engine,
            systems=systems,
            seed=seed,
            limit=limit,
            output_dir=folder,
            cache_dir=cache_dir,
            progress=progress,
            articles_by_id=articles_by_id,
        )
        reports.append(SetReport(evalset, runs))
    if not several:
        return reports
    cache = FileVectorCache(cache_dir) if cache_dir else None
    if systems is None or "ringkas" in systems:
        reports = _leave_one_set_out(reports, engine, cache, progress)
    pooled = pool([r.evalset for r in reports], seed=seed)
    if progress:
        progress(f"pooling {len(paths)} sets: {len(pooled.articles)} articles")
    runs = _run_systems(pooled, engine, systems or default_systems(), cache, progress)
    if output_dir is not None:
        write_labels(Path(output_dir) / "pooled", pooled, runs)
    return [*reports, SetReport(pooled, runs)]


def pool(evalsets: Sequence[EvalSet], *, seed: int = DEFAULT_SEED) -> EvalSet:
    """The articles of several sets in one, ids and stories prefixed by each set's name, shuffled."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for evalset in evalsets:
        name = Path(evalset.path).stem
        for article in evalset.articles:
            articles.append(replace(article, id=f"{name}/{article.id}"))
            gold[f"{name}/{article.id}"] = f"{name}/{evalset.gold[article.id]}"
    random.Random(seed).shuffle(articles)
    return EvalSet("pooled", tuple(articles), gold, sum(e.stories for e in evalsets))


def _run_systems(
    evalset: EvalSet,
    engine: Engine,
    systems: Sequence[str],
    cache: VectorCache | None,
    progress: Callable[[str], None] | None,
) -> list[SystemRun]:
    """Every system on one set, the peers on ringkas's vectors."""
    if progress:
        progress(f"embedding {len(evalset.articles)} articles")
    clusterer = event_clusterer(engine, cache)
    vectors = ringkas_vectors(clusterer, evalset)
    runs = []
    for name in systems:
        if progress:
            progress(f"running {name}")
        runs.append(run_ringkas(clusterer, evalset, vectors) if name == "ringkas" else run_peer(name, evalset, vectors))
    return runs


def _leave_one_set_out(
    reports: list[SetReport], engine: Engine, cache: VectorCache | None, progress: Callable[[str], None] | None
) -> list[SetReport]:
    """Each report with ringkas run by a link model trained on the other reports' sets."""

    clusterer = event_clusterer(engine, cache)
    shipped = clusterer.link_model
    vectors = [ringkas_vectors(clusterer, r.evalset) for r in reports]  # the same for every link model
    labelled = [labelled_set(clusterer, r.evalset, v) for r, v in zip(reports, vectors, strict=True)]
    # each set with its small-store samples, as scripts/train_links.py trains
    tables = [[pair_table(x, clusterer.params, PREFILTER) for x in [s, *samples(s)]] for s in labelled]
    out = []
    for n, report in enumerate(reports):
        if progress:
            progress(f"training without {Path(report.evalset.path).name}")
        model = fit([t for m, group in enumerate(tables) if m != n for t in group], PREFILTER).with_shift(shipped.shift)
        others = event_clusterer(engine, cache, link_model=model)
        run = run_ringkas(others, report.evalset, vectors[n])
        names = ", ".join(Path(r.evalset.path).stem for m, r in enumerate(reports) if m != n)
        out.append(replace(report, held_out=replace(run, system="ringkas (left out)", notes=f"trained on {names}")))
    return out


def write_labels(output_dir: str | Path, evalset: EvalSet, runs: Sequence[SystemRun]) -> None:
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for run in runs:
        with open(folder / f"{run.system}.jsonl", "w", encoding="utf-8") as handle:
            for article in evalset.articles:
                line = {"article_id": article.id, "story": run.labels[article.id]}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def results_table(evalset: EvalSet, runs: Sequence[SystemRun]) -> list[list[str]]:
    rows = [["system", "precision", "recall", "F1", "stories", "gold", "articles/s", "notes"]]
    for run in runs:
        rows.append(
            [
                run.system,
                f"{run.scores.precision:.4f}",
                f"{run.scores.recall:.4f}",
                f"{run.scores.f1:.4f}",
                str(run.stories),
                str(evalset.stories),
                f"{run.articles_per_second:.1f}",
                run.notes,
            ]
        )
    return rows


def format_table(rows: Sequence[Sequence[str]]) -> str:
    """Plain text, columns padded (numbers right-aligned), for terminals and logs alike."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            numeric = i > 0 and cell.replace(".", "", 1).isdigit()
            cells.append(cell.rjust(widths[i]) if numeric else cell.ljust(widths[i]))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
