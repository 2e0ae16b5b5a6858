"""Cleaner: each kind of noise removed with its reason, and no article sentence lost."""

from datetime import date
from pathlib import Path

import pytest

from ringkas.cleaning import Cleaner, match_dateline
from ringkas.models import Article
from ringkas.reading import read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "reading"


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def body(*lines, title="Banjir Rendam Permukiman di Kudus", **fields):
    return Article(id="uji", title=title, text="\n".join(lines), **fields)


# A paragraph of plain article text that the tests put around the noise.
PROSE = [
    "Banjir merendam ratusan rumah di Kecamatan Jati, Kudus, sejak Selasa dini hari.",
    "Petugas BPBD Kudus mengevakuasi warga lanjut usia dengan perahu karet ke balai desa.",
    "Menurut warga, air mulai naik setelah tanggul Sungai Wulan tidak kuat menahan debit air.",
]


# More paragraphs, so that an article needs no line twice (a repeated paragraph is a scraper's copy).
PROSE_MORE = [
    "Hujan deras mengguyur wilayah Kudus bagian utara selama lebih dari enam jam berturut-turut.",
    "Dapur umum didirikan di halaman kantor kecamatan untuk melayani sekitar 400 pengungsi.",
    "Sejumlah sekolah meliburkan siswanya karena ruang kelas tergenang air setinggi lutut.",
    "Dinas Sosial menyalurkan selimut, tikar dan makanan siap saji ke tiga titik pengungsian.",
    "Warga berharap pemerintah segera memperbaiki tanggul yang jebol sebelum puncak musim hujan.",
    "Bupati Kudus meninjau lokasi banjir pada Selasa sore bersama Kepala BPBD Jawa Tengah.",
]


