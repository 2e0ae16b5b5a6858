"""The learned summarizer and the readability checks, on stories we wrote ourselves."""

from datetime import date

import numpy as np
import pytest

from ringkas.errors import ConfigError
from ringkas.lengths import LengthSpec
from ringkas.models import Article, Citation, Document, Sentence
from ringkas.sentences import SentenceSplitter
from ringkas.summarizing import LearnedSummarizer, cite, make_summarizer
from ringkas.summarizing.citing import citation_label, outlet_groups
from ringkas.summarizing.features import FEATURES, sentence_features
from ringkas.summarizing.learned import SentenceModel, Weights
from ringkas.summarizing.readability import (
    dateline_length,
    fact_of,
    opens_with_reference,
    restates,
    said_words,
    same_fact,
    without_dateline,
)
from ringkas.summarizing.training import LabelledSentences, fingerprint, fit, leave_one_set_out, oracle_choice
from ringkas.tokens import Tokenizer

SPLITTER = SentenceSplitter()
TOKENIZER = Tokenizer()


def make_doc(article_id, text, title="", outlet=None, published=None):
    article = Article(id=article_id, title=title, text=text, outlet=outlet, published=published)
    return Document(article=article, sentences=SPLITTER.split(text, article_id))


# An invented story: a dam breaks in Lembah Hijau; two outlets tell the same facts in other words,
# one of them twice (two articles), and a third article is about a football match.
DAM = [
    make_doc(
        "a1",
        "Kabar.com, LembahBendungan Sirna di Lembah Hijau jebol pada Rabu dini hari dan merendam 340 rumah.\n"
        "Ia mengatakan petugas sudah mengevakuasi warga sejak pukul 03.00.\n"
        "Badan penanggulangan bencana mendirikan dua dapur umum di balai desa Lembah Hijau.\n"
        "Air mulai surut pada Rabu sore, menurut petugas di lokasi.",
        title="Bendungan Sirna Jebol, 340 Rumah Terendam",
        outlet="Kabar",
        published=date(2024, 5, 8),
    ),
    make_doc(
        "a2",
        "Sebanyak 340 rumah di Lembah Hijau terendam setelah Bendungan Sirna ambrol Rabu dini hari.\n"
        "Warga Lembah Hijau mengungsi ke balai desa dan masjid terdekat.\n"
        "Bendungan Sirna dibangun pada masa kolonial dan belum pernah diperbaiki menyeluruh.",
        title="Ratusan Rumah Terendam Akibat Bendungan Sirna Ambrol",
        outlet="Warta",
        published=date(2024, 5, 8),
    ),
    make_doc(
        "a3",
        "Bupati meninjau lokasi jebolnya Bendungan Sirna di Lembah Hijau pada Rabu siang.\n"
        "Bupati menjanjikan perbaikan Bendungan Sirna dimulai bulan depan.\n"
        "Warga Lembah Hijau diminta tetap waspada karena hujan masih turun.",
        title="Bupati Tinjau Bendungan Sirna yang Jebol di Lembah Hijau",
        outlet="Kabar",
        published=date(2024, 5, 8),
    ),
    make_doc(
        "a4",
        "Klub Rajawali menang 3-1 atas tim tamu dalam laga liga di stadion kota pada Rabu malam.\n"
        "Pelatih memuji penampilan pemain muda yang mencetak dua gol.\n"
        "Laga berikutnya digelar di kandang lawan pekan depan.",
        title="Rajawali Menang 3-1",
        outlet="Gelora",
        published=date(2024, 5, 8),
    ),
]


def texts(chosen):
    return [c.sentence.text for c in chosen]


@pytest.fixture(scope="module")
def summarizer():
    return LearnedSummarizer(TOKENIZER)


def test_dateline_residues_are_cut_off_and_news_is_left_alone():
    assert dateline_length("Kabar.com, LembahBendungan jebol.") == len("Kabar.com, Lembah")
    assert dateline_length("KOTABARU, WARTA.com - Banjir melanda.") == len("KOTABARU, WARTA.com - ")
    assert dateline_length("KOTABARU-Polisi menangkap dua orang.") == len("KOTABARU-")
    assert dateline_length("NEW YORK (AP) -- The storm hit the coast.") == len("NEW YORK (AP) -- ")
    # the cleaner's datelines count as residues too (mixed-case place and a named outlet)
    assert dateline_length("Bogor, Warta Kota -- Banjir melanda.") == len("Bogor, Warta Kota -- ")
    assert dateline_length("Bogor (ANTARA) - Banjir melanda.") == len("Bogor (ANTARA) - ")
    assert dateline_length("Warta.id, Bogor: Banjir melanda.") == len("Warta.id, Bogor: ")
    for news in (
        "BPBD mencatat 120 rumah rusak.",
        "DPR RI menggelar rapat.",
        "U.S. officials said so.",
        "Node.js is",
        "Ketua KPK: Tersangka ditahan.",
        "Ia - bersama rekannya - menyeberang.",
    ):
        assert dateline_length(news) == 0, news
    sentence = Sentence("x", 0, "KOTABARU - Banjir melanda.", 10, 36)
    cut = without_dateline(sentence)
    assert cut.text == "Banjir melanda." and cut.start == 10 + len("KOTABARU - ")


