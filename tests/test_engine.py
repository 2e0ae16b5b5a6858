"""End-to-end behaviour of the Engine on the bundled sample corpus and on the seed articles."""

from __future__ import annotations

import json

import pytest

from ringkas import Engine
from ringkas.evaluation.metrics import bcubed
from tests.conftest import SAMPLES, shared_path

CORPUS = SAMPLES / "corpus"


def test_run_twice_stores_every_article_once(tmp_path):
    db = str(tmp_path / "twice.db")
    with Engine(db=db, progress=False) as engine:
        first, stories = engine.run([str(CORPUS)])
        assert first.read > 0 and not first.skipped
        count = engine.store.count_articles()
    with Engine(db=db, progress=False) as engine:
        second, stories_again = engine.run([str(CORPUS)])
        assert second.stored == 0 and second.duplicates == first.read
        assert engine.store.count_articles() == count
    assert [s.id for s in stories] == [s.id for s in stories_again]  # stable story ids


def test_sample_corpus_grouping_against_gold(tmp_path, capsys):
    gold = json.loads((SAMPLES / "gold.json").read_text(encoding="utf-8"))
    gold_story = {a: s["id"] for s in gold["stories"] for a in s["articles"]}
    with Engine(db=str(tmp_path / "gold.db"), progress=False) as engine:
        _, stories = engine.run([str(CORPUS)])
    predicted = {a: s.id for s in stories for a in s.article_ids}
    assert set(predicted) == set(gold_story)
    score = bcubed(predicted, gold_story)
    with capsys.disabled():
        print(
            f"\nsample corpus BCubed P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
            f"({len(stories)} stories, gold {len(gold['stories'])})"
        )
    assert score.f1 >= 0.85


def test_sample_corpus_stories_have_cited_summaries(tmp_path):
    with Engine(db=str(tmp_path / "sum.db"), progress=False) as engine:
        _, stories = engine.run([str(CORPUS)])
        outlets = {a.id: a.outlet for a in engine.store.articles()}
    multi = [s for s in stories if len(s.article_ids) > 1]
    assert multi
    for story in stories:
        assert story.headline.strip()
        assert 1 <= len(story.summary) <= 6
        for sentence in story.summary:
            assert sentence.citations[0].article_id == sentence.article_id
            assert all(c.article_id in story.article_ids for c in sentence.citations)
            assert all(c.outlet == outlets[c.article_id] for c in sentence.citations)
    assert all(len(s.summary) >= 3 for s in multi)


@pytest.mark.shared
def test_seed_summaries_hold_no_noise(tmp_path):
    seeds = shared_path("seeds")
    gold = json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))
    noise = []
    for info in gold["articles"].values():
        noise += info.get("noise_lines", []) + info.get("duplicate_lines", [])
        if info.get("byline"):
            noise.append(info["byline"])
    with Engine(db=str(tmp_path / "seeds.db"), progress=False) as engine:
        _, stories = engine.run([str(seeds)])
    sentences = [s.text for story in stories for s in story.summary]
    assert sentences
    for line in noise:
        for text in sentences:
            if len(line.split()) >= 3:
                assert line not in text, (line, text)
            else:  # a lone agency name or "Advertisement" may appear inside a real sentence
                assert text.strip() != line.strip() and not text.startswith(line + " "), (line, text)