def test_noisy_article_fixture(cleaner):
    (raw,) = read_paths([str(FIXTURES / "bising.txt")])
    article = cleaner.clean(raw)
    reasons = [(r.reason, r.text) for r in article.removed]
    assert reasons == [
        ("byline", "Sumber: Antara | Editor: Rina Marlina"),
        ("photo-credit", "ANTARA FOTO/Aji Styawan"),
        ("repeated-headline", "Banjir Rendam Tiga Kecamatan di Semarang"),
        ("dateline", "SEMARANG, WARTAUJI.ID -"),
        ("photo-credit", "Warga melintasi genangan di Jalan Kaligawe, Semarang. (Foto: Dok. BPBD Kota Semarang)"),
        ("related-link", "Baca juga: Tanggul Sungai Tenggang Kembali Rembes, Warga Diminta Waspada"),
        ("advertisement", "Advertisement"),
        ("related-link", "(Baca juga: Hujan Ekstrem Diprediksi Hingga Akhir Pekan)"),
        ("advertisement", "SCROLL TO CONTINUE WITH CONTENT"),
        ("video-prompt", "Saksikan video pilihan berikut ini:"),
        ("mojibake", "Â"),
        (
            "share-prompt",
            "Simak breaking news dan berita pilihan kami langsung di ponselmu, gabung saluran WhatsApp Warta Uji.",
        ),
        ("spam", "Slot gacor maxwin hari ini"),
        ("byline", "(ant/rdn)"),
    ]
    assert article.title == "Banjir Rendam Tiga Kecamatan di Semarang"
    assert article.subheadings == ("Jalan Pantura Lumpuh Total",)
    assert article.text.split("\n") == [
        "Banjir merendam tiga kecamatan di Kota Semarang, Jawa Tengah, pada Senin (4/3/2024) pagi setelah hujan "
        "deras mengguyur sejak Minggu malam. Ketinggian air mencapai 80 sentimeter di beberapa titik.",
        "Kepala Pelaksana BPBD Kota Semarang, Endro Prasetyo, mengatakan sedikitnya 1.200 rumah terdampak di "
        "Kecamatan Genuk, Pedurungan dan Gayamsari.",
        '"Kami sudah mengerahkan enam perahu karet dan membuka dapur umum di kantor kelurahan," kata Endro.',
        "Arus lalu lintas di jalur Pantura Semarang–Demak lumpuh total karena genangan setinggi lutut orang dewasa. "
        "Polisi mengalihkan kendaraan ke jalan tol.",
        # mojibake repaired, not dropped (the curly quotes the writer typed come back)
        "Seorang pengemudi truk, Sugeng (47), mengaku sudah tertahan lebih dari lima jam. \u201cSaya belum bisa "
        "bergerak sejak subuh,\u201d ujarnya.",
        "Wali Kota Semarang menyatakan status tanggap darurat selama tujuh hari ke depan.",
    ]
    assert article.published == date(2024, 3, 4)  # "Senin (4/3/2024)"
    assert article.outlet == "Wartauji"
    assert article.language == "id"
    meta = article.metadata
    assert (meta["dateline_place"], meta["wire_source"], meta["editor"]) == ("Semarang", "Antara", "Rina Marlina")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Baca juga: Harga Cabai Rawit Tembus Rp 100.000 per Kilogram", "related-link"),
        ("BACA JUGA:", "related-link"),
        ("Baca Juga", "related-link"),
        ("[Baca juga: Jembatan Gantung Putus, Siswa Seberangi Sungai]", "related-link"),
        ("Simak juga: Daftar Lokasi Pengungsian Warga Kudus", "related-link"),
        ("Lihat Juga :", "related-link"),
        ("Berita Terkait", "related-link"),
        ("Baca: Ini Jadwal Pemadaman Listrik Hari Ini", "related-link"),
        ("ADVERTISEMENT", "advertisement"),
        ("- Advertisement -", "advertisement"),
        ("Scroll to continue with content", "advertisement"),
        ("Saksikan Video Pilihan di Bawah Ini", "video-prompt"),
        ("Simak video berikut ini:", "video-prompt"),
        ("[Gambas:Video 20detik]", "video-prompt"),
        ("Foto: Dok. Humas Pemkab Kudus", "photo-credit"),
        ("REUTERS/Willy Kurniawan", "photo-credit"),
        ("Rudi Hartono / Jakarta melalui AFP", "photo-credit"),
        ("Getty Images", "photo-credit"),
        ("Ilustrasi banjir (Shutterstock)", "photo-credit"),
        ("Penulis: Ahmad Fauzi", "byline"),
        ("Laporan Wartawan Warta Uji, Dimas Prasetyo", "byline"),
        ("Reporter: Nur Aini | Editor: Yoga Pratama", "byline"),
        ("(rdn/ant)", "byline"),
        ("Ikuti kami di Google News", "share-prompt"),
        ("Dapatkan update berita pilihan setiap hari, klik di sini.", "share-prompt"),
        ("Bagikan artikel ini", "share-prompt"),
        ("Download aplikasi Warta Uji untuk berita terbaru", "share-prompt"),
        ("Copyright © 2024 Warta Uji. All rights reserved.", "boilerplate"),
        ("Tag: banjir, Kudus, BPBD", "boilerplate"),
        ("Halaman Selanjutnya", "boilerplate"),
        ('Artikel ini telah tayang di Warta.com dengan judul "Banjir Kudus Meluas"', "boilerplate"),
        ("Pilihan Editor: Ribuan Warga Kudus Mengungsi", "related-link"),
        ("FOTO TERKAIT:", "related-link"),
        ("Berita lainnya:", "related-link"),
        ("12 Shares", "share-prompt"),
        ("KONTAK: humas@wartauji.example", "boilerplate"),
        ("Narahubung: Dimas, 0812 3456 7890", "boilerplate"),
        ("https://wartauji.example/kudus", "boilerplate"),
        ("Togel hk keluaran hari ini", "spam"),
        ("situs slot gacor terpercaya daftar di slotku88.example", "spam"),
        # shapes of outlets outside the real stream
        ("Dilarang mengutip atau menayangkan ulang tulisan ini tanpa seizin redaksi Warta.", "boilerplate"),
        ("Bergabung dengan Warta.com dan baca berita tanpa iklan.", "share-prompt"),
        ("Update berita pilihan setiap pagi di WhatsApp Channel Warta.", "share-prompt"),
        ("Tim Redaksi", "byline"),
        # page controls and widget headers, a platform call, a machine-writing note, hashtags
        ("Lihat Foto", "boilerplate"),
        ("Pilihan Untuk Anda", "boilerplate"),
        ("Muat Lebih Banyak", "boilerplate"),
        ("Tulis Tanggapan Anda", "boilerplate"),
        ("Sebelumnya...", "boilerplate"),
        ("Listen to this article", "boilerplate"),
        ("Cek berita dan artikel yang lain di Google News", "share-prompt"),
        ("Update terus informasi terbaru hanya di saluran WhatsApp kami", "share-prompt"),
        ("Ringkasan berita ini dibuat dengan bantuan AI.", "boilerplate"),
        ("#banjirkudus #bpbd", "boilerplate"),
        ("Gulir ke bawah untuk melanjutkan membaca", "advertisement"),
    ],
)
def test_noise_lines(cleaner, line, reason):
    article = cleaner.clean(body(PROSE[0], line, *PROSE[1:]))
    assert [(r.reason, r.text) for r in article.removed] == [(reason, line)]
    assert article.text.split("\n") == PROSE


