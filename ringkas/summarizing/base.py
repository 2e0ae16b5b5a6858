"""What every summarizer shares: the interface, candidate sentences, budgets and reading order.

A candidate is a sentence that can go into a summary. Some sentences only make sense after
the one before them ("Namun, ...", "Ia menambahkan ...", "Hal ini ..."): they are candidates
that *need their antecedent*, and a summarizer may only take one right after its antecedent.
Noise (captions, prompts, bare quotes without a speaker, questions, fragments) never is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from ..lengths import LengthSpec
from ..lexicon.function_words import OPEN_ENDINGS
from ..models import Document, Sentence

# Words that refer back to someone or something named before (Indonesian, English, Portuguese,
# Vietnamese), and connectives that lean on the sentence before.
REFERENCE_WORDS = (
    "ia|dia|beliau|mereka|hal itu|hal ini|hal tersebut|itu|ini|"
    "he|she|they|it|this|that|these|those|"
    "ele|ela|eles|elas|isso|isto|aquilo|"
    "họ|nó|anh ấy|cô ấy|ông ấy|bà ấy|điều này|điều đó|việc này"
)
_CONNECTIVES = (
    "namun|tetapi|tapi|akan tetapi|sementara itu|oleh karena itu|oleh sebab itu|karena itu|untuk itu|"
    "dengan demikian|selain itu|di sisi lain|adapun|kemudian|lalu|sedangkan|jadi|bahkan|padahal|"
    "meski begitu|meski demikian|walau begitu|walaupun demikian|sebelumnya|selanjutnya|karenanya|"
    "akibatnya|apalagi|terlebih|maka|sebab|"
    "however|but|meanwhile|also|moreover|furthermore|therefore|so|yet|still|instead|nevertheless|"
    "no entanto|porém|contudo|entretanto|além disso|por isso|por outro lado|mas|"
    "tuy nhiên|ngoài ra|do đó|vì vậy|bên cạnh đó|trong khi đó|sau đó|trước đó"
)
# Sentences opening with these lean on what came before (a pronoun or a connective).
DANGLING_OPENERS = re.compile(rf"^[\"'\u201c(]?({REFERENCE_WORDS}|{_CONNECTIVES})\b", re.IGNORECASE)
# A sentence that is only a quotation, with no one saying it.
_QUOTE_ONLY = re.compile(r'^["\u201c\u201e«][^"\u201d»]+["\u201d»][.!?]?$')
# An unfinished quotation opening a sentence: its speaker comes later, in another sentence.
_OPEN_QUOTE_NO_SPEAKER = re.compile(r'^["\u201c][^"\u201d]*$')
_PROMPT = re.compile(r"^\s*(baca|simak|lihat|tonton)\s+(juga|pula)\b|^\s*(foto|ilustrasi|video)\s*:", re.IGNORECASE)
# A sentence pointing at what follows it in the article ("Simak informasi selengkapnya berikut ini.",
# "Rincian biayanya sebagai berikut:"): in a summary, what it points at is not there.
_SIGNPOST = re.compile(
    r"(?:\b(?:berikut(?: ini)?|di bawah ini|sebagai berikut|selengkapnya|as follows|below|a seguir|sau đây|như sau)"
    r"(?: (?:untuk|bagi) (?:anda|kamu))?|:)\W*$",
    re.IGNORECASE,
)
# "... pada pekan berikut." is the next week, not a pointer.
_NEXT_TIME = re.compile(
    r"\b(?:hari|pekan|minggu|bulan|tahun|senin|selasa|rabu|kamis|jumat|sabtu|musim|laga|pertandingan) berikut\W*$",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|www\.|\S@\S+\.\w")
_CREDIT = re.compile(r"copyright|©|all rights reserved|hak cipta|\b(klik|click) (di ?sini|here)\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…\"'\u201d)\]\u3002\uff01\uff1f]$")
_WORD_RUN = re.compile(r"\w+")
# Han, kana: written without spaces, so a "word" of them is a whole clause.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")
# A quotation attributed only to a pronoun: who "katanya" is, the summary may not say.
_PRONOUN_SPEAKER = re.compile(
    r"[\"\u201d],?\s*(?:(?:kata|ujar|tutur|jelas|tambah|ucap|imbuh|tegas|lanjut|terang|sebut|papar|ungkap)nya"
    r"|(?:kata|ujar|tutur|ucap) (?:dia|ia|beliau|mereka)|(?:he|she|they) (?:said|added|told))\b",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"(\w+)\W*$")
MIN_WORDS = 4
MAX_WORDS = 70
# Sentences shorter than this must end like a sentence: short unpunctuated lines are captions,
# subheadings or spam.
SHORT = 9


def is_cjk(text: str) -> bool:
    return bool(_CJK_CHAR.search(text))


def sentence_words(text: str) -> int:
    """Words a sentence spends of a budget: whitespace tokens or ``\\w+`` runs, whichever is more.

    Counting the larger of the two keeps a summary within budget however a reader counts.
    """
    return max(len(text.split()), len(_WORD_RUN.findall(text)))


@dataclass(frozen=True)
class Candidate:
    """A sentence a summarizer may pick: which document, which sentence, its word count, and
    whether it needs the sentence before it (``needs_previous``)."""

    doc: int
    sentence: Sentence
    words: int
    needs_previous: bool = False


class Summarizer(Protocol):
    name: str

    def select(self, documents: Sequence[Document], length: LengthSpec) -> list[Candidate]: ...


def is_noise(text: str, words: int | None = None) -> bool:
    """Lines that are not news sentences: links, prompts, pointers at what follows ("simak berikut ini"),
    credits, fragments, bare quotes, questions."""
    if words is None:
        words = sentence_words(text)
    if _CJK_CHAR.search(text):
        words = max(words, len(_CJK_CHAR.findall(text)) // 2)  # about two characters a word
    if words < MIN_WORDS or words > MAX_WORDS:
        return True
    if text.rstrip("\"'\u201d").endswith("?") or text.isupper():  # a question; ALL CAPS (a heading)
        return True
    if _QUOTE_ONLY.match(text) or _OPEN_QUOTE_NO_SPEAKER.match(text) or _PROMPT.match(text):
        return True
    if _SIGNPOST.search(text) and not _NEXT_TIME.search(text):
        return True
    if ("/" in text or "@" in text or "www" in text) and _LINK.search(text):
        return True
    if ("©" in text or "opyright" in text or "ak cipta" in text or "lik" in text) and _CREDIT.search(text):
        return True
    if not _TERMINAL.search(text):
        # Unpunctuated: a caption or subheading when short, a cut-off fragment when it ends
        # on a word that cannot end a sentence ("... untuk pertama kalinya dengan").
        last = _LAST_WORD.search(text)
        return words < SHORT or (last is not None and last.group(1).lower() in OPEN_ENDINGS)
    return False


def needs_previous(text: str) -> bool:
    """Whether a sentence leans on the one before it: a pronoun or connective opening it, a
    quotation it only closes, or a quotation whose speaker is only "katanya" / "he said"."""
    if DANGLING_OPENERS.match(text):
        return True
    if "\u201d" in text and "\u201c" not in text.split("\u201d", 1)[0]:
        return True  # a curly closing quote before any opening one: the quote began earlier
    if text.count('"') % 2 == 1 and not text.lstrip().startswith('"'):
        return True  # an odd straight quote, not opening the sentence: it closes a quote
    return bool(_PRONOUN_SPEAKER.search(text)) and bool(_QUOTE_MARK.search(text))


def _opens(text: str, at: int) -> bool:
    """Whether the quote mark at ``at`` opens a quotation: a curly one by its shape; a straight
    one when a word follows it right after a space, a bracket, sentence punctuation or nothing
    (text glued where links were: 'WIB."Turut'), else it closes one ('Amin," katanya')."""
    mark = text[at]
    if mark != '"':
        return mark == "\u201c"
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return after.isalnum() and (before.isspace() or before in "([{.!?:;")


def opens_mid_quote(text: str) -> bool:
    """Whether a sentence starts inside a quotation opened before it: its first quote mark closes one."""
    first = _QUOTE_MARK.search(text)
    return first is not None and not _opens(text, first.start())


def starts_inside_quote(text: str, start: int) -> bool:
    """Whether position ``start`` of an article's text lies inside a quotation: in its paragraph,
    a quote opened before it is still open there and is closed after it."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    open_before = False
    for mark in _QUOTE_MARK.finditer(text, begin, start):
        open_before = _opens(text, mark.start())
    if not open_before:
        return False
    after = _QUOTE_MARK.search(text, start, len(text) if end < 0 else end)
    return after is not None and not _opens(text, after.start())


