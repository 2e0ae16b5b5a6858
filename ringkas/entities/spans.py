"""Span rules after the CRF: fit the tagger's spans to news usage. A name is never cut inside a
hyphenated word ("Kim Jong-un"), a title before a name is its role ("Menteri Luar Negeri Ri
Yong-ho"), honorifics and degrees stay outside it ("Prof. [Sarbini Sumawinata]", "[Budi Santoso]
SH"), a place before a person is a place ("Korea Utara Kim Jong Un"), a capitalised name after a
speech verb is a person ("kata Pagung"), organisation heads, tails and one-word names make
organisations ("Kementerian Perhubungan", "Hamburger SV", "BMKG") and what a title leaves keeps
its kind ("Direktur Utama [Bank Mandiri]"). Each rule was kept when it helped on NERGrit valid
(scored with a CRF trained on train only)."""

from __future__ import annotations

from collections.abc import Callable

from ..lexicon.calendar import DATE_WORDS
from ..lexicon.function_words import FUNCTION_WORDS
from ..lexicon.names import GIVEN_NAMES, NAME_PARTICLES
from ..lexicon.organisations import ORG_HEADS, ORG_NAMES, ORG_ONLY_HEADS, ORG_TAILS
from ..lexicon.people import ROLE_LEAD_INS
from ..lexicon.places import DIRECTIONS, NAME_OPENING_PLACE_HEADS, PLACE_HEADS, PLACES
from ..lexicon.speech import SPEECH_VERBS
from ..lexicon.titles import DEGREES, HONORIFICS, JURISDICTION_TITLES, NAME_TITLES, ROLE_HEADS, TITLE_CONTINUATIONS

Token = tuple[str, int, int]  # word, start, end
Span = tuple[int, int, str]  # first token, last token + 1, kind


def fit_spans(tokens: list[Token], crf_spans: list[Span], is_derived: Callable[[str], bool]) -> list[Span]:
    """The names of one sentence: the CRF's spans fitted, then the rules that add, relabel or
    join spans, in the order their gains were measured."""
    words = [t[0] for t in tokens]
    spans: list[Span] = []
    for span in crf_spans:
        spans.extend(_fit(tokens, span, is_derived))
    spans = _speakers_after_verbs(words, spans)
    spans.extend(_names_before_appositions(tokens, spans, is_derived))
    spans.extend(_names_after_titles(tokens, spans, is_derived))
    spans = _organisations_by_head(words, spans)
    spans = _acronyms_in_brackets(words, spans)
    spans = _known_organisations(words, spans)
    spans = _place_heads_joined(words, spans)
    return sorted(set(spans))


def _glued(tokens: list[Token], i: int, j: int) -> bool:
    return tokens[i][2] == tokens[j][1]


def _fit(tokens: list[Token], span: Span, is_derived: Callable[[str], bool]) -> list[Span]:
    """One CRF span made into zero, one or two names. Each rule below moves the span's start or
    end over words that are not part of the name, settles its kind, or cuts off a place or an
    organisation that stands before a person; they run in this order."""
    a, b, kind = span
    words = [t[0] for t in tokens]
    lower = [w.lower() for w in words]
    a, b = _whole_hyphenated_words(tokens, words, a, b)
    a = _skip_sentence_openers(words, lower, a, b, is_derived)
    b = _drop_trailing_non_names(tokens, words, lower, a, b, kind, is_derived)
    out: list[Span] = []
    prefix, a = _cut_before_inner_honorific(words, lower, a, b)
    if prefix is not None:
        out.append(prefix)
    start = a
    a, honoured = _skip_honorifics(words, lower, a, b)
    if honoured:
        kind = "PERSON"
    after_honorifics = a
    a, titled = _skip_titles(words, lower, a, b)
    kind = _kind_after_titles(lower, start, after_honorifics, a, b, kind, titled)
    split = _person_after_prefix(words, lower, a, b, kind, titled, after_title=a > after_honorifics)
    if split is not None:
        prefix_kind = "ORGANISATION" if any(w in ORG_NAMES or w in ORG_ONLY_HEADS for w in lower[a:split]) else "PLACE"
        out.append((a, split, prefix_kind))
        a, kind = split, "PERSON"
    elif kind == "PERSON":
        a = _skip_leading_places(lower, a, b)
    if kind == "PERSON" and _names_nobody(words, lower, a, b):
        return out
    if b - a > 1 and (lower[a] in ORG_ONLY_HEADS or lower[b - 1] in ORG_TAILS):
        kind = "ORGANISATION"  # "[Kementerian Perhubungan]", "[Universitas Padjadjaran]", "[Hamburger SV]"
    if _is_a_name(words, lower, a, b):
        out.append((a, b, kind))
    return out


