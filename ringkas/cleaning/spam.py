"""Injected spam: gambling promotions and short lines that have nothing to do with the article.

Sites that are hacked or sell space get lines such as "Togel hk" or "slot gacor maxwin"
pasted into articles. A line is spam when it promotes gambling, or when it is a short label
(no sentence punctuation) whose words appear nowhere else in the article and include a word
that is not Indonesian. A body sentence is never spam: it ends like a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .noise import PROSE_END, words_of

# Gambling words that are never anything else in news.
_STRONG = re.compile(
    r"\b(?:gacor|maxwin|togel|judol|sbobet|slot\s*online|slot\s*gacor|situs\s+slot|judi\s+(?:online|daring|slot|bola)"
    r"|kasino\s+online|casino\s+online|bandar\s+(?:togel|bola|judi|slot)|agen\s+(?:judi|slot|togel|bola)"
    r"|link\s+alternatif|deposit\s+(?:pulsa|dana|via)|bonus\s+new\s+member|rtp\s+live|pragmatic\s+play"
    r"|mahjong\s+ways|scatter\s+hitam|slot\d+|\w+(?:slot|toto|bet|gacor)\d+|keluaran\s+(?:hk|sgp|sdy))\b",
    re.IGNORECASE,
)
# Words that are gambling only in company ("slot penerbangan" is not; "jackpot slot" is).
_WEAK = re.compile(
    r"\b(?:slot|toto|judi|bandar|jackpot|scatter|poker|casino|kasino|taruhan|betting|rtp|zeus|lotre|lotere"
    r"|sgp|sdy|hk|hongkong\s+pools|sydney\s+pools)\b",
    re.IGNORECASE,
)
_CALL = re.compile(r"\b(?:daftar|login|klik|kunjungi|gabung|akses|main|raih|dapatkan)\b", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|xyz|site|online|vip|io|me|id|co)\b", re.IGNORECASE)


# Cheap test first (word lookups and substring tests): the full patterns are slow on long lines.
_HINT_WORDS = frozenset(
    [
        "judi",
        "judol",
        "togel",
        "maxwin",
        "sbobet",
        "casino",
        "kasino",
        "bandar",
        "jackpot",
        "scatter",
        "poker",
        "rtp",
        "zeus",
        "lotre",
        "lotere",
        "sgp",
        "sdy",
        "hk",
        "hongkong",
        "sydney",
        "deposit",
        "bonus",
        "mahjong",
        "pragmatic",
        "keluaran",
        "agen",
    ]
)
_HINT_PARTS = ("slot", "toto", "gacor", "bet", "link alternatif")


def gambling_level(line: str) -> int:
    """0: no gambling words; 1: one ambiguous word; 2: unmistakable gambling promotion vocabulary."""
    lowered = line.lower()
    if not (any(part in lowered for part in _HINT_PARTS) or _HINT_WORDS.intersection(words_of(lowered))):
        return 0
    if _STRONG.search(line):
        return 2
    weak = {m.group(0).lower() for m in _WEAK.finditer(line)}
    return 2 if len(weak) >= 2 else len(weak)


@dataclass
class ArticleWords:
    """How many lines of one article each word (and word prefix) occurs in."""

    lines: Counter[str] = field(default_factory=Counter)
    gambling_lines: int = 0

    @classmethod
    def of(cls, lines: Iterable[str]) -> ArticleWords:
        counts: Counter[str] = Counter()
        gambling = 0
        for line in lines:
            counts.update(_keys(words_of(line)))
            gambling += gambling_level(line) > 0
        return cls(counts, gambling)

    def shared(self, line: str) -> bool:
        """Whether a content word of the line occurs in another line of the article."""
        own = Counter(_keys(words_of(line)))
        return any(self.lines[key] > own[key] for key in own)


def _keys(words: list[str]) -> set[str]:
    """Content words and their first five letters ("pengungsi", "pengu"), so light inflection still matches."""
    keys: set[str] = set()
    for word in words:
        if len(word) < 3 or word.isdigit():
            continue
        keys.add(word)
        if len(word) > 5:
            keys.add(word[:5] + "~")
    return keys


def spam_reason(
    line: str,
    article: ArticleWords,
    is_indonesian_word: Callable[[str], bool],
    *,
    followed_by_prose: bool,
    max_words: int = 6,
) -> str | None:
    """ "spam" when the line is injected promotion or unrelated debris, else None."""
    stripped = line.strip()
    words = stripped.split()
    # a sentence, or a dateline / label that introduces one
    punctuated = bool(PROSE_END.search(stripped)) or stripped.endswith(("-", "\u2013", "\u2014"))
    level = gambling_level(stripped)
    if level:
        others = article.gambling_lines - 1
        link = bool(_URL.search(stripped))
        # In an article that is not about gambling, a gambling label is pasted in; in one that is
        # (a police raid on a betting ring), only an outright promotion is: a link with a call to
        # sign up, or a label stacking promotion words.
        if link and _CALL.search(stripped) and len(words) <= 30:
            return "spam"
        if level == 2 and not punctuated and len(words) <= 25 and (link or len(_STRONG.findall(stripped)) >= 2):
            return "spam"
        if level == 2 and not punctuated and len(words) <= 10 and others <= 0:
            return "spam"
        if level == 1 and not punctuated and len(words) <= 4 and others <= 0 and not article.shared(stripped):
            return "spam"
    # A short label that shares no word with the article and introduces nothing (a heading is
    # followed by its paragraph) is spam if it holds a lower-case word that is not Indonesian
    # ("sdy") or a web address; "Kronologi Kejadian" or a listicle item never is.
    if punctuated or followed_by_prose or len(words) > max_words or article.shared(stripped):
        return None
    for token in words:
        word = token.strip("\"'()[],.:;!?")
        if len(word) >= 3 and word[0].islower() and word.isalpha() and not is_indonesian_word(word.lower()):
            return "spam"
    return "spam" if _URL.search(stripped) else None
