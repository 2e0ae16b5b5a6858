"""Text repair: words a scraper glued where a link was are split on evidence, names and brands stay."""

import pytest

from ringkas.cleaning import Cleaner, match_dateline, repair_glued
from ringkas.models import Article


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(identify_language=False)


def repaired(cleaner, line, context=""):
    return cleaner.glue_repair(context + "\n" + line).repair(line)


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
        # an acronym or a word in capitals glued to the next word, a number glued to the next word
        ("Pengurus PSBImenyiapkan tim cadangan.", "Pengurus PSBI menyiapkan tim cadangan."),
        ("Aturan ODLyang baru dan BERIKUTtiga syarat.", "Aturan ODL yang baru dan BERIKUT tiga syarat."),
        ("Turnamen 2025akan digelar pada 12pekan.", "Turnamen 2025 akan digelar pada 12pekan."),
        ("Skor 3dengan tambahan waktu.", "Skor 3 dengan tambahan waktu."),
        ("Setiap PesertaKPRmemiliki hak.", "Setiap Peserta KPR memiliki hak."),
        # a derived word glued to a name's two-letter opening
        ("Warga menyambut kedatanganAl Farisi.", "Warga menyambut kedatangan Al Farisi."),
        # a name, a word that opens a clause and the next name, all glued
        ("Warga SlemandanIran berdoa.", "Warga Sleman dan Iran berdoa."),
        # a name that is also a dictionary word, glued to a function word
        ("Tim Iranyang menang dan Jawa Baratjuga.", "Tim Iran yang menang dan Jawa Barat juga."),
        # a number glued to the full stop and the next sentence
        ("Laga digelar Sabtu (14/6/2025).Pelatih puas.", "Laga digelar Sabtu (14/6/2025). Pelatih puas."),
        # a short name and a function word; a lower-case word and the function word after it
        ("Warga Irandan tetangganya.", "Warga Iran dan tetangganya."),
        ("Harga rumahyang dijual naik di wilayahtersebut.", "Harga rumah yang dijual naik di wilayah tersebut."),
    ],
)
def test_glued_words_are_split(cleaner, glued, expected):
    context = "Banjir di Iran, Sleman dan Jawa Barat. Program KPR dibuka."
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


@pytest.mark.parametrize(
    ("line", "context"),
    [
        # a name whose last syllables are a word, the short form written alone too
        ("Menurut dr Wismandari Wisnu SpPD, gula darah naik.", "kata dr Wisman kemarin."),
        ("Hotel Sahidjaya penuh.", "Sahid menyebut hotel itu penuh."),
        # place names closed by a word that is also a function word ("baru", "panjang")
        ("Banjir di Kotabaru dan Padangpanjang surut.", "Kota dan Padang terendam."),
        # lower-case compounds whose second half is a function word, and words that end in one
        ("Warga seringkali bekerjasama agar dana tidak disalahgunakan, sayang sekali.", ""),
        # compounds and brands whose second half is a bare root or a loan
        ("Bea Antidumping dibahas di Bandarlampung lewat Instagram dan Googleblog.", "Anti Bandar Insta Google"),
        ("Kantor Mikrobisnis berdiri di Jakartakota.", "Mikro Jakarta"),
        # CamelCase brands: written more than once, or a root glued to a name never written alone
        ("Aplikasi MerpatiTiket dan lagi MerpatiTiket.", "Merpati Tiket"),
        ("Belanja di MatahariPasar dan PermenKP baru.", ""),
        # a title's "(K)" and a name's short form in brackets
        ("Dokter Sp.A(K) bernama Hargi(anto) hadir.", ""),
        # capitals before a clitic, a word typed with two capitals, a capital that opens the next
        # word or a name, units and ordinals after a number, a brand written twice
        ("Harga BBMnya naik dan DIberitakan turun.", ""),
        ("Surat PEMUTUSANHubungan kerja tiba di Posko SARWaringin.", "Desa Waringin"),
        ("Juara 2nd dengan layar 60fps, 100km dan 3milyar.", ""),
    ],
)
def test_no_correct_word_is_split(cleaner, line, context):
    assert repaired(cleaner, line, context) == (line, 0)


def test_a_preposition_glued_to_a_brand_is_cut_before_the_brand(cleaner):
    line = "Berita lengkap ada didetikKota hari ini."
    expected = "Berita lengkap ada di detikKota hari ini."
    assert repaired(cleaner, line, "Baca detikKota setiap hari.")[0] == expected