def _whole_hyphenated_words(tokens: list[Token], words: list[str], a: int, b: int) -> tuple[int, int]:
    """Never cut inside a hyphenated word: "Kim Jong" + "-un", "Kim-" + "Jong-un"."""
    while b + 1 < len(tokens) and words[b] in "-'’" and _glued(tokens, b - 1, b) and _glued(tokens, b, b + 1):
        b += 2
    while a >= 2 and words[a - 1] in "-'’" and _glued(tokens, a - 2, a - 1) and _glued(tokens, a - 1, a):
        a -= 2
    return a, b


def _skip_sentence_openers(
    words: list[str], lower: list[str], a: int, b: int, is_derived: Callable[[str], bool]
) -> int:
    """Leading function words and sentence-opening derived nouns: "Jika Putin", "Kunjungan Kim"
    (but not "Kecamatan Sebawi": a place or organisation head stays)."""
    while b - a > 1 and (
        lower[a] in FUNCTION_WORDS
        or (a == 0 and lower[a] not in PLACE_HEADS and lower[a] not in ORG_HEADS and is_derived(words[a]))
    ):
        a += 1
    return a


def _drop_trailing_non_names(
    tokens: list[Token],
    words: list[str],
    lower: list[str],
    a: int,
    b: int,
    kind: str,
    is_derived: Callable[[str], bool],
) -> int:
    """Trailing dates, degrees and lower-case words after a person's name: "Kremlin Selasa",
    "Budi Santoso SH", "Vladimir Putin mungkin" (places and organisations may end in lower
    case: "Uni emirat arab")."""
    while b - a > 1 and (
        lower[b - 1] in DATE_WORDS
        or lower[b - 1] in FUNCTION_WORDS
        or (kind == "PERSON" and _is_verb_form(words[b - 1], is_derived))
        or (kind == "PERSON" and lower[b - 1] in DEGREES and words[b - 1][:1].isupper())
        or (
            kind == "PERSON"
            and words[b - 1].islower()
            and lower[b - 1] not in NAME_PARTICLES
            and not _glued(tokens, b - 2, b - 1)
        )
    ):
        b -= 1
    return b


def _cut_before_inner_honorific(words: list[str], lower: list[str], a: int, b: int) -> tuple[Span | None, int]:
    """An honorific inside a span opens a person's name ("Pimpinan Ustadz [Syamsi Dukha]"): the
    span starts at it, and the words before it stay a name (the prefix returned) only when they
    are an organisation or a place. Not the one-letter "H", which is also a middle initial
    ("Abdul H. Saleh")."""
    inner = next((k for k in range(a + 1, b - 1) if len(lower[k]) > 1 and lower[k] in HONORIFICS), None)
    if inner is None or not words[inner][:1].isupper():
        return None, a
    prefix_kind = _kind_after_title(lower, a, inner)
    return (None if prefix_kind == "PERSON" else (a, inner, prefix_kind)), inner


