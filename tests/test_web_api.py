"""The JSON API and the pages, through an in-process client: every endpoint, the 404, 413 and
422 answers, and that each page and its JSON twin come from the same data."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from test_web_support import FLOOD, HOSTILE, RICE, Client, as_jsonl, as_txt

from ringkas import Engine
from ringkas.reading import article_from_mapping
from ringkas.web import Limits, create_app


def with_language(articles: list[dict[str, Any]], code: str) -> list[dict[str, Any]]:
    return [{**a, "language": code} for a in articles]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """An app over a store holding the flood, rice and hostile articles, stories built (read-only)."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    with Engine(db=str(db), progress=False) as engine:
        items = [*with_language(FLOOD, "id"), *with_language(RICE, "ms"), *with_language([HOSTILE], "id")]
        engine.add_articles([article_from_mapping(a, source="fixture") for a in items])
        engine.build_stories()
        client = Client(create_app(engine))
        yield client
        client.close()


@pytest.fixture
def make(tmp_path: Path) -> Iterator[Callable[..., tuple[Engine, Client]]]:
    """Apps over fresh stores, with the limits given; closed after the test whatever happens."""
    made: list[tuple[Engine, Client]] = []

    def new(**limits: Any) -> tuple[Engine, Client]:
        engine = Engine(db=str(tmp_path / f"web{len(made)}.db"), progress=False)
        client = Client(create_app(engine, Limits(**limits) if limits else None))
        made.append((engine, client))
        return engine, client

    yield new
    for engine, client in made:
        client.close()
        engine.close()


@pytest.fixture
def empty(make: Callable[..., tuple[Engine, Client]]) -> Client:
    return make()[1]


def story_with(client: Client, article_id: str) -> dict[str, Any]:
    for story in client.get("/api/stories").json()["stories"]:
        data = client.get(story["href"].replace("/stories/", "/api/stories/")).json()
        if article_id in data["story"]["article_ids"]:
            return data
    raise AssertionError(f"no story holds {article_id}")


# -- the story list and search -------------------------------------------------------------


def test_story_list_newest_first_on_request(seeded):
    data = seeded.get("/api/stories?order=newest").json()
    assert data["total"] == len(data["stories"]) == 3
    latest = [s["last_published"] for s in data["stories"]]
    assert latest == ["2024-03-05", "2024-02-21", "2024-01-10"]
    flood = data["stories"][0]
    assert seeded.get("/api/stories").json()["order"] == "coverage"  # biggest first unless asked
    assert flood["articles"] == 3
    assert flood["outlets"] == ["Harian Simpang", "Kabar Jateng", "Warta Pantura"]
    assert flood["href"] == "/stories/" + flood["id"]


def test_story_list_lead_is_the_story_page_summary_opening(seeded):
    # One summarizer serves both: the list's one-line lead is the first sentence of the page's summary.
    stories = seeded.get("/api/stories").json()["stories"]
    assert stories and all(s["lead"] for s in stories)
    listing = seeded.get("/").text
    for card in stories:
        page = seeded.get(card["href"].replace("/stories/", "/api/stories/")).json()
        assert card["lead"] == page["summary"][0]["text"] == page["story"]["summary"][0]["text"]
        assert str(escape(card["lead"])) in listing


