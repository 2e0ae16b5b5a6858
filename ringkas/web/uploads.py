"""Uploads: what the web hands to the pipeline, read in memory and checked against limits.

Uploaded files, pasted text and JSON request bodies become raw ``Article`` objects (or an
``InputError`` per unusable item) through the reading stage's parsers. A file name only picks
the parser and labels errors: nothing a user sends is ever used as a path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import PurePosixPath

from ..errors import EmptyInputError, FormatError, InputError, InputTooLargeError
from ..models import Article
from ..reading import (
    SUPPORTED_SUFFIXES,
    Reader,
    format_of,
    parse_published,
    parse_text_article,
)
from ..reading import (
    read_json_body as read_json_body_items,
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


def read_upload(
    filename: str | None, data: bytes, limits: Limits, n: int = 1, max_items: int | None = None
) -> list[Article | InputError]:
    """The articles of one uploaded file (or why it cannot be used); more than ``max_items``
    items (articles and errors) in one file is an error for the whole request."""
    label = upload_label(filename, n)
    if len(data) > limits.max_file_bytes:
        too_large = f"file is {len(data)} bytes, over the {limits.max_file_bytes}-byte limit"
        return [InputTooLargeError(too_large, source=label)]
    suffix = PurePosixPath(label).suffix.lower()
    if suffix not in limits.suffixes:
        shown = suffix or "no extension"
        return [FormatError(f"unsupported file type ({shown}); use {', '.join(limits.suffixes)}", source=label)]
    fmt = format_of(suffix, data)
    limit = limits.max_files if max_items is None else max_items
    # Reading bytes of a known format parses them; it never fetches anything.
    with Reader(max_bytes=limits.max_file_bytes) as reader:
        read = reader.read_bytes(data, source=label, fmt=fmt, article_id=PurePosixPath(label).stem)
        items = list(islice(read, limit + 1))
    if len(items) > limit:
        raise InputTooLargeError(f"more than {limits.max_files} articles in one request", source=label)
    return items


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
    return read_json_body_items(body, source="request body", max_items=limits.max_files)