def _skip_honorifics(words: list[str], lower: list[str], a: int, b: int) -> tuple[int, bool]:
    """Honorifics and their full stops stay outside a name, and make it a person's: "Dr. Ir. H.
    [Budi Santoso]", "Prof. [Suharyadi]". Returns the new start and whether an honorific was
    skipped or stands right before the span."""
    start = a
    while b - a > 1 and (lower[a] in HONORIFICS or (a > start and words[a] == ".")):
        a += 1
    honoured = (
        a > start
        or (a > 0 and lower[a - 1] in HONORIFICS)
        or (a > 1 and words[a - 1] == "." and lower[a - 2] in HONORIFICS)
    )
    return a, honoured


def _skip_titles(words: list[str], lower: list[str], a: int, b: int) -> tuple[int, bool]:
    """A title before a name is a role: "[Menteri] Luar Negeri Ri Yong-ho", "Presiden Putin".
    Returns the new start and whether a title stands before it (skipped here or already outside
    the span)."""
    titled = _after_title(words, a)
    while (
        b - a > 1
        and lower[a] not in NAME_TITLES
        and (lower[a] in ROLE_HEADS or (titled and lower[a] in TITLE_CONTINUATIONS))
    ):
        a += 1
        titled = True
    return a, titled


def _kind_after_titles(
    lower: list[str], start: int, after_honorifics: int, a: int, b: int, kind: str, titled: bool
) -> str:
    """What a title leaves is a person, unless it is an organisation or a place ("Direktur Utama
    [Bank Mandiri]", "Gubernur [Jawa Timur]"); a given name after a title is a person even when
    the tagger took it for a place ("Ketua Umum PDIP [Megawati Soekarnoputri]")."""
    if a > after_honorifics and after_honorifics == start:
        return _kind_after_title(lower, a, b)
    if a > start:
        return "PERSON"
    if titled and kind != "PERSON" and lower[a] in GIVEN_NAMES and not any(_is_place_word(w) for w in lower[a:b]):
        return "PERSON"
    return kind


def _person_after_prefix(
    words: list[str], lower: list[str], a: int, b: int, kind: str, titled: bool, *, after_title: bool
) -> int | None:
    """Where a place or organisation before a person gives way to the person's name: "Korea Utara
    Kim Jong Un", "Kremlin Dmitry Peskov", "Direktur Utama Bank Mandiri Darmawan Junaidi", and the
    place a title governs, "Lurah [Mekarsari] Wati Suryani"."""
    split = _place_then_person(lower, a, b, titled)
    if split is None and after_title and kind == "ORGANISATION":
        split = _organisation_then_person(words, lower, a, b)
    if (
        split is None
        and b - a >= 3
        and a > 0
        and lower[a - 1] in JURISDICTION_TITLES
        and lower[a] not in GIVEN_NAMES
        and lower[a + 1] not in NAME_PARTICLES
    ):
        split = a + 1
    return split


def _skip_leading_places(lower: list[str], a: int, b: int) -> int:
    """ "[Pemimpin Tertinggi Korea] Utara Kim Jong Un": a compass word or place cut off a place
    before a person's name."""
    while b - a > 1 and (lower[a] in PLACES or lower[a] in DIRECTIONS):
        a += 1
    return a


def _names_nobody(words: list[str], lower: list[str], a: int, b: int) -> bool:
    """A title alone, or a lower-case start, names no person."""
    return (b - a == 1 and lower[a] in ROLE_HEADS) or not words[a][:1].isupper()


def _is_a_name(words: list[str], lower: list[str], a: int, b: int) -> bool:
    """Compass words alone name no place ("Sebelah Selatan", "Jalur Utara Selatan"): in NERGrit
    train such a capitalised run is a name 2 times out of 205. Nor does a company's legal form
    ("PT Angkasa Pura II (Persero)"), nor punctuation."""
    if all(w in DIRECTIONS or w in _NOT_NAMES_ALONE for w in lower[a:b]):
        return False
    return any(ch.isalnum() for w in words[a:b] for ch in w)


_NOT_NAMES_ALONE = frozenset(("sebelah", "persero", "tbk"))


