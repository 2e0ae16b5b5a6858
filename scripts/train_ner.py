"""Rebuild the name tagger's files (ringkas/data/ner-nergrit.npz, ner-network.npz,
ner-clusters.npz and ner-names.tsv.gz) from ../shared/data/ner.

    pip install torch==2.13.0   # training the network only; the package runs it in numpy
    .venv/bin/python scripts/train_ner.py [--cv] [--c1 C1] [--c2 C2] [--networks N] [--no-save]

1. Word clusters: k-means (64, 256 and 1,024 centroids) over the sub-word vectors
   (ringkas/entities/vectors.py) of the words of NERGrit train + valid and NERP train.
2. With ``--cv``: 4-fold cross-validation on NERGrit train + valid, printing entity-level F1 for
   several outside-label penalties (the figure behind ``tagger.OUTSIDE_PENALTY``).
3. A CRF (python-crfsuite, L-BFGS) on NERGrit train, scored on NERGrit valid; then the shipped
   model on NERGrit train + valid, scored on NERGrit test, exported to numpy. The CRF learns
   BILOU labels (``tagger.bio_to_bilou``): 4-fold CV F1 0.726 against 0.721 with BIO.
4. The network stacked on the CRF (``scripts/ner_network.py``): each training sentence's CRF
   emission scores come from a CRF trained on the other three quarters (4 folds), so the network
   learns how far to trust scores like those of unseen text; ``--networks`` seeds are averaged.
   It is trained on NERGrit train (scored on valid beside the CRF, for the weight
   ``tagger.NETWORK_WEIGHT``), then on train + valid for the shipped file (scored on test).
   Measured on valid (train-only models; CRF alone 0.744): a network without the CRF's scores
   added to the CRF gave 0.751-0.762 at weight 0.5; the stacked one with 128 LSTM units 0.768,
   with 64 units (shipped: as good, and about 5x cheaper a step in numpy) 0.769 / 0.768 / 0.771
   at weights 0.5 / 1.0 / 1.5; a stacked network alone reads 0.69-0.72.

NERP (lower-cased news, other kinds) lowered F1 on NERGrit valid when added as training data
(0.710 against 0.718, also when re-cased: 0.705), so it only lends its vocabulary to the
clusters and its names (PPL -> PERSON, PLC -> PLACE, IND -> ORGANISATION) to the name
dictionary, a feature worth +0.7 F1 in cross-validation. Also tried in 4-fold CV on NERGrit
train + valid (BIO labels, F1 0.721 at c2 0.3): a CRF trained on NERP fed its labels and
marginals to this one as features (stacking, 0.721), 32 dense sub-word vector components as
real-valued features (0.722), word bigrams and wider cluster windows (0.717); with BILOU, c2 1.0
(0.722), c1 0.05 + c2 0.1 (0.719), 300 iterations (0.727, no better than 150), features seen
at least twice (0.706). Takes about 30 minutes on two cores.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ner_network import Example, alphabet, train_network  # noqa: E402

from benchmarks.names import NERGRIT, SHARED, EntityScores, TaggedSentence, read_conll  # noqa: E402
from ringkas.entities.crf import LinearChainCRF  # noqa: E402
from ringkas.entities.dictionary import DICTIONARY_NAME, NameDictionary  # noqa: E402
from ringkas.entities.features import sentence_features  # noqa: E402
from ringkas.entities.network import NETWORK_NAME, NetworkEnsemble, NetworkInput, char_ids, network_extras  # noqa: E402
from ringkas.entities.tagger import (  # noqa: E402
    MODEL_NAME,
    NETWORK_WEIGHT,
    OUTSIDE_PENALTY,
    bilou_to_bio,
    bio_spans,
    bio_to_bilou,
)
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
    crf: LinearChainCRF,
    items: list[list[list[str]]],
    sentences: list[TaggedSentence],
    penalty: float,
    network: list[np.ndarray] | None = None,
    weight: float = NETWORK_WEIGHT,
) -> EntityScores:
    """Entity scores of the CRF, with the network's log-probabilities (CRF label order) added."""
    scores = EntityScores()
    for n, (features, sentence) in enumerate(zip(items, sentences, strict=True)):
        emissions = crf.emissions(features)
        if network is not None:
            emissions = emissions + weight * network[n]
        predicted = bilou_to_bio(crf.decode(emissions, penalty))
        scores.add(sentence.words, bio_spans(list(sentence.tags)), bio_spans(predicted))
    return scores


def network_examples(
    sentences: list[TaggedSentence],
    emissions: list[np.ndarray],
    vectors: SubwordVectors,
    dictionary: NameDictionary,
    chars: dict[str, int],
    labels: list[str],
) -> list[Example]:
    out = []
    for s, scores in zip(sentences, emissions, strict=True):
        words = list(s.words)
        matrix, pieces = vectors.many(words)
        out.append(
            Example(
                matrix,
                network_extras(words, pieces, dictionary.matches(words), scores),
                char_ids(words, chars),
                np.array([labels.index(t) for t in bio_to_bilou(list(s.tags))]),
            )
        )
    return out