def test_the_same_fact_in_other_words_is_one_fact():
    one = fact_of("Bendungan Sirna di Lembah Hijau jebol pada Rabu dini hari dan merendam 340 rumah.")
    other = fact_of("Sebanyak 340 rumah di Lembah Hijau terendam setelah Bendungan Sirna ambrol Rabu dini hari.")
    assert same_fact(one, other)
    # the same figure about someone else, or other figures about the same place, are other facts
    assert not same_fact(one, fact_of("Di Kota Baru, 340 peserta mengikuti lomba lari."))
    assert not same_fact(one, fact_of("Bendungan Sirna menampung 12 juta meter kubik air."))
    # a year or a date every sentence of a story shares is not a figure
    assert not fact_of("Pada 8/5/2024 Bupati datang, tahun 2024 ini.").figures


def test_another_articles_wording_of_a_chosen_sentence_is_a_restatement():
    stop = Tokenizer().stopwords
    one = said_words("Pesawat Garuda Biru mendarat darurat di Bandara Lembah Hijau pada Selasa pagi.", stop)
    other = said_words("Garuda Biru terpaksa mendarat darurat di Bandara Lembah Hijau, Selasa (4/6) pagi.", stop)
    assert restates(one, other)
    # a new fact about the same plane shares its names, not most of its words
    new = said_words("Seluruh 180 penumpang Garuda Biru dipindahkan ke pesawat pengganti menuju Kota Baru.", stop)
    assert not restates(one, new)
    assert not restates(one, frozenset())


def test_the_summary_takes_one_wording_of_a_fact_from_several_articles():
    plane = [
        make_doc(
            "p1",
            "Garuda Biru mendarat darurat di Lembah Hijau pada Selasa pagi.\n"
            "Seluruh 180 penumpang selamat dan dipindahkan ke pesawat pengganti.",
            title="Garuda Biru Mendarat Darurat",
            outlet="Kabar",
        ),
        make_doc(
            "p2",
            "Selasa pagi itu, pesawat terpaksa turun darurat; Garuda Biru kini tertahan di Lembah Hijau.\n"
            "Pilot melaporkan gangguan mesin kiri sesaat setelah lepas landas dari Kota Baru.",
            title="Garuda Biru Terpaksa Mendarat di Lembah Hijau",
            outlet="Warta",
        ),
        make_doc(
            "p3",
            "Teknisi memeriksa mesin kiri Garuda Biru yang mendarat darurat di Bandara Lembah Hijau.\n"
            "Maskapai menyatakan jadwal penerbangan lain tidak terganggu.",
            title="Mesin Garuda Biru Diperiksa",
            outlet="Berita",
        ),
    ]
    summarizer = LearnedSummarizer(Tokenizer())
    picked = texts(summarizer.select(plane, LengthSpec.parse("4")))
    # the second article tells the landing in other words and another order: its word pairs
    # overlap too little to count as a repeat, its words do not
    first, second = plane[0].sentences[0].text, plane[1].sentences[0].text
    assert not (first in picked and second in picked), picked
    assert first in picked or second in picked, picked


def test_references_are_found_at_the_opening_only():
    assert opens_with_reference("Ia mengatakan petugas sudah datang.")
    assert opens_with_reference("Hal itu disampaikan Bupati.")
    assert opens_with_reference("They said the dam broke.")
    assert not opens_with_reference("Bupati mengatakan ia sudah datang.")
    assert not opens_with_reference("Iagatama mengatakan petugas datang.")
    # Portuguese and Vietnamese pronouns, not words that begin with them
    assert opens_with_reference("Ele disse que a barragem cedeu.")
    assert opens_with_reference("Isso foi confirmado pela prefeitura.")
    assert opens_with_reference("Họ cho biết đê đã vỡ.")
    assert opens_with_reference("Điều này được xác nhận.")
    assert not opens_with_reference("Eleição foi marcada para outubro.")
    assert not opens_with_reference("Hồ chứa nước đã đầy.")


def test_summary_is_readable(summarizer):
    chosen = summarizer.select(DAM, LengthSpec.parse("60w"))
    picked = texts(chosen)
    assert picked, "a summary"
    assert not any(t.startswith(("Kabar.com", "LembahBendungan")) for t in picked)
    assert not any(c.doc == 3 for c in chosen), "nothing from the football article"
    facts = [fact_of(t) for t in picked]
    assert not any(same_fact(a, b) for i, a in enumerate(facts) for b in facts[i + 1 :]), picked
    for n, c in enumerate(chosen):
        if opens_with_reference(c.sentence.text):
            before = chosen[n - 1]
            assert n > 0 and (before.doc, before.sentence.index + 1) == (c.doc, c.sentence.index)