def _is_verb_form(word: str, is_derived: Callable[[str], bool]) -> bool:
    """ "Mendapat", "Bertemu", "Diserahkan": a capitalised verb after a name, not a name ending in a
    suffix ("Bilasi") or a short one that looks prefixed ("Dimas")."""
    lower = word.lower()
    return word[:1].isupper() and len(lower) >= 7 and lower.startswith(("me", "ber", "ter", "di")) and is_derived(word)


def _after_title(words: list[str], a: int) -> bool:
    """Whether a role word ends within the three capitalised words before token ``a``
    ("Gubernur [Jawa Timur ...]", "Wali Kota [Surabaya ...]", "Menteri [Luar Negeri ...]")."""
    for j in range(a - 1, max(-1, a - 4), -1):
        lower = words[j].lower()
        if lower in ROLE_HEADS or lower in TITLE_CONTINUATIONS:
            return True
        if not words[j][:1].isupper():
            return False
    return False


def _kind_after_title(lower: list[str], a: int, b: int) -> str:
    """The kind of what a title leaves: an organisation when an organisation's head or name opens
    it, a place when a place's head opens it or every word is a place, otherwise a person."""
    if lower[a] in ORG_ONLY_HEADS or lower[a] in ORG_NAMES:
        return "ORGANISATION"
    if lower[a] in PLACE_HEADS or all(w in PLACES or w in DIRECTIONS for w in lower[a:b]):
        return "PLACE"
    return "PERSON"


def _organisation_then_person(words: list[str], lower: list[str], a: int, b: int) -> int | None:
    """Where an organisation named after a title gives way to a person's name: the head, its name
    word and the words that qualify it (places, compass and title words, acronyms, numerals), then
    two or more capitalised words ("Direktur Utama [Bank Mandiri] Darmawan Junaidi", "Ketua [Komisi
    III DPR] Bambang Wuryanto")."""
    if lower[a] not in ORG_ONLY_HEADS:
        return None
    j = a + 2
    while j < b and (
        _is_place_word(lower[j])
        or lower[j] in TITLE_CONTINUATIONS
        or lower[j] in ORG_NAMES
        or words[j].isupper()
        or words[j].isdigit()
    ):
        j += 1
    if b - j >= 2 and all(w[:1].isupper() for w in words[j:b]) and lower[j] not in NAME_PARTICLES:
        return j
    return None


def _is_place_word(word: str) -> bool:
    return word in PLACES or word in DIRECTIONS or word in ORG_HEADS or word in PLACE_HEADS or word == "serikat"


def _names_a_place(word: str) -> bool:
    """A word that is a place or organisation by itself ("Rusia", "Utara", "Kremlin"), not a
    head that a name follows ("Jalan [Dewi Sartika]", "SMP [Negeri 1]")."""
    return word in PLACES or word in DIRECTIONS or word in ORG_NAMES or word == "serikat"


def _place_then_person(lower: list[str], a: int, b: int, titled: bool) -> int | None:
    """Where a run of place or organisation words gives way to a person's name: a given name
    ("Korea Utara Kim Jong Un"), or, after a title, any two or more words ("Gubernur Jawa Timur
    Khofifah Indar Parawansa")."""
    j = a
    while j < b and _names_a_place(lower[j]):
        j += 1
    if not (a < j < b) or lower[a] in DIRECTIONS:
        return None
    if lower[j] in GIVEN_NAMES or (titled and b - j >= 2 and not any(_is_place_word(w) for w in lower[j:b])):
        return j
    return None


