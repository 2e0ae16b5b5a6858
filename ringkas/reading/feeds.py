"""RSS 2.0 and Atom feeds (feedparser): one ``Article`` per entry.

An entry without text is a ``FormatError`` naming the feed, the entry and, when it can be
found, the line where the entry starts; the other entries are still read.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import EmptyInputError, FormatError, InputError
from ..models import Article
from .html import fragment_lines

ReadItem = Article | InputError

_ENTRY_START = re.compile(rb"<(?:[\w-]+:)?(?:item|entry)[\s>/]")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a document are an RSS, RDF or Atom feed."""
    sample = head[:2048].lower()
    return b"<rss" in sample or b"<rdf:rdf" in sample or bool(re.search(rb"<feed[\s>]", sample))


def read_feed(data: bytes, *, source: str, fallback_outlet: str | None = None) -> Iterator[ReadItem]:
    """Every entry of an RSS or Atom document, as an article or an error naming it."""
    import feedparser  # loaded on the first feed: slow to import, and most inputs are not feeds

    # A stream, never bytes or str: feedparser treats a string as a URL or file name to open.
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser's internals raise whatever malformed bytes make them hit
        yield FormatError(f"not a readable RSS or Atom feed ({_short(f'{type(exc).__name__}: {exc}')})", source=source)
        return
    entries = list(_get(parsed, "entries") or [])
    if not entries:
        problem = _get(parsed, "bozo_exception")
        if _get(parsed, "version"):
            yield EmptyInputError("feed has no entries", source=source)
        else:
            reason = f" ({_short(str(problem))})" if problem else ""
            yield FormatError(f"not a readable RSS or Atom feed{reason}", source=source)
        return
    feed = _get(parsed, "feed") or {}
    outlet = _clean(_get(feed, "title")) or fallback_outlet
    language = _language(_get(feed, "language"))
    lines = _entry_lines(data, len(entries))
    stem = Path(source).stem or "feed"
    for n, entry in enumerate(entries, 1):
        try:
            yield _article(entry, n, source, lines[n - 1], stem, outlet, language)
        except InputError as exc:
            yield exc


def _article(
    entry: Any, n: int, source: str, line: int | None, stem: str, outlet: str | None, language: str | None
) -> Article:
    title = _clean(_get(entry, "title"))
    link = _get(entry, "link") if isinstance(_get(entry, "link"), str) else None
    label = f"entry {n}" + (f" ({_short(title)})" if title else "")
    contents = [_get(c, "value") or "" for c in _get(entry, "content") or [] if isinstance(c, dict)]
    body = max(contents, key=len, default="") or _get(entry, "summary") or _get(entry, "description") or ""
    text = "\n".join(fragment_lines(body)) if isinstance(body, str) else ""
    if not text.strip():
        raise FormatError(f"{label}: no text (description, summary or content)", source=source, line=line)
    if not title and not link:
        raise FormatError(f"{label}: no title and no link", source=source, line=line)
    raw_id = _get(entry, "id") or link
    # Without a guid or link, the entry's content names it: its position changes as the feed moves.
    digest = hashlib.sha1((title + "\n" + text).encode("utf-8")).hexdigest()[:10]
    article_id = str(raw_id).strip() if raw_id else f"{stem}-{digest}"
    if not article_id.isprintable():  # a newline or ESC in an id would forge lines where it is shown
        raise FormatError(f"{label}: its id holds a control character: {article_id[:40]!r}", source=source, line=line)
    source_info = _get(entry, "source")
    entry_outlet = _clean(_get(source_info, "title")) if isinstance(source_info, dict) else ""
    metadata: dict[str, Any] = {"source_path": f"{source} entry {n}"}
    author = _clean(_get(entry, "author"))
    if author:
        metadata["author"] = author
    tags = [_get(t, "term") for t in _get(entry, "tags") or [] if isinstance(t, dict) and _get(t, "term")]
    if tags:
        metadata["tags"] = tags
    return Article(
        id=article_id,
        title=title,
        text=text,
        url=link,
        outlet=entry_outlet or outlet,
        published=_entry_date(entry),
        language=language,
        metadata=metadata,
    )


def _get(mapping: Any, key: str) -> Any:
    """A field as parsed. ``FeedParserDict.get`` maps some missing keys to others with a warning."""
    return dict.get(mapping, key) if isinstance(mapping, dict) else None


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = _get(entry, key)
        if isinstance(value, time.struct_time):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _entry_lines(data: bytes, count: int) -> list[int | None]:
    """The line where each entry starts, when the raw document shows exactly that many."""
    starts = [m.start() for m in _ENTRY_START.finditer(data)]
    if len(starts) != count:
        return [None] * count
    return [data.count(b"\n", 0, start) + 1 for start in starts]


def _clean(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(" ".join(fragment_lines(value)).split()) if "<" in value else " ".join(value.split())


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or not re.match(r"^[A-Za-z]{2}\b", value.strip()):
        return None
    return value.strip()[:2].lower()


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
