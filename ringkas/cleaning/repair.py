"""Text repair: split words that a scraper glued together where a link or tag was taken out.

"(Pemprov)Jawa Baratsegera", "pengguna diSuriahuntuk", "tersebut,harga", "ujarnya.Dia": the
scraper dropped the space around a link. A split needs evidence: a bracket or punctuation glued
to a word, or a lower->upper case change with a dictionary word on the left (not brand shapes
such as iPhone, YouTube, detikNews, McDonald or KemenPU), or a name glued to a lower-case
dictionary word when the article also writes that name on its own. The cleaner repairs each body
line and the headline; ``benchmarks/realworld_glued.py`` measures what is split and what is left.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

# Tokens that are addresses, handles or markup keep their glue: "https://x.co/?a=B", "@dr.erta",
# "detik.com", "[Gambas:Video".
_UNTOUCHABLE = re.compile(
    r"://|www\.|@|#|^\[|\.(?:com|co|id|net|org|go|ac|tv|io|info|me|ly|html?|php)\b|\.[a-z]{2,4}/", re.IGNORECASE
)
_CLOSE_BRACKET = re.compile(r"(?<=\))(?=[A-Za-z]{2})")
# "Agung(Kejagung)", "Indonesia(Persero)"; not a plural mark ("article(s)") or "f(x)".
_OPEN_BRACKET = re.compile(r"(?<=[A-Za-z]{2})(?=\((?!e?s\))[A-Za-z0-9@\"'][^()\s]*\))")
# ",kata" / ";lalu" / "?Dia"; "1,5" and "Rp1,5juta" have a digit after the comma.
_COMMA = re.compile(r"(?<=[A-Za-z0-9]{2})([,;!?])(?=[A-Za-z]{2})")
# ".Dia" after a word of three letters or more: "Sp.N", "dr.Tirta", "S.H." and "a.n." stay.
_STOP = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z])")
# "juga:Harga"; "Gambas:Video" starts upper case and stays.
_COLON = re.compile(r"(?<=\b[a-z]{3})([a-z]*):(?=[A-Za-z]{2})")
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LETTERS = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
# A dictionary word on the left of a case change is glue evidence only if it is a function word
# ("di", "dari", "kepada") or at least this long: "detik" (detikNews, detikOto) and "mega"
# (MegaWatt) are brand prefixes. Tuned on the realworld stream (benchmarks/realworld_glued.py).
_MIN_CONTENT_WORD = 6
# Endings written onto a word ("Hasilnya", "Umumkan"), never words of their own.
_CLITICS = frozenset({"nya", "kan", "lah", "kah", "pun", "tah", "mu", "ku", "an", "i"})


class GlueRepair:
    """Repairs the lines of one article; the names it writes on their own are evidence."""

    def __init__(
        self,
        is_word: Callable[[str], bool],
        function_words: Iterable[str] = (),
        context: str = "",
    ) -> None:
        self.is_word = is_word
        self.function_words = frozenset(function_words)
        # Capitalised words the article writes on their own ("Ronaldo"): a name glued to the next
        # lower-case word ("Ronaldomengirimkan") is split only when the name is one of these.
        self.names = Counter(m.group(0) for m in _WORD.finditer(context))

    def __call__(self, text: str) -> tuple[str, int]:
        return self.repair(text)

    def repair(self, text: str) -> tuple[str, int]:
        """The line with glued words split, and how many splits were made."""
        total = 0
        tokens = text.split(" ")
        for n, token in enumerate(tokens):
            if len(token) < 4 or is_untouchable(token):
                continue
            fixed, count = self.repair_token(token)
            if count:
                tokens[n], total = fixed, total + count
        return (" ".join(tokens), total) if total else (text, 0)

    def repair_token(self, token: str) -> tuple[str, int]:
        count = 0
        for pattern, replacement in (
            (_CLOSE_BRACKET, " "),
            (_OPEN_BRACKET, " "),
            (_COMMA, r"\1 "),
            (_STOP, ". "),
            (_COLON, r"\1: "),
        ):
            token, n = pattern.subn(replacement, token)
            count += n
        pieces = token.split(" ")
        for i, piece in enumerate(pieces):
            split, n = self._split_letters(piece)
            if n:
                pieces[i], count = split, count + n
        return " ".join(pieces), count

    def _split_letters(self, piece: str) -> tuple[str, int]:
        out: list[str] = []
        last = 0
        count = 0
        for run in _LETTERS.finditer(piece):
            cuts = self.cuts(run.group(0))
            for cut in cuts:
                out.append(piece[last : run.start() + cut])
                last = run.start() + cut
            count += len(cuts)
        if not count:
            return piece, 0
        out.append(piece[last:])
        return " ".join(out), count

    def cuts(self, letters: str) -> list[int]:
        """Where a run of letters is two or more glued words."""
        cuts: list[int] = []
        start = 0
        for change in _CASE_CHANGE.finditer(letters):
            at = change.start()
            if self._case_glue(letters[start:at], letters[at:]):
                cuts.append(at)
                start = at
        # A name glued to the next lower-case word: "Ronaldomengirimkan", "Iranmenyusul".
        tail = letters[start:]
        cut = self._name_glue(tail)
        if cut:
            cuts.append(start + cut)
        return cuts

    def _case_glue(self, left: str, right: str) -> bool:
        """``left`` + ``right`` split at a lower->upper change: "di|Iran", "Kabupaten|Tulungagung"."""
        head = left.lower()
        if len(left) < 2 or not (left.islower() or left[1:].islower()):
            return False  # "i|Phone", "Mc|Donald", "Kemen|PU" (an upper-case run before it)
        if len(right) < (2 if right.isupper() else 3) or right.lower() in _CLITICS:
            return False  # "kepadaNya": the capital is reverence, not a new word
        if left.islower() and head in self.function_words:
            return True  # "diIran", "dariWebMD" (not "YouTube": the word must be lower case)
        return len(head) >= _MIN_CONTENT_WORD and self.is_word(head)

    def _name_glue(self, run: str) -> int:
        """Where a capitalised name ends and a lower-case dictionary word starts, or 0."""
        if len(run) < 8 or not run[0].isupper() or not run[1:].islower() or self.names[run] > 1:
            return 0  # a word the article writes more than once ("Kalimantan") is one word
        if self.is_word(run.lower()):
            return 0  # "Menurut", "Keputusan": a word, whatever "Men" or "Kep." the article also has
        for at in range(4, len(run) - 2):
            name, word = run[:at], run[at:]
            if not self.names[name] or word in _CLITICS or name.lower() in self.function_words:
                continue  # "Kali" opens sentences ("Kali ini"): a function word is no evidence of a name
            # A name that is also a word ("Banjar", "Beli") has an ordinary word after it only when
            # that word is long ("Baratsegera"), not "Banjarmasin" or "Belitung".
            if self.is_word(name.lower()):
                if len(word) >= 6 and self.is_word(word):
                    return at
            elif (len(word) >= 4 and self.is_word(word)) or word in self.function_words:
                return at
        return 0


def is_untouchable(token: str) -> bool:
    """An address, handle or markup token, whose glue is its own."""
    return bool(_UNTOUCHABLE.search(token))


def function_words() -> frozenset[str]:
    """Indonesian function words (Sastrawi's stopword list): "di", "dari", "yang", "kepada"."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words())


def repair_glued(text: str, is_word: Callable[[str], bool] | None = None) -> tuple[str, int]:
    """``text`` with glued words split (the text itself is the context), and the number of splits."""
    if is_word is None:
        from . import Cleaner

        is_word = Cleaner(identify_language=False).is_indonesian_word
    return GlueRepair(is_word, function_words(), context=text).repair(text)
