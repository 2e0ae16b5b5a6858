"""Reading: turn files, folders, stdin and URLs into raw ``Article`` objects (noise still in).

One module per format: ``text`` (.txt), ``json`` (.json/.jsonl and request bodies), ``html``
(pages, via trafilatura), ``feeds`` (RSS/Atom, via feedparser) and ``web`` (http(s) URLs, via
httpx); ``formats`` picks the parser, ``folders`` walks folders, ``limits`` bounds JSON depth,
numbers and error lists. A ``Reader`` yields ``Article`` objects, or an ``InputError`` value for
each item it cannot use, so one bad file, line or entry never stops a batch. This package is
the only input parser: the local engine, Dask workers, web uploads and evaluation sets read
through it. Cleaning is the next stage's job.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import EmptyInputError, InputError, InputTooLargeError
from ..models import Article
from .feeds import read_feed
from .folders import walk
from .formats import (
    FEED_SUFFIXES,
    FORMATS_BY_MEDIA_TYPE,
    FORMATS_BY_SUFFIX,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    STREAMED_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    format_of,
    sniff_format,
)
from .html import read_html
from .json import (
    article_from_mapping,
    json_line_article,
    parse_published,
    read_json_body,
    read_json_lines,
    read_json_text,
    starts_with_object_line,
)
from .limits import MAX_DEPTH, capped, error_lines, load_json, printable
from .text import decode, parse_text_article, split_lines
from .web import Fetcher, is_url, url_article_id

__all__ = [
    "FEED_SUFFIXES",
    "FORMATS_BY_SUFFIX",
    "HTML_SUFFIXES",
    "JSON_SUFFIXES",
    "MAX_DEPTH",
    "STREAMED_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "ReadItem",
    "Reader",
    "article_from_mapping",
    "capped",
    "decode",
    "error_lines",
    "format_of",
    "json_line_article",
    "load_json",
    "parse_published",
    "parse_text_article",
    "printable",
    "read_feed",
    "read_html",
    "read_json_body",
    "read_json_lines",
    "read_json_text",
    "read_paths",
    "sniff_format",
    "split_lines",
    "walk",
]

ReadItem = Article | InputError
_CHUNK_BYTES = 1 << 20


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
        """Every article of a file, or of the files under a folder (each skipped entry named)."""
        for found in walk(path):
            if isinstance(found, InputError):
                yield found
            else:
                yield from self.read_file(found)

    def read_file(self, path: Path) -> Iterator[ReadItem]:
        source = str(path)
        if not path.name.isprintable():  # its name would be shown escaped, its stem become an id
            yield InputError("file name holds a control character; rename the file", source=source)
            return
        if path.suffix.lower() in STREAMED_SUFFIXES and starts_with_object_line(path, self.max_bytes):
            yield from capped(read_json_lines(self._lines(path), source))
            return
        try:
            with path.open("rb") as handle:  # read at most the limit, whatever the size claims
                data = handle.read(self.max_bytes + 1)
        except OSError as exc:
            yield InputError(f"cannot read file: {exc.strerror or exc}", source=source)
            return
        if len(data) > self.max_bytes:
            size = _size(path, len(data))
            yield InputTooLargeError(f"file is {size} bytes, over the {self.max_bytes}-byte limit", source=source)
            return
        fmt = format_of(path.suffix.lower(), data)
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
        fmt = FORMATS_BY_MEDIA_TYPE.get(fetched.content_type)
        sniffed = sniff_format(fetched.data)
        if fmt is None or (fmt in ("html", "text") and sniffed == "feed"):
            fmt = sniffed  # feeds are often served as text/html or text/xml
        yield from self.read_bytes(fetched.data, source=url, fmt=fmt, article_id=url_article_id(fetched.url), url=url)

    def read_bytes(
        self, data: bytes, *, source: str, fmt: str, article_id: str, url: str | None = None
    ) -> Iterator[ReadItem]:
        """Articles from one document's bytes in a known format (text, json, html or feed); at
        most ``limits.MAX_ERRORS_PER_SOURCE`` errors, then one that counts the rest."""
        return capped(self._read_bytes(data, source=source, fmt=fmt, article_id=article_id, url=url))

    def _read_bytes(
        self, data: bytes, *, source: str, fmt: str, article_id: str, url: str | None
    ) -> Iterator[ReadItem]:
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


def _size(path: Path, at_least: int) -> int:
    try:
        return max(path.stat().st_size, at_least)
    except OSError:
        return at_least


def read_paths(paths: Iterable[str], *, max_bytes: int = 5_000_000, http_timeout: float = 10.0) -> Iterator[ReadItem]:
    """Every article under the given files, folders, URLs and ``-`` (stdin), or an error each."""
    with Reader(max_bytes=max_bytes, http_timeout=http_timeout) as reader:
        yield from reader.read(paths)