def test_a_capitalised_word_glued_to_a_name_is_split_on_evidence(cleaner):
    line = "Keputusan itu disampaikan PresidenSuharyanto kemarin."
    assert repaired(cleaner, line, "Suharyanto hadir.")[0] == "Keputusan itu disampaikan Presiden Suharyanto kemarin."
    assert repaired(cleaner, line)[0] == line  # "Suharyanto" never written alone: a brand shape
    assert repaired(cleaner, "Kabar itu DilansirKNT pagi.")[0] == "Kabar itu Dilansir KNT pagi."


def test_capitals_glued_to_a_word_are_split_wherever_the_line_repeats(cleaner):
    # a scraped page may repeat a glued line: capitals never end in a word, and a word between two
    # names is evidence enough, so neither needs a one-off
    line = "Pengurus PSBImenyiapkan tim dan SlemanmenantangIran."
    text = f"Sleman dan Iran.\n{line}\n{line}"
    expected = "Pengurus PSBI menyiapkan tim dan Sleman menantang Iran."
    assert cleaner.glue_repair(text).repair(line) == (expected, 3)


def test_repair_glued_reads_its_text_as_context(cleaner):
    text, count = repair_glued("Sutarjo datang. Gelandang Sutarjomencetak gol.")
    assert (text, count) == ("Sutarjo datang. Gelandang Sutarjo mencetak gol.", 1)


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
        ("JAKARTA-Penyidik kejaksaan menyita dokumen dari kantor itu.", None, "Jakarta", "Penyidik"),
        ("LOS ANGELES-Penyanyi itu membatalkan konser akhir pekan ini.", None, "Los Angeles", "Penyanyi"),
        # a hyphen inside the words after the glued place is no dateline's dash
        ("Wartauji.id, JakartaGelandang Rafi Tan-Ko-Ang kembali berlatih.", "Wartauji.id", "Jakarta", "Gelandang"),
        ("Wartauji.id, JakartaPasarsaham Asia-Pasifik dibuka melemah.", "Wartauji.id", "Jakarta", "Pasarsaham"),
        # glued to an acronym ("JakartaPT Pupuk ...", "JakartaAC Milan ...")
        ("Wartauji.id, JakartaPT Sinar Tani membagikan dividen tunai.", "Wartauji.id", "Jakarta", "PT Sinar"),
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
        "ALIH-alih menunggu bantuan, warga memperbaiki jalan sendiri.",
        "KOTA-KOTA besar di Jawa bersiap menghadapi musim hujan.",
        "Liputan6.com, Jakarta Kejaksaan Agung memeriksa tiga saksi hari ini.",
    ],
)
def test_no_dateline_without_evidence(line):
    dateline = match_dateline(line)
    assert dateline is None or dateline.place != "Jakarta Kejaksaan Agung"
    if line[:1].isupper() and line[1:2].isupper():  # "COVID-19", "ALIH-alih", "KOTA-KOTA": no place
        assert dateline is None


def test_a_site_or_a_glued_word_is_no_place_of_a_dateline():
    # "Kepada KabarKota, Co - Founder ...": a sentence, not a place, an outlet and a dash
    assert match_dateline("Kepada KabarKota, Co - Founder perusahaan itu menjelaskan rencananya.") is None
    assert match_dateline("Menurut Wartauji.id, Co - Founder perusahaan itu menjelaskan rencananya.") is None


def test_two_names_glued_are_split_where_the_article_writes_them_apart(cleaner):
    line = "Kunjungan PresidenHendarmoSaputro ke pabrik itu dan HendarmoSaputro lagi."
    context = "Presiden Hendarmo Saputro meninjau pabrik."
    assert repaired(cleaner, line, context + " Hendarmo Saputro tiba.")[0] == (
        "Kunjungan Presiden Hendarmo Saputro ke pabrik itu dan Hendarmo Saputro lagi."
    )
    # a brand written apart once but glued more often, and a short brand, keep their shape
    brand = "Promo MerpatiTiket dan MerpatiTiket untuk TikTok."
    assert repaired(cleaner, brand, "Aplikasi Merpati Tiket dan akun Tik Tok.")[0] == brand


def test_a_title_or_place_glued_to_a_given_name_is_split_without_the_name_alone(cleaner):
    # "Joko" and "Mikhail" open people's names (our lexicon, the tagger's name dictionary): a one-off
    # glue of a title or a place to them is split even when the article never writes them alone
    line = "Sambutan PresidenJoko Wiratmo dan Duta Besar RusiaMikhail Orlov di Bandung."
    expected = "Sambutan Presiden Joko Wiratmo dan Duta Besar Rusia Mikhail Orlov di Bandung."
    assert repaired(cleaner, line)[0] == expected
    # a place before a word that opens no name, or a glued form the page writes twice, is a brand shape
    brand = "Tiket JakartaTiket dan BaliJoko, lalu BaliJoko lagi."
    assert repaired(cleaner, brand)[0] == brand


