"""Uploads: what the web hands to the pipeline, read in memory and checked against limits.

Uploaded files, pasted text and JSON request bodies become raw ``Article`` objects (or an
``InputError`` per unusable item) through the reading stage's parsers. A file name only picks
the parser and labels errors: nothing a user sends is ever used as a path.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from ..errors import EmptyInputError, FormatError, InputError, InputTooLargeError
from ..models import Article
from ..reading import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    Reader,
    article_from_mapping,
    parse_published,
    parse_text_article,
    sniff_format,
)


@dataclass(frozen=True)
class Limits:
    """How much one request may carry."""

    max_body_bytes: int = 20_000_000
    max_files: int = 100  # files per upload, and articles per JSON request
    max_file_bytes: int = 5_000_000
    suffixes: tuple[str, ...] = tuple(sorted(SUPPORTED_SUFFIXES))


def upload_label(filename: str | None, n: int) -> str:
    """A file name fit to show in messages: the last path part, printable, not too long."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable())[:120]
    return name or f"upload {n}"


def read_upload(filename: str | None, data: bytes, limits: Limits, n: int = 1) -> list[Article | InputError]:
    """The articles of one uploaded file (or why it cannot be used)."""
    label = upload_label(filename, n)
    if len(data) > limits.max_file_bytes:
        too_large = f"file is {len(data)} bytes, over the {limits.max_file_bytes}-byte limit"
        return [InputTooLargeError(too_large, source=label)]
    suffix = PurePosixPath(label).suffix.lower()
    if suffix not in limits.suffixes:
        shown = suffix or "no extension"
        return [FormatError(f"unsupported file type ({shown}); use {', '.join(limits.suffixes)}", source=label)]
    fmt = _format_of(suffix, data)
    # Reading bytes of a known format parses them; it never fetches anything.
    with Reader(max_bytes=limits.max_file_bytes) as reader:
        return list(reader.read_bytes(data, source=label, fmt=fmt, article_id=PurePosixPath(label).stem))


def _format_of(suffix: str, data: bytes) -> str:
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return sniff_format(data)


def read_pasted(text: str, *, outlet: str = "", published: str = "", url: str = "") -> Article:
    """A pasted article (headline on the first line); its id is derived from its content."""
    source = "pasted text"
    if not text.strip():
        raise EmptyInputError("the pasted text is empty", source=source)
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]
    article = parse_text_article(text, article_id=f"paste-{digest}", source=source)
    return replace(
        article,
        outlet=outlet.strip() or None,
        published=parse_published(published.strip() or None, source=source),
        url=url.strip() or None,
    )


def read_json_body(body: bytes, limits: Limits) -> list[Article | InputError]:
    """The articles of a ``POST /api/articles`` body: one object, a list, or ``{"articles": [...]}``."""
    source = "request body"
    if not body.strip():
        raise EmptyInputError("the request body is empty; send a JSON object or a list of them", source=source)
    try:
        data: Any = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 (bad byte at offset {exc.start})", source=source) from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source, line=exc.lineno) from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items: Iterable[Any] = data if isinstance(data, list) else [data]
    items = list(items)
    if not items:
        raise EmptyInputError("the list of articles is empty", source=source)
    if len(items) > limits.max_files:
        raise InputTooLargeError(f"{len(items)} articles in one request, over the limit of {limits.max_files}")
    out: list[Article | InputError] = []
    for n, item in enumerate(items):
        try:
            out.append(article_from_mapping(item, source=f"articles[{n}]", fallback_id=_fallback_id(item)))
        except InputError as exc:
            out.append(exc)
    return out


def _fallback_id(item: Any) -> str:
    """An id for an article sent without one: stable for the same content."""
    text = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return "api-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
