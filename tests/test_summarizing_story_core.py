"""The story-core check: articles that agree with the rest are summarized, an absorbed one is not."""

from datetime import date

import numpy as np

from ringkas.lengths import LengthSpec
from ringkas.models import Article, Document
from ringkas.sentences import SentenceSplitter
from ringkas.summarizing import LearnedSummarizer
from ringkas.summarizing.story_core import (
    AGREEMENT,
    agreement_matrix,
    core_articles,
    different_subjects,
    headline_names,
    outlier_articles,
)
from ringkas.tokens import Tokenizer

SPLITTER = SentenceSplitter()
STOPWORDS = Tokenizer().stopwords


def doc(article_id, title, text, language="id"):
    article = Article(id=article_id, title=title, text=text, language=language, published=date(2024, 3, 2))
    return Document(article=article, sentences=SPLITTER.split(text, article_id))


# An invented story: a ferry runs aground off Pulau Seruni, told by three outlets in their words.
FERRY = [
    doc(
        "f1",
        "Kapal Feri Camar Laut Kandas di Perairan Pulau Seruni",
        "Kapal feri Camar Laut kandas di perairan Pulau Seruni pada Sabtu pagi dengan 212 penumpang.\n"
        "Seluruh penumpang kapal feri Camar Laut dievakuasi dengan perahu nelayan ke dermaga Pulau Seruni.\n"
        "Syahbandar menduga kapal keluar dari alur pelayaran karena kabut tebal.",
    ),
    doc(
        "f2",
        "212 Penumpang Camar Laut Dievakuasi Setelah Kapal Kandas",
        "Sebanyak 212 penumpang kapal feri Camar Laut selamat setelah kapal kandas dekat Pulau Seruni.\n"
        "Nelayan Pulau Seruni membantu evakuasi penumpang sejak pukul tujuh pagi.\n"
        "Kabut tebal menutupi perairan Pulau Seruni sejak subuh.",
    ),
    doc(
        "f3",
        "Syahbandar Periksa Nakhoda Camar Laut",
        "Syahbandar memeriksa nakhoda kapal feri Camar Laut yang kandas di Pulau Seruni.\n"
        "Kapal feri Camar Laut akan ditarik kapal tunda saat air pasang.\n"
        "Penumpang kapal feri dipulangkan dengan kapal lain pada Sabtu sore.",
    ),
]
# Another happening the clustering might join to it: a bakery contest in a city.
BAKERY = doc(
    "b1",
    "Lomba Roti Tradisional Digelar di Alun-alun Kota",
    "Lomba roti tradisional digelar di alun-alun kota dan diikuti 40 pembuat roti rumahan.\n"
    "Juri menilai rasa, tekstur dan tampilan roti tradisional yang dipanggang di tempat.\n"
    "Pemenang lomba roti mendapat modal usaha dan pelatihan pemasaran.",
)
BAKERY_TOO = doc(
    "b2",
    "Pembuat Roti Rumahan Ramaikan Lomba di Alun-alun",
    "Puluhan pembuat roti rumahan meramaikan lomba roti tradisional di alun-alun kota.\n"
    "Roti tradisional yang menang lomba akan dijual di pasar kota.",
)


def test_members_of_one_happening_agree_and_an_absorbed_article_does_not():
    agreement = agreement_matrix([*FERRY, BAKERY], STOPWORDS)
    assert np.allclose(agreement, agreement.T) and np.all(np.diag(agreement) == 0)
    members = agreement[:3, :3][~np.eye(3, dtype=bool)]
    assert members.min() >= AGREEMENT
    assert agreement[3, :3].max() < AGREEMENT
    assert outlier_articles([*FERRY, BAKERY], STOPWORDS) == {3}
    assert outlier_articles(FERRY, STOPWORDS) == frozenset()


def test_the_core_is_the_largest_group_and_the_founder_wins_a_tie():
    # Two absorbed articles that agree with each other still lose to the three that agree.
    assert outlier_articles([*FERRY, BAKERY, BAKERY_TOO], STOPWORDS) == {3, 4}
    # Two articles of two happenings: the story's first article (its founder) is the core.
    assert outlier_articles([FERRY[0], BAKERY], STOPWORDS) == {1}
    assert outlier_articles([BAKERY, FERRY[0]], STOPWORDS) == {1}
    # Agreement passes through members: 0-1 and 1-2 agree, 0-2 do not, all three are the core.
    chain = np.array([[0.0, 0.5, 0.0], [0.5, 0.0, 0.5], [0.0, 0.5, 0.0]])
    assert core_articles(chain, threshold=0.1) == {0, 1, 2}


