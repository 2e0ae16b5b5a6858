"""Readers: every format, folders and stdin, and each kind of bad input named with its reason."""

import io
import json
from datetime import date
from pathlib import Path

import pytest

from ringkas.errors import EmptyInputError, FormatError, InputError, InputTooLargeError
from ringkas.models import Article
from ringkas.reading import Reader, parse_published, read_paths, sniff_format

FIXTURES = Path(__file__).parent / "fixtures" / "reading"


def split(items):
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(articles) + len(errors) == len(items)
    return articles, errors


def read(*paths, **kwargs):
    return split(list(read_paths([str(p) for p in paths], **kwargs)))


# -- plain text -----------------------------------------------------------------------


def test_text_first_line_is_headline(tmp_path):
    path = tmp_path / "gempa-cianjur.txt"
    path.write_text(
        "\n\nGempa Magnitudo 5,1 Guncang Cianjur\r\nGempa berkekuatan 5,1 mengguncang Cianjur pada Kamis pagi.\r\n"
        "Warga berhamburan keluar rumah.\r\n",
        encoding="utf-8",
    )
    (article,), errors = read(path)
    assert not errors
    assert article.id == "gempa-cianjur"
    assert article.title == "Gempa Magnitudo 5,1 Guncang Cianjur"
    assert article.text.split("\n") == [
        "Gempa berkekuatan 5,1 mengguncang Cianjur pada Kamis pagi.",
        "Warga berhamburan keluar rumah.",
    ]
    assert article.metadata["source_path"] == str(path)


