"""Text repair: words a scraper glued where a link was are split on evidence, names and brands stay."""

import pytest

from ringkas.cleaning import Cleaner, match_dateline
from ringkas.cleaning.repair import GlueRepair, function_words
from ringkas.models import Article


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(identify_language=False)


def repaired(cleaner, line, context=""):
    return GlueRepair(cleaner.is_indonesian_word, function_words(), context=context + "\n" + line).repair(line)


@pytest.mark.parametrize(
    ("glued", "expected"),
    [
        ("(Pemprov)Jawa Baratsegera memperbaiki jalan.", "(Pemprov) Jawa Barat segera memperbaiki jalan."),
        ("Warga diIranmenyusul pengungsi lain.", "Warga di Iran menyusul pengungsi lain."),
        ("Kejaksaan Agung(Kejagung) memeriksa saksi.", "Kejaksaan Agung (Kejagung) memeriksa saksi."),
        (
            "Harga naik tipis,kata pedagang.Dia menambahkan stok cukup.",
            "Harga naik tipis, kata pedagang. Dia menambahkan stok cukup.",
        ),
        ("Klub itu menang atasPersib dan dilansirKNT.", "Klub itu menang atas Persib dan dilansir KNT."),
        ("Rapat di kantor KabupatenSleman berlangsung lama.", "Rapat di kantor Kabupaten Sleman berlangsung lama."),
        ("Baca juga:Panen Raya di Klaten", "Baca juga: Panen Raya di Klaten"),
    ],
)
def test_glued_words_are_split(cleaner, glued, expected):
    context = "Banjir di Iran dan Jawa Barat."
    text, count = repaired(cleaner, glued, context)
    assert text == expected
    assert count >= 1


@pytest.mark.parametrize(
    "line",
    [
        "Pengguna iPhone menonton YouTube di gerai McDonald dekat kantor PolRI dan KemenPU.",
        "Anggota DPRD menulis di detikNews dan TikTok tentang proyek MegaWatt.",
        "Inflasi naik 2,5 persen, harga Rp1,5juta per gram menurut dr.Tirta dan Sp.N Ahmad.",
        "Kunjungi https://warta.example/berita?id=Banjir atau surel redaksi@warta.example dan warta.co.id kemarin.",
        "Hasilnya Menariknya Kalimantan Palembang Belitung Banjarmasin tetap utuh.",
        "[Gambas:Video Warta] tayang pukul 08.00 WIB.",
    ],
)
def test_names_brands_numbers_and_addresses_stay(cleaner, line):
    context = "Kali ini Palem dan Beli serta Banjar juga Hasil."
    assert repaired(cleaner, line, context) == (line, 0)


def test_a_name_glued_to_a_word_needs_the_name_written_alone(cleaner):
    line = "Gelandang Sutarjomencetak gol kedua."
    assert repaired(cleaner, line)[0] == line  # no evidence that "Sutarjo" is a name
    assert repaired(cleaner, line, "Sutarjo lahir di Klaten.")[0] == "Gelandang Sutarjo mencetak gol kedua."


def test_cleaner_repairs_body_and_title_but_keeps_noise_as_written(cleaner):
    article = cleaner.clean(
        Article(
            id="x",
            title="Banjir Rendam KabupatenDemak",
            text="Banjir merendam ribuan rumah diDemakpada Senin pagi,kata petugas BPBD Demak.\n"
            "Baca juga:Panen Raya di Klaten",
        )
    )
    assert article.title == "Banjir Rendam Kabupaten Demak"
    assert article.text == "Banjir merendam ribuan rumah di Demak pada Senin pagi, kata petugas BPBD Demak."
    assert [r.text for r in article.removed] == ["Baca juga:Panen Raya di Klaten"]


@pytest.mark.parametrize(
    ("line", "outlet", "place", "rest"),
    [
        ("Liputan6.com, JakartaKejaksaan Agung memeriksa tiga saksi hari ini.", "Liputan6.com", "Jakarta", "Kejaksaan"),
        ("Wartauji.id, Banda AcehPara nelayan tidak melaut sejak Senin.", "Wartauji.id", "Banda Aceh", "Para"),
        ("JAKARTA –Menteri Keuangan menyampaikan laporan di depan DPR.", None, "Jakarta", "Menteri"),
        ("SEMARANG- Wali Kota meninjau tanggul yang jebol semalam.", None, "Semarang", "Wali"),
    ],
)
def test_datelines_glued_to_the_first_word(line, outlet, place, rest):
    dateline = match_dateline(line)
    assert dateline is not None
    assert (dateline.outlet, dateline.place) == (outlet, place)
    assert line[dateline.end :].startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "COVID-19 masih menjadi perhatian dinas kesehatan setempat.",
        "Liputan6.com, Jakarta Kejaksaan Agung memeriksa tiga saksi hari ini.",
    ],
)
def test_no_dateline_without_evidence(line):
    dateline = match_dateline(line)
    assert dateline is None or dateline.place != "Jakarta Kejaksaan Agung"
    if line.startswith("COVID"):
        assert dateline is None