def test_the_story_list_lead_is_the_summary_opening(summarizer):
    one = summarizer.select(DAM, LengthSpec.parse("1"))
    full = summarizer.select(DAM, LengthSpec.parse("4"))
    assert len(one) == 1 and full[0].sentence.text == one[0].sentence.text


def test_budgets_hold_and_empty_input_gives_nothing(summarizer):
    for words in (5, 15, 30, 80):
        chosen = summarizer.select(DAM, LengthSpec(words, "words"))
        assert sum(c.words for c in chosen) <= words
    assert summarizer.select([], LengthSpec.parse("3")) == []
    assert summarizer.select([make_doc("n", "Advertisement\nBaca juga: Banjir")], LengthSpec.parse("3")) == []


def test_with_little_shared_the_choice_is_the_lead(summarizer):
    # Two reports of one happening in other words, sharing only a name: position is all the
    # scorer has. (Two articles that share nothing at all are two happenings: see story_core.)
    docs = [
        make_doc(
            "p1",
            "Harga cabai rawit di Pasar Ramai naik dua kali lipat pekan ini.\n"
            "Pedagang menyebut pasokan dari dataran tinggi berkurang.\nPembeli mengeluh.",
        ),
        make_doc(
            "p2",
            "Pembeli di Pasar Ramai kini membayar Rp80 ribu sekilo untuk cabai.\n"
            "Kiriman dari petani terlambat karena longsor menutup jalan.\nHujan diduga penyebabnya.",
        ),
    ]
    chosen = summarizer.select(docs, LengthSpec.parse("2"))
    assert {(c.doc, c.sentence.index) for c in chosen} == {(0, 0), (1, 0)}


def test_citations_name_each_outlet_once_with_its_articles(summarizer):
    lead = next(c for c in summarizer.pool(DAM) if c.doc == 2 and c.sentence.index == 0)
    (sentence,) = cite(DAM, [lead], TOKENIZER, threshold=0.2)
    outlets = [c.outlet for c in sentence.citations]
    assert outlets[0] == "Kabar" and sentence.citations[0].article_id == "a3"  # the source first
    assert outlets == sorted(outlets, key=outlets.index)  # one run per outlet
    groups = dict(outlet_groups(sentence.citations))
    assert [c.article_id for c in groups["Kabar"]] == ["a3", "a1"]
    assert citation_label(sentence.citations).startswith("Kabar (2 articles)")
    alone = (Citation("x1", "Warta"), Citation("x2", None))
    assert citation_label(alone) == "Warta; x2"


def test_features_are_one_row_a_candidate_and_scaled_within_the_story(summarizer):
    pool = summarizer.pool(DAM)
    rows = sentence_features(DAM, pool, TOKENIZER.stopwords)
    assert rows.shape == (len(pool), len(FEATURES))
    assert np.isfinite(rows).all()
    agreement = rows[:, FEATURES.index("agreement")]
    assert agreement.max() == pytest.approx(1.0) and agreement.min() >= 0.0


def test_oracle_labels_take_the_sentence_the_reference_holds():
    texts_ = ["Bendungan Sirna jebol dan merendam 340 rumah.", "Pasar tetap buka.", "Hujan turun sore hari."]
    assert oracle_choice(texts_, [7, 3, 4], ["Bendungan Sirna jebol, 340 rumah terendam."], 10) == {0}


def test_fit_learns_that_leads_are_kept_and_leave_one_out_trains_on_the_others():
    rng = np.random.default_rng(3)
    sets = []
    for name in ("one", "two"):
        rows = rng.random((400, len(FEATURES)))
        labels = (rows[:, 0] > 0.7).astype(float)  # inverse position decides
        sets.append(LabelledSentences(name, rows, labels, np.zeros(400), ()))
    weights = fit(sets)
    assert weights.coef[0] == max(weights.coef)
    left = leave_one_set_out(sets)
    assert set(left) == {"one", "two"}
    assert leave_one_set_out(sets[:1]) == {}


def test_model_round_trip_and_left_out_weights_by_cluster():
    width = len(FEATURES)
    shipped = Weights(np.zeros(width), np.ones(width), np.ones(width), 0.5)
    without = Weights(np.zeros(width), np.ones(width), -np.ones(width), 0.0)
    key = fingerprint("c1", ["a reference"])
    model = SentenceModel(shipped, left_out={"set-a": without}, clusters={"set-a": frozenset([key])})
    again = SentenceModel.from_json(model.to_json())
    assert again.without_set_of(key)[0] == "set-a"
    assert np.array_equal(again.without_set_of(key)[1].coef, without.coef)
    assert again.without_set_of(fingerprint("c2", ["other"])) == (None, again.weights)
    with pytest.raises(ConfigError):
        SentenceModel.from_json({**model.to_json(), "features": ["position"]})


def test_shipped_model_loads_and_is_the_default():
    assert make_summarizer("learned", tokenizer=TOKENIZER).name == "learned"
    model = SentenceModel.load()
    assert set(model.left_out) == set(model.clusters) == {"vims", "indosum"}
