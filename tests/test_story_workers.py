"""Stories built in two processes are the stories one process builds, in the same order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ringkas.clustering import StoryGroup
from ringkas.errors import InputError
from ringkas.models import Document, Story
from ringkas.story_workers import StoryOptions, summarize_in_two, usable_cores

FIXTURE = Path(__file__).parent / "fixtures" / "clustering" / "events.jsonl"


def stories_input(engine) -> tuple[list[Document], list[StoryGroup], StoryOptions]:  # type: ignore[no-untyped-def]
    articles = [a for a in engine.read([str(FIXTURE)]) if not isinstance(a, InputError)]
    documents = engine.analyse(articles)
    groups = engine.cluster_groups(documents)
    s = engine.settings
    options = StoryOptions(s["summarizer"], s["summary_length"], s["citation_threshold"], s["outlets_file"])
    return documents, groups, options


@pytest.mark.skipif(usable_cores() < 2, reason="the second process needs two cores")
def test_two_processes_build_the_stories_one_builds(engine) -> None:  # type: ignore[no-untyped-def]
    documents, groups, options = stories_input(engine)
    assert len(groups) >= 3
    alone = list(summarize_in_two(groups, documents, engine.summarize, options, min_stories=10**6))

    def marked(group: list[Document], weak: tuple[str, ...]) -> Story:  # marked here; the child does not
        return replace(engine.summarize(group, weak), headline="here")

    split = list(summarize_in_two(groups, documents, marked, options, min_stories=1))
    here = [n for n, story in enumerate(split) if story.headline == "here"]
    assert here and here == list(range(len(here))) and len(here) < len(split)  # the earlier stories here
    assert split[len(here) :] == alone[len(here) :]  # the later ones built there, the same stories
    assert [replace(s, headline="here") for s in alone[: len(here)]] == split[: len(here)]


def test_few_stories_are_built_here(engine) -> None:  # type: ignore[no-untyped-def]
    documents, groups, options = stories_input(engine)
    calls = []

    def counted(group: list[Document], weak: tuple[str, ...]) -> Story:
        calls.append(len(group))
        return engine.summarize(group, weak)

    assert len(list(summarize_in_two(groups, documents, counted, options))) == len(groups) == len(calls)
