"""Summarization: ringkas beside Lead, sumy's LexRank/TextRank/LSA/SumBasic/KL and the oracle.

    python benchmarks/summarize.py [--limit N] [--systems ringkas,lead,...] [--skip-quality]
                                   [--skip-speed] [--skip-seeds] [--sweep]
    python benchmarks/summarize.py readability [--grouping gold|ringkas|both] [--cache-dir DIR]
                                               [--summarizer NAME] [--windows]

Everything runs in one process, one system after another, on the same clusters, split by the
same sentence splitter and cut to the same word budget (the mean reference length):

- quality: ROUGE-1/2/L F1 on ViMs (300 Vietnamese multi-article clusters) and IndoSum (2,146
  Indonesian single articles), as ``ringkas eval summarize`` prints them;
- speed: seconds per cluster of each system on the ViMs clusters, and each one's time as a
  multiple of ringkas's (ringkas uses no embeddings, so there is no model time to add);
- seeds: the summary of the four 2019 seed articles (outlets cited, gold noise lines in it,
  ROUGE against the gold reference summary);
- ``readability``: the summaries of the real dev window's stories of 2+ articles
  (``realworld/clusters_dev.jsonl``, grouped by the gold events and by ringkas's clustering,
  each of its stories with its loosely related articles, ``clustering.cores``),
  checked for dateline residues, repeated outlets in a citation, one fact told twice, sentences
  from outside the story's gold event and unresolved references, with examples;
- ``--sweep``: the neighbours of the coverage summarizer's constants, to show they sit on a
  plateau rather than on a peak of one set.

Without ``../shared`` the benchmark says so and stops.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ringkas import Engine  # noqa: E402
from ringkas.evaluation.readability import ReadabilityReport  # noqa: E402
from ringkas.evaluation.summarization import (  # noqa: E402
    PEERS,
    EvalCluster,
    RingkasSystem,
    System,
    evaluate,
    make_systems,
    read_clusters,
    results_table,
    summarize_seeds,
)
from ringkas.summarizing import coverage as defaults  # noqa: E402
from ringkas.summarizing import make_summarizer  # noqa: E402

SHARED = ROOT.parent / "shared"
VIMS = SHARED / "data" / "mds" / "vims.jsonl"
INDOSUM = SHARED / "data" / "indosum" / "dev123.jsonl"
SEEDS = SHARED / "gold" / "seeds-with-dates.jsonl"
GOLD = SHARED / "gold" / "seeds.json"
REALWORLD = SHARED / "data" / "realworld" / "clusters_dev.jsonl"
STREAM = SHARED / "data" / "realworld" / "stream.jsonl"
WINDOWS = ROOT / "labels" / "realworld"  # our own event labels of windows of STREAM


def print_rows(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


def quality(name: str, clusters: list[EvalCluster], systems: list[System]) -> None:
    print(f"\n## {name}: {len(clusters)} clusters, ROUGE F1 (word budget = mean reference length)")
    results = evaluate(clusters, systems, progress=lambda s: print(f"  running {s}", file=sys.stderr))
    print_rows(results_table(results))


def speed(clusters: list[EvalCluster], systems: list[System]) -> None:
    print(f"\n## speed on the same {len(clusters)} ViMs clusters (one core, one process)")
    timings = {}
    for system in systems:
        start = time.perf_counter()
        for cluster in clusters:
            system.summarize(cluster)
        timings[system.name] = (time.perf_counter() - start) / len(clusters)
    base = timings.get("ringkas")
    rows = [["system", "s/cluster", "x ringkas's time"]]
    for name, seconds in timings.items():
        rows.append([name, f"{seconds:.4f}", f"{seconds / base:.1f}" if base else "-"])
    print_rows(rows)


def seeds() -> None:
    print("\n## seeds: the 2019 Kim-Putin story (4 articles)")
    for length in (None, "5"):
        result = summarize_seeds(SEEDS, GOLD, length=length)
        label = "gold reference length" if length is None else f"{length} sentences"
        print(f"  length {label}: outlets cited {len(result.outlets)} ({', '.join(result.outlets)}), ", end="")
        print(f"noise sentences {len(result.noise)}, ROUGE-1/2/L vs gold", end=" ")
        print(" / ".join(f"{x:.2f}" for x in result.scores.as_tuple()))
        for sentence in result.story.summary:
            print(f"    - {sentence.text} [{'; '.join(c.outlet or c.article_id for c in sentence.citations)}]")


def sweep(engine: Engine, sets: dict[str, list[EvalCluster]]) -> None:
    base = {
        "position_decay": defaults.POSITION_DECAY,
        "cost_exponent": defaults.COST_EXPONENT,
        "position_prior": defaults.POSITION_PRIOR,
        "min_articles": defaults.MIN_ARTICLES,
    }
    steps = {
        "position_decay": (0.75, 1.5),
        "cost_exponent": (0.6, 1.0),
        "position_prior": (1.0, 6.0),
        "min_articles": (1, 3),
    }
    variants = [dict(base)] + [{**base, key: value} for key, values in steps.items() for value in values]
    print("\n## sweep: ROUGE-2 of the coverage summarizer around its constants (first row: as shipped)")
    rows = [[*base, *sets]]
    for options in variants:
        summarizer = make_summarizer("coverage", tokenizer=engine.analyzer.tokenizer, **options)
        system = RingkasSystem(summarizer)
        scores = [evaluate(clusters, [system])[0].scores.rouge2 for clusters in sets.values()]
        rows.append([str(options[k]) for k in base] + [f"{s:.2f}" for s in scores])
    print_rows(rows)


def readability(grouping: str, summarizer: str | None, cache_dir: str | None, windows: bool = False) -> None:
    """The readability checks on the real dev window, and with ``windows`` on each window of the
    real stream we labelled ourselves (``labels/realworld``): hours the checks were not written on."""
    from ringkas.evaluation.readability import CHECKS
    from ringkas.evaluation.sets import article_index

    overrides = {"summarizer": summarizer} if summarizer else {}
    sets: list[tuple[str, Path]] = [("real dev window", REALWORLD)]
    if windows:
        sets += [(f"window {p.stem}", p) for p in sorted(WINDOWS.glob("*.jsonl"))]
    stream = article_index(STREAM) if windows else None
    totals: dict[str, ReadabilityReport] = {}
    with Engine(db=":memory:", progress=False, **overrides) as engine:
        for label, path in sets:
            for name, report, loose in _readability_reports(engine, path, grouping, cache_dir, stream):
                totals.setdefault(name, ReadabilityReport()).merge(report)
                print(f"\n## readability, {label}, stories of 2+ articles grouped by {name}")
                summarizer_name, length = engine.settings["summarizer"], engine.settings["summary_length"]
                print(f"summarizer {summarizer_name}, length {length}: {report.stories} stories, ", end="")
                print(f"{report.sentences} summary sentences, {loose} loosely related articles")
                for check in CHECKS:
                    print(f"  {check:22} {report.counts[check]}")
                    for example in report.examples.get(check, [])[:3]:
                        print(f"      e.g. {example}")
                grouped = report.counts["outlet cited for several articles"]
                print(f"  (sentences citing one outlet for several articles, shown once with its count: {grouped})")
    if windows:
        print(f"\n## readability, all {len(sets)} sets together")
        for name, total in totals.items():
            counts = ", ".join(f"{check} {total.counts[check]}" for check in CHECKS)
            print(f"  grouped by {name}: {total.stories} stories, {total.sentences} sentences; {counts}")


def _readability_reports(
    engine: Engine, path: Path, grouping: str, cache_dir: str | None, stream: dict[str, Any] | None
) -> list[tuple[str, ReadabilityReport, int]]:
    """(grouping, report, loosely related articles) for one labelled set."""
    import tempfile

    from ringkas.clustering import StoryGroup
    from ringkas.embedding import FileVectorCache
    from ringkas.evaluation.clustering import event_clusterer, read_eval_set
    from ringkas.evaluation.readability import check_story
    from ringkas.stories import founding_order

    evalset = read_eval_set(path, engine, articles_by_id=stream)
    documents = sorted((engine.analyzer.analyse(a) for a in evalset.articles), key=founding_order)
    out = []
    with tempfile.TemporaryDirectory() as spare:
        for name in ("gold", "ringkas") if grouping == "both" else (grouping,):
            if name == "gold":
                by_event: dict[str, list[int]] = {}
                for i, doc in enumerate(documents):
                    by_event.setdefault(evalset.gold[doc.id], []).append(i)
                groups = [StoryGroup(tuple(members)) for members in by_event.values()]
            else:  # each story with its loosely related articles, as a rebuild clusters them
                groups = event_clusterer(engine, FileVectorCache(cache_dir or spare)).cluster_groups(documents)
            report = ReadabilityReport()
            loose = 0
            for group in groups:
                if len(group.members) >= 2:
                    members = [documents[i] for i in group.members]
                    weak = [documents[i].id for i in group.weak]
                    loose += len(weak)
                    check_story(engine.summarize(members, weak), members, evalset.gold, report)
            out.append((name, report, loose))
    return out


def main() -> int:
    if sys.argv[1:2] == ["readability"]:
        parser = argparse.ArgumentParser(description="readability of real summaries")
        parser.add_argument("command")
        parser.add_argument("--grouping", choices=("gold", "ringkas", "both"), default="both")
        parser.add_argument("--summarizer", help="a registered summarizer (default: the engine's setting)")
        parser.add_argument("--cache-dir", help="vector cache for ringkas's clustering (DIR/vectors.sqlite)")
        parser.add_argument(
            "--windows", action="store_true", help="also each window of the real stream we labelled (labels/realworld)"
        )
        options = parser.parse_args()
        if not REALWORLD.exists():
            print(f"{REALWORLD} is absent: the real dev window sits beside the checkout; nothing measured.")
            return 1
        readability(options.grouping, options.summarizer, options.cache_dir, options.windows)
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set")
    parser.add_argument("--systems", default=",".join(["ringkas", *PEERS]))
    parser.add_argument("--speed-systems", default="ringkas,lead,lexrank,textrank,lsa,sumbasic")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-seeds", action="store_true")
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    if not VIMS.exists() or not INDOSUM.exists():
        print(f"{SHARED} is absent: the evaluation sets sit beside the checkout in CI only; nothing measured.")
        return 1
    with Engine(db=":memory:", progress=False) as engine:
        vims = list(read_clusters(VIMS, engine, limit=args.limit))
        indosum = list(read_clusters(INDOSUM, engine, limit=args.limit))
        if not args.skip_quality:
            systems = make_systems(args.systems.split(","), engine)
            quality("ViMs", vims, systems)
            quality("IndoSum", indosum, systems)
        if not args.skip_speed:
            speed(vims, make_systems(args.speed_systems.split(","), engine))
        if not args.skip_seeds:
            seeds()
        if args.sweep:
            sweep(engine, {"ViMs": vims, "IndoSum": indosum})
    return 0


if __name__ == "__main__":
    sys.exit(main())
