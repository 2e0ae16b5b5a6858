"""Views: one function per page that builds the page's data from the engine.

Each returns plain JSON values (strings, numbers, lists, dicts). The JSON twin of a page sends
that data as it is; the HTML page hands it to a template that only lays it out. A view never
re-runs pipeline logic: it reads stories and articles and, for the article page, asks the
engine's analyzer for the sentence spans that citations point at.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from .. import ranking
from ..cards import StoryCard
from ..engine import Engine
from ..errors import EmptyInputError, FormatError, InputError
from ..exporting import article_dict, story_dict
from ..models import Article, Story
from ..quotes import SHOWN_CONFIDENCE
from ..reading import error_lines
from ..stories import media_group_count
from ..storing import HIT_END, HIT_START, StoryFilter
from . import daily
from .uploads import Limits

PAGE_SIZE = 30
# Page numbers past this are read as this one (an empty page): SQLite offsets are 64-bit.
MAX_PAGE = 1_000_000
MAX_QUERY_CHARS = 300
# A chart wider than this many days groups articles by week, so that it stays readable on a phone.
MAX_CHART_DAYS = 31


# -- links ------------------------------------------------------------------------------


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def article_href(article_id: str, sentence_index: int | None = None) -> str:
    """The article page; with a sentence, a link that lands on it highlighted (``?hl=`` for the
    server-side highlight, ``#s<n>`` to scroll there and for ``:target``)."""
    href = "/articles/" + quote(article_id, safe="")
    if sentence_index is not None and sentence_index >= 0:
        href += f"?hl={sentence_index}#s{sentence_index}"
    return href


def safe_url(url: str | None) -> str | None:
    """An article's URL as a link target only when it is http(s): never ``javascript:`` and co."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- the story list -----------------------------------------------------------------------


@dataclass(frozen=True)
class ListParams:
    """The story list's query parameters, as strings straight from the request."""

    q: str = ""
    outlet: str = ""
    language: str = ""
    since: str = ""
    until: str = ""
    page: str = "1"
    order: str = ""
    min_outlets: str = ""


def _date_param(name: str, value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise FormatError(f"query parameter {name!r} is not a date (YYYY-MM-DD): {value[:40]!r}") from None


def _page_param(value: str) -> int:
    try:
        page = int(value or "1")
    except ValueError:
        raise FormatError(f"query parameter 'page' is not a number: {value[:40]!r}") from None
    if page < 1:
        raise FormatError(f"query parameter 'page' must be 1 or more, got {str(page)[:40]}")
    return min(page, MAX_PAGE)


def story_list(engine: Engine, params: ListParams) -> dict[str, Any]:
    """The story list: newest first, or best match first for a search; filters and facets."""
    if len(params.q) > MAX_QUERY_CHARS:
        raise FormatError(f"query parameter 'q' is longer than {MAX_QUERY_CHARS} characters")
    filters = StoryFilter(
        outlet=params.outlet.strip() or None,
        language=params.language.strip() or None,
        since=_date_param("since", params.since),
        until=_date_param("until", params.until),
        min_outlets=ranking.min_outlets_param(params.min_outlets),
    )
    if filters.since and filters.until and filters.since > filters.until:
        raise FormatError("query parameter 'since' is after 'until'")
    page = _page_param(params.page)
    # Biggest first by default; a search keeps best match first unless an order is asked for.
    order = ranking.check_order(params.order) if params.order or not params.q.strip() else None
    stories, total = engine.find_story_cards(
        params.q, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, order=order
    )
    hits = engine.search_articles(params.q, filters) if params.q.strip() else []
    facets = engine.facets()
    outlets = engine.story_outlets(stories)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    current = {k: v for k, v in vars(params).items() if v and k != "page"}

    def page_href(n: int) -> str:
        query = urlencode({**current, "page": n} if n > 1 else current)
        return "/" + ("?" + query if query else "")

    return {
        "query": params.q,
        "order": order or "relevance",
        "orders": daily.order_links(current, order or "relevance"),
        "feed_href": daily.list_feed_href(params.q, filters.outlet, filters.min_outlets),
        "filters": {
            "outlet": filters.outlet,
            "language": filters.language,
            "since": _iso(filters.since),
            "until": _iso(filters.until),
            "min_outlets": filters.min_outlets or None,
        },
        "facets": {
            "outlets": [{"name": o, "articles": n} for o, n in facets.outlets],
            "languages": [{"code": lang, "articles": n} for lang, n in facets.languages],
            "first_published": _iso(facets.first_published),
            "last_published": _iso(facets.last_published),
        },
        "total": total,
        "page": page,
        "pages": pages,
        "previous_href": page_href(page - 1) if page > 1 else None,
        "next_href": page_href(page + 1) if page < pages else None,
        "stories": [_story_card(s, outlets[s.id]) | daily.card_fields(s, facets.last_published) for s in stories],
        "articles": [
            {
                "id": h.article_id,
                "title": h.title,
                "outlet": h.outlet,
                "published": _iso(h.published),
                "href": article_href(h.article_id),
                "story_id": h.story_id,
                "snippet": _snippet_parts(h.snippet),
            }
            for h in hits
        ],
    }


def _story_card(card: StoryCard, outlets: list[str]) -> dict[str, Any]:
    return {
        "id": card.id,
        "headline": card.headline,
        "href": story_href(card.id),
        "first_published": _iso(card.first_published),
        "last_published": _iso(card.last_published),
        "articles": card.articles,
        "outlets": outlets,
        "lead": card.lead,
    }


def _snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """A search snippet as pieces of text, each saying whether it is a matched word."""
    parts = []
    for n, piece in enumerate(snippet.replace(HIT_END, HIT_START).split(HIT_START)):
        if piece:
            parts.append({"text": piece, "match": n % 2 == 1})
    return parts


# -- the story page -------------------------------------------------------------------------


def story_page(engine: Engine, story_id: str, since: str = "") -> dict[str, Any]:
    """A story with its cited summary, facts, coverage, a chart of articles over time, and what
    changed (new since ``since`` marked; see ``daily.story_extras``)."""
    story = engine.story(story_id)
    articles = engine.story_articles(story)
    outlets = {a.id: a.outlet for a in articles}
    labels = {a.id: source_label(a) for a in articles}
    exported = story_dict(story)
    return {
        "story": exported,
        "href": story_href(story.id),
        "summary": [
            {
                "text": s.text,
                "href": article_href(s.article_id, s.sentence_index),
                "citations": [
                    {
                        "article_id": c.article_id,
                        "outlet": c.outlet or outlets.get(c.article_id),
                        "label": c.outlet or labels.get(c.article_id) or c.article_id,
                        "source": c.article_id == s.article_id,
                        "sentence_index": s.sentence_index if c.article_id == s.article_id else c.sentence_index,
                        "href": article_href(
                            c.article_id, s.sentence_index if c.article_id == s.article_id else c.sentence_index
                        ),
                    }
                    for c in s.citations
                ],
            }
            for s in story.summary
        ],
        "timeline": [
            {
                "date": t.date,
                "text": t.text,
                "sources": [_source_link(a, labels) for a in t.article_ids],
                "kind": t.kind,
                "shown": t.shown,
            }
            for t in sorted(story.timeline, key=lambda t: t.date)
        ],
        "people": exported["people"],
        "places": exported["places"],
        "organisations": exported["organisations"],
        "quotes": _quotes_by_speaker(story, labels),
        "coverage": [
            {
                "outlet": c.outlet,
                "media_group": c.media_group,
                "articles": [_source_link(a, labels) for a in c.article_ids],
                "unique": list(c.unique),
                "conflicts": [
                    {
                        "what": x.what,
                        "values": [
                            {"value": value, "sources": [_source_link(a, labels) for a in ids]}
                            for value, ids in x.values
                        ],
                    }
                    for x in c.conflicts
                ],
            }
            for c in story.coverage
        ],
        "media_groups": media_group_count(story.coverage),
        "outlets": sorted({a.outlet for a in articles if a.outlet}),
        "chart": outlet_chart(articles),
        "articles": [
            {
                "id": a.id,
                "title": a.title or a.id,
                "outlet": a.outlet,
                "published": _iso(a.published),
                "href": article_href(a.id),
                "loosely_related": a.id in story.weak_article_ids,
            }
            for a in articles
        ],
    } | daily.story_extras(engine, story, since)


def source_label(article: Article) -> str:
    """How a citation names its article: the outlet, else the start of the headline, else the id."""
    if article.outlet:
        return article.outlet
    title = article.title.strip()
    if title:
        return title if len(title) <= 28 else title[:27].rstrip() + "…"
    return article.id


def _source_link(article_id: str, labels: Mapping[str, str]) -> dict[str, Any]:
    return {"article_id": article_id, "label": labels.get(article_id) or article_id, "href": article_href(article_id)}


def _quotes_by_speaker(story: Story, labels: Mapping[str, str]) -> list[dict[str, Any]]:
    speakers: dict[str, dict[str, Any]] = {}
    for q in story.quotes:
        if q.confidence < SHOWN_CONFIDENCE:
            continue  # an attribution too unsure for the page; the export keeps it with its confidence
        entry = speakers.setdefault(q.speaker, {"speaker": q.speaker, "role": q.role, "quotes": []})
        entry["role"] = entry["role"] or q.role
        entry["quotes"].append(
            {
                "text": q.text,
                "direct": q.direct,
                "article_id": q.article_id,
                "label": labels.get(q.article_id) or q.article_id,
                "href": article_href(q.article_id, q.sentence_index),
            }
        )
    return sorted(speakers.values(), key=lambda e: -len(e["quotes"]))


def outlet_chart(articles: Sequence[Article]) -> dict[str, Any]:
    """Articles per outlet per day (per week when the story spans more than a month)."""
    dated = [a for a in articles if a.published]
    if not dated:
        return {"unit": "day", "columns": [], "rows": [], "max": 0, "undated": len(articles)}
    first = min(a.published for a in dated if a.published)
    last = max(a.published for a in dated if a.published)
    unit = "day" if (last - first).days < MAX_CHART_DAYS else "week"
    step = 1 if unit == "day" else 7
    columns = [first + timedelta(days=d) for d in range(0, (last - first).days + 1, step)]
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    for a in dated:
        assert a.published is not None
        counts[a.outlet or "(tanpa media)"][(a.published - first).days // step] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1].total(), item[0]))
    rows = [
        {"outlet": outlet, "counts": [c[i] for i in range(len(columns))], "total": c.total()} for outlet, c in ordered
    ]
    return {
        "unit": unit,
        "columns": [d.isoformat() for d in columns],
        "rows": rows,
        "max": max(max(c.values()) for c in counts.values()),
        "undated": len(articles) - len(dated),
    }


# -- the article page ---------------------------------------------------------------------


def article_page(engine: Engine, article_id: str, highlight: str | None = None) -> dict[str, Any]:
    """An article's clean text as sentences (``#s<n>`` anchors) and the noise removed from it."""
    article = engine.article(article_id)
    marked = _highlight_param(highlight)
    document = engine.sentences(article)
    story = engine.story_of(article.id)
    return {
        "article": article_dict(article),
        "href": article_href(article.id),
        "url": safe_url(article.url),
        "language": document.article.language,
        "highlight": marked,
        "story": {"id": story.id, "headline": story.headline, "href": story_href(story.id)} if story else None,
        "paragraphs": _paragraphs(article.text, [(s.index, s.start, s.end) for s in document.sentences], marked),
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed],
    }


def _highlight_param(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise FormatError(f"query parameter 'hl' is not a sentence number: {value[:40]!r}") from None


def _paragraphs(text: str, spans: Sequence[tuple[int, int, int]], marked: int | None) -> list[list[dict[str, Any]]]:
    """The text line by line, each line cut into sentence pieces (with their index) and the
    text between them, so that every character of the clean text is shown exactly once."""
    paragraphs = []
    ordered = sorted(spans, key=lambda s: s[1])
    k = 0
    offset = 0
    for line in text.split("\n"):
        end_of_line = offset + len(line)
        pieces: list[dict[str, Any]] = []
        position = offset
        while k < len(ordered) and ordered[k][1] < end_of_line:
            index, start, end = ordered[k]
            start, end = max(start, position), min(end, end_of_line)
            if start > position:
                pieces.append({"text": text[position:start], "sentence": None, "marked": False})
                position = start
            if end > start:
                pieces.append({"text": text[start:end], "sentence": index, "marked": index == marked})
                position = end
            k += 1
        if position < end_of_line:
            pieces.append({"text": text[position:end_of_line], "sentence": None, "marked": False})
        if any(p["text"].strip() for p in pieces):
            paragraphs.append(pieces)
        offset = end_of_line + 1
    return paragraphs


# -- ingest -------------------------------------------------------------------------------


def ingest_form(limits: Limits) -> dict[str, Any]:
    """What the ingest page and ``POST /api/articles`` accept."""
    return {
        "accepts": list(limits.suffixes),
        "max_files": limits.max_files,
        "max_file_bytes": limits.max_file_bytes,
        "max_body_bytes": limits.max_body_bytes,
        "form_fields": {
            "files": "one or more files (.txt: headline on the first line; .json/.jsonl: article objects)",
            "text": "a pasted article: headline on the first line, then the body",
            "outlet": "outlet of the pasted article (optional)",
            "published": "publication date of the pasted article, YYYY-MM-DD (optional)",
            "url": "URL of the pasted article (optional)",
        },
        "json_fields": ["id", "title", "text", "url", "outlet", "published", "language"],
    }


def ingest(engine: Engine, items: Sequence[Article | InputError]) -> dict[str, Any]:
    """Add the readable items (``Engine.add``: only the stories they touch are clustered and
    summarized again) and say where each article landed.

    Unreadable items are reported and skipped; only when nothing could be read is it an error."""
    report = engine.add(items)
    problems = report.ingest.skipped
    if not report.placed:
        if len(problems) == 1:
            raise problems[0]
        if not problems:
            raise EmptyInputError("nothing to ingest: paste an article or choose files")
        raise EmptyInputError("nothing could be read: " + "; ".join(error_lines(problems)))
    written = {s.id: s for s in report.stories}
    stories = [written.get(s) or engine.story(s) for s in report.story_ids]
    return {
        "read": report.ingest.read,
        "stored": report.ingest.stored,
        "updated": report.ingest.updated,
        "duplicates": report.ingest.duplicates,
        "near_duplicates": report.ingest.near_duplicates,
        "skipped": [
            {"source": p.source, "line": p.line, "message": p.message, "error": p.describe(), "status": p.status}
            for p in problems
        ],
        "articles": [
            {"id": p.article_id, "title": p.title, "href": article_href(p.stored_as), "story_id": p.story_id}
            for p in report.placed
        ],
        "stories": [
            {"id": s.id, "headline": s.headline, "href": story_href(s.id), "articles": len(s.article_ids)}
            for s in stories
        ],
        "redirect": story_href(stories[0].id) if len(stories) == 1 else None,
    }


# -- API docs -----------------------------------------------------------------------------


def api_docs(openapi: Mapping[str, Any]) -> dict[str, Any]:
    """The OpenAPI description as a list of endpoints, for the API page."""
    endpoints = []
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p.get("name"),
                            "in": p.get("in"),
                            "required": bool(p.get("required")),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "responses": [
                        {"status": code, "description": r.get("description", "")}
                        for code, r in sorted(op.get("responses", {}).items())
                    ],
                }
            )
    return {
        "title": openapi.get("info", {}).get("title", ""),
        "version": openapi.get("info", {}).get("version", ""),
        "endpoints": endpoints,
    }
