"""The name tagger's network: numpy inference that reads each sentence in both directions, gives
the same scores batched or alone, and (on NERGrit) lifts the CRF it is stacked on."""

from __future__ import annotations

import io

import numpy as np
import pytest

from benchmarks.names import crf_system, read_conll, score
from ringkas.entities.network import MAX_CHARS, NetworkEnsemble, NetworkInput, char_ids
from ringkas.entities.tagger import NameTagger
from tests.conftest import random_token_network, shared_path


def _sentence(words: list[str], seed: int, chars: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return (
        rng.normal(size=(len(words), 8)).astype(np.float32),
        rng.normal(size=(len(words), 3)).astype(np.float32),
        char_ids(words, chars),
    )


def _run(ensemble: NetworkEnsemble, sentences: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> list[np.ndarray]:
    return ensemble.log_probs(NetworkInput.of_sentences(sentences))


def test_scores_are_log_probabilities_and_do_not_depend_on_the_batch() -> None:
    network = NetworkEnsemble([random_token_network(0)])
    short = _sentence(["Budi", "datang"], 1, network.networks[0].chars)
    long = _sentence(["Menteri", "Ratna", "Wulandari", "meninjau", "pasar", "di", "Pati"], 2, network.networks[0].chars)
    together = _run(network, [short, long])
    alone = [_run(network, [short])[0], _run(network, [long])[0]]
    for batched, single in zip(together, alone, strict=True):
        assert batched.shape == single.shape
        np.testing.assert_allclose(batched, single, atol=1e-5)
        np.testing.assert_allclose(np.exp(batched).sum(axis=1), 1.0, atol=1e-5)


def test_every_word_is_read_in_both_directions() -> None:
    network = NetworkEnsemble([random_token_network(3)])
    words = ["Gubernur", "Jawa", "Tengah", "hadir", "kemarin"]
    vectors, extras, chars = _sentence(words, 4, network.networks[0].chars)
    base = _run(network, [(vectors, extras, chars)])[0]
    changed_last = vectors.copy()
    changed_last[-1] += 3.0
    after_last = _run(network, [(changed_last, extras, chars)])[0]
    changed_first = vectors.copy()
    changed_first[0] += 3.0
    after_first = _run(network, [(changed_first, extras, chars)])[0]
    assert not np.allclose(base[0], after_last[0])  # the backward pass carries the last word to the first
    assert not np.allclose(base[-1], after_first[-1])  # the forward pass carries the first word to the last


def test_characters_past_the_limit_and_unseen_ones_are_handled() -> None:
    chars = {"a": 2}
    ids = char_ids(["a" * (MAX_CHARS + 5), "é"], chars)
    assert ids.shape == (2, MAX_CHARS)
    assert (ids[0] == 2).all()
    assert ids[1, 0] == 1 and (ids[1, 1:] == 0).all()


def test_an_ensemble_round_trips_through_its_file() -> None:
    ensemble = NetworkEnsemble([random_token_network(5), random_token_network(6)])
    buffer = io.BytesIO()
    ensemble.save(buffer)
    buffer.seek(0)
    loaded = NetworkEnsemble.load(buffer)
    sentence = _sentence(["Kepala", "Desa", "Sumber"], 7, ensemble.networks[0].chars)
    # Weights are stored as float16, so scores agree to about three digits.
    np.testing.assert_allclose(_run(loaded, [sentence])[0], _run(ensemble, [sentence])[0], atol=0.05)
    assert len(loaded.networks) == 2


def test_the_shipped_network_matches_the_shipped_crf() -> None:
    tagger = NameTagger()
    assert tagger.network.labels == tagger.crf.labels
    tags = tagger.tag_many([["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya"], []])
    assert tags[1] == []
    assert tags[0][1:3] == ["B-PERSON", "I-PERSON"]


@pytest.mark.shared
def test_the_network_lifts_the_crf_on_nergrit_test() -> None:
    sentences = list(read_conll(shared_path("data", "ner", "nergrit", "test_preprocess.txt")))
    with_network, _ = score(crf_system(), sentences)
    crf_alone, _ = score(crf_system(network_weight=0.0), sentences)
    # Measured 0.754 against 0.743 (valid, with train-only models: 0.768 against 0.744).
    assert with_network.f1() > crf_alone.f1()


def test_a_word_shared_by_sentences_gives_the_same_scores_from_one_row() -> None:
    ensemble = NetworkEnsemble([random_token_network(8), random_token_network(9)])
    rng = np.random.default_rng(10)
    words = ["Ketua", "KPU", "Jakarta", "Budi"]
    vectors = rng.normal(size=(len(words), 8)).astype(np.float32)
    chars = char_ids(words, ensemble.networks[0].chars)
    first, second = [0, 1, 2], [3, 2, 2, 0]
    extras = [rng.normal(size=(len(s), 3)).astype(np.float32) for s in (first, second)]
    shared = ensemble.log_probs(
        NetworkInput(vectors, chars, [(np.array(first), extras[0]), (np.array(second), extras[1])])
    )
    copied = _run(ensemble, [(vectors[s], e, chars[s]) for s, e in zip((first, second), extras, strict=True)])
    for a, b in zip(shared, copied, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-5)


def test_the_name_network_setting_reaches_the_engine_tagger(tmp_path) -> None:
    from ringkas import Engine
    from ringkas.models import Article

    article = Article(id="n1", title="", text="Bupati Sleman Kustini Sri Purnomo meninjau pasar.", language="id")
    for on in (True, False):
        engine = Engine(db=str(tmp_path / f"{on}.db"), name_network=on, progress=False)
        try:
            mentions = engine.analyzer.analyse(article).mentions
            assert any(m.kind == "PERSON" for m in mentions)
            # Off, the network is never loaded, so its cost is never paid.
            assert (engine.analyzer.names._network is not None) is on
        finally:
            engine.close()