def test_search_finds_stories_and_articles(seeded):
    data = seeded.get("/api/stories", params={"q": "mengungsi"}).json()
    assert data["total"] == 1
    assert "banjir-wp" in story_with(seeded, "banjir-wp")["story"]["article_ids"]
    assert data["stories"][0]["id"] == story_with(seeded, "banjir-wp")["story"]["id"]
    assert {a["id"] for a in data["articles"]} == {"banjir-wp", "banjir-kj", "banjir-hs"}
    marked = {p["text"].lower() for a in data["articles"] for p in a["snippet"] if p["match"]}
    assert marked == {"mengungsi"}
    # Words, not exact strings: prefixes and several words (all must occur).
    assert seeded.get("/api/stories", params={"q": "beras MEDIUM"}).json()["total"] == 1
    assert seeded.get("/api/stories", params={"q": "beras banjir"}).json()["total"] == 0
    assert seeded.get("/api/stories", params={"q": "peretas"}).json()["total"] == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"banjir', 1),
        ("(banjir)", 1),
        ("-banjir^", 1),
        ("banjir*", 1),
        ("banjir OR beras", 0),  # OR is a word to find, not an operator: no story has all three
        ("beras NOT medium", 0),
        ('"', 0),
        ("(((", 0),
        ("🙂", 0),
    ],
)
def test_search_syntax_in_queries_is_inert(seeded, query, expected):
    response = seeded.get("/api/stories", params={"q": query})
    assert response.status_code == 200
    assert response.json()["total"] == expected


def test_filters_by_outlet_date_and_language(seeded):
    def total(**params: str) -> int:
        return int(seeded.get("/api/stories", params=params).json()["total"])

    assert total(outlet="Harian Simpang") == 1
    assert total(outlet="Kabar Jateng") == 2
    assert total(outlet="Tidak Ada") == 0
    assert total(since="2024-02-01", until="2024-02-29") == 1
    assert total(since="2024-03-05") == 1
    assert total(until="2024-01-31") == 1
    assert total(language="id") == 2
    assert total(language="ms") == 1
    assert total(language="en") == 0
    assert total(q="harga", outlet="Warta Pantura") == 1
    assert total(q="harga", outlet="Harian Simpang") == 0
    facets = seeded.get("/api/stories").json()["facets"]
    assert {o["name"]: o["articles"] for o in facets["outlets"]}["Kabar Jateng"] == 2
    assert facets["first_published"] == "2024-01-10" and facets["last_published"] == "2024-03-05"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "kemarin"}, "since"),
        ({"until": "2024-13-01"}, "until"),
        ({"page": "dua"}, "page"),
        ({"page": "0"}, "page"),
    ],
)
def test_bad_list_parameters_are_422_naming_the_field(seeded, params, field):
    response = seeded.get("/api/stories", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["type"] == "FormatError" and f"'{field}'" in error["message"]
    page = seeded.get("/", params=params)
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert f"&#39;{field}&#39;" in page.text


def test_paging(make):
    engine, client = make()
    articles = [
        {
            "id": f"p{n}",
            "title": f"Berita {n}",
            "text": f"Kalimat unik nomor {n} tentang kota{n}.",
            "published": f"2024-05-{n + 1:02d}",
        }
        for n in range(31)
    ]
    engine.add_articles([article_from_mapping(a, source="fixture") for a in articles])
    engine.store.replace_stories([])  # pages of stories need stories: one per article
    from ringkas.models import Story

    engine.store.put_stories([Story(id=f"s{n:02d}", headline=f"Berita {n}", article_ids=(f"p{n}",)) for n in range(31)])
    first = client.get("/api/stories").json()
    assert first["pages"] == 2 and len(first["stories"]) == 30 and first["previous_href"] is None
    second = client.get(first["next_href"].replace("/", "/api/stories", 1)).json()
    assert second["page"] == 2 and len(second["stories"]) == 1 and second["next_href"] is None


# -- one story, one article ------------------------------------------------------------------


def test_story_citations_link_to_the_exact_source_sentence(seeded):
    data = story_with(seeded, "banjir-wp")
    assert data["summary"], "the flood story has a summary"
    for sentence in data["summary"]:
        source = sentence["citations"][0]
        assert source["source"] is True
        path, _, anchor = source["href"].partition("#")
        article = seeded.get(path.replace("/articles/", "/api/articles/")).json()
        index = int(anchor[1:])
        pieces = [p for para in article["paragraphs"] for p in para if p["sentence"] == index]
        assert [p["text"] for p in pieces] == [sentence["text"]]
        assert pieces[0]["marked"] is True
        assert article["highlight"] == index


def test_citations_of_other_outlets_land_on_the_sentence_that_reports_the_fact(seeded):
    data = story_with(seeded, "banjir-wp")
    others = [(s, c) for s in data["summary"] for c in s["citations"] if not c["source"]]
    assert others, "the flood story is reported by two outlets"
    for sentence, citation in others:
        if citation["sentence_index"] is None:  # the headline reports it: the link opens the article
            assert "#" not in citation["href"]
            continue
        path, _, anchor = citation["href"].partition("#")
        assert anchor == f"s{citation['sentence_index']}"
        article = seeded.get(path.replace("/articles/", "/api/articles/")).json()
        cited = " ".join(p["text"] for para in article["paragraphs"] for p in para if p["marked"])
        shared = set(sentence["text"].lower().split()) & set(cited.lower().split())
        assert cited and len(shared) >= 3, (sentence["text"], cited)


def test_story_page_and_its_json_twin_show_the_same_story(seeded):
    data = story_with(seeded, "beras-wp")
    page = seeded.get(data["href"])
    assert page.status_code == 200
    assert f'href="/api/stories/{data["story"]["id"]}"' in page.text  # the twin is linked
    for sentence in data["summary"]:
        assert sentence["text"] in page.text
        for citation in sentence["citations"]:
            assert f'href="{citation["href"]}"'.replace("&", "&amp;") in page.text
    for article in data["articles"]:
        assert article["title"] in page.text
    assert len(re.findall(r"<circle ", page.text)) == sum(1 for r in data["chart"]["rows"] for c in r["counts"] if c)
    # The quotes section shows exactly when the facts stage found quotes.
    assert (data["quotes"] == []) == ('id="kutipan"' not in page.text)


def test_outlet_chart_counts_articles_per_outlet_and_day(seeded):
    chart = story_with(seeded, "banjir-wp")["chart"]
    assert chart["unit"] == "day" and chart["columns"] == ["2024-03-04", "2024-03-05"]
    assert {r["outlet"]: r["counts"] for r in chart["rows"]} == {
        "Warta Pantura": [1, 0],
        "Kabar Jateng": [1, 0],
        "Harian Simpang": [0, 1],
    }


def test_unknown_story_is_404_as_json_and_html(seeded):
    response = seeded.get("/api/stories/s-tidak-ada")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"status": 404, "type": "NotFoundError", "message": "no story with id 's-tidak-ada'"}
    }
    page = seeded.get("/stories/s-tidak-ada")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "s-tidak-ada" in page.text and "Tidak ditemukan" in page.text


