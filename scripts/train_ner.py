"""Rebuild the name tagger's files (ringkas/data/ner-nergrit.npz, ner-clusters.npz and
ner-names.tsv.gz) from ../shared/data/ner.

    .venv/bin/python scripts/train_ner.py [--cv] [--c1 C1] [--c2 C2] [--no-save]

1. Word clusters: k-means (64, 256 and 1,024 centroids) over the sub-word vectors
   (ringkas/entities/vectors.py) of the words of NERGrit train + valid and NERP train.
2. With ``--cv``: 4-fold cross-validation on NERGrit train + valid, printing entity-level F1 for
   several outside-label penalties (the figure behind ``tagger.OUTSIDE_PENALTY``).
3. A CRF (python-crfsuite, L-BFGS) on NERGrit train, scored on NERGrit valid; then the shipped
   model on NERGrit train + valid, scored on NERGrit test, exported to numpy. The CRF learns
   BILOU labels (``tagger.bio_to_bilou``): 4-fold CV F1 0.726 against 0.721 with BIO.

NERP (lower-cased news, other kinds) lowered F1 on NERGrit valid when added as training data
(0.710 against 0.718, also when re-cased: 0.705), so it only lends its vocabulary to the
clusters and its names (PPL -> PERSON, PLC -> PLACE, IND -> ORGANISATION) to the name
dictionary, a feature worth +0.7 F1 in cross-validation. Also tried in 4-fold CV on NERGrit
train + valid (BIO labels, F1 0.721 at c2 0.3): a CRF trained on NERP fed its labels and
marginals to this one as features (stacking, 0.721), 32 dense sub-word vector components as
real-valued features (0.722), word bigrams and wider cluster windows (0.717); with BILOU, c2 1.0
(0.722), c1 0.05 + c2 0.1 (0.719), 300 iterations (0.727, no better than 150), features seen
at least twice (0.706). Takes 10-20
minutes on one core.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.names import NERGRIT, SHARED, EntityScores, TaggedSentence, read_conll  # noqa: E402
from ringkas.entities.crf import LinearChainCRF  # noqa: E402
from ringkas.entities.dictionary import DICTIONARY_NAME, NameDictionary  # noqa: E402
from ringkas.entities.features import sentence_features  # noqa: E402
from ringkas.entities.tagger import MODEL_NAME, OUTSIDE_PENALTY, bilou_to_bio, bio_spans, bio_to_bilou  # noqa: E402
from ringkas.entities.vectors import CLUSTERS_NAME, SubwordVectors, WordClusters, learn_centroids  # noqa: E402

NERP = SHARED / "data" / "ner" / "nerp"
NERP_KINDS = {"PPL": "PERSON", "PLC": "PLACE", "IND": "ORGANISATION"}
DATA = ROOT / "ringkas" / "data"
CLUSTER_SIZES = (64, 256, 1024)
PENALTIES = (0.0, 0.5, 1.0, 1.5, 2.0)


def train(items: list[list[list[str]]], tags: list[list[str]], c1: float, c2: float, iterations: int) -> LinearChainCRF:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in zip(items, tags, strict=True):
        trainer.append(features, bio_to_bilou(labels))
    # Weights for every (feature, label) pair, not only pairs seen in training: 4-fold CV F1 0.730
    # against 0.726 (BILOU labels, c2 0.3).
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.possible_states": True,
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return LinearChainCRF.from_crfsuite(path)


def evaluate(
    crf: LinearChainCRF, items: list[list[list[str]]], sentences: list[TaggedSentence], penalty: float
) -> EntityScores:
    scores = EntityScores()
    for features, sentence in zip(items, sentences, strict=True):
        scores.add(sentence.words, bio_spans(list(sentence.tags)), bio_spans(bilou_to_bio(crf.tag(features, penalty))))
    return scores


def describe(scores: EntityScores) -> str:
    return (
        f"F1 {scores.f1():.3f} (P {scores.precision():.3f}, R {scores.recall():.3f}; PER {scores.f1('PERSON'):.3f},"
        f" ORG {scores.f1('ORGANISATION'):.3f}, PLACE {scores.f1('PLACE'):.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="cross-validate the outside penalty first")
    parser.add_argument("--c1", type=float, default=0.0)
    parser.add_argument("--c2", type=float, default=0.3)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--no-save", action="store_true", help="measure only, keep the shipped files")
    args = parser.parse_args(argv)
    if not NERGRIT.exists():
        print(f"{NERGRIT} is absent: training needs ../shared beside the checkout", file=sys.stderr)
        return 2
    started = time.perf_counter()
    train_set = list(read_conll(NERGRIT / "train_preprocess.txt"))
    valid_set = list(read_conll(NERGRIT / "valid_preprocess.txt"))
    test_set = list(read_conll(NERGRIT / "test_preprocess.txt"))
    nerp = list(read_conll(NERP / "train_preprocess.txt")) if NERP.exists() else []
    nerp_names = list(read_conll(NERP / "train_preprocess.txt", NERP_KINDS)) if NERP.exists() else []
    dictionary = NameDictionary.from_examples(
        (s.words[a:b], kind) for s in nerp_names for a, b, kind in bio_spans(list(s.tags))
    )
    print(f"name dictionary: {len(dictionary.names)} names from NERP train")

    vocabulary = sorted({w for s in train_set + valid_set + nerp for w in s.words})
    vectors = SubwordVectors()
    clusters = WordClusters(learn_centroids(vocabulary, CLUSTER_SIZES, vectors), vectors)
    print(f"clusters of {len(vocabulary)} words in {time.perf_counter() - started:.0f} s")

    def featurize(sentences: list[TaggedSentence]) -> list[list[list[str]]]:
        return [sentence_features(list(s.words), clusters, dictionary) for s in sentences]

    train_items, valid_items, test_items = featurize(train_set), featurize(valid_set), featurize(test_set)

    if args.cv:
        pool = train_set + valid_set
        items = train_items + valid_items
        order = list(range(len(pool)))
        random.Random(0).shuffle(order)
        folds = [order[i::4] for i in range(4)]
        totals = {p: EntityScores() for p in PENALTIES}
        for fold in folds:
            held = set(fold)
            crf = train(
                [items[i] for i in order if i not in held],
                [list(pool[i].tags) for i in order if i not in held],
                args.c1,
                args.c2,
                args.iterations,
            )
            for penalty in PENALTIES:
                part = evaluate(crf, [items[i] for i in fold], [pool[i] for i in fold], penalty)
                total = totals[penalty]
                for kind in set(part.tp) | set(part.fp) | set(part.fn):
                    total.tp[kind] = total.tp.get(kind, 0) + part.tp.get(kind, 0)
                    total.fp[kind] = total.fp.get(kind, 0) + part.fp.get(kind, 0)
                    total.fn[kind] = total.fn.get(kind, 0) + part.fn.get(kind, 0)
        for penalty, total in totals.items():
            print(f"4-fold CV on NERGrit train + valid, outside penalty {penalty}: {describe(total)}")

    probe = train(train_items, [list(s.tags) for s in train_set], args.c1, args.c2, args.iterations)
    print(f"trained on NERGrit train: valid {describe(evaluate(probe, valid_items, valid_set, OUTSIDE_PENALTY))}")
    final = train(
        train_items + valid_items, [list(s.tags) for s in train_set + valid_set], args.c1, args.c2, args.iterations
    )
    print(f"trained on NERGrit train + valid: test {describe(evaluate(final, test_items, test_set, OUTSIDE_PENALTY))}")
    if not args.no_save:
        final.save(DATA / MODEL_NAME)
        clusters.save(DATA / CLUSTERS_NAME)
        dictionary.save(DATA / DICTIONARY_NAME)
        for name in (MODEL_NAME, CLUSTERS_NAME, DICTIONARY_NAME):
            print(f"saved {DATA / name} ({(DATA / name).stat().st_size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
