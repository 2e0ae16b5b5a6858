"""Views of the daily tool: what is big (list ordering), what changed in a story, the people,
organisations and places across stories, story threads, and follows.

Like ``views.py``, each function returns plain JSON values that a page's JSON twin sends as is
and a template lays out. Changes, the entity index and thread links are computed by the store
when stories are saved (``ringkas.story_log``); these views only read them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

from .. import ranking
from ..cards import StoryCard
from ..changes import Change, parse_since
from ..engine import Engine
from ..errors import FormatError, NotFoundError
from ..following import Follow
from ..models import Story
from ..story_log import now
from ..threads import entity_id, entity_keys, thread_ids

ORDER_LABELS = {"coverage": "order_coverage", "newest": "order_newest", "relevance": "order_relevance"}


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def entity_href(key: str) -> str:
    return "/entities/" + quote(key, safe="")


def thread_href(story_id: str) -> str:
    return "/threads/" + quote(story_id, safe="")


# -- the story list -------------------------------------------------------------------------


def order_links(current: Mapping[str, str], order: str) -> list[dict[str, Any]]:
    """The list's two orders (and best match during a search) as links keeping the other parameters."""
    names = ["coverage", "newest"] + (["relevance"] if current.get("q") else [])
    links = []
    for name in names:
        params = {k: v for k, v in current.items() if k != "order"}
        if name != "relevance":
            params["order"] = name
        links.append(
            {"order": name, "label": ORDER_LABELS[name], "href": "/?" + urlencode(params), "current": name == order}
        )
    return links


def list_feed_href(query: str, outlet: str | None, min_outlets: int) -> str:
    """The Atom feed of a story list search: the same ``q``, ``outlet`` and ``min_outlets``."""
    params = {
        k: v for k, v in (("q", query.strip()), ("outlet", outlet or ""), ("min_outlets", str(min_outlets or "")))
    }
    query_string = urlencode({k: v for k, v in params.items() if v})
    return "/feeds/stories.atom" + ("?" + query_string if query_string else "")


def card_fields(card: StoryCard, newest: date | None) -> dict[str, Any]:
    """What the list shows of a story's size: outlets, media groups, score, when it last changed."""
    weight = ranking.coverage_weight(card.outlets, card.media_groups, card.articles)
    return {
        "outlet_count": card.outlets,
        "media_groups": card.media_groups,
        "score": float(f"{ranking.decayed_score(weight, card.last_published, newest):.4g}"),
        "changed_at": card.changed_at,
        "thread_href": None,
    }


# -- what changed -------------------------------------------------------------------------


def since_param(value: str | None) -> str | None:
    return parse_since(value) if value and value.strip() else None


def change_dict(change: Change) -> dict[str, Any]:
    return {
        "at": change.at,
        "kind": change.kind,
        "text": change.text,
        "previous": change.previous,
        "article_id": change.article_id,
    }


def story_changes(engine: Engine, story_id: str, since: str | None = None) -> dict[str, Any]:
    """``GET /api/stories/{id}/changes``: the story's change log, oldest first, after ``since``."""
    engine.story(story_id)  # 404 for an unknown story
    moment = since_param(since)
    changes = engine.changes(story_id, moment)
    return {"story_id": story_id, "since": moment, "now": now(), "changes": [change_dict(c) for c in changes]}


def _part_times(story: Story, log: Sequence[Change]) -> dict[str, dict[str, str]]:
    """When each part of the story appeared: summary sentences, quotes, timeline entries, articles."""
    opened = next((c.at for c in log if c.kind == "story_opened"), log[0].at if log else "")
    times: dict[str, dict[str, str]] = {"summary": {}, "quote": {}, "timeline": {}, "article": {}}
    for c in log:
        if c.kind in ("summary_added", "summary_replaced"):
            times["summary"][c.text] = c.at
        elif c.kind == "quote_added":
            times["quote"][c.text] = c.at
        elif c.kind == "timeline_added":
            times["timeline"][c.text] = c.at
        elif c.kind == "article_joined" and c.article_id:
            times["article"][c.article_id] = c.at
    out: dict[str, dict[str, str]] = {key: {} for key in times}
    for s in story.summary:
        out["summary"][s.text] = times["summary"].get(s.text, opened)
    for q in story.quotes:
        out["quote"][q.text] = times["quote"].get(f"{q.speaker}: {q.text}", opened)
    for t in story.timeline:
        out["timeline"][t.text] = times["timeline"].get(f"{t.date}: {t.text}", opened)
    for a in story.article_ids:
        out["article"][a] = times["article"].get(a, opened)
    return out


def story_extras(engine: Engine, story: Story, since: str | None) -> dict[str, Any]:
    """What the story page adds for the daily tool: the change log (what is new since ``since``),
    when each part appeared, links to the people, organisations and places, and the thread."""
    moment = since_param(since)
    log = engine.changes(story.id)
    times = _part_times(story, log)
    new = [c for c in log if moment is None or c.at > moment] if moment else []
    links = engine.thread_links()
    following = sorted((s for s, (p, _score, _shared) in links.items() if p == story.id), key=lambda s: s)
    previous = links.get(story.id)
    return {
        "now": now(),
        "since": moment,
        "changed_at": log[-1].at if log else None,
        "changes": [change_dict(c) for c in reversed(log)],
        "new_changes": len(new),
        "times": times,
        "entity_links": {e.name: entity_href(entity_id(e.name)) for e in story.entities},
        "thread": {
            "href": thread_href(story.id) if previous or following else None,
            "previous": _story_link(engine, previous[0]) if previous else None,
            "next": [_story_link(engine, s) for s in following],
        },
        "feed_href": f"/feeds/stories/{quote(story.id, safe='')}.atom",
    }


