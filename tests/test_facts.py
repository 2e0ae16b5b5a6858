"""Story facts: timeline, figures, conflicts, per-outlet coverage, the export shape and
``ringkas show``, on articles we wrote."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from ringkas.analysis import Analyzer
from ringkas.cli import main
from ringkas.exporting import story_dict
from ringkas.facts import build_timeline, compare_coverage, find_conflicts, find_figures, outlet_of
from ringkas.lengths import LengthSpec
from ringkas.models import Article, Document
from ringkas.stories import build_story
from ringkas.summarizing import make_summarizer

FIXTURES = Path(__file__).parent / "fixtures" / "facts"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def doc(analyzer: Analyzer, article_id: str, text: str, outlet: str, published: str) -> Document:
    article = Article(article_id, "Judul", text, outlet=outlet, published=date.fromisoformat(published), language="id")
    return analyzer.analyse(article)


@pytest.fixture(scope="module")
def landslide(analyzer: Analyzer) -> list[Document]:
    """The four landslide articles of tests/fixtures/facts/articles.jsonl, as one story."""
    documents = []
    for line in (FIXTURES / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "longsor" in row["id"]:
            article = Article(
                row["id"],
                row["title"],
                row["text"],
                outlet=row["outlet"],
                published=date.fromisoformat(row["published"]),
                language="id",
            )
            documents.append(analyzer.analyse(article))
    assert len(documents) == 4
    return documents


def outlets(documents: list[Document]) -> dict[str, str]:
    return {d.id: outlet_of(d) for d in documents}


# -- timeline ------------------------------------------------------------------------------


def test_timeline_merges_one_event_across_articles_and_keeps_distinct_events_apart(analyzer):
    tokenizer = analyzer.tokenizer
    a = doc(
        analyzer,
        "a",
        "Jembatan Kali Serang ambruk diterjang banjir pada Senin (3/3/2025) pagi.",
        "Kabar A",
        "2025-03-04",
    )
    b = doc(
        analyzer,
        "b",
        "Banjir menerjang dan membuat Jembatan Kali Serang ambruk, Senin (3/3/2025).",
        "Kabar B",
        "2025-03-04",
    )
    c = doc(
        analyzer,
        "c",
        "Pada Senin (3/3/2025), sekolah di tiga desa diliburkan karena jalan tergenang.",
        "Kabar B",
        "2025-03-04",
    )
    timeline = build_timeline([a, b, c], tokenizer)
    assert [(t.date, t.article_ids) for t in timeline] == [("2025-03-03", ("a", "b")), ("2025-03-03", ("c",))]
    assert timeline[0].text.startswith("Jembatan Kali Serang ambruk")


def test_timeline_is_ordered_by_date_and_leaves_out_publication_context(analyzer):
    a = doc(
        analyzer,
        "a",
        "Pembangunan waduk dimulai pada Januari 2024. Waduk itu diresmikan presiden pada 17 Agustus 2025.\n"
        "Demikian seperti dilansir Kabar Nusa pada Senin (18/8/2025).",
        "Kabar A",
        "2025-08-18",
    )
    assert [t.date for t in build_timeline([a], analyzer.tokenizer)] == ["2024-01", "2025-08-17"]


def test_timeline_leaves_out_eras(analyzer):
    a = doc(
        analyzer,
        "a",
        "Kawasan itu berkembang sejak awal tahun 2000-an. Jembatan baru dibuka pada 3 Maret 2025.",
        "Kabar A",
        "2025-03-04",
    )
    assert [t.date for t in build_timeline([a], analyzer.tokenizer)] == ["2025-03-03"]


def test_timeline_of_undated_text_is_empty(analyzer):
    a = doc(analyzer, "a", "Warga bergotong royong membersihkan lumpur dari rumah mereka.", "Kabar A", "2025-03-04")
    assert build_timeline([a], analyzer.tokenizer) == ()


# -- figures ---------------------------------------------------------------------------------


def test_figures_read_indonesian_numbers_and_skip_dates_times_and_labels(analyzer):
    a = doc(
        analyzer,
        "a",
        "Pemerintah menyiapkan anggaran Rp 2,4 triliun untuk memperbaiki 1.150 kilometer saluran irigasi. "
        "Banjir datang pukul 02.00 WIB pada 12 Juni 2024 dan merendam permukiman warga di tujuh desa. "
        "Tersangka dijerat Pasal 2 ayat 1 dan tahun 2023 menjadi awal kasus.",
        "Kabar A",
        "2024-06-13",
    )
    figures = {(f.value, f.unit) for f in find_figures(a, analyzer.tokenizer)}
    assert (2.4e12, "rp") in figures
    assert (1150.0, "kilometer") in figures
    assert (7.0, "desa") in figures
    assert not {v for v, _ in figures} & {2.0, 12.0, 2024.0, 2023.0, 1.0}


# -- conflicts -------------------------------------------------------------------------------


def test_different_tolls_for_the_same_day_from_two_outlets_conflict(landslide, analyzer):
    conflicts = find_conflicts(landslide, outlets(landslide), analyzer.tokenizer)
    tolls = [c for c in conflicts if any(v == "tujuh warga" for v, _ in c.values)]
    assert len(tolls) == 1
    assert dict(tolls[0].values) == {
        "tujuh warga": ("longsor-pagentan-tujuh-warga-tewas",),
        "sembilan orang": ("sembilan-warga-meninggal-longsor-pagentan",),
    }


def test_two_dates_for_one_planned_visit_conflict(landslide, analyzer):
    conflicts = find_conflicts(landslide, outlets(landslide), analyzer.tokenizer)
    visits = [c for c in conflicts if c.what.startswith("tanggal")]
    assert [dict(c.values) for c in visits] == [
        {
            "2025-03-05": ("korban-longsor-pagentan-bertambah",),
            "2025-03-06": ("pemprov-jateng-siapkan-bantuan-korban-longsor",),
        }
    ]


def test_updates_earlier_values_and_far_apart_numbers_are_not_conflicts(analyzer):
    tokenizer = analyzer.tokenizer
    monday = doc(
        analyzer,
        "m",
        "Korban meninggal akibat banjir tercatat empat orang pada Senin (3/3/2025).",
        "Kabar A",
        "2025-03-03",
    )
    tuesday = doc(
        analyzer,
        "t",
        "Korban meninggal akibat banjir tercatat sembilan orang pada Selasa (4/3/2025).",
        "Kabar B",
        "2025-03-04",
    )
    change = doc(
        analyzer,
        "c",
        "Korban meninggal akibat banjir bertambah dari empat menjadi sembilan orang pada Selasa (4/3/2025).",
        "Kabar A",
        "2025-03-04",
    )
    assert find_conflicts([monday, tuesday, change], outlets([monday, tuesday, change]), tokenizer) == []
    pengungsi = doc(
        analyzer,
        "p",
        "Warga yang mengungsi akibat banjir tercatat 400 orang pada Senin (3/3/2025).",
        "Kabar B",
        "2025-03-03",
    )
    assert find_conflicts([monday, pengungsi], outlets([monday, pengungsi]), tokenizer) == []


def test_one_outlet_giving_both_values_is_not_a_conflict_between_outlets(analyzer):
    tokenizer = analyzer.tokenizer
    a = doc(
        analyzer,
        "a",
        "Korban meninggal akibat banjir tercatat empat orang pada Senin (3/3/2025).",
        "Kabar A",
        "2025-03-03",
    )
    b = doc(
        analyzer,
        "b",
        "Korban meninggal akibat banjir tercatat lima orang pada Senin (3/3/2025).",
        "Kabar A",
        "2025-03-03",
    )
    assert find_conflicts([a, b], outlets([a, b]), tokenizer) == []


# -- coverage and the story ------------------------------------------------------------------


def test_coverage_per_outlet(landslide, analyzer):
    summarizer = make_summarizer("centroid", tokenizer=analyzer.tokenizer)
    story = build_story(landslide, summarizer, analyzer.tokenizer, LengthSpec.parse("4"), 0.35)
    by_outlet = {c.outlet: c for c in story.coverage}
    assert set(by_outlet) == {"Berita Lembah", "Warta Pesisir", "Suara Bengawan"}
    lembah = by_outlet["Berita Lembah"]
    assert lembah.article_ids == ("longsor-pagentan-tujuh-warga-tewas", "korban-longsor-pagentan-bertambah")
    assert lembah.published == date(2025, 3, 3)
    assert all(story.quotes[n].article_id in lembah.article_ids for n in lembah.quotes)
    assert len(lembah.quotes) == sum(q.article_id in lembah.article_ids for q in story.quotes) > 0
    for coverage in story.coverage:
        for n in coverage.facts:
            assert {c.article_id for c in story.summary[n].citations} & set(coverage.article_ids)
        for sentence in coverage.unique:  # nobody else reports it, and it is not a quote
            assert not sentence.startswith(('"', "“"))
    assert any(c.conflicts for c in story.coverage)
    toll = next(c for c in by_outlet["Warta Pesisir"].conflicts if "orang" in c.what)
    assert {v for v, _ in toll.values} == {"tujuh warga", "sembilan orang"}


def test_story_quotes_speak_with_one_name_per_person(landslide, analyzer):
    summarizer = make_summarizer("centroid", tokenizer=analyzer.tokenizer)
    story = build_story(landslide, summarizer, analyzer.tokenizer, LengthSpec.parse("4"), 0.35)
    teguh = [q for q in story.quotes if "Teguh" in q.speaker]
    assert len(teguh) == 3 and {q.speaker for q in teguh} == {"Teguh Wibisono"}
    assert all(q.role and q.role.startswith("Kepala Pelaksana BPBD") for q in teguh)
    people = {e.name for e in story.entities if e.kind == "PERSON"}
    assert {q.speaker for q in story.quotes if q.speaker[:1].isupper()} <= people  # every named speaker


def test_export_shape_of_the_facts(landslide, analyzer):
    summarizer = make_summarizer("centroid", tokenizer=analyzer.tokenizer)
    data = story_dict(build_story(landslide, summarizer, analyzer.tokenizer, LengthSpec.parse("4"), 0.35))
    assert set(data["quotes"][0]) == {"speaker", "role", "text", "article_id", "direct", "confidence"}
    assert all(0.0 < q["confidence"] <= 1.0 for q in data["quotes"])
    assert set(data["timeline"][0]) == {"date", "text", "article_ids", "kind", "shown"}
    assert {t["kind"] for t in data["timeline"]} <= {"event", "plan", "background"}
    coverage = data["coverage"][0]
    assert {"outlet", "article_ids", "unique", "conflicts", "published", "facts", "quotes"} <= set(coverage)
    conflict = next(c for entry in data["coverage"] for c in entry["conflicts"] if "orang" in c["what"])
    assert {(v["value"], tuple(v["outlets"])) for v in conflict["values"]} == {
        ("tujuh warga", ("Berita Lembah",)),
        ("sembilan orang", ("Warta Pesisir",)),
    }
    json.dumps(data)  # plain JSON all the way down


def test_coverage_of_a_one_outlet_story_has_no_unique_facts(analyzer):
    a = doc(
        analyzer,
        "a",
        "Pasar Induk terbakar pada Senin (3/3/2025) malam. Api padam dua jam kemudian.",
        "Kabar A",
        "2025-03-04",
    )
    (coverage,) = compare_coverage([a], (), (), (), analyzer.tokenizer)
    assert coverage.outlet == "Kabar A" and coverage.unique == () and coverage.conflicts == ()


def test_show_prints_the_story_facts(tmp_path):
    db = str(tmp_path / "facts.db")
    runner = CliRunner()
    ran = runner.invoke(main, ["--db", db, "--no-progress", "run", str(FIXTURES / "articles.jsonl")])
    assert ran.exit_code == 0, ran.output
    listed = runner.invoke(main, ["--db", db, "stories"])
    story_id = next(line.split()[0] for line in listed.output.splitlines() if "Tegal" in line)
    shown = runner.invoke(main, ["--db", db, "show", story_id])
    assert shown.exit_code == 0, shown.output
    for heading in ("timeline", "people", "quotes", "coverage"):
        assert f"\n  {heading}\n" in shown.output
    assert "2025-03-13" in shown.output
    assert "Sri Wahyuni (Anggota Komisi II DPRD): “Kalau juru parkirnya resmi" in shown.output
    assert "Warta Pesisir · first 2025-03-13" in shown.output
