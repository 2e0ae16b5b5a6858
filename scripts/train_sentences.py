"""Rebuild the sentence scorer (ringkas/data/sentence-model.json) from every labelled set at hand.

    python scripts/train_sentences.py [--limit N] [--dry-run] [--prior-weights 0,0.25,0.5,1]

Sets: ViMs (../shared/data/mds/vims.jsonl, Vietnamese multi-article clusters with human
summaries, read, cleaned and split by ringkas's pipeline as ``ringkas eval summarize`` reads
them, labelled by the greedy oracle) and IndoSum (../shared/data/indosum/dev123.jsonl,
Indonesian single articles, on their gold sentence split with their gold extractive labels). The
other sets under ../shared/data have no summaries (clustering, names, dates, real-world news).

1. Leave one set out: each set summarized by weights trained on the other set only, ROUGE-2
   beside Lead in the same run: the figure that predicts a language or kind of news the model
   never saw.
2. ``--prior-weights``: the left-out figures for other weights of the learned score beside the
   agreed facts (``learned.PRIOR_WEIGHT``), which is how that weight was chosen.
3. The shipped model: trained on every set; its in-sample ROUGE-2 is printed too. The file
   also keeps the left-out weights and each set's cluster fingerprints, so that
   ``ringkas eval summarize`` prints the left-out row for a set it trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from ringkas import Engine  # noqa: E402
from ringkas.evaluation.sets import set_lines  # noqa: E402
from ringkas.evaluation.summarization import (  # noqa: E402
    EvalCluster,
    LeadSystem,
    RingkasSystem,
    budget_of,
    read_clusters,
    run_system,
)
from ringkas.summarizing.learned import LearnedSummarizer, SentenceModel, Weights  # noqa: E402
from ringkas.summarizing.training import (  # noqa: E402
    LabelledSentences,
    fingerprint,
    fit,
    gold_split_document,
    label_cluster,
    label_gold,
    leave_one_set_out,
)

SHARED = ROOT.parent / "shared" / "data"
SETS = {"vims": SHARED / "mds" / "vims.jsonl", "indosum": SHARED / "indosum" / "dev123.jsonl"}
OUT = ROOT / "ringkas" / "data" / "sentence-model.json"


def labelled(name: str, clusters: list[EvalCluster], summarizer: LearnedSummarizer) -> LabelledSentences:
    rows, labels, which = [], [], []
    for n, cluster in enumerate(clusters):
        _, x, y = label_cluster(summarizer, cluster.documents, cluster.references, cluster.budget)
        rows.append(x)
        labels.append(y)
        which.append(np.full(len(y), n))
    return LabelledSentences(
        name,
        np.vstack(rows),
        np.concatenate(labels),
        np.concatenate(which),
        tuple(fingerprint(c.id, c.references) for c in clusters),
    )


def gold_labelled(
    path: Path, summarizer: LearnedSummarizer, limit: int | None
) -> tuple[list[EvalCluster], LabelledSentences]:
    """IndoSum on its gold split with its gold labels, as evaluation clusters and labelled rows."""
    clusters, rows, labels, which = [], [], [], []
    for n, (lineno, line) in enumerate(set_lines(path, limit)):
        item = json.loads(line)
        document, gold = gold_split_document(item, str(path), lineno)
        x, y = label_gold(summarizer, document, gold)
        rows.append(x)
        labels.append(y)
        which.append(np.full(len(y), n))
        references = tuple(item["summaries"])
        clusters.append(EvalCluster(str(item["id"]), "id", (document,), references, budget_of(references)))
    fingerprints = tuple(fingerprint(c.id, c.references) for c in clusters)
    return clusters, LabelledSentences(
        "indosum", np.vstack(rows), np.concatenate(labels), np.concatenate(which), fingerprints
    )


def rouge2(clusters: list[EvalCluster], summarizer: LearnedSummarizer, weights: Weights) -> tuple[float, float]:
    """(ROUGE-2 of the summarizer with ``weights``, ROUGE-2 of Lead) on the same clusters."""
    ours = run_system(RingkasSystem(summarizer.with_weights(weights)), clusters).scores.rouge2
    lead = run_system(LeadSystem(), clusters).scores.rouge2
    return ours, lead


def prior_sweep(clusters: dict[str, list[EvalCluster]], left_out: dict[str, Weights], values: list[float]) -> None:
    print("\nleft-out ROUGE-2 / Lead by the weight of the learned score (PRIOR_WEIGHT)")
    for value in values:
        ratios = []
        for name, items in clusters.items():
            summarizer = LearnedSummarizer(model=SentenceModel.untrained(), prior_weight=value)
            ours, lead = rouge2(items, summarizer, left_out[name])
            ratios.append(f"{name} {ours:.2f} ({ours / lead:.3f}x)")
        print(f"  {value:5.2f}  " + "  ".join(ratios))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set (a quick check)")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the model")
    parser.add_argument("--prior-weights", help="comma-separated weights of the learned score to compare")
    args = parser.parse_args()
    missing = [str(p) for p in SETS.values() if not p.exists()]
    if missing:
        print(f"missing {', '.join(missing)}: the labelled sets sit in ../shared; nothing trained.")
        return 1
    untrained = SentenceModel.untrained()
    with Engine(db=":memory:", progress=False) as engine:
        labeller = LearnedSummarizer(engine.analyzer.tokenizer, model=untrained)
        clusters: dict[str, list[EvalCluster]] = {}
        sets = []
        start = time.perf_counter()
        clusters["vims"] = list(read_clusters(SETS["vims"], engine, limit=args.limit))
        sets.append(labelled("vims", clusters["vims"], labeller))
        clusters["indosum"], indosum = gold_labelled(SETS["indosum"], labeller, args.limit)
        sets.append(indosum)
        for s in sets:
            print(f"{s.name}: {len(clusters[s.name])} clusters, {len(s.labels)} candidate sentences, ", end="")
            print(f"{s.labels.mean():.1%} labelled summary-worthy")
        print(f"({time.perf_counter() - start:.0f} s)")
    left_out = leave_one_set_out(sets)
    shipped = fit(sets)
    print("\nROUGE-2 F1, each set summarized in the same run by ringkas and Lead")
    print(f"{'set':10} {'left out':>9} {'in sample':>10} {'lead':>7} {'left out / lead':>16}")
    figures = []
    for s in sets:
        ours_out, lead = rouge2(clusters[s.name], labeller, left_out[s.name])
        ours_in, _ = rouge2(clusters[s.name], labeller, shipped)
        figures.append(f"{s.name} {ours_out:.2f} (lead {lead:.2f})")
        print(f"{s.name:10} {ours_out:9.2f} {ours_in:10.2f} {lead:7.2f} {ours_out / lead:15.3f}x")
    if args.prior_weights:
        prior_sweep(clusters, left_out, [float(x) for x in args.prior_weights.split(",")])
    print("\nweights of the shipped model (standardised features):")
    for feature, coef in sorted(zip(untrained.features, shipped.coef, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {feature:26} {coef:+.3f}")
    model = SentenceModel(
        shipped,
        left_out=left_out,
        clusters={s.name: frozenset(s.fingerprints) for s in sets},
        note="trained by scripts/train_sentences.py on "
        + ", ".join(s.name for s in sets)
        + "; ROUGE-2 leave-one-set-out: "
        + "; ".join(figures),
    )
    if args.dry_run or args.limit:
        print("\n(not written: --dry-run or --limit)")
        return 0
    OUT.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"\nwrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
