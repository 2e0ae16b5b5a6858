"""Words for people who are not named: pronouns, quantifiers, the nouns that describe a person
("warga", "seorang pejabat") and the heads of sources that are not people ("data BPS")."""

from __future__ import annotations

from . import word_set

PRONOUNS = word_set("ia dia beliau mereka ibu bapak")

# Nouns that head a description of an unnamed speaker ("seorang pejabat Rusia").
QUANTIFIERS = ("salah seorang", "salah satu", "seorang", "sejumlah", "beberapa", "para", "sebagian")
# Words that lead from a name into its role after a comma: "X, seorang peneliti", "X, selaku ketua".
ROLE_LEAD_INS = word_set("seorang sang salah satu selaku sebagai")

# Common nouns that describe an unnamed speaker without a quantifier ("warga", "polisi").
PERSON_NOUNS = word_set(
    """
    pejabat sumber juru jubir warga saksi korban petugas polisi aparat pengamat analis ahli pakar
    peneliti dokter perawat bidan guru dosen siswa mahasiswa pedagang petani nelayan buruh pekerja
    karyawan pegawai sopir pengemudi penumpang pengunjung wisatawan relawan aktivis tokoh politisi
    politikus diplomat tentara prajurit anggota pengurus panitia penyidik jaksa hakim pengacara kuasa
    keluarga kerabat tetangga ibu ayah bapak istri suami anak kakak adik pria wanita perempuan
    laki-laki lelaki remaja ketua kepala direktur manajer pemilik pengelola penduduk ekonom investor
    pelaku tersangka terdakwa narasumber pemimpin ulama kiai ustaz pendeta menteri presiden
    gubernur bupati wali camat lurah komandan pelatih pemain atlet penyanyi artis nenek kakek
    pelantun musisi aktor aktris
    """
)

# Heads of descriptions that are sources but not people ("menurut data BPS", "laporan media").
NON_PERSON_HEADS = word_set(
    """
    data laporan survei hasil situs laman akun dokumen catatan keterangan rilis pernyataan
    informasi kabar berita media kantor surat riset studi penelitian kajian analisis perhitungan
    hitungan pantauan temuan aturan undang-undang peraturan putusan keputusan sumber-sumber
    jadwal rencana perkiraan prakiraan statistik unggahan cuitan postingan video rekaman foto
    """
)
