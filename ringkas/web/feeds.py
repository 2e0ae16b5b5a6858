"""Feeds: Atom 1.0 documents (RFC 4287) that any feed reader can follow, built with
``xml.etree.ElementTree`` from the stories, their change logs and the entity index.

- ``stories_feed``: one entry per story (the story list's filters), ``updated`` = the story's
  last change, so a reader sees a story again when it changes;
- ``story_feed``: one entry per save that changed a story, listing what changed;
- ``entity_feed``: one entry per story naming a person, organisation or place.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import groupby

from .. import __version__
from ..changes import Change
from ..models import Story

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
# Entries per feed: the most recently changed first.
FEED_ENTRIES = 50
ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class FeedMeta:
    """A feed's identity: its own URL (``self`` link and id), the page it mirrors, its title."""

    self_url: str
    page_url: str
    title: str


def _tag(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(name), attrs)
    if text is not None:
        element.text = text
    return element


def _time(value: str | None, fallback: date | None = None) -> str:
    """An RFC 3339 time: a stored ISO time as is, else the date at midnight UTC, else the epoch."""
    if value:
        return value
    if fallback is not None:
        return datetime.combine(fallback, datetime.min.time(), UTC).isoformat()
    return "1970-01-01T00:00:00+00:00"


def _feed(meta: FeedMeta, updated: str) -> ET.Element:
    feed = ET.Element(_tag("feed"))
    _sub(feed, "id", meta.self_url)
    _sub(feed, "title", meta.title)
    _sub(feed, "updated", updated)
    _sub(feed, "link", rel="self", href=meta.self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=meta.page_url, type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "ringkas")
    _sub(feed, "generator", "ringkas", version=__version__)
    return feed


def _story_entry(feed: ET.Element, story: Story, base: str, updated: str, extra: str = "") -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "id", f"{base}/stories/{story.id}")
    _sub(entry, "title", story.headline or story.id)
    _sub(entry, "updated", updated)
    if story.first_published:
        _sub(entry, "published", _time(None, story.first_published))
    _sub(entry, "link", rel="alternate", href=f"{base}/stories/{story.id}", type="text/html")
    outlets = sorted({c.outlet for c in story.coverage})
    lines = [s.text for s in story.summary]
    meta = f"{len(story.article_ids)} articles, {len(outlets)} outlets: {', '.join(outlets)}"
    _sub(entry, "summary", "\n".join([*([extra] if extra else []), *lines, meta]), type="text")


def _serialize(feed: ET.Element) -> bytes:
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def stories_feed(meta: FeedMeta, stories: Sequence[Story], changed: Mapping[str, str | None], base: str) -> bytes:
    """The story list as a feed; ``changed`` gives each story's last change time."""
    times = {s.id: _time(changed.get(s.id), s.last_published) for s in stories}
    ordered = sorted(stories, key=lambda s: (times[s.id], s.id), reverse=True)[:FEED_ENTRIES]
    feed = _feed(meta, max(times.values(), default=_time(None)))
    for story in ordered:
        _story_entry(feed, story, base, times[story.id])
    return _serialize(feed)


def story_feed(meta: FeedMeta, story: Story, changes: Sequence[Change], base: str, labels: Mapping[str, str]) -> bytes:
    """A story's change log as a feed: one entry per save that changed it, newest first."""
    saves = [(at, list(group)) for at, group in groupby(changes, key=lambda c: c.at)]
    saves.sort(key=lambda item: item[0], reverse=True)
    feed = _feed(meta, saves[0][0] if saves else _time(None, story.last_published))
    for at, group in saves[:FEED_ENTRIES]:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"{base}/stories/{story.id}#changes-{at}")
        kinds = sorted({labels.get(c.kind, c.kind) for c in group})
        _sub(entry, "title", f"{story.headline}: {', '.join(kinds)}")
        _sub(entry, "updated", at)
        _sub(entry, "link", rel="alternate", href=f"{base}/stories/{story.id}?since={at}", type="text/html")
        lines = [f"{labels.get(c.kind, c.kind)}: {c.text}" for c in group]
        _sub(entry, "summary", "\n".join(lines), type="text")
    return _serialize(feed)


def entity_feed(meta: FeedMeta, stories: Sequence[Story], changed: Mapping[str, str | None], base: str) -> bytes:
    """The stories naming a person, organisation or place, most recently changed first."""
    return stories_feed(meta, stories, changed, base)