def four_folds(count: int) -> list[list[int]]:
    """Indices 0..count-1 shuffled with a fixed seed and dealt into four folds."""
    order = list(range(count))
    random.Random(0).shuffle(order)
    return [order[k::4] for k in range(4)]


def out_of_fold(items: list[list[list[str]]], tags: list[list[str]], args: argparse.Namespace) -> list[np.ndarray]:
    """Each sentence's CRF emission scores from a CRF that did not see it (4 folds, two CRFs
    at a time): the network learns from scores like those of unseen text."""
    folds = four_folds(len(items))
    out: list[np.ndarray] = [np.zeros(0)] * len(items)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        runs = []
        for fold in folds:
            held = set(fold)
            kept = [i for i in range(len(items)) if i not in held]
            runs.append(
                pool.submit(train, [items[i] for i in kept], [tags[i] for i in kept], args.c1, args.c2, args.iterations)
            )
        for fold, run in zip(folds, runs, strict=True):
            crf = run.result()
            for i in fold:
                out[i] = crf.emissions(items[i])
    return out


def train_networks(
    examples: list[Example], labels: list[str], chars: dict[str, int], seeds: int, hidden: int
) -> NetworkEnsemble:
    """``seeds`` networks, two at a time (one torch thread each)."""
    with ProcessPoolExecutor(min(2, seeds), mp_context=multiprocessing.get_context("spawn")) as pool:
        runs = [pool.submit(train_network, examples, labels, chars, seed, hidden=hidden) for seed in range(seeds)]
        return NetworkEnsemble([run.result() for run in runs])


def network_scores(ensemble: NetworkEnsemble, examples: list[Example]) -> list[np.ndarray]:
    return ensemble.log_probs(NetworkInput.of_sentences([(e.vectors, e.extras, e.chars) for e in examples]))


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
    parser.add_argument("--networks", type=int, default=2, help="networks in the ensemble (seeds)")
    parser.add_argument("--hidden", type=int, default=64, help="LSTM units per direction")
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
        totals = {p: EntityScores() for p in PENALTIES}
        for fold in four_folds(len(pool)):
            held = set(fold)
            kept = [i for i in range(len(pool)) if i not in held]
            crf = train(
                [items[i] for i in kept],
                [list(pool[i].tags) for i in kept],
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

    train_tags, valid_tags = [list(s.tags) for s in train_set], [list(s.tags) for s in valid_set]
    probe = train(train_items, train_tags, args.c1, args.c2, args.iterations)
    chars = alphabet([s.words for s in train_set + valid_set])
    labels = probe.labels

    def examples(sentences: list[TaggedSentence], emissions: list[np.ndarray]) -> list[Example]:
        return network_examples(sentences, emissions, vectors, dictionary, chars, labels)

    train_examples = examples(train_set, out_of_fold(train_items, train_tags, args))
    valid_examples = examples(valid_set, [probe.emissions(f) for f in valid_items])
    probe_networks = train_networks(train_examples, labels, chars, args.networks, args.hidden)
    print(f"trained on NERGrit train ({time.perf_counter() - started:.0f} s):")
    valid_scores = network_scores(probe_networks, valid_examples)
    print(f"  valid, CRF alone: {describe(evaluate(probe, valid_items, valid_set, OUTSIDE_PENALTY))}")
    for weight in (0.5, 1.0, 1.5):
        scores = evaluate(probe, valid_items, valid_set, OUTSIDE_PENALTY, valid_scores, weight)
        print(f"  valid, CRF + network x {weight}: {describe(scores)}")
    for seed, network in enumerate(probe_networks.networks):
        alone = network_scores(NetworkEnsemble([network]), valid_examples)
        scores = evaluate(probe, valid_items, valid_set, OUTSIDE_PENALTY, alone)
        print(f"  valid, CRF + network of seed {seed} alone: {describe(scores)}")

    final = train(train_items + valid_items, train_tags + valid_tags, args.c1, args.c2, args.iterations)
    if final.labels != labels:
        raise SystemExit(f"label sets differ: {final.labels} against {labels}")
    pool_examples = examples(
        train_set + valid_set, out_of_fold(train_items + valid_items, train_tags + valid_tags, args)
    )
    networks = train_networks(pool_examples, labels, chars, args.networks, args.hidden)
    print(f"trained on NERGrit train + valid ({time.perf_counter() - started:.0f} s):")
    print(f"  test, CRF alone: {describe(evaluate(final, test_items, test_set, OUTSIDE_PENALTY))}")
    test_scores = network_scores(networks, examples(test_set, [final.emissions(f) for f in test_items]))
    print(f"  test, CRF + network: {describe(evaluate(final, test_items, test_set, OUTSIDE_PENALTY, test_scores))}")
    if not args.no_save:
        final.save(DATA / MODEL_NAME)
        networks.save(DATA / NETWORK_NAME)
        clusters.save(DATA / CLUSTERS_NAME)
        dictionary.save(DATA / DICTIONARY_NAME)
        for name in (MODEL_NAME, NETWORK_NAME, CLUSTERS_NAME, DICTIONARY_NAME):
            print(f"saved {DATA / name} ({(DATA / name).stat().st_size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
