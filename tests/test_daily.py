"""The daily tool's stages on small stories of our own: ranking, the change log the store keeps,
the entity index, threads, follows, the digest, Atom feeds and the UI language."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import feedparser
import pytest

from ringkas.changes import diff_stories, parse_since, revised_figures
from ringkas.errors import FormatError, NotFoundError
from ringkas.following import add_follow, digest, follows, remove_follow, render_digest
from ringkas.models import Article, Citation, Entity, OutletCoverage, Quote, Story, SummarySentence, TimelineEntry
from ringkas.ranking import coverage_score, min_outlets_param, rank_key
from ringkas.serialization import to_jsonable
from ringkas.storing import MIGRATIONS, SCHEMA_VERSION, Store, StoryFilter
from ringkas.threads import MAX_GAP_DAYS, StoryKeys, entity_id, link_score, previous_link, thread_ids
from ringkas.web import feeds
from ringkas.web.labels import LABELS, choose_language


def sentence(text: str, article: str = "a1") -> SummarySentence:
    return SummarySentence(text, article, 0, (Citation(article, None),))


def story(
    id_: str,
    outlets: list[str],
    *,
    articles: int | None = None,
    last: date = date(2024, 6, 20),
    first: date | None = None,
    summary: tuple[str, ...] = ("Banjir merendam dua desa di Kabupaten Uji.",),
    people: tuple[tuple[str, int], ...] = (),
    groups: dict[str, str] | None = None,
) -> Story:
    n = articles if articles is not None else len(outlets)
    ids = tuple(f"{id_}-a{i}" for i in range(n))
    coverage = tuple(OutletCoverage(o, (ids[i % n],), media_group=(groups or {}).get(o)) for i, o in enumerate(outlets))
    return Story(
        id=id_,
        headline=f"Berita {id_}",
        article_ids=ids,
        summary=tuple(sentence(t, ids[0]) for t in summary),
        entities=tuple(Entity(name, "PERSON", mentions=m) for name, m in people),
        coverage=coverage,
        first_published=first or last,
        last_published=last,
    )


class FilledStore(Store):
    """A store that first stores a stand-in article for every article id of the stories it saves."""

    def _articles_of(self, stories: list[Story]) -> None:
        self.add_articles(
            Article(id=a, title=a, text=f"Artikel uji {a}.", outlet="Uji", published=s.last_published)
            for s in stories
            for a in s.article_ids
        )

    def replace_stories(self, stories):  # type: ignore[override]
        stories = list(stories)
        self._articles_of(stories)
        super().replace_stories(stories)

    def put_stories(self, stories, *, remove=()):  # type: ignore[override]
        stories = list(stories)
        self._articles_of(stories)
        super().put_stories(stories, remove=remove)


# -- ranking -------------------------------------------------------------------------------------


def test_more_outlets_rank_above_more_articles_from_one_outlet(tmp_path):
    store = FilledStore(tmp_path / "s.db")
    wide = story("wide", ["A", "B", "C", "D"])
    blog = story("blog", ["A"], articles=12)
    store.replace_stories([blog, wide])
    assert [s.id for s in store.stories("coverage")] == ["wide", "blog"]
    found, total = store.find_stories("", StoryFilter(min_outlets=3), order="coverage")
    assert ([s.id for s in found], total) == (["wide"], 1)


def test_two_outlets_of_one_group_count_less_than_two_independent_ones():
    same = story("same", ["A", "B"], groups={"A": "Grup X", "B": "Grup X"})
    apart = story("apart", ["A", "B"])
    assert rank_key(apart) > rank_key(same)


def test_an_older_story_decays_below_a_fresh_smaller_one(tmp_path):
    old = story("old", ["A", "B", "C", "D"], last=date(2024, 6, 1))
    fresh = story("fresh", ["A", "B"], last=date(2024, 6, 20))
    store = FilledStore(tmp_path / "s.db")
    store.replace_stories([old, fresh])
    assert [s.id for s in store.stories("coverage")] == ["fresh", "old"]
    assert [s.id for s in store.stories("newest")] == ["fresh", "old"]
    assert coverage_score(old, date(2024, 6, 20)) < coverage_score(fresh, date(2024, 6, 20))
    # Ordering by the stored key is ordering by the decayed score, whatever the reference day.
    for newest in (date(2024, 6, 20), date(2025, 1, 1)):
        assert coverage_score(fresh, newest) > coverage_score(old, newest)


def test_min_outlets_parameter_is_checked():
    assert min_outlets_param("") == 0 and min_outlets_param("3") == 3
    with pytest.raises(FormatError, match="min_outlets"):
        min_outlets_param("tiga")
    with pytest.raises(FormatError, match="0 or more"):
        min_outlets_param("-1")


# -- the change log --------------------------------------------------------------------------------


def test_diff_names_each_kind_of_change():
    old = story(
        "s1",
        ["A", "B"],
        summary=("Korban meninggal banjir mencapai 14 orang pada Sabtu.", "Jalan desa tertutup lumpur."),
    )
    new = replace(
        old,
        article_ids=(*old.article_ids, "s1-new"),
        summary=(
            sentence("Korban meninggal banjir bertambah menjadi 17 orang pada Minggu."),
            sentence("Jalan desa tertutup lumpur."),
            sentence("Bupati menetapkan status tanggap darurat selama dua pekan."),
        ),
        quotes=(Quote("Bupati Uji", "Kami kirim alat berat", "s1-new", True),),
        timeline=(TimelineEntry("2024-06-21", "Korban bertambah menjadi 17 orang.", ("s1-new",)),),
    )
    changes = diff_stories(old, new, "2024-06-21T10:00:00.000+00:00", {"s1-new": "Warta C"})
    kinds = [c.kind for c in changes]
    assert kinds.count("article_joined") == 1 and changes[kinds.index("article_joined")].text == "Warta C"
    replaced = changes[kinds.index("summary_replaced")]
    assert replaced.text.startswith("Korban meninggal banjir bertambah") and "14 orang" in (replaced.previous or "")
    assert [c.text for c in changes if c.kind == "summary_added"] == [
        "Bupati menetapkan status tanggap darurat selama dua pekan."
    ]
    assert [c.text for c in changes if c.kind == "figure_revised"] == ["17 orang (was 14)"]
    assert "quote_added" in kinds and "timeline_added" in kinds
    assert "summary_removed" not in kinds
    assert diff_stories(new, new, "t") == []
    assert [c.kind for c in diff_stories(None, new, "t")] == ["story_opened"]


def test_revised_figures_need_the_same_counted_word():
    assert revised_figures("14 orang meninggal", "17 orang meninggal") == ["17 orang (was 14)"]
    assert revised_figures("14 orang meninggal", "17 rumah rusak") == []
    assert revised_figures("14 orang meninggal", "14 orang meninggal") == []


def test_parse_since_accepts_times_dates_and_ages():
    now = datetime(2024, 6, 21, 12, 0, tzinfo=UTC)
    assert parse_since("24h", now) == "2024-06-20T12:00:00.000+00:00"
    assert parse_since("2d", now) == "2024-06-19T12:00:00.000+00:00"
    assert parse_since("2024-06-01", now) == "2024-06-01T00:00:00.000+00:00"
    assert parse_since("2024-06-01T09:00:00+07:00", now) == "2024-06-01T02:00:00.000+00:00"
    with pytest.raises(FormatError, match="since"):
        parse_since("kemarin", now)


def test_every_save_path_records_changes(tmp_path):
    store = FilledStore(tmp_path / "s.db")
    first = story("s1", ["A"], summary=("Korban banjir 14 orang.",))
    store.replace_stories([first])  # batch
    grown = replace(
        story("s1", ["A", "B"], summary=("Korban banjir 17 orang.",)), article_ids=(*first.article_ids, "s1-b")
    )
    store.put_stories([grown])  # online
    log = store.changes("s1")
    assert log[0].kind == "story_opened"
    assert "article_joined" in [c.kind for c in log] and "figure_revised" in [c.kind for c in log]
    opened = log[0].at
    assert [c.kind for c in store.changes("s1", since=opened)] == [c.kind for c in log[1:]]
    store.replace_stories([grown])  # the same story again: nothing new
    assert len(store.changes("s1")) == len(log)
    assert store.story_ranks()["s1"][:3] == (2, 2, 2)


def test_a_store_of_the_previous_schema_is_migrated_and_indexed(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 2")
    db.close()
    assert Store(path).schema_version == SCHEMA_VERSION  # an empty store of version 2 migrates
    # A store of version 2 with a story in it: the ranking columns and entity index are filled.
    path2 = tmp_path / "old2.db"
    db = sqlite3.connect(path2, isolation_level=None)
    for script in MIGRATIONS[:2]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 2")
    s = story("s1", ["A", "B"], people=(("Rina Marpaung", 3),))
    db.execute(
        "INSERT INTO stories (id, headline, first_published, last_published, data, updated_at) VALUES (?,?,?,?,?,?)",
        (s.id, s.headline, "2024-06-20", "2024-06-20", json.dumps(to_jsonable(s)), "2024-06-20T00:00:00"),
    )
    db.close()
    store = Store(path2)
    assert store.schema_version == SCHEMA_VERSION
    assert store.story_ranks()["s1"][0] == 2
    assert [r[0] for r in store.story_entities("rina-marpaung")] == ["s1"]


# -- entities and threads ---------------------------------------------------------------------------


def test_entity_ids_are_spelling_insensitive_slugs():
    assert entity_id("Kevin Manuhutu") == entity_id("kevin  manuhutu") == "kevin-manuhutu"
    assert entity_id("Kim Jong-un") == entity_id("Kim Jong Un")


def keys(id_: str, first: date, last: date, *names: str) -> StoryKeys:
    return StoryKeys(id_, first, last, frozenset(names), frozenset(names))


def test_a_follow_up_links_to_the_story_it_continues():
    df = {"darmawan": 2, "tirta": 2, "polisi": 40}
    arrest = keys("arrest", date(2024, 5, 2), date(2024, 5, 3), "darmawan", "tirta", "polisi")
    trial = keys("trial", date(2024, 5, 20), date(2024, 5, 21), "darmawan", "tirta", "polisi")
    link = previous_link(trial, [arrest], df, 50)
    assert link is not None and link.previous_id == "arrest" and link.shared == ("darmawan", "polisi", "tirta")
    # One rare name alone is not a thread: a club or a company is named by many unrelated stories.
    assert previous_link(keys("t1", date(2024, 5, 20), date(2024, 5, 20), "darmawan"), [arrest], df, 50) is None
    assert previous_link(arrest, [trial], df, 50) is None  # never backwards
    # A name most stories carry is not enough on its own.
    common = keys("other", date(2024, 5, 10), date(2024, 5, 10), "polisi")
    assert previous_link(keys("t2", date(2024, 5, 20), date(2024, 5, 20), "polisi"), [common], df, 50) is None
    # Too long a silence between them.
    late = keys("late", date(2024, 5, 4) + timedelta(days=MAX_GAP_DAYS), date(2024, 7, 30), "darmawan", "tirta")
    assert previous_link(late, [arrest], df, 50) is None
    assert link_score(["darmawan"], df, 50) == pytest.approx(1.0)


def test_thread_ids_walk_back_to_the_first_story_then_forward():
    previous = {"b": "a", "c": "b", "d": "b"}
    following = {"a": ["b"], "b": ["c", "d"]}
    assert thread_ids("c", previous, following) == ["a", "b", "c", "d"]
    assert thread_ids("x", previous, following) == ["x"]


def test_store_links_threads_and_indexes_entities_on_save(tmp_path):
    store = FilledStore(tmp_path / "s.db")
    fillers = [story(f"f{i}", ["A"], last=date(2024, 5, 10 + i), people=(("Polisi Uji", 2),)) for i in range(4)]
    arrest = story("arrest", ["A", "B"], last=date(2024, 5, 3), people=(("Darmawan Siregar", 4), ("Yusuf Lubis", 2)))
    trial = story("trial", ["A", "B"], last=date(2024, 5, 20), people=(("Darmawan Siregar", 3), ("Yusuf Lubis", 2)))
    store.replace_stories([arrest, *fillers])
    assert store.thread_links() == {}
    store.put_stories([trial])
    assert store.thread_links()["trial"][0] == "arrest"
    assert sorted(r[0] for r in store.story_entities("darmawan-siregar")) == ["arrest", "trial"]
    store.put_stories([], remove=["arrest"])
    assert "trial" not in store.thread_links()


# -- follows, digest and feeds ---------------------------------------------------------------------


def test_follows_are_kept_once_and_removed(tmp_path):
    store = FilledStore(tmp_path / "s.db")
    first = add_follow(store, "banjir  sumbawa")
    again = add_follow(store, "banjir sumbawa")
    assert first.id == again.id and [f.query for f in follows(store)] == ["banjir sumbawa"]
    remove_follow(store, first.id)
    assert follows(store) == []
    with pytest.raises(NotFoundError):
        remove_follow(store, first.id)


def test_digest_lists_followed_stories_that_changed(tmp_path):
    store = FilledStore(tmp_path / "s.db")
    store.replace_stories([story("s1", ["A"], summary=("Banjir merendam desa, 14 orang meninggal.",))])
    add_follow(store, "banjir")
    add_follow(store, "gempa")
    mark = store.changes("s1")[-1].at
    assert all(not e.stories for e in digest(store, mark))
    store.put_stories([story("s1", ["A", "B"], summary=("Banjir merendam desa, 17 orang meninggal.",))])
    entries = digest(store, mark)
    assert [len(e.stories) for e in entries] == [1, 0]
    text = render_digest(entries, mark, "markdown", "http://127.0.0.1:8000")
    assert "## “banjir”" in text and "(http://127.0.0.1:8000/stories/s1)" in text and "17 orang (was 14)" in text
    html = render_digest(entries, mark, "html")
    assert '<h3><a href="/stories/s1">' in html


def test_atom_feed_is_valid_and_updated_follows_the_story(tmp_path):
    store = FilledStore(tmp_path / "s.db")
    store.replace_stories([story("s1", ["A"]), story("s2", ["B"], last=date(2024, 6, 1))])
    meta = feeds.FeedMeta("http://h/feeds/stories.atom", "http://h/", "ringkas")

    def parsed() -> feedparser.FeedParserDict:
        stories = store.stories()
        changed = {k: v[3] for k, v in store.story_ranks().items()}
        return feedparser.parse(feeds.stories_feed(meta, stories, changed, "http://h"))

    before = parsed()
    assert before.bozo is False and len(before.entries) == 2
    store.put_stories([story("s2", ["B", "C"], last=date(2024, 6, 2))])
    after = parsed()
    assert after.bozo is False
    assert after.entries[0].link == "http://h/stories/s2"  # the story that changed comes first
    updated = {e.link: e.updated for e in after.entries}
    was = {e.link: e.updated for e in before.entries}
    assert updated["http://h/stories/s2"] > was["http://h/stories/s2"]
    assert updated["http://h/stories/s1"] == was["http://h/stories/s1"]
    log = feedparser.parse(feeds.story_feed(meta, store.story("s2"), store.changes("s2"), "http://h", LABELS["en"]))
    assert log.bozo is False and len(log.entries) == 2 and "article joined" in log.entries[0].summary


def test_feed_text_with_markup_and_control_characters_stays_valid():
    hostile = story("s<1>", ["A & B"], summary=('<script>alert(1)</script> & "kutipan"',))
    body = feeds.stories_feed(feeds.FeedMeta("http://h/f", "http://h/", "t"), [hostile], {}, "http://h")
    parsed = feedparser.parse(body)
    assert parsed.bozo is False and "<script>" in parsed.entries[0].summary


# -- labels ------------------------------------------------------------------------------------------


def test_ui_language_from_setting_then_browser():
    assert choose_language("en", "id") == "en"
    assert choose_language("", "en-US,en;q=0.9,id;q=0.8") == "en"
    assert choose_language("", "fr-FR, id;q=0.5") == "id"
    assert choose_language("", "fr") == "id"
    assert choose_language("", "en;q=0, id") == "id"
    assert set(LABELS["id"]) == set(LABELS["en"])


# -- the command line -----------------------------------------------------------------------------


def test_cli_stories_follow_digest_and_show_since(tmp_path):
    from click.testing import CliRunner

    from ringkas.cli import main

    db = str(tmp_path / "s.db")
    store = FilledStore(db)
    store.replace_stories(
        [story("wide", ["A", "B", "C"], summary=("Banjir: 14 orang meninggal.",)), story("solo", ["A"], articles=5)]
    )
    mark = store.changes("wide")[-1].at
    store.put_stories([story("wide", ["A", "B", "C", "D"], summary=("Banjir: 17 orang meninggal.",))])
    store.close()
    run = CliRunner().invoke
    listed = run(main, ["--db", db, "--no-progress", "stories"])
    assert listed.exit_code == 0 and listed.output.index("wide") < listed.output.index("solo")
    only = run(main, ["--db", db, "--no-progress", "stories", "--min-outlets", "2"])
    assert "wide" in only.output and "solo" not in only.output
    shown = run(main, ["--db", db, "--no-progress", "show", "wide", "--since", mark])
    assert shown.exit_code == 0 and "figure revised: 17 orang (was 14)" in shown.output
    assert "story opened" not in shown.output
    assert run(main, ["--db", db, "follow", "banjir"]).exit_code == 0
    digest_md = run(main, ["--db", db, "digest", "--since", mark])
    assert digest_md.exit_code == 0 and "Berita wide" in digest_md.output and "17 orang (was 14)" in digest_md.output
    bad = run(main, ["--db", db, "digest", "--since", "kemarin"])
    assert bad.exit_code == 1 and "since" in bad.output


def test_export_carries_the_change_log_and_threads(tmp_path):
    from ringkas import Engine

    db = str(tmp_path / "s.db")
    store = FilledStore(db)
    fillers = [story(f"f{i}", ["A"], last=date(2024, 5, 10 + i)) for i in range(3)]
    arrest = story("arrest", ["A", "B"], last=date(2024, 5, 3), people=(("Darmawan Siregar", 4), ("Yusuf Lubis", 2)))
    trial = story("trial", ["A", "B"], last=date(2024, 5, 20), people=(("Darmawan Siregar", 3), ("Yusuf Lubis", 2)))
    store.replace_stories([arrest, trial, *fillers])
    store.close()
    with Engine(db=db, progress=False) as engine:
        data = json.loads(engine.export("json"))
    assert sorted(c["story_id"] for c in data["changes"]) == sorted(["arrest", "trial", "f0", "f1", "f2"])
    assert data["threads"] == [
        {"story_id": "trial", "previous_id": "arrest", "score": 2.0, "shared": ["darmawan-siregar", "yusuf-lubis"]}
    ]