def test_unknown_article_and_unknown_route_are_404(seeded):
    assert seeded.get("/api/articles/tidak-ada").status_code == 404
    assert seeded.get("/articles/tidak-ada").status_code == 404
    assert seeded.get("/api/tidak-ada").json()["error"]["status"] == 404
    assert seeded.get("/halaman/tidak/ada").status_code == 404


def test_article_page_shows_sentences_and_removed_noise(make):
    _, client = make()
    noisy = {
        "id": "a/b c",  # a slash and a space in the id: the link must still come back to it
        "title": "Jembatan Gantung di Lebak Putus",
        "text": (
            "Jembatan gantung yang menghubungkan dua desa di Kabupaten Lebak putus pada Kamis sore.\n"
            "Baca juga: Warga Lebak Gotong Royong Perbaiki Jalan\n"
            "Tidak ada korban jiwa, tetapi puluhan siswa harus memutar sejauh lima kilometer."
        ),
    }
    result = client.post("/api/articles", json=noisy).json()
    href = result["articles"][0]["href"]
    assert href == "/articles/a%2Fb%20c"
    data = client.get(href.replace("/articles/", "/api/articles/"), params={"hl": "1"}).json()
    assert data["article"]["id"] == "a/b c"
    assert [r["reason"] for r in data["removed"]] == ["related-link"]
    texts = [p["text"] for para in data["paragraphs"] for p in para if p["sentence"] is not None]
    assert texts[0].startswith("Jembatan gantung") and texts[1].startswith("Tidak ada korban")
    assert [p["marked"] for para in data["paragraphs"] for p in para if p["sentence"] is not None] == [False, True]
    page = client.get(href, params={"hl": "1"}).text
    assert '<details class="noise">' in page and "related-link" in page and "Baca juga" in page
    assert 'class="sentence hl" id="s1"' in page
    assert client.get(href, params={"hl": "satu"}).status_code == 422


