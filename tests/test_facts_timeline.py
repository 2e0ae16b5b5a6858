"""The timeline an editor reads: one entry per happening, each a sentence's core, plans and
background apart, at most a dozen shown; on sentences we wrote."""

from __future__ import annotations

from datetime import date

import pytest

from ringkas.analysis import Analyzer
from ringkas.facts import build_timeline
from ringkas.facts.happenings import BACKGROUND, EVENT, PLAN, describe_happening, happening_kind, span_of
from ringkas.facts.timeline import MAX_SHOWN
from ringkas.models import Article, Document


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def doc(analyzer: Analyzer, article_id: str, text: str, published: str = "2025-03-04") -> Document:
    article = Article(article_id, "Judul", text, outlet="Kabar " + article_id, published=date.fromisoformat(published))
    return analyzer.analyse(article)


def test_description_drops_the_attribution_and_the_date_in_brackets(analyzer):
    a = doc(
        analyzer,
        "a",
        "Kepala Dinas Pekerjaan Umum Kota Blitar, Sutrisno Adi, mengatakan jembatan darurat selesai dibangun "
        "pada Senin (3/3/2025) sore.",
    )
    text = describe_happening(a, 0)
    assert text == "Jembatan darurat selesai dibangun."


def test_description_names_the_person_a_pronoun_stands_for(analyzer):
    a = doc(
        analyzer,
        "a",
        "Bupati Blitar Wahyu Pranoto meninjau posko pengungsian di Desa Sumberjo. "
        "Ia meminta petugas membagikan selimut kepada pengungsi pada Senin (3/3/2025).",
    )
    text = describe_happening(a, 1)
    assert text is not None and text.startswith("Wahyu Pranoto meminta petugas membagikan selimut")


def test_description_of_a_quotation_or_a_bare_attribution_is_none(analyzer):
    a = doc(
        analyzer,
        "a",
        '"Kami sudah mengirim dua truk air bersih sejak Senin (3/3/2025)," kata Sutrisno.\n'
        'Menurut dia, "semua posko sudah menerima bantuan pada Senin (3/3/2025)."',
    )
    assert describe_happening(a, 0) is None
    assert describe_happening(a, 1) is None


def test_kinds_tell_plans_and_background_from_what_happened():
    published = date(2025, 3, 4)
    assert happening_kind("Jembatan darurat selesai dibangun.", "2025-03-03", published, published) == EVENT
    assert happening_kind("Menteri dijadwalkan meninjau lokasi.", "2025-03-06", published, published) == PLAN
    assert happening_kind("Hujan lebat berpeluang turun.", "2025-03", published, published) == PLAN
    assert happening_kind("Jembatan baru dibuka.", "2025-03-10", published, published) == PLAN  # after the article
    assert happening_kind("Banjir serupa terjadi.", "2019", published, published) == BACKGROUND
    assert happening_kind("Kasus serupa terjadi tahun lalu.", "2024", published, published) == BACKGROUND
    assert happening_kind("Hujan mulai turun sejak akhir Februari.", "2025-02", published, published) == EVENT


def test_span_of_days_months_years_and_ranges():
    assert span_of("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert span_of("2024-12") == (date(2024, 12, 1), date(2024, 12, 31))
    assert span_of("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert span_of("2024-06-24/2024-06-30") == (date(2024, 6, 24), date(2024, 6, 30))


def test_one_sentence_is_one_entry_under_its_most_specific_date(analyzer):
    a = doc(
        analyzer, "a", "Pada Maret 2025, tepatnya Senin (3/3/2025), tanggul Sungai Brantas di Desa Kedungrejo jebol."
    )
    timeline = build_timeline([a], analyzer.tokenizer)
    assert [t.date for t in timeline] == ["2025-03-03"]


def test_a_date_inside_quotation_marks_makes_no_entry(analyzer):
    a = doc(
        analyzer,
        "a",
        'Camat Kedungrejo, Heru Basuki, menolak tudingan lamban. "Kami sudah siaga sejak Januari 2025," ujarnya.',
    )
    assert build_timeline([a], analyzer.tokenizer) == ()


def test_same_happening_in_two_articles_is_one_entry_with_both(analyzer):
    a = doc(analyzer, "a", "Tanggul Sungai Brantas di Desa Kedungrejo jebol pada Senin (3/3/2025) malam.")
    b = doc(analyzer, "b", "Pada Senin (3/3/2025), tanggul Sungai Brantas jebol dan air merendam Desa Kedungrejo.")
    timeline = build_timeline([a, b], analyzer.tokenizer)
    assert [(t.date, t.article_ids) for t in timeline] == [("2025-03-03", ("a", "b"))]


def test_a_busy_story_shows_a_dozen_entries_most_reported_first(analyzer):
    places = [
        "Kedungrejo", "Sumberjo", "Karanganyar", "Tulungrejo", "Bendosari", "Purworejo", "Sidomulyo",
        "Wonorejo", "Sukorejo", "Margomulyo", "Tegalrejo", "Ngadirejo", "Rejosari", "Gadungan",
    ]  # fmt: skip
    days = [f"{n + 1} Maret 2025" for n in range(len(places))]
    lines = [
        f"Pada {day}, petugas membagikan {n + 20} paket sembako kepada warga Desa {place}."
        for n, (day, place) in enumerate(zip(days, places, strict=True))
    ]
    a = doc(analyzer, "a", "\n".join(lines), published="2025-03-15")
    b = doc(analyzer, "b", lines[-1], published="2025-03-15")
    timeline = build_timeline([a, b], analyzer.tokenizer)
    assert len(timeline) == len(places)
    assert sum(t.shown for t in timeline) == MAX_SHOWN
    assert next(t for t in timeline if len(t.article_ids) == 2).shown  # the one two articles report
    assert [t.date for t in timeline] == sorted(t.date for t in timeline)
