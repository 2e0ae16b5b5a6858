"""Sentences: split clean article text into ``Sentence`` objects with character spans.

Paragraphs (lines) first, then nltk's Punkt algorithm with our Indonesian abbreviation list
(no downloaded data), so "Prof. Dr. H.", "Jl.", "Rp 1.500.000" and "30/5/2018" stay whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .models import Sentence

# Lower-case, without the final period, as Punkt wants them.
INDONESIAN_ABBREVIATIONS = frozenset(
    [
        "dr",
        "drs",
        "dra",
        "prof",
        "ir",
        "h",
        "hj",
        "kh",
        "st",
        "sdr",
        "sdri",
        "bpk",
        "bp",
        "ibu",
        "yth",
        "no",
        "jl",
        "jln",
        "kab",
        "kec",
        "kel",
        "kota",
        "prov",
        "dll",
        "dsb",
        "dst",
        "dkk",
        "tsb",
        "ybs",
        "yg",
        "dgn",
        "utk",
        "krn",
        "thn",
        "tgl",
        "a.n",
        "an",
        "u.p",
        "s.h",
        "s.e",
        "s.pd",
        "s.sos",
        "s.kom",
        "s.t",
        "m.si",
        "m.sc",
        "m.a",
        "m.h",
        "m.m",
        "m.kom",
        "m.pd",
        "ph.d",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "jend",
        "letjen",
        "mayjen",
        "brigjen",
        "kol",
        "letkol",
        "mayor",
        "kapt",
        "lettu",
        "letda",
        "pol",
        "kompol",
        "akbp",
        "kombes",
        "irjen",
        "komjen",
        "aiptu",
        "aipda",
        "bripka",
        "brigpol",
        "briptu",
        "bripda",
        "kapolri",
        "kapolda",
        "laksda",
        "laksma",
        "marsda",
        "rp",
        "us$",
        "no.",
        "hal",
        "tel",
        "telp",
        "fax",
        "mis",
        "gd",
        "lt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "agu",
        "agt",
        "ags",
        "sep",
        "sept",
        "okt",
        "nov",
        "des",
    ]
)


class SentenceSplitter:
    """Splits text into sentences; one instance is reused across articles."""

    def __init__(self, extra_abbreviations: frozenset[str] = frozenset()) -> None:
        params = PunktParameters()
        params.abbrev_types = set(INDONESIAN_ABBREVIATIONS | extra_abbreviations)
        self._punkt = PunktSentenceTokenizer(params)

    def spans(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, paragraph) of each sentence; paragraphs are the text's lines."""
        offset = 0
        for paragraph, line in enumerate(text.split("\n")):
            for start, end in self._punkt.span_tokenize(line):
                piece = line[start:end]
                for sub_start, sub_end in _split_glued(piece):
                    yield offset + start + sub_start, offset + start + sub_end, paragraph
            offset += len(line) + 1

    def split(self, text: str, article_id: str = "") -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        for start, end, paragraph in self.spans(text):
            chunk = text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            out.append(
                Sentence(
                    article_id=article_id,
                    index=len(out),
                    text=stripped,
                    start=start + lead,
                    end=start + lead + len(stripped),
                    paragraph=paragraph,
                )
            )
        return tuple(out)

    def split_text(self, text: str) -> list[str]:
        return [s.text for s in self.split(text)]


# A closing quote directly followed by an opening one: '..." "...' is two sentences.
_GLUED_QUOTES = re.compile(r'(?<=[.!?]["\u201d])\s+(?=["\u201c][A-Z])')


def _split_glued(piece: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in _GLUED_QUOTES.finditer(piece)] + [len(piece)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if piece[a:b].strip()]
