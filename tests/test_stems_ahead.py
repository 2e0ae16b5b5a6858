"""Stems found ahead (while a rebuild waits for its clustering process) and handed to another
process give the citation terms found without them, and the stemmer is not asked again."""

from __future__ import annotations

import pytest

from ringkas.summarizing.citing import citation_terms, stem_ahead
from ringkas.tokens import Tokenizer

TEXTS = [
    "Petugas pemadam kebakaran memadamkan api yang membakar tiga rumah di Kelurahan Sukamaju.",
    "Pemerintah kota menyalurkan bantuan kepada keluarga yang rumahnya terbakar, kata wali kota.",
]


class NoStemmer:
    def stem(self, word: str) -> str:
        raise AssertionError(f"the stemmer was asked for {word!r}")


def test_stems_found_ahead_are_the_stems_citation_asks_for() -> None:
    ahead = Tokenizer()
    steps = list(stem_ahead(TEXTS, ahead))
    assert len(steps) == len(TEXTS)  # one step per text
    expected = [citation_terms(t, Tokenizer()) for t in TEXTS]
    ahead._stemmer = NoStemmer()  # every stem citation needs is already known
    assert [citation_terms(t, ahead) for t in TEXTS] == expected
    assert {"memadamkan", "kebakaran", "terbakar"} <= set(ahead.stems())


def test_a_tokenizer_told_another_ones_stems_gives_the_same_terms_without_stemming() -> None:
    first = Tokenizer()
    expected = [citation_terms(t, first) for t in TEXTS]
    second = Tokenizer()
    second.remember(first.stems())
    second._stemmer = NoStemmer()
    assert [citation_terms(t, second) for t in TEXTS] == expected
    with pytest.raises(AssertionError, match="stemmer was asked"):
        second.stem("keberangkatannya")  # a word the first never saw is stemmed as before
