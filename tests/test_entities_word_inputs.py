"""The name tagger's per-word caches: sub-word vectors computed for many words at once equal the
one-word computation, and the network's per-word rows kept between batches equal fresh ones."""

from __future__ import annotations

import numpy as np

from ringkas.entities.network import NetworkEnsemble, word_extras
from ringkas.entities.vectors import SubwordVectors
from ringkas.entities.word_inputs import NetworkWords
from tests.conftest import random_token_network

WORDS = ["Bupati", "Sleman", "meninjau", "pasar", "Kustini", "2x24", "", "é", "KPU-nya", ","]


def test_vectors_of_many_words_equal_each_word_alone() -> None:
    vectors = SubwordVectors()
    together, counts = vectors.compute(WORDS)
    assert together.dtype == np.float32 and together.shape[0] == len(WORDS)
    assert max(counts) >= 3  # a word of several pieces, whose mean depends on the order of sums
    for n, word in enumerate(WORDS):
        alone, count = vectors.vector(word)
        assert count == counts[n]
        assert np.array_equal(alone, together[n]), word
    empty, none = vectors.compute([])
    assert none == [] and len(empty) == 0


def test_kept_rows_equal_rows_computed_afresh_past_the_limit_too() -> None:
    vectors = SubwordVectors()
    dim = vectors.vector("a")[0].shape[0]
    ensemble = NetworkEnsemble([random_token_network(1, dim, 4), random_token_network(2, dim, 4)])
    words = NetworkWords(ensemble, vectors, limit=3)
    first = ["Bupati", "Sleman", "pasar"]
    second = ["pasar", "Kustini", "Bupati", "2x24", "Sleman"]
    words.rows(first)
    gates, extras = words.rows(second)
    assert len(words._row) == 3  # the limit: later words are computed, not kept
    matrix, pieces = vectors.many(second)
    expected = ensemble.word_gates(matrix, ensemble.char_ids(second))
    assert gates.shape == (len(second), 4, 20)
    assert np.array_equal(gates, expected)
    assert np.array_equal(extras, word_extras(second, pieces))
    again, _ = words.rows(second)
    assert np.array_equal(again, gates)


def test_a_tagger_that_forgot_its_words_tags_the_same() -> None:
    from ringkas.entities import NameTagger

    texts = [
        "Gubernur Jawa Tengah Ratna Wulandari meninjau Pasar Johar di Semarang, Senin.",
        "Ketua KPU Budi Hartono mengatakan rekapitulasi selesai pekan depan.",
    ]
    tagger = NameTagger()
    before = tagger.find_tokens_many(texts)
    assert tagger._network_words is not None and tagger._rows is not None
    tagger.forget_words()
    assert tagger._network_words is None and tagger._rows is None and not tagger.clusters._cache
    assert tagger.find_tokens_many(texts) == before
    assert any(spans for _, spans in before)


def test_character_features_read_by_length_equal_the_full_width_reading() -> None:
    from ringkas.entities.network import MAX_CHARS, char_ids

    network = random_token_network(3, 8, 4)
    words = ["a", "Budi", "Kementerian", "x" * (MAX_CHARS + 4), "KPU", "", "Perhubungan", "é1", "pada"]
    ids = char_ids(words, network.chars)
    grouped = network.char_features(ids)
    full = network._char_features(ids)  # every word over all MAX_CHARS columns
    assert grouped.shape == (len(words), 6)
    assert np.array_equal(grouped, full)
    assert not grouped[5].any()  # no characters, no features