# -- ingest ----------------------------------------------------------------------------------


def test_post_articles_runs_the_pipeline_and_leads_to_the_story(empty):
    response = empty.post("/api/articles", json=FLOOD)
    assert response.status_code == 201
    data = response.json()
    assert (data["read"], data["stored"], data["skipped"]) == (3, 3, [])
    assert len(data["stories"]) == 1 and data["redirect"] == data["stories"][0]["href"]
    assert {a["story_id"] for a in data["articles"]} == {data["stories"][0]["id"]}
    story = empty.get(data["redirect"].replace("/stories/", "/api/stories/")).json()
    assert sorted(story["story"]["article_ids"]) == sorted(a["id"] for a in FLOOD)
    # The same articles again are recognised, not stored twice.
    again = empty.post("/api/articles", json={"articles": FLOOD}).json()
    assert (again["stored"], again["duplicates"]) == (0, 3)


def test_bad_json_is_422(empty):
    response = empty.post(
        "/api/articles", content=b'{"id": "x", "text": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert (
        error["type"] == "FormatError" and "invalid JSON" in error["message"] and "request body:1" in error["message"]
    )
    as_json = {"content-type": "application/json"}  # without it: 415 (test_web_security.py)
    assert empty.post("/api/articles", content=b"\xff\xfe{", headers=as_json).status_code == 422
    assert empty.post("/api/articles", content=b"", headers=as_json).status_code == 422
    assert empty.post("/api/articles", json=[]).status_code == 422


def test_bad_fields_are_422_or_skipped_when_others_are_good(empty):
    response = empty.post("/api/articles", json={"id": "x", "text": 5})
    assert response.status_code == 422
    assert "articles[0]" in response.json()["error"]["message"]
    response = empty.post("/api/articles", json={"id": "x", "text": "Isi.", "published": "Senin kemarin"})
    assert response.status_code == 422 and "published" in response.json()["error"]["message"]
    mixed = empty.post("/api/articles", json=[RICE[0], {"id": "kosong", "title": "Tanpa isi"}, RICE[1]])
    assert mixed.status_code == 201
    data = mixed.json()
    assert data["stored"] == 2 and len(data["skipped"]) == 1
    assert data["skipped"][0]["source"] == "articles[1]" and "text" in data["skipped"][0]["message"]


def test_too_large_body_is_413(make):
    engine, client = make(max_body_bytes=2_000)
    big = [{**FLOOD[0], "text": FLOOD[0]["text"] * 10}]
    response = client.post("/api/articles", json=big)
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "InputTooLargeError"
    # A body sent in chunks without a declared length is counted as it arrives.
    body = json.dumps(big).encode()

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 500):
            yield body[start : start + 500]

    streamed = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in streamed.request.headers
    assert streamed.status_code == 413
    page = client.post("/ingest", files={"files": ("banjir.txt", as_txt(big[0]).encode(), "text/plain")})
    assert page.status_code == 413 and "text/html" in page.headers["content-type"]
    assert engine.store.count_articles() == 0


def test_too_many_articles_or_files_is_413(make):
    engine, client = make(max_files=2)
    assert client.post("/api/articles", json=FLOOD).status_code == 413
    files = [("files", (f"{a['id']}.txt", as_txt(a).encode(), "text/plain")) for a in FLOOD]
    response = client.post("/api/ingest", files=files)
    assert response.status_code == 413 and "limit is 2" in response.json()["error"]["message"]
    assert client.post("/ingest", files=files).status_code == 413
    assert engine.store.count_articles() == 0


