"""HTML pages: the headline the page shows, the canonical outlet, index pages skipped, the body
without related-story lists and captions (pages of our own writing in tests/fixtures/reading/pages)."""

from pathlib import Path

import pytest

from ringkas.cleaning import Cleaner
from ringkas.errors import IndexPageError, InputError
from ringkas.outlets import OutletRegistry
from ringkas.reading import Reader
from ringkas.reading.html import read_html
from ringkas.reading.pages import PageFacts, page_headline, parse_page

PAGES = Path(__file__).parent / "fixtures" / "reading" / "pages"
KABARKOTA = """
[group.kota-media]
name = "Kota Media"
source = "a test fixture"

[[outlet]]
name = "Kabarkota"
domains = ["kabarkota.example"]
names = ["KABARKOTA"]
group = "kota-media"
"""


def registry() -> OutletRegistry:
    return OutletRegistry.from_toml(KABARKOTA, source="test", base=OutletRegistry.load())


def read_page(name: str, outlets: OutletRegistry | None = None):
    path = PAGES / name
    return read_html(path.read_text(encoding="utf-8"), article_id=path.stem, source=str(path), outlets=outlets)


def test_headline_without_the_site_and_section_suffix_the_page_does_without():
    article = read_page("subsite-article.html", registry())
    assert article.title == "Harga Cabai Rawit di Pasar Induk Turun Dua Hari Berturut-turut"


def test_a_sub_site_is_its_parent_outlet_and_a_social_url_is_never_the_outlet():
    article = read_page("subsite-article.html", registry())
    assert article.outlet == "Kabarkota"
    unknown = read_page("subsite-article.html")  # not in the registry: the site's domain
    assert unknown.outlet == "kabarkota.example"


def test_lead_written_before_the_first_paragraph_is_kept_and_split_at_line_breaks():
    cleaned = Cleaner(identify_language=False).clean(read_page("subsite-article.html", registry()))
    lines = cleaned.text.splitlines()
    assert lines[0].startswith("Harga cabai rawit merah di Pasar Induk Legi turun")
    assert lines[1].startswith("Seorang pedagang, Sulastri,")
    assert cleaned.metadata["dateline_place"].upper() == "SURAKARTA"


def test_related_story_links_and_captions_are_left_out():
    article = read_page("subsite-article.html", registry())
    assert "Harga Bawang Merah Naik" not in article.text
    assert "Pedagang cabai menata dagangan" not in article.text
    assert article.text.rstrip().endswith("dalam beberapa hari ke depan.")


def test_a_rubric_before_the_displayed_headline_is_part_of_it_the_site_name_is_not():
    article = read_page("rubric-article.html")
    assert article.title == "Foto: Festival Layang-layang Ramaikan Pantai Parangkusumo"
    assert article.outlet == "Harian Pesisir Online"


def test_index_page_is_skipped_with_a_reason_and_the_batch_goes_on(tmp_path):
    with Reader() as reader:
        items = list(reader.read_path(PAGES))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if not isinstance(i, InputError)]
    assert len(articles) == 2
    (error,) = errors
    assert isinstance(error, IndexPageError)
    assert "index-page.html" in error.describe() and "index page" in error.message


def test_index_page_without_an_address_is_known_by_its_links():
    markup = (PAGES / "index-page.html").read_text(encoding="utf-8").replace("https://indeks.kabarkota.example/", "")
    with pytest.raises(IndexPageError, match="links to other articles"):
        read_html(markup, article_id="x", source="x.html")


def test_site_suffix_learnt_from_the_other_meta_title_and_the_site_name():
    markup = (
        "<html><head><title>Gempa Guncang Pesisir Selatan - Daerah Sinar Pagi</title>"
        '<meta property="og:title" content="Gempa Guncang Pesisir Selatan">'
        '<meta property="og:site_name" content="Sinar Pagi"></head><body></body></html>'
    )
    page = PageFacts.of(parse_page(markup))
    assert page_headline(page, "", "Sinar Pagi", None, OutletRegistry([])) == "Gempa Guncang Pesisir Selatan"
    alone = markup.replace('<meta property="og:title" content="Gempa Guncang Pesisir Selatan">', "")
    page = PageFacts.of(parse_page(alone))
    assert page_headline(page, "", "Sinar Pagi", None, OutletRegistry([])) == "Gempa Guncang Pesisir Selatan"


def test_a_headline_with_a_colon_or_dash_keeps_it():
    markup = (
        "<html><head><title>BMKG: Hujan Lebat Turun Sepekan - Sinar Pagi</title></head>"
        "<body><h1>BMKG: Hujan Lebat Turun Sepekan</h1></body></html>"
    )
    page = PageFacts.of(parse_page(markup))
    assert page_headline(page, "", "Sinar Pagi", None, OutletRegistry([])) == "BMKG: Hujan Lebat Turun Sepekan"


LEAD = "<p>Banjir merendam tiga desa di Kecamatan Jati sejak Senin pagi setelah hujan deras semalaman.</p>"


def test_line_breaks_and_spaces_between_inline_tags_are_kept():
    markup = (
        "<html><head><title>Banjir Rendam Tiga Desa</title></head><body><article>"
        + LEAD
        + "<p>Warga mengungsi ke balai desa.<br><br>Petugas membagikan makanan kepada pengungsi di sana.</p>"
        + '<p>"Kami <em>enggak</em> <em>sempat</em> menyelamatkan barang," kata Sulastri, warga Desa Jati.</p>'
        + "</article></body></html>"
    )
    article = read_html(markup, article_id="a", source="a.html")
    lines = article.text.splitlines()
    assert "Warga mengungsi ke balai desa." in lines
    assert "Petugas membagikan makanan kepada pengungsi di sana." in lines
    assert "enggak sempat" in article.text
    # The page's own spelling stays: text read from markup is not glue-repaired by the cleaner.
    assert article.metadata["spacing_from_markup"] is True
    cleaned = Cleaner(identify_language=False).clean(article)
    assert "spacing_from_markup" not in cleaned.metadata


def test_a_photo_page_is_its_captions_without_their_credits():
    figure = (
        '<figure class="gallery-item"><img src="x.jpg" alt=""><figcaption class="gallery-caption">{}'
        " (WARTA / Dimas Prasetyo)</figcaption></figure>"
    )
    captions = [
        "Warga menyeberangi jalan yang tergenang banjir di Desa Jati, Kudus, Senin (4/3).",
        "Petugas BPBD mengevakuasi seorang lansia dengan perahu karet di Desa Jati, Senin (4/3).",
    ]
    markup = (
        "<html><head><title>Foto: Banjir Rendam Desa Jati</title></head><body><article>"
        "<h1>Foto: Banjir Rendam Desa Jati</h1><div class='gallery'>"
        + "".join(figure.format(c) for c in captions)
        + "</div><p>Jangan lewatkan berita terkini</p></article></body></html>"
    )
    cleaned = Cleaner(identify_language=False).clean(read_html(markup, article_id="p", source="p.html"))
    assert cleaned.text.splitlines() == captions
    assert [r.reason for r in cleaned.removed].count("photo-credit") == 2
