"""Learn the story-core threshold (``story_core.AGREEMENT``) on labelled stories, leave-one-set-out.

    python scripts/train_story_core.py [--budget 0.02] [--cache-dir DIR]

Sets: ViMs (../shared/data/mds/vims.jsonl), MMDS dev (../shared/data/clustering/mmds_dev.jsonl),
the real dev window (../shared/data/realworld/clusters_dev.jsonl) and, for the false drops, our
labelled windows of the real stream (``labels/realworld/*.jsonl``, pooled as "rw_windows"): every
gold story of two or more articles, read and analysed by ringkas's pipeline. For each threshold,
with agreement alone and with the different-subjects rule (``story_core.different_subjects``), it
measures

- the false drop rate: the share of a gold story's own articles the check leaves out;
- the catch rate: each gold story gets one article of another event of its set, once a random
  one and once the hardest (closest to the story by TF-IDF over the set), and the share of those
  the check leaves out.

The threshold kept is the highest whose false drop rate stays within ``--budget`` on every
set; the left-out row chooses it without the set it is scored on. Last, the real dev window as
ringkas's own clustering groups it: real members and real intruders (articles of another gold
event than the story's) the check leaves out.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from ringkas import Engine  # noqa: E402
from ringkas.evaluation.sets import article_index, clean_article, parse_line, set_lines  # noqa: E402
from ringkas.models import Document  # noqa: E402
from ringkas.stories import founding_order  # noqa: E402
from ringkas.summarizing.story_core import AGREEMENT, lead_terms, outlier_articles  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SETS = {
    "vims": SHARED / "mds" / "vims.jsonl",
    "mmds": SHARED / "clustering" / "mmds_dev.jsonl",
    "realworld": SHARED / "realworld" / "clusters_dev.jsonl",
}
STREAM = SHARED / "realworld" / "stream.jsonl"
WINDOWS = ROOT / "labels" / "realworld"  # our own event labels of windows of STREAM
THRESHOLDS = (0.0, 0.02, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25)

Stories = list[tuple[str, list[Document]]]


def read_stories(path: Path, engine: Engine, articles_by_id: dict[str, Any] | None = None) -> Stories:
    out = []
    for lineno, line in set_lines(path):
        item, articles = parse_line(line, str(path), lineno, articles_by_id)
        docs = []
        for n, raw in enumerate(articles):
            article = clean_article(
                engine, raw, n, source=str(path), lineno=lineno, fallback_id=f"{item.get('id')}/{n}"
            )
            docs.append(engine.analyzer.analyse(article))
        out.append((str(item.get("id", f"{path.stem}:{lineno}")), docs))
    return out


def read_windows(engine: Engine) -> Stories:
    """Every labelled window of the stream, pooled (empty without the stream)."""
    if not STREAM.exists():
        return []
    stream = article_index(STREAM)
    return [story for path in sorted(WINDOWS.glob("*.jsonl")) for story in read_stories(path, engine, stream)]


def intruders(stories: Stories, stopwords: frozenset[str], rng: random.Random) -> dict[str, list[Document]]:
    """For each story of 2+ articles (by id): a random article of another story and the other
    story's article closest to it (TF-IDF of the lead words over the set)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    pool = [(g, d) for g, docs in stories for d in docs]
    texts = [" ".join(" ".join(words) for words in lead_terms(d, stopwords)) for _, d in pool]
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    owner = np.array([g for g, _ in pool])
    out = {}
    for g, docs in stories:
        if len(docs) < 2:
            continue
        centre = np.asarray(matrix[owner == g].mean(axis=0)).ravel()
        closeness = matrix @ centre
        closeness[owner == g] = -1.0
        others = np.flatnonzero(owner != g)
        out[g] = [pool[int(rng.choice(others))][1], pool[int(np.argmax(closeness))][1]]
    return out


Check = Callable[[list[Document]], frozenset[int]]


def rates(stories: Stories, added: dict[str, list[Document]], checks: list[Check]) -> np.ndarray:
    """Per check: (false drop rate, catch rate of random intruders, of the hardest)."""
    out = np.zeros((len(checks), 3))
    members = 0
    for g, docs in stories:
        if len(docs) < 2:
            continue
        docs = sorted(docs, key=founding_order)
        members += len(docs)
        for t, check in enumerate(checks):
            out[t, 0] += len(check(docs))
        for k, other in enumerate(added[g]):
            mixed = sorted([*docs, other], key=founding_order)
            place = next(i for i, d in enumerate(mixed) if d is other)
            for t, check in enumerate(checks):
                out[t, 1 + k] += place in check(mixed)
    out[:, 0] /= max(1, members)
    out[:, 1:] /= max(1, len(added))
    return out


