"""JSON articles: one object, an array of objects, JSON Lines (one object a line) or a request body.

Known fields (title, text/body/content, url, outlet/source, published/date, language) fill
the ``Article``; every other field is kept in ``metadata``. A bad line is an error naming it.
Every JSON value is parsed by ``limits.load_json`` (depth and non-finite numbers refused), so
files, Dask workers, web uploads, request bodies and evaluation sets share one parser and
one set of error texts.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..errors import (
    EmptyInputError,
    FormatError,
    InputError,
    InputTooLargeError,
    NestingTooDeepError,
    NonFiniteNumberError,
)
from ..models import Article
from .limits import load_json
from .text import decode

ReadItem = Article | InputError

TEXT_FIELDS = ("text", "body", "content", "article", "isi")
TITLE_FIELDS = ("title", "headline", "judul")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "site_name", "media")
DATE_FIELDS = ("published", "date", "published_at", "pubdate", "datetime")
URL_FIELDS = ("url", "link")
LANGUAGE_FIELDS = ("language", "lang")
KNOWN_FIELDS = {"id", *TEXT_FIELDS, *TITLE_FIELDS, *OUTLET_FIELDS, *DATE_FIELDS, *URL_FIELDS, *LANGUAGE_FIELDS}

_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov"),
            ("desember", "december", "des", "dec"),
        ),
        1,
    )
    for name in names
}
_DMY_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_DMY_WORDS = re.compile(r"^(?:\w+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\b")


def read_json_text(text: str, source: str) -> Iterator[ReadItem]:
    """Articles from a JSON object, a JSON array of objects, or JSON Lines."""
    stem = Path(source).stem or "stdin"
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = load_json(stripped, source=source)
        except InputError as exc:
            yield exc
            return
        if not isinstance(items, list):
            yield FormatError("expected a JSON array of objects", source=source)
            return
        for n, item in enumerate(items, 1):
            yield _article_or_error(item, source, None, f"{stem}-{n}", where=f"item {n}: ")
        return
    if stripped.startswith("{") and "\n" in stripped:
        try:  # a single pretty-printed object
            item = load_json(stripped, source=source)
        except (NestingTooDeepError, NonFiniteNumberError) as exc:
            yield exc  # one object, refused as a whole
            return
        except InputError:
            pass  # not one object: read as JSON Lines
        else:
            yield _article_or_error(item, source, None, stem)
            return
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield json_line_article(line, source, lineno, f"{stem}-{lineno}")


def read_json_lines(lines: Iterable[tuple[int, bytes] | InputError], source: str) -> Iterator[ReadItem]:
    """Articles from numbered raw lines of a JSON Lines file, each decoded and parsed on its own
    (errors met while reading the lines pass through)."""
    stem = Path(source).stem or "stdin"
    for numbered in lines:
        if isinstance(numbered, InputError):
            yield numbered
            continue
        lineno, raw = numbered
        raw = raw.rstrip(b"\r\n")  # a column in an error counts from the line's start
        if not raw.strip():
            continue
        try:
            text = decode(raw, source)
        except InputError as exc:
            yield type(exc)(exc.message, source=source, line=lineno)
            continue
        yield json_line_article(text, source, lineno, f"{stem}-{lineno}")


def json_line_article(line: str, source: str, lineno: int, fallback_id: str) -> ReadItem:
    """The article of one JSON line (an object), or the error saying why it is none."""
    try:
        item = load_json(line, source=source, line=lineno)
    except InputError as exc:
        return exc
    return _article_or_error(item, source, lineno, fallback_id)


def read_json_body(body: bytes, *, source: str, max_items: int) -> list[ReadItem]:
    """The articles of a JSON request body: one object, a list, or ``{"articles": [...]}``.

    Raises when the body as a whole cannot be used (empty, invalid JSON, over ``max_items``);
    an unusable item is an error in the list, named ``articles[n]``. An article sent without
    an id gets one derived from its content.
    """
    if not body.strip():
        raise EmptyInputError("the request body is empty; send a JSON object or a list of them", source=source)
    data: Any = load_json(body, source=source)
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items: list[Any] = data if isinstance(data, list) else [data]
    if not items:
        raise EmptyInputError("the list of articles is empty", source=source)
    if len(items) > max_items:
        raise InputTooLargeError(f"{len(items)} articles in one request, over the limit of {max_items}", source=source)
    out: list[ReadItem] = []
    for n, item in enumerate(items):
        try:
            out.append(article_from_mapping(item, source=f"articles[{n}]", fallback_id=content_id(item)))
        except InputError as exc:
            out.append(exc)
    return out


def content_id(item: Any) -> str:
    """An id for an article sent without one: stable for the same content."""
    text = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return "api-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def starts_with_object_line(path: Path, max_bytes: int) -> bool:
    """Whether a file's first non-blank line is one whole JSON object (so it is JSON Lines).

    Anything else (an array, a pretty-printed object, UTF-16, a line over the limit) is read
    whole, under the file size limit, by the reader that explains what is wrong with it.
    """
    try:
        with path.open("rb") as handle:
            while raw := handle.readline(max_bytes + 1):
                if len(raw) > max_bytes or raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    return False
                if raw.strip():
                    item = load_json(raw, source=str(path))
                    return isinstance(item, dict)
    except (OSError, InputError):
        return False
    return False


def _article_or_error(item: Any, source: str, line: int | None, fallback_id: str, where: str = "") -> ReadItem:
    try:
        return article_from_mapping(item, source=source, line=line, fallback_id=fallback_id)
    except InputError as exc:
        if where:
            exc = type(exc)(where + exc.message, source=exc.source, line=exc.line)
        return exc


def article_from_mapping(item: Any, *, source: str, line: int | None = None, fallback_id: str = "article") -> Article:
    """An ``Article`` from a JSON object with title, text/body/content, url, outlet, published."""
    if not isinstance(item, dict):
        raise FormatError(f"expected a JSON object, got {_json_type(item)}", source=source, line=line)
    name, text = _first(item, TEXT_FIELDS)
    if isinstance(text, list) and all(isinstance(p, str) for p in text):
        text = "\n".join(text)  # a list of paragraphs
    if text is None:
        raise EmptyInputError("no article text (field text, body or content)", source=source, line=line)
    if not isinstance(text, str):
        raise FormatError(f"field {name!r} is {_json_type(text)}, not a string", source=source, line=line)
    if not text.strip():
        raise EmptyInputError(f"field {name!r} is empty", source=source, line=line)
    title = _string_field(item, TITLE_FIELDS, source, line) or ""
    raw_id = item.get("id", fallback_id)
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or str(raw_id).strip() == "":
        raise FormatError(f"field 'id' is {_json_type(raw_id)}, not a string or number", source=source, line=line)
    if not str(raw_id).strip().isprintable():  # a newline or ESC in an id would forge lines where it is shown
        raise FormatError(f"field 'id' holds a control character: {str(raw_id)[:40]!r}", source=source, line=line)
    date_name, published = _first(item, DATE_FIELDS)
    _, outlet = _first(item, OUTLET_FIELDS)
    if isinstance(outlet, dict):  # {"source": {"name": "Kompas", ...}}
        outlet = outlet.get("name") or outlet.get("title")
    metadata = {k: v for k, v in item.items() if k not in KNOWN_FIELDS}
    metadata["source_path"] = source if line is None else f"{source}:{line}"
    return Article(
        id=str(raw_id).strip(),
        title=title.strip(),
        text=text.strip("\n"),
        url=_string_field(item, URL_FIELDS, source, line),
        outlet=outlet.strip() if isinstance(outlet, str) and outlet.strip() else None,
        published=parse_published(published, source=source, line=line, field=date_name or "published"),
        language=_string_field(item, LANGUAGE_FIELDS, source, line),
        metadata=metadata,
    )


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _first(item: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if item.get(name) not in (None, ""):
            return name, item[name]
    return None, None


def _string_field(item: dict[str, Any], names: tuple[str, ...], source: str, line: int | None) -> str | None:
    name, value = _first(item, names)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FormatError(f"field {name!r} is {_json_type(value)}, not a string", source=source, line=line)
    return value.strip() or None


def parse_published(value: Any, *, source: str = "", line: int | None = None, field: str = "published") -> date | None:
    """A publication date from ISO, RFC 2822, "30/05/2018", "30 Mei 2018" or a Unix time."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds are common in exports
        if 0 < seconds < 4e9:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        raise FormatError(f"field {field!r} is not a plausible Unix time: {value!r}", source=source, line=line)
    if not isinstance(value, str):
        raise FormatError(f"field {field!r} is {_json_type(value)}, not a date", source=source, line=line)
    found = parse_date_text(value)
    if found is None:
        raise FormatError(f"field {field!r} is not a date: {value[:40]!r}", source=source, line=line)
    return found


def parse_date_text(value: str) -> date | None:
    """The date in a date string of a common format, or None."""
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    numeric = _DMY_NUMERIC.match(text)
    words = _DMY_WORDS.match(text)
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
    elif words and words.group(2).lower() in _MONTHS:
        day, month, year = int(words.group(1)), _MONTHS[words.group(2).lower()], int(words.group(3))
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
