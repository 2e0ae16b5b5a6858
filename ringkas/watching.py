"""Watching: keep ingesting as files appear in folders and entries appear in feeds.

A ``Watcher`` polls its sources at an interval: folders (and files) for article files that
are new or changed since the last poll, feed URLs (RSS/Atom, read by ``ringkas.reading``) for
their current entries, which the store keeps once each. What it reads goes to the engine's
``Engine.add``: each new article joins a story or opens one, and changed stories are summarized
again. ``ringkas watch`` is a thin loop around it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Engine
from .errors import ConfigError, InputError
from .models import Article, Story
from .reading import SUPPORTED_SUFFIXES, Reader
from .reading.web import is_url

# A file changed less than this many seconds ago may still be being written: the next poll reads it.
SETTLE_SECONDS = 1.0


@dataclass
class PollReport:
    """One poll: what was read and stored, what could not be used, and the stories it changed."""

    poll: int
    read: int = 0
    stored: int = 0
    updated: int = 0
    duplicates: int = 0
    skipped: list[InputError] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


class Watcher:
    """Polls folders, files and feed URLs and feeds what is new to ``engine.add``."""

    def __init__(
        self,
        engine: Engine,
        sources: Sequence[str],
        *,
        interval: float = 60.0,
        settle: float = SETTLE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not sources:
            raise ConfigError("watch needs at least one folder, file or feed URL")
        if interval <= 0:
            raise ConfigError(f"the poll interval must be positive, got {interval:g} seconds")
        for source in sources:
            if not is_url(source) and not Path(source).exists():
                raise InputError("no such file or folder (and not an http(s) URL)", source=source)
        self.engine = engine
        self.sources = list(sources)
        self.interval = interval
        self.settle = settle
        self.clock = clock
        self.polls = 0
        self._seen: dict[Path, tuple[int, int]] = {}  # file -> (mtime_ns, size) when last read

    def changed_files(self, source: Path) -> Iterator[Path]:
        """Article files under ``source`` that are new or changed since they were last read."""
        if source.is_file():
            files = [source]
        else:
            files = sorted(
                p
                for p in source.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(source).parts)
                and p.is_file()
            )
        now = self.clock()
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue  # removed between the listing and now
            signature = (stat.st_mtime_ns, stat.st_size)
            if self._seen.get(path) == signature or now - stat.st_mtime < self.settle:
                continue
            self._seen[path] = signature
            yield path

    def poll(self) -> PollReport:
        """Read every source once and add what is new."""
        self.polls += 1
        items: list[Article | InputError] = []
        settings = self.engine.settings
        with Reader(max_bytes=settings["max_file_bytes"], http_timeout=settings["http_timeout"]) as reader:
            for source in self.sources:
                if is_url(source):
                    items.extend(reader.read_url(source))
                else:
                    for path in self.changed_files(Path(source)):
                        items.extend(reader.read_file(path))
        report = PollReport(self.polls)
        if not items:
            return report
        result = self.engine.add(items)
        report.read = result.ingest.read
        report.stored = result.ingest.stored
        report.updated = result.ingest.updated
        report.duplicates = result.ingest.duplicates
        report.skipped = list(result.ingest.skipped)
        report.stories = result.stories
        report.removed = result.removed
        return report

    def run(
        self,
        *,
        polls: int | None = None,
        on_poll: Callable[[PollReport], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Poll until interrupted (or ``polls`` times), sleeping ``interval`` seconds between polls."""
        done = 0
        while True:
            report = self.poll()
            if on_poll is not None:
                on_poll(report)
            done += 1
            if polls is not None and done >= polls:
                return
            sleep(self.interval)
