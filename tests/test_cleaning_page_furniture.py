"""Page furniture of outlets outside our real data: two sets of lines we wrote in the shapes other
Indonesian news pages use around an article (controls, widget headers, calls to follow the outlet
elsewhere, notes on machine-written text, hashtags), each mixed with body sentences that use the
same words. Set B was written before the rules of ``cleaning/noise.py``'s page furniture and
their failures were seen while writing them (20 of 30 lines kept before); set C was written
before the rules and scored once after them (12 of 24 kept before). Every line of both must now
go and every body sentence stay."""

import random

import pytest

from ringkas.cleaning import Cleaner
from ringkas.models import Article

SET_B = [
    "Lihat Video",
    "Lihat Galeri",
    "Rekomendasi Untuk Anda",
    "Artikel Pilihan",
    "Berita Pilihan Editor",
    "Baca artikel menarik lainnya di Google News",
    "Temukan berita pilihan lainnya di Google News",
    "Update terus informasi terbaru hanya di WhatsApp Channel kami",
    "Selanjutnya »",
    "« Sebelumnya",
    "#banjir #jakarta #bmkg",
    "Dengarkan artikel ini",
    "Putar audio berita",
    "Artikel ini dibuat dengan bantuan kecerdasan buatan (AI) dan telah diperiksa redaksi.",
    "Konten ini disusun menggunakan AI",
    "Gulir ke bawah untuk melanjutkan membaca",
    "Scroll ke bawah untuk lanjut membaca",
    "Penulis: Dimas Pratama Editor: Anisa Rahma",
    "Reporter : Dimas Pratama",
    "Kirim Tanggapan",
    "Tulis Tanggapan Anda",
    "Laporkan Iklan",
    "Tutup Iklan",
    "Cari berita lainnya di Google News",
    "Simpan artikel",
    "Tekan untuk memperbesar",
    "Ikuti Kami",
    "Terbaru",
    "Berita Populer",
    "Artikel Terkini",
]
SET_C = [
    "Lihat Semua Foto",
    "Perbesar",
    "Baca Lebih Lanjut",
    "Artikel Lainnya",
    "Rekomendasi",
    "Berita Lainnya Dari Kategori Ini",
    "Dengarkan Berita",
    "Salin Tautan",
    "Cetak Artikel",
    "Kirim Komentar Anda",
    "Tampilkan Lebih Banyak",
    "Muat Lebih Banyak",
    "Tutup",
    "Lanjut Baca",
    "Ikuti perkembangan berita terkini lainnya di Google News kami",
    "Dapatkan informasi terbaru dengan bergabung di saluran WhatsApp kami",
    "Catatan redaksi: artikel ini ditulis dengan bantuan AI",
    "#pemilu #kpu",
    "Geser ke bawah untuk membaca",
    "Klik untuk melihat foto lainnya",
    "Video Terbaru",
    "Paling Banyak Dibaca",
    "Baca Berita Terbaru",
    "Ikuti Kami Di Media Sosial",
]
BODY = [
    "Warga Pluit melihat foto-foto banjir yang dipamerkan di balai warga pada Minggu siang.",
    "Dia mengatakan video itu diunggah ke media sosial sebelum dihapus pemiliknya.",
    "Panitia meminta pengunjung menyimpan tiket hingga acara selesai.",
    "Redaksi menerima tanggapan dari pembaca yang keberatan atas kebijakan tersebut.",
    "Rekomendasi tim ahli akan diserahkan kepada gubernur pekan depan.",
    "Sebelumnya, polisi telah memeriksa empat saksi terkait kebakaran gudang itu.",
    "Selanjutnya, pemerintah akan menyalurkan bantuan kepada 1.200 keluarga terdampak.",
    "Pihak sekolah mengimbau orang tua untuk mengikuti perkembangan informasi dari dinas pendidikan.",
    "Aplikasi kecerdasan buatan itu dibuat oleh mahasiswa Universitas Gadjah Mada.",
    "Ia menambahkan bahwa audio rekaman percakapan itu telah diserahkan kepada penyidik.",
    "Terbaru, pemerintah daerah menetapkan status tanggap darurat selama 14 hari.",
    "Komentar warganet soal kebijakan itu ramai di media sosial sejak Senin.",
    "Tutup usia pada 72 tahun, ia dimakamkan di kampung halamannya di Garut.",
    "Muatan truk itu melebihi batas yang diizinkan hingga dua kali lipat.",
    "Polisi juga meminta warga tidak membagikan video kejadian tersebut di WhatsApp.",
]


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("noise", [SET_B, SET_C], ids=["set B", "set C"])
def test_page_furniture_goes_and_body_stays(cleaner, noise):
    lines = [("noise", line) for line in noise] + [("body", line) for line in BODY]
    random.Random(7).shuffle(lines)
    text = "Hujan deras sejak Minggu dini hari merendam ratusan rumah di Jakarta Utara.\n"
    text += "\n".join(line for _, line in lines)
    article = cleaner.clean(Article(id="page", title="Banjir Rendam Jakarta Utara", text=text))
    kept = set(article.text.split("\n"))
    assert [line for kind, line in lines if kind == "noise" and line in kept] == []
    assert [line for kind, line in lines if kind == "body" and line not in kept] == []