def test_one_file_over_the_file_limit_is_skipped_and_the_batch_goes_on(make):
    _, client = make(max_file_bytes=600)
    long = {**RICE[0], "text": RICE[0]["text"] * 3}
    files = [
        ("files", ("panjang.txt", as_txt(long).encode(), "text/plain")),
        ("files", ("pendek.txt", as_txt(RICE[1]).encode(), "text/plain")),
    ]
    data = client.post("/api/ingest", files=files).json()
    assert data["stored"] == 1
    assert data["skipped"][0]["source"] == "panjang.txt" and data["skipped"][0]["status"] == 413


def test_upload_form_redirects_to_the_story(empty):
    files = [("files", (f"{a['id']}.txt", as_txt(a).encode(), "text/plain")) for a in FLOOD]
    response = empty.post("/ingest", files=files, follow_redirects=False)
    assert response.status_code == 303
    story = empty.get(response.headers["location"])
    assert story.status_code == 200 and "Ringkasan" in story.text


def test_upload_of_several_stories_lists_them_and_reports_skipped_files(empty):
    files = [
        ("files", ("campuran.jsonl", as_jsonl(FLOOD + RICE).encode(), "application/json")),
        ("files", ("laporan.pdf", b"%PDF-1.4 bukan teks", "application/pdf")),
        ("files", ("kosong.txt", b"", "text/plain")),
    ]
    response = empty.post("/ingest", files=files, follow_redirects=False)
    assert response.status_code == 200
    assert response.text.count('<li class="card">') == 2
    assert "laporan.pdf: unsupported file type (.pdf)" in response.text
    assert "kosong.txt" in response.text


def test_pasted_text_with_outlet_and_date(empty):
    form = {"text": as_txt(RICE[0]), "outlet": "Warta Pantura", "published": "2024-02-20", "url": "https://contoh.id/b"}
    data = empty.post("/api/ingest", data=form).json()
    assert data["stored"] == 1
    article = empty.get(data["articles"][0]["href"].replace("/articles/", "/api/articles/")).json()["article"]
    assert (article["outlet"], article["published"], article["url"]) == (
        "Warta Pantura",
        "2024-02-20",
        "https://contoh.id/b",
    )
    bad_date = empty.post("/api/ingest", data={**form, "published": "20 Feb"})
    assert bad_date.status_code == 422 and "published" in bad_date.json()["error"]["message"]


def test_empty_form_is_422(empty):
    assert empty.post("/api/ingest", data={"text": "  "}).status_code == 422
    page = empty.post("/ingest", data={})
    assert page.status_code == 422 and "nothing to ingest" in page.text


def test_ingest_page_and_its_twin_state_the_limits(make):
    _, client = make(max_files=7, max_body_bytes=3_000_000)
    data = client.get("/api/ingest").json()
    assert (data["max_files"], data["max_body_bytes"]) == (7, 3_000_000)
    assert ".txt" in data["accepts"] and ".jsonl" in data["accepts"]
    page = client.get("/ingest").text
    assert 'enctype="multipart/form-data"' in page and "paling banyak 7 berkas" in page and "3 MB" in page


# -- docs, static files, headers ---------------------------------------------------------------


