"""The typed objects that pass between pipeline stages.

Readers make ``Article`` objects, the cleaner returns cleaned ``Article`` objects, analysis
wraps each in a ``Document`` (sentences, mentions, time expressions, quotes), clustering and
summarizing produce ``Story`` objects. All are frozen: a stage builds new objects, it never
edits what another stage handed on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner took out of an article, and why (kept for audit and the UI)."""

    text: str
    reason: str
    line: int = -1  # 0-based line number in the raw body, -1 when unknown


@dataclass(frozen=True)
class Article:
    """One news article as read and (after cleaning) with its noise removed."""

    id: str
    title: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    subheadings: tuple[str, ...] = ()
    # The id of the earliest near-copy of this article (``dedup``): a copy rides with it into its story.
    duplicate_of: str | None = field(default=None, compare=False)
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def content_hash(self) -> str:
        """A key for idempotent ingest when an article has no URL."""
        norm = " ".join((self.title + "\n" + self.text).split()).lower()
        return hashlib.sha1(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's clean text; ``start``/``end`` index ``Article.text``."""

    article_id: str
    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True)
class Mention:
    """A name of a person, organisation or place as found in one sentence."""

    text: str
    kind: str  # PERSON | ORGANISATION | PLACE
    article_id: str
    sentence_index: int
    start: int = -1
    end: int = -1
    role: str | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A date expression in an article, normalized relative to its publication date."""

    text: str
    value: str  # ISO: 2019-04-25, 2019-04, 2019, or a range 2018-04-24/2018-04-25
    article_id: str
    sentence_index: int
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Quote:
    """Something a speaker said, directly or reported."""

    speaker: str
    text: str
    article_id: str
    direct: bool
    role: str | None = None
    sentence_index: int = -1
    start: int = -1
    end: int = -1
    # How sure the attribution is (0-1): a name in the attribution's grammar is sure, a speaker
    # carried over or found for a description less so (see ringkas/quotes/antecedents.py).
    confidence: float = 1.0


@dataclass(frozen=True)
class Document:
    """An article with everything analysis found in it; what clustering and summarizing read."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class Citation:
    """An article a summary sentence cites, and which of its sentences reports the fact (``None``
    when its headline does, or for stories stored before citations kept the sentence)."""

    article_id: str
    outlet: str | None
    sentence_index: int | None = None


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence, the source sentence it was taken from, and every article it cites."""

    text: str
    article_id: str
    sentence_index: int
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place of a story, aliases merged."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    mentions: int = 0
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    """One happening of a story: its date, a short description and the articles reporting it.

    ``kind`` is "event" (it happened on the story's days), "plan" (scheduled, expected or
    forecast) or "background" (a date well before the story); ``shown`` is False for the
    entries past the page's limit (see ringkas/facts/timeline.py)."""

    date: str
    text: str
    article_ids: tuple[str, ...]
    kind: str = "event"
    shown: bool = True


@dataclass(frozen=True)
class Conflict:
    """The same kind of fact reported with different values by different outlets."""

    what: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, article ids reporting it)


@dataclass(frozen=True)
class OutletCoverage:
    """How one outlet covers a story: its articles, what only it reports, where it disagrees."""

    outlet: str
    article_ids: tuple[str, ...]
    unique: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    published: date | None = None  # its first article on the story
    facts: tuple[int, ...] = ()  # indices of the story's summary sentences it reports
    quotes: tuple[int, ...] = ()  # indices of the story's quotes its articles carry
    media_group: str | None = None  # the group that owns the outlet, when the outlet registry states it


@dataclass(frozen=True)
class Story:
    """One real-world event: its articles, headline, cited summary and the facts found."""

    id: str
    headline: str
    article_ids: tuple[str, ...]
    summary: tuple[SummarySentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    entities: tuple[Entity, ...] = ()
    coverage: tuple[OutletCoverage, ...] = ()
    first_published: date | None = None
    last_published: date | None = None
    # Articles the clustering holds only loosely (best link under ``clustering.cores.WEAK_LINK``):
    # listed and cited, but no summary sentence or headline is taken from them.
    weak_article_ids: tuple[str, ...] = ()
