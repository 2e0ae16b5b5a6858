"""Stories: assemble a ``Story`` from the documents clustering grouped together.

The story id is derived from its founding article (the earliest, ties broken by id), so a
story keeps its id when later articles join it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date

from .entities import merge_entities
from .facts import build_timeline, compare_coverage, find_conflicts, outlet_of
from .lengths import LengthSpec
from .models import Document, OutletCoverage, Story
from .outlets import OutletRegistry, default_registry
from .quotes import resolve_speakers, with_speakers
from .summarizing import Summarizer, choose_headline, cite
from .tokens import Tokenizer


def founding_order(document: Document) -> tuple[int, str]:
    published = document.article.published
    return (published.toordinal() if published else date.max.toordinal(), document.id)


def story_id(founder_id: str) -> str:
    return "s" + hashlib.sha1(founder_id.encode("utf-8")).hexdigest()[:10]


def with_media_groups(
    coverage: Sequence[OutletCoverage], registry: OutletRegistry | None
) -> tuple[OutletCoverage, ...]:
    """Each outlet's coverage with the media group that owns the outlet (when the registry says)."""
    out = []
    for entry in coverage:
        group = (registry or default_registry()).group_of(entry.outlet)
        out.append(replace(entry, media_group=group.name) if group is not None else entry)
    return tuple(out)


def media_group_count(coverage: Sequence[OutletCoverage]) -> int:
    """How many owners a story's outlets have: each group once, each outlet of no known group alone."""
    return len({c.media_group or "outlet:" + c.outlet for c in coverage})


def build_story(
    documents: Sequence[Document],
    summarizer: Summarizer,
    tokenizer: Tokenizer,
    length: LengthSpec,
    citation_threshold: float,
    registry: OutletRegistry | None = None,
    weak: Collection[str] = (),
) -> Story:
    """The story of a group of documents. ``weak``: ids of its loosely related articles
    (``clustering.cores``): they stay in the story and are cited where they report a summary
    sentence's fact, but neither the summary nor the headline is taken from them."""
    ordered = sorted(documents, key=founding_order)
    core = [d for d in ordered if d.id not in weak] or ordered
    place = [n for n, d in enumerate(ordered) if d.id not in weak] if len(core) < len(ordered) else None
    chosen = summarizer.select(core, length)
    if place is not None:  # positions in the core back to positions in the story
        chosen = [replace(c, doc=place[c.doc]) for c in chosen]
    dates = sorted(d.article.published for d in ordered if d.article.published)
    summary = tuple(cite(ordered, chosen, tokenizer, citation_threshold))
    outlets = {d.id: outlet_of(d) for d in ordered}
    entities = merge_entities(ordered)
    quotes = resolve_speakers([q for d in ordered for q in d.quotes], entities)
    conflicts = find_conflicts(ordered, outlets, tokenizer)
    return Story(
        id=story_id(ordered[0].id),
        headline=choose_headline(core, tokenizer),
        article_ids=tuple(d.id for d in ordered),
        summary=summary,
        quotes=quotes,
        timeline=build_timeline(ordered, tokenizer),
        entities=with_speakers(entities, quotes, outlets),
        coverage=with_media_groups(compare_coverage(ordered, summary, quotes, conflicts, tokenizer), registry),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        weak_article_ids=tuple(d.id for d in ordered if d.id in weak),
    )
