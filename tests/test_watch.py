"""``ringkas watch``: a folder and an RSS feed served by a local HTTP server on 127.0.0.1, polled;
new files and entries join stories, seen ones are not read again, bad sources are named."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from ringkas import Engine
from ringkas.cli import main
from ringkas.errors import ConfigError, InputError
from ringkas.watching import Watcher

FIXTURE = Path(__file__).parent / "fixtures" / "clustering" / "events.jsonl"
ARTICLES = {a["id"]: a for a in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}


def rss(ids: list[str]) -> bytes:
    items = []
    for article_id in ids:
        a = ARTICLES[article_id]
        when = format_datetime(datetime.fromisoformat(a["published"]).replace(hour=9, tzinfo=UTC))
        items.append(
            f"<item><title>{escape(a['title'])}</title><link>https://warta.example/{article_id}</link>"
            f"<guid>{article_id}</guid><pubDate>{when}</pubDate><description>{escape(a['text'])}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Warta Contoh</title>'
        f"<link>https://warta.example/</link><language>id</language>{''.join(items)}</channel></rss>"
    ).encode()


class Feed:
    """A feed on 127.0.0.1 whose entries the test changes between polls."""

    def __init__(self) -> None:
        self.body = rss([])
        self.requests = 0
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                feed.requests += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(feed.body)))
                self.end_headers()
                self.wfile.write(feed.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/rss.xml"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def feed() -> Iterator[Feed]:
    served = Feed()
    yield served
    served.close()


def write_article(folder: Path, article_id: str) -> Path:
    a = ARTICLES[article_id]
    path = folder / f"{article_id}.json"
    path.write_text(json.dumps(a, ensure_ascii=False), encoding="utf-8")
    return path


def test_feed_entries_are_read_once_and_join_their_stories(engine: Engine, feed: Feed) -> None:
    watcher = Watcher(engine, [feed.url], interval=1)
    feed.body = rss(["gempa-cianjur-1", "beras-cipinang-1"])
    first = watcher.poll()
    assert (first.read, first.stored, len(first.stories)) == (2, 2, 2)
    assert not first.skipped
    feed.body = rss(["gempa-cianjur-1", "beras-cipinang-1", "gempa-cianjur-2"])
    second = watcher.poll()
    assert (second.stored, second.duplicates) == (1, 2)
    [story] = second.stories  # the new entry joined the earthquake story; the rice story is untouched
    assert sorted(story.article_ids) == ["gempa-cianjur-1", "gempa-cianjur-2"]
    assert feed.requests == 2 and len(engine.stories()) == 2


def test_folder_files_are_read_when_new_or_changed(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    watcher = Watcher(engine, [str(folder)], interval=1, settle=0)
    assert watcher.poll().read == 0
    write_article(folder, "timnas-u20-1")
    (folder / ".hidden.json").write_text("{}", encoding="utf-8")
    assert watcher.poll().stored == 1
    assert watcher.poll().read == 0  # nothing new
    write_article(folder, "timnas-u20-2")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    report = watcher.poll()
    assert report.stored == 1 and [p.source for p in report.skipped] == [str(folder / "broken.json")]
    assert [sorted(s.article_ids) for s in report.stories] == [["timnas-u20-1", "timnas-u20-2"]]


def test_a_file_still_being_written_waits_for_the_next_poll(engine: Engine, tmp_path: Path) -> None:
    now = [0.0]
    watcher = Watcher(engine, [str(tmp_path)], interval=1, settle=5, clock=lambda: now[0])
    path = write_article(tmp_path, "beras-cipinang-1")
    now[0] = path.stat().st_mtime + 1  # written a second ago
    assert watcher.poll().read == 0
    now[0] += 10
    assert watcher.poll().stored == 1


def test_bad_sources_and_intervals_are_refused(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder") as caught:
        Watcher(engine, [str(tmp_path / "absent")])
    assert caught.value.source == str(tmp_path / "absent")
    with pytest.raises(ConfigError, match="interval"):
        Watcher(engine, [str(tmp_path)], interval=0)
    with pytest.raises(ConfigError, match="at least one"):
        Watcher(engine, [])


def test_watch_command_polls_the_feed_and_prints_stories(tmp_path: Path, feed: Feed) -> None:
    feed.body = rss(["gempa-cianjur-1", "gempa-cianjur-2"])
    db = str(tmp_path / "watch.db")
    result = CliRunner().invoke(main, ["--db", db, "watch", feed.url, "--polls", "2", "--interval", "0.01"])
    assert result.exit_code == 0, result.output
    assert "poll 1: read 2, stored 2" in result.output and "poll 2: read 2, stored 0" in result.output
    assert "Gempa Magnitudo 5,8 Guncang Cianjur" in result.output or "37 Rumah Rusak" in result.output
    with Engine(db=db, progress=False) as engine:
        assert [sorted(s.article_ids) for s in engine.stories()] == [["gempa-cianjur-1", "gempa-cianjur-2"]]
    missing = CliRunner().invoke(main, ["--db", db, "watch", str(tmp_path / "nowhere"), "--polls", "1"])
    assert missing.exit_code == 1 and "no such file or folder" in missing.output
