"""Choose the cut of a story's core (``clustering.cores.WEAK_LINK``) on labelled sets, leave-one-set-out.

    python scripts/train_weak_links.py [--cache-dir DIR] [--weight 3]

Sets: ViMs (../shared/data/mds/vims.jsonl), MMDS dev (../shared/data/clustering/mmds_dev.jsonl)
and the six windows of the real stream we labelled (``labels/realworld/*.jsonl``) choose; the real
dev window (../shared/data/realworld/clusters_dev.jsonl) checks. Each set is clustered by ringkas
as a rebuild clusters it (articles in founding order, the shipped link model); in each story of
two or more articles the story's event is its most frequent gold event (the first article's on a
tie, as ``benchmarks/summarize.py readability`` counts). For each cut it counts

- leaks: articles of another event that stay in the story's core (their sentences can reach the
  summary: what the readability benchmark calls "outside the event");
- losses: articles of the story's event left out of the core (the summary no longer draws on them).

The cut kept is the one with the least ``weight`` x leaks + losses over the choosing sets, each
set weighing the same (its count over the articles of its stories; the lowest cut on a tie); the
left-out rows choose it without the set they score. The link model itself
was trained on all these sets (scripts/train_links.py), so its probabilities here are in-sample.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from ringkas import Engine  # noqa: E402
from ringkas.clustering.cores import WEAK_LINK, linked_core, story_links  # noqa: E402
from ringkas.embedding import FileVectorCache  # noqa: E402
from ringkas.evaluation.clustering import event_clusterer, read_eval_set  # noqa: E402
from ringkas.evaluation.sets import article_index  # noqa: E402
from ringkas.models import Article  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SETS = {"vims": SHARED / "mds" / "vims.jsonl", "mmds_dev": SHARED / "clustering" / "mmds_dev.jsonl"}
STREAM = SHARED / "realworld" / "stream.jsonl"
LABELS = ROOT / "labels" / "realworld"
CHECK = ("realworld", SHARED / "realworld" / "clusters_dev.jsonl")
CUTS = tuple(round(c, 2) for c in np.arange(0.50, 0.951, 0.01))

# one story: the gold event of each member (in arrival order) and the link matrix of its members
Story = tuple[list[str], np.ndarray]


def founding(article: Article) -> tuple[int, str]:
    return (article.published.toordinal() if article.published else date.max.toordinal(), article.id)


def stories_of(engine: Engine, cache: str, path: Path, index: dict | None) -> list[Story]:
    """ringkas's stories of two or more articles over one set, as (gold events, link matrix)."""
    evalset = read_eval_set(path, engine, articles_by_id=index)
    articles = sorted(evalset.articles, key=founding)
    clusterer = event_clusterer(engine, FileVectorCache(cache))
    stream = clusterer.stream()
    stream.extend(clusterer.arrivals(articles))
    out = []
    for group in stream.groups():
        nodes, link = story_links(stream, group)
        if len(nodes) > 1:
            out.append(([evalset.gold[stream._ids[n]] for n in nodes], link))
    return out


def counts(stories: list[Story], cut: float) -> np.ndarray:
    """(leaks, articles of another event, losses, articles of the story's event) at ``cut``."""
    out = np.zeros(4, dtype=int)
    for events, link in stories:
        event = Counter(events).most_common(1)[0][0]
        core = linked_core(link, cut)
        for k, e in enumerate(events):
            if e == event:
                out[2:] += (k not in core, 1)
            else:
                out[:2] += (k in core, 1)
    return out


def best_cut(tables: list[dict[float, np.ndarray]], weight: float) -> float:
    """The cut with the least cost, each set weighing the same (its cost over its stories' articles)."""

    def cost(cut: float) -> float:
        return sum((weight * t[cut][0] + t[cut][2]) / max(1, t[cut][1] + t[cut][3]) for t in tables)

    return min(CUTS, key=lambda c: (round(cost(c), 9), c))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache-dir", default=str(ROOT / ".cache" / "vectors"), help="embedding cache")
    parser.add_argument("--weight", type=float, default=3.0, help="a leak counts this many losses")
    parser.add_argument("--tables", help="read the counts saved by --save-tables instead of clustering")
    parser.add_argument("--save-tables", help="save the counts (pickle) to choose again with another weight")
    args = parser.parse_args()
    if args.tables:
        return report(pickle.loads(Path(args.tables).read_bytes()), args.weight)
    if not STREAM.exists():
        print(f"{STREAM} is absent: nothing to learn from", file=sys.stderr)
        return 1
    index = article_index(STREAM)
    paths = {**SETS, **{f"rw_{p.stem[5:]}": p for p in sorted(LABELS.glob("*.jsonl"))}}
    tables: dict[str, dict[float, np.ndarray]] = {}
    with Engine(db=":memory:", progress=False) as engine:
        for name, path in [*paths.items(), CHECK]:
            stories = stories_of(engine, args.cache_dir, path, index)
            tables[name] = {c: counts(stories, c) for c in CUTS}
            print(f"{name}: {len(stories)} stories of 2+ articles", file=sys.stderr)
    if args.save_tables:
        Path(args.save_tables).write_bytes(pickle.dumps(tables))
    return report(tables, args.weight)


def report(tables: dict[str, dict[float, np.ndarray]], weight: float) -> int:
    choosing = [n for n in tables if n != CHECK[0]]
    print(f"leaks (another event's articles left in a core) and losses (the event's own left out); weight {weight:g}")
    print("cut   " + "  ".join(f"{n:>14}" for n in tables))
    for cut in CUTS[::5]:
        cells = [f"{t[cut][0]:>3}/{t[cut][1]:<3} {t[cut][2]:>3}/{t[cut][3]:<3}" for t in tables.values()]
        print(f"{cut:.2f}  " + "  ".join(f"{c:>14}" for c in cells))
    print("\nleave one set out (the cut chosen on the other choosing sets):")
    for name in [*choosing, CHECK[0]]:
        cut = best_cut([tables[n] for n in choosing if n != name], weight)
        leak, intruders, lost, members = tables[name][cut]
        print(f"  {name:14} cut {cut:.2f}: leaks {leak}/{intruders}, losses {lost}/{members}")
    cut = best_cut([tables[n] for n in choosing], weight)
    leak, intruders, lost, members = sum(tables[n][cut] for n in choosing)
    print(f"\nchosen on {', '.join(choosing)}: {cut:.2f} (shipped: {WEAK_LINK}); ", end="")
    print(f"leaks {leak}/{intruders}, losses {lost}/{members}")
    leak, intruders, lost, members = tables[CHECK[0]][cut]
    print(f"check, {CHECK[0]} dev window: leaks {leak}/{intruders}, losses {lost}/{members}")
    leak, intruders, lost, members = tables[CHECK[0]][WEAK_LINK]
    print(f"  at the shipped cut {WEAK_LINK}: leaks {leak}/{intruders}, losses {lost}/{members}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
