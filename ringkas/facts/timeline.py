"""Timeline: the dated happenings of a story, one entry per event, merged across articles.

Each date expression analysis found (``Document.times``) dates the sentence it sits in. Entries
with the same date whose sentences say the same thing (content-word overlap) are one event
reported by several articles. Sentences that only say where a report was published ("seperti
dilansir X pada Rabu") are the article's context, not an event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Document, TimelineEntry
from ..tokens import Tokenizer

# Content-word overlap (Jaccard) above which two sentences with one date tell the same event.
# Tuned on the sample corpus timeline (samples/gold.json): lower merges distinct events of a busy
# day, higher keeps the same event apart when outlets word it differently.
SAME_EVENT = 0.25
MAX_WORDS = 30
_CONTEXT = re.compile(
    r"^\W*(?:demikian\s+)?(?:seperti\s+)?(?:di|me)lansir\b|^\W*(?:seperti\s+)?dikutip\b|^\W*sumber\s*:",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:namun|tetapi|sementara itu|selain itu|adapun|kemudian|lalu),?\s+", re.IGNORECASE)


@dataclass
class _Event:
    date: str
    text: str
    words: list[set[str]]  # the content words of each sentence that reports it
    article_ids: list[str]


def describe(sentence: str) -> str:
    """A short description of the happening a sentence reports: the sentence, cut to
    ``MAX_WORDS`` words and without a leading connective."""
    text = _LEADING.sub("", sentence.strip().lstrip("\"“”'‘’ "))
    text = text[:1].upper() + text[1:]
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(",;:") + " …"
    return text


def date_key(value: str) -> tuple[str, int]:
    """Sort key of an ISO value (a day, month, year or range): by start, wider spans first."""
    start = value.split("/")[0]
    return start, len(start)


def build_timeline(documents: Sequence[Document], tokenizer: Tokenizer) -> tuple[TimelineEntry, ...]:
    """Dated events of a story, merged across its documents (given founding article first)."""
    events: list[_Event] = []
    for document in documents:
        seen: set[tuple[str, int]] = set()
        for timex in document.times:
            if (timex.value, timex.sentence_index) in seen or not 0 <= timex.sentence_index < len(document.sentences):
                continue
            seen.add((timex.value, timex.sentence_index))
            sentence = document.sentences[timex.sentence_index].text
            if _CONTEXT.search(sentence):
                continue
            words = set(tokenizer.content_words(sentence))
            event = _same_event(events, timex.value, words)
            if event is None:
                events.append(_Event(timex.value, describe(sentence), [words], [document.id]))
            else:
                event.words.append(words)
                if document.id not in event.article_ids:
                    event.article_ids.append(document.id)
    events.sort(key=lambda e: date_key(e.date))
    return tuple(TimelineEntry(e.date, e.text, tuple(e.article_ids)) for e in events)


def _same_event(events: list[_Event], date: str, words: set[str]) -> _Event | None:
    best, best_score = None, SAME_EVENT
    for event in events:
        if event.date != date or not words:
            continue
        score = max((len(words & other) / len(words | other) for other in event.words if other), default=0.0)
        if score >= best_score:
            best, best_score = event, score
    return best
