"""Reading: turn files, folders, stdin and URLs into raw ``Article`` objects (noise still in).

One module per format: ``text`` (.txt), ``json`` (.json/.jsonl), ``html`` (pages, via
trafilatura), ``feeds`` (RSS/Atom, via feedparser) and ``web`` (http(s) URLs, via httpx).
A ``Reader`` yields ``Article`` objects, or an ``InputError`` value for each item it cannot
use, so one bad file, line or entry never stops a batch. Cleaning is the next stage's job.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import EmptyInputError, InputError, InputTooLargeError
from ..models import Article
from .feeds import looks_like_feed, read_feed
from .html import read_html
from .json import article_from_mapping, parse_published, read_json_lines, read_json_text, starts_with_object_line
from .text import decode, parse_text_article, split_lines
from .web import Fetcher, is_url, url_article_id

__all__ = [
    "FEED_SUFFIXES",
    "HTML_SUFFIXES",
    "JSON_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "ReadItem",
    "Reader",
    "article_from_mapping",
    "decode",
    "parse_published",
    "parse_text_article",
    "read_feed",
    "read_html",
    "read_json_text",
    "read_paths",
    "sniff_format",
    "split_lines",
]

ReadItem = Article | InputError

FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
SUPPORTED_SUFFIXES = frozenset(FORMATS_BY_SUFFIX)
# JSON Lines files are read a line at a time: ``max_bytes`` limits each line, not the file.
STREAMED_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_CHUNK_BYTES = 1 << 20
TEXT_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "text")
JSON_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "json")
HTML_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "html")
FEED_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "feed")
_FORMATS_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "json",
    "application/jsonl": "json",
    "text/plain": "text",
}


def sniff_format(data: bytes) -> str:
    """The format of a document from its first bytes: feed, html, json or text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if looks_like_feed(head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<article", b"<div", b"<p>")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


class Reader:
    """Reads a batch of inputs with one size limit and (for URLs) one HTTP client."""

    def __init__(self, *, max_bytes: int = 5_000_000, http_timeout: float = 10.0, stdin: BinaryIO | None = None):
        self.max_bytes = max_bytes
        self.http_timeout = http_timeout
        self._stdin = stdin
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def read(self, paths: Iterable[str]) -> Iterator[ReadItem]:
        """Every article under the given files, folders (recursive), URLs and ``-`` (stdin)."""
        for raw in paths:
            if raw == "-":
                yield from self.read_stdin()
            elif is_url(raw):
                yield from self.read_url(raw)
            else:
                yield from self.read_path(Path(raw))

    def read_path(self, path: Path) -> Iterator[ReadItem]:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES and not _hidden(p.relative_to(path)) and p.is_file()
            )
            if not files:
                kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
                yield EmptyInputError(f"folder holds no article files ({kinds})", source=str(path))
            for file in files:
                yield from self.read_file(file)
        elif path.is_file():
            yield from self.read_file(path)
        elif path.exists():
            yield InputError("not a regular file or folder", source=str(path))
        else:
            yield InputError("no such file or folder", source=str(path))

    def read_file(self, path: Path) -> Iterator[ReadItem]:
        source = str(path)
        if path.suffix.lower() in STREAMED_SUFFIXES and starts_with_object_line(path, self.max_bytes):
            yield from read_json_lines(self._lines(path), source)
            return
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                yield InputTooLargeError(f"file is {size} bytes, over the {self.max_bytes}-byte limit", source=source)
                return
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(f"cannot read file: {exc.strerror or exc}", source=source)
            return
        fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower()) or sniff_format(data)
        yield from self.read_bytes(data, source=source, fmt=fmt, article_id=path.stem)

    def _lines(self, path: Path) -> Iterator[tuple[int, bytes] | InputError]:
        """The numbered lines of a file, one in memory at a time; a line over ``max_bytes`` is an error."""
        source = str(path)
        try:
            with path.open("rb") as handle:
                lineno = 0
                while raw := handle.readline(self.max_bytes + 1):
                    lineno += 1
                    if len(raw) <= self.max_bytes or raw.endswith(b"\n"):
                        yield lineno, raw
                        continue
                    size = len(raw)  # too long: skip to the end of the line without keeping it
                    while more := handle.readline(_CHUNK_BYTES):
                        size += len(more)
                        if more.endswith(b"\n"):
                            break
                    message = f"line is {size} bytes, over the {self.max_bytes}-byte limit"
                    yield InputTooLargeError(message, source=source, line=lineno)
        except OSError as exc:
            yield InputError(f"cannot read file: {exc.strerror or exc}", source=source)

    def read_stdin(self) -> Iterator[ReadItem]:
        stream = self._stdin or getattr(sys.stdin, "buffer", None)
        try:
            if stream is not None:
                data = stream.read(self.max_bytes + 1)
            else:  # a text-only stdin (some embedding hosts)
                data = sys.stdin.read(self.max_bytes + 1).encode("utf-8", "surrogateescape")
        except (OSError, ValueError) as exc:
            yield InputError(f"cannot read standard input: {exc}", source="<stdin>")
            return
        if len(data) > self.max_bytes:
            yield InputTooLargeError(f"input is over the {self.max_bytes}-byte limit", source="<stdin>")
            return
        yield from self.read_bytes(data, source="<stdin>", fmt=sniff_format(data), article_id="stdin")

    def read_url(self, url: str) -> Iterator[ReadItem]:
        if self._fetcher is None:
            self._fetcher = Fetcher(timeout=self.http_timeout, max_bytes=self.max_bytes)
        try:
            fetched = self._fetcher.fetch(url)
        except InputError as exc:
            yield exc
            return
        fmt = _FORMATS_BY_MEDIA_TYPE.get(fetched.content_type)
        sniffed = sniff_format(fetched.data)
        if fmt is None or (fmt in ("html", "text") and sniffed == "feed"):
            fmt = sniffed  # feeds are often served as text/html or text/xml
        yield from self.read_bytes(fetched.data, source=url, fmt=fmt, article_id=url_article_id(fetched.url), url=url)

    def read_bytes(
        self, data: bytes, *, source: str, fmt: str, article_id: str, url: str | None = None
    ) -> Iterator[ReadItem]:
        """Articles from one document's bytes in a known format (text, json, html or feed)."""
        if fmt == "feed":
            if not data.strip():
                yield EmptyInputError("file is empty", source=source)
                return
            yield from read_feed(data, source=source)
            return
        try:
            text = decode(data, source)
        except InputError as exc:
            yield exc
            return
        try:
            if fmt == "json":
                yield from read_json_text(text, source)
            elif fmt == "html":
                article = read_html(text, article_id=article_id, source=source, url=url)
                yield article
            else:
                article = parse_text_article(text, article_id=article_id, source=source)
                yield article if url is None else _with_url(article, url)
        except InputError as exc:
            yield exc


def _with_url(article: Article, url: str) -> Article:
    return replace(article, url=url)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_paths(paths: Iterable[str], *, max_bytes: int = 5_000_000, http_timeout: float = 10.0) -> Iterator[ReadItem]:
    """Every article under the given files, folders, URLs and ``-`` (stdin), or an error each."""
    with Reader(max_bytes=max_bytes, http_timeout=http_timeout) as reader:
        yield from reader.read(paths)
