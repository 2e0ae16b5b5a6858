"""Changes: what is new in a story, found by comparing the story about to be saved with the
stored one (the store calls ``diff_stories`` whenever it saves stories, on every path).

A change is one of: the story opened, an article joined (or left), a summary sentence added,
replaced or dropped, a new quote, a new timeline entry, a figure revised ("17 orang (was 14)").
Each carries the time it was saved, so that a reader can ask what changed since a visit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from .errors import FormatError
from .models import Story
from .quotes.passages import SHOWN_CONFIDENCE

KINDS = (
    "story_opened",
    "article_joined",
    "article_left",
    "summary_added",
    "summary_replaced",
    "summary_removed",
    "quote_added",
    "timeline_added",
    "figure_revised",
    "headline_changed",
)
# A number and the word it counts ("17 orang", "Rp 2,4 triliun" -> "2,4 triliun").
_FIGURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s+([^\W\d_]{3,})")


@dataclass(frozen=True)
class Change:
    """One change to a story: ``text`` is what is new, ``previous`` what it replaced (if anything)."""

    story_id: str
    at: str  # ISO 8601 UTC time of the save that made the change
    kind: str
    text: str
    previous: str | None = None
    article_id: str | None = None


def diff_stories(old: Story | None, new: Story, at: str, labels: dict[str, str] | None = None) -> list[Change]:
    """The changes that turn ``old`` (the stored story, or None) into ``new``.

    ``labels`` names articles ("Outlet: headline") for the article-joined lines."""
    labels = labels or {}
    if old is None:
        return [
            Change(new.id, at, "story_opened", new.headline, article_id=new.article_ids[0] if new.article_ids else None)
        ]
    changes: list[Change] = []

    def add(kind: str, text: str, previous: str | None = None, article_id: str | None = None) -> None:
        changes.append(Change(new.id, at, kind, text, previous, article_id))

    if new.headline != old.headline:
        add("headline_changed", new.headline, old.headline)
    before = set(old.article_ids)
    for article_id in new.article_ids:
        if article_id not in before:
            add("article_joined", labels.get(article_id) or article_id, article_id=article_id)
    after = set(new.article_ids)
    for article_id in old.article_ids:
        if article_id not in after:
            add("article_left", article_id, article_id=article_id)
    _diff_summary(old, new, add)
    old_quotes = {(q.speaker, q.text) for q in old.quotes}
    for q in new.quotes:
        # an attribution too unsure for the story page is not news on it either
        if (q.speaker, q.text) not in old_quotes and q.confidence >= SHOWN_CONFIDENCE:
            add("quote_added", f"{q.speaker}: {q.text}", article_id=q.article_id)
    old_timeline = {(t.date, t.text) for t in old.timeline}
    for t in new.timeline:
        if (t.date, t.text) not in old_timeline:
            add("timeline_added", f"{t.date}: {t.text}", article_id=t.article_ids[0] if t.article_ids else None)
    _diff_figures(old, new, add)
    return changes


def _story_sentences(story: Story) -> list[str]:
    return [story.headline, *(s.text for s in story.summary), *(t.text for t in story.timeline)]


def _diff_figures(old: Story, new: Story, add: Callable[..., None]) -> None:
    """A figure in a new sentence that revises one the stored story reported about the same thing
    (same counted word, a sentence sharing a third of its words): "19 orang (was 17)"."""
    before = _story_sentences(old)
    seen: set[str] = set()
    for text in _story_sentences(new):
        if text in before:
            continue
        for unit, value in figures(text).items():
            revised = [(p, figures(p)[unit]) for p in before if figures(p).get(unit, value) != value]
            previous = _closest(text, [p for p, _ in revised])
            if previous is None:
                continue
            line = f"{value} {unit} (was {figures(previous)[unit]})"
            if line not in seen:
                seen.add(line)
                add("figure_revised", line, previous)


def _diff_summary(old: Story, new: Story, add: Callable[..., None]) -> None:
    old_texts = [s.text for s in old.summary]
    new_texts = [s.text for s in new.summary]
    gone = [t for t in old_texts if t not in new_texts]
    for sentence in new.summary:
        if sentence.text in old_texts:
            continue
        previous = _closest(sentence.text, gone)
        if previous is not None:
            gone.remove(previous)
            add("summary_replaced", sentence.text, previous, sentence.article_id)
        else:
            add("summary_added", sentence.text, None, sentence.article_id)
    for text in gone:
        add("summary_removed", text, text)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{3,}", text.lower()))


def _closest(text: str, candidates: Sequence[str]) -> str | None:
    """The dropped sentence a new one replaces: the one sharing most words, when they share at
    least a third of the smaller one's words (a replaced sentence reports the same fact anew)."""
    words = _words(text)
    best, best_overlap = None, 0.0
    for candidate in candidates:
        other = _words(candidate)
        if not words or not other:
            continue
        overlap = len(words & other) / min(len(words), len(other))
        if overlap > best_overlap:
            best, best_overlap = candidate, overlap
    return best if best_overlap >= 1 / 3 else None


def figures(text: str) -> dict[str, str]:
    """The figures of a sentence by the word they count: ``{"orang": "17"}``."""
    out: dict[str, str] = {}
    for number, unit in _FIGURE.findall(text):
        out.setdefault(unit.lower(), number)
    return out


def revised_figures(previous: str, text: str) -> list[str]:
    """Figures counting the same thing with a new value: ``["17 orang (was 14)"]``."""
    before = figures(previous)
    return [
        f"{n} {unit} (was {before[unit]})" for unit, n in figures(text).items() if unit in before and before[unit] != n
    ]


def since_filter(changes: Iterable[Change], since: str | None) -> list[Change]:
    """The changes saved after ``since`` (an ISO time; None keeps all)."""
    return [c for c in changes if since is None or c.at > since]


_RELATIVE = re.compile(r"^(\d+)\s*([hdw])$")


def parse_since(text: str, now: datetime | None = None) -> str:
    """A ``since`` value as an ISO UTC time: a time (``2024-06-21T08:00:00+00:00``), a date
    (midnight UTC) or an age before now (``24h``, ``7d``, ``2w``)."""
    value = text.strip()
    now = now or datetime.now(UTC)
    relative = _RELATIVE.match(value.lower())
    if relative:
        n, unit = int(relative.group(1)), relative.group(2)
        delta = timedelta(hours=n) if unit == "h" else timedelta(days=n * (7 if unit == "w" else 1))
        return (now - delta).isoformat(timespec="milliseconds")
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), datetime.min.time(), UTC).isoformat(
                timespec="milliseconds"
            )
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise FormatError(f"'since' is not a time, a date or an age like 24h: {value[:40]!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")
