"""A missing headline taken from the article's address (``cleaning.slugs``)."""

from __future__ import annotations

import json

import pytest

from ringkas.cleaning import Cleaner
from ringkas.cleaning.slugs import headline_from_url, slug_words
from ringkas.models import Article
from tests.conftest import shared_path

# Our own writing.
BODY = (
    "Gubernur Jawa Barat meresmikan jembatan gantung di Kecamatan Caringin, Bogor, Selasa pagi. "
    "Jembatan itu dibangun Kementerian PUPR sejak awal 2024 dan menghubungkan dua desa.\n"
    "Warga Bogor menyambut jembatan baru itu dengan syukuran. "
    "Menurut kepala desa, anak sekolah kini tak perlu memutar sejauh tujuh kilometer."
)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://contoh.id/berita/x1y2z3/gubernur-resmikan-jembatan", ["gubernur", "resmikan", "jembatan"]),
        ("https://contoh.id/read/2025/06/20/337/3150000/harga-cabai-turun.html", ["harga", "cabai", "turun"]),
        ("https://contoh.id/news/read/6000001/banjir-rendam-tiga-desa?utm=x", ["banjir", "rendam", "tiga", "desa"]),
        ("https://contoh.id/berita/d-7970001/warga-gotong-royong", ["warga", "gotong", "royong"]),
        ("https://contoh.id/artikel/12345", []),
        ("https://contoh.id/tag/banjir-bogor", []),  # two words: a tag or a section, not a headline
        ("https://contoh.id/", []),
        ("https://contoh.id/berita/a1b2/jembatan-baru-diresmikan/amp", ["jembatan", "baru", "diresmikan"]),
        ("https://contoh.id/berita/a1b2/jembatan-baru-diresmikan/2", ["jembatan", "baru", "diresmikan"]),
        # a section's name above a page without a slug is no headline
        ("https://contoh.id/berita-daerah-terkini/98765", []),
        (None, []),
    ],
)
def test_slug_words(url, words):
    assert slug_words(url) == words


def test_headline_spells_words_as_the_text_does():
    url = "https://contoh.id/berita/a1b2/gubernur-resmikan-jembatan-di-bogor-karya-pupr"
    # "Bogor" and "PUPR" are capitalised inside sentences; "jembatan" opens a sentence once
    # ("Jembatan itu ...") and is otherwise lower case, so it stays lower case.
    assert headline_from_url(url, BODY) == "Gubernur resmikan jembatan di Bogor karya PUPR"


def test_cleaner_fills_a_missing_title_and_keeps_a_given_one():
    url = "https://contoh.id/berita/a1b2/jembatan-gantung-caringin-diresmikan"
    untitled = Cleaner().clean(Article(id="a", title="", text=BODY, url=url))
    assert untitled.title == "Jembatan gantung Caringin diresmikan"
    assert untitled.metadata["title_from"] == "url"
    titled = Cleaner().clean(Article(id="b", title="Jembatan Baru untuk Caringin", text=BODY, url=url))
    assert titled.title == "Jembatan Baru untuk Caringin"
    assert "title_from" not in titled.metadata
    nothing = Cleaner().clean(Article(id="c", title="", text=BODY, url="https://contoh.id/p/98765"))
    assert nothing.title == ""


@pytest.mark.shared
def test_dev_window_untitled_articles_get_their_headline():
    """Every article of the real dev window that came without a title has a slug; each gets a
    headline whose words all occur in its address, in the address's order."""
    path = shared_path("data", "realworld", "clusters_dev.jsonl")
    cleaner = Cleaner()
    untitled = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        for raw in json.loads(line)["articles"]:
            if (raw.get("title") or "").strip():
                continue
            untitled += 1
            article = cleaner.clean(Article(id=raw["id"], title="", text=raw["text"], url=raw.get("url")))
            words = article.title.lower().split()
            assert len(words) >= 3, (raw["id"], raw.get("url"))
            assert words == slug_words(raw.get("url")), raw["id"]
    assert untitled == 11
