"""The name tagger's cached feature rows give the CRF the scores its string features give."""

from __future__ import annotations

import numpy as np

from ringkas.entities import NameTagger
from ringkas.entities.features import sentence_features, tokenize

SENTENCES = [
    "Menteri Keuangan Sri Mulyani Indrawati tiba di Bandara Soekarno-Hatta pada Senin (16/6/2025).",
    "PT KAI menambah 12 perjalanan kereta dari Stasiun Gambir menuju Yogyakarta.",
    "Hujan.",
    "“Kami siap,” kata juru bicara Polda Metro Jaya, Kombes Ade Ary, kepada wartawan di Jakarta.",
    "BMKG: gelombang setinggi 2,5 meter di Selat Sunda, warga Banten diminta waspada!!",
    "ini kalimat tanpa huruf besar sama sekali",
]


def test_feature_rows_give_the_scores_of_the_string_features() -> None:
    tagger = NameTagger()
    for text in SENTENCES * 2:  # the second round reads the words' parts from the cache
        words = [t[0] for t in tokenize(text)]
        expected = tagger.crf.emissions(sentence_features(words, tagger.clusters, tagger.dictionary))
        got = tagger.crf.row_scores(*tagger.feature_rows.sentence(words))
        assert got.shape == expected.shape == (len(words), len(tagger.crf.labels))
        assert np.array_equal(got, expected), text


def test_emissions_of_a_batch_equal_each_sentence_alone() -> None:
    tagger = NameTagger()
    sentences = [[t[0] for t in tokenize(text)] for text in SENTENCES]
    known = [tagger.dictionary.matches(words) for words in sentences]
    together = tagger.crf.row_scores_many(
        [tagger.feature_rows.sentence(w, k) for w, k in zip(sentences, known, strict=True)]
    )
    assert len(together) == len(sentences)
    for words, scores in zip(sentences, together, strict=True):
        alone = tagger.crf.emissions(sentence_features(words, tagger.clusters, tagger.dictionary))
        assert np.array_equal(scores, alone), words
    assert tagger.crf.row_scores_many([]) == []


def test_batched_viterbi_gives_each_sentence_its_own_labels() -> None:
    tagger = NameTagger()
    rng = np.random.default_rng(4)
    labels = len(tagger.crf.labels)
    sequences = [rng.normal(size=(n, labels)).astype(np.float32) for n in (5, 1, 9, 0, 5)]
    together = tagger.crf.decode_many(sequences, 0.5)
    assert together[3] == []
    for scores, labelled in zip(sequences, together, strict=True):
        assert len(labelled) == len(scores)
        if len(scores):
            # the reference: Viterbi one step at a time, in plain Python
            e = scores.astype(np.float64).copy()
            e[:, tagger.crf.outside] -= 0.5
            t = tagger.crf.transitions.astype(np.float64)
            best, back = list(e[0]), []
            for step in range(1, len(e)):
                pairs = [max((best[a] + t[a, b], -a) for a in range(labels)) for b in range(labels)]
                back.append([-p[1] for p in pairs])
                best = [p[0] + e[step, b] for b, p in enumerate(pairs)]
            path = [int(np.argmax(best))]
            for pointers in reversed(back):
                path.append(pointers[path[-1]])
            assert labelled == [tagger.crf.labels[i] for i in reversed(path)]
