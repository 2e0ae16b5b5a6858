"""Shared pieces of the web tests (no tests here): invented Indonesian articles, written for
these tests, and a synchronous in-process client for the ASGI app.

Two events (a flood in Semarang reported by three outlets, a rise in rice prices reported by
two) and one article whose text carries markup, quotes and ampersands.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import httpx

FLOOD = [
    {
        "id": "banjir-wp",
        "title": "Banjir Rendam Tiga Kecamatan di Semarang, Ratusan Warga Mengungsi",
        "outlet": "Warta Pantura",
        "published": "2024-03-04",
        "text": (
            "SEMARANG, WARTAPANTURA.ID - Banjir merendam tiga kecamatan di Kota Semarang sejak Senin (4/3/2024) pagi "
            "setelah hujan deras turun semalaman.\n"
            "Ketinggian air di Kecamatan Genuk mencapai 80 sentimeter dan ratusan warga mengungsi ke masjid.\n"
            "Badan Penanggulangan Bencana Daerah Kota Semarang mengerahkan perahu karet untuk mengevakuasi warga."
        ),
    },
    {
        "id": "banjir-kj",
        "title": "Hujan Semalaman, Genuk dan Pedurungan Terendam Banjir",
        "outlet": "Kabar Jateng",
        "published": "2024-03-04",
        "text": (
            "SEMARANG, KABARJATENG.COM - Hujan deras yang turun semalaman membuat banjir merendam Kecamatan Genuk "
            "dan Pedurungan, Kota Semarang, Senin (4/3/2024).\n"
            "Ratusan warga mengungsi ke masjid dan balai kelurahan karena air masuk ke rumah.\n"
            "Petugas BPBD Kota Semarang mengevakuasi warga lanjut usia dengan perahu karet."
        ),
    },
    {
        "id": "banjir-hs",
        "title": "Banjir Semarang Mulai Surut, Warga Bersihkan Rumah",
        "outlet": "Harian Simpang",
        "published": "2024-03-05",
        "text": (
            "SEMARANG, HARIANSIMPANG.ID - Banjir yang merendam tiga kecamatan di Kota Semarang mulai surut pada "
            "Selasa (5/3/2024) siang.\n"
            "Warga Genuk yang sempat mengungsi ke masjid kembali ke rumah untuk membersihkan lumpur.\n"
            "BPBD Kota Semarang mencatat lebih dari 400 warga sempat mengungsi akibat banjir."
        ),
    },
]

RICE = [
    {
        "id": "beras-wp",
        "title": "Harga Beras Medium Naik di Pasar Tradisional",
        "outlet": "Warta Pantura",
        "published": "2024-02-20",
        "text": (
            "Harga beras medium di pasar tradisional naik menjadi Rp 14.000 per kilogram pekan ini.\n"
            "Pedagang di Pasar Johar mengatakan pasokan beras dari petani berkurang karena panen mundur.\n"
            "Dinas Perdagangan berjanji menggelar operasi pasar beras murah dalam waktu dekat."
        ),
    },
    {
        "id": "beras-kj",
        "title": "Pasokan Berkurang, Harga Beras Medium Terus Naik",
        "outlet": "Kabar Jateng",
        "published": "2024-02-21",
        "text": (
            "Harga beras medium terus naik karena pasokan dari petani berkurang setelah panen mundur.\n"
            "Di Pasar Johar, harga beras medium kini Rp 14.000 per kilogram.\n"
            "Dinas Perdagangan akan menggelar operasi pasar beras murah di sejumlah kelurahan."
        ),
    },
]

HOSTILE_TEXT = "<script>alert(1)</script>"
HOSTILE = {
    "id": "retas-<b>&\"'",
    "title": 'Situs Dinas Diretas: "Kami & Tim Sudah Memulihkan" <b>tebal</b>',
    "outlet": "Kabar & Kota <i>",
    "published": "2024-01-10",
    "url": "javascript:alert(2)",
    "text": (
        f"Peretas menyisipkan kode {HOSTILE_TEXT} ke halaman depan situs Dinas Komunikasi pada Rabu malam.\n"
        '"Kami & tim sudah memulihkan situs itu," kata Kepala Dinas Komunikasi, Rina Hapsari, pada Kamis.\n'
        "Menurut Rina, data warga tidak bocor karena server basis data terpisah dari server situs & aplikasi."
    ),
}


def as_txt(article: dict[str, Any]) -> str:
    """A plain-text file for an article: the headline on the first line, then the body."""
    return article["title"] + "\n" + article["text"] + "\n"


def as_jsonl(articles: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)


class Client:
    """A synchronous face on ``httpx.AsyncClient`` over the ASGI app: requests go to the app in
    this process, never to a network. Like a browser, it keeps cookies and posts the ingest form
    with the token of the page it got the form from."""

    def __init__(self, app: Any, base_url: str = "http://127.0.0.1") -> None:
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._loop.run_until_complete(self._client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        if url == "/ingest":  # the HTML form: its hidden token field, as the page holds it
            kwargs["data"] = {"csrf_token": self.form_token(), **(kwargs.get("data") or {})}
        return self.request("POST", url, **kwargs)

    def form_token(self, page: str = "/ingest") -> str:
        found = re.search(r'name="csrf_token" value="([^"]*)"', self.get(page).text)
        assert found, f"no form token on {page}"
        return found.group(1)

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()
