"""Stories on the whole real stream, as a user running ringkas on the feeds would get them.

    python benchmarks/realworld.py stream [--cache-dir DIR]

``ringkas eval cluster`` scores each labelled window on its own, shuffled: a store of a few
hundred articles. A user's store holds every article of the last days, in the order they were
published. This clusters all of ``../shared/data/realworld/stream.jsonl`` (3,109 articles, 11
days) in file order, as ``ringkas run`` would, and scores the stories on the articles of each
labelled window (the dev window's ``events_dev.jsonl`` and ``labels/realworld/*.jsonl``): BCubed
precision, recall and F1 among a window's articles, so a story may also hold articles from
outside the window. The peer a user would pick instead, TF-IDF + average-link agglomerative
clustering (scikit-learn, the cut ``ringkas eval cluster`` uses), runs on the same articles.

The shipped link model was trained on some of these windows: those are marked "trained"; the
mean over the others is the honest one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "realworld"
STREAM = DATA / "stream.jsonl"
WINDOWS = {"realworld": DATA / "events_dev.jsonl"} | {
    f"rw_{p.stem}": p for p in sorted((ROOT / "labels" / "realworld").glob("*.jsonl"))
}


def window_gold(path: Path, articles_by_id: Mapping[str, Any]) -> dict[str, str]:
    """Article id -> event of one labelled window (an events file naming stream articles)."""
    from ringkas.evaluation.sets import parse_line, set_lines

    gold = {}
    for lineno, line in set_lines(path):
        _, items = parse_line(line, str(path), lineno, articles_by_id)
        for item in items:
            gold[item["id"]] = f"{path.stem}:{lineno}"
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="realworld.py stream", description=__doc__.split("\n")[0])
    parser.add_argument("--cache-dir", help="keep the embeddings in DIR/vectors.sqlite for reruns")
    args = parser.parse_args(argv)
    if not STREAM.exists():
        print(f"missing {STREAM}: the realworld data lives in ../shared (see its README)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from ringkas import Engine
    from ringkas.clustering.features import event_text
    from ringkas.clustering.scores import bcubed
    from ringkas.dedup import DuplicateMarker
    from ringkas.embedding import FileVectorCache, text_key
    from ringkas.errors import InputError
    from ringkas.evaluation.clustering import TFIDF_COSINE, average_link, event_clusterer, tfidf_similarity
    from ringkas.evaluation.sets import article_index

    with Engine(db=":memory:", progress=False) as engine:
        articles = [a for a in engine.read([str(STREAM)]) if not isinstance(a, InputError)]
        clusterer = event_clusterer(engine, FileVectorCache(args.cache_dir) if args.cache_dir else None)
        model_id = clusterer.embedder.model_id
        vectors = clusterer.vectors(articles, [text_key(model_id + "\n" + event_text(a)) for a in articles])
        start = time.perf_counter()
        stream = clusterer.stream()
        stream.extend(clusterer.arrivals(DuplicateMarker().mark(articles), vectors))
        ours = {a: str(n) for n, group in enumerate(stream.groups()) for a in group}
        seconds = time.perf_counter() - start
        trained = set(engine.link_model().trained_on)
    start = time.perf_counter()
    labels = average_link(tfidf_similarity(articles), TFIDF_COSINE)
    peer = {a.id: str(label) for a, label in zip(articles, labels.tolist(), strict=True)}
    peer_seconds = time.perf_counter() - start
    print(f"{STREAM}: {len(articles)} articles in file order")
    print(f"ringkas: {len(set(ours.values()))} stories in {seconds:.1f} s")
    print(f"TF-IDF + agglomerative (cosine >= {TFIDF_COSINE:g}): {len(set(peer.values()))} in {peer_seconds:.1f} s")
    print(f"{'window':20} {'articles':>8}  {'ringkas P/R/F1':>22}  {'peer P/R/F1':>22}  {'margin':>7}")
    rows: list[tuple[bool, float, float]] = []
    index = article_index(STREAM)
    for name, path in WINDOWS.items():
        gold = {a: e for a, e in window_gold(path, index).items() if a in ours}
        if not gold:
            continue
        a = bcubed({i: ours[i] for i in gold}, gold)
        b = bcubed({i: peer[i] for i in gold}, gold)
        seen = name in trained
        rows.append((seen, a.f1, b.f1))
        print(
            f"{name:20} {len(gold):8d}  {a.precision:.3f} {a.recall:.3f} {a.f1:.4f}"
            f"  {b.precision:.3f} {b.recall:.3f} {b.f1:.4f}  {a.f1 - b.f1:+.4f}{'  trained' if seen else ''}"
        )
    for label, chosen in (("all windows", rows), ("never trained on", [r for r in rows if not r[0]])):
        if chosen:
            f_ours = sum(r[1] for r in chosen) / len(chosen)
            f_peer = sum(r[2] for r in chosen) / len(chosen)
            margin = f_ours - f_peer
            print(f"mean, {label} ({len(chosen)}): ringkas {f_ours:.4f}, peer {f_peer:.4f}, margin {margin:+.4f}")
    return 0