def test_text_in_utf16_and_windows_1252_is_read(tmp_path):
    (tmp_path / "a.txt").write_bytes("Kopi Gayo\nHarga kopi Gayo naik lagi pekan ini.".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes("Kafe\nKafé di Medan itu ramai pengunjung \x93setiap malam\x94.".encode("latin-1"))
    (a, b), errors = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert not errors
    assert a.text == "Harga kopi Gayo naik lagi pekan ini."
    assert "Kafé" in b.text and "\u201csetiap malam\u201d" in b.text


@pytest.mark.parametrize(
    ("content", "kind", "message"),
    [
        (b"", EmptyInputError, "file is empty"),
        (b"   \n\t\n", EmptyInputError, "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FormatError, "binary"),
        (bytes(range(1, 32)) * 20, FormatError, "binary"),
    ],
)
def test_bad_text_files_are_named_with_the_reason(tmp_path, content, kind, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    articles, (error,) = read(path)
    assert not articles
    assert isinstance(error, kind)
    assert error.source == str(path)
    assert message in error.describe()


def test_undecodable_bytes_name_line_and_offset(tmp_path):
    path = tmp_path / "rusak.txt"
    path.write_bytes(b"Judul Berita\nBaris dua baik.\n" + b"Baris tiga \x81\x8d\x90 rusak.\n")
    _, (error,) = read(path)
    assert isinstance(error, FormatError)
    assert error.line == 3
    assert "undecodable byte 0x81" in error.describe()
    assert error.describe().startswith(f"{path}:3: ")


def test_file_over_the_size_limit_is_skipped(tmp_path):
    path = tmp_path / "besar.txt"
    path.write_text("Judul\n" + "Kalimat panjang tentang harga beras. " * 200, encoding="utf-8")
    _, (error,) = read(path, max_bytes=1000)
    assert isinstance(error, InputTooLargeError)
    assert "over the 1000-byte limit" in error.describe()


def test_folders_are_read_recursively_skipping_hidden_and_other_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "satu.txt").write_text("Satu\nBerita pertama tentang pasar.", encoding="utf-8")
    (tmp_path / "a" / "b" / "dua.txt").write_text("Dua\nBerita kedua tentang sekolah.", encoding="utf-8")
    (tmp_path / ".git" / "tiga.txt").write_text("Tiga\nTidak boleh terbaca.", encoding="utf-8")
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    articles, errors = read(tmp_path)
    assert not errors
    assert sorted(a.id for a in articles) == ["dua", "satu"]
    _, (error,) = read(tmp_path / "tidak-ada.txt")
    assert error.describe().endswith("no such file or folder")


def test_empty_folder_is_an_error(tmp_path):
    _, (error,) = read(tmp_path)
    assert isinstance(error, EmptyInputError)
    assert "folder holds no article files" in error.describe()


# -- JSON and JSON Lines ---------------------------------------------------------------------


def test_jsonl_fields_aliases_and_bad_lines():
    articles, errors = read(FIXTURES / "kiriman.jsonl")
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == ["kiriman-1", "kiriman-2", "kiriman-5"]
    first = by_id["kiriman-1"]
    assert first.outlet == "Kiriman Warga"  # from "source"
    assert first.url == "https://kiriman.example/tanggul-pemalang"
    assert first.published == date(2024, 11, 16)
    assert first.metadata["rubrik"] == "daerah" and first.metadata["penyunting"] == "Lina"  # unknown fields kept
    second = by_id["kiriman-2"]
    assert second.title == "Pasar Malam Alun-Alun Kendal Kembali Dibuka"  # "judul"
    assert second.published == date(2024, 11, 17)  # RFC 2822
    fifth = by_id["kiriman-5"]
    assert fifth.text.count("\n") == 1  # a list of paragraphs
    assert fifth.published == date(2024, 11, 19) and fifth.language == "id"
    lines = sorted((e.line, type(e).__name__) for e in errors)
    assert lines == [(3, "FormatError"), (4, "EmptyInputError")]
    assert all(e.source.endswith("kiriman.jsonl") for e in errors)
    assert "invalid JSON" in next(e for e in errors if e.line == 3).describe()


def test_json_array_and_single_object(tmp_path):
    (tmp_path / "larik.json").write_text(
        json.dumps([{"title": "A", "text": "Isi berita A."}, "bukan objek", {"title": "C", "text": "Isi berita C."}]),
        encoding="utf-8",
    )
    (tmp_path / "satu.json").write_text(
        json.dumps({"id": 7, "title": "Satu", "content": "Isi satu.", "outlet": {"name": "Warta"}}, indent=2),
        encoding="utf-8",
    )
    articles, (error,) = read(tmp_path / "larik.json", tmp_path / "satu.json")
    assert [a.id for a in articles] == ["larik-1", "larik-3", "7"]
    assert articles[-1].outlet == "Warta"
    assert "item 2: expected a JSON object, got a string" in error.describe()


def _pasar_rows(count, words=40):
    """Our own invented market reports, one JSON object a line."""
    for n in range(1, count + 1):
        body = " ".join(f"Harga beras medium di pasar nomor {n} naik tipis pekan ini." for _ in range(words // 10))
        yield json.dumps({"id": f"pasar-{n}", "title": f"Harga Beras di Pasar {n}", "text": body}) + "\n"


def test_jsonl_over_the_file_limit_is_read_line_by_line(tmp_path):
    path = tmp_path / "besar.jsonl"
    rows = list(_pasar_rows(30))
    rows[9] = json.dumps({"id": "panjang", "text": "Kalimat sangat panjang. " * 100}) + "\n"
    rows.insert(20, "\n")  # a blank line keeps the numbering
    path.write_text("".join(rows), encoding="utf-8")
    assert path.stat().st_size > 3 * 1000
    articles, (error,) = read(path, max_bytes=1000)
    assert len(articles) == 29 and articles[0].id == "pasar-1" and articles[-1].id == "pasar-30"
    assert isinstance(error, InputTooLargeError) and error.line == 10
    assert "over the 1000-byte limit" in error.describe()
    assert articles[-1].metadata["source_path"].endswith("besar.jsonl:31")


def test_large_jsonl_streams_in_bounded_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "arsip.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(_pasar_rows(6000, words=130))
    size = path.stat().st_size
    assert size > 5_000_000  # over the default per-file limit
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Article) for item in read_paths([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 6000
    assert peak < size / 10  # one line at a time, never the whole file


def test_json_array_and_unstreamable_jsonl_keep_the_file_limit(tmp_path):
    rows = [{"id": f"a{n}", "text": "Isi berita tentang panen padi di Klaten. " * 5} for n in range(20)]
    (tmp_path / "larik.json").write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "larik.jsonl").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    (tmp_path / "baris.json").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _, errors = read(tmp_path, max_bytes=1000)
    assert sorted(Path(e.source).name for e in errors) == ["baris.json", "larik.json", "larik.jsonl"]
    assert all(isinstance(e, InputTooLargeError) and e.line is None for e in errors)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"title": "x"}, "no article text"),
        ({"text": 5}, "field 'text' is a number, not a string"),
        ({"text": "ada", "title": ["x"]}, "field 'title' is an array"),
        ({"text": "ada", "published": "kemarin sore"}, "field 'published' is not a date"),
        ({"text": "ada", "date": True}, "field 'date' is a boolean"),
        ({"text": "ada", "id": {"a": 1}}, "field 'id' is an object"),
    ],
)
def test_bad_json_fields_are_named(tmp_path, row, message):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    _, (error,) = read(path)
    assert error.line == 1
    assert message in error.describe()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04", date(2024, 3, 4)),
        ("2024-03-04T23:30:00Z", date(2024, 3, 4)),
        ("Mon, 04 Mar 2024 10:00:00 +0700", date(2024, 3, 4)),
        ("04/03/2024", date(2024, 3, 4)),
        ("4 Maret 2024", date(2024, 3, 4)),
        ("Senin, 4 Maret 2024 10:00 WIB", date(2024, 3, 4)),
        (1709510400, date(2024, 3, 4)),
        (None, None),
    ],
)
def test_publication_dates_in_common_formats(value, expected):
    assert parse_published(value) == expected


