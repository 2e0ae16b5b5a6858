"""Story cards: what the story list shows of a story (headline, dates, size, lead sentence, when
it last changed), read from the stories table's columns and one JSON path, so that a page of the
list decodes no story's full JSON (a summarized story's is 5-30 kB: its quotes, timeline and
entities)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

# The columns a card is read from, in the order of ``StoryCard.from_row``; ``s`` is the stories
# table. The counts are those the store keeps for ranking (``story_log``), equal to the story's
# outlets, media groups and articles.
CARD_COLUMNS = (
    "s.id, s.headline, s.first_published, s.last_published, s.outlets, s.media_groups, s.articles,"
    " s.changed_at, json_extract(s.data, '$.summary[0].text')"
)


@dataclass(frozen=True)
class StoryCard:
    """One story as the list shows it."""

    id: str
    headline: str
    first_published: date | None
    last_published: date | None
    outlets: int  # distinct outlets
    media_groups: int  # owners of those outlets (an outlet of no known group counts alone)
    articles: int
    changed_at: str | None  # the story's last change (ISO time), None before its first
    lead: str | None  # the first summary sentence, None for a story not summarized

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> StoryCard:
        first, last = row[2], row[3]
        return cls(
            id=row[0],
            headline=row[1],
            first_published=date.fromisoformat(first) if first else None,
            last_published=date.fromisoformat(last) if last else None,
            outlets=int(row[4]),
            media_groups=int(row[5]),
            articles=int(row[6]),
            changed_at=row[7],
            lead=row[8],
        )
