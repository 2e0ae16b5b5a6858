"""One article through a running web server: ``POST /api/articles`` latency against the store's
size, and ``GET /api/stories`` while clients post (``python benchmarks/ingest.py web``).

    python benchmarks/ingest.py web [--sizes 100,2000,20000] [--posts 30] [--clients 8]
                                    [--per-client 6] [--store-dir DIR]

For each size a store is built (once: it is kept in ``--store-dir``, default
``$TMPDIR/ringkas-web-bench``, and reused by later runs), a real ``ringkas serve`` is started on
127.0.0.1 over a copy of it, and then:

1. one warm-up POST (it waits for what the server prepares at start, once: the online stream
   and the near-duplicate index over the stored articles; pages are served meanwhile);
2. ``--posts`` POSTs of one article each, one after another: p50 and p95 of their latency;
3. ``--clients`` clients post ``--per-client`` articles each, one at a time, while one reader
   asks ``GET /api/stories`` in a loop: p50 and p95 of the reads;
4. the count check: every posted article is stored once and sits in exactly one story
   (lost: posted but not stored, or in no story; duplicated: stored twice, or in two stories).

The articles are real Indonesian news read at run time, never copied into the repository:
``../shared/data/realworld/stream.jsonl`` and ``../shared/data/indosum/dev123.jsonl`` (whose ids
start with the Unix time of publication). The last 400 are kept out of every store and are the
articles posted. A store larger than the real articles is filled with *mosaics*: an article made
of the leading paragraphs of three real ones, each new text, and a date within the real range.

How a store is built, cheaper than ``ringkas run`` (the batch path analyses every article, some
0.15 s each: over an hour for 20,000 on this machine) but giving the server the state a batch
run leaves: the articles go into the store with ``Store.add_articles`` (not cleaned; their
language set), the real articles are embedded by the engine's clusterer (vectors cached in the
store as ringkas caches them), a mosaic's vector is the normalised mean of its three sources'
(not embedded: 15,000 embeddings would take most of an hour), the engine's online stream is
built over the store and its stories are written as shells (id, headline, articles, dates; no
summary). The server's stream over that store gives the same stories, so it summarizes none at
start; a story is summarized in full when a posted article joins it, which is what is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ringkas import Engine  # noqa: E402
from ringkas.models import Article, Story  # noqa: E402
from ringkas.online import OnlineStories  # noqa: E402

SHARED = ROOT.parent / "shared"
STREAM = SHARED / "data" / "realworld" / "stream.jsonl"
INDOSUM = SHARED / "data" / "indosum" / "dev123.jsonl"
HELD_OUT = 400  # real articles never stored: the ones posted
MIN_CHARS = 400  # shorter texts are teasers ("SCROLL TO CONTINUE ..."), not articles
BUILD_VERSION = "1"  # bump when the store recipe changes: older stores in --store-dir are rebuilt


def real_articles() -> list[dict[str, Any]]:
    """Real articles as JSON objects for the API (id, title, text, outlet, published, url)."""
    rows: list[dict[str, Any]] = []
    if STREAM.exists():
        with STREAM.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if len(row.get("text") or "") >= MIN_CHARS:
                    rows.append({k: row.get(k) for k in ("id", "title", "text", "outlet", "published", "url")})
    if INDOSUM.exists():
        with INDOSUM.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                stamp, _, slug = row["id"].partition("-")
                for n, raw in enumerate(row["articles"]):
                    if len(raw["text"]) < MIN_CHARS or not stamp.isdigit():
                        continue
                    published = datetime.fromtimestamp(int(stamp), UTC).date().isoformat()
                    rows.append(
                        {
                            "id": f"indosum-{row['id']}-{n}",
                            "title": raw.get("title") or slug.replace("-", " ").capitalize(),
                            "text": raw["text"],
                            "outlet": row.get("source"),
                            "published": published,
                            "url": None,
                        }
                    )
    if len(rows) < HELD_OUT + 100:
        raise SystemExit(f"need {STREAM} and {INDOSUM} (../shared) for the web benchmark")
    return rows


def to_article(row: dict[str, Any]) -> Article:
    published = row.get("published")
    return Article(
        id=row["id"],
        title=row.get("title") or "",
        text=row["text"],
        url=row.get("url"),
        outlet=row.get("outlet"),
        published=date.fromisoformat(published[:10]) if published else None,
        language="id",
    )


def mosaics(real: list[Article], count: int) -> tuple[list[Article], list[tuple[str, ...]]]:
    """``count`` articles, each the leading paragraphs of three real ones; and their sources."""
    rng = np.random.default_rng(7)
    dates = sorted(a.published for a in real if a.published)
    first, span = dates[0], max(1, (dates[-1] - dates[0]).days)
    out, sources = [], []
    for n in range(count):
        picked = [real[int(i)] for i in rng.choice(len(real), 3, replace=False)]
        parts = ["\n".join(a.text.split("\n")[:2]) for a in picked]
        out.append(
            Article(
                id=f"mosaic-{n:05d}",
                title=picked[0].title,
                text="\n".join(parts),
                outlet=picked[1].outlet,
                published=first + timedelta(days=int(rng.integers(0, span + 1))),
                language="id",
            )
        )
        sources.append(tuple(a.id for a in picked))
    return out, sources


def build_store(path: Path, size: int, rows: list[dict[str, Any]]) -> None:
    """A store of ``size`` articles with cached vectors and shell stories (see the module docstring)."""
    started = time.perf_counter()
    real = [to_article(r) for r in rows[:-HELD_OUT]][:size]
    work = path.with_suffix(".building")
    for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
        leftover.unlink(missing_ok=True)
    with Engine(db=str(work), progress=False) as engine:
        engine.store.add_articles(real)  # a copy (same URL or text) of a stored one is kept once
        real = engine.store.articles()
        extra, sources = mosaics(real, max(0, size - len(real)))
        engine.store.add_articles(extra)
        clusterer = engine.clusterer()
        vectors = clusterer.vectors(real)  # embedded, and cached in the store
        if extra:
            by_id = {a.id: vectors[n] for n, a in enumerate(real)}
            mixed = {}
            for article, group in zip(extra, sources, strict=True):
                mean = np.mean([by_id[s] for s in group], axis=0)
                mixed[article.id] = mean / max(float(np.linalg.norm(mean)), 1e-9)
            engine.store.put_vectors(engine.embedder.model_id, mixed)
        state = OnlineStories(engine)
        by_id_article = {a.id: a for a in real + extra}
        shells = []
        for story_id, group in state.groups().items():
            members = [by_id_article[a] for a in group]
            dated = sorted(a.published for a in members if a.published)
            founder = min(members, key=lambda a: (a.published or date.max, a.id))
            shells.append(
                Story(
                    id=story_id,
                    headline=founder.title or founder.id,
                    article_ids=tuple(group),
                    first_published=dated[0] if dated else None,
                    last_published=dated[-1] if dated else None,
                )
            )
        engine.store.replace_stories(shells)
    os.replace(work, path)
    print(
        f"  built {path.name}: {size} articles ({len(real)} real, {len(extra)} mosaics), {len(shells)} stories"
        f" in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``ringkas serve`` over a store, in a child process on 127.0.0.1."""

    def __init__(self, db: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "ringkas", "--db", str(db), "--no-progress", "serve", "--port", str(self.port)]
        self.log = db.with_suffix(".log")
        with self.log.open("wb") as log:  # a file, not a pipe: a pipe nobody reads would block the server
            self.process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 900  # a loaded machine takes minutes to import and start it
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"ringkas serve stopped: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(self.base + "/api/ingest", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("ringkas serve did not answer within 900 s")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used (user + system): a figure the machine's load
        does not inflate, beside the wall-clock latencies."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def post(client: httpx.Client, row: dict[str, Any]) -> float:
    started = time.perf_counter()
    response = client.post("/api/articles", json=row)
    elapsed = time.perf_counter() - started
    if response.status_code != 201:
        raise SystemExit(f"POST {row['id']}: {response.status_code} {response.text[:300]}")
    return elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def count_check(db: Path, posted: list[str]) -> tuple[int, int]:
    """(lost, duplicated) of the posted article ids, read from the store after the server stopped."""
    import sqlite3

    with sqlite3.connect(db) as con:
        stored = {i: n for i, n in con.execute("SELECT id, COUNT(*) FROM articles GROUP BY id")}
        placed: dict[str, int] = {}
        for (article_id,) in con.execute("SELECT article_id FROM story_articles"):
            placed[article_id] = placed.get(article_id, 0) + 1
        in_stories: dict[str, int] = {}
        for (data,) in con.execute("SELECT data FROM stories"):
            for article_id in json.loads(data)["article_ids"]:
                in_stories[article_id] = in_stories.get(article_id, 0) + 1
    lost = sum(1 for a in posted if a not in stored or a not in placed or a not in in_stories)
    duplicated = sum(1 for a in posted if stored.get(a, 0) > 1 or placed.get(a, 0) > 1 or in_stories.get(a, 0) > 1)
    return lost, duplicated


