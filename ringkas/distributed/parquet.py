"""Parquet output for downstream tools: articles, stories and summary sentences in one folder.

Three files (``articles.parquet``, ``stories.parquet``, ``summaries.parquet``), written one
row group at a time so memory stays one batch. Nested story facts (quotes, timeline, people,
coverage) are JSON text columns, in the shape of the JSON export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from ..exporting import article_metadata
from ..models import Article, Story
from ..serialization import to_jsonable

ARTICLES = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("text", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("removed", pa.list_(pa.struct([("text", pa.string()), ("reason", pa.string()), ("line", pa.int32())]))),
        ("subheadings", pa.list_(pa.string())),
        ("metadata", pa.string()),
    ]
)
STORIES = pa.schema(
    [
        ("id", pa.string()),
        ("headline", pa.string()),
        ("first_published", pa.date32()),
        ("last_published", pa.date32()),
        ("article_ids", pa.list_(pa.string())),
        ("weak_article_ids", pa.list_(pa.string())),
        ("quotes", pa.string()),
        ("timeline", pa.string()),
        ("entities", pa.string()),
        ("coverage", pa.string()),
    ]
)
SUMMARIES = pa.schema(
    [
        ("story_id", pa.string()),
        ("position", pa.int32()),
        ("text", pa.string()),
        ("article_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("cited_article_ids", pa.list_(pa.string())),
        ("cited_outlets", pa.list_(pa.string())),
    ]
)


def _json(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False)


class ParquetOutput:
    """``add_articles`` / ``add_stories`` as batches arrive, then ``close``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create the Parquet folder: {exc.strerror or exc}", source=str(folder)) from None
        self._writers: dict[str, pq.ParquetWriter] = {}

    def _write(self, name: str, schema: pa.Schema, rows: dict[str, list[Any]]) -> None:
        if name not in self._writers:
            self._writers[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", schema)
        self._writers[name].write_table(pa.Table.from_pydict(rows, schema=schema))

    def add_articles(self, articles: Iterable[Article]) -> None:
        rows: dict[str, list[Any]] = {name: [] for name in ARTICLES.names}
        for a in articles:
            rows["id"].append(a.id)
            rows["url"].append(a.url)
            rows["outlet"].append(a.outlet)
            rows["title"].append(a.title)
            rows["text"].append(a.text)
            rows["published"].append(a.published)
            rows["language"].append(a.language)
            rows["removed"].append([{"text": r.text, "reason": r.reason, "line": r.line} for r in a.removed])
            rows["subheadings"].append(list(a.subheadings))
            rows["metadata"].append(_json(article_metadata(a)))
        if rows["id"]:
            self._write("articles", ARTICLES, rows)

    def add_stories(self, stories: Iterable[Story]) -> None:
        rows: dict[str, list[Any]] = {name: [] for name in STORIES.names}
        sentences: dict[str, list[Any]] = {name: [] for name in SUMMARIES.names}
        for s in stories:
            rows["id"].append(s.id)
            rows["headline"].append(s.headline)
            rows["first_published"].append(s.first_published)
            rows["last_published"].append(s.last_published)
            rows["article_ids"].append(list(s.article_ids))
            rows["weak_article_ids"].append(list(s.weak_article_ids))
            rows["quotes"].append(_json(s.quotes))
            rows["timeline"].append(_json(s.timeline))
            rows["entities"].append(_json(s.entities))
            rows["coverage"].append(_json(s.coverage))
            for position, sentence in enumerate(s.summary):
                sentences["story_id"].append(s.id)
                sentences["position"].append(position)
                sentences["text"].append(sentence.text)
                sentences["article_id"].append(sentence.article_id)
                sentences["sentence_index"].append(sentence.sentence_index)
                sentences["cited_article_ids"].append([c.article_id for c in sentence.citations])
                sentences["cited_outlets"].append([c.outlet for c in sentence.citations])
        if rows["id"]:
            self._write("stories", STORIES, rows)
        if sentences["story_id"]:
            self._write("summaries", SUMMARIES, sentences)

    def close(self) -> None:
        # Every file exists afterwards, empty when there was nothing to write.
        for name, schema in (("articles", ARTICLES), ("stories", STORIES), ("summaries", SUMMARIES)):
            if name not in self._writers:
                self._writers[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", schema)
        for writer in self._writers.values():
            writer.close()
        self._writers = {}

    def __enter__(self) -> ParquetOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class StoredArticles(Protocol):
    """What ``write_store`` reads: a ``Store``, or an ``Engine`` (which answers the same queries)."""

    def article_ids(self) -> list[str]: ...

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]: ...

    def stories(self) -> list[Story]: ...


def write_store(engine_store: StoredArticles, folder: str | Path, *, batch: int = 500) -> None:
    """Write what a store (or an engine) holds (articles in store order, then stories) as Parquet."""
    with ParquetOutput(folder) as out:
        ids = engine_store.article_ids()
        for start in range(0, len(ids), batch):
            out.add_articles(engine_store.articles(ids[start : start + batch]))
        out.add_stories(engine_store.stories())
