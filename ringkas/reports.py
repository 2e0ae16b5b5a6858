"""Reports: what an ingest or an ``Engine.add`` did, as typed records the CLI, the web and the
watcher print or send on (counts, where each article landed, the stories written)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .models import Story


@dataclass
class IngestReport:
    """Counts of one ingest: what was read, stored, already there, and what was skipped why."""

    read: int = 0
    stored: int = 0
    updated: int = 0
    duplicates: int = 0
    near_duplicates: int = 0  # stored, and marked as a copy of an earlier article (Article.duplicate_of)
    skipped: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Placement:
    """Where one arriving article landed: stored (or updated, or already there) and in which story.

    ``stored_as`` is the id the store keeps it under: its own, or for an article already stored
    (same URL or content) the id of that stored copy."""

    article_id: str
    title: str
    status: str  # "stored" | "updated" | "duplicate"
    stored_as: str
    story_id: str | None


@dataclass
class AddReport:
    """What one ``Engine.add`` did: the ingest counts, each usable article's placement (in the
    order given), the stories written (summarized again) and the story ids merged away."""

    ingest: IngestReport = field(default_factory=IngestReport)
    placed: list[Placement] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def story_ids(self) -> list[str]:
        """The stories the added articles are in, each once, in the order of the articles."""
        seen: list[str] = []
        for placement in self.placed:
            if placement.story_id is not None and placement.story_id not in seen:
                seen.append(placement.story_id)
        return seen


# The name online mode's report had before ``Engine.add`` became the one way in.
OnlineReport = AddReport
