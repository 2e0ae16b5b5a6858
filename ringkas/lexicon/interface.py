"""The words of a news page's controls and widget headers ("Lihat Foto", "Pilihan Untuk Anda",
"Tutup Iklan", "Muat Lebih Banyak", "Listen to this article"): a short line made of these words
only says nothing about the news, whichever outlet's page it comes from. Written from what news
pages show around an article, in Indonesian and English, not from any one corpus."""

from __future__ import annotations

from . import word_set

INTERFACE_WORDS = word_set(
    # actions a reader takes on a page
    "lihat tampilkan tampil buka tutup perbesar memperbesar perkecil geser gulir scroll klik tekan ketuk "
    "sentuh baca membaca dengarkan mendengarkan putar memutar tonton menonton simpan menyimpan salin cetak "
    "print kirim tulis laporkan bagikan share unduh download muat memuat lanjut lanjutkan melanjutkan "
    "selengkapnya ikuti follow berlangganan subscribe daftar masuk login keluar cari temukan "
    # what the controls act on
    # (not "media", "sosial", "topik" or "suara": a subheading such as "Media Sosial" is content)
    "foto galeri video audio versi artikel berita tautan link komentar tanggapan iklan konten halaman "
    # widget headers
    "terbaru terkini terpopuler populer pilihan rekomendasi rekomendasikan terkait lainnya lain menarik "
    "trending headline utama editor redaksi unggulan "
    "banyak dibaca paling sering semua lebih lanjut sebelumnya selanjutnya berikutnya "
    # the small words between them
    "untuk anda kamu kami ini dari di ke dan yang dengan juga "
    # English pages
    "see view show hide open close read listen watch save copy comment comments photo photos gallery "
    "more latest popular recommended related next previous for you to this the article story stories "
    "news ad ads"
)
