"""Article text is shown as text: markup, quotes and ampersands in any field are escaped on
every page, links never take a ``javascript:`` URL, and the clean text is shown whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_web_support import HOSTILE, HOSTILE_TEXT, Client

from ringkas import Engine
from ringkas.web import create_app
from ringkas.web.views import _paragraphs, article_href, safe_url

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[tuple[Client, dict]]:
    with Engine(db=str(tmp_path / "web.db"), progress=False) as engine:
        client = Client(create_app(engine))
        result = client.post("/api/articles", json=HOSTILE).json()
        yield client, result
        client.close()


def pages(client: Client, result: dict) -> dict[str, str]:
    story = result["stories"][0]["href"]
    article = result["articles"][0]["href"]
    return {
        "list": client.get("/").text,
        "search": client.get("/", params={"q": "peretas"}).text,
        "story": client.get(story).text,
        "article": client.get(article).text,
        "article marked": client.get(article, params={"hl": "0"}).text,
    }


def test_script_in_article_text_renders_as_text(hostile):
    client, result = hostile
    rendered = pages(client, result)
    for name, html in rendered.items():
        assert "<script>alert" not in html, name
        assert html.count("<script") == 1, name  # our own app.js only
        assert "<b>tebal</b>" not in html and "<i>" not in html, name
    assert ESCAPED_SCRIPT in rendered["article"]
    assert ESCAPED_SCRIPT in rendered["story"]  # the summary quotes the sentence that carries it
    # The search snippet marks the matched word and escapes the rest.
    assert "<mark>Peretas</mark> menyisipkan kode " + ESCAPED_SCRIPT in rendered["search"]


def test_quotes_and_ampersands_render_as_text(hostile):
    client, result = hostile
    rendered = pages(client, result)
    title = "Situs Dinas Diretas: &#34;Kami &amp; Tim Sudah Memulihkan&#34; &lt;b&gt;tebal&lt;/b&gt;"
    assert f"<h1>{title}</h1>" in rendered["article"]
    assert "&#34;Kami &amp; tim sudah memulihkan situs itu,&#34; kata Kepala Dinas" in rendered["article"]
    assert "server situs &amp; aplikasi" in rendered["article"]
    assert "Kabar &amp; Kota &lt;i&gt;" in rendered["article"]  # the outlet
    assert "Kabar &amp; Kota &lt;i&gt;" in rendered["story"]  # citations and chart labels
    # The id (with <, &, quotes) is escaped in links and comes back whole.
    href = result["articles"][0]["href"]
    assert href == "/articles/retas-%3Cb%3E%26%22%27"
    assert client.get(href.replace("/articles/", "/api/articles/")).json()["article"]["id"] == HOSTILE["id"]


def test_json_twin_keeps_the_text_as_it_is(hostile):
    client, result = hostile
    data = client.get(result["articles"][0]["href"].replace("/articles/", "/api/articles/")).json()
    assert HOSTILE_TEXT in data["article"]["text"]
    assert data["article"]["title"] == HOSTILE["title"]


def test_a_javascript_url_is_never_a_link(hostile):
    client, result = hostile
    html = client.get(result["articles"][0]["href"]).text
    assert 'href="javascript:' not in html.lower()
    assert safe_url("javascript:alert(2)") is None
    assert safe_url(" JaVaScRiPt:alert(2)") is None
    assert safe_url("data:text/html,<b>x</b>") is None
    assert safe_url("https://contoh.id/berita?a=1&b=2") == "https://contoh.id/berita?a=1&b=2"


def test_error_messages_escape_what_the_user_sent(hostile):
    client, _ = hostile
    response = client.get("/stories/<img src=x onerror=alert(1)>")
    assert response.status_code == 404
    assert "<img" not in response.text and "&lt;img src=x onerror=alert(1)&gt;" in response.text


def test_article_href_quotes_everything():
    assert article_href("a b/c?d#e") == "/articles/a%20b%2Fc%3Fd%23e"
    assert article_href("x", 3) == "/articles/x?hl=3#s3"


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab <>&\"'.\n")), max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
)
def test_paragraphs_show_every_character_of_every_line_once(text, raw_spans):
    spans = [(n, min(a, b), max(a, b)) for n, (a, b) in enumerate(raw_spans) if min(a, b) < len(text)]
    # Sentences never overlap: keep the spans that do not.
    kept: list[tuple[int, int, int]] = []
    for span in sorted(spans, key=lambda s: s[1]):
        if not kept or span[1] >= kept[-1][2]:
            kept.append(span)
    shown = _paragraphs(text, kept, None)
    lines = [line for line in text.split("\n") if line.strip()]
    assert ["".join(piece["text"] for piece in para) for para in shown] == lines