def _story_link(engine: Engine, story_id: str) -> dict[str, Any] | None:
    try:
        story = engine.story(story_id)
    except NotFoundError:
        return None
    return {
        "id": story.id,
        "headline": story.headline,
        "href": story_href(story.id),
        "first_published": story.first_published.isoformat() if story.first_published else None,
        "last_published": story.last_published.isoformat() if story.last_published else None,
    }


# -- people, organisations and places across stories ----------------------------------------


def entity_page(engine: Engine, key: str) -> dict[str, Any]:
    """One person, organisation or place: names merged across stories, roles, stories over time, quotes."""
    rows = engine.entity_stories(key)
    if not rows:
        raise NotFoundError(f"no person, organisation or place with id {key!r}")
    names: dict[str, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    roles: list[str] = []
    stories, quotes = [], []
    for story_id, _name, kind, mentions in rows:
        story = engine.story(story_id)
        entity = next((e for e in story.entities if key in entity_keys(e)), None)
        if entity is None:
            continue
        kinds[kind] += mentions
        for name in (entity.name, *entity.aliases):
            names[name] += mentions if name == entity.name else 0
        if entity.role and entity.role not in roles:
            roles.append(entity.role)
        said = {entity.name, *entity.aliases}
        for q in story.quotes:
            if q.speaker in said:
                quotes.append(
                    {
                        "text": q.text,
                        "direct": q.direct,
                        "role": q.role,
                        "story_id": story.id,
                        "href": f"/articles/{quote(q.article_id, safe='')}?hl={q.sentence_index}#s{q.sentence_index}"
                        if q.sentence_index >= 0
                        else f"/articles/{quote(q.article_id, safe='')}",
                    }
                )
        link = _story_link(engine, story.id) or {}
        stories.append(link | {"mentions": mentions, "name_here": entity.name, "role_here": entity.role})
    if not stories:
        raise NotFoundError(f"no person, organisation or place with id {key!r}")
    stories.sort(key=lambda s: (s.get("first_published") or "9999", s["id"]))
    name = max(names, key=lambda n: (names[n], len(n)))
    return {
        "id": key,
        "name": name,
        "kind": max(kinds, key=lambda k: kinds[k]),
        "aliases": sorted(n for n in names if n != name),
        "roles": roles,
        "stories": stories,
        "quotes": quotes,
        "href": entity_href(key),
        "feed_href": f"/feeds/entities/{quote(key, safe='')}.atom",
    }


# -- threads ----------------------------------------------------------------------------------


def thread_page(engine: Engine, story_id: str) -> dict[str, Any]:
    """A story's thread: its stories in order and one timeline across them."""
    engine.story(story_id)
    links = engine.thread_links()
    previous = {s: p for s, (p, _score, _shared) in links.items()}
    following: dict[str, list[str]] = defaultdict(list)
    for s, p in sorted(previous.items()):
        following[p].append(s)
    members = []
    for member in thread_ids(story_id, previous, following):
        try:
            members.append(engine.story(member))
        except NotFoundError:
            continue
    members.sort(key=lambda s: (s.first_published or date.max, s.id))
    timeline = []
    for story in members:
        if story.first_published:
            timeline.append(
                {
                    "date": story.first_published.isoformat(),
                    "text": story.headline,
                    "story_id": story.id,
                    "href": story_href(story.id),
                    "opens": True,
                }
            )
        for t in story.timeline:
            timeline.append(
                {"date": t.date, "text": t.text, "story_id": story.id, "href": story_href(story.id), "opens": False}
            )
    timeline.sort(key=lambda t: (t["date"], not t["opens"]))
    return {
        "story_id": story_id,
        "href": thread_href(story_id),
        "stories": [
            (_story_link(engine, s.id) or {})
            | {
                "articles": len(s.article_ids),
                "shared": list(links[s.id][2]) if s.id in links else [],
                "previous_id": previous.get(s.id),
            }
            for s in members
        ],
        "timeline": timeline,
    }


# -- follows ------------------------------------------------------------------------------------


def follow_dict(follow: Follow) -> dict[str, Any]:
    params = {
        k: v
        for k, v in (
            ("q", follow.query),
            ("outlet", follow.outlet),
            ("min_outlets", str(follow.min_outlets) if follow.min_outlets else ""),
        )
        if v
    }
    query = urlencode(params)
    return {
        "id": follow.id,
        "query": follow.query,
        "outlet": follow.outlet or None,
        "min_outlets": follow.min_outlets or None,
        "created_at": follow.created_at,
        "href": "/?" + query,
        "feed_href": "/feeds/stories.atom?" + query,
    }


def follows_page(engine: Engine) -> dict[str, Any]:
    return {"follows": [follow_dict(f) for f in engine.follows()]}


def follow_search(engine: Engine, query: str, outlet: str = "", min_outlets: str = "") -> dict[str, Any]:
    if not query.strip() and not outlet.strip():
        raise FormatError("a follow needs a search ('q') or an outlet")
    follow = engine.follow(query, outlet, ranking.min_outlets_param(min_outlets))
    return follow_dict(follow)


def unfollow(engine: Engine, follow_id: str) -> dict[str, Any]:
    try:
        number = int(follow_id)
    except ValueError:
        raise FormatError(f"follow id is not a number: {follow_id[:40]!r}") from None
    engine.unfollow(number)
    return {"removed": number}