@pytest.mark.parametrize(
    "sentence",
    [
        # sentences that merely mention what a noise rule looks for stay in the text
        "Polisi menangkap lima tersangka pengelola situs judi online dan slot gacor di Kudus, Senin (4/3/2024).",
        "Kabar itu pertama kali disampaikan melalui Reuters.",
        "Berita terkait banjir itu menyebar luas di media sosial sejak pagi.",
        "Foto-foto kerusakan tanggul beredar di grup percakapan warga.",
        "Iklan rokok dilarang dipasang di sekitar sekolah, kata Bupati Kudus.",
        "Video amatir warga memperlihatkan arus deras menyeret sepeda motor.",
        "Toto Suharto, warga Desa Jati, mengaku kehilangan dua ekor kambing.",
        "Sumber air bersih warga tercemar lumpur sehingga PDAM mengirim tangki air.",
        "Ikuti saja arahan petugas, jangan nekat menerobos banjir, kata Kapolres.",
        "Bagikan makanan secara merata, pinta camat kepada relawan.",
        "Dia membaca juga laporan BMKG soal cuaca ekstrem.",
        "Foto lain yang beredar memperlihatkan tanggul jebol di dua titik.",
        "Kontak dengan warga terdampak terputus sejak Senin malam, kata relawan.",
        "Warga dilarang mengambil air dari sungai itu tanpa izin dinas karena tercemar limbah.",
        "Redaksi majalah itu memutuskan berhenti terbit sejak bulan lalu.",
        "Ia bergabung dengan Persik pada 2020 dan mencetak 30 gol.",
        "Warga bisa update data bantuan lewat WhatsApp Channel kelurahan, kata lurah.",
        "Polisi meminta warga tidak membagikan video banjir itu di saluran WhatsApp.",
        "Tutup usia pada 72 tahun, ia dimakamkan di Kudus.",
        "Komentar warga soal tanggul itu ramai di media sosial.",
        "Aplikasi berbasis kecerdasan buatan (AI) itu dibuat oleh mahasiswa Kudus.",
        "Terbaru, BPBD menetapkan status tanggap darurat selama 14 hari.",
        "Lihat saja nanti.",
        "Media Sosial",
    ],
)
def test_sentences_that_look_like_noise_are_kept(cleaner, sentence):
    article = cleaner.clean(body(PROSE[0], sentence, *PROSE[1:]))
    assert article.removed == ()
    assert sentence in article.text.split("\n")


def test_gambling_news_keeps_its_subheading_but_not_a_promotion(cleaner):
    lines = [
        "Polisi membongkar jaringan judi online yang beroperasi dari sebuah ruko di Kudus.",
        "Modus Judi Online Berkedok Toko Pulsa",
        "Para tersangka menerima deposit taruhan melalui rekening toko pulsa milik keluarga.",
        "Daftar slot gacor maxwin di kudusjp.example",
        "Kapolres mengimbau warga melaporkan situs judi online yang mereka temukan.",
    ]
    article = cleaner.clean(body(*lines, title="Polisi Bongkar Judi Online di Kudus"))
    assert [(r.reason, r.text) for r in article.removed] == [("spam", lines[3])]
    assert article.subheadings == (lines[1],)


def test_unrelated_short_label_is_spam_but_a_subheading_is_not(cleaner):
    lines = [*PROSE, "Kronologi Peristiwa Lengkap", *PROSE_MORE[:3], "Kronologi Kejadian", *PROSE_MORE[3:]]
    lines.append("Wuling sdy hk")
    article = cleaner.clean(body(*lines, title="Banjir di Kudus"))
    assert [(r.reason, r.text) for r in article.removed] == [("spam", "Wuling sdy hk")]
    assert article.subheadings == ("Kronologi Peristiwa Lengkap",)
    assert "Kronologi Kejadian" in article.text.split("\n")  # two words: too short to be a heading