def _outliers(documents: list[Document], stopwords: frozenset[str], threshold: float, subjects: bool) -> frozenset[int]:
    return outlier_articles(documents, stopwords, threshold, subjects=subjects)


def chosen(table: dict[str, np.ndarray], budget: float) -> float:
    """The highest threshold whose false drop rate is within ``budget`` on every set given."""
    ok = [t for t in range(len(THRESHOLDS)) if all(r[t, 0] <= budget for r in table.values())]
    return THRESHOLDS[max(ok)] if ok else THRESHOLDS[0]


def real_window(engine: Engine, cache_dir: str | None, stopwords: frozenset[str], threshold: float) -> None:
    import tempfile

    from ringkas.embedding import FileVectorCache
    from ringkas.evaluation.clustering import event_clusterer, read_eval_set

    with tempfile.TemporaryDirectory() as spare:
        evalset = read_eval_set(SETS["realworld"], engine)
        documents = sorted((engine.analyzer.analyse(a) for a in evalset.articles), key=founding_order)
        groups = event_clusterer(engine, FileVectorCache(cache_dir or spare)).cluster(documents)
    counts = Counter[tuple[str, bool]]()
    for group in groups:
        docs = [documents[i] for i in group]
        if len(docs) < 2:
            continue
        event = Counter(evalset.gold[d.id] for d in docs).most_common(1)[0][0]
        for subjects in (False, True):
            away = outlier_articles(docs, stopwords, threshold, subjects=subjects)
            for i, d in enumerate(docs):
                kind = "member" if evalset.gold[d.id] == event else "intruder"
                counts[kind, subjects] += 1
                counts[kind + " left out", subjects] += i in away
    print(f"\nreal dev window grouped by ringkas's clustering, threshold {threshold}:")
    for subjects, label in ((False, "agreement alone"), (True, "with different subjects")):
        print(f"  {label:24} real members left out {counts['member left out', subjects]} of ", end="")
        caught, joined = counts["intruder left out", subjects], counts["intruder", subjects]
        print(f"{counts['member', subjects]}, intruders (of another gold event) left out {caught} of {joined}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--budget", type=float, default=0.02, help="highest false drop rate allowed on a set")
    parser.add_argument("--cache-dir", help="vector cache for ringkas's clustering of the real dev window")
    args = parser.parse_args()
    missing = [str(p) for p in SETS.values() if not p.exists()]
    if missing:
        print(f"missing {', '.join(missing)}: the labelled sets sit in ../shared; nothing learned.")
        return 1
    rng = random.Random(0)
    table: dict[str, np.ndarray] = {}
    with Engine(db=":memory:", progress=False) as engine:
        stopwords = engine.analyzer.tokenizer.stopwords
        checks: list[Check] = [
            partial(_outliers, stopwords=stopwords, threshold=t, subjects=subjects)
            for subjects in (False, True)
            for t in THRESHOLDS
        ]
        sets = {name: read_stories(path, engine) for name, path in SETS.items()}
        windows = read_windows(engine)
        if windows:
            sets["rw_windows"] = windows
        for name, stories in sets.items():
            found = rates(stories, intruders(stories, stopwords, rng), checks)
            table[name] = found[len(THRESHOLDS) :]  # the shipped check: with the subjects rule
            print(f"\n{name}: threshold, false drop rate, intruders caught (random, hardest)")
            print("         agreement alone         with different subjects")
            for k, t in enumerate(THRESHOLDS):
                alone, both = found[k], found[len(THRESHOLDS) + k]
                print(f"  {t:5.2f}  " + "  ".join(f"{v:6.3f}" for v in (*alone, *both)))
        print(f"\nleave one set out (threshold chosen on the other sets, false drop budget {args.budget}):")
        for name in table:
            threshold = chosen({k: v for k, v in table.items() if k != name}, args.budget)
            drop, easy, hard = table[name][THRESHOLDS.index(threshold)]
            print(f"  {name:10} threshold {threshold:.2f}: false drops {drop:.3f}, ", end="")
            print(f"caught {easy:.3f} random / {hard:.3f} hardest")
        best = chosen(table, args.budget)
        print(f"\nall sets: threshold {best:.2f} (story_core.AGREEMENT is {AGREEMENT})")
        real_window(engine, args.cache_dir, stopwords, AGREEMENT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