# -- HTML ---------------------------------------------------------------------------------------


def test_html_page_keeps_the_article_and_drops_the_page_around_it():
    (article,), errors = read(FIXTURES / "banjir-rob-pekalongan.html")
    assert not errors
    assert article.title == "Banjir Rob Rendam Ratusan Rumah di Pesisir Pekalongan"
    assert article.outlet == "Warta Pantura"
    assert article.published == date(2024, 11, 18)
    assert article.url == "https://wartapantura.example/berita/2024/11/18/banjir-rob-pekalongan"
    assert article.metadata["html_headings"][-1] == "Warga Mengungsi ke Balai Kelurahan"
    text = article.text
    for sentence in (
        "Ketinggian air di sejumlah gang mencapai 60 sentimeter.",
        "memilih mengungsi ke balai kelurahan dan masjid terdekat.",
        "menyalurkan bantuan berupa beras, mi instan, serta air bersih kepada warga terdampak.",
    ):
        assert sentence in text
    for leak in ("Berita Terpopuler", "Harga Bawang Merah", "Pemerintah harus segera", "Copyright", "Slot gacor"):
        assert leak not in text


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "kosong.html"
    path.write_text(
        "<html><head><title>Beranda</title></head><body><nav><a href='/'>Beranda</a></nav>"
        "<footer>Hak cipta 2024</footer></body></html>",
        encoding="utf-8",
    )
    _, (error,) = read(path)
    assert isinstance(error, EmptyInputError)
    assert error.describe() == f"{path}: HTML page has no article text"


# -- feeds --------------------------------------------------------------------------------------


def test_rss_feed_with_a_broken_entry():
    articles, (error,) = read(FIXTURES / "kabar-pantura.rss")
    assert [a.title for a in articles] == [
        "Harga Bawang Merah di Brebes Anjlok Jelang Panen Raya",
        "Jalur Pantura Batang Macet Panjang Akibat Perbaikan Jembatan",
    ]
    first = articles[0]
    assert first.outlet == "Kabar Pantura" and first.language == "id"
    assert first.published == date(2024, 11, 19)
    assert first.url == "https://kabarpantura.example/ekonomi/bawang-merah-brebes-anjlok"
    assert "Rp 12.000 per kilogram" in first.text and "<p>" not in first.text  # full content, not the teaser
    assert "Petugas Satlantas" in articles[1].text.split("\n")[1]  # paragraphs kept as lines
    assert isinstance(error, FormatError)
    assert error.line == 26
    assert "entry 3 (Entri Tanpa Isi): no text" in error.describe()


def test_atom_feed_with_a_broken_entry():
    (article,), (error,) = read(FIXTURES / "warta-pesisir.atom")
    assert article.outlet == "Warta Pesisir"
    assert article.metadata["author"] == "Bambang Kurniawan"
    assert article.published == date(2024, 11, 20)
    assert article.text.startswith("TEGAL, WARTAPESISIR.EXAMPLE - Ratusan nelayan")
    assert error.line == 14 and "entry 2 (Entri rusak)" in error.describe()


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catatan><isi>bukan feed</isi></catatan>", encoding="utf-8")
    _, (error,) = read(path)
    assert isinstance(error, InputError)
    assert "feed" in error.describe()


# -- stdin and sniffing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": "a"}\n', "json"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
        (b"  <feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"Judul\nIsi berita.", "text"),
    ],
)
def test_sniff_format(data, expected):
    assert sniff_format(data) == expected


def test_stdin_text_and_jsonl():
    with Reader(stdin=io.BytesIO(b"Judul dari stdin\nIsi berita dari stdin.\n")) as reader:
        (article,) = list(reader.read(["-"]))
    assert article.id == "stdin" and article.title == "Judul dari stdin"
    rows = b'{"id": "s1", "text": "Isi satu."}\n{oops\n'
    with Reader(stdin=io.BytesIO(rows)) as reader:
        articles, (error,) = split(list(reader.read(["-"])))
    assert [a.id for a in articles] == ["s1"]
    assert error.describe() == "<stdin>:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)"


def test_stdin_over_the_limit():
    with Reader(max_bytes=10, stdin=io.BytesIO(b"x" * 50)) as reader:
        (error,) = list(reader.read(["-"]))
    assert isinstance(error, InputTooLargeError)


def test_cli_reads_stdin(tmp_path):
    from click.testing import CliRunner

    from ringkas.cli import main

    rows = (
        '{"id": "s1", "title": "Harga Cabai Naik", "text": "Harga cabai rawit di Pasar Johar naik menjadi '
        'Rp 80.000 per kilogram pada Senin (4/3/2024)."}\n{rusak\n'
    )
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "ingest", "-"], input=rows.encode())
    assert result.exit_code == 0, result.output
    assert "skipped: <stdin>:2: invalid JSON" in result.output
    assert "read 1, stored 1" in result.output