def test_openapi_documents_every_api_endpoint(seeded):
    schema = seeded.get("/openapi.json").json()
    documented = {(m.upper(), p) for p, ops in schema["paths"].items() for m in ops}
    assert documented == {
        ("GET", "/api/stories"),
        ("GET", "/api/stories/{story_id}"),
        ("GET", "/api/articles/{article_id}"),
        ("GET", "/api/ingest"),
        ("POST", "/api/ingest"),
        ("POST", "/api/articles"),
        ("GET", "/api/stories/{story_id}/changes"),
        ("GET", "/api/entities/{key}"),
        ("GET", "/api/threads/{story_id}"),
        ("GET", "/api/follows"),
        ("POST", "/api/follows"),
        ("DELETE", "/api/follows/{follow_id}"),
        ("GET", "/feeds/stories.atom"),
        ("GET", "/feeds/stories/{story_id}.atom"),
        ("GET", "/feeds/entities/{key}.atom"),
    }
    assert "ArticleIn" in schema["components"]["schemas"]
    page = seeded.get("/api").text
    for method, path in documented:
        assert f'<code class="method">{method}</code> <code>{path}</code>' in page


@pytest.mark.parametrize("path", ["/", "/ingest", "/api", "/?q=banjir"])
def test_pages_load_nothing_from_elsewhere(seeded, path):
    page = seeded.get(path)
    assert page.status_code == 200
    targets = re.findall(r'(?:src|href|action)="([^"]*)"', page.text)
    assert targets and all(t.startswith(("/", "#", "?")) for t in targets), targets
    headers = page.headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_static_files_are_a_fixed_set(seeded):
    css = seeded.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert seeded.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    for name in ["nope.css", "..%2Fapp.py", "..%2F..%2Fpyproject.toml", "%2Fetc%2Fpasswd"]:
        assert seeded.get("/static/" + name).status_code == 404


@pytest.mark.parametrize("page", ["/", "/?q=beras&outlet=Kabar+Jateng", "/ingest"])
def test_every_page_links_its_json_twin(seeded, page):
    html = seeded.get(page).text
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', html)
    assert twin is not None
    response = seeded.get(twin.group(1).replace("&amp;", "&"))
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"


def test_facts_sections_render_when_a_story_has_them(make):
    from ringkas.models import Conflict, Entity, OutletCoverage, Quote, Story, TimelineEntry

    engine, client = make()
    engine.add_articles([article_from_mapping(a, source="fixture") for a in FLOOD])
    base = engine.build_stories()[0]
    rich = Story(
        id=base.id,
        headline=base.headline,
        article_ids=base.article_ids,
        summary=base.summary,
        first_published=base.first_published,
        last_published=base.last_published,
        quotes=(
            Quote("Hendi Prasetyo", "Kami siagakan perahu karet", "banjir-wp", True, "Kepala BPBD", 2),
            Quote("Hendi Prasetyo", "pengungsi dipindah ke balai kelurahan", "banjir-kj", False, None, 1),
            Quote("Sutini", "Air masuk sampai dapur", "banjir-hs", True, "warga Genuk"),
        ),
        timeline=(
            TimelineEntry("2024-03-05", "Banjir mulai surut", ("banjir-hs",)),
            TimelineEntry("2024-03-04", "Banjir merendam tiga kecamatan", ("banjir-wp", "banjir-kj")),
        ),
        entities=(
            Entity("Hendi Prasetyo", "PERSON", ("Hendi",), "Kepala BPBD", 3, ("Warta Pantura",)),
            Entity("Genuk", "PLACE", mentions=4),
            Entity("BPBD Kota Semarang", "ORGANISATION", mentions=3),
        ),
        coverage=(
            OutletCoverage(
                "Harian Simpang",
                ("banjir-hs",),
                unique=("Lebih dari 400 warga sempat mengungsi",),
                conflicts=(Conflict("jumlah pengungsi", (("400", ("banjir-hs",)), ("ratusan", ("banjir-kj",)))),),
            ),
        ),
    )
    engine.store.put_stories([rich])
    data = client.get(f"/api/stories/{rich.id}").json()
    assert [t["date"] for t in data["timeline"]] == ["2024-03-04", "2024-03-05"]  # in date order
    assert [(q["speaker"], len(q["quotes"])) for q in data["quotes"]] == [("Hendi Prasetyo", 2), ("Sutini", 1)]
    assert data["quotes"][0]["quotes"][0]["href"] == "/articles/banjir-wp?hl=2#s2"
    assert data["quotes"][1]["quotes"][0]["href"] == "/articles/banjir-hs"  # no sentence index: the article
    assert [p["name"] for p in data["people"]] == ["Hendi Prasetyo"] and data["places"][0]["name"] == "Genuk"
    conflict = data["coverage"][0]["conflicts"][0]
    assert [v["value"] for v in conflict["values"]] == ["400", "ratusan"]
    html = client.get(f"/stories/{rich.id}").text
    for section in ("linimasa", "nama", "kutipan", "liputan"):
        assert f'id="{section}"' in html
    assert '<time datetime="2024-03-04">4 Mar 2024</time>' in html
    assert "“Kami siagakan perahu karet”" in html and "pengungsi dipindah ke balai kelurahan" in html
    assert "<strong>jumlah pengungsi</strong>: 400" in html and "BPBD Kota Semarang" in html


