"""The engine's read queries for the daily tool, the story list and the command line: change
logs, thread links, the stories naming an entity, follows and the digest, story cards, and the
stored articles' ids and count.

``Engine`` inherits them, so the views (web, CLI) ask the engine and never reach into its store.
``follow`` and ``unfollow`` write the follows table, which no pipeline step reads or writes.
"""

from __future__ import annotations

from collections.abc import Iterable

from .cards import StoryCard
from .changes import Change
from .following import DigestEntry, Follow, add_follow, digest, follows, remove_follow
from .models import Article
from .storing import Store, StoryFilter


class DailyQueries:
    """Queries over what the store keeps beside the stories (a mixin of ``Engine``)."""

    store: Store

    def changes(self, story_id: str | None = None, since: str | None = None) -> list[Change]:
        """The change log of one story (or of all), oldest first, saved after ``since`` if given."""
        return self.store.changes(story_id, since)

    def thread_links(self) -> dict[str, tuple[str, float, tuple[str, ...]]]:
        """Every story's previous story in its thread: id -> (previous id, score, shared entity ids)."""
        return self.store.thread_links()

    def entity_stories(self, entity_id: str) -> list[tuple[str, str, str, int]]:
        """The stories naming a person, organisation or place, as (story id, name there, kind,
        mentions), by story id."""
        return self.store.story_entities(entity_id)

    def follows(self) -> list[Follow]:
        """The followed searches, oldest first."""
        return follows(self.store)

    def follow(self, query: str, outlet: str = "", min_outlets: int = 0) -> Follow:
        """Follow a search of the story list; the same search twice is kept once."""
        return add_follow(self.store, query, outlet, min_outlets)

    def unfollow(self, follow_id: int) -> None:
        """Stop following a search (NotFoundError for an unknown id)."""
        remove_follow(self.store, follow_id)

    def digest(self, since: str) -> list[DigestEntry]:
        """For each follow, the stories it finds that changed after ``since``, with those changes."""
        return digest(self.store, since)

    def find_story_cards(
        self,
        query: str = "",
        filters: StoryFilter | None = None,
        *,
        limit: int = 50,
        offset: int = 0,
        order: str | None = None,
    ) -> tuple[list[StoryCard], int]:
        """``find_stories`` as the story list shows them (headline, dates, size, lead sentence),
        without decoding each story's full JSON; and how many match."""
        return self.store.find_story_cards(query, filters, limit=limit, offset=offset, order=order)

    def count_articles(self) -> int:
        return self.store.count_articles()

    def article_ids(self) -> list[str]:
        """The ids of the stored articles, in store order."""
        return self.store.article_ids()

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The stored articles with these ids (all of them without ``ids``)."""
        return self.store.articles(ids)
