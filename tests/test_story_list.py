"""The story list on a large store: each order's first page and the facets read indexes (no sort
of every story, no scan of every article row), a page reads the ranks of its own stories, and
its cards (no story JSON decoded) say what the full stories say."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from ringkas.models import Article, Citation, OutletCoverage, Story, SummarySentence
from ringkas.ranking import coverage_score, coverage_weight, decayed_score, outlet_count
from ringkas.stories import media_group_count
from ringkas.storing import STORY_ORDERS, Store


def _plan(path, sql: str) -> str:
    with sqlite3.connect(path) as db:
        return " | ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql))


@pytest.mark.parametrize("order", sorted(STORY_ORDERS))
def test_each_order_reads_its_first_page_from_an_index(tmp_path, order):
    path = tmp_path / "list.db"
    Store(path).close()
    plan = _plan(path, f"SELECT s.id FROM stories s ORDER BY {STORY_ORDERS[order]} LIMIT 30")
    assert "INDEX stories_" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("column", ["outlet", "language"])
def test_facets_count_an_index_not_the_article_rows(tmp_path, column):
    path = tmp_path / "list.db"
    Store(path).close()
    plan = _plan(path, f"SELECT {column}, COUNT(*) FROM articles WHERE {column} IS NOT NULL GROUP BY {column}")
    assert "COVERING INDEX" in plan, plan


def test_ranks_of_some_stories_only(tmp_path):
    store = Store(tmp_path / "list.db")
    stories = []
    for n, outlets in enumerate((["A"], ["A", "B"], ["A", "B", "C"])):
        ids = tuple(f"s{n}-a{k}" for k in range(len(outlets)))
        store.add_articles(
            Article(id=a, title=f"Judul {a}", text=f"Teks artikel {a}.", outlet=o, published=date(2024, 5, 1 + n))
            for a, o in zip(ids, outlets, strict=True)
        )
        coverage = tuple(OutletCoverage(o, (a,)) for a, o in zip(ids, outlets, strict=True))
        stories.append(Story(id=f"s{n}", headline=f"Cerita {n}", article_ids=ids, coverage=coverage))
    store.replace_stories(stories)
    every = store.story_ranks()
    some = store.story_ranks(["s2", "s0", "no-such-story"])
    assert set(every) == {"s0", "s1", "s2"}
    assert some == {"s0": every["s0"], "s2": every["s2"]}
    assert [some["s0"][0], some["s2"][0]] == [1, 3]  # outlets
    assert store.story_ranks([]) == {}
    store.close()


def test_cards_say_what_the_full_stories_say(tmp_path):
    store = Store(tmp_path / "cards.db")
    stories = []
    for n, outlets in enumerate((["A"], ["A", "B", "B"], ["A", "B", "C"], ["C"])):
        ids = tuple(f"c{n}-a{k}" for k in range(len(outlets)))
        store.add_articles(
            Article(
                id=a, title=f"Banjir {a}", text=f"Banjir merendam desa {a}.", outlet=o, published=date(2024, 5, 1 + n)
            )
            for a, o in zip(ids, outlets, strict=True)
        )
        coverage = tuple(
            OutletCoverage(
                o,
                tuple(a for a, p in zip(ids, outlets, strict=True) if p == o),
                media_group="Grup" if o != "C" else None,
            )
            for o in dict.fromkeys(outlets)
        )
        summary = (
            () if n == 3 else (SummarySentence(f"Banjir merendam desa ke-{n}.", ids[0], 0, (Citation(ids[0], None),)),)
        )
        dates = {} if n == 2 else {"first_published": date(2024, 5, 1), "last_published": date(2024, 5, 1 + n)}
        stories.append(
            Story(id=f"c{n}", headline=f"Banjir {n}", article_ids=ids, summary=summary, coverage=coverage, **dates)
        )
    store.replace_stories(stories)
    newest = date(2024, 5, 9)
    for order in [*STORY_ORDERS, None]:
        for query in ("", "banjir"):
            full, total = store.find_stories(query, order=order, limit=3, offset=1)
            cards, card_total = store.find_story_cards(query, order=order, limit=3, offset=1)
            assert card_total == total == 4 and [c.id for c in cards] == [s.id for s in full]
            for card, story in zip(cards, full, strict=True):
                assert (card.headline, card.first_published, card.last_published) == (
                    story.headline,
                    story.first_published,
                    story.last_published,
                )
                assert card.lead == (story.summary[0].text if story.summary else None)
                assert (card.outlets, card.media_groups, card.articles) == (
                    outlet_count(story.coverage),
                    media_group_count(story.coverage),
                    len(story.article_ids),
                )
                weight = coverage_weight(card.outlets, card.media_groups, card.articles)
                assert decayed_score(weight, card.last_published, newest) == coverage_score(story, newest)
    store.close()
