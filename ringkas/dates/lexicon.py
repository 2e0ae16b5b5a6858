"""Words of Indonesian date expressions: months, weekdays, number words, parts of the day,
and the regex pieces the patterns are built from."""

from __future__ import annotations

from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip

# Full names only: "Mei" or "Mar" alone after "pada" is a month, "Mar" alone is not.
FULL_MONTHS = tuple(name for name in MONTHS if len(name) > 4 or name in ("juni", "juli", "mei", "may"))

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
}  # fmt: skip

# TimeML parts of the day. Indonesian "siang" (midday to mid-afternoon) is annotated AF in
# IndoTimex, like "sore".
PARTS_OF_DAY: dict[str, str] = {
    "pagi": "MO", "subuh": "MO", "fajar": "MO", "siang": "AF", "sore": "AF", "petang": "EV",
    "malam": "NI", "dini hari": "NI", "dinihari": "NI",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "hujan": "WI", "penghujan": "WI", "dingin": "WI", "salju": "WI", "kemarau": "SU", "panas": "SU",
    "semi": "SP", "gugur": "FA",
}  # fmt: skip


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


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
