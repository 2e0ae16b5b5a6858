import sqlite3
from datetime import date

import numpy as np
import pytest

from ringkas.errors import NotFoundError, StoreError
from ringkas.models import Article, Citation, Story, SummarySentence
from ringkas.storing import SCHEMA_VERSION, Store


def make(id_="a1", url=None, text="Banjir merendam tiga kecamatan di Kota Semarang sejak Senin pagi."):
    return Article(id=id_, title="Banjir Semarang", text=text, url=url, outlet="Warta Uji", published=date(2024, 3, 4))


def test_wal_and_schema_version(tmp_path):
    store = Store(tmp_path / "s.db")
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(tmp_path / "s.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_same_article_twice_is_stored_once(tmp_path):
    store = Store(tmp_path / "s.db")
    first = store.add_articles([make("a1", url="https://x.id/1")])
    again = store.add_articles([make("a1", url="https://x.id/1"), make("copy", url=None)])
    assert [r.status for r in first] == ["stored"]
    assert [r.status for r in again] == ["duplicate", "duplicate"]  # by URL, then by content hash
    assert again[1].duplicate_of == "a1"
    assert store.count_articles() == 1


def test_changed_article_is_updated_not_duplicated(tmp_path):
    store = Store(tmp_path / "s.db")
    store.add_articles([make("a1")])
    result = store.add_articles([make("a1", text="Banjir surut pada Selasa sore, kata warga setempat.")])
    assert result[0].status == "updated"
    assert store.count_articles() == 1
    assert "surut" in store.article("a1").text


def test_round_trip_and_not_found(tmp_path):
    store = Store(tmp_path / "s.db")
    store.add_articles([make("a1")])
    assert store.article("a1") == make("a1")
    with pytest.raises(NotFoundError):
        store.article("nope")
    story = Story(
        id="s1",
        headline="Banjir",
        article_ids=("a1",),
        summary=(SummarySentence("Banjir merendam.", "a1", 0, (Citation("a1", "Warta Uji"),)),),
        first_published=date(2024, 3, 4),
    )
    store.replace_stories([story])
    assert store.story("s1") == story
    assert store.story_of("a1") == "s1"
    with pytest.raises(NotFoundError):
        store.story("s2")


def test_failed_transaction_leaves_nothing(tmp_path):
    store = Store(tmp_path / "s.db")
    store.add_articles([make("a1")])

    class Boom(Exception):
        pass

    def articles():
        yield make("a2", text="Harga beras naik dua persen di pasar induk pekan ini.")
        raise Boom

    with pytest.raises(Boom):
        store.add_articles(articles())
    assert store.count_articles() == 1


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_vectors_cache(tmp_path):
    store = Store(tmp_path / "s.db")
    store.add_articles([make("a1")])
    store.put_vectors("m", {"a1": np.arange(4, dtype=np.float32)})
    got = store.vectors("m", ["a1", "missing"])
    assert list(got) == ["a1"]
    assert got["a1"].tolist() == [0, 1, 2, 3]