def test_story_page_sets_plans_and_background_apart_and_leaves_out_unsure_quotes(make):
    from ringkas.exporting import story_dict
    from ringkas.models import Quote, Story, TimelineEntry

    engine, client = make()
    engine.add_articles([article_from_mapping(a, source="fixture") for a in FLOOD])
    base = engine.build_stories()[0]
    events = tuple(
        TimelineEntry(
            f"2024-03-{day:02d}", f"Petugas membagikan bantuan hari ke-{day}", ("banjir-wp",), "event", day <= 12
        )
        for day in range(1, 15)
    )
    rich = Story(
        id=base.id,
        headline=base.headline,
        article_ids=base.article_ids,
        quotes=(
            Quote("Hendi Prasetyo", "Kami siagakan perahu karet", "banjir-wp", True, confidence=0.95),
            Quote("Sutini", "Air masuk sampai dapur", "banjir-hs", True, confidence=0.5),
        ),
        timeline=(
            TimelineEntry("2019", "Banjir serupa melanda Genuk", ("banjir-hs",), "background"),
            *events,
            TimelineEntry("2024-03-20", "Tanggul baru dijadwalkan selesai", ("banjir-kj",), "plan"),
        ),
    )
    engine.store.put_stories([rich])
    html = client.get(f"/stories/{rich.id}").text
    plans = html.index('id="linimasa-rencana"')
    assert html.index("Tanggul baru dijadwalkan selesai") > plans > html.index("hari ke-12")
    assert html.index("Banjir serupa melanda Genuk") > html.index('id="linimasa-latar"')
    more = html.index('<details class="more">')
    assert html.index("hari ke-13") > more and html.index("hari ke-14") > more and "2 lainnya" in html
    assert "Kami siagakan perahu karet" in html and "Air masuk sampai dapur" not in html
    data = client.get(f"/api/stories/{rich.id}").json()
    assert [q["speaker"] for q in data["quotes"]] == ["Hendi Prasetyo"]
    exported = story_dict(rich)  # the export keeps every quote with its confidence
    assert [(q["speaker"], q["confidence"]) for q in exported["quotes"]] == [("Hendi Prasetyo", 0.95), ("Sutini", 0.5)]
    assert [t["shown"] for t in exported["timeline"]].count(False) == 2


def test_serve_command_has_help_and_checks_its_port():
    from click.testing import CliRunner

    from ringkas.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--max-body-bytes", "--max-files"):
        assert option in result.output
    assert CliRunner().invoke(main, ["serve", "--port", "99999"]).exit_code == 2


def test_an_article_left_empty_by_cleaning_is_skipped_with_the_reason(empty):
    only_noise = {"id": "iklan", "title": "Promo", "text": "Baca juga: Promo Akhir Tahun\nAdvertisement"}
    data = empty.post("/api/articles", json=[only_noise, RICE[0]]).json()
    assert data["stored"] == 1
    assert [(p["source"], p["message"]) for p in data["skipped"]] == [
        ("articles[0]", "no article text left after cleaning")
    ]