def test_listicle_items_and_list_lines_are_not_removed(cleaner):
    lines = [
        "Berikut tiga cara menjaga kulkas tetap bersih.",
        "Bersihkan rak setiap pekan",
        "Rak yang kotor menjadi sarang bakteri yang mempercepat pembusukan sayuran.",
        "Statement necklace",
        "Kalung besar membuat kemeja polos tampak lebih berwarna.",
        "Daftar korban:",
        "Sutrisno (54)",
        "Warsini (49)",
        "Karyo (61)",
    ]
    article = cleaner.clean(body(*lines, title="Tips Rumah"))
    assert article.removed == ()
    assert article.subheadings == ("Bersihkan rak setiap pekan",)
    assert all(line in article.text for line in lines if line not in article.subheadings)


@pytest.mark.parametrize(
    ("line", "outlet", "place", "rest"),
    [
        ("Liputan6.com, Moskow - Menteri Luar Negeri itu akan berkunjung pekan depan.", "Liputan6.com", "Moskow", "M"),
        ("KONTAN.CO.ID - JAKARTA. Harga emas Antam naik Rp 5.000 per gram hari ini.", "Kontan", "Jakarta", "H"),
        ("JAKARTA, KOMPAS.com - Presiden meresmikan bendungan baru di Jawa Tengah.", "KOMPAS.com", "Jakarta", "P"),
        ("Jakarta, CNN Indonesia -- Harga minyak dunia turun tajam pada Senin.", "CNN Indonesia", "Jakarta", "H"),
        ("Medan (ANTARA) - Pemerintah Kota Medan memperbaiki 40 ruas jalan rusak.", "ANTARA", "Medan", "P"),
        ("Garut, Jawa Barat (ANTARA News) - Longsor menutup akses jalan antardesa.", "ANTARA News", "Garut", "L"),
        ("Suara.com - Penyanyi dangdut itu merilis album baru bulan ini.", "Suara.com", None, "P"),
        ("TRIBUNNEWS.COM, SURABAYA - Ribuan suporter memadati stadion sejak sore.", "Tribunnews", "Surabaya", "R"),
        ("SINGAPURA: Kerajaan mengumumkan langkah baharu bagi pekerja asing.", None, "Singapura", "K"),
        ("PUTRAJAYA, 17 Okt (Bernama) -- Lembaga itu akan memaklumkan keputusan esok.", "Bernama", "Putrajaya", "L"),
        ("INGGRIS - Tottenham meraih tiga poin di kandang lawan pada laga semalam.", None, "Inggris", "T"),
        # formats of outlets outside the real stream (our own sentences in their datelines' shapes)
        ("Medcom.id, Jakarta: Bank sentral menahan suku bunga acuannya bulan ini.", "Medcom.id", "Jakarta", "B"),
        ("Jakarta, kumparan - Dua kereta tertahan akibat gangguan sinyal pagi ini.", "kumparan", "Jakarta", "D"),
        ("MERDEKA.COM. Polisi menutup jalan itu selama pawai berlangsung.", "Merdeka", None, "P"),
        ("VIVA Bisnis – Harga cabai rawit kembali naik di pasar induk.", "VIVA", None, "H"),
        ("Bandung, Selasa (17/6/2025) - Hujan deras merendam puluhan rumah warga.", None, "Bandung", "H"),
        ("MEDAN, Warta.id: Harga beras medium naik di pasar tradisional.", "Warta.id", "Medan", "H"),
    ],
)
def test_datelines(line, outlet, place, rest):
    found = match_dateline(line)
    assert found is not None
    assert (found.outlet, found.place) == (outlet, place)
    assert line[found.end :].startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "Mercedes - Benz meluncurkan model terbaru yang dirakit di pabrik Wanaherang.",
        "Pemerintah Kabupaten (Pemkab) Kudus menyiapkan anggaran tanggap darurat.",
        "Presiden Joko Widodo, didampingi Menteri PUPR, meninjau bendungan itu.",
        "Ia - bersama dua rekannya - menyeberangi sungai dengan rakit bambu.",
        "Toyota Avanza - mobil sejuta umat itu - kini dijual dengan mesin baru.",
        "Jakarta, kata dia - sambil menunjuk peta - perlu tanggul yang lebih tinggi.",
        "Ketua KPK: Tersangka itu ditahan selama dua puluh hari pertama.",
    ],
)
def test_first_sentences_that_are_not_datelines(line):
    assert match_dateline(line) is None


