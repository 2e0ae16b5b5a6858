"""Figures: the numbers an article reports ("14 orang", "Rp 2,4 triliun", "tujuh kematian"),
each with what it counts and the day it holds for, so that outlets can be compared.

Indonesian writes 1.150 for one thousand one hundred fifty and 2,4 for two point four; English
the other way round. Numbers inside dates, times, scores, laws and ordinals are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import word_set
from ..models import Document
from ..tokens import Tokenizer

_SCALES = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "triliun": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_WORD_NUMBERS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}
_NUMBER = re.compile(
    r"(?P<currency>\b(?:Rp|US\$|USD|IDR)\.?\s?)?"
    r"(?<![\w.,/:-])(?P<number>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w/:-]|[.,]\d)"
    r"(?:\s?(?P<scale>ribu|rb|juta|jt|miliar|milyar|triliun|thousand|million|billion|trillion)\b)?"
    r"(?:\s?(?P<unit>%|[a-zA-Z]+))?"
)
_WORD_NUMBER = re.compile(
    r"\b(?P<word>satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu)"
    r"(?:\s+(?P<teen>belas|puluh))?\s+(?P<unit>[a-z]+)\b",
    re.IGNORECASE,
)
# Words before a number that make it a label, not an amount ("pukul 02.00", "Pasal 2").
_NOT_AMOUNTS = word_set(
    "pukul jam pasal ayat nomor no nomer ke tahun rt rw km kilometer lantai blok gate kode angka skor"
)
# Words before a number that mark an earlier value ("bertambah dari 9 menjadi 14").
_EARLIER = word_set("dari semula sebelumnya awalnya")
_COUNTED_SKIP = word_set("dan atau yang di ke dari pada per hingga sampai dengan untuk sekitar lebih")
# Nouns that count people: one unit for comparing figures.
_PEOPLE = word_set("orang warga jiwa korban penduduk")
MIN_WORDS = 2
WINDOW = 8  # content words before a figure that say what it counts
AFTER = 6  # and after it ("Rp 2,4 triliun untuk merehabilitasi irigasi")


@dataclass(frozen=True)
class Figure:
    """A number an article reports: value, unit, what it counts, and the day it holds for."""

    value: float
    text: str
    unit: str  # "rp", "persen", the counted noun ("orang", "kios"), or "" when none follows
    words: frozenset[str]  # content stems before it: what kind of fact it is
    label: str  # those words as written, for people to read
    article_id: str
    sentence_index: int
    day: str | None  # ISO day it holds for: a date in its sentence, else the publication date
    earlier: bool  # an earlier value the sentence reports a change from


def _parse_number(text: str, english: bool) -> float | None:
    if english:
        cleaned = text.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        cleaned = text.replace(".", "").replace(",", ".")
    else:
        cleaned = text.replace(",", ".")
        if cleaned.count(".") > 1:
            return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def find_figures(document: Document, tokenizer: Tokenizer) -> list[Figure]:
    """The figures of a document, sentence by sentence."""
    english = document.article.language == "en"
    published = document.article.published.isoformat() if document.article.published else None
    spans = [(t.start, t.end) for t in document.times]
    days: dict[int, set[str]] = {}
    for t in document.times:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            days.setdefault(t.sentence_index, set()).add(t.value)
    out: list[Figure] = []
    for sentence in document.sentences:
        sentence_days = days.get(sentence.index, set())
        day = next(iter(sentence_days)) if len(sentence_days) == 1 else published
        for value, written, unit, start in _numbers(sentence.text, english):
            absolute = sentence.start + start
            if any(a <= absolute < b for a, b in spans):
                continue  # part of a date or time
            before = sentence.text[:start]
            previous_words = before.split()
            last = previous_words[-1].lower().strip("(,.") if previous_words else ""
            if last in _NOT_AMOUNTS or before.rstrip().endswith(("-", "/", "ke-")):
                continue
            kept = predicate_words(before, tokenizer)[-WINDOW:]
            after = predicate_words(sentence.text[start + len(written) :], tokenizer)[:AFTER]
            stems = frozenset(tokenizer.stem(w.lower()) for w in kept + after)
            if len(stems) < MIN_WORDS:
                continue
            out.append(
                Figure(
                    value=value,
                    text=written,
                    unit=unit,
                    words=stems,
                    label=" ".join(kept[-5:]),
                    article_id=document.id,
                    sentence_index=sentence.index,
                    day=day,
                    earlier=last in _EARLIER,
                )
            )
    return out


def predicate_words(text: str, tokenizer: Tokenizer) -> list[str]:
    """Lower-case content words as written (names and numbers left out: they say where and how
    many, not what kind of figure)."""
    words = re.findall(r"[A-Za-z][\w-]*", text)
    return [w for w in words if w[0].islower() and w.lower() not in tokenizer.stopwords]


def _numbers(text: str, english: bool) -> list[tuple[float, str, str, int]]:
    """(value, as written, unit, start) of each number in a sentence."""
    found: list[tuple[float, str, str, int]] = []
    for m in _NUMBER.finditer(text):
        value = _parse_number(m.group("number"), english)
        if value is None:
            continue
        scale = m.group("scale")
        if scale:
            value *= _SCALES[scale.lower()]
        unit = (m.group("unit") or "").lower()
        counted = bool(unit) and unit not in _COUNTED_SKIP and not (m.group("unit") or "")[:1].isupper()
        if m.group("currency"):
            unit, counted = "rp", False
        elif unit in ("%", "percent"):
            unit = "persen"
        elif not counted:
            unit = ""
        elif unit in _PEOPLE:
            unit = "orang"  # "tujuh warga" and "sembilan orang" count the same people
        if 1900 <= value <= 2100 and not unit and not m.group("currency"):
            continue  # a year
        end = m.end("unit") if counted else m.end("scale") if scale else m.end("number")
        written = text[m.start() : end].strip()
        found.append((value, written, unit, m.start("currency") if m.group("currency") else m.start("number")))
    for m in _WORD_NUMBER.finditer(text):
        value = float(_WORD_NUMBERS[m.group("word").lower()])
        if m.group("teen"):
            value = value + 10 if m.group("teen").lower() == "belas" else value * 10
        unit = m.group("unit").lower()
        if unit in _COUNTED_SKIP:
            continue
        unit = "orang" if unit in _PEOPLE else unit
        found.append((value, m.group().strip(), unit, m.start()))
    return sorted(found, key=lambda f: f[3])
