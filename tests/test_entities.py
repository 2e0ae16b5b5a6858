"""Names: roles from appositions, alias merging within a story, the tagger on our own Indonesian
sentences, and floors on NERGrit test and the seed people."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.names import check_seed_people, read_conll, score, tagger_system
from ringkas.analysis import Analyzer
from ringkas.entities import NameTagger, find_role, merge_entities, name_key
from ringkas.entities.features import tokenize
from ringkas.entities.tagger import bilou_to_bio, bio_spans, bio_to_bilou
from ringkas.models import Article, Document, Mention, Sentence
from tests.conftest import shared_path


def _role(sentence: str, name: str, others: tuple[str, ...] = ()) -> str | None:
    tokens = tokenize(sentence)

    def span(text: str) -> tuple[int, int]:
        start = sentence.index(text)
        first = next(i for i, t in enumerate(tokens) if t[1] == start)
        last = next(i for i, t in enumerate(tokens) if t[2] == start + len(text))
        return first, last + 1

    persons = [span(n) for n in (name, *others)]
    return find_role(sentence, tokens, span(name), persons)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Presiden Brasil Luiz Mendes tiba di Jakarta.", "Luiz Mendes", "Presiden Brasil"),
        (
            "Hal itu disampaikan Juru Bicara Istana Rina Marpaung kepada wartawan.",
            "Rina Marpaung",
            "Juru Bicara Istana",
        ),
        (
            '"Harga akan turun," kata pengamat ekonomi Dedi Kurniawan dari Universitas Andalas.',
            "Dedi Kurniawan",
            "pengamat ekonomi",
        ),
        (
            "Rahmat Hidayat, seorang peneliti di Lembaga Ilmu Pangan, mengatakan stok cukup.",
            "Rahmat Hidayat",
            "peneliti di Lembaga Ilmu Pangan",
        ),
        (
            "Siti Aminah, juru bicara Kementerian Pertanian, menambahkan bahwa impor dihentikan.",
            "Siti Aminah",
            "juru bicara Kementerian Pertanian",
        ),
        ("Budi Santoso tiba di Medan pada Senin.", "Budi Santoso", None),
        (
            "Rektor Universitas Andalas Prof. Dr. Hendra Wiranata membuka acara.",
            "Hendra Wiranata",
            "Rektor Universitas Andalas",
        ),
    ],
)
def test_roles_from_appositions(sentence: str, name: str, role: str | None) -> None:
    assert _role(sentence, name) == role


def test_a_name_inside_the_role_of_the_next_name_gets_no_role_of_its_own() -> None:
    sentence = "Ajudan Gubernur Ahmad Yani, Rudi Hartono terlihat di Bandara Sentani pada Minggu."
    assert _role(sentence, "Rudi Hartono", ("Ahmad Yani",)) == "Ajudan Gubernur Ahmad Yani"
    assert _role(sentence, "Ahmad Yani", ("Rudi Hartono",)) is None


def test_name_keys_ignore_hyphens_case_and_titles() -> None:
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == name_key("Kim-Jong-un") == "kim jong un"
    assert name_key("Presiden Widodo") == "widodo"
    assert name_key("Presiden") == "presiden"


def _document(article_id: str, text: str, names: list[tuple[str, str]], outlet: str) -> Document:
    """A document whose mentions are the given (surface, kind) pairs, found in ``text``."""
    sentences = (Sentence(article_id, 0, text, 0, len(text)),)
    mentions, cursor = [], 0
    for surface, kind in names:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        mentions.append(Mention(surface, kind, article_id, 0, start, cursor))
    article = Article(id=article_id, title="", text=text, outlet=outlet, published=date(2024, 3, 4))
    return Document(article=article, sentences=sentences, mentions=tuple(mentions))


def test_merge_spelling_variants_surnames_and_titles_into_one_entity() -> None:
    first = _document(
        "a",
        "Presiden Korea Selatan Lee Jae-won bertemu Perdana Menteri Jepang Sato Haruki di Seoul. "
        "Lee mengatakan kerja sama akan diperluas.",
        [("Lee Jae-won", "PERSON"), ("Sato Haruki", "PERSON"), ("Seoul", "PLACE"), ("Lee", "PERSON")],
        "Warta Kini",
    )
    second = _document(
        "b",
        "Lee Jae Won dan Sato sepakat membuka jalur dagang baru, kata Haruki Sato.",
        [("Lee Jae Won", "PERSON"), ("Sato", "PERSON"), ("Haruki Sato", "PERSON")],
        "Kabar Nusantara",
    )
    entities = merge_entities([first, second])
    lee = next(e for e in entities if "Lee" in e.aliases or e.name.startswith("Lee"))
    assert lee.kind == "PERSON"
    assert {lee.name, *lee.aliases} == {"Lee Jae-won", "Lee Jae Won", "Lee"}
    assert lee.mentions == 3
    assert lee.outlets == ("Kabar Nusantara", "Warta Kini")
    seoul = next(e for e in entities if e.name == "Seoul")
    assert seoul.kind == "PLACE" and seoul.mentions == 1
    # "Sato Haruki" and "Haruki Sato" are two spellings the merger cannot prove equal; "Sato"
    # joins the more mentioned of them, and nothing is lost.
    assert sum(e.mentions for e in entities if e.kind == "PERSON") == 6


def test_a_single_name_joins_the_most_mentioned_person_who_bears_it() -> None:
    doc = _document(
        "a",
        "Joko Susilo bertemu Joko Anwar. Joko Susilo lalu pergi, dan Joko tertawa.",
        [("Joko Susilo", "PERSON"), ("Joko Anwar", "PERSON"), ("Joko Susilo", "PERSON"), ("Joko", "PERSON")],
        "Harian Selat",
    )
    by_name = {e.name: e for e in merge_entities([doc])}
    assert by_name["Joko Susilo"].aliases == ("Joko",)
    assert by_name["Joko Anwar"].mentions == 1


def test_names_the_tagger_missed_are_found_again_in_the_story() -> None:
    doc = _document(
        "a",
        'Dewi Lestari, ekonom senior, hadir. "Inflasi terkendali," ujar Lestari. Kim Chang Son tidak hadir.',
        [("Dewi Lestari", "PERSON"), ("Kim Chang Son", "PERSON")],
        "Warta Kini",
    )
    dewi = next(e for e in merge_entities([doc]) if e.name == "Dewi Lestari")
    assert dewi.aliases == ("Lestari",)
    assert dewi.mentions == 2


def test_merge_of_nothing() -> None:
    assert merge_entities([]) == ()


def test_bio_spans_start_an_entity_at_a_stray_inside_tag() -> None:
    tags = ["O", "I-PERSON", "I-PERSON", "B-PLACE", "I-ORGANISATION", "O"]
    assert bio_spans(tags) == [(1, 3, "PERSON"), (3, 4, "PLACE"), (4, 5, "ORGANISATION")]


def test_bilou_labels_round_trip() -> None:
    tags = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PLACE", "B-PLACE", "I-PLACE", "O"]
    bilou = bio_to_bilou(tags)
    assert bilou == ["B-PERSON", "I-PERSON", "L-PERSON", "O", "U-PLACE", "B-PLACE", "L-PLACE", "O"]
    assert bilou_to_bio(bilou) == tags
    assert bio_to_bilou([]) == [] and bilou_to_bio(["O"]) == ["O"]


def test_honorifics_and_degrees_stay_outside_names() -> None:
    tagger = NameTagger()
    found = {(s.text, s.kind) for s in tagger.find("Rapat itu dipimpin Prof. Dr. Hendra Wiranata SH di Padang.")}
    assert ("Hendra Wiranata", "PERSON") in found
    haji = {(s.text, s.kind) for s in tagger.find("Warga menyambut kedatangan Haji Mahmud Sudirja kemarin.")}
    assert ("Mahmud Sudirja", "PERSON") in haji


def test_tagger_on_our_own_sentences() -> None:
    tagger = NameTagger()
    found = {
        (s.text, s.kind)
        for s in tagger.find("Gubernur Jawa Timur Khofifah Indar Parawansa meninjau banjir di Kabupaten Sampang.")
    }
    assert ("Khofifah Indar Parawansa", "PERSON") in found
    assert any(kind == "PLACE" and "Sampang" in text for text, kind in found)
    spoken = {(s.text, s.kind) for s in tagger.find('"Kami siap membantu," kata Wiratmo.')}
    assert ("Wiratmo", "PERSON") in spoken
    assert tagger.find("") == []


def test_analyzer_fills_mentions_with_roles_and_offsets() -> None:
    text = "Menteri Kesehatan Ratna Wulandari meninjau Rumah Sakit Umum Daerah Ambon pada Selasa."
    article = Article(id="m1", title="", text=text, published=date(2024, 3, 5), language="id")
    document = Analyzer().analyse(article)
    ratna = next(m for m in document.mentions if m.kind == "PERSON")
    assert ratna.text == "Ratna Wulandari"
    assert ratna.role == "Menteri Kesehatan"
    assert all(text[m.start : m.end] == m.text for m in document.mentions)


def test_non_indonesian_articles_get_no_mentions() -> None:
    article = Article(id="e1", title="", text="The minister visited London on Monday.", language="en")
    assert Analyzer().analyse(article).mentions == ()


@pytest.mark.shared
def test_nergrit_test_floor() -> None:
    sentences = list(read_conll(shared_path("data", "ner", "nergrit", "test_preprocess.txt")))
    scores, _seconds = score(tagger_system(), sentences)
    # Measured 0.741 (benchmarks/names.py prints the table). The bar is 0.75 and is NOT met
    # yet: this floor guards what we have against regressions.
    assert scores.f1() >= 0.73


@pytest.mark.shared
def test_every_seed_person_is_one_entity_with_its_aliases() -> None:
    checks = check_seed_people(shared_path("gold", "seeds-with-dates.jsonl"), shared_path("gold", "seeds.json"))
    people = {c.name for c in checks}
    assert len(people) == 13
    bad = [c for c in checks if c.entity is None or c.aliases_missing or c.split_over != 1]
    assert bad == []