def _speakers_after_verbs(words: list[str], spans: list[Span]) -> list[Span]:
    """'..." kata Pagung.' -> Pagung is a person: added when the CRF left the name untagged,
    relabelled when it took the name for a place or an organisation."""
    out = list(spans)
    starts = {a: n for n, (a, _b, _k) in enumerate(out)}
    covered = {i for a, b, _ in spans for i in range(a, b)}
    for i, word in enumerate(words[:-1]):
        if word.lower() not in SPEECH_VERBS:
            continue
        if i + 1 in starts:
            a, b, kind = out[starts[i + 1]]
            name = [w.lower() for w in words[a:b]]
            if kind != "PERSON" and b - a <= 3 and not any(_is_place_word(w) or w in ROLE_HEADS for w in name):
                out[starts[i + 1]] = (a, b, "PERSON")
            continue
        if i + 1 in covered:
            continue
        j = i + 1
        while j < len(words) and j - i <= 4 and (words[j][:1].isupper() or (words[j] == "-" and j + 1 < len(words))):
            j += 1
        while j > i + 1 and words[j - 1] == "-":
            j -= 1
        if j == i + 1:
            continue
        name = [w.lower() for w in words[i + 1 : j]]
        if name[0] in ROLE_HEADS or any(_is_place_word(w) for w in name):
            continue
        if not any(k in covered for k in range(i + 1, j)):
            out.append((i + 1, j, "PERSON"))
    return out


def _names_before_appositions(tokens: list[Token], spans: list[Span], is_derived: Callable[[str], bool]) -> list[Span]:
    """'Park Young-ja, seorang peneliti di ...': capitalised words before a comma and a role
    are a person's name; not a sentence adverb ending in -nya ("Awalnya, kuasa hukum X, ...")."""
    words = [t[0] for t in tokens]
    covered = {i for a, b, _ in spans for i in range(a, b)}
    out = []
    for comma, word in enumerate(words):
        if word != "," or comma + 1 >= len(words):
            continue
        k = comma + 1
        while k < len(words) and words[k].lower() in ROLE_LEAD_INS:
            k += 1
        if k >= len(words) or words[k].lower() not in ROLE_HEADS or (k == comma + 1 and words[k][:1].isupper()):
            continue
        a = comma
        while a > 0 and comma - a < 6 and (words[a - 1][:1].isupper() or _hyphen_part(tokens, a - 1)):
            a -= 1
        if a == comma or any(i in covered for i in range(a, comma)):
            continue
        name = [w.lower() for w in words[a:comma]]
        if name[0] in ROLE_HEADS or name[0] in FUNCTION_WORDS:
            continue
        if a == 0 and len(name) == 1 and name[0].endswith("nya") and is_derived(words[0]):
            continue
        if any(w in ORG_HEADS or w in PLACE_HEADS or w in PLACES for w in name):
            continue
        out.append((a, comma, "PERSON"))
    return out


def _names_after_titles(tokens: list[Token], spans: list[Span], is_derived: Callable[[str], bool]) -> list[Span]:
    """'Menteri Luar Negeri Ri Yong-ho': two or more capitalised words that the CRF left untagged
    after a title are a person's name, unless a word of them names a place, an organisation, a
    role or a derived common noun ("Kepala Bidang Hubungan Masyarakat")."""
    words = [t[0] for t in tokens]
    lower = [w.lower() for w in words]
    covered = {i for a, b, _ in spans for i in range(a, b)}
    out: list[Span] = []
    for i, word in enumerate(lower):
        if word not in ROLE_HEADS or not words[i][:1].isupper():
            continue
        # Skip the title's words and the place or organisation it is of ("Gubernur [Jawa Timur]").
        a = i + 1
        while a < len(words) and (
            a in covered or (words[a][:1].isupper() and (lower[a] in TITLE_CONTINUATIONS or lower[a] in ROLE_HEADS))
        ):
            a += 1
        b = a
        while b < len(words) and b not in covered and (words[b][:1].isupper() or _hyphen_part(tokens, b)):
            b += 1
        name = [w for w in lower[a:b] if w.isalpha()]
        if len(name) < 2 or any(k in covered for k in range(a, b)):
            continue
        if any(_is_place_word(w) or w in PLACE_HEADS or w in ROLE_HEADS or w in TITLE_CONTINUATIONS for w in name):
            continue
        if any(is_derived(w) for w in words[a:b] if w.isalpha()):
            continue
        out.append((a, b, "PERSON"))
    return out


