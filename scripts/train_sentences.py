"""Rebuild the sentence scorer (ringkas/data/sentence-model.json) from every labelled set at hand.

    python scripts/train_sentences.py [--limit N] [--dry-run]

Sets: ViMs (../shared/data/mds/vims.jsonl, Vietnamese multi-article clusters with human
summaries) and IndoSum (../shared/data/indosum/dev123.jsonl, Indonesian single articles),
read, cleaned and split by ringkas's pipeline as ``ringkas eval summarize`` reads them. The
other sets under ../shared/data have no summaries (clustering, names, dates, real-world news).

1. Leave one set out: each set summarized by weights trained on the other set only, ROUGE-2
   beside Lead in the same run: the figure that predicts a language or kind of news the model
   never saw.
2. The shipped model: trained on every set; its in-sample ROUGE-2 is printed too. The file
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
from ringkas.evaluation.summarization import (  # noqa: E402
    EvalCluster,
    LeadSystem,
    RingkasSystem,
    read_clusters,
    run_system,
)
from ringkas.summarizing.learned import LearnedSummarizer, SentenceModel, Weights  # noqa: E402
from ringkas.summarizing.training import (  # noqa: E402
    LabelledSentences,
    fingerprint,
    fit,
    label_cluster,
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


def rouge2(clusters: list[EvalCluster], summarizer: LearnedSummarizer, weights: Weights) -> tuple[float, float]:
    """(ROUGE-2 of the summarizer with ``weights``, ROUGE-2 of Lead) on the same clusters."""
    ours = run_system(RingkasSystem(summarizer.with_weights(weights)), clusters).scores.rouge2
    lead = run_system(LeadSystem(), clusters).scores.rouge2
    return ours, lead


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set (a quick check)")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the model")
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
        for name, path in SETS.items():
            start = time.perf_counter()
            clusters[name] = list(read_clusters(path, engine, limit=args.limit))
            sets.append(labelled(name, clusters[name], labeller))
            share = sets[-1].labels.mean()
            print(f"{name}: {len(clusters[name])} clusters, {len(sets[-1].labels)} candidate sentences, ", end="")
            print(f"{share:.1%} taken by the oracle ({time.perf_counter() - start:.0f} s)")
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