def candidates(documents: Sequence[Document]) -> list[Candidate]:
    """Every sentence of the documents that may appear in a summary, in document order.

    A sentence that starts inside a quotation is never one (its words are someone's, and the
    quote's opening and speaker are in another sentence). A dangling sentence is a candidate
    only when the sentence before it is one too, so that taking both keeps the summary readable.
    """
    out = []
    boilerplate = repeated_endings(documents)
    for d, doc in enumerate(documents):
        previous_ok = False
        for sentence in doc.sentences:
            text = sentence.text
            words = sentence_words(text)
            ok = not is_noise(text, words) and _key(text) not in boilerplate
            if ok and (opens_mid_quote(text) or starts_inside_quote(doc.article.text, sentence.start)):
                ok = False  # someone's words, their opening and speaker in another sentence
            dangling = ok and needs_previous(text)
            if ok and dangling and (sentence.index == 0 or not previous_ok):
                ok = False
            if ok:
                out.append(Candidate(d, sentence, words, dangling))
            previous_ok = ok
    return out


def _key(text: str) -> str:
    return " ".join(_WORD_RUN.findall(text.lower()))


def repeated_endings(documents: Sequence[Document]) -> frozenset[str]:
    """Sentences several articles end with, word for word, and never carry earlier: an
    outlet's boilerplate ("X adalah portal berita ..."), not news."""
    seen: dict[str, set[int]] = {}
    early: set[str] = set()
    for d, doc in enumerate(documents):
        n = len(doc.sentences)
        for k, sentence in enumerate(doc.sentences):
            key = _key(sentence.text)
            if k == n - 1 and n > 2:
                seen.setdefault(key, set()).add(d)
            else:
                early.add(key)
    return frozenset(key for key, docs in seen.items() if len(docs) > 1 and key not in early)


