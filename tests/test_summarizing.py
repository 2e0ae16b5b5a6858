from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ringkas.errors import ConfigError
from ringkas.lengths import LengthSpec
from ringkas.models import Article, Document
from ringkas.sentences import SentenceSplitter
from ringkas.settings import Settings
from ringkas.summarizing import CoverageSummarizer, candidates, choose_headline, cite, make_summarizer
from ringkas.summarizing.base import (
    is_noise,
    needs_previous,
    opens_mid_quote,
    reading_order,
    sentence_words,
    starts_inside_quote,
)
from ringkas.summarizing.headline import compress_lead
from ringkas.tokens import Tokenizer

SPLITTER = SentenceSplitter()
TOKENIZER = Tokenizer()

# An invented story: three outlets report the same earthquake, each with details of its own.
QUAKE = [
    (
        "kn-1",
        "Kabar Nusantara",
        date(2024, 3, 4),
        "Gempa Magnitudo 5,6 Guncang Sukamaju, 120 Rumah Rusak",
        "Gempa bermagnitudo 5,6 mengguncang Kabupaten Sukamaju, Jawa Barat, pada Senin siang.\n"
        "Badan Meteorologi mencatat pusat gempa berada di darat pada kedalaman 10 kilometer.\n"
        "Sedikitnya 120 rumah rusak dan tiga warga luka ringan akibat guncangan tersebut.\n"
        "Namun, petugas belum menemukan korban jiwa hingga Senin malam.\n"
        '"Kami masih mendata kerusakan di lapangan."\n'
        "Warga diminta menjauhi bangunan yang retak sampai petugas selesai memeriksa.",
    ),
    (
        "wk-1",
        "Warta Kini",
        date(2024, 3, 4),
        "120 Rumah Rusak Diguncang Gempa di Sukamaju",
        "Gempa bermagnitudo 5,6 mengguncang Kabupaten Sukamaju pada Senin siang dan merusak sedikitnya 120 rumah.\n"
        "Pusat gempa berada di darat dengan kedalaman 10 kilometer, menurut Badan Meteorologi.\n"
        "Tim gabungan mendirikan tenda pengungsian di lapangan desa.\n"
        "Pasar tradisional di pusat kecamatan tetap buka seperti biasa.",
    ),
    (
        "hs-1",
        "Harian Selat",
        date(2024, 3, 5),
        "Warga Sukamaju Bertahan di Tenda Pengungsian",
        "Sehari setelah gempa bermagnitudo 5,6 mengguncang Kabupaten Sukamaju, ratusan warga bertahan di tenda.\n"
        "Sebanyak 120 rumah rusak akibat gempa tersebut, sebagian besar di Kecamatan Cibening.\n"
        "Bantuan logistik mulai berdatangan dari kabupaten tetangga sejak Selasa pagi.\n"
        "Apakah gempa susulan akan terjadi lagi?",
    ),
]


def make_doc(article_id, text, title="", outlet=None, published=None):
    article = Article(id=article_id, title=title, text=text, outlet=outlet, published=published)
    return Document(article=article, sentences=SPLITTER.split(text, article_id))


@pytest.fixture
def story():
    return [make_doc(i, text, title, outlet, day) for i, outlet, day, title, text in QUAKE]


def texts(chosen):
    return [c.sentence.text for c in chosen]