def test_the_day_a_dateline_gives_dates_an_undated_article(cleaner):
    text = "Bandung, Selasa (17/6/2025) - Hujan deras sejak sore merendam puluhan rumah warga di tepi sungai."
    article = cleaner.clean(Article(id="d", title="Banjir di Bandung", text=text))
    assert article.text.startswith("Hujan deras")
    assert article.published == date(2025, 6, 17)


def test_detik_style_place_is_confirmed_by_the_article(cleaner):
    article = cleaner.clean(
        body("Kudus - Banjir merendam ratusan rumah di Kecamatan Jati sejak Selasa.", "Warga di Kudus mengungsi.")
    )
    assert article.metadata["dateline_place"] == "Kudus"
    assert article.text.startswith("Banjir merendam")


def test_title_field_holding_the_dateline_paragraph(cleaner):
    article = cleaner.clean(
        Article(
            id="x",
            title="Surabaya.com, Surabaya - Harga telur ayam di pasar tradisional Surabaya naik menjadi Rp 32.000 "
            "per kilogram pada Rabu (6/3/2024).",
            text="Pedagang menyebut pasokan dari peternak di Blitar berkurang.",
        )
    )
    assert article.title == ""
    assert article.text.startswith("Harga telur ayam")
    assert article.published == date(2024, 3, 6)
    assert article.outlet == "Surabaya.com" and article.metadata["dateline_place"] == "Surabaya"


def test_headline_that_is_a_byline(cleaner):
    (raw,) = read_paths([str(FIXTURES / "bising.txt")])
    raw = Article(id="b", title="Sumber: Reuters | Editor: Yoga", text=raw.text, metadata={"first_line_is_title": True})
    article = cleaner.clean(raw)
    assert article.title == "" and article.metadata["wire_source"] == "Reuters"
    assert article.removed[0].text == "Sumber: Reuters | Editor: Yoga" and article.removed[0].line == -1


def test_html_headings_become_subheadings():
    (raw,) = read_paths([str(FIXTURES / "banjir-rob-pekalongan.html")])
    article = Cleaner(identify_language=False).clean(raw)
    assert article.subheadings == ("Warga Mengungsi ke Balai Kelurahan",)
    assert [r.reason for r in article.removed] == ["repeated-headline", "dateline", "related-link", "share-prompt"]
    assert "html_headings" not in article.metadata


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (" ".join(PROSE), "id"),
        (
            "Floodwaters inundated hundreds of homes in Kudus on Tuesday, and rescuers used rubber boats to move "
            "elderly residents to the village hall as the river kept rising.",
            "en",
        ),
        (
            "Sekumpulan saintis di Singapura berjaya menghasilkan kit ujian darah yang boleh mengetahui sama ada "
            "seseorang mempunyai imuniti, kata jurucakap kementerian semalam.",
            "ms",
        ),
    ],
)
def test_language_is_identified_per_article(cleaner, text, language):
    assert cleaner.clean(body(text)).language == language


def test_given_language_is_normalized(cleaner):
    assert cleaner.clean(body(*PROSE, language="id-ID")).language == "id"


def test_empty_and_odd_articles_do_not_fail(cleaner):
    for article in (
        Article(id="a", title="", text=""),
        Article(id="b", title="Judul Saja", text="\n\n\n"),
        Article(id="c", title="", text="Â\n\u200b\n"),
        Article(id="d", title="x" * 500, text="y"),
    ):
        cleaned = cleaner.clean(article)
        assert isinstance(cleaned, Article)


def test_headlines_under_a_bare_related_label_are_link_text(cleaner):
    lines = [PROSE[0], "Baca Juga", "Jembatan Gantung di Pati Putus Diterjang Arus?", PROSE[1], PROSE[2]]
    article = cleaner.clean(body(*lines))
    assert [(r.reason, r.text) for r in article.removed] == [("related-link", lines[1]), ("related-link", lines[2])]
    # a sentence after the label is the article going on, not a link
    lines = [PROSE[0], "Baca juga:", PROSE[1], PROSE[2]]
    assert cleaner.clean(body(*lines)).text.split("\n") == PROSE


