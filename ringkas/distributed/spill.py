"""The cleaned articles of one ingest, kept on the driver's disk instead of in its memory.

Near-duplicate marking must see a batch in publication-date order and storing must see it in
read order (the first copy stored wins); the local engine holds the batch in memory for both.
The spill (a temporary SQLite file) gives both orders in chunks, so memory stays one chunk.
"""

from __future__ import annotations

import pickle
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..models import Article

_UNDATED = date.max.toordinal()  # undated articles sort last, as in near-duplicate marking


class ArticleSpill:
    def __init__(self, folder: str | Path | None = None) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="ringkas-spill-", dir=folder))
        self._db = sqlite3.connect(self._folder / "articles.db", isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE articles (seq INTEGER PRIMARY KEY, day INTEGER NOT NULL, data BLOB NOT NULL)")
        self.count = 0

    def add(self, articles: Iterable[Article]) -> None:
        rows = []
        for article in articles:
            day = article.published.toordinal() if article.published else _UNDATED
            rows.append((self.count, day, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)))
            self.count += 1
        self._db.execute("BEGIN")
        self._db.executemany("INSERT INTO articles (seq, day, data) VALUES (?, ?, ?)", rows)
        self._db.execute("COMMIT")

    def by_date(self, chunk: int) -> Iterator[tuple[list[int], list[Article]]]:
        """(sequence numbers, articles) chunks by publication date, then read order."""
        yield from self._chunks("SELECT seq, data FROM articles ORDER BY day, seq", chunk)

    def in_read_order(self, chunk: int) -> Iterator[list[Article]]:
        for _, articles in self._chunks("SELECT seq, data FROM articles ORDER BY seq", chunk):
            yield articles

    def replace(self, changed: dict[int, Article]) -> None:
        if not changed:
            return
        self._db.execute("BEGIN")
        self._db.executemany(
            "UPDATE articles SET data = ? WHERE seq = ?",
            [(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL), seq) for seq, a in changed.items()],
        )
        self._db.execute("COMMIT")

    def _chunks(self, query: str, chunk: int) -> Iterator[tuple[list[int], list[Article]]]:
        # Page by sequence ranges of a materialized order, so updates between pages are safe.
        order = [seq for (seq,) in self._db.execute(query.replace("seq, data", "seq"))]
        for start in range(0, len(order), chunk):
            wanted = order[start : start + chunk]
            marks = ",".join("?" * len(wanted))
            found = dict(self._db.execute(f"SELECT seq, data FROM articles WHERE seq IN ({marks})", wanted).fetchall())
            yield wanted, [pickle.loads(found[seq]) for seq in wanted]

    def close(self) -> None:
        self._db.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self) -> ArticleSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