def test_noise_and_fragments_are_never_candidates():
    assert is_noise("Apakah gempa susulan akan terjadi lagi?")
    assert is_noise('"Kami masih mendata kerusakan di lapangan."')  # a bare quote: who said it?
    assert is_noise("Baca juga: Gempa Kecil Guncang Pantai Selatan")
    assert is_noise("Foto: Rumah warga yang rusak")
    assert is_noise("Info lengkap di https://contoh.id/gempa untuk para pembaca setia kami.")
    assert is_noise("Togel hk")
    assert is_noise("TIM SAR GABUNGAN TERUS BEKERJA SEPANJANG MALAM DI LOKASI.")
    assert is_noise("Kepala dinas mengonfirmasi bahwa bantuan akan segera dikirim untuk pertama kalinya dengan")
    assert not is_noise("Tim gabungan mendirikan tenda pengungsian di lapangan desa.")
    assert not is_noise("Juventus tengah dirundung duka.")
    # a pointer at what follows in the article: in a summary, what it points at is not there
    assert is_noise("Simak informasi selengkapnya tentang jadwal bantuan berikut ini.")
    assert is_noise("Rincian bantuan untuk setiap desa adalah sebagai berikut:")
    assert is_noise("The damage reported by the villages was as follows:")
    assert not is_noise("Bantuan tahap kedua akan dikirim pada pekan berikut.")  # the next week
    assert not is_noise("Bupati menyebut tiga desa berikut paling parah terdampak gempa.")


def test_dangling_sentences_need_their_antecedent(story):
    pool = candidates(story)
    by_text = {c.sentence.text: c for c in pool}
    namun = by_text["Namun, petugas belum menemukan korban jiwa hingga Senin malam."]
    assert namun.needs_previous
    lone = make_doc("x", "Namun, hujan turun lagi pada Selasa sore di seluruh kota.\nIa menambahkan bahwa semua aman.")
    assert candidates([lone]) == []


def test_quotes_need_a_named_speaker_or_their_opening():
    assert needs_previous('"Kami masih mendata kerusakan," katanya.')
    assert needs_previous('Semua bantuan sudah kami salurkan," lanjutnya.')  # closes a quote begun earlier
    assert not needs_previous('"Kami masih mendata kerusakan," kata Kepala BPBD Rina Hartati.')
    assert not needs_previous("Rina berkata, \u201cKami siap membantu warga.\u201d")


def test_a_sentence_that_starts_inside_a_quotation_is_never_a_candidate():
    assert opens_mid_quote('Semua bantuan sudah kami salurkan," lanjutnya.')
    assert opens_mid_quote("Semua bantuan sudah kami salurkan,\u201d lanjutnya.")
    assert not opens_mid_quote('"Kami masih mendata kerusakan," katanya.')
    assert not opens_mid_quote('Rina berkata, "Kami siap membantu warga.')
    assert not opens_mid_quote("Warga menyebut jalan itu \u201cjalur maut\u201d sejak lama.")
    assert not opens_mid_quote("Tidak ada tanda kutip di sini sama sekali.")
    # the quote opens in one sentence and goes on over the next: the second is not taken, even
    # though the sentence before it is a candidate
    doc = make_doc(
        "q",
        "Kepala BPBD Rina Hartati meminta warga tetap tenang setelah gempa pada Senin siang.\n"
        'Ia berkata, "Petugas sudah membuka tiga posko pengungsian di halaman kantor kecamatan. '
        "Dapur umum juga sudah melayani warga yang mengungsi sejak Senin sore. "
        'Bantuan makanan dan selimut tiba di posko sejak Senin malam," ujar Rina kepada wartawan.',
    )
    pool = texts(candidates([doc]))
    assert any(t.startswith("Ia berkata") for t in pool)
    assert not any(t.startswith(("Dapur umum", "Bantuan makanan")) for t in pool)  # no mark of its own
    assert not starts_inside_quote(doc.article.text, doc.sentences[1].start)
    assert starts_inside_quote(doc.article.text, doc.sentences[2].start)


def test_boilerplate_endings_shared_by_articles_are_not_candidates():
    footer = "Kabar Nusantara adalah portal berita daerah yang terbit sejak tahun 2010."
    documents = [
        make_doc("f1", "Jembatan gantung di Desa Sukamaju putus diterjang arus sungai.\nDua warga terluka.\n" + footer),
        make_doc("f2", "Warga Desa Sukamaju menyeberang sungai dengan rakit bambu.\nSekolah diliburkan.\n" + footer),
    ]
    assert footer not in texts(candidates(documents))
    assert footer in texts(candidates(documents[:1]))  # one article alone: nothing to tell it by