def test_articles_in_two_languages_are_not_judged_by_their_words():
    english = doc(
        "e1",
        "Ferry runs aground off Seruni island",
        "A ferry carrying 212 passengers ran aground off Seruni island on Saturday morning.\n"
        "Fishermen took the passengers to the island's jetty.",
        language="en",
    )
    assert outlier_articles([*FERRY, english], STOPWORDS) == frozenset()
    # The same article marked Indonesian shares too little with the rest and is left out.
    marked = doc("e1", english.article.title, english.article.text, language="id")
    assert outlier_articles([*FERRY, marked], STOPWORDS) == {3}


def test_one_article_or_none_has_no_outliers():
    assert outlier_articles([], STOPWORDS) == frozenset()
    assert outlier_articles([BAKERY], STOPWORDS) == frozenset()
    assert outlier_articles([doc("x", "", "")], STOPWORDS) == frozenset()


def test_the_summary_takes_nothing_from_an_outlier():
    summarizer = LearnedSummarizer(Tokenizer())
    chosen = summarizer.select([*FERRY, BAKERY], LengthSpec.parse("6"))
    assert chosen and all(c.doc != 3 for c in chosen)


# Two invented reports cut from one template: two firms share out dividends after their annual
# meetings. Their leads share most words, so agreement alone links them.
DIVIDEND_A = doc(
    "d1",
    "Kaliandra Logistik Bagikan Dividen Rp 40 Miliar",
    "PT Kaliandra Logistik Tbk membagikan dividen tunai Rp 40 miliar setelah Rapat Umum Pemegang Saham "
    "Tahunan pada Kamis.\n"
    "Direktur Utama Kaliandra Logistik, Sinta Wibisana, mengatakan dividen setara 60 persen laba bersih.\n"
    "Dividen tunai akan dibayarkan kepada pemegang saham pada bulan depan.",
)
DIVIDEND_B = doc(
    "d2",
    "Surya Tenun Bagikan Dividen Rp 12 Miliar",
    "PT Surya Tenun Tbk membagikan dividen tunai Rp 12 miliar setelah Rapat Umum Pemegang Saham Tahunan "
    "pada Kamis.\n"
    "Direktur Keuangan Surya Tenun, Bagas Pratama, mengatakan dividen setara 45 persen laba bersih.\n"
    "Dividen tunai akan dibayarkan kepada pemegang saham pada bulan depan.",
)
# A same-event report naming the firm in its text though its headline names its director.
DIVIDEND_A_TOO = doc(
    "d3",
    "Sinta Wibisana: Laba Bersih Naik, Dividen Ikut Naik",
    "Direktur Utama PT Kaliandra Logistik Tbk Sinta Wibisana menyebut dividen Rp 40 miliar mencerminkan "
    "laba bersih yang naik.\n"
    "Rapat Umum Pemegang Saham Tahunan menyetujui pembagian dividen tunai itu pada Kamis.",
)


def test_headline_names_are_the_headline_words_the_text_writes_as_names():
    # "Rp" stands before a figure (a currency, not a subject); "bagikan" and "dividen" are not
    # written with a capital inside a sentence; the digits of the headline are no names.
    assert headline_names(DIVIDEND_A, STOPWORDS) == {"kaliandra", "logistik"}
    assert headline_names(DIVIDEND_A_TOO, STOPWORDS) == {"sinta", "wibisana"}
    assert headline_names(doc("x", "", "Teks tanpa judul tentang Kaliandra."), STOPWORDS) == frozenset()


def test_reports_on_different_subjects_disagree_though_their_words_agree():
    pair = [DIVIDEND_A, DIVIDEND_B]
    assert agreement_matrix(pair, STOPWORDS)[0, 1] >= AGREEMENT  # the template's words agree
    different = different_subjects([*pair, DIVIDEND_A_TOO], STOPWORDS)
    assert different[0, 1] and different[1, 0]
    # the director's headline: the firm's report names her, so they share a subject
    assert not different[0, 2] and not different[2, 0]
    assert not different[0, 0]
    # the second firm's report is left out; agreement alone would have kept it
    assert outlier_articles(pair, STOPWORDS) == {1}
    assert outlier_articles(pair, STOPWORDS, subjects=False) == frozenset()
    assert outlier_articles([DIVIDEND_A, DIVIDEND_A_TOO, DIVIDEND_B], STOPWORDS) == {2}
    # a headline naming no one decides nothing
    unnamed = doc("u", "Dividen Tunai Dibagikan Pekan Depan", DIVIDEND_B.article.text)
    assert not different_subjects([DIVIDEND_A, unnamed], STOPWORDS)[0, 1]
