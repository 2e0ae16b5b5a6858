import pytest
from hypothesis import given
from hypothesis import strategies as st

from ringkas.summarizing.rouge import lcs_length, mean_scores, rouge, rouge_tokens, word_count


def test_tokens_are_lowercased_unicode_word_runs():
    assert rouge_tokens("Hà Nội, ngày 5/6: MƯA LỚN!") == ["hà", "nội", "ngày", "5", "6", "mưa", "lớn"]
    assert rouge_tokens("Harga Rp 1.500.000 per-kilogram") == ["harga", "rp", "1", "500", "000", "per", "kilogram"]
    assert word_count("Banjir — lagi.") == 2


def test_hand_computed_scores():
    # candidate: banjir merendam rumah warga di medan (6 tokens)
    # reference: banjir besar merendam rumah di medan (6 tokens)
    # unigrams in common: banjir merendam rumah di medan = 5 -> P = R = 5/6
    # bigrams in common: "merendam rumah", "di medan" = 2 of 5 each -> P = R = 2/5
    # LCS: banjir merendam rumah di medan = 5 -> P = R = 5/6
    scores = rouge("Banjir merendam rumah warga di Medan.", ["Banjir besar merendam rumah di Medan."])
    assert scores.rouge1 == pytest.approx(100 * 5 / 6)
    assert scores.rouge2 == pytest.approx(40.0)
    assert scores.rougeL == pytest.approx(100 * 5 / 6)


def test_repeated_words_are_clipped():
    # "di di di" against "di sana": overlap min(3, 1) = 1, P = 1/3, R = 1/2, F1 = 0.4
    assert rouge("di di di", ["di sana"]).rouge1 == pytest.approx(40.0)


def test_non_ascii_words_count():
    # hà nội mưa lớn / hà nội mưa to: 3 of 4 unigrams, 2 of 3 bigrams
    scores = rouge("Hà Nội mưa lớn", ["Hà Nội mưa to"])
    assert scores.rouge1 == pytest.approx(75.0)
    assert scores.rouge2 == pytest.approx(100 * 2 / 3)


def test_several_references_are_averaged_not_maxed():
    scores = rouge("hujan deras", ["hujan deras", "angin kencang"])
    assert scores.rouge1 == pytest.approx(50.0)
    assert scores.rouge2 == pytest.approx(50.0)


def test_lcs_is_a_subsequence_not_a_substring():
    # a b c d e vs a x c y e: LCS a c e = 3 -> F1 = 3/5
    assert lcs_length(list("abcde"), list("axcye")) == 3
    assert rouge("a b c d e", ["a x c y e"]).rougeL == pytest.approx(60.0)


def test_empty_candidate_scores_zero_and_references_are_required():
    assert rouge("", ["sesuatu terjadi"]).as_tuple() == (0.0, 0.0, 0.0)
    assert rouge("...", ["sesuatu terjadi"]).rouge1 == 0.0
    with pytest.raises(ValueError):
        rouge("sesuatu", [])


def test_mean_over_clusters():
    a = rouge("hujan deras", ["hujan deras"])
    b = rouge("angin", ["hujan"])
    assert mean_scores([a, b]).rouge1 == pytest.approx(50.0)
    assert mean_scores([]).rouge1 == 0.0


def _lcs_table(a: list[str], b: list[str]) -> int:
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            rows[i + 1][j + 1] = rows[i][j] + 1 if x == y else max(rows[i][j + 1], rows[i + 1][j])
    return rows[-1][-1]


@given(st.lists(st.sampled_from("abcde"), max_size=40), st.lists(st.sampled_from("abcdef"), max_size=40))
def test_bit_parallel_lcs_matches_the_textbook_table(a, b):
    assert lcs_length(a, b) == _lcs_table(a, b)
