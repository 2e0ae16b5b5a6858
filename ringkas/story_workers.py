"""Summarizing in two processes: a rebuild's later stories are built by a second process
(``python -m ringkas.story_workers IN OUT``, a fresh interpreter) while this one builds the earlier.

A story is built from its own documents only (``stories.build_story``), so the split gives the
stories one process would give, in the same order. A child that fails leaves its stories to this
process.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .children import start_child, usable_cores
from .models import Document, Story

if TYPE_CHECKING:
    from .clustering import StoryGroup

# Fewer stories than this are built here: the child's start (its imports, the sentence model,
# scikit-learn, a cold stem cache: about four seconds of CPU) would cost more than it saves. On
# the last 500 articles of the real stream (384 stories) the split was slower than one process.
MIN_STORIES = 1000
# The child's share of the documents: less than half, as it starts later.
CHILD_SHARE = 0.45


@dataclass(frozen=True)
class StoryOptions:
    """What ``Engine.summarize`` reads of the settings."""

    summarizer: str
    summary_length: str
    citation_threshold: float
    outlets_file: str


# A story's documents and the ids of its loosely related ones (``clustering.cores``).
StoryInput = tuple[list[Document], tuple[str, ...]]


def build_stories(options: StoryOptions, inputs: list[StoryInput], stems: dict[str, str] | None = None) -> list[Story]:
    """Each story, as ``Engine.summarize`` builds it (what the child runs), its tokenizer told
    the ``stems`` this process already found."""
    from .lengths import LengthSpec
    from .outlets import OutletRegistry
    from .stories import build_story
    from .summarizing import make_summarizer
    from .tokens import Tokenizer

    tokenizer = Tokenizer()
    tokenizer.remember(stems or {})
    summarizer = make_summarizer(options.summarizer, tokenizer=tokenizer)
    registry = OutletRegistry.load(options.outlets_file or None)
    length = LengthSpec.parse(options.summary_length)
    return [
        build_story(group, summarizer, tokenizer, length, options.citation_threshold, registry, weak)
        for group, weak in inputs
    ]


def summarize_in_two(
    groups: Sequence[StoryGroup],
    documents: Sequence[Document],
    summarize: Callable[[list[Document], tuple[str, ...]], Story],
    options: StoryOptions,
    *,
    min_stories: int | None = None,
    stems: dict[str, str] | None = None,
) -> Iterator[Story]:
    """``summarize`` of each group's documents and loosely related article ids, in order, the
    later stories (about ``CHILD_SHARE`` of the documents) built by a second process when there
    are ``min_stories`` (default ``MIN_STORIES``) and two cores, told the ``stems`` found here."""
    inputs = [([documents[i] for i in g.members], tuple(documents[i].id for i in g.weak)) for g in groups]
    if len(inputs) < (MIN_STORIES if min_stories is None else min_stories) or usable_cores() < 2:
        for group, weak in inputs:
            yield summarize(group, weak)
        return
    total = sum(len(g.members) for g in groups)
    split, tail = len(groups), 0
    while split > 1 and tail + len(groups[split - 1].members) <= CHILD_SHARE * total:
        split -= 1
        tail += len(groups[split].members)
    later = inputs[split:]
    with tempfile.TemporaryDirectory(prefix="ringkas-stories-") as folder:
        job, result = Path(folder) / "groups.pickle", Path(folder) / "stories.pickle"
        job.write_bytes(pickle.dumps((options, later, stems)))
        child = start_child("ringkas.story_workers", job, result)
        try:
            for group, weak in inputs[:split]:
                yield summarize(group, weak)
        except BaseException:  # an error here, or the caller stopped early: the child's work is moot
            if child is not None:
                child.kill()
                child.wait()
            raise
        stories: list[Story] | None = None
        if child is not None and child.wait() == 0:
            try:
                stories = pickle.loads(result.read_bytes())
            except (OSError, ValueError, pickle.UnpicklingError):
                stories = None
        if stories is None or len(stories) != len(later):
            stories = [summarize(group, weak) for group, weak in later]
        yield from stories


def main(argv: list[str]) -> int:
    """The child: build the stories of the inputs pickled in ``argv[0]``, pickle them to ``argv[1]``."""
    source, target = argv
    options, inputs, stems = pickle.loads(Path(source).read_bytes())
    Path(target).write_bytes(pickle.dumps(build_stories(options, inputs, stems)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
