"""Articles for the daily tool's tests (our own writing; every person, company and outlet is
invented): an arrest, then, two weeks later, the charges in court (a thread), and a later court
report that revises a figure of the second story."""

from __future__ import annotations

from typing import Any

ARREST: list[dict[str, Any]] = [
    {
        "id": "tangkap-1",
        "outlet": "Kabar Lembah",
        "published": "2024-05-02",
        "title": "Polisi Tangkap Direktur PT Tirta Lestari Abadi Darmawan Siregar",
        "text": "Polisi menangkap Darmawan Siregar, direktur PT Tirta Lestari Abadi, di Medan, Kamis (2/5/2024), "
        "terkait dugaan korupsi proyek pipa air bersih.\n"
        "Kepala Bidang Humas Polda Sumatera Utara Rina Marpaung mengatakan Darmawan Siregar ditangkap di rumahnya "
        "tanpa perlawanan.\n"
        "Menurut Rina, proyek pipa air bersih senilai Rp 40 miliar itu tidak pernah selesai dikerjakan.\n"
        '"Penyidik sudah mengantongi dua alat bukti yang cukup," kata Rina Marpaung.\n'
        "Kuasa hukum Darmawan, Yusuf Lubis, mengatakan kliennya akan kooperatif selama pemeriksaan.",
    },
    {
        "id": "tangkap-2",
        "outlet": "Warta Danau",
        "published": "2024-05-02",
        "title": "Darmawan Siregar Ditangkap, Diduga Korupsi Proyek Pipa Air",
        "text": "Darmawan Siregar, direktur PT Tirta Lestari Abadi, ditangkap polisi di Medan pada Kamis (2/5/2024).\n"
        "Penangkapan itu terkait dugaan korupsi proyek pipa air bersih yang dibiayai anggaran daerah.\n"
        "Rina Marpaung dari Polda Sumatera Utara mengatakan penyidik menyita dokumen proyek dari kantor "
        "PT Tirta Lestari Abadi.\n"
        "Warga di tiga kecamatan masih menunggu air bersih mengalir sejak proyek itu dimulai dua tahun lalu.",
    },
    {
        "id": "tangkap-3",
        "outlet": "Suara Pesisir",
        "published": "2024-05-03",
        "title": "Kantor PT Tirta Lestari Abadi Digeledah Usai Direkturnya Ditangkap",
        "text": "Penyidik Polda Sumatera Utara menggeledah kantor PT Tirta Lestari Abadi di Medan, Jumat (3/5/2024), "
        "sehari setelah Darmawan Siregar ditangkap.\n"
        "Rina Marpaung mengatakan penyidik membawa dua koper dokumen dan tiga komputer.\n"
        "Darmawan Siregar diduga menggelembungkan harga pipa dalam proyek air bersih tersebut.",
    },
]

TRIAL: list[dict[str, Any]] = [
    {
        "id": "sidang-1",
        "outlet": "Kabar Lembah",
        "published": "2024-05-20",
        "title": "Darmawan Siregar Didakwa Rugikan Negara Rp 9 Miliar",
        "text": "Jaksa mendakwa Darmawan Siregar, direktur PT Tirta Lestari Abadi, merugikan negara Rp 9 miliar "
        "dalam proyek pipa air bersih, Senin (20/5/2024).\n"
        "Sidang perdana di Pengadilan Tipikor Medan itu dipimpin hakim ketua Maria Simanjuntak.\n"
        "Jaksa Hendra Nasution mengatakan Darmawan menggelembungkan harga pipa hingga dua kali lipat.\n"
        "Kuasa hukum Darmawan, Yusuf Lubis, menyatakan akan mengajukan eksepsi pekan depan.",
    },
    {
        "id": "sidang-2",
        "outlet": "Warta Danau",
        "published": "2024-05-20",
        "title": "Sidang Perdana Korupsi Pipa Air, Darmawan Siregar Didakwa",
        "text": "Darmawan Siregar menjalani sidang perdana kasus korupsi proyek pipa air bersih di Pengadilan Tipikor "
        "Medan, Senin (20/5/2024).\n"
        "Dalam dakwaan, jaksa menyebut kerugian negara mencapai Rp 9 miliar.\n"
        "Darmawan yang mengenakan kemeja putih tidak berkomentar saat meninggalkan ruang sidang.\n"
        "Hakim ketua Maria Simanjuntak menunda sidang hingga Senin pekan depan.",
    },
]

# Joins the trial story a day later and revises its figure.
TRIAL_UPDATE: dict[str, Any] = {
    "id": "sidang-3",
    "outlet": "Suara Pesisir",
    "published": "2024-05-21",
    "title": "Jaksa Revisi Kerugian Negara Kasus Darmawan Siregar Jadi Rp 12 Miliar",
    "text": "Jaksa merevisi kerugian negara dalam kasus korupsi proyek pipa air bersih yang menjerat Darmawan Siregar "
    "menjadi Rp 12 miliar, Selasa (21/5/2024).\n"
    "Jaksa Hendra Nasution mengatakan hasil audit terbaru menunjukkan kerugian negara mencapai Rp 12 miliar, "
    "lebih besar dari dakwaan di sidang perdana Pengadilan Tipikor Medan.\n"
    '"Audit terbaru menemukan tiga paket pengadaan pipa fiktif," kata Hendra Nasution.\n'
    "Kuasa hukum Darmawan, Yusuf Lubis, menyebut revisi itu akan dibantah dalam eksepsi.",
}