def measure(size: int, store: Path, rows: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    held_out = rows[-HELD_OUT:]
    sequential = held_out[1 : 1 + args.posts]
    concurrent = held_out[1 + args.posts : 1 + args.posts + args.clients * args.per_client]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "served.db"
        shutil.copy(store, db)
        server = Server(db)
        try:
            with httpx.Client(base_url=server.base, timeout=3600) as client:  # the first add reads the store
                warm = post(client, held_out[0])
                client.get("/api/stories").raise_for_status()
                cpu_before = server.cpu_seconds()
                times = [post(client, row) for row in sequential]
                cpu = (server.cpu_seconds() - cpu_before) / max(1, len(sequential))
            reads: list[float] = []
            done = threading.Event()
            failures: list[str] = []

            def reader() -> None:
                with httpx.Client(base_url=server.base, timeout=600) as client:
                    while not done.is_set():
                        started = time.perf_counter()
                        response = client.get("/api/stories")
                        reads.append(time.perf_counter() - started)
                        if response.status_code != 200:
                            failures.append(f"GET /api/stories: {response.status_code}")

            def writer(part: list[dict[str, Any]]) -> None:
                with httpx.Client(base_url=server.base, timeout=600) as client:
                    for row in part:
                        try:
                            post(client, row)
                        except SystemExit as exc:
                            failures.append(str(exc))

            parts = [concurrent[n :: args.clients] for n in range(args.clients)]
            threads = [threading.Thread(target=writer, args=(p,)) for p in parts]
            watcher = threading.Thread(target=reader)
            watcher.start()
            busy_started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            busy = time.perf_counter() - busy_started
            done.set()
            watcher.join()
        finally:
            server.stop()
        lost, duplicated = count_check(db, [r["id"] for r in [held_out[0], *sequential, *concurrent]])
    return {
        "size": size,
        "warm": warm,
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "cpu": cpu,
        "reads": len(reads),
        "read_p50": statistics.median(reads) if reads else float("nan"),
        "read_p95": percentile(reads, 0.95) if reads else float("nan"),
        "concurrent": len(concurrent),
        "busy": busy,
        "lost": lost,
        "duplicated": duplicated,
        "failures": failures,
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="ingest.py web", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,2000,20000", help="store sizes, comma-separated")
    parser.add_argument("--posts", type=int, default=30, help="one-article POSTs timed one after another")
    parser.add_argument("--clients", type=int, default=8, help="clients posting at once while one reader reads")
    parser.add_argument("--per-client", type=int, default=6, help="articles each concurrent client posts")
    parser.add_argument("--store-dir", default=str(Path(tempfile.gettempdir()) / "ringkas-web-bench"))
    args = parser.parse_args(argv)
    if 1 + args.posts + args.clients * args.per_client > HELD_OUT:
        raise SystemExit(f"at most {HELD_OUT - 1} posted articles in all")
    rows = real_articles()
    folder = Path(args.store_dir)
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        store = folder / f"store-{size}-v{BUILD_VERSION}.db"
        if not store.exists():
            build_store(store, size, rows)
        results.append(measure(size, store, rows, args))
        print(f"  measured {size}: {results[-1]}", flush=True)
    load = os.getloadavg()
    print(f"\nPOST /api/articles (one article) and GET /api/stories under {args.clients} posting clients")
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    print(
        f"{'stored':>7} {'warm-up s':>9} {'POST p50':>9} {'POST p95':>9} {'cpu/POST':>9} {'GET p50':>8} {'GET p95':>8}"
        f" {'GETs':>5} {'posted':>6} {'art/s':>6} {'lost':>5} {'dup':>4}"
    )
    for r in results:
        print(
            f"{r['size']:>7} {r['warm']:>9.1f} {r['p50'] * 1000:>7.0f}ms {r['p95'] * 1000:>7.0f}ms"
            f" {r['cpu'] * 1000:>7.0f}ms"
            f" {r['read_p50'] * 1000:>6.0f}ms {r['read_p95'] * 1000:>6.0f}ms {r['reads']:>5}"
            f" {r['concurrent']:>6} {r['concurrent'] / r['busy']:>6.1f} {r['lost']:>5} {r['duplicated']:>4}"
        )
        for failure in r["failures"]:
            print("  failure:", failure)
