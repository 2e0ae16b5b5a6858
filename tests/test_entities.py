"""Names: roles from appositions, alias merging within a story, the tagger on our own Indonesian
sentences, and floors on NERGrit test and the seed people."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.names import check_seed_people, read_conll, score, tagger_system
from ringkas.analysis import Analyzer
from ringkas.entities import NameTagger, find_role, merge_entities, name_key
from ringkas.entities.features import tokenize
from ringkas.entities.spans import (
    _acronyms_in_brackets,
    _fit,
    _known_organisations,
    _organisations_by_head,
    _place_heads_joined,
)
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
        # a relation before a name makes the name the other end of it: his lawyer, his son
        ("Hakim menegur kuasa hukum Darmo Wiyono kemarin.", "Darmo Wiyono", None),
        ("Putra Darmo Wiyono, Bayu Wiyono, hadir di sidang.", "Darmo Wiyono", None),
        ("Penyidik memeriksa Rina Lestari, mantan staf khusus Darmo Wiyono, kemarin.", "Darmo Wiyono", None),
        ("Stafsus Darmo Wiyono dipanggil penyidik.", "Darmo Wiyono", None),
        ("Hakim atas perkara Darmo Wiyono dilaporkan ke Komisi Yudisial.", "Darmo Wiyono", None),
        (
            "Hal itu disampaikan Kapuspenkum Kejagung Darmo Wiyono kepada wartawan.",
            "Darmo Wiyono",
            "Kapuspenkum Kejagung",
        ),
        (
            "Rektor Universitas Andalas Prof. Dr. Hendra Wiranata membuka acara.",
            "Hendra Wiranata",
            "Rektor Universitas Andalas",
        ),
    ],
)
def test_roles_from_appositions(sentence: str, name: str, role: str | None) -> None:
    assert _role(sentence, name) == role


def test_a_clause_before_an_apposition_leaves_its_object_as_the_role() -> None:
    sentence = "Jaksa penuntut umum mencecar teman kuliah Darmo Wiyono, Rudi Hartono, soal nomor ponsel."
    assert _role(sentence, "Rudi Hartono", ("Darmo Wiyono",)) == "teman kuliah Darmo Wiyono"
    sentence = "Mantan pejabat dinas yang juga dikenal makelar proyek, Rudi Hartono, divonis enam tahun."
    assert _role(sentence, "Rudi Hartono") == "Mantan pejabat dinas"
    sentence = "Putri sulung mereka, Rina Lestari, resmi dilamar."
    assert _role(sentence, "Rina Lestari") == "Putri sulung mereka"


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


def test_initials_in_brackets_after_a_name_are_that_person() -> None:
    doc = _document(
        "a",
        "Penyidik memeriksa Rina Lestari (RL) pekan lalu. Menurut jaksa, RL menerima dana itu dari PT Sinar Raya (SR).",
        [("Rina Lestari", "PERSON"), ("RL", "PERSON"), ("RL", "PERSON"), ("PT Sinar Raya", "ORGANISATION")],
        "Warta Kini",
    )
    entities = merge_entities([doc])
    assert [(e.name, e.mentions) for e in entities if e.kind == "PERSON"] == [("Rina Lestari", 3)]


def test_a_hyphen_between_two_peoples_names_makes_two_mentions() -> None:
    doc = _document(
        "a",
        "Pernikahan Bayu Wiyono dan Rina Lestari digelar di Solo. Pasangan Bayu Wiyono-Rina kini berbulan madu.",
        [("Bayu Wiyono", "PERSON"), ("Rina Lestari", "PERSON"), ("Bayu Wiyono-Rina", "PERSON")],
        "Warta Kini",
    )
    people = {e.name: e.mentions for e in merge_entities([doc]) if e.kind == "PERSON"}
    assert people == {"Bayu Wiyono": 2, "Rina Lestari": 2}


def test_a_word_that_only_opens_sentences_is_no_person() -> None:
    doc = _document(
        "a",
        "Jadi, warga diminta waspada. Budi Santoso hadir. Ia bilang jadi atau tidak belum pasti. Budi tertawa.",
        [("Jadi", "PERSON"), ("Budi Santoso", "PERSON"), ("Budi", "PERSON")],
        "Warta Kini",
    )
    people = {e.name: e.mentions for e in merge_entities([doc]) if e.kind == "PERSON"}
    assert people == {"Budi Santoso": 2}


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


def _fitted(sentence: str, name: str, kind: str) -> list[tuple[str, str]]:
    """What ``_fit`` makes of a CRF span over ``name`` in ``sentence``, as (text, kind) pairs."""
    tokens = tokenize(sentence)
    words = [t[0] for t in tokens]
    start = sentence.index(name)
    a = next(i for i, t in enumerate(tokens) if t[1] == start)
    b = next(i for i, t in enumerate(tokens) if t[2] == start + len(name)) + 1
    spans = _fit(tokens, (a, b, kind), NameTagger()._is_derived_word)
    return [(" ".join(words[x:y]), k) for x, y, k in spans]


def test_a_sentence_adverb_before_an_apposition_is_no_person() -> None:
    tagger = NameTagger()
    found = {s.text for s in tagger.find("Awalnya, kuasa hukum Darmo, Yosef Lamuri meminta sidang ditunda.")}
    assert "Awalnya" not in found and "Yosef Lamuri" in found
    assert "Wartini" in {s.text for s in tagger.find("Wartini, ketua panitia lomba, membuka acara itu.")}


def test_a_title_leaves_an_organisation_or_a_place_not_a_person() -> None:
    assert _fitted("Menurut Direktur Utama Bank Sentosa, laba naik.", "Direktur Utama Bank Sentosa", "PERSON") == [
        ("Bank Sentosa", "ORGANISATION")
    ]
    assert _fitted("Gubernur Jawa Timur meninjau banjir.", "Gubernur Jawa Timur", "PERSON") == [("Jawa Timur", "PLACE")]
    # An organisation after a title, then a person: both kept, each with its kind.
    sentence = "Direktur Utama Bank Sentosa Darmawan Junaidi mengatakan laba naik."
    assert _fitted(sentence, "Direktur Utama Bank Sentosa Darmawan Junaidi", "ORGANISATION") == [
        ("Bank Sentosa", "ORGANISATION"),
        ("Darmawan Junaidi", "PERSON"),
    ]
    found = {(s.text, s.kind) for s in NameTagger().find(sentence)}
    assert ("Darmawan Junaidi", "PERSON") in found and ("Bank Sentosa Darmawan Junaidi", "PERSON") not in found


def test_organisation_heads_and_tails_make_organisations() -> None:
    assert _fitted("Ia kuliah di Universitas Cendana.", "Universitas Cendana", "PLACE") == [
        ("Universitas Cendana", "ORGANISATION")
    ]
    assert _fitted("Lagu itu dimainkan Rudi Hartono Orchestra.", "Rudi Hartono Orchestra", "PERSON") == [
        ("Rudi Hartono Orchestra", "ORGANISATION")
    ]
    found = {(s.text, s.kind) for s in NameTagger().find("Rapat dihadiri Juru Bicara Kementerian Luar Negeri.")}
    assert ("Kementerian Luar Negeri", "ORGANISATION") in found


def test_untagged_words_after_an_organisation_head_are_an_organisation() -> None:
    words = [t[0] for t in tokenize("Ia bekerja di Dinas Kesehatan Kota Cimahi sejak 2010.")]
    # The place after the head is the organisation's seat and joins it.
    assert _organisations_by_head(words, [(5, 7, "PLACE")]) == [(3, 7, "ORGANISATION")]
    words = [t[0] for t in tokenize("Ketua Komisi III DPR menolak usulan itu.")]
    assert _organisations_by_head(words, []) == [(1, 4, "ORGANISATION")]
    # A person the CRF found right after the head's words: where the organisation ends is unclear.
    words = [t[0] for t in tokenize("Pertemuan Koperasi Serba Budi Santoso kemarin.")]
    assert _organisations_by_head(words, [(3, 5, "PERSON")]) == [(3, 5, "PERSON")]


def test_an_acronym_in_brackets_takes_the_kind_of_the_name_before_it() -> None:
    words = [t[0] for t in tokenize("Mahasiswa Universitas Cendana ( UNC ) berunjuk rasa.")]
    assert _acronyms_in_brackets(words, [(1, 3, "ORGANISATION"), (4, 5, "PERSON")]) == [
        (1, 3, "ORGANISATION"),
        (4, 5, "ORGANISATION"),
    ]
    assert _acronyms_in_brackets(words, [(1, 3, "ORGANISATION")]) == [(1, 3, "ORGANISATION"), (4, 5, "ORGANISATION")]
    lower_case = [t[0] for t in tokenize("Saham PT Semen Tonasa ( Persero ) naik.")]
    assert _acronyms_in_brackets(lower_case, [(1, 4, "ORGANISATION")]) == [(1, 4, "ORGANISATION")]


def test_an_honorific_inside_a_span_opens_a_persons_name() -> None:
    sentence = "Acara dibuka oleh Pimpinan Ustadz Mahfud Ridwan di aula."
    assert _fitted(sentence, "Pimpinan Ustadz Mahfud Ridwan", "PLACE") == [("Mahfud Ridwan", "PERSON")]
    # A one-letter "H" may be a middle initial and does not split a name.
    assert _fitted("Kami bertemu Abdul H Saleh kemarin.", "Abdul H Saleh", "PERSON") == [("Abdul H Saleh", "PERSON")]


def test_trailing_verbs_function_words_compass_words_and_legal_forms_are_no_names() -> None:
    assert _fitted("Ikhsan Maulana Mendapat hadiah.", "Ikhsan Maulana Mendapat", "PERSON") == [
        ("Ikhsan Maulana", "PERSON")
    ]
    assert _fitted("Sekolah dibuka di Tanjung Sari Yang asri.", "Tanjung Sari Yang", "PLACE") == [
        ("Tanjung Sari", "PLACE")
    ]
    assert _fitted("Kebun itu di Sebelah Selatan desa.", "Sebelah Selatan", "PLACE") == []
    assert _fitted("Saham PT Semen Tonasa ( Persero ) naik.", "Persero", "ORGANISATION") == []


def test_known_one_word_organisations() -> None:
    words = [t[0] for t in tokenize("Menurut BMKG , gempa itu juga dibahas Golkar .")]
    assert _known_organisations(words, [(1, 2, "PERSON")]) == [(1, 2, "ORGANISATION"), (7, 8, "ORGANISATION")]
    # A given name after a title and an organisation is a person, not a place.
    sentence = "Ketua Umum PDIP Dewi Wulandari hadir."
    assert _fitted(sentence, "Dewi Wulandari", "PLACE") == [("Dewi Wulandari", "PERSON")]


def test_a_place_head_before_a_place_opens_its_name() -> None:
    words = [t[0] for t in tokenize("Kantornya di pusat kota Garut dekat alun-alun.")]
    assert _place_heads_joined(words, [(4, 5, "PLACE")]) == [(3, 5, "PLACE")]
    assert _place_heads_joined(words, [(4, 5, "PERSON")]) == [(4, 5, "PERSON")]
    capital = [t[0] for t in tokenize("Bogor pernah menjadi Ibu Kota Pasundan.")]
    assert _place_heads_joined(capital, [(5, 6, "PLACE")]) == [(5, 6, "PLACE")]


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
    # Measured 0.751 with the network, 0.743 with the CRF alone (benchmarks/names.py prints the
    # table; the bar is 0.75). The floor leaves room for floating-point ties only.
    assert scores.f1() >= 0.745


@pytest.mark.shared
def test_every_seed_person_is_one_entity_with_its_aliases() -> None:
    checks = check_seed_people(shared_path("gold", "seeds-with-dates.jsonl"), shared_path("gold", "seeds.json"))
    people = {c.name for c in checks}
    assert len(people) == 13
    bad = [c for c in checks if c.entity is None or c.aliases_missing or c.split_over != 1]
    assert bad == []
