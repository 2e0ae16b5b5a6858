"""Input as a stream of partitions for the workers, in the order the local engine reads it.

The driver lists folders and walks JSON Lines files line by line (never a whole file in
memory) and hands on small partitions: whole files and line runs that a worker reads with
the reading stage, and items the driver had to read itself (stdin, URLs) or errors it found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, InputTooLargeError
from ..models import Article
from ..reading import STREAMED_SUFFIXES, Reader, walk
from ..reading.json import starts_with_object_line
from .portable import PortableError


@dataclass(frozen=True)
class FileSlice:
    """A whole input file, read on a worker by the local engine's reader."""

    path: str


@dataclass(frozen=True)
class LineSlice:
    """Consecutive lines of a JSON Lines file (raw bytes), parsed on a worker."""

    source: str
    first_line: int
    data: bytes


@dataclass(frozen=True)
class ReadSlice:
    """Items the driver read itself (stdin, URLs) or input errors it found while listing."""

    items: tuple[Article | PortableError, ...]


Slice = FileSlice | LineSlice | ReadSlice
Partition = tuple[Slice, ...]


class PartitionStream:
    """Cuts inputs into partitions of ``size`` articles (files count one); memory stays one partition.

    Runs of lines and driver-read items are cut to fill the partition being built (``_room``),
    so partitions come out even and the workers' last tasks end together.
    """

    def __init__(self, *, size: int = 256, max_bytes: int = 5_000_000, http_timeout: float = 10.0) -> None:
        if size < 1:
            raise ValueError("partition size must be at least 1")
        self.size = size
        self.max_bytes = max_bytes
        self.http_timeout = http_timeout
        self._room = size

    def partitions(self, paths: Iterable[str]) -> Iterator[Partition]:
        pending: list[Slice] = []
        weight = 0
        self._room = self.size
        for piece, piece_weight in self._slices(paths):
            pending.append(piece)
            weight += piece_weight
            if weight >= self.size:
                yield tuple(pending)
                pending, weight = [], 0
            self._room = self.size - weight
        if pending:
            yield tuple(pending)

    def _slices(self, paths: Iterable[str]) -> Iterator[tuple[Slice, int]]:
        for raw in paths:
            if raw == "-" or raw.lower().startswith(("http://", "https://")):
                yield from self._read_here(raw)
                continue
            for found in walk(Path(raw)):
                if isinstance(found, InputError):
                    yield _failed(found), 1
                elif _streamable(found, self.max_bytes):
                    yield from self._lines(found)
                else:
                    yield FileSlice(str(found)), 1

    def _read_here(self, raw: str) -> Iterator[tuple[Slice, int]]:
        """Stdin and URLs are read by the driver (one stream, one HTTP client) and cleaned on workers."""
        batch: list[Article | PortableError] = []
        with Reader(max_bytes=self.max_bytes, http_timeout=self.http_timeout) as reader:
            for item in reader.read([raw]):
                batch.append(PortableError.of(item) if isinstance(item, InputError) else item)
                if len(batch) >= self._room:
                    yield ReadSlice(tuple(batch)), len(batch)
                    batch = []
        if batch:
            yield ReadSlice(tuple(batch)), len(batch)

    def _lines(self, path: Path) -> Iterator[tuple[Slice, int]]:
        source = str(path)
        chunk: list[bytes] = []
        first = 1
        try:
            with path.open("rb") as handle:
                for lineno, raw in enumerate(handle, 1):
                    if len(raw) > self.max_bytes:
                        message = f"line is {len(raw)} bytes, over the {self.max_bytes}-byte limit"
                        yield _failed(InputTooLargeError(message, source=source, line=lineno)), 1
                        raw = b"\n"  # keep the line count; the line itself is skipped
                    if not chunk:
                        first = lineno
                    chunk.append(raw)
                    if len(chunk) >= self._room:
                        yield LineSlice(source, first, b"".join(chunk)), len(chunk)
                        chunk = []
        except OSError as exc:
            yield _failed(InputError(f"cannot read file: {exc.strerror or exc}", source=source)), 1
        if chunk:
            yield LineSlice(source, first, b"".join(chunk)), len(chunk)


def _streamable(path: Path, max_bytes: int) -> bool:
    """A JSON Lines file the reader would stream (an unprintable name goes whole, to be refused)."""
    return (
        path.name.isprintable()
        and path.suffix.lower() in STREAMED_SUFFIXES
        and starts_with_object_line(path, max_bytes)
    )


def _failed(error: InputError) -> ReadSlice:
    return ReadSlice((PortableError.of(error),))