def test_agency_headline_is_not_a_dateline(cleaner):
    article = cleaner.clean(
        Article(
            id="h",
            title="BPBD: Korban Meninggal Banjir Bandang Kudus Jadi 14 Orang",
            text="KUDUS, WARTAUJI.ID - Badan Penanggulangan Bencana Daerah mencatat 14 korban meninggal.",
        )
    )
    assert article.title == "BPBD: Korban Meninggal Banjir Bandang Kudus Jadi 14 Orang"
    assert article.metadata["dateline_place"] == "Kudus"
    assert match_dateline("KPK: Tersangka korupsi bansos itu ditahan di Rutan Merah Putih.") is None


def test_outlet_from_an_upper_case_domain_is_split_into_words(cleaner):
    article = cleaner.clean(body("SEMARANG, SUARAMERDEKA.ID - Banjir merendam ratusan rumah di Semarang sejak Senin."))
    assert article.outlet == "Suara Merdeka"


# Scraped news as outlets really deliver it (our own lines, in the shapes real scrapers leave).
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Baca selengkapnyadi sini.", "related-link"),
        ("Baca berita selengkapnyadi sini.", "related-link"),
        ("Simak berita selengkapnya di halaman selanjutnya.", "related-link"),
        ("Simak penjelasan lengkapnya di bawah ini.", "boilerplate"),
        ('Tonton juga "Tanggul Jebol, Warga Kudus Mengungsi" di sini:', "video-prompt"),
        ("Saksikan Live Warta Sore:", "video-prompt"),
        ("Saksikan terus sinetronCinta di Ujung Jalandi WARTATV.", "video-prompt"),
        ("Streaming keseruannya dengan klikdi sini.", "video-prompt"),
        ("Tonton setiap hari mulai pukul 18.00 WIB secara eksklusif di Warta TV.", "video-prompt"),
        ("[Gambas:Instagram]", "social-embed"),
        ("A post shared by Warta Uji (@wartauji)", "social-embed"),
        ("View this post on InstagramA post shared by Warta Uji (@wartauji)", "social-embed"),
        ("Lihat postingan ini di Instagram", "social-embed"),
        ("Sebuah kiriman dibagikan oleh Warta Uji (@wartauji)", "social-embed"),
        ("Air sudah masuk ke rumah warga pagi ini pic.twitter.com/Ab12Cd34Ef", "social-embed"),
        ("Flood waters keep rising in Kudus \u2014 Warta Uji (@wartauji) March 4, 2024", "social-embed"),
        ("(Dimas Prasetyo)", "byline"),
        ("(Reporter: Nur Aini | Editor: Yoga Pratama)", "byline"),
        ("Ikuti Whatsapp Channel Warta Uji", "share-prompt"),
        ("Dok. Humas KudusPetugas mengevakuasi warga lanjut usia dengan perahu karet.", "photo-credit"),
        ("dok.WartaujiTanggul Sungai Wulan", "photo-credit"),
        ("WARTAUJI.com/DIMAS PRASETYOWarga melintasi genangan di Jalan Lingkar Kudus.", "photo-credit"),
        ("SHUTTERSTOCK/RINA MARLINAIlustrasi banjir di permukiman.", "photo-credit"),
        ("pexels.comIlustrasi banjir di permukiman warga.", "photo-credit"),
        ("Toko2000Ilustrasi pompa air listrik", "photo-credit"),
        ("Warga mengungsi ke balai desa pada Selasa (4/3) (ANTARA)", "photo-credit"),
        ("Rina Marlina/Warta.uji.comIlustrasi pompa air di rumah warga.", "photo-credit"),
        ("@wartauji \u266c suara asli - wartauji", "social-embed"),
        ("Air terus naik \u2014 Warta Uji (@wartauji) 4 Maret 2024", "social-embed"),
        ("Artikel ini telah naik diwartaJateng.", "boilerplate"),
        ("Artikel ini sudah lebih dulu tayang di Warta Bali. Selengkapnya klik disini.", "boilerplate"),
        ("Artikel ini pertama kali terbit dalam bahasa Inggris", "boilerplate"),
        ("Disclaimer: Setiap keputusan investasi ada di tangan pembaca.", "boilerplate"),
        ("Untuk mengetahui jadwal lengkapnya, bisa diklikdi sini.", "share-prompt"),
    ],
)
def test_scraped_noise_lines(cleaner, line, reason):
    article = cleaner.clean(body(PROSE[0], line, *PROSE[1:]))
    assert [(r.reason, r.text) for r in article.removed] == [(reason, line)]
    assert article.text.split("\n") == PROSE


