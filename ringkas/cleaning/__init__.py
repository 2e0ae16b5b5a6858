"""Cleaning: take a raw ``Article`` and return it without the noise of scraped news.

Works line by line and keeps every removed line with its reason (``RemovedLine``): the rules
of ``noise`` (related links, adverts, video prompts, photo credits, bylines, share prompts,
boilerplate), the repeated headline, injected ``spam``, and the ``dateline`` prefix, which
becomes metadata (outlet, place) like the byline (wire source, author). Mojibake is repaired
with ftfy, subheadings become structure, and the language, a missing publication date
("Rabu (30/5/2018)") and a missing headline (the one the address spells, ``slugs``) are filled
in. The cleaned ``Article`` goes on to analysis.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import ftfy

from ..lexicon.names import GIVEN_NAMES
from ..lexicon.places import PLACES
from ..models import Article, RemovedLine
from ..outlets import canonical_outlet
from ..reading.text import split_lines
from ..tokens import Tokenizer
from .datelines import Dateline, byline_fields, match_dateline, outlet_name, text_date
from .duplicates import duplicate_lines
from .language import LanguageIdentifier, normalize_language
from .noise import BARE_LINK_LABEL, PROSE_END, SENTENCE_END, line_noise, normalize_line, remove_inline
from .repair import GlueRepair, function_words
from .slugs import headline_from_url
from .spam import ArticleWords, spam_reason

__all__ = ["Cleaner", "clean_article", "fix_text", "match_dateline", "normalize_line", "outlet_name", "text_date"]

# What is left of a no-break space or curly quote decoded twice, when ftfy cannot tell it apart.
_MOJIBAKE_DEBRIS = set("\u00c2\u00c3\u00e2\u20ac\u2122\u0153\u009d\u00a0\u00ad\ufffd ")
_BULLET = re.compile(r"^\s*(?:[-\u2022*\u2013\u00b7]|\d{1,2}[.)])\s")
# Headlines are short; a "title" longer than this is a paragraph the source put in the title field.
_MAX_TITLE_WORDS = 40


# Indonesian prefixes and suffixes a derived word starts or ends with.
_AFFIXED = re.compile(r"^(?:me|be|di|ke|pe|te|se)|(?:an|kan|nya|i)$")
_NEEDS_FTFY = re.compile(r"[^\x20-\x7e\t]|&")


def fix_text(text: str) -> str:
    """Repair mojibake and stray control characters; never drops letters."""
    if not _NEEDS_FTFY.search(text):  # printable ASCII without entities: nothing to repair
        return text
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)  # pages show “curly” quotes
    return fixed.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")


@dataclass
class _Line:
    index: int  # 0-based line of the raw body (-1: the title field)
    text: str
    reason: str | None = None


class Cleaner:
    """Cleans articles; owns the language model and the word list it needs (load once, reuse)."""

    def __init__(self, *, identify_language: bool = True, tokenizer: Tokenizer | None = None) -> None:
        self._languages = LanguageIdentifier() if identify_language else None
        self._tokenizer = tokenizer
        self._dictionary: frozenset[str] | None = None
        self._given_names: frozenset[str] | None = None
        self._name_words: frozenset[str] | None = None

    @property
    def tokenizer(self) -> Tokenizer:
        if self._tokenizer is None:
            self._tokenizer = Tokenizer()
        return self._tokenizer

    @property
    def dictionary(self) -> frozenset[str]:
        """Indonesian root words (the Sastrawi stemmer's dictionary, shipped in its package)."""
        if self._dictionary is None:
            from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

            self._dictionary = frozenset(w.strip() for w in StemmerFactory().get_words_from_file() if w.strip())
        return self._dictionary

    def is_indonesian_word(self, word: str) -> bool:
        """Whether a lower-case word is Indonesian: a root of the Sastrawi dictionary or built on one."""
        if word in self.dictionary or word in self.tokenizer.stopwords:
            return True
        return len(word) > 3 and self.tokenizer.stem(word) in self.dictionary

    def is_derived_word(self, word: str) -> bool:
        """Whether a lower-case word is built on a dictionary root with Indonesian affixes
        ("dilansir", "kendaraan", "penanggulangan"), not a root ("kota") or a loan the stemmer cuts
        ("cinema")."""
        if word in self.dictionary or word in self.tokenizer.stopwords or len(word) <= 3:
            return False
        root = self.tokenizer.stem(word)
        # the root inside the word, its first letter aside ("me-ng-atakan" of "kata")
        return root != word and root in self.dictionary and root[1:] in word and bool(_AFFIXED.search(word))

    def is_given_name(self, word: str) -> bool:
        """Whether a lower-case word opens people's names: a common given name of our lexicon or
        the first word of a person's name in the tagger's name dictionary (learned from NERP),
        three letters or more and no Indonesian word ("dan", "presiden" and "pasar" open a few
        of its names too)."""
        if self._given_names is None:
            self._load_names()
        assert self._given_names is not None
        return word in self._given_names

    def is_known_name(self, word: str) -> bool:
        """Whether a lower-case word is part of a name the tagger's name dictionary knows (a person,
        place or organisation of NERP: "subianto", "israel", "hermawan") or a place of our lexicon,
        four letters or more and no Indonesian word: evidence that a name ends where it does when
        a page glued it to the next word and never writes it alone."""
        if self._name_words is None:
            self._load_names()
        assert self._name_words is not None
        return word in self._name_words

    def _load_names(self) -> None:
        from ..entities.dictionary import NameDictionary

        names = NameDictionary.load().names
        starts = {
            words[0]
            for words, kind in names.items()
            if kind == "PERSON" and len(words) > 1 and len(words[0]) > 2 and words[0].isalpha()
        }
        self._given_names = GIVEN_NAMES | {w for w in starts if not self.is_indonesian_word(w)}
        words = {w for name in names for w in name if len(w) > 3 and w.isalpha()} | {
            p for p in PLACES if len(p) > 3 and p.isalpha()
        }
        self._name_words = frozenset(w for w in words if not self.is_indonesian_word(w))

    def glue_repair(self, context: str) -> GlueRepair:
        """Splits glued words in the lines of one article (``context``: its whole text)."""
        return GlueRepair(
            self.is_indonesian_word,
            function_words(),
            context=context,
            is_derived=self.is_derived_word,
            is_given_name=self.is_given_name,
            is_known_name=self.is_known_name,
        )

    def clean(self, article: Article) -> Article:
        """The article with noise lines removed (and recorded), dateline and byline as metadata."""
        metadata: dict[str, Any] = dict(article.metadata)
        first_line_is_title = bool(metadata.pop("first_line_is_title", False))
        # Text ringkas read from a page's markup kept the page's spaces: what is glued there is the
        # page's own spelling ("mengatakan,pembatalan"), not a scraper's glue, and stays as written.
        repair_glue = not metadata.pop("spacing_from_markup", False)
        headings = {normalize_line(h) for h in metadata.pop("html_headings", None) or [] if isinstance(h, str)}
        removed: list[RemovedLine] = []
        title, body, title_moved = self._title(article, first_line_is_title, removed, metadata, repair_glue)

        raw_lines = split_lines(body)
        offset = 1 if title_moved else 0  # the title paragraph became line 0 of the body
        language = normalize_language(article.language)
        if language is None and self._languages is not None:
            language = self._languages.identify(title + "\n" + body)
        repair = self.glue_repair(title + "\n" + "\n".join(raw_lines)) if repair_glue else None
        lines = self._classify(raw_lines, title, offset, removed, language, repair)
        for line in lines:
            if line.reason == "byline":
                metadata.setdefault("byline", line.text)

        kept: list[str] = []
        subheadings: list[str] = []
        content = [line for line in lines if line.reason is None]
        first_body = True
        for pos, line in enumerate(content):
            text = line.text
            nxt = content[pos + 1].text if pos + 1 < len(content) else None
            if first_body and "dateline" not in metadata:
                dateline = match_dateline(text, context=body, is_word=self.is_indonesian_word)
                if dateline is None and nxt is not None:  # a dateline alone on its line
                    whole = match_dateline(text + " " + nxt, context=body, is_word=self.is_indonesian_word)
                    if whole is not None and whole.end >= len(text):
                        self._note_dateline(whole, line.index, metadata, removed)
                        continue
                if dateline is not None:
                    self._note_dateline(dateline, line.index, metadata, removed)
                    glued = text[dateline.end - 1 : dateline.end + 1].isalpha()
                    text = text[dateline.end :].lstrip()
                    if glued and repair is not None:  # the place hid the first word's glue: "Jakarta|PenyanyiJustin"
                        text = _repair_opening(text, repair)
            if normalize_line(text) in headings or (
                not first_body and is_subheading(text, kept[-1] if kept else None, nxt)
            ):
                subheadings.append(text)
                continue
            first_body = False
            kept.append(unicodedata.normalize("NFC", text))

        byline = metadata.get("byline")
        if isinstance(byline, str):
            for key, value in byline_fields(byline).items():
                metadata.setdefault(key, value)
        text = "\n".join(kept)
        if not title:  # no headline came with it: the one its address spells, if any
            title = headline_from_url(article.url, text)
            if title:
                metadata["title_from"] = "url"
        return replace(
            article,
            title=title,
            text=text,
            outlet=canonical_outlet(article.outlet) or canonical_outlet(metadata.get("dateline_outlet")),
            published=article.published or text_date(text) or text_date(str(metadata.get("dateline", ""))),
            language=language,
            removed=article.removed + tuple(sorted(removed, key=lambda r: r.line)),
            subheadings=article.subheadings + tuple(subheadings),
            metadata=metadata,
        )

    def _title(
        self,
        article: Article,
        first_line_is_title: bool,
        removed: list[RemovedLine],
        metadata: dict[str, Any],
        repair_glue: bool = True,
    ) -> tuple[str, str, bool]:
        """The headline, the body, and whether the title field was really the first paragraph."""
        title = fix_text(article.title).strip()
        if repair_glue:
            title, _ = self.glue_repair(article.title + "\n" + article.text)(title)
        body = article.text
        if not title:
            return "", body, False
        reason = line_noise(title)
        if reason == "byline":
            removed.append(RemovedLine(title, "byline", -1))
            metadata.setdefault("byline", title)
            return "", body, False
        if reason is not None and first_line_is_title:
            removed.append(RemovedLine(title, reason, -1))
            return "", body, False
        words = len(title.split())
        # A dateline opening a title that reads as prose (a full stop at the end, or too long for a
        # headline) is the first paragraph put in the title field; "BPBD: Korban ..." is a headline.
        prose = words > 25 or bool(re.search(r"[.\"\u201d]\s*$", title))
        if words > _MAX_TITLE_WORDS or (prose and words >= 8 and match_dateline(title) is not None):
            return "", article.title + "\n" + body, True
        return title, body, False

    def _classify(
        self,
        raw_lines: list[str],
        title: str,
        offset: int,
        removed: list[RemovedLine],
        language: str | None,
        repair: GlueRepair | None = None,
    ) -> list[_Line]:
        """Every non-blank line, with the reason it is noise (None for article text); ``repair``
        splits the words a scraper glued (None: the text keeps its spacing)."""
        title_key = normalize_line(title)
        lines: list[_Line] = []
        for n, raw in enumerate(raw_lines):
            index = n - offset
            if not raw.strip():
                continue
            text = fix_text(raw).strip()
            if not text or set(text) <= _MOJIBAKE_DEBRIS:
                removed.append(RemovedLine(raw.strip(), "mojibake", index))
                continue
            reason = "repeated-headline" if title_key and _repeats(text, title_key) else line_noise(text)
            if reason is None:  # noise inside a line of text: take it out, keep the rest
                text, pieces = remove_inline(text)
                removed.extend(RemovedLine(piece, why, index) for piece, why in pieces)
                if not text:
                    continue
                reason = line_noise(text) if pieces else None
            if reason is None and repair is not None:
                text, _ = repair(text)  # words a scraper glued where a link was (noise is kept as written)
            lines.append(_Line(index, text, reason))
        _link_titles(lines)
        # Judged on the lines as scraped: a copy is often a paragraph with a prompt glued on.
        for pos in duplicate_lines([fix_text(raw_lines[line.index + offset]).strip() for line in lines]):
            if lines[pos].reason is None:
                lines[pos].reason = "duplicate"
        words = ArticleWords.of([title] + [line.text for line in lines if line.reason is None])
        # Only Indonesian and Malay text is judged against the Indonesian word list.
        judge = self.is_indonesian_word if language in (None, "id", "ms", "jv", "su") else _any_word
        body = [line for line in lines if line.reason is None]
        for pos, line in enumerate(body):
            # A heading's paragraph may come after a caption line: look two lines ahead.
            prose_after = any(_is_prose(after.text) for after in body[pos + 1 : pos + 3])
            line.reason = spam_reason(line.text, words, judge, followed_by_prose=prose_after)
        removed.extend(RemovedLine(line.text, line.reason, line.index) for line in lines if line.reason is not None)
        return lines

    @staticmethod
    def _note_dateline(dateline: Dateline, index: int, metadata: dict[str, Any], removed: list[RemovedLine]) -> None:
        metadata["dateline"] = dateline.text
        if dateline.place:
            metadata["dateline_place"] = dateline.place
        if dateline.outlet:
            metadata["dateline_outlet"] = dateline.outlet
        removed.append(RemovedLine(dateline.text, "dateline", index))


def _link_titles(lines: list[_Line], most: int = 3) -> None:
    """The headlines under a bare "Baca juga" / "Berita terkait" label are part of the link box."""
    for pos, line in enumerate(lines):
        if line.reason != "related-link" or not BARE_LINK_LABEL.match(line.text):
            continue
        for after in lines[pos + 1 : pos + 1 + most]:
            text = after.text
            if after.reason is not None or len(text.split()) > 20 or text[0].islower():
                break
            if PROSE_END.search(text) and not text.rstrip().endswith(("?", "!")):
                break  # the article goes on
            after.reason = "related-link"


def _any_word(_word: str) -> bool:
    return True


def _repeats(line: str, title_key: str) -> bool:
    """The headline repeated in the body (maybe with an outlet name after it)."""
    key = normalize_line(line)
    if key == title_key:
        return True
    if SENTENCE_END.search(line) and not line.rstrip().endswith(("?", "!")):
        return False
    if len(title_key.split()) < 4 or not key.startswith(title_key + " "):
        return False
    return len(key[len(title_key) :].split()) <= 4


def is_subheading(line: str, previous: str | None, next_line: str | None) -> bool:
    """A short title-like line between paragraphs: no final punctuation, more prose after it."""
    stripped = line.strip()
    words = stripped.split()
    if next_line is None or not 3 <= len(words) <= 12 or SENTENCE_END.search(stripped):
        return False
    if "," in stripped and len(words) > 8:  # a sentence that lost its full stop
        return False
    if stripped[0].islower() or stripped.endswith((",", ":", ";", "-")) or _BULLET.match(stripped):
        return False
    # Inside a list of short lines (names, items) nothing is a subheading.
    return _is_prose(next_line) and (previous is None or _is_prose(previous))


def _is_prose(line: str) -> bool:
    return bool(SENTENCE_END.search(line.strip())) or len(line.split()) > 14


def _repair_opening(text: str, repair: GlueRepair) -> str:
    """``text`` with its first word's glue repaired, once a glued dateline is cut off it."""
    first, _, rest = text.partition(" ")
    fixed, count = repair(first)
    return f"{fixed} {rest}".rstrip() if count else text


def repair_glued(text: str, is_word: Callable[[str], bool] | None = None) -> tuple[str, int]:
    """``text`` with glued words split (the text itself is the context), and the number of splits;
    words are judged by ``is_word``, else by a ``Cleaner``'s Indonesian vocabulary."""
    if is_word is None:
        return Cleaner(identify_language=False).glue_repair(text).repair(text)
    return GlueRepair(is_word, function_words(), context=text).repair(text)


def clean_article(article: Article, cleaner: Cleaner | None = None) -> Article:
    """Clean one article (with a throwaway ``Cleaner`` that skips language identification)."""
    return (cleaner or Cleaner(identify_language=False)).clean(article)
