"""The story list on a large store: each order's first page and the facets read indexes (no sort
of every story, no scan of every article row), and a page reads the ranks of its own stories."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from ringkas.models import Article, OutletCoverage, Story
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
