"""Following: saved searches ("follows") kept in the store, and the digest of what changed in
the stories they find, for a daily e-mail (Markdown or HTML).

A follow is the story list's search and filters (``q``, ``outlet``, ``min_outlets``); its feed
is ``/feeds/stories.atom`` with the same parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .changes import Change
from .errors import ConfigError, NotFoundError
from .models import Story
from .storing import StoryFilter
from .story_log import now

if TYPE_CHECKING:
    from .storing import Store

DIGEST_FORMATS = ("markdown", "html")
# Stories a follow contributes to one digest at most (the most recently changed first).
DIGEST_STORIES = 20


@dataclass(frozen=True)
class Follow:
    id: int
    query: str
    outlet: str = ""
    min_outlets: int = 0
    created_at: str = ""

    @property
    def filters(self) -> StoryFilter:
        return StoryFilter(outlet=self.outlet or None, min_outlets=self.min_outlets)

    @property
    def label(self) -> str:
        parts = [f"“{self.query}”"] if self.query else []
        if self.outlet:
            parts.append(f"outlet {self.outlet}")
        if self.min_outlets:
            parts.append(f">= {self.min_outlets} outlets")
        return ", ".join(parts)


def add_follow(store: Store, query: str, outlet: str = "", min_outlets: int = 0) -> Follow:
    """Save a search (the same search twice is kept once) and return it."""
    query, outlet = " ".join(query.split()), outlet.strip()
    with store.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO follows (query, outlet, min_outlets, created_at) VALUES (?,?,?,?)",
            (query, outlet, min_outlets, now()),
        )
        row = db.execute(
            "SELECT id, query, outlet, min_outlets, created_at FROM follows"
            " WHERE query = ? AND outlet = ? AND min_outlets = ?",
            (query, outlet, min_outlets),
        ).fetchone()
    return Follow(*row)


def follows(store: Store) -> list[Follow]:
    with store.transaction() as db:
        rows = db.execute("SELECT id, query, outlet, min_outlets, created_at FROM follows ORDER BY id").fetchall()
    return [Follow(*r) for r in rows]


def remove_follow(store: Store, follow_id: int) -> None:
    with store.transaction() as db:
        if db.execute("DELETE FROM follows WHERE id = ?", (follow_id,)).rowcount == 0:
            raise NotFoundError(f"no follow with id {follow_id}")


@dataclass(frozen=True)
class DigestEntry:
    follow: Follow
    stories: tuple[tuple[Story, tuple[Change, ...]], ...]


def digest(store: Store, since: str) -> list[DigestEntry]:
    """For each follow, the stories it finds that changed after ``since``, with those changes."""
    out = []
    for follow in follows(store):
        found, _total = store.find_stories(follow.query, follow.filters, limit=DIGEST_STORIES, order="updated")
        stories = []
        for story in found:
            changes = store.changes(story.id, since)
            if changes:
                stories.append((story, tuple(changes)))
        out.append(DigestEntry(follow, tuple(stories)))
    return out


def render_digest(entries: list[DigestEntry], since: str, fmt: str, base_url: str = "") -> str:
    """The digest as Markdown or a standalone HTML page (templates ``digest.md`` / ``digest.html``)."""
    if fmt not in DIGEST_FORMATS:
        raise ConfigError(f"unknown digest format {fmt!r} (use {' or '.join(DIGEST_FORMATS)})")
    env = Environment(
        loader=PackageLoader("ringkas", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    name = "digest.md" if fmt == "markdown" else "digest.html"
    data: dict[str, Any] = {"since": since, "generated": now(), "entries": entries, "base": base_url.rstrip("/")}
    return env.get_template(name).render(**data)
