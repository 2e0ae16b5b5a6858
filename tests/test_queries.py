"""The engine's daily-tool queries (``ringkas.queries``), and that the views ask the engine for
what they show instead of reaching into its store or its analyzer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ringkas import Engine
from ringkas.errors import NotFoundError

VIEWS = Path(__file__).resolve().parent.parent / "ringkas"


def test_follows_round_trip_through_the_engine(tmp_path):
    with Engine(db=str(tmp_path / "q.db")) as engine:
        assert engine.follows() == []
        first = engine.follow("banjir  bandang", "Kompas", 2)
        again = engine.follow("banjir bandang", "Kompas", 2)
        assert again.id == first.id  # the same search twice is kept once
        assert [(f.query, f.outlet, f.min_outlets) for f in engine.follows()] == [("banjir bandang", "Kompas", 2)]
        assert [entry.follow.id for entry in engine.digest("2000-01-01")] == [first.id]
        engine.unfollow(first.id)
        assert engine.follows() == []
        with pytest.raises(NotFoundError):
            engine.unfollow(first.id)


def test_an_empty_store_answers_every_query(tmp_path):
    with Engine(db=str(tmp_path / "q.db")) as engine:
        assert engine.count_articles() == 0
        assert engine.article_ids() == [] and engine.articles() == []
        assert engine.changes() == [] and engine.changes("no-such-story", "2000-01-01") == []
        assert engine.thread_links() == {}
        assert engine.entity_stories("person:nobody") == []


@pytest.mark.parametrize(
    "path", sorted([*VIEWS.glob("web/*.py"), *VIEWS.glob("cli*.py"), VIEWS / "console.py"]), ids=lambda p: p.name
)
def test_views_do_not_reach_into_the_engine(path):
    source = path.read_text(encoding="utf-8")
    reach = re.findall(r"engine\.(?:store|analyzer|_\w+)\b", source)
    assert not reach, f"{path.name} reads {sorted(set(reach))}: add an engine query method instead"