@pytest.mark.parametrize("spec", ["1", "3", "6", "15w", "40w", "80w", "200w", "10%", "50%"])
def test_every_length_spec_is_respected(story, spec):
    length = LengthSpec.parse(spec)
    chosen = CoverageSummarizer(TOKENIZER).select(story, length)
    assert chosen
    if length.unit == "sentences":
        assert len(chosen) <= int(length.value)
    else:
        total = sum(sentence_words(s.text) for d in story for s in d.sentences)
        limit = int(length.value) if length.unit == "words" else round(total * length.value / 100)
        assert sum(sentence_words(c.sentence.text) for c in chosen) <= limit


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=160))
def test_never_over_a_word_budget(words):
    documents = [make_doc(i, text, title, outlet, day) for i, outlet, day, title, text in QUAKE]
    chosen = CoverageSummarizer(TOKENIZER).select(documents, LengthSpec(words, "words"))
    assert sum(sentence_words(c.sentence.text) for c in chosen) <= words


def test_the_fact_every_outlet_reports_comes_first(story):
    chosen = CoverageSummarizer(TOKENIZER).select(story, LengthSpec.parse("1"))
    assert "gempa bermagnitudo 5,6 mengguncang kabupaten sukamaju" in chosen[0].sentence.text.lower()


def test_agreement_beats_a_lead_no_other_article_carries():
    # The shared fact is only the fourth of five sentences in each article; every other sentence is
    # reported by one article alone, so it is not what the sources agree on.
    shared = "Harga beras medium di pasar induk naik menjadi Rp 14.000 per kilogram pekan ini."
    own = [
        "Ratusan pedagang kaki lima memadati trotoar depan stasiun kota sejak subuh tadi.",
        "Pengelola gudang Bulog menambah dua unit truk pengangkut untuk wilayah timur.",
        "Ketua asosiasi petani mengeluhkan pupuk bersubsidi yang datang terlambat bulan lalu.",
        "Dinas perhubungan menutup sementara jalan lingkar utara karena perbaikan aspal.",
        "Sekolah dasar di kawasan pesisir mulai menerapkan jam masuk yang lebih siang.",
        "Penjual sayur mengaku omzetnya turun hampir separuh dibanding bulan sebelumnya.",
        "Petugas kebersihan mengangkut sampah pasar dua kali sehari selama musim hujan.",
        "Koperasi nelayan membuka lapak ikan segar di halaman kantor kelurahan.",
        "Warga antre membeli gas elpiji tiga kilogram di pangkalan dekat terminal.",
    ]
    closing = [
        "Pantauan di lapangan berlangsung hingga sore hari.",
        "Laporan lengkap akan terbit dalam edisi akhir pekan.",
        "Redaksi menghubungi dinas perdagangan untuk konfirmasi.",
    ]
    documents = [make_doc(f"b{n}", "\n".join([*own[3 * n : 3 * n + 3], shared, closing[n]])) for n in range(3)]
    chosen = CoverageSummarizer(TOKENIZER).select(documents, LengthSpec.parse("1"))
    assert texts(chosen) == [shared]


def test_summary_has_no_noise_and_dangling_sentences_follow_their_antecedent(story):
    chosen = CoverageSummarizer(TOKENIZER).select(story, LengthSpec.parse("120w"))
    picked = texts(chosen)
    assert not any(t.endswith("?") or t.startswith('"') for t in picked)
    for n, c in enumerate(chosen):
        if c.needs_previous:
            before = chosen[n - 1]
            assert n > 0 and before.doc == c.doc and before.sentence.index == c.sentence.index - 1


def test_one_article_gives_its_lead():
    doc = make_doc(
        "solo",
        "Pemerintah Kota Bahari meresmikan jembatan baru sepanjang 300 meter pada Kamis pagi.\n"
        "Jembatan itu menghubungkan dua kecamatan yang selama ini dipisahkan sungai.\n"
        "Pembangunan jembatan menelan biaya Rp 85 miliar dari anggaran daerah.\n"
        "Warga menyambut peresmian dengan arak-arakan perahu hias.\n"
        "Wali kota berharap jembatan memperlancar distribusi hasil panen.",
    )
    chosen = CoverageSummarizer(TOKENIZER).select([doc], LengthSpec.parse("20w"))
    assert texts(chosen)[0].startswith("Pemerintah Kota Bahari meresmikan jembatan baru")


