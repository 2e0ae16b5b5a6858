"""Exporting: stories and articles as JSON (the stable format documented in the README),
Markdown or a standalone HTML page."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ._version import __version__
from .changes import Change
from .errors import ConfigError
from .models import Article, Conflict, Entity, Story
from .serialization import to_jsonable

FORMATS = ("json", "markdown", "html")
_ENTITY_KEYS = {"PERSON": "people", "ORGANISATION": "organisations", "PLACE": "places"}


def entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "aliases": list(entity.aliases),
        "role": entity.role,
        "mentions": entity.mentions,
        "outlets": list(entity.outlets),
    }


def story_dict(story: Story) -> dict[str, Any]:
    """A story in the export format."""
    out: dict[str, Any] = {
        "id": story.id,
        "headline": story.headline,
        "article_ids": list(story.article_ids),
        "weak_article_ids": list(story.weak_article_ids),
        "first_published": to_jsonable(story.first_published),
        "last_published": to_jsonable(story.last_published),
        "summary": [
            {
                "text": s.text,
                "article_id": s.article_id,
                "sentence_index": s.sentence_index,
                "citations": [
                    {"article_id": c.article_id, "outlet": c.outlet, "sentence_index": c.sentence_index}
                    for c in s.citations
                ],
            }
            for s in story.summary
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "role": q.role,
                "text": q.text,
                "article_id": q.article_id,
                "direct": q.direct,
                "confidence": q.confidence,
            }
            for q in story.quotes
        ],
        "timeline": [
            {"date": t.date, "text": t.text, "article_ids": list(t.article_ids), "kind": t.kind, "shown": t.shown}
            for t in story.timeline
        ],
    }
    for key in _ENTITY_KEYS.values():
        out[key] = []
    for entity in story.entities:
        out[_ENTITY_KEYS.get(entity.kind, "organisations")].append(entity_dict(entity))
    outlet_of = {a: c.outlet for c in story.coverage for a in c.article_ids}
    out["coverage"] = [
        {
            "outlet": c.outlet,
            "media_group": c.media_group,
            "article_ids": list(c.article_ids),
            "published": to_jsonable(c.published),
            "facts": list(c.facts),
            "quotes": list(c.quotes),
            "unique": list(c.unique),
            "conflicts": [conflict_dict(x, outlet_of) for x in c.conflicts],
        }
        for c in story.coverage
    ]
    return out


def conflict_dict(conflict: Conflict, outlet_of: dict[str, str]) -> dict[str, Any]:
    """A conflict with the articles and outlets on each side."""
    return {
        "what": conflict.what,
        "values": [
            {
                "value": value,
                "article_ids": list(ids),
                "outlets": sorted({outlet_of.get(a, a) for a in ids}),
            }
            for value, ids in conflict.values
        ],
    }


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "text": article.text,
        "published": to_jsonable(article.published),
        "language": article.language,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "subheadings": list(article.subheadings),
        "metadata": to_jsonable(article_metadata(article)),
    }


def article_metadata(article: Article) -> dict[str, Any]:
    """The article's metadata as exports have always shown it: with ``duplicate_of`` (now a field
    of ``Article``) for a near-copy, before its ``duplicate_similarity``."""
    if article.duplicate_of is None:
        return dict(article.metadata)
    rest = {k: v for k, v in article.metadata.items() if k != "duplicate_of"}
    similarity = {k: rest.pop(k) for k in ("duplicate_similarity",) if k in rest}
    return {**rest, "duplicate_of": article.duplicate_of, **similarity}


def export_data(
    stories: Sequence[Story],
    articles: Sequence[Article],
    changes: Sequence[Change] = (),
    threads: Mapping[str, tuple[str, float, Sequence[str]]] | None = None,
) -> dict[str, Any]:
    threads = threads or {}
    return {
        "ringkas_version": __version__,
        "stories": [story_dict(s) for s in stories],
        "articles": [article_dict(a) for a in articles],
        # The daily tool's records (README, "The daily tool"): the change log, thread links.
        "changes": [vars(c) for c in changes],
        "threads": [
            {"story_id": s, "previous_id": p, "score": score, "shared": list(shared)}
            for s, (p, score, shared) in sorted(threads.items())
        ],
    }


def export(
    stories: Sequence[Story],
    articles: Sequence[Article],
    fmt: str,
    changes: Sequence[Change] = (),
    threads: Mapping[str, tuple[str, float, Sequence[str]]] | None = None,
) -> str:
    """Stories and articles in one of ``FORMATS`` (JSON: the stable format the README documents)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    data = export_data(stories, articles, changes, threads)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    env = Environment(loader=PackageLoader("ringkas", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["media_groups"] = _media_groups
    template = env.get_template("export.html" if fmt == "html" else "export.md")
    return template.render(**data)


def _media_groups(coverage: list[dict[str, Any]]) -> int:
    """How many owners the outlets of an exported story have (an outlet of no known group counts alone)."""
    return len({c.get("media_group") or "outlet:" + str(c.get("outlet")) for c in coverage})
