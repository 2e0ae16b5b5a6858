"""The regex pieces the date patterns are built from (month, weekday, number, unit, part of the
day), made from the calendar words of ``ringkas.lexicon.calendar``, and number words read as
numbers."""

from __future__ import annotations

from collections.abc import Iterable

from ..lexicon.calendar import MONTHS, NUMBERS, PARTS_OF_DAY, WEEKDAYS

# Full names only: "Mei" or "Mar" alone after "pada" is a month, "Mar" alone is not.
FULL_MONTHS = tuple(name for name in MONTHS if len(name) > 4 or name in ("juni", "juli", "mei", "may"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any run of spaces."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items) + ")"


WEEKDAY = alternation(WEEKDAYS)
MONTH = (
    "(?:" + alternation(FULL_MONTHS) + "|" + alternation(m for m in MONTHS if m not in FULL_MONTHS) + r"\.?)(?![\w])"
)
FULL_MONTH = alternation(FULL_MONTHS) + r"(?![\w])"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[0-3]?\d)"
NUMBER = (
    r"(?:\d{1,3}|"
    r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?:\s+(?:belas|puluh)"
    r"(?:\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?)?|sepuluh|sebelas)"
)
UNIT = r"(?:hari|pekan|minggu|bulan|tahun|dekade|windu)"
PART = alternation(PARTS_OF_DAY)
MODIFIER = r"(?:awal|akhir|pertengahan|medio|penghujung|permulaan)"


def parse_number(text: str) -> int | None:
    """'3' -> 3, 'tiga' -> 3, 'dua belas' -> 12, 'dua puluh lima' -> 25."""
    words = text.lower().split()
    if not words:
        return None
    if words[0].isdigit():
        return int(words[0])
    total = NUMBERS.get(words[0])
    if total is None:
        return None
    if len(words) >= 2:
        total = total + 10 if words[1] == "belas" else total * 10
        if len(words) == 3:
            total += NUMBERS.get(words[2], 0)
    return total
