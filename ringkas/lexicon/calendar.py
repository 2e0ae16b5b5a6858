"""Calendar words: month and weekday names (Indonesian, English and their abbreviations),
number words, parts of the day and seasons. Read by date finding and by the name tagger."""

from __future__ import annotations

from . import word_set

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

# The seven weekday names as news prints them ("Selasa (3/12)"), no variant spellings.
WEEKDAY_NAMES = word_set("senin selasa rabu kamis jumat sabtu minggu")

# The twelve Indonesian month names, full.
MONTH_NAMES = word_set("januari februari maret april mei juni juli agustus september oktober november desember")

# Weekday and month names that a tagger may glue to a name ("Kremlin Selasa").
DATE_WORDS = WEEKDAY_NAMES | MONTH_NAMES
