"""Readability of the summaries of real stories: what a reader would trip over, counted.

For each story of two or more articles (grouped by the gold events, or by ringkas's own
clustering), the summary the engine writes is checked for: a dateline or outlet residue at the
start of a sentence, an outlet named twice in one citation, two sentences with the same figures
and names (one fact told twice), a sentence from an article of another gold event than the
story's (only ringkas's grouping can absorb one), and a sentence opening with a reference
("Ia", "Mereka", "Hal itu") that does not come right after the sentence it refers to.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Document, Story
from ..summarizing.citing import citation_label
from ..summarizing.readability import fact_of, has_dateline, opens_with_reference, same_fact

CHECKS = ("dateline residue", "repeated outlet", "same fact twice", "outside the event", "unresolved reference")


@dataclass
class ReadabilityReport:
    """Counts of each check over the stories, with the offending sentences as examples."""

    stories: int = 0
    sentences: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, check: str, example: str) -> None:
        self.counts[check] += 1
        self.examples.setdefault(check, []).append(example)

    def merge(self, other: ReadabilityReport) -> None:
        """Add another report's stories, sentences, counts and examples to this one."""
        self.stories += other.stories
        self.sentences += other.sentences
        self.counts.update(other.counts)
        for check, examples in other.examples.items():
            self.examples.setdefault(check, []).extend(examples)


def check_story(
    story: Story, documents: Sequence[Document], gold: Mapping[str, str], report: ReadabilityReport
) -> None:
    """Add one story's findings to ``report``."""
    report.stories += 1
    report.sentences += len(story.summary)
    events = Counter(gold.get(d.id, d.id) for d in documents)
    event = events.most_common(1)[0][0] if events else None
    for n, s in enumerate(story.summary):
        if has_dateline(s.text):
            report.add("dateline residue", s.text[:100])
        # What a reader sees: the CLI's grouped label, and the web and export templates, which
        # name an outlet again wherever its citations are not next to each other.
        raw = [c.outlet or c.article_id for c in s.citations]
        if len(raw) != len(set(raw)):
            report.counts["outlet cited for several articles"] += 1
        shown = [part.rsplit(" (", 1)[0] for part in citation_label(s.citations).split("; ")]
        repeated = {x for x, k in Counter(shown).items() if k > 1}
        repeated |= {x for x in set(raw) if not _adjacent(raw, x)}
        for name in sorted(repeated):
            report.add("repeated outlet", f"{name}: {s.text[:80]}")
        if event is not None and gold.get(s.article_id, event) != event:
            report.add("outside the event", f"[{s.article_id}] {s.text[:100]}")
        if opens_with_reference(s.text):
            previous = story.summary[n - 1] if n else None
            if previous is None or (previous.article_id, previous.sentence_index + 1) != (
                s.article_id,
                s.sentence_index,
            ):
                report.add("unresolved reference", s.text[:100])
    for a, b in itertools.combinations(story.summary, 2):
        if same_fact(fact_of(a.text), fact_of(b.text)):
            report.add("same fact twice", f"{a.text[:70]} || {b.text[:70]}")


def _adjacent(names: Sequence[str], name: str) -> bool:
    """Whether every mention of ``name`` sits in one run (the run renders as one group)."""
    places = [i for i, x in enumerate(names) if x == name]
    return places == list(range(places[0], places[0] + len(places)))
