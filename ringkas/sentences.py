"""Sentences: split clean article text into ``Sentence`` objects with character spans.

Paragraphs (lines) first; inside a paragraph every ``.``, ``!``, ``?`` or ellipsis followed by
a space is a candidate boundary, kept or dropped by rules for Indonesian news that also hold
for other Latin-script languages (Portuguese, Vietnamese, English): titles and abbreviations
("Prof. Dr. H.", "Jl.", "S.H.", "dll."), initials, list markers, datelines, quotes, a
lower-case next word, and after a dotted abbreviation a word the text capitalises inside its
sentences ("U.S. Army": a name). No model and no downloaded data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .models import Sentence


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lower-case, without the final period. A title comes before a name, place or number, so it
# never ends a sentence ("Prof. Dr. H. Ahmad", "Jl. Merdeka No. 5", "Rp. 5.000", "a.n. Budi").
TITLE_ABBREVIATIONS = _word_set(
    """
    dr drs dra drg prof profa ir h hj kh st sdr sdri bpk bp yth tn ny nn moh muh mhd moch much
    abd mr mrs ms messrs jend jen letjen mayjen brigjen kol letkol kapt lettu letda pol kompol akbp
    kombes irjen komjen laksda laksma laksdya marsda marsma marsdya purn inf kav gen lt col capt
    sgt cpl adm cmdr gov sen rep rev fr hon pres dep min
    jl jln gg kab kec kel ds dsn kp prov rt rw pt cv ud no nr tgl tel telp fax faks hlm
    vol ref vs cf ca rp
    sr sra srta exmo exma ilmo ilma av pe dto
    tp q p ts ths pgs gs bs ks sp
    a.n s.d u.p u.b d.a c.q q.q a.l e.g i.e k.h
    """
)

# Abbreviations that often end a sentence: a boundary when a capitalised word follows.
ENDING_ABBREVIATIONS = _word_set(
    """
    dll dsb dst dkk tsb sbb etc cs tbk inc ltd co corp llc plc jr cia ltda
    jan feb mar apr jun jul agu agt ags agst sep sept okt oct nov des dec aug
    """
)

# A candidate end: terminal punctuation, closing quotes or brackets, then a space or the end.
_END = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*(?=\s|$)")
_OPENERS = "\"'“‘«([—–-"
# "S.H", "M.Si", "Ph.D", "a.n", "U.S", "TP.HCM": short letter groups joined by dots.
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}$")
# Words a single capital letter often follows at a sentence's end: "Grup A.", "vitamin C.".
_LETTER_NAMED = _word_set(
    """
    grup group kelompok kelas blok vitamin tipe type pool pasal huruf golongan kategori seri zona
    tahap opsi pilihan paket sektor gedung tower menara lantai ruang gerbong gate pintu terminal
    plan plano rencana skenario versi model varian ukuran size level tingkat jalur klaster
    """
)
_WORD_BEFORE = re.compile(r"(\S+)\s*$")


class SentenceSplitter:
    """Splits text into sentences; one instance is reused across articles (it holds no state
    besides its abbreviation lists)."""

    def __init__(
        self,
        extra_abbreviations: frozenset[str] = frozenset(),
        extra_ending_abbreviations: frozenset[str] = frozenset(),
    ) -> None:
        self.titles = TITLE_ABBREVIATIONS | {a.lower().rstrip(".") for a in extra_abbreviations}
        self.endings = ENDING_ABBREVIATIONS | {a.lower().rstrip(".") for a in extra_ending_abbreviations}

    # -- public ------------------------------------------------------------------------

    def spans(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, paragraph) of each sentence, whitespace trimmed; paragraphs are lines."""
        offset = 0
        paragraph = 0
        names = _inner_capitals(text) if "." in text else frozenset()
        for line in text.split("\n"):
            if line.strip():
                for start, end in self._line_spans(line, names):
                    yield offset + start, offset + end, paragraph
                paragraph += 1
            offset += len(line) + 1

    def split(self, text: str, article_id: str = "") -> tuple[Sentence, ...]:
        return tuple(
            Sentence(article_id=article_id, index=n, text=text[start:end], start=start, end=end, paragraph=paragraph)
            for n, (start, end, paragraph) in enumerate(self.spans(text))
        )

    def split_text(self, text: str) -> list[str]:
        return [text[start:end] for start, end, _ in self.spans(text)]

    # -- one paragraph -----------------------------------------------------------------

    def _line_spans(self, line: str, names: frozenset[str]) -> Iterator[tuple[int, int]]:
        start = len(line) - len(line.lstrip())
        for match in _END.finditer(line):
            end = _closing_quote_end(line, start, match.end())
            following = len(line) - len(line[end:].lstrip())
            if following >= len(line):
                break  # the paragraph's end closes the last sentence below
            if self._is_boundary(line, start, match.start(), end, following, names):
                yield start, end
                start = following
        tail = line.rstrip()
        if start < len(tail):
            yield start, len(tail)

    def _is_boundary(
        self, line: str, sentence_start: int, punct: int, end: int, following: int, names: frozenset[str]
    ) -> bool:
        terminal = line[punct:end].replace(" ", "")
        next_word = _next_word(line, following)
        if not next_word:
            return True  # only punctuation follows ("... ." or a lone closing mark)
        first = next_word[0]
        if line[following] in "([" and not self._after_title(line, sentence_start, punct):
            return True  # "(ant/asa)", "[PageSix.com]", "(Baca juga: ...)" after a sentence
        if first.islower() and not _looks_like_brand(next_word):
            return False  # "?" tanya dia / "dll. yang" / "Rp. juta": Indonesian sentences start capitalised
        if not (first.isalnum() or first in "\"'“‘«(["):
            return first not in ",;:%"
        if terminal[0] in "!?" or terminal[0] == "…" or terminal.startswith(".."):
            return True
        word = _word_before(line, sentence_start, punct)
        key = word.lower()
        if not word:
            return True
        if key in self.titles:
            return False  # also "(Purn.) Moeldoko"
        if len(terminal) > 1:
            return True  # a period inside closing quotes or brackets ends the quote's sentence
        if first.isdigit() and (key in self.endings or _DOTTED.match(word)):
            return False  # "Jan. 2019", "s.d. 5"
        if key not in self.endings and _DOTTED.match(word) and next_word.strip(_CLOSERS) in names:
            return False  # "U.S. Army", "5 p.m. Tuesday": a word the text capitalises inside sentences
        if key in self.endings or _DOTTED.match(word):
            return not self._is_abbreviation(next_word)  # "S.H. M.H." is one name's degrees
        if len(word) == 1 and word.isalpha() and word.isupper():
            return not self._is_initial(line, sentence_start, punct - 1, next_word)
        return not _is_dateline(line[sentence_start:punct])

    def _after_title(self, line: str, sentence_start: int, punct: int) -> bool:
        return _word_before(line, sentence_start, punct).lower() in self.titles

    def _is_abbreviation(self, word: str) -> bool:
        key = word.rstrip(".,;:").lower()
        return key in self.titles or key in self.endings or bool(_DOTTED.match(word.rstrip(".,;:")))

    @staticmethod
    def _is_initial(line: str, sentence_start: int, letter: int, next_word: str) -> bool:
        """A capital letter and period inside a name ("Susilo B. Yudhoyono", "oleh A. Rahman"),
        unless it names a class or group ("Grup A. Tim ...", "vitamin C. Selain itu")."""
        if not next_word[0].isupper():
            return False
        before = line[sentence_start:letter].split()
        return not before or before[-1].strip("\"'“‘(").lower() not in _LETTER_NAMED


