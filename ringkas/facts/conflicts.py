"""Conflicts: the same kind of fact given different values by different outlets, a number
(a death toll, a budget) for the same day or a date for the same event.

A figure that changes from one day to the next is an update, not a conflict; so is an earlier
value an article itself reports ("dari 9 menjadi 14"). Two values conflict only when one outlet
gives one and not the other, and another outlet the other and not the one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Conflict, Document
from ..tokens import Tokenizer
from .figures import Figure, find_figures, predicate_words

# Overlap (Jaccard) of the words before two figures above which they count the same thing.
# Tuned on the sample corpus conflicts (samples/gold.json: a death toll and a budget) against
# the other figures of the same stories, which must not pair up.
SAME_KIND = 0.3
# Two reports of one figure are within this factor of each other ("14" and "17", "Rp 2,1 triliun"
# and "Rp 2,4 triliun"); farther apart, they count different things ("7 tahun", "2 tahun").
MAX_RATIO = 2.0
# Overlap of the predicate words of two dated sentences above which they report the same event.
SAME_EVENT = 0.6
# Values closer than this (relative) are the same value written twice ("Rp 2,4 triliun", "2.4 trillion").
SAME_VALUE = 0.01


def find_conflicts(documents: Sequence[Document], outlets: Mapping[str, str], tokenizer: Tokenizer) -> list[Conflict]:
    """Number and date conflicts between the outlets of a story (``outlets``: article id -> outlet)."""
    figures = [f for d in documents for f in find_figures(d, tokenizer) if not f.earlier]
    return _number_conflicts(figures, outlets) + _date_conflicts(documents, outlets, tokenizer)


def _same_kind(a: Figure, b: Figure) -> bool:
    if a.unit != b.unit or a.day != b.day or a.day is None:
        return False
    low, high = sorted((abs(a.value), abs(b.value)))
    if high > MAX_RATIO * low:
        return False  # reports of one figure differ by a little (14 vs 17), not by orders
    union = a.words | b.words
    return bool(union) and len(a.words & b.words) / len(union) >= SAME_KIND


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE * max(abs(a), abs(b), 1e-9)


def _number_conflicts(figures: Sequence[Figure], outlets: Mapping[str, str]) -> list[Conflict]:
    # Group figures of one kind (union-find over pairs from different articles).
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple[str, str | None], list[int]] = {}  # only figures of one unit and day can pair
    for i, figure in enumerate(figures):
        buckets.setdefault((figure.unit, figure.day), []).append(i)
    for bucket in buckets.values():
        for n, i in enumerate(bucket):
            for j in bucket[n + 1 :]:
                if figures[i].article_id != figures[j].article_id and _same_kind(figures[i], figures[j]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[Figure]] = {}
    for i, figure in enumerate(figures):
        groups.setdefault(root(i), []).append(figure)
    out = []
    for group in groups.values():
        values: list[tuple[Figure, list[str]]] = []  # (first figure with the value, article ids)
        for figure in group:
            for first, ids in values:
                if _same_value(first.value, figure.value):
                    if figure.article_id not in ids:
                        ids.append(figure.article_id)
                    break
            else:
                values.append((figure, [figure.article_id]))
        if _outlets_disagree([ids for _, ids in values], outlets):
            first = values[0][0]
            unit = {"rp": "Rp", "persen": "%"}.get(first.unit, first.unit)
            what = f"{first.label} … {unit} ({first.day})"
            out.append(Conflict(what, tuple((f.text, tuple(ids)) for f, ids in values)))
    return out


def _outlets_disagree(sides: Sequence[Sequence[str]], outlets: Mapping[str, str]) -> bool:
    """Whether some outlet gives one value and not another that a second outlet gives."""
    if len(sides) < 2:
        return False
    by_side = [{outlets.get(a, a) for a in ids} for ids in sides]
    for i, left in enumerate(by_side):
        for right in by_side[i + 1 :]:
            if left - right and right - left:
                return True
    return False


def _date_conflicts(documents: Sequence[Document], outlets: Mapping[str, str], tokenizer: Tokenizer) -> list[Conflict]:
    """One event, two dates: sentences of different outlets, published the same day, that say the
    same thing on different days. (Articles of different days legitimately date an ongoing state
    differently: "belum memutuskan, Kamis" and then "…, Jumat".)"""
    by_day: dict[object, list[tuple[str, str, frozenset[str], str]]] = {}  # (value, sentence, words, article id)
    for document in documents:
        if document.article.published is None:
            continue
        dated = by_day.setdefault(document.article.published, [])
        for timex in document.times:
            if len(timex.value) != 10 or not 0 <= timex.sentence_index < len(document.sentences):
                continue  # only days: a month and a day inside it do not disagree
            sentence = document.sentences[timex.sentence_index].text
            words = frozenset(tokenizer.stem(w.lower()) for w in predicate_words(sentence, tokenizer))
            dated.append((timex.value, sentence, words, document.id))
    out = []
    seen: set[frozenset[str]] = set()
    for dated in by_day.values():
        out += _disagreeing_dates(dated, outlets, seen)
    return out


def _disagreeing_dates(
    dated: Sequence[tuple[str, str, frozenset[str], str]], outlets: Mapping[str, str], seen: set[frozenset[str]]
) -> list[Conflict]:
    out = []
    for i, (value, sentence, words, article) in enumerate(dated):
        for other_value, _other, other_words, other_article in dated[i + 1 :]:
            if value == other_value or outlets.get(article, article) == outlets.get(other_article, other_article):
                continue
            union = words | other_words
            if not union or len(words & other_words) / len(union) < SAME_EVENT:
                continue
            key = frozenset((article, other_article, value, other_value))
            if key in seen:
                continue
            seen.add(key)
            what = f"tanggal: {_short(sentence)}"
            out.append(Conflict(what, ((value, (article,)), (other_value, (other_article,)))))
    return out


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
