"""The store's full-text search (SQLite FTS5) behind the story list: migration, index kept in
step with articles and stories, words and prefixes, filters and facets."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from ringkas.models import Article, Citation, Story, SummarySentence
from ringkas.storing import MIGRATIONS, SCHEMA_VERSION, Store, StoryFilter, _statements, fts_query


def article(id_: str, title: str, text: str, **kw) -> Article:
    return Article(id=id_, title=title, text=text, **kw)


def story(id_: str, headline: str, article_ids: tuple[str, ...], summary: str = "", last: date | None = None) -> Story:
    sentences = (SummarySentence(summary, article_ids[0], 0, (Citation(article_ids[0], None),)),) if summary else ()
    return Story(id=id_, headline=headline, article_ids=article_ids, summary=sentences, last_published=last)


def filled(path: Path | str = ":memory:") -> Store:
    store = Store(path)
    store.add_articles(
        [
            article(
                "gempa-1",
                "Gempa Guncang Cianjur",
                "Gempa bermagnitudo 5,6 mengguncang Cianjur pada Senin siang. Puluhan rumah rusak berat.",
                outlet="Warta Priangan",
                published=date(2024, 6, 3),
                language="id",
            ),
            article(
                "gempa-2",
                "Warga Cianjur Mengungsi ke Tenda",
                "Ratusan warga mengungsi ke tenda darurat setelah gempa. Bantuan logistik mulai tiba.",
                outlet="Kabar Bandung",
                published=date(2024, 6, 4),
                language="id",
            ),
            article(
                "kopi-1",
                "Café di Braga Ramai Dikunjungi",
                "Kedai kopi di Jalan Braga ramai dikunjungi wisatawan saat libur panjang.",
                outlet="Kabar Bandung",
                published=date(2024, 5, 20),
                language="id",
            ),
            article(
                "quake-en",
                "Quake Rattles West Java",
                "A magnitude 5.6 quake damaged dozens of houses in Cianjur.",
                outlet="Java Wire",
                published=date(2024, 6, 3),
                language="en",
            ),
        ]
    )
    store.replace_stories(
        [
            story(
                "s-gempa",
                "Gempa Cianjur",
                ("gempa-1", "gempa-2", "quake-en"),
                "Tenda darurat didirikan.",
                date(2024, 6, 4),
            ),
            story("s-kopi", "Kedai Kopi Braga", ("kopi-1",), "", date(2024, 5, 20)),
        ]
    )
    return store


def ids(stories: list[Story]) -> list[str]:
    return [s.id for s in stories]


def test_statements_keep_trigger_bodies_whole():
    script = "CREATE TABLE t (a);\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\nSELECT 3;"
    parts = _statements(script)
    assert len(parts) == 3
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;") and "SELECT 2;" in parts[1]


def test_a_store_made_before_search_is_migrated_and_indexed(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute(
        "INSERT INTO articles (id, content_hash, title, text, data, ingested_at) VALUES (?,?,?,?,?,?)",
        ("lama", "h", "Jalan Tol Baru Dibuka", "Jalan tol sepanjang 30 kilometer dibuka untuk mudik.", "{}", "2024"),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION >= 2
    assert [h.article_id for h in store.search_articles("mudik")] == ["lama"]


def test_words_prefixes_and_diacritics():
    store = filled()
    assert ids(store.find_stories("mengungsi")[0]) == ["s-gempa"]
    assert ids(store.find_stories("mengung")[0]) == ["s-gempa"]  # a prefix finds the word
    assert ids(store.find_stories("cafe")[0]) == ["s-kopi"]  # "Café" without its accent
    assert ids(store.find_stories("CIANJUR gempa")[0]) == ["s-gempa"]
    assert store.find_stories("cianjur kopi") == ([], 0)  # every word must occur
    assert ids(store.find_stories("darurat")[0]) == ["s-gempa"]
    assert ids(store.find_stories("didirikan")[0]) == ["s-gempa"]  # only in the story's summary


def test_without_a_query_stories_are_newest_first():
    stories, total = filled().find_stories("")
    assert (ids(stories), total) == (["s-gempa", "s-kopi"], 2)


def test_filters_keep_stories_with_an_article_passing_them_all():
    store = filled()

    def found(**kw) -> list[str]:
        return ids(store.find_stories("", StoryFilter(**kw))[0])

    assert found(outlet="Kabar Bandung") == ["s-gempa", "s-kopi"]
    assert found(outlet="Java Wire") == ["s-gempa"]
    assert found(language="en") == ["s-gempa"]
    assert found(language="en", outlet="Kabar Bandung") == []  # not the same article
    assert found(since=date(2024, 6, 1)) == ["s-gempa"]
    assert found(until=date(2024, 5, 31)) == ["s-kopi"]
    assert found(since=date(2024, 6, 5)) == []


def test_article_hits_carry_marked_snippets_and_their_story():
    hits = filled().search_articles("tenda")
    assert [h.article_id for h in hits] == ["gempa-2"]
    assert hits[0].story_id == "s-gempa" and hits[0].outlet == "Kabar Bandung"
    assert "\x02tenda\x03" in hits[0].snippet.lower()


def test_index_follows_updated_and_replaced_rows():
    store = filled()
    store.add_articles([article("kopi-1", "Kedai Teh di Braga", "Kedai teh baru dibuka di Jalan Braga.")])
    assert store.search_articles("kopi") == []
    assert [h.article_id for h in store.search_articles("teh")] == ["kopi-1"]
    store.replace_stories([story("s-baru", "Longsor di Garut", ("gempa-1",))])
    assert ids(store.find_stories("longsor")[0]) == ["s-baru"]
    assert store.find_stories("didirikan") == ([], 0)  # the old story's summary is gone
    store.rebuild_search()
    assert ids(store.find_stories("longsor")[0]) == ["s-baru"]
    assert [h.article_id for h in store.search_articles("teh")] == ["kopi-1"]


def test_fts_query_quotes_every_word():
    assert fts_query('banjir OR "rob" NEAR(') == '"banjir"* "or"* "rob"* "near"*'
    assert fts_query("  ") is None
    assert fts_query("!!!") is None


def test_facets():
    facets = filled().facets()
    assert facets.outlets == (("Java Wire", 1), ("Kabar Bandung", 2), ("Warta Priangan", 1))
    assert facets.languages == (("en", 1), ("id", 3))
    assert (facets.first_published, facets.last_published) == (date(2024, 5, 20), date(2024, 6, 4))
