"""Story facts on the seed articles (../shared/gold/seeds-with-dates.jsonl) against their gold
(../shared/gold/seeds.json): quote precision and recall, timeline dates found, people found."""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks.facts import people_found, run_pipeline, score_quotes, story_quotes, timeline_found
from tests.conftest import shared_path

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds() -> tuple[dict[str, Any], list[Any]]:
    gold = json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))
    _articles, _documents, stories = run_pipeline(shared_path("gold", "seeds-with-dates.jsonl"))
    return gold, stories


def test_seed_quotes(seeds):
    gold, stories = seeds
    score = score_quotes(story_quotes(stories), gold["quotes"], gold["people"])
    print(
        f"seed quotes: precision {score.precision:.3f} recall {score.recall:.3f} "
        f"({score.matched} of {score.gold} gold, {score.predicted} found)"
    )
    for missed in score.missed:
        print("  missed:", missed["article"], missed["speaker"], missed["starts"])
    for extra in score.extra:
        print("  not in gold:", extra.article_id, extra.speaker, extra.text[:60])
    assert score.precision >= 0.95
    assert score.recall >= 0.90


def test_seed_timeline(seeds):
    gold, stories = seeds
    found = timeline_found(stories, gold["timeline"])
    print(f"seed timeline entries found with their date: {sum(f for _, f in found)}/{len(found)}")
    assert all(f for _, f in found), [entry["date"] for entry, f in found if not f]


def test_seed_people(seeds):
    gold, stories = seeds
    found = people_found(stories, gold["people"])
    print(f"seed people found: {sum(f for _, f in found)}/{len(found)}")
    assert all(f for _, f in found), [person["name"] for person, f in found if not f]