def total_size(documents: Sequence[Document]) -> tuple[int, int]:
    sentences = sum(len(d.sentences) for d in documents)
    words = sum(sentence_words(s.text) for d in documents for s in d.sentences)
    return sentences, words


def budget(documents: Sequence[Document], length: LengthSpec) -> tuple[int | None, int | None]:
    """(max sentences, max words) of a summary of ``documents``; only a percent needs their size."""
    if length.unit == "percent":
        return length.budget(*total_size(documents))
    return length.budget(0, 0)


def fits(chosen: list[Candidate], extra: Candidate, max_sentences: int | None, max_words: int | None) -> bool:
    if max_sentences is not None and len(chosen) + 1 > max_sentences:
        return False
    return max_words is None or sum(c.words for c in chosen) + extra.words <= max_words


def event_date(document: Document, sentence: Sentence) -> date | None:
    """When what the sentence reports happened: a full date it states, else its article's date."""
    published = document.article.published
    for time in document.times:
        if time.sentence_index == sentence.index and len(time.value) == 10:
            try:
                stated = date.fromisoformat(time.value)
            except ValueError:
                continue
            if published is None or stated <= published:
                return stated
    return published


def reading_order(documents: Sequence[Document], chosen: Sequence[Candidate]) -> list[Candidate]:
    """Event time first, then position in the source (leads before details); a sentence that
    needs its antecedent follows it directly."""
    by_place = {(c.doc, c.sentence.index): c for c in chosen}
    heads = [c for c in chosen if not (c.needs_previous and (c.doc, c.sentence.index - 1) in by_place)]

    def key(c: Candidate) -> tuple[int, int, int]:
        when = event_date(documents[c.doc], c.sentence)
        return (when.toordinal() if when else date.max.toordinal(), c.sentence.index, c.doc)

    out: list[Candidate] = []
    for head in sorted(heads, key=key):
        out.append(head)
        follower = by_place.get((head.doc, head.sentence.index + 1))
        while follower is not None and follower.needs_previous:
            out.append(follower)
            follower = by_place.get((follower.doc, follower.sentence.index + 1))
    return out