@pytest.mark.parametrize(
    "sentence",
    [
        "Live streaming pertandingan itu ditonton lebih dari dua juta orang, menurut penyelenggara.",
        "Nonton bareng final Piala Asia digelar di alun-alun Kudus pada Minggu malam.",
        "HIV/AIDS masih menjadi perhatian Dinas Kesehatan Kudus tahun ini.",
        "Saksi mengaku melihat foto itu di grup WhatsApp warga sebelum banjir datang.",
        "Dokumen itu diserahkan ke kejaksaan pada Senin (3/3/2024).",
    ],
)
def test_scraped_news_sentences_are_kept(cleaner, sentence):
    article = cleaner.clean(body(PROSE[0], sentence, *PROSE[1:]))
    assert article.removed == ()
    assert sentence in article.text.split("\n")


def test_nested_paragraph_copies_are_duplicates(cleaner):
    # A <p> wrapping the ones after it: each paragraph, then the rest run together, then the paragraph.
    share = "Ikuti Whatsapp Channel Warta Uji"
    paras = PROSE_MORE[:4]
    lines = []
    for n, para in enumerate(paras):
        lines += ["".join(paras[n:]) + share, para]
    article = cleaner.clean(body(*lines))
    assert article.text.split("\n") == paras
    assert [r.reason for r in article.removed if r.reason != "share-prompt"] == ["duplicate"] * 4
    assert [r.line for r in article.removed if r.reason == "duplicate"] == [0, 2, 4, 6]


def test_run_together_copy_and_repeated_paragraph_are_duplicates(cleaner):
    paras = PROSE_MORE[:3]
    lines = [" ".join(paras) + " Jangan lewatkan siaran langsungnya hanya di Warta TV.", *paras, paras[1]]
    article = cleaner.clean(body(*lines))
    assert article.text.split("\n") == paras
    assert [(r.reason, r.line) for r in article.removed] == [("duplicate", 0), ("duplicate", 4)]


def test_short_repeats_list_items_and_quoted_sentences_are_not_duplicates(cleaner):
    lines = [
        '"Apakah Saudara menerima uang itu?" tanya jaksa.',
        '"Iya," jawab saksi.',
        '"Dari siapa uang itu Saudara terima?" tanya jaksa lagi.',
        '"Iya," jawab saksi.',
        "Posisi itu kini diisi oleh Budi Santoso sebagai Direktur Operasi Wilayah Timur dan Sekretaris Jenderal, "
        "serta Rina Marlina sebagai Direktur Keuangan dan Manajemen Risiko Perusahaan.",
        "Budi Santoso sebagai Direktur Operasi Wilayah Timur dan Sekretaris Jenderal",
        "Rina Marlina sebagai Direktur Keuangan dan Manajemen Risiko Perusahaan",
        '"Kami akan memperbaiki tanggul itu dalam dua pekan dan memastikan warga aman," kata Bupati Kudus '
        "kepada wartawan di lokasi pengungsian, Selasa sore, sambil meninjau dapur umum.",
        '"Kami akan memperbaiki tanggul itu dalam dua pekan dan memastikan warga aman," kata Bupati Kudus',
    ]
    article = cleaner.clean(body(*lines, title="Sidang Suap Tanggul Kudus"))
    assert [r.reason for r in article.removed] == []
    assert len(article.text.split("\n")) + len(article.subheadings) == len(lines)


def test_share_prompt_glued_to_a_paragraph_leaves_the_paragraph(cleaner):
    article = cleaner.clean(body(PROSE[0], PROSE[1] + "Ikuti Whatsapp Channel Warta Uji", PROSE[2]))
    assert article.text.split("\n") == PROSE
    assert [(r.reason, r.text) for r in article.removed] == [("share-prompt", "Ikuti Whatsapp Channel Warta Uji")]
