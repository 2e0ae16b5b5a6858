"""Timeline: the dated happenings of a story, one entry per happening, merged across articles.

Each date expression analysis found (``Document.times``) dates the sentence it sits in; a
sentence gives one entry, under its most specific date outside quotation marks. Entries with the
same date and kind whose sentences say the same thing (content-word overlap) are one happening
reported by several articles. Each entry reads as the sentence's core (happenings.py) and is
marked as an event, a plan or forecast, or background. When a story has more than
``MAX_SHOWN`` entries the most important are shown (reported by most articles, dated to the day,
what happened before what is planned) and the rest are kept with ``shown=False``. Sentences that
only say where a report was published ("seperti dilansir X pada Rabu") are not happenings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Document, TimeExpression, TimelineEntry
from ..tokens import Tokenizer
from .happenings import BACKGROUND, EVENT, PLAN, describe_happening, happening_kind

# Content-word overlap (Jaccard) above which two sentences with one date tell the same event.
# Tuned on the sample corpus timeline (samples/gold.json): lower merges distinct events of a busy
# day, higher keeps the same event apart when outlets word it differently.
SAME_EVENT = 0.25
# Entries a story page shows; the rest sit behind "more" (issue #20: an editor reads a dozen).
MAX_SHOWN = 12
_CONTEXT = re.compile(
    r"^\W*(?:demikian\s+)?(?:seperti\s+)?(?:di|me)lansir\b|^\W*(?:seperti\s+)?dikutip\b|^\W*sumber\s*:",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"\b(?:nomor|no\.)\s*\d+[a-z]?\s*(?:tahun\s*)?$", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")
# Weight of an entry's kind and of its date's precision in its importance.
_KIND_WEIGHT = {EVENT: 1.0, PLAN: 0.7, BACKGROUND: 0.4}
_PRECISION_WEIGHT = {10: 1.0, 7: 0.7, 4: 0.5}


@dataclass
class _Event:
    date: str
    kind: str
    text: str
    words: list[set[str]]  # the content words of each sentence that reports it
    article_ids: list[str]
    lead: int  # the earliest sentence index that reports it: a lead sentence weighs more


def date_key(value: str) -> tuple[str, int]:
    """Sort key of an ISO value (a day, month, year or range): by start, wider spans first."""
    start = value.split("/")[0]
    return start, len(start)


def build_timeline(documents: Sequence[Document], tokenizer: Tokenizer) -> tuple[TimelineEntry, ...]:
    """Dated happenings of a story, merged across its documents (given founding article first)."""
    published = [d.article.published for d in documents if d.article.published]
    story_start = min(published) if published else None
    events: list[_Event] = []
    for document in documents:
        for timex in _one_date_per_sentence(document):
            sentence = document.sentences[timex.sentence_index]
            if _CONTEXT.search(sentence.text):
                continue
            text = describe_happening(document, timex.sentence_index)
            if text is None:
                continue
            kind = happening_kind(text, timex.value, document.article.published, story_start)
            words = set(tokenizer.content_words(text))
            event = _same_event(events, timex.value, kind, words, text)
            if event is None:
                events.append(_Event(timex.value, kind, text, [words], [document.id], timex.sentence_index))
            else:
                event.words.append(words)
                event.lead = min(event.lead, timex.sentence_index)
                if document.id not in event.article_ids:
                    event.article_ids.append(document.id)
    ranked = sorted(events, key=_importance, reverse=True)
    shown = {id(e) for e in ranked[:MAX_SHOWN]}
    events.sort(key=lambda e: date_key(e.date))
    entries = [TimelineEntry(e.date, e.text, tuple(e.article_ids), e.kind, id(e) in shown) for e in events]
    return tuple(replace(e, shown=True) for e in entries) if len(entries) <= MAX_SHOWN else tuple(entries)


def _one_date_per_sentence(document: Document) -> list[TimeExpression]:
    """Each sentence's most specific date outside quotation marks (the first of equals): the
    same sentence under a day and its month is one happening, not two."""
    best: dict[int, TimeExpression] = {}
    for timex in document.times:
        if not 0 <= timex.sentence_index < len(document.sentences):
            continue
        sentence = document.sentences[timex.sentence_index]
        offset = timex.start - sentence.start
        if any(m.start() <= offset < m.end() for m in _QUOTED.finditer(sentence.text)):
            continue  # a date inside someone's words
        if _NUMBERED.search(sentence.text[:offset]):
            continue  # "Undang-Undang Nomor 28 Tahun 2014": the year names a law, it dates nothing
        held = best.get(timex.sentence_index)
        if held is None or _precision(timex.value) > _precision(held.value):
            best[timex.sentence_index] = timex
    return [best[n] for n in sorted(best)]


def _precision(value: str) -> int:
    return len(value.split("/")[0])


def _importance(event: _Event) -> float:
    precision = _PRECISION_WEIGHT.get(_precision(event.date), 0.5)
    lead = 0.5 if event.lead <= 2 else 0.0
    return (len(event.article_ids) + lead) * precision * _KIND_WEIGHT.get(event.kind, 0.5)


def _same_event(events: list[_Event], date: str, kind: str, words: set[str], text: str) -> _Event | None:
    best, best_score = None, SAME_EVENT
    for event in events:
        if event.text.lower() == text.lower():
            return event  # the same words under another date: one happening
        if event.date != date or event.kind != kind or not words:
            continue
        score = max((len(words & other) / len(words | other) for other in event.words if other), default=0.0)
        if score >= best_score:
            best, best_score = event, score
    return best