def test_a_given_name_glued_to_a_known_name_is_split_without_either_alone(cleaner):
    # "Vladimir" opens people's names and "Putin" is a name the tagger's dictionary knows
    line = "Presiden Rusia VladimirPutin menerima tamu."
    assert repaired(cleaner, line)[0] == "Presiden Rusia Vladimir Putin menerima tamu."
    # two common words ("Black" opens no one's name) keep a brand's shape
    brand = "Saham BlackRock naik."
    assert repaired(cleaner, brand)[0] == brand


def test_di_is_split_off_a_name_the_article_writes_alone_twice(cleaner):
    context = "Marlaka hadir. Marlaka berbicara. Hendra hadir."
    line = "Marlakadi Istana menyapa Hendradi."
    # "Marlaka" is written alone twice, "Hendra" once: "Hendradi" may be a name of its own
    assert repaired(cleaner, line, context)[0] == "Marlaka di Istana menyapa Hendradi."


def test_a_known_name_glued_to_a_word_that_goes_on_after_it_is_split(cleaner):
    # Pages that link every mention of a name glue each one to the next word: the article never
    # writes the name alone, so the name dictionary's names (people, places) are the evidence,
    # and only a word that goes on after a subject or object ("terhadap", "dan", "akan") cuts.
    line = "Warga Kudus mengecam serangan Israelterhadap kapal bantuan, sementara Subiantoakan berpidato."
    assert repaired(cleaner, line) == (
        "Warga Kudus mengecam serangan Israel terhadap kapal bantuan, sementara Subianto akan berpidato.",
        2,
    )
    # or a verb ("bertemu", "mengatakan")
    assert repaired(cleaner, "Presiden Subiantobertemu warga Kudus.")[0] == "Presiden Subianto bertemu warga Kudus."
    # a name that ends in such a word, or in one that is no such word, stays
    for word in ("Chamberlain", "Bobotoh", "Ramadan", "Pyongyang"):
        assert repaired(cleaner, f"Laporan dari {word} tiba kemarin.")[1] == 0, word


def test_an_office_glued_to_a_name_is_split_like_a_word(cleaner):
    # "Mendikbudristek" and "Kapuspenkum" are no dictionary words but offices the titles list knows
    line = "Mantan MendikbudristekSutarjo hadir, kataKapuspenkumKejagung Wiyono."
    context = "Sutarjo lahir di Klaten. Kejagung memanggil Wiyono."
    assert (
        repaired(cleaner, line, context)[0] == "Mantan Mendikbudristek Sutarjo hadir, kata Kapuspenkum Kejagung Wiyono."
    )


def test_pun_glued_to_a_name_is_written_apart(cleaner):
    # the particle is written apart after a name, glued only in words such as "meskipun"
    line = "Sutarjopun datang, meskipun hujan. Apapun hasilnya, Walaupun lelah."
    assert repaired(cleaner, line, "Sutarjo lahir di Klaten.")[0] == (
        "Sutarjo pun datang, meskipun hujan. Apapun hasilnya, Walaupun lelah."
    )


def test_an_acronym_glued_to_a_name_is_split_when_both_are_written_alone(cleaner):
    context = "PBSI menggelar seleksi. Rudi Hartono memimpin tim. DKI Jakarta menjadi tuan rumah."
    assert repaired(cleaner, "Hal itu disampaikan Kabid PBSIRudi Hartono.", context)[0] == (
        "Hal itu disampaikan Kabid PBSI Rudi Hartono."
    )
    # without the acronym or the name written alone, the capitals stay as written
    assert repaired(cleaner, "Hal itu disampaikan Kabid PBSIRudi Hartono.")[1] == 0
    # an acronym our lexicon knows as an organisation's needs only the name written alone
    known = "Rudi Hartono hadir di sidang."
    assert repaired(cleaner, "Hal itu disampaikan Sekjen PDIPRudi Hartono.", known)[0] == (
        "Hal itu disampaikan Sekjen PDIP Rudi Hartono."
    )
    assert repaired(cleaner, "Hal itu disampaikan Ketua XYZRudi Hartono.", known)[1] == 0  # unknown acronym


