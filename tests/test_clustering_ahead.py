"""Clustering ahead: a second process embeds and clusters a rebuild's articles while this one
analyses them, and gives the vectors and stories this process would make."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from ringkas.clustering import EventClusterer
from ringkas.clustering.ahead import ClusteringAhead, ClusterSettings, usable_cores
from ringkas.embedding import cached_vectors, make_embedder
from ringkas.models import Article
from tests.test_clustering import MemoryCache  # the in-memory vector cache of the clustering tests

ROOT = Path(__file__).resolve().parents[1]
two_cores = pytest.mark.skipif(usable_cores() < 2, reason="clustering ahead runs a second process: needs two cores")

# Our own short reports: two happenings told twice each, and one on its own.
REPORTS = [
    ("Banjir merendam tiga desa di Sumedang", "Banjir merendam tiga desa di Kabupaten Sumedang setelah hujan deras."),
    ("Tiga desa di Sumedang terendam banjir", "Hujan deras semalam membuat tiga desa di Sumedang terendam banjir."),
    ("Harga cabai rawit naik dua kali lipat", "Harga cabai rawit di pasar induk naik dua kali lipat akhir tahun."),
    ("Cabai rawit kian mahal di pasar induk", "Pedagang pasar induk menjual cabai rawit dua kali lipat harga biasa."),
    ("Tim SAR temukan dua pendaki hilang", "Tim SAR gabungan menemukan dua pendaki yang hilang di lereng gunung."),
]


def articles() -> list[Article]:
    start = datetime(2026, 3, 2, 8, 0)
    return [
        Article(id=f"a{n}", title=title, text=text, outlet=f"outlet{n % 2}", published=start + timedelta(hours=n))
        for n, (title, text) in enumerate(REPORTS)
    ]


def settings(embedder: str = "use") -> ClusterSettings:
    return ClusterSettings("events", 0.5, 7, "", embedder, {"max_tokens": 64})


@two_cores
def test_the_second_process_gives_the_stories_and_vectors_made_in_process() -> None:
    embedder = make_embedder("use", max_tokens=64)
    items = articles()
    here = EventClusterer(embedder=embedder, vectors=MemoryCache())
    expected = here.article_groups(items)
    cache = MemoryCache()
    with ClusteringAhead(items, EventClusterer(embedder=embedder), cache, settings(), min_articles=2) as ahead:
        pass
    assert ahead.groups == expected
    assert len(expected) < len(items)  # some articles were joined: the comparison says something
    keys, texts = here.embedding_texts(items)
    made = np.stack([cache.rows[(embedder.model_id, k)] for k in keys])
    assert np.array_equal(made, cached_vectors(embedder.embed, embedder.model_id, 512, keys, texts, None))


@two_cores
def test_cached_vectors_are_read_not_made_again() -> None:
    embedder = make_embedder("use", max_tokens=64)
    items = articles()
    keys, texts = EventClusterer(embedder=embedder).embedding_texts(items)
    # a1 cached with the vector of another article's text: the stories are those of these vectors
    wrong = cached_vectors(embedder.embed, embedder.model_id, 512, ["x"], [texts[4]], None)[0]
    here_cache, cache = MemoryCache(), MemoryCache()
    for memory in (here_cache, cache):
        memory.put(embedder.model_id, {"a1": wrong})
    expected = EventClusterer(embedder=embedder, vectors=here_cache).article_groups(items)
    with ClusteringAhead(items, EventClusterer(embedder=embedder), cache, settings(), min_articles=2) as ahead:
        pass
    assert ahead.groups == expected
    assert np.array_equal(cache.rows[(embedder.model_id, "a1")], wrong)
    assert set(cache.get(embedder.model_id, keys)) == set(keys)


def test_few_articles_no_settings_or_a_failing_child_leave_everything_to_this_process() -> None:
    embedder = make_embedder("use", max_tokens=64)
    cache = MemoryCache()
    items = articles()
    clusterer = EventClusterer(embedder=embedder)
    for ahead in (
        ClusteringAhead(items, clusterer, cache, settings(), min_articles=len(items) + 1),
        ClusteringAhead(items, clusterer, cache, None, min_articles=1),
    ):
        with ahead:
            pass
        assert ahead.groups is None
    assert cache.rows == {}
    # a child that fails (no such embedder there): no stories; the batches this process embedded
    # meanwhile are kept, the vectors made in process
    with ClusteringAhead(items, clusterer, cache, settings("word2vec"), min_articles=1, batch=2) as ahead:
        pass
    assert ahead.groups is None
    keys, texts = clusterer.embedding_texts(items)
    here = cached_vectors(embedder.embed, embedder.model_id, 512, keys, texts, None, batch=2)
    for (model, key), vector in cache.rows.items():
        assert model == embedder.model_id
        assert np.array_equal(vector, here[keys.index(key)])


def test_an_error_in_the_block_stops_the_child_and_passes_on() -> None:
    cache = MemoryCache()
    clusterer = EventClusterer(embedder=make_embedder("use", max_tokens=64))
    with pytest.raises(KeyError), ClusteringAhead(articles(), clusterer, cache, settings(), min_articles=1) as ahead:
        raise KeyError("analysis failed")
    assert ahead.groups is None
    assert cache.rows == {}


@two_cores
def test_a_rebuild_clustered_ahead_gives_the_stories_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ringkas import Engine
    from ringkas.clustering import ahead

    monkeypatch.setattr(ahead, "MIN_ARTICLES", 2)
    stories = []
    for on in (True, False):
        with Engine(db=str(tmp_path / f"ahead-{on}.db"), progress=False, embed_ahead=on) as engine:
            engine.ingest([str(ROOT / "samples" / "corpus")])
            built = engine.build_stories()
            stories.append([(s.id, s.headline, tuple(s.article_ids), tuple(x.text for x in s.summary)) for s in built])
    assert len(stories[0]) > 1
    assert stories[0] == stories[1]


@two_cores
def test_batches_embedded_by_either_process_give_the_same_stories_and_vectors() -> None:
    embedder = make_embedder("use", max_tokens=64)
    items = articles()
    here = EventClusterer(embedder=embedder, vectors=MemoryCache())
    cache = MemoryCache()
    clusterer = EventClusterer(embedder=embedder)
    with ClusteringAhead(items, clusterer, cache, settings(), min_articles=2, batch=2) as ahead:
        pass  # analysis done at once: this process embeds batches from the last back
    assert ahead.groups == here.article_groups(items)
    keys, texts = here.embedding_texts(items)
    made = np.stack([cache.rows[(embedder.model_id, k)] for k in keys])
    expected = cached_vectors(embedder.embed, embedder.model_id, 512, keys, texts, None, batch=2)
    assert np.array_equal(made, expected)


def test_the_child_reads_a_batch_its_parent_embedded_instead_of_embedding_it(tmp_path: Path) -> None:
    from ringkas.clustering.ahead import _Batches, cluster_articles

    embedder = make_embedder("use", max_tokens=64)
    items = articles()
    keys, texts = EventClusterer(embedder=embedder).embedding_texts(items)
    batches = [[0, 1], [2, 3], [4]]
    shared = _Batches(tmp_path)
    # the parent took the middle batch and wrote other vectors for it than its texts give:
    # articles 2 and 3 (the two chili price reports) get the vectors of the two flood reports
    parent_rows = embedder.embed([texts[0], texts[1]])
    assert shared.claim(1)
    shared.give(1, parent_rows)
    made, groups = cluster_articles(settings(), items, {}, batches, shared)
    assert sorted(made) == [0, 2]  # batch 1 was not embedded again
    assert not shared.claim(0) and not shared.claim(2)  # the child claimed the others
    cache = MemoryCache()
    cache.put(embedder.model_id, {keys[0]: made[0][0], keys[1]: made[0][1], keys[4]: made[2][0]})
    cache.put(embedder.model_id, {keys[2]: parent_rows[0], keys[3]: parent_rows[1]})
    assert groups == EventClusterer(embedder=embedder, vectors=cache).article_groups(items)


@two_cores
def test_other_work_runs_while_the_child_finishes_and_stops_when_it_is_done() -> None:
    embedder = make_embedder("use", max_tokens=64)
    done = []

    def steps():
        while True:  # endless: only the child's end stops it
            done.append(1)
            yield

    with ClusteringAhead(articles(), EventClusterer(embedder=embedder), MemoryCache(), settings(), min_articles=2) as a:
        a.while_waiting = steps()
    assert a.groups is not None
    assert len(done) > 0