def _organisations_by_head(words: list[str], spans: list[Span]) -> list[Span]:
    """ "Juru Bicara Kementerian Luar Negeri", "Ketua Komisi III DPR": two or more capitalised
    words that the CRF left untagged and an organisation head opens are an organisation; a place
    right after it is its seat and joins it ("[Dinas Kesehatan Kota Bandung]", "[Politeknik LPP
    Yogyakarta]")."""
    covered = {i for a, b, _ in spans for i in range(a, b)}
    starts = {a: (b, kind) for a, b, kind in spans}
    out = list(spans)
    i = 0
    while i < len(words):
        if i in covered or words[i].lower() not in ORG_ONLY_HEADS or not words[i][:1].isupper():
            i += 1
            continue
        b = i + 1
        while b < len(words) and b not in covered and (words[b][:1].isupper() or words[b].isdigit()):
            b += 1
        if b in starts and starts[b][1] == "PLACE":
            out.remove((b, *starts[b]))
            b = starts[b][0]
        elif b in covered:
            i = b  # the CRF saw another name there: where the organisation ends is unclear
            continue
        if b - i >= 2:
            out.append((i, b, "ORGANISATION"))
        i = b
    return out


def _place_heads_joined(words: list[str], spans: list[Span]) -> list[Span]:
    """ "pusat [kota] Pati", "[Provinsi] Sulawesi Tenggara": a place head right before a place
    the CRF found opens that place's name (not the "kota" of "ibu kota", the capital)."""
    covered = {i for a, b, _ in spans for i in range(a, b)}
    out = []
    for a, b, kind in spans:
        head = a - 1
        if (
            kind == "PLACE"
            and head >= 0
            and head not in covered
            and words[head].lower() in NAME_OPENING_PLACE_HEADS
            and not (head > 0 and words[head - 1].lower() == "ibu")
        ):
            a = head
        out.append((a, b, kind))
    return out


def _known_organisations(words: list[str], spans: list[Span]) -> list[Span]:
    """ "Menurut BMKG", "Data BPS", "Ketua Umum PDIP": a capitalised one-word organisation name
    (``ORG_NAMES``) is an organisation, whether the CRF left it untagged or gave it another kind."""
    covered = {i for a, b, _ in spans for i in range(a, b)}
    out = []
    for a, b, kind in spans:
        if b - a == 1 and words[a].lower() in ORG_NAMES and words[a][:1].isupper():
            kind = "ORGANISATION"
        out.append((a, b, kind))
    for i, word in enumerate(words):
        if i not in covered and word.lower() in ORG_NAMES and word[:1].isupper():
            out.append((i, i + 1, "ORGANISATION"))
    return out


def _acronyms_in_brackets(words: list[str], spans: list[Span]) -> list[Span]:
    """ "Universitas Gadjah Mada ( UGM )": an acronym in brackets right after a name is that name's
    short form and takes its kind, whether the CRF left it untagged or gave it another kind."""
    ends = {b: kind for _a, b, kind in spans if b - _a > 1}
    out = list(spans)
    for i, word in enumerate(words[:-3]):
        kind = ends.get(i)
        acronym = words[i + 1]
        if word != "(" or kind is None or words[i + 2] != ")" or not (acronym.isupper() and len(acronym) > 1):
            continue
        out = [s for s in out if not (s[0] == i + 1 and s[1] == i + 2)]
        out.append((i + 1, i + 2, kind))
    return out


def _hyphen_part(tokens: list[Token], i: int) -> bool:
    """A hyphen inside a word, or the lower-case part after one ("Young-ja", "Jong-un")."""
    word = tokens[i][0]
    if word in "-'’":
        return 0 < i < len(tokens) - 1 and _glued(tokens, i - 1, i) and _glued(tokens, i, i + 1)
    return i > 1 and tokens[i - 1][0] in "-'’" and _glued(tokens, i - 1, i) and _glued(tokens, i - 2, i - 1)
