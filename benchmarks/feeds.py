"""Atom feed generation speed: the story-list feed over N stories (default 1,000), built from
stories of our own making in memory (no store, no models), repeated; CPU time per feed.

    python benchmarks/feeds.py [--stories 1000] [--repeat 5]

The bar (issue #21): a feed of 1,000 stories in under 1 s. The list feed carries the 50 most
recently changed stories (``feeds.FEED_ENTRIES``); ``--all`` puts every story in the feed, the
harder case the bar is measured on. ``--store`` measures what the server does for
``/feeds/stories.atom``: the stories saved in a temporary SQLite store, read back and rendered.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import feedparser

from ringkas.models import Citation, OutletCoverage, Story, SummarySentence
from ringkas.web import feeds


def make_stories(n: int) -> tuple[list[Story], dict[str, str | None]]:
    stories, changed = [], {}
    for i in range(n):
        ids = tuple(f"a{i}-{k}" for k in range(4))
        summary = tuple(
            SummarySentence(
                f"Kalimat ringkasan nomor {k} untuk cerita {i} tentang banjir di kabupaten uji ke-{i % 97}.",
                ids[k % 4],
                k,
                (Citation(ids[k % 4], f"Media {k}"),),
            )
            for k in range(5)
        )
        day = date(2024, 1, 1) + timedelta(days=i % 300)
        stories.append(
            Story(
                id=f"s{i:06d}",
                headline=f"Cerita uji nomor {i}: banjir & longsor <di> kabupaten {i % 97}",
                article_ids=ids,
                summary=summary,
                coverage=tuple(OutletCoverage(f"Media {k}", (ids[k],)) for k in range(4)),
                first_published=day,
                last_published=day,
            )
        )
        changed[f"s{i:06d}"] = f"2024-10-{1 + i % 28:02d}T{i % 24:02d}:00:00.000+00:00"
    return stories, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--all", action="store_true", help="every story in the feed, not the newest 50")
    parser.add_argument("--store", action="store_true", help="read the stories from a SQLite store, as the server does")
    args = parser.parse_args(argv)
    stories, changed = make_stories(args.stories)
    if args.all:
        feeds.FEED_ENTRIES = len(stories)
    if args.store:
        return from_store(stories, args.repeat)
    meta = feeds.FeedMeta("http://127.0.0.1:8000/feeds/stories.atom", "http://127.0.0.1:8000/", "ringkas")
    times, cpu = [], []
    body = b""
    for _ in range(args.repeat):
        wall, proc = time.perf_counter(), time.process_time()
        body = feeds.stories_feed(meta, stories, changed, "http://127.0.0.1:8000")
        times.append(time.perf_counter() - wall)
        cpu.append(time.process_time() - proc)
    parsed = feedparser.parse(body)
    entries = len(parsed.entries)
    print(
        f"{args.stories} stories -> feed of {entries} entries, {len(body) / 1000:.0f} kB: "
        f"best {min(times) * 1000:.1f} ms wall, {min(cpu) * 1000:.1f} ms CPU "
        f"(median {sorted(times)[len(times) // 2] * 1000:.1f} ms; load average {os.getloadavg()[0]:.1f}); "
        f"feedparser bozo={parsed.bozo}"
    )
    return 0 if min(cpu) < 1.0 and not parsed.bozo else 1


def from_store(stories: list[Story], repeat: int) -> int:
    import tempfile

    from ringkas.engine import Engine
    from ringkas.models import Article
    from ringkas.web.daily_routes import _stories_feed

    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(db=str(Path(tmp) / "feeds.db"), progress=False)
        engine.store.add_articles(
            Article(id=a, title=a, text=f"Artikel {a}.", outlet="Media", published=s.last_published)
            for s in stories
            for a in s.article_ids
        )
        engine.store.replace_stories(stories)
        times, cpu, body = [], [], b""
        for _ in range(repeat):
            wall, proc = time.perf_counter(), time.process_time()
            body = _stories_feed(
                engine, "", "", "", "http://127.0.0.1:8000", "http://127.0.0.1:8000/feeds/stories.atom"
            )
            times.append(time.perf_counter() - wall)
            cpu.append(time.process_time() - proc)
        engine.close()
    parsed = feedparser.parse(body)
    print(
        f"/feeds/stories.atom over a store of {len(stories)} stories -> {len(parsed.entries)} entries: "
        f"best {min(times) * 1000:.1f} ms wall, {min(cpu) * 1000:.1f} ms CPU "
        f"(load average {os.getloadavg()[0]:.1f}); feedparser bozo={parsed.bozo}"
    )
    return 0 if min(cpu) < 1.0 and not parsed.bozo else 1


if __name__ == "__main__":
    sys.exit(main())
