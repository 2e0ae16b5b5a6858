"""URLs and feed URLs, fetched from a real HTTP server this test starts on 127.0.0.1."""

import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringkas.cli import main
from ringkas.errors import InputError, InputTooLargeError
from ringkas.models import Article
from ringkas.reading import Reader

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
LIMIT = 20_000


class NewsSite(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/berita/banjir-rob":
            self._send(200, "text/html; charset=utf-8", (FIXTURES / "banjir-rob-pekalongan.html").read_bytes())
        elif self.path == "/rss":  # a feed served with the wrong media type, as many sites do
            self._send(200, "text/html", (FIXTURES / "kabar-pantura.rss").read_bytes())
        elif self.path == "/kiriman":
            self._send(200, "application/json", (FIXTURES / "kiriman.jsonl").read_bytes())
        elif self.path == "/pindah":
            self.send_response(302)
            self.send_header("Location", "/berita/banjir-rob")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/besar":
            self._send(200, "text/html", b"<p>" + b"a" * (LIMIT + 1) + b"</p>")
        elif self.path == "/besar-tanpa-panjang":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no Content-Length: the body is read until the limit trips
            for _ in range(10):
                self.wfile.write(b"Kalimat berita yang diulang-ulang. " * 100)
        elif self.path == "/lambat":
            time.sleep(2)
            self._send(200, "text/plain", b"Judul\nTerlambat.")
        elif self.path == "/kosong":
            self._send(200, "text/html", b"<html><body><nav>Beranda | Kontak</nav></body></html>")
        else:
            self._send(404, "text/plain", b"tidak ditemukan")

    def _send(self, status, media_type, body):
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), NewsSite)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(url, *, timeout=5.0):
    with Reader(max_bytes=LIMIT, http_timeout=timeout) as reader:
        return list(reader.read([url]))


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_article_url(site):
    (article,) = fetch(site + "/berita/banjir-rob")
    assert isinstance(article, Article)
    assert article.title == "Banjir Rob Rendam Ratusan Rumah di Pesisir Pekalongan"
    assert article.published == date(2024, 11, 18)
    assert article.id.startswith("banjir-rob-")
    assert "Berita Terpopuler" not in article.text


def test_redirect_is_followed(site):
    (article,) = fetch(site + "/pindah")
    assert isinstance(article, Article) and article.outlet == "Warta Pantura"


def test_feed_url_served_as_html_is_read_as_a_feed(site):
    items = fetch(site + "/rss")
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(articles) == 2 and len(errors) == 1
    assert errors[0].source == site + "/rss" and "entry 3" in errors[0].message


def test_json_lines_url(site):
    items = fetch(site + "/kiriman")
    assert sum(isinstance(i, Article) for i in items) == 3


@pytest.mark.parametrize(
    ("path", "kind", "message"),
    [
        ("/hilang", InputError, "HTTP 404 Not Found"),
        ("/besar", InputTooLargeError, f"over the {LIMIT}-byte limit"),
        ("/besar-tanpa-panjang", InputTooLargeError, f"over the {LIMIT}-byte limit"),
        ("/kosong", InputError, "HTML page has no article text"),
    ],
)
def test_bad_urls_are_named_with_the_reason(site, path, kind, message):
    (error,) = fetch(site + path)
    assert isinstance(error, kind)
    assert error.describe() == f"{site}{path}: {message}" or message in error.describe()
    assert error.source == site + path


def test_slow_server_times_out(site):
    started = time.monotonic()
    (error,) = fetch(site + "/lambat", timeout=0.3)
    assert isinstance(error, InputError)
    assert "timed out after 0.3 s" in error.describe()
    assert time.monotonic() - started < 1.9


def test_unreachable_url():
    url = f"http://127.0.0.1:{closed_port()}/berita"
    (error,) = fetch(url)
    assert isinstance(error, InputError)
    assert error.describe().startswith(f"{url}: cannot connect")


def test_cli_goes_on_past_bad_urls_and_counts(site, tmp_path):
    good = site + "/berita/banjir-rob"
    missing = site + "/hilang"
    dead = f"http://127.0.0.1:{closed_port()}/x"
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "x.db"), "--set", "http_timeout=3", "ingest", good, missing, dead]
    )
    assert result.exit_code == 0, result.output
    assert f"skipped: {missing}: HTTP 404 Not Found" in result.output
    assert f"skipped: {dead}: cannot connect" in result.output
    assert "read 1, stored 1, updated 0, already stored 0, skipped 2" in result.output


def test_cli_fails_when_nothing_could_be_read(tmp_path):
    dead = f"http://127.0.0.1:{closed_port()}/x"
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "ingest", dead, str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "skipped 2" in result.output and "nothing could be read" in result.output
