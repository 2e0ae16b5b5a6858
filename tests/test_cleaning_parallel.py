"""Cleaning in two processes gives what one process gives, in the same order."""

from __future__ import annotations

import json

import pytest

from ringkas.cleaning import Cleaner
from ringkas.cleaning.parallel import clean_each, clean_in_two, usable_cores
from ringkas.errors import InputError
from ringkas.models import Article


def articles() -> list[Article]:
    bodies = [
        "JAKARTA, KOMPAS.com - Hujan deras membuat sungai meluap pada Senin pagi.\n"
        "Baca juga: Banjir Lagi di Kota Tua\n"
        "Warga mengungsi ke masjid terdekat.",
        "Harga bawang merah naik di pasar tradisional.\nIklan\nPedagang mengeluhkan pasokan yang seret.",
        "The minister said the bridge would reopen next week.\nShare this article",
        "",  # nothing left after cleaning
        "Polisi menutup jalan selama perbaikan.\nFoto: Dok. Humas\nPengendara diminta mencari jalur lain.",
    ]
    return [Article(id=f"a{n}", title=f"Judul berita {n}", text=body) for n, body in enumerate(bodies)]


@pytest.mark.skipif(usable_cores() < 2, reason="the second process needs two cores")
def test_two_processes_clean_as_one_does() -> None:
    cleaner = Cleaner()
    items = articles()
    assert list(clean_in_two(items, cleaner.clean, min_articles=1)) == clean_each(items, cleaner.clean)


def test_an_error_becomes_its_message_in_place() -> None:
    def clean(article: Article) -> Article:
        if article.id == "a1":
            raise InputError("unreadable body")
        return article

    items = articles()
    out = list(clean_in_two(items, clean))  # too few articles for a second process
    assert out[1] == "unreadable body" and out[0] is items[0] and len(out) == len(items)


def test_the_engine_ingests_the_same_articles_with_and_without_the_second_process(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ringkas.cleaning import parallel
    from ringkas.engine import Engine

    source = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": a.id, "title": a.title, "text": a.text}) for a in articles()]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stored = []
    for minimum in (1, 10_000):
        monkeypatch.setattr(parallel, "MIN_ARTICLES", minimum)
        with Engine(db=str(tmp_path / f"{minimum}.db"), progress=False) as engine:
            report = engine.ingest([str(source)])
            stored.append((engine.store.articles(), [s.message for s in report.skipped]))
    assert stored[0] == stored[1]
    assert len(stored[0][0]) == 4 and len(stored[0][1]) == 1  # the empty text is skipped


@pytest.mark.skipif(usable_cores() < 2, reason="the second process needs two cores")
def test_the_later_share_is_cleaned_by_the_second_process() -> None:
    from dataclasses import replace

    cleaner = Cleaner()
    items = articles()

    def marked(article: Article) -> Article:  # what this process does; the child runs a plain Cleaner
        return replace(cleaner.clean(article), title="here")

    out = list(clean_in_two(items, marked, min_articles=1))
    here = [o for o in out if isinstance(o, Article) and o.title == "here"]
    assert 0 < len(here) < len(items)
    assert out[-1] == cleaner.clean(items[-1])  # cleaned there, the same article
