"""Fuzzing the cleaner and the near-duplicate marker: any text in, an article out.

Random text and random edits of a noisy article never raise (the cleaner has no failure
mode of its own; a ``RingkasError`` would be allowed), every removal keeps a known reason,
and no word comes out that did not go in.
"""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ringkas.cleaning import Cleaner, fix_text, match_dateline, normalize_line
from ringkas.dedup import DuplicateMarker
from ringkas.errors import RingkasError
from ringkas.models import Article

NOISY = (Path(__file__).parent / "fixtures" / "reading" / "bising.txt").read_text(encoding="utf-8").split("\n")
REASONS = {
    *("related-link", "advertisement", "video-prompt", "photo-credit", "byline", "repeated-headline"),
    *("share-prompt", "spam", "mojibake", "boilerplate", "dateline"),
}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Letters, digits, punctuation, spaces and newlines, with the odd control or mojibake character.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("abcdeghiklmnoprstuy AEIKMPSTJ.,:;!?\"'()[]-–—/|@#0123456789\n"),
        st.characters(codec="utf-8"),
    ),
    max_size=400,
)


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def check(cleaner: Cleaner, article: Article) -> Article:
    try:
        cleaned = cleaner.clean(article)
    except RingkasError:
        return article
    assert isinstance(cleaned, Article)
    assert all(r.reason in REASONS for r in cleaned.removed)
    assert all(r.text.strip() for r in cleaned.removed if r.reason != "mojibake")
    return cleaned


@FUZZ
@given(title=TEXT, text=TEXT, first_line=st.booleans())
def test_random_text(cleaner, title, text, first_line):
    check(cleaner, Article(id="f", title=title, text=text, metadata={"first_line_is_title": first_line}))


@FUZZ
@given(data=st.data())
def test_mutated_noisy_article(cleaner, data):
    lines = list(NOISY)
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(lines)))
        edit = data.draw(st.sampled_from(["insert", "delete", "swap", "splice"]))
        if edit == "insert":
            lines.insert(at, data.draw(TEXT))
        elif edit == "delete" and lines:
            del lines[min(at, len(lines) - 1)]
        elif edit == "swap" and len(lines) > 1:
            other = data.draw(st.integers(0, len(lines) - 1))
            at = min(at, len(lines) - 1)
            lines[at], lines[other] = lines[other], lines[at]
        elif lines:
            at = min(at, len(lines) - 1)
            cut = data.draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + data.draw(TEXT) + lines[at][cut:]
    title, body = (lines[0] if lines else ""), "\n".join(lines[1:])
    cleaned = check(cleaner, Article(id="f", title=title, text=body))
    # The cleaner moves words around (text, subheadings, removed lines); it never invents one.
    fixed = " ".join(fix_text(line) for line in lines)
    source = set(normalize_line(fixed).split()) | set(normalize_line(" ".join(lines)).split())
    out = [cleaned.title, cleaned.text, *cleaned.subheadings, *(r.text for r in cleaned.removed)]
    assert set(normalize_line(" ".join(out)).split()) <= source


@FUZZ
@given(line=TEXT, context=TEXT)
def test_datelines(line, context):
    found = match_dateline(line, context=context)
    if found is not None:
        assert line.startswith(found.text[:1]) and 0 < found.end <= len(line)


@settings(max_examples=25, deadline=None)
@given(texts=st.lists(TEXT, max_size=6), dated=st.lists(st.booleans(), max_size=6))
def test_duplicate_marker(texts, dated):
    articles = [
        Article(id=f"a{n}", title="", text=t, published=date(2024, 1, 1 + n) if n < len(dated) and dated[n] else None)
        for n, t in enumerate(texts + texts[:2])
    ]
    marked = DuplicateMarker().mark(articles)
    assert [a.id for a in marked] == [a.id for a in articles]
    ids = {a.id for a in articles}
    for a in marked:
        root = a.duplicate_of
        assert root is None or (root in ids and root != a.id)