_CLOSERS = ".,;:!?\"'”’»)]"
# A capitalised word right after a word ending in a small letter: inside a sentence, so a name.
_INNER_CAPITAL = re.compile(r"(?<=[^\W\d_A-Z]) +([^\W\d_a-z][^\s.,;:!?\"'”’»)\]]*)")


def _inner_capitals(text: str) -> frozenset[str]:
    """The words ``text`` writes capitalised inside its sentences (after a word that ends in a
    small letter): names, which a dotted abbreviation before them does not end a sentence at."""
    return frozenset(match.group(1) for match in _INNER_CAPITAL.finditer(text) if not match.group(1).isupper())


def _closing_quote_end(line: str, sentence_start: int, end: int) -> int:
    """Take in a closing quote left detached by a space ('diatur. ”' or 'diatur. "' closing an
    odd number of straight quotes), so that it ends this sentence instead of opening the next."""
    rest = line[end:]
    stripped = rest.lstrip(" ")
    if not stripped or stripped[0] not in '”’»"':
        return end
    after = stripped[1:2]
    if after and not after.isspace():
        return end
    if stripped[0] == '"' and line.count('"', sentence_start, end) % 2 == 0:
        return end
    return end + (len(rest) - len(stripped)) + 1


def _next_word(line: str, position: int) -> str:
    """The next word after ``position``, opening quotes and brackets skipped."""
    rest = line[position:].lstrip(_OPENERS + " \t")
    if not rest:
        return ""
    return rest.split(maxsplit=1)[0]


def _word_before(line: str, sentence_start: int, punct: int) -> str:
    match = _WORD_BEFORE.search(line, sentence_start, punct)
    if match is None:
        return ""
    return match.group(1).lstrip(_OPENERS)


def _looks_like_brand(word: str) -> bool:
    """'iPhone', 'eKTP', 'e-KTP' start lower-case but open a sentence."""
    letters = word.replace("-", "")
    return len(letters) > 1 and letters[0].islower() and letters[1].isupper()


def _is_dateline(fragment: str) -> bool:
    """'VLADIVOSTOK' or 'KONTAN.CO.ID - VLADIVOSTOK' before the first real sentence."""
    words = fragment.split()
    return 0 < len(words) <= 5 and not any(ch.islower() for ch in fragment) and any(ch.isalpha() for ch in fragment)