def test_other_languages_work_the_same_way():
    english = [
        make_doc("e1", "Floods hit the river town of Lowmoor on Monday after two days of heavy rain.\nShops closed."),
        make_doc("e2", "Heavy rain caused floods in the river town of Lowmoor on Monday.\nSchools stayed open."),
    ]
    chosen = CoverageSummarizer(TOKENIZER).select(english, LengthSpec.parse("20w"))
    assert "Lowmoor" in chosen[0].sentence.text


def test_text_without_spaces_is_summarized_too():
    chinese = [
        make_doc("z1", "台风山竹周日在广东沿海登陆，造成大面积停电。\n当地政府紧急疏散了数万名居民。"),
        make_doc("z2", "台风山竹周日登陆广东沿海，多地出现大面积停电。\n学校和商店全部关闭。"),
    ]
    chosen = CoverageSummarizer(TOKENIZER).select(chinese, LengthSpec.parse("1"))
    assert "台风山竹" in chosen[0].sentence.text
    cited = cite(chinese, chosen, TOKENIZER)[0]
    assert {c.article_id for c in cited.citations} == {"z1", "z2"}


def test_empty_and_noise_only_input_give_an_empty_summary():
    summarizer = CoverageSummarizer(TOKENIZER)
    assert summarizer.select([], LengthSpec.parse("3")) == []
    assert summarizer.select([make_doc("n", "Advertisement\nTogel hk\nBaca juga: Banjir")], LengthSpec.parse("3")) == []


def test_reading_order_follows_event_time_then_position(story):
    pool = {c.sentence.text: c for c in candidates(story)}
    later = pool["Bantuan logistik mulai berdatangan dari kabupaten tetangga sejak Selasa pagi."]
    earlier = pool["Tim gabungan mendirikan tenda pengungsian di lapangan desa."]
    lead = pool["Gempa bermagnitudo 5,6 mengguncang Kabupaten Sukamaju, Jawa Barat, pada Senin siang."]
    assert reading_order(story, [later, earlier, lead]) == [lead, earlier, later]


def test_citations_list_every_outlet_reporting_the_fact_source_first(story):
    lead = next(c for c in candidates(story) if c.doc == 1 and c.sentence.index == 0)
    detail = next(c for c in candidates(story) if "Pasar tradisional" in c.sentence.text)
    cited, alone = cite(story, [lead, detail], TOKENIZER, threshold=0.35)
    assert cited.citations[0].article_id == "wk-1"
    assert {c.outlet for c in cited.citations} == {"Kabar Nusantara", "Warta Kini", "Harian Selat"}
    assert [c.outlet for c in alone.citations] == ["Warta Kini"]


def test_headline_is_the_most_representative_title(story):
    assert choose_headline(story, TOKENIZER) in {title for _, _, _, title, _ in QUAKE}
    untitled = [make_doc("u", "Advertisement\nGempa bermagnitudo 5,6 mengguncang Kabupaten Sukamaju pada Senin siang.")]
    assert choose_headline(untitled, TOKENIZER).startswith("Gempa bermagnitudo 5,6")


def test_compressed_lead_stays_short():
    long = (
        "Pemerintah provinsi menetapkan status tanggap darurat selama dua pekan untuk seluruh wilayah yang "
        "terdampak gempa, termasuk tiga kecamatan di bagian selatan kabupaten."
    )
    assert len(compress_lead(long, 12).split()) <= 12


def test_registry_and_default():
    assert make_summarizer("coverage", tokenizer=TOKENIZER).name == "coverage"
    assert Settings(environ={})["summarizer"] == "learned"
    with pytest.raises(ConfigError):
        make_summarizer("nope")
