"""Evaluation files (the JSONL format of ``../shared/data/README.md``): one cluster of articles
a line, read into clean articles the way the engine reads any input, bad lines named."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..errors import FormatError, InputError
from ..models import Article
from ..reading import article_from_mapping

if TYPE_CHECKING:
    from ..engine import Engine


def parse_line(line: str, source: str, lineno: int | None) -> tuple[dict[str, Any], list[Any]]:
    """A line's object and its ``articles`` (each given the line's ``language`` unless it has its own)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON: {exc.msg}", source=source, line=lineno) from None
    if not isinstance(item, dict):
        raise FormatError("expected a JSON object", source=source, line=lineno)
    articles = item.get("articles")
    if not isinstance(articles, list) or not articles:
        raise FormatError("field 'articles' is missing or not a non-empty list", source=source, line=lineno)
    language = item.get("language")
    if isinstance(language, str):
        articles = [{**a, "language": language} if isinstance(a, dict) and "language" not in a else a for a in articles]
    return item, articles


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
