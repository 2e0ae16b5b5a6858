"""Reading: turn files, folders and stdin into raw ``Article`` objects (noise still in).

Each reader yields ``Article`` objects, or an ``InputError`` value for an item it cannot use,
so one bad file or line never stops a batch. Cleaning is the next stage's job.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import EmptyInputError, FormatError, InputError, InputTooLargeError
from .models import Article

TEXT_SUFFIXES = {".txt", ".text"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES

ReadItem = Article | InputError

_TEXT_FIELDS = ("text", "body", "content")
_TITLE_FIELDS = ("title", "headline")
_OUTLET_FIELDS = ("outlet", "source", "publisher", "site")
_DATE_FIELDS = ("published", "date", "published_at", "pubdate")
_KNOWN_FIELDS = {"id", "url", "language", "lang", *_TEXT_FIELDS, *_TITLE_FIELDS, *_OUTLET_FIELDS, *_DATE_FIELDS}


def read_paths(paths: Iterable[str], *, max_bytes: int = 5_000_000) -> Iterator[ReadItem]:
    """Every article under the given files, folders (recursive) and ``-`` (stdin)."""
    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin.read(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not files:
                yield EmptyInputError("folder holds no .txt, .json or .jsonl files", source=str(path))
            for file in files:
                yield from read_file(file, max_bytes=max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield InputError("no such file or folder", source=str(path))


def read_file(path: Path, *, max_bytes: int = 5_000_000) -> Iterator[ReadItem]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputTooLargeError(f"file is {size} bytes, over the {max_bytes}-byte limit", source=source)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror}", source=source)
        return
    try:
        text = decode(data, source)
    except InputError as exc:
        yield exc
        return
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from read_json_text(text, source)
    else:
        try:
            yield parse_text_article(text, article_id=path.stem, source=source)
        except InputError as exc:
            yield exc


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise EmptyInputError("file is empty", source=source)
    if b"\x00" in data[:4096]:
        raise FormatError("file looks binary (NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text (bad byte at offset {exc.start})", source=source) from None


def _read_stream(text: str, source: str) -> Iterator[ReadItem]:
    stripped = text.lstrip()
    if stripped.startswith("{") or stripped.startswith("["):
        yield from read_json_text(text, source)
    elif not stripped:
        yield EmptyInputError("no input", source=source)
    else:
        try:
            yield parse_text_article(text, article_id="stdin", source=source)
        except InputError as exc:
            yield exc


def parse_text_article(text: str, *, article_id: str, source: str) -> Article:
    """A plain-text article: the first non-empty line is the headline, the rest the body.

    Whether the first line really is a headline (and not a byline or a dateline paragraph)
    is decided by the cleaner, which sees ``metadata["first_line_is_title"]``.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise EmptyInputError("file is empty", source=source)
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip("\n")
    return Article(
        id=article_id,
        title=title,
        text=body,
        metadata={"source_path": source, "first_line_is_title": True},
    )


def read_json_text(text: str, source: str) -> Iterator[ReadItem]:
    """A JSON object, a JSON array of objects, or JSON Lines."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield FormatError(f"invalid JSON: {exc.msg}", source=source, line=exc.lineno)
            return
        for n, item in enumerate(items, 1):
            yield _article_or_error(item, source, n, f"{Path(source).stem}-{n}")
        return
    if stripped.startswith("{") and "\n" in stripped:
        try:  # a single pretty-printed object
            yield _article_or_error(json.loads(stripped), source, None, Path(source).stem)
            return
        except json.JSONDecodeError:
            pass  # not one object: read as JSON Lines
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield FormatError(f"invalid JSON: {exc.msg}", source=source, line=lineno)
            continue
        yield _article_or_error(item, source, lineno, f"{Path(source).stem}-{lineno}")


def _article_or_error(item: Any, source: str, line: int | None, fallback_id: str) -> ReadItem:
    try:
        return article_from_mapping(item, source=source, line=line, fallback_id=fallback_id)
    except InputError as exc:
        return exc


def article_from_mapping(item: Any, *, source: str, line: int | None = None, fallback_id: str = "article") -> Article:
    """An ``Article`` from a JSON object with title, text/body/content, url, outlet, published."""
    if not isinstance(item, dict):
        raise FormatError(f"expected a JSON object, got {type(item).__name__}", source=source, line=line)
    text = _first(item, _TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise EmptyInputError("no article text (field text, body or content)", source=source, line=line)
    title = _first(item, _TITLE_FIELDS) or ""
    if not isinstance(title, str):
        raise FormatError("field 'title' is not a string", source=source, line=line)
    raw_id = item.get("id", fallback_id)
    if not isinstance(raw_id, (str, int)) or str(raw_id).strip() == "":
        raise FormatError("field 'id' is not a string or number", source=source, line=line)
    published = _first(item, _DATE_FIELDS)
    url = item.get("url")
    outlet = _first(item, _OUTLET_FIELDS)
    language = item.get("language") or item.get("lang")
    metadata = {k: v for k, v in item.items() if k not in _KNOWN_FIELDS}
    metadata["source_path"] = source if line is None else f"{source}:{line}"
    return Article(
        id=str(raw_id),
        title=title.strip(),
        text=text.strip("\n"),
        url=url if isinstance(url, str) and url else None,
        outlet=outlet if isinstance(outlet, str) and outlet else None,
        published=parse_published(published, source=source, line=line),
        language=language if isinstance(language, str) and language else None,
        metadata=metadata,
    )


def _first(item: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if item.get(name) not in (None, ""):
            return item[name]
    return None


def parse_published(value: Any, *, source: str = "", line: int | None = None) -> date | None:
    """An ISO date or datetime string (or None) as a date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise FormatError(f"field 'published' is not a date string: {value!r}", source=source, line=line)
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise FormatError(f"field 'published' is not an ISO date: {value!r}", source=source, line=line) from None
