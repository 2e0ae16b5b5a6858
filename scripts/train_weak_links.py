"""Learn the weak-link cut (``clustering.cores.WEAK_LINK``) on labelled sets, leave-one-set-out.

    python scripts/train_weak_links.py [--budget 0.02] [--cache-dir DIR] [--tables FILE]

Sets: ViMs (../shared/data/mds/vims.jsonl), MMDS dev (../shared/data/clustering/mmds_dev.jsonl),
the real dev window (../shared/data/realworld/clusters_dev.jsonl) and each window of the real
stream we labelled (``labels/realworld/*.jsonl``). Each set is clustered by ringkas as a rebuild
clusters it (articles in founding order, the shipped link model). In each story of two or more
articles the story's event is its most frequent gold event (the founder's on a tie, as
``benchmarks/summarize.py readability`` counts); its articles of that event are its members, the
others intruders. For each cut, ``cores.weak_articles`` marks articles loosely related:

- members dropped: the story's own articles marked (the summary no longer draws on them);
- intruders caught: the other events' articles marked (their sentences stay out of the summary).

The cut kept is the highest whose members-dropped rate over the members of all sets stays within
``--budget``; each left-out row chooses it without the set it scores. The link model
was trained on all these sets (scripts/train_links.py), so its probabilities are in-sample.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from ringkas import Engine  # noqa: E402
from ringkas.clustering.cores import WEAK_LINK, below_cut, best_links, founding_key  # noqa: E402
from ringkas.clustering.features import day_number  # noqa: E402
from ringkas.embedding import FileVectorCache  # noqa: E402
from ringkas.evaluation.clustering import event_clusterer, read_eval_set  # noqa: E402
from ringkas.evaluation.sets import article_index  # noqa: E402
from ringkas.models import Article  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SETS = {
    "vims": SHARED / "mds" / "vims.jsonl",
    "mmds_dev": SHARED / "clustering" / "mmds_dev.jsonl",
    "realworld_dev": SHARED / "realworld" / "clusters_dev.jsonl",
}
STREAM = SHARED / "realworld" / "stream.jsonl"
LABELS = ROOT / "labels" / "realworld"
CUTS = tuple(round(float(c), 2) for c in np.arange(0.30, 0.951, 0.01))

# one story, ready to judge at any cut: each article's (gold event, best link), its nodes, its founder
Story = tuple[dict[str, str], dict[str, float], dict[str, int], str]


def founding(article: Article) -> tuple[int, str]:
    return founding_key(article.id, day_number(article.published))


def stories_of(engine: Engine, cache: str, path: Path, index: dict | None) -> list[Story]:
    """ringkas's stories of two or more articles over one set."""
    evalset = read_eval_set(path, engine, articles_by_id=index)
    articles = sorted(evalset.articles, key=founding)
    day = {a.id: day_number(a.published) for a in articles}
    clusterer = event_clusterer(engine, FileVectorCache(cache))
    stream = clusterer.stream()
    stream.extend(clusterer.arrivals(articles))
    out = []
    for group in stream.groups():
        if len(group) < 2:
            continue
        ordered = sorted(group, key=lambda a: founding_key(a, day[a]))
        events = {a: evalset.gold[a] for a in ordered}
        nodes = {a: stream.node_of(a) for a in ordered}
        out.append((events, best_links(stream, ordered), nodes, ordered[0]))
    return out


def counts(stories: list[Story], cut: float) -> np.ndarray:
    """(members dropped, members, intruders caught, intruders) at ``cut``."""
    out = np.zeros(4, dtype=int)
    for events, best, nodes, founder in stories:
        event = Counter(events.values()).most_common(1)[0][0]
        weak = set(below_cut(best, nodes, founder, cut))
        for a, e in events.items():
            if e == event:
                out[:2] += (a in weak, 1)
            else:
                out[2:] += (a in weak, 1)
    return out


def chosen(tables: list[dict[float, np.ndarray]], budget: float) -> float:
    """The highest cut whose members-dropped rate over all the tables' members is within ``budget``
    (each member counts once: a small window cannot allow a single drop at 2% alone)."""
    ok = [c for c in CUTS if sum(t[c][0] for t in tables) <= budget * max(1, sum(t[c][1] for t in tables))]
    return max(ok) if ok else CUTS[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache-dir", default=str(ROOT / ".cache" / "vectors"), help="embedding cache")
    parser.add_argument("--budget", type=float, default=0.02, help="highest members-dropped rate on a set")
    parser.add_argument("--tables", help="read the counts saved by --save-tables instead of clustering")
    parser.add_argument("--save-tables", help="save the counts (pickle) to choose again with another budget")
    args = parser.parse_args()
    if args.tables:
        return report(pickle.loads(Path(args.tables).read_bytes()), args.budget)
    if not STREAM.exists():
        print(f"{STREAM} is absent: nothing to learn from", file=sys.stderr)
        return 1
    index = article_index(STREAM)
    paths = {**SETS, **{f"rw_{p.stem}": p for p in sorted(LABELS.glob("*.jsonl"))}}
    tables: dict[str, dict[float, np.ndarray]] = {}
    with Engine(db=":memory:", progress=False) as engine:
        for name, path in paths.items():
            stories = stories_of(engine, args.cache_dir, path, index)
            tables[name] = {c: counts(stories, c) for c in CUTS}
            print(f"{name}: {len(stories)} stories of 2+ articles", file=sys.stderr)
    if args.save_tables:
        Path(args.save_tables).write_bytes(pickle.dumps(tables))
    return report(tables, args.budget)


def report(tables: dict[str, dict[float, np.ndarray]], budget: float) -> int:
    print(f"members dropped / members, intruders caught / intruders, per set; budget {budget:g}")
    for cut in CUTS[20::2]:
        cells = [f"{t[cut][0]}/{t[cut][1]} {t[cut][2]}/{t[cut][3]}" for t in tables.values()]
        print(f"{cut:.2f}  " + "  ".join(cells))
    print("sets: " + ", ".join(tables))
    print("\nleave one set out (the cut chosen on the other sets):")
    total = np.zeros(4, dtype=int)
    for name in tables:
        cut = chosen([t for n, t in tables.items() if n != name], budget)
        dropped, members, caught, intruders = tables[name][cut]
        total += tables[name][cut]
        print(f"  {name:18} cut {cut:.2f}: members dropped {dropped}/{members}, intruders caught {caught}/{intruders}")
    dropped, members, caught, intruders = total
    print(f"  {'all, left out':18}          members dropped {dropped}/{members}, intruders caught {caught}/{intruders}")
    cut = chosen(list(tables.values()), budget)
    dropped, members, caught, intruders = sum(t[cut] for t in tables.values())
    print(f"\nchosen on all sets: {cut:.2f} (shipped: {WEAK_LINK}); in sample: members dropped {dropped}/{members}, ")
    print(f"intruders caught {caught}/{intruders}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
