"""``Engine.add``, the one way an article arrives, as the web uses it: an article posted lands in
its story and only that story is analysed and summarized again; pages are served while a write
is in progress (a real server on 127.0.0.1); concurrent posts lose and duplicate nothing."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_web_support import FLOOD, RICE, Client

from ringkas import Engine
from ringkas.models import Article, Document
from ringkas.reading import article_from_mapping
from ringkas.web import create_app

# Invented reports of separate local happenings, written for this test: one per (town, happening).
TOWNS = ["Bantul", "Kudus", "Blora", "Jepara", "Rembang", "Wonogiri"]
HAPPENINGS = [
    (
        "Jembatan Desa di {town} Ambruk Diterjang Arus Sungai",
        "Jembatan penghubung dua desa di Kabupaten {town} ambruk setelah arus sungai meninggi pada {day} sore.\n"
        "Warga {town} kini harus memutar sejauh {km} kilometer untuk sampai ke pasar kecamatan.\n"
        "Dinas Pekerjaan Umum {town} berjanji membangun jembatan darurat dalam {weeks} pekan.",
    ),
    (
        "Kios di Pasar Induk {town} Terbakar, Pedagang Merugi",
        "Sebanyak {km} kios di Pasar Induk {town} terbakar pada {day} dini hari.\n"
        "Pemadam kebakaran {town} membutuhkan {weeks} jam untuk memadamkan api yang merambat ke los sayur.\n"
        "Para pedagang {town} memperkirakan kerugian mencapai ratusan juta rupiah.",
    ),
]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]


def local_reports() -> list[dict[str, Any]]:
    reports = []
    for n, town in enumerate(TOWNS):
        for k, (title, text) in enumerate(HAPPENINGS):
            values = {"town": town, "day": DAYS[(n + k) % len(DAYS)], "km": 3 + n + 4 * k, "weeks": 2 + n}
            reports.append(
                {
                    "id": f"{town.lower()}-{k}",
                    "title": title.format(**values),
                    "text": text.format(**values),
                    "outlet": f"Kabar {town}",
                    "published": f"2024-05-{10 + n + 7 * k:02d}",
                }
            )
    return reports


def story_rows(db: Path) -> dict[str, tuple[int, str, str]]:
    """Story id -> (rowid, updated_at, data) straight from the store file."""
    with sqlite3.connect(db) as con:
        return {r[0]: (r[1], r[2], r[3]) for r in con.execute("SELECT id, rowid, updated_at, data FROM stories")}


def test_a_posted_article_joins_its_story_and_only_that_story_is_redone(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    with Engine(db=str(db), progress=False) as engine:
        engine.add_articles([article_from_mapping(a, source="fixture") for a in [*FLOOD[:2], *RICE]])
        engine.build_stories()
        before = story_rows(db)
        flood_story = engine.story_of("banjir-wp")
        assert flood_story is not None and len(before) == 2
        analysed: list[str] = []
        analyse = engine.analyzer.analyse

        def counting(article: Article) -> Document:
            analysed.append(article.id)
            return analyse(article)

        engine.analyzer.analyse = counting  # type: ignore[method-assign]
        client = Client(create_app(engine))
        try:
            data = client.post("/api/articles", json=FLOOD[2]).json()
        finally:
            client.close()
        assert data["stored"] == 1
        assert data["articles"] == [
            {"id": "banjir-hs", "title": FLOOD[2]["title"], "href": "/articles/banjir-hs", "story_id": flood_story.id}
        ]
        assert [s["id"] for s in data["stories"]] == [flood_story.id] and data["stories"][0]["articles"] == 3
        # Only the flood story's articles were analysed; the rice story was neither analysed nor rewritten.
        assert "banjir-hs" in analysed and set(analysed) <= {a["id"] for a in FLOOD}
        after = story_rows(db)
        rice_story = next(s for s in after if s != flood_story.id)
        assert after[rice_story] == before[rice_story]
        assert after[flood_story.id] != before[flood_story.id]


def test_add_reports_where_each_article_landed(engine: Engine) -> None:
    articles = [article_from_mapping(a, source="fixture") for a in [*FLOOD, *RICE]]
    report = engine.add(articles)
    assert (report.ingest.read, report.ingest.stored) == (5, 5)
    landed = {p.article_id: p.story_id for p in report.placed}
    assert [p.article_id for p in report.placed] == [a.id for a in articles]  # in the order given
    assert len({landed[a["id"]] for a in FLOOD}) == 1 and len({landed[a["id"]] for a in RICE}) == 1
    assert landed["banjir-wp"] != landed["beras-wp"]
    assert sorted(s.id for s in report.stories) == sorted(set(landed.values())) == sorted(report.story_ids)
    # The same article again: already stored, placed in the story it is in, no story rewritten.
    again = engine.add([articles[0]])
    assert again.ingest.duplicates == 1 and again.stories == []
    assert [(p.status, p.story_id) for p in again.placed] == [("duplicate", landed["banjir-wp"])]
    # Nothing usable: nothing stored, nothing placed.
    empty = engine.add([Article("kosong", "Promo", "Baca juga: Promo Akhir Tahun\nAdvertisement")])
    assert empty.placed == [] and len(empty.ingest.skipped) == 1


# -- a real server -----------------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Engine, str]]:
    """The app over a fresh store on a free port of 127.0.0.1, in a thread of this process."""
    import uvicorn

    engine = Engine(db=str(tmp_path / "served.db"), progress=False)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(engine), host="127.0.0.1", port=port, log_level="warning", lifespan="off", ws="none"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    yield engine, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    engine.close()


def test_pages_are_served_while_a_write_is_in_progress(served: tuple[Engine, str]) -> None:
    engine, base = served
    engine.add([article_from_mapping(a, source="fixture") for a in RICE])  # models loaded, a story stored
    writing, release = threading.Event(), threading.Event()
    summarize = engine.summarize

    def held(documents: Any, weak: Any = ()) -> Any:  # the writer stops inside its write until the test lets it go
        writing.set()
        release.wait(timeout=60)
        return summarize(documents, weak)

    engine.summarize = held  # type: ignore[method-assign]
    answer: list[httpx.Response] = []
    poster = threading.Thread(
        target=lambda: answer.append(httpx.post(base + "/api/articles", json=FLOOD, timeout=120)), daemon=True
    )
    poster.start()
    try:
        assert writing.wait(timeout=120), "the POST never reached its write"
        started = time.perf_counter()
        stories = httpx.get(base + "/api/stories", timeout=20)
        article = httpx.get(base + "/api/articles/beras-wp", timeout=20)
        waited = time.perf_counter() - started
        assert poster.is_alive() and not answer  # the write is still in progress
    finally:
        release.set()
        poster.join(timeout=120)
    assert stories.status_code == 200 and article.status_code == 200
    assert [s["articles"] for s in stories.json()["stories"]] == [2]  # the last commit: no flood yet
    assert waited < 10, f"two reads took {waited:.1f} s while a write was held"
    assert answer and answer[0].status_code == 201 and answer[0].json()["stored"] == 3


def test_concurrent_posts_lose_and_duplicate_nothing(served: tuple[Engine, str]) -> None:
    engine, base = served
    reports = local_reports()
    clients = 6
    failures: list[str] = []

    def post(part: list[dict[str, Any]]) -> None:
        with httpx.Client(base_url=base, timeout=300) as client:
            for report in part:
                response = client.post("/api/articles", json=report)
                if response.status_code != 201:
                    failures.append(f"{report['id']}: {response.status_code} {response.text[:200]}")

    threads = [threading.Thread(target=post, args=(reports[n::clients],)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert failures == []
    posted = sorted(r["id"] for r in reports)
    assert sorted(a.id for a in engine.store.articles()) == posted  # every one stored, once
    in_stories = sorted(a for s in engine.stories() for a in s.article_ids)
    assert in_stories == posted  # every one in exactly one story
    with httpx.Client(base_url=base, timeout=60) as client:
        for article_id in posted:
            assert client.get(f"/api/articles/{article_id}").json()["story"] is not None


def test_rebuild_command_clusters_the_whole_store_again(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ringkas.cli import main

    db = str(tmp_path / "rebuild.db")
    empty = CliRunner().invoke(main, ["--db", db, "--no-progress", "rebuild"])
    assert empty.exit_code == 1 and "holds no articles" in empty.output
    with Engine(db=db, progress=False) as engine:  # stored, never clustered
        engine.add_articles([article_from_mapping(a, source="fixture") for a in [*FLOOD, *RICE]])
        assert engine.stories() == []
    result = CliRunner().invoke(main, ["--db", db, "--no-progress", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "rebuilt 2 stories" in result.output
    with Engine(db=db, progress=False) as engine:
        groups = sorted(sorted(s.article_ids) for s in engine.stories())
    assert groups == [sorted(a["id"] for a in FLOOD), sorted(a["id"] for a in RICE)]
