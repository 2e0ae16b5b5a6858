"""Evaluation files (the JSONL format of ``../shared/data/README.md``): one cluster of articles
a line, read into clean articles the way the engine reads any input, bad lines named.

A line may instead name its articles, ``{"event": ..., "article_ids": [...]}`` (the events format
of ``../shared/data/realworld/events_dev.jsonl``): the articles then come from a JSONL file of
articles given beside it (``ArticleIndex``), so one stream can carry several annotated windows."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FormatError, InputError
from ..models import Article
from ..reading import article_from_mapping, load_json

if TYPE_CHECKING:
    from ..engine import Engine


def set_lines(path: str | Path, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """(line number, line) of each non-blank line, the first ``limit`` of them when given."""
    source = str(path)
    try:
        handle = open(path, encoding="utf-8", newline="\n")  # noqa: SIM115 - closed below, read lazily
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    with handle:
        count = 0
        try:
            # newline="\n": a line ends at "\n" only (U+2028 may stand inside JSON strings)
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                if limit is not None and count >= limit:
                    return
                yield lineno, line
                count += 1
        except UnicodeDecodeError as exc:
            raise FormatError(f"not UTF-8 text: {exc.reason}", source=source) from None


ArticleIndex = Mapping[str, Any]  # article id -> its raw JSON object


def article_index(path: str | Path) -> dict[str, Any]:
    """The articles of a JSONL file by id, for events files that name their articles."""
    source = str(path)
    index: dict[str, Any] = {}
    for lineno, line in set_lines(path):
        item = load_json(line, source=source, line=lineno)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise FormatError("expected an article object with a string 'id'", source=source, line=lineno)
        if item["id"] in index:
            raise FormatError(f"id {item['id']!r} appears twice", source=source, line=lineno)
        index[item["id"]] = item
    return index


def parse_line(
    line: str, source: str, lineno: int | None, articles_by_id: ArticleIndex | None = None
) -> tuple[dict[str, Any], list[Any]]:
    """A line's object and its ``articles`` (each given the line's ``language`` unless it has its own).

    A line with ``article_ids`` instead takes them from ``articles_by_id``; its ``event`` names it."""
    item = load_json(line, source=source, line=lineno)
    if not isinstance(item, dict):
        raise FormatError("expected a JSON object", source=source, line=lineno)
    if "article_ids" in item and "articles" not in item:
        return item, _named_articles(item, source, lineno, articles_by_id)
    articles = item.get("articles")
    if not isinstance(articles, list) or not articles:
        raise FormatError("field 'articles' is missing or not a non-empty list", source=source, line=lineno)
    language = item.get("language")
    if isinstance(language, str):
        articles = [{**a, "language": language} if isinstance(a, dict) and "language" not in a else a for a in articles]
    return item, articles


def _named_articles(item: dict[str, Any], source: str, lineno: int | None, index: ArticleIndex | None) -> list[Any]:
    ids = item["article_ids"]
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise FormatError("field 'article_ids' is not a non-empty list of strings", source=source, line=lineno)
    if index is None:
        message = "the line names its articles ('article_ids'): give the articles file"
        raise FormatError(message, source=source, line=lineno)
    missing = [i for i in ids if i not in index]
    if missing:
        raise FormatError(f"article id {missing[0]!r} is not in the articles file", source=source, line=lineno)
    return [index[i] for i in ids]


def clean_article(engine: Engine, raw: Any, n: int, *, source: str, lineno: int | None, fallback_id: str) -> Article:
    """Article ``n`` of a line, read and cleaned as the engine would; errors name the line and article."""
    try:
        article = article_from_mapping(raw, source=source, line=lineno, fallback_id=fallback_id)
    except InputError as exc:
        raise type(exc)(f"article {n}: {exc.message}", source=source, line=lineno) from None
    cleaned = engine.clean(article)
    if isinstance(cleaned, InputError):
        raise type(cleaned)(f"article {n}: {cleaned.message}", source=source, line=lineno)
    return cleaned
