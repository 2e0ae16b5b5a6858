"""The web server under hostile requests: ``ringkas serve`` started as a subprocess on
127.0.0.1, spoken to over HTTP with httpx. Cross-site posts, ``text/plain`` bodies, foreign
Host headers, missing tokens, read-only mode, huge page numbers, deeply nested and NaN bodies,
and an uploaded JSON Lines file over the per-request article limit: each a clean 4xx, nothing
stored; the requests a real user makes still work.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ROOT
from test_web_support import RICE, as_jsonl

Server = Callable[..., str]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Start ``ringkas serve`` with the given flags on a free port of 127.0.0.1; stopped at the end."""
    started: list[subprocess.Popen[bytes]] = []
    base = tmp_path_factory.mktemp("serve")

    def start(*flags: str) -> str:
        port = free_port()
        db = base / f"web{len(started)}.db"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "RINGKAS_PROGRESS": "0"}
        command = [sys.executable, "-m", "ringkas", "--db", str(db), "serve", "--port", str(port), *flags]
        log = base / f"web{len(started)}.log"
        with log.open("wb") as errors:
            process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"ringkas serve ended: {log.read_text()}")
            try:
                httpx.get(url + "/static/style.css", timeout=2)
                return url
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError("ringkas serve did not start")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def open_server(serve: Server) -> str:
    return serve()


def stored(base: str, **kwargs: object) -> int:
    return int(httpx.get(base + "/api/stories", **kwargs).json()["total"])  # type: ignore[arg-type]


def form_token(client: httpx.Client) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/ingest").text)
    assert found
    return found.group(1)


def test_cross_site_and_text_plain_posts_store_nothing(open_server):
    base = open_server
    body = json.dumps(RICE[0])
    text_plain = httpx.post(base + "/api/articles", content=body, headers={"content-type": "text/plain"})
    assert text_plain.status_code == 415
    assert "application/json" in text_plain.json()["error"]["message"]
    elsewhere = {"content-type": "application/json", "origin": "http://127.0.0.1:1"}
    assert httpx.post(base + "/api/articles", content=body, headers=elsewhere).status_code == 403
    hidden = {"content-type": "application/json", "origin": "null"}
    assert httpx.post(base + "/api/articles", content=body, headers=hidden).status_code == 403
    by_referer = {"content-type": "application/json", "referer": "http://evil.example/page"}
    assert httpx.post(base + "/api/articles", content=body, headers=by_referer).status_code == 403
    files = {"files": ("beras.txt", b"Harga Beras\nHarga beras naik lagi di pasar kota.\n", "text/plain")}
    cross_form = httpx.post(base + "/ingest", files=files, headers={"origin": "http://evil.example"})
    assert cross_form.status_code == 403
    no_token = httpx.post(base + "/ingest", files=files)  # same site, but no form token
    assert no_token.status_code == 403 and "token" in no_token.text
    assert stored(base) == 0


def test_same_origin_form_with_its_token_and_json_api_still_work(open_server):
    base = open_server
    with httpx.Client(base_url=base, timeout=120) as browser:
        token = form_token(browser)
        assert "ringkas_session" in browser.cookies
        files = {"files": ("beras.jsonl", as_jsonl(RICE[:1]).encode(), "application/json")}
        page = browser.post(
            "/ingest", data={"csrf_token": token}, files=files, headers={"origin": base}, follow_redirects=False
        )
        assert page.status_code in (200, 303), page.text
        wrong = browser.post("/ingest", data={"csrf_token": token[::-1]}, files=files)
        assert wrong.status_code == 403
    api = httpx.post(base + "/api/articles", json=RICE[1], headers={"origin": base}, timeout=120)
    assert api.status_code == 201, api.text
    assert stored(base) >= 1


def test_foreign_host_headers_are_refused(open_server):
    base = open_server
    rebound = httpx.get(base + "/api/stories", headers={"host": "evil.example"})
    assert rebound.status_code == 400
    assert "evil.example" in rebound.json()["error"]["message"]
    assert httpx.get(base + "/", headers={"host": "evil.example:8000"}).status_code == 400
    assert httpx.get(base.replace("127.0.0.1", "localhost") + "/api/stories").status_code == 200


def test_allow_host_adds_a_name(serve):
    base = serve("--allow-host", "berita.example")
    assert httpx.get(base + "/api/stories", headers={"host": "berita.example"}).status_code == 200
    assert httpx.get(base + "/api/stories", headers={"host": "lain.example"}).status_code == 400