def test_a_site_named_in_the_text_is_split_from_the_words_glued_to_it(cleaner):
    line = "Data itu dihimpun olehWartaRaya.compada Senin dan dikutip dariKabarNusa.comberjudul 'Panen'."
    assert repaired(cleaner, line) == (
        "Data itu dihimpun oleh WartaRaya.com pada Senin dan dikutip dari KabarNusa.com berjudul 'Panen'.",
        4,
    )
    # the site's own name stays: a root, a letter or a function word may open it ("blokKota.com",
    # "iKabar.com", "ApaKabar.com"), and a site's address keeps its path and subdomains
    for token in ("blokKota.com", "iKabar.com", "ApaKabar.com", "www.kabarnusa.comdari", "kabarnusa.com/berita"):
        assert repaired(cleaner, f"Baca di {token} sekarang.")[1] == 0, token
    # what is glued after the site must be a word: "pany" of "WartaRaya.company" is none
    assert repaired(cleaner, "Kunjungi WartaRaya.company hari ini.")[1] == 0


def test_two_lower_case_words_glued_once_are_split_where_the_article_writes_them_apart(cleaner):
    context = "Harga saham naik. Fluktuasi harga membuat investor ragu. Panen raya tiba."
    line = "Kenaikan hargasaham dipicu fluktuasiharga, kata analis saat panenraya."
    assert repaired(cleaner, line, context) == (
        "Kenaikan harga saham dipicu fluktuasi harga, kata analis saat panen raya.",
        3,
    )
    # without the two words written apart in the article, a long lower-case token stays (a
    # misspelt word such as "mengakusisi" has no such evidence)
    assert repaired(cleaner, "Kenaikan hargasaham dipicu sentimen.")[1] == 0
    # a bound form stays joined to its word ("antarwarga"), even where the article writes it apart
    assert repaired(cleaner, "Bentrokan antarwarga terjadi lagi.", "Dialog antar warga digelar.")[1] == 0
    # a compound the article writes joined again is its spelling
    again = "Harga saham naik. Hargasaham dibahas. Lalu hargasaham turun."
    assert repaired(cleaner, "Analis membahas hargasaham hari ini.", again)[1] == 0


def test_the_first_word_glued_behind_a_glued_dateline_is_repaired(cleaner):
    text = (
        "Wartauji.id, JakartaPenyanyiRatna Sari merilis album baru pada Jumat.\n"
        "Ratna Sari menulis sendiri semua lagunya, kata manajernya."
    )
    article = cleaner.clean(Article(id="g1", title="Album baru Ratna Sari", text=text))
    assert article.metadata["dateline"] == "Wartauji.id, Jakarta"
    assert article.text.startswith("Penyanyi Ratna Sari merilis album baru")


def test_a_name_glued_on_both_sides_is_cut_from_the_word_before_it(cleaner):
    # a linked name glues to the words on both sides ("udaraNusantaramenyerang"); the word after
    # it is the evidence of glue, so a short root before it is cut off too
    context = "Nusantara membantah laporan itu."
    assert repaired(cleaner, "Serangan udaraNusantaramenyerang pelabuhan.", context)[0] == (
        "Serangan udara Nusantara menyerang pelabuhan."
    )
    # a short root glued to a name with nothing glued after it may open a brand ("kabarJabar")
    assert repaired(cleaner, "Dilansir kabarJabar kemarin.", "Jabar bersiap.")[1] == 0


def test_two_names_the_article_writes_alone_twice_are_split_where_glued_once(cleaner):
    context = "Gubernur Jawa Timur hadir. Warga Timur menunggu. Khofifah datang. Khofifah bicara."
    assert repaired(cleaner, "Gubernur Jawa TimurKhofifah meninjau lokasi.", context)[0] == (
        "Gubernur Jawa Timur Khofifah meninjau lokasi."
    )
    # a brand's halves written alone once each stay joined ("KilatPay" beside "Kilat" and "Pay")
    brand = "Aplikasi Kilat hadir. Fitur Pay baru."
    assert repaired(cleaner, "Bayar dengan KilatPay sekarang.", brand)[1] == 0


def test_a_phrase_word_glued_once_to_a_word_the_article_writes_alone_is_split(cleaner):
    context = "Grup itu merilis lagu baru. Penggemar menanti comeback itu."
    line = "Grup itu bakal rilis ataucomeback dengan lagu baru, comebackdengan konser."
    assert repaired(cleaner, line, context)[0] == (
        "Grup itu bakal rilis atau comeback dengan lagu baru, comeback dengan konser."
    )
    # function words that open compounds stay glued ("kerjasama", "seringkali", "memberitahu"),
    # and so does a misspelt suffix ("menanamakan" for "menanamkan", "menanam" written alone)
    for token in ("kerjasama", "seringkali", "memberitahu", "menanamakan"):
        words = (
            "Warga kerja bakti. Itu sama saja. Ia sering hadir. Satu kali lagi. Ia memberi bantuan. "
            "Ia tahu itu. Petani menanam padi."
        )
        assert repaired(cleaner, f"Mereka {token} pagi ini.", words)[1] == 0, token
