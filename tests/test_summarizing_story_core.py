"""The story-core check: articles that agree with the rest are summarized, an absorbed one is not."""

from datetime import date

import numpy as np

from ringkas.lengths import LengthSpec
from ringkas.models import Article, Document
from ringkas.sentences import SentenceSplitter
from ringkas.summarizing import LearnedSummarizer
from ringkas.summarizing.story_core import AGREEMENT, agreement_matrix, core_articles, outlier_articles
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