def test_huge_page_numbers_and_hostile_bodies_are_4xx(open_server):
    base = open_server
    assert httpx.get(base + "/api/stories?page=9223372036854775808").status_code == 200
    assert httpx.get(base + "/?page=9223372036854775808").status_code == 200
    assert httpx.get(base + "/api/stories?page=" + "9" * 5000).status_code == 422
    deep = '{"id": "dalam", "text": "Isi berita yang cukup.", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    nested = httpx.post(base + "/api/articles", content=deep, headers={"content-type": "application/json"})
    assert nested.status_code == 422
    assert nested.json()["error"]["type"] == "NestingTooDeepError"
    nan = '{"id": "nan", "text": "Isi berita yang cukup.", "skor": NaN}'
    refused = httpx.post(base + "/api/articles", content=nan, headers={"content-type": "application/json"})
    assert refused.status_code == 422
    assert refused.json()["error"]["type"] == "NonFiniteNumberError"
    assert httpx.get(base + "/api/articles/nan").status_code == 404


def test_uploaded_jsonl_counts_against_the_article_limit(open_server):
    base = open_server
    before = stored(base)
    many = [{**RICE[0], "id": f"beras-{n}"} for n in range(150)]
    files = {"files": ("banyak.jsonl", as_jsonl(many).encode(), "application/json")}
    response = httpx.post(base + "/api/ingest", files=files)
    assert response.status_code == 413
    assert "more than 100 articles in one request" in response.json()["error"]["message"]
    assert stored(base) == before


def test_error_answers_stay_small(open_server):
    base = open_server
    bad = "\n".join(json.dumps({"id": f"x{n}", "text": 5}) for n in range(20_000)).encode()  # 500 KB, all bad
    files = {"files": ("buruk.jsonl", bad, "application/json")}
    response = httpx.post(base + "/api/ingest", files=files, timeout=60)
    assert response.status_code == 422
    assert len(response.content) < 4_000  # the first 20 errors and a count, not 20,000 of them
    message = response.json()["error"]["message"]
    assert message.count("field 'text' is a number, not a string") == 20
    assert message.endswith("and 19980 more")


def test_token_is_asked_once_by_the_ui_and_sent_as_bearer_by_api_clients(serve):
    base = serve("--token", "rahasia-uji")
    assert httpx.get(base + "/api/stories").status_code == 401
    bearer = {"authorization": "Bearer rahasia-uji"}
    assert httpx.get(base + "/api/stories", headers=bearer).status_code == 200
    assert httpx.get(base + "/api/stories", headers={"authorization": "Bearer salah"}).status_code == 401
    assert httpx.get(base + "/static/style.css").status_code == 200  # the login page needs its style
    with httpx.Client(base_url=base) as browser:
        first = browser.get("/stories/x?y=1", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"].startswith("/login?next=")
        login = browser.get(first.headers["location"])
        token = re.search(r'name="csrf_token" value="([^"]+)"', login.text)
        assert token and 'name="token"' in login.text
        wrong = browser.post("/login", data={"csrf_token": token.group(1), "token": "salah", "next": "/"})
        assert wrong.status_code == 401
        right = browser.post(
            "/login",
            data={"csrf_token": token.group(1), "token": "rahasia-uji", "next": "//evil.example/"},
            follow_redirects=False,
        )
        assert right.status_code == 303 and right.headers["location"] == "/"  # never off-site
        assert browser.get("/").status_code == 200  # asked once: the cookie carries it from now on
        assert browser.get("/api/stories").status_code == 200


def test_read_only_refuses_every_change(serve):
    base = serve("--read-only")
    assert httpx.get(base + "/api/stories").status_code == 200
    response = httpx.post(base + "/api/articles", json=RICE[0])
    assert response.status_code == 403 and "read-only" in response.json()["error"]["message"]
    assert httpx.get(base + "/ingest").status_code == 403
    assert httpx.post(base + "/api/ingest", files={"files": ("a.txt", b"J\nIsi.\n", "text/plain")}).status_code == 403
    assert stored(base) == 0


def test_analysis_reads_the_cap_and_the_page_shows_the_whole_text(serve, tmp_path: Path):
    base = serve("--set", "analysis_max_chars=2000")
    paragraph = "Petugas memeriksa saluran air di kampung nelayan pada pagi hari. "
    text = "\n".join(f"{paragraph}Bagian ke-{n} dari laporan panjang." for n in range(120))  # about 12 KB
    body = {"id": "panjang", "title": "Laporan Panjang Saluran Air", "text": text, "published": "2024-05-02"}
    assert httpx.post(base + "/api/articles", json=body, timeout=120).status_code == 201
    page = httpx.get(base + "/api/articles/panjang").json()
    shown = "".join(piece["text"] for paragraph in page["paragraphs"] for piece in paragraph)
    assert "Bagian ke-119 dari laporan panjang." in shown  # the whole text is shown
    sentences = {piece["sentence"] for paragraph in page["paragraphs"] for piece in paragraph}
    last = max(s for s in sentences if s is not None)
    assert 10 < last < 60  # about 2,000 characters of sentences, not the 240 of the whole text
