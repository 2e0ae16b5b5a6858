"""Readability checks a summary sentence must pass, used when choosing sentences and by the benchmark.

- a dateline or outlet residue glued to the start ("KOTA, Outlet.com - ...", "KOTA-Kata ...")
  is cut off the sentence, never shown;
- two sentences reporting the same happening (the same figures and the same names, whatever
  the wording) never both appear, nor two sentences of two articles that share most of their
  words (one outlet's wording of what another said: ``restates``);
- a sentence opening with a reference ("Ia", "Mereka", "Hal itu") appears only right after
  the sentence it refers to;
- a sentence of an article outside the story's core (about another happening the clustering
  joined to it) is not used: see ``story_core``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..cleaning.datelines import match_dateline
from ..models import Sentence
from .base import REFERENCE_WORDS

# An outlet name with a web suffix ("Portal.com", "SITE.CO.ID"), a place in capitals, or both,
# then a dash or a comma, at the very start of a sentence: the dateline of the wire format.
_OUTLET = r"[A-Za-z][\w]*(?:\.[A-Za-z]{2,3}){1,2}"
_PLACE = r"[A-Z][A-Z]{2,}(?:[ ][A-Z]{3,}){0,2}"
_DATELINE = re.compile(
    # "Outlet.com, Kota -", "KOTA, Outlet.com -", and "Outlet.com, KotaKata" where the place ran
    # into the sentence's first word (the lookahead stops the place before that word's capital).
    rf"^(?:{_PLACE}\s*,\s*)?{_OUTLET}\s*(?:,\s*(?:[A-Z][a-z]+(?=[A-Z])|[A-Z][a-z]+|{_PLACE}))?\s*[-\u2013\u2014:]*\s*"
    # "KOTA -", "KOTA, Outlet.com -", "KOTA (Agency) -"
    rf"|^{_PLACE}\s*(?:,\s*{_OUTLET}\s*)?[-\u2013\u2014]+\s*"
    rf"|^{_PLACE}\s*\(\w[\w ]{{1,20}}\)\s*[-\u2013\u2014]+\s*"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_YEAR = re.compile(r"^(19|20)\d\d$")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
_NAME = re.compile(r"(?<![\w.])([^\W\d_a-z][^\W_]+(?:\s+[^\W\d_a-z][^\W_]+)*)", re.UNICODE)
# Sentences opening with these refer back to someone or something named before.
_REFERENCE_OPENERS = re.compile(rf"^[\"'\u201c(]?({REFERENCE_WORDS})\b", re.IGNORECASE)
# Two sentences of two articles restate each other when this share of the shorter one's words
# (content words of three letters or more) is in the other. Chosen by ViMs ROUGE-2 with each
# cluster summarized by the sentence model trained without ViMs: 39.23 at 0.5, 39.51 at 0.6,
# 39.26 at 0.7, 39.30 without the rule (one set decides it: IndoSum, one article a cluster,
# cannot change). Within one article a writer's restatement is kept: applied there too, the
# rule cost IndoSum 0.5 ROUGE-2.
RESTATES = 0.6


def dateline_length(text: str) -> int:
    """How many leading characters of ``text`` are a dateline or outlet residue (0 when none):
    the residue shapes above, or any dateline the cleaner knows (``cleaning.datelines``:
    "Jakarta, CNN Indonesia --", "Jakarta (ANTARA) -", "Medcom.id, Jakarta:")."""
    match = _DATELINE.match(text)
    if match and match.group(0).strip():
        rest = text[match.end() :]
        if rest.strip() and not rest[0].islower():
            return match.end()
    dateline = match_dateline(text, min_rest=1)
    return dateline.end if dateline is not None else 0


def has_dateline(text: str) -> bool:
    return dateline_length(text) > 0


def without_dateline(sentence: Sentence) -> Sentence:
    """The sentence with its dateline residue cut off (its start moved past it)."""
    cut = dateline_length(sentence.text)
    if not cut:
        return sentence
    rest = sentence.text[cut:].lstrip()
    moved = len(sentence.text) - len(rest)
    return replace(sentence, text=rest[:1].upper() + rest[1:], start=sentence.start + moved)


@dataclass(frozen=True)
class Fact:
    """What a sentence reports, wording aside: its figures and the names it mentions."""

    figures: frozenset[str]
    names: frozenset[str]


def fact_of(text: str) -> Fact:
    """The figures (years and dates left out: every sentence of a story shares them) and names."""
    body = _DATE.sub(" ", text)
    figures = frozenset(n.replace(".", "").replace(",", "") for n in _NUMBER.findall(body) if not _YEAR.match(n))
    names = set()
    for match in _NAME.finditer(text):
        for k, word in enumerate(match.group(1).split()):
            if match.start() == 0 and k == 0:
                continue  # the capital of the sentence's first word, not a name
            names.add(word.lower())
    return Fact(figures, frozenset(names))


def same_fact(a: Fact, b: Fact) -> bool:
    """Two sentences report the same happening: the same figures (one's a subset of the other's)
    and the same names (at least half of the fewer, and at least one)."""
    if not a.figures or not b.figures:
        return False
    small, large = sorted((a.figures, b.figures), key=len)
    shared = len(a.names & b.names)
    return small <= large and shared >= 1 and shared >= min(len(a.names), len(b.names)) / 2


def said_words(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """The content words of a sentence (letters only, three or more, lower-cased)."""
    return frozenset(w for w in _LETTERS.findall(text.lower()) if len(w) > 2 and w not in stopwords)


def restates(a: frozenset[str], b: frozenset[str], share: float = RESTATES) -> bool:
    """Whether ``share`` or more of the shorter sentence's words are in the other."""
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) >= share * shorter


def opens_with_reference(text: str) -> bool:
    """Whether a sentence opens with a pronoun or "hal itu" that points back to an earlier one."""
    return bool(_REFERENCE_OPENERS.match(text))
