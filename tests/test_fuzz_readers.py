"""Fuzzing every reader: random bytes and random mutations of valid inputs give articles or
``InputError`` values, and raise nothing but ``RingkasError`` subclasses."""

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ringkas.errors import InputError, RingkasError
from ringkas.models import Article
from ringkas.reading import Reader, parse_published, sniff_format
from ringkas.reading.json import parse_date_text

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
VALID = {
    "text": (FIXTURES / "bising.txt").read_bytes(),
    "json": (FIXTURES / "kiriman.jsonl").read_bytes(),
    "html": (FIXTURES / "banjir-rob-pekalongan.html").read_bytes(),
    "feed": (FIXTURES / "kabar-pantura.rss").read_bytes() + b"\n" + (FIXTURES / "warta-pesisir.atom").read_bytes(),
}
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """The valid document with a few random edits: cut, insert, overwrite, duplicate, truncate."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        span = draw(st.integers(1, 64))
        edit = draw(st.sampled_from(["cut", "insert", "overwrite", "duplicate", "truncate"]))
        if edit == "cut":
            del out[at : at + span]
        elif edit == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=span))
        elif edit == "overwrite":
            piece = draw(st.binary(min_size=1, max_size=span))
            out[at : at + len(piece)] = piece
        elif edit == "duplicate":
            out[at:at] = out[at : at + span]
        else:
            del out[at:]
    return bytes(out)


def read_all(data: bytes, fmt: str) -> list:
    try:
        with Reader(max_bytes=200_000) as reader:
            items = list(reader.read_bytes(data, source="fuzz", fmt=fmt, article_id="fuzz"))
    except RingkasError:
        return []
    assert all(isinstance(i, (Article, InputError)) for i in items)
    for item in items:
        if isinstance(item, InputError):
            assert item.describe().startswith("fuzz")  # every error names its input
    return items


@pytest.mark.parametrize("fmt", sorted(VALID))
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(fmt, data):
    read_all(data, fmt)


@pytest.mark.parametrize("fmt", sorted(VALID))
@FUZZ
@given(data=st.data())
def test_mutated_valid_input(fmt, data):
    read_all(data.draw(mutated(VALID[fmt])), fmt)


@pytest.mark.parametrize(
    "data",
    [  # found by a longer run of the tests above: feedparser raised LookupError / ValueError
        VALID["feed"].replace(b'encoding="UTF-8"', b'encoding="\x80UTF-8"', 1),
        VALID["feed"].replace(b'encoding="UTF-8"', b'encoding="\x00UTF-8"', 1),
    ],
)
def test_feed_with_a_broken_encoding_declaration(data):
    (error,) = read_all(data, "feed")
    assert "not a readable RSS or Atom feed" in error.describe()


@FUZZ
@given(data=st.one_of(st.binary(max_size=500), *(mutated(v) for v in VALID.values())))
def test_sniffed_format(data):
    read_all(data, sniff_format(data))


@FUZZ
@given(value=st.one_of(st.text(max_size=60), st.integers(), st.floats(), st.none(), st.booleans()))
def test_dates(value):
    with contextlib.suppress(RingkasError):
        parse_published(value, source="fuzz")
    if isinstance(value, str):
        parse_date_text(value)


@FUZZ
@given(data=st.binary(max_size=300))
def test_stdin(data):
    with Reader(max_bytes=200, stdin=io.BytesIO(data)) as reader:
        items = list(reader.read(["-"]))
    assert all(isinstance(i, (Article, InputError)) for i in items)


# -- deep nesting and non-finite numbers (issue #17) -------------------------------------------

NON_FINITE = ["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "2E+308"]


@st.composite
def nested_article(draw) -> tuple[str, int, bool]:
    """A JSON article line with an extra field nested ``depth`` levels (objects and arrays
    mixed), a non-finite number somewhere in it or not: (line, depth, non-finite)."""
    depth = draw(st.one_of(st.integers(0, 70), st.integers(60, 3000)))
    opens = draw(st.lists(st.sampled_from(["[", '{"k":']), min_size=depth, max_size=depth))
    closes = "".join("]" if o == "[" else "}" for o in reversed(opens))
    bad = draw(st.booleans())
    leaf = draw(st.sampled_from(NON_FINITE)) if bad else draw(st.sampled_from(["1", "2.5", '"x"', "null", "-0.0"]))
    extra = "".join(opens) + leaf + closes
    return '{"id": "dalam", "text": "Isi berita pendek untuk diuji.", "extra": ' + extra + "}", depth, bad


@FUZZ
@given(case=nested_article())
def test_deep_nesting_and_non_finite_numbers_are_named_errors(case):
    from ringkas.errors import NestingTooDeepError, NonFiniteNumberError
    from ringkas.reading import MAX_DEPTH, read_json_body
    from ringkas.serialization import to_jsonable

    line, depth, bad = case
    for items in (
        read_all(line.encode(), "json"),
        read_all(("\n" + line + "\n").encode(), "json"),  # as JSON Lines
        read_all(("[" + line + "]").encode(), "json"),  # in an array: one level deeper
    ):
        (item,) = items
        if isinstance(item, Article):
            assert not bad and depth < MAX_DEPTH
            json.dumps(to_jsonable(item), allow_nan=False)  # the store and exports can write it
        elif bad:
            assert isinstance(item, (NonFiniteNumberError, NestingTooDeepError)), item.describe()
        else:
            assert isinstance(item, NestingTooDeepError) and depth >= MAX_DEPTH - 1, item.describe()
    try:
        body = read_json_body(line.encode(), source="request body", max_items=10)
    except (NonFiniteNumberError, NestingTooDeepError):
        assert bad or depth >= MAX_DEPTH
    else:
        assert not bad and isinstance(body[0], Article)
