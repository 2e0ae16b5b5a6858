"""The regular expressions that find Indonesian date and time expressions, one per kind, each
with a check that needs no calendar ("minggu lalu" is a week, not a Sunday; a bare "2015" must
not be a count). Which match wins and what it means is decided in ``finder`` and ``resolving``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..lexicon import word_set
from .pieces import DAY, FULL_MONTH, MODIFIER, MONTH, NUMBER, PART, UNIT, WEEKDAY, YEAR

_B = r"(?<![\w/.,:$-])"  # not glued to a word, a number or a currency sign
_E = r"(?![\w])"
_RANGE = r"\s*(?:-|–|—|/|hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|dan)\s*"
_PART_REL = (
    rf"(?:\s+(?P<part>{PART}))?"
    r"(?:\s+(?P<rel>yang\s+lalu|lalu|silam|kemarin|tadi|ini|nanti|mendatang|depan|itu|hari))?"
)
_WEEKDAY_PREFIX = rf"(?:(?:hari\s+)?(?P<wd>{WEEKDAY})\s*,?\s*)?"


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    accept: Callable[[re.Match[str], str], bool]


# "2000-an" is a decade, not the year 2000.
_NOT_DECADE = r"(?!\s*-\s*an\b)"


def _always(match: re.Match[str], text: str) -> bool:
    return True


def _has_cue(match: re.Match[str], text: str) -> bool:
    """A month or year name alone is a date after a preposition ("pada Juni", "sejak 2015") or
    with "awal", "akhir", "bulan" before it."""
    groups = match.groupdict()
    return bool(groups.get("cue") or groups.get("mod") or groups.get("bulan"))


def _numeric_date(match: re.Match[str], text: str) -> bool:
    # "27/3" alone is a ratio or a score; a weekday, brackets or a year make it a date.
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    return bool(match["wd"] or match["open"] or (match["y"] and len(match["y"]) == 4))


def _day_month(match: re.Match[str], text: str) -> bool:
    return 1 <= int(match["d"]) <= 31 and (match["d2"] is None or 1 <= int(match["d2"]) <= 31)


def _weekday(match: re.Match[str], text: str) -> bool:
    word = match["wd"]
    if word.lower() != "minggu" or match["hari"]:
        return True
    # "minggu" is also "week": "minggu lalu", "dua minggu", lower-case "minggu".
    if not word[0].isupper() or (match["rel"] or "").split()[:1] in (["lalu"], ["ini"], ["depan"], ["mendatang"]):
        return False
    before = text[max(0, match.start() - 20) : match.start()].split()
    return not (before and (before[-1].lower() in _COUNT_WORDS or before[-1].isdigit()))


def _not_counted(match: re.Match[str], text: str) -> bool:
    """ "tahun itu" is "that year", but "27 tahun itu" is an age."""
    before = text[max(0, match.start() - 20) : match.start()].split()
    return not (before and (before[-1].lower() in _COUNT_WORDS or before[-1].isdigit()))


_COUNT_WORDS = word_set(
    "se satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh beberapa "
    "berminggu-minggu selama dalam tiap setiap per"
)

# A bare year is a count when a lower-case noun follows ("2015 orang") unless the word is
# one that follows years in prose.
_AFTER_YEAR = word_set(
    "lalu silam ini itu mendatang nanti hingga sampai dan atau yang ke ketika saat saja pun menjadi "
    "lalu, sebelumnya kemudian mereka ia dia kami"
)
_BEFORE_NOT_YEAR = word_set("rp rp. us$ $ no no. nomor pasal km kode tipe seri nomer nopol jalan jl jl. ruang")


def _bare_year(match: re.Match[str], text: str) -> bool:
    before = text[max(0, match.start() - 12) : match.start()].split()
    if before and before[-1].lower() in _BEFORE_NOT_YEAR:
        return False
    after = text[match.end() : match.end() + 20].split()
    if not after:
        return True
    word = after[0]
    return not word[0].islower() or word.rstrip(".,;:") in _AFTER_YEAR


_PRONOUN_OR_CUE = word_set(
    "saya kami kita aku ia dia mereka beliau yang sejak dari zaman jaman masa seperti waktu kala sebelumnya"
)


def _dulu(match: re.Match[str], text: str) -> bool:
    """'dulu' is 'in the past' after a subject or cue ("saya dulu", "sejak dulu"), but 'first'
    after a verb ("makan dulu", "tunggu dulu")."""
    if match["ref"].lower() not in ("dulu", "dahulu"):
        return True
    before = text[max(0, match.start() - 15) : match.start()]
    stripped = before.rstrip()
    if not stripped or stripped[-1] in '.,;:!?"“(\n':
        return True
    return stripped.split()[-1].lower() in _PRONOUN_OR_CUE


def _clock(match: re.Match[str], text: str) -> bool:
    hour = int(match["h"])
    if hour > 24 or (match["h2"] and int(match["h2"]) > 24):
        return False
    # "jam" is also "hour(s)": "24 jam", "jam 10" needs minutes, a zone or a part of the day.
    return not (match["clock"].lower() == "jam" and not (match["mi"] or match["tz"] or match["part"]))


def _compile(name: str, pattern: str, accept: Callable[[re.Match[str], str], bool] = _always) -> Pattern:
    return Pattern(name, re.compile(pattern, re.IGNORECASE), accept)


PATTERNS: tuple[Pattern, ...] = (
    _compile(
        "numeric",
        _B + _WEEKDAY_PREFIX + r"(?P<open>\()?\s*(?P<d>[0-3]?\d)\s*/\s*(?P<m>[01]?\d)"
        r"(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*(?(open)\))" + _PART_REL + _E,
        _numeric_date,
    ),
    _compile("iso", _B + rf"(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)" + _E),
    _compile("dashed", _B + rf"(?P<d>[0-3]?\d)[-.](?P<m>[01]?\d)[-.](?P<y>{YEAR})" + _E),
    _compile(
        "day_month",
        _B + _WEEKDAY_PREFIX + r"(?:(?:tanggal|tgl\.?)\s*)?"
        rf"(?P<d>{DAY})(?:{_RANGE}(?P<d2>{DAY}))?\s+(?P<mon>{MONTH})(?:\s*,?\s*(?:tahun\s+)?(?P<y>{YEAR}))?"
        rf"(?:\s*(?:-|–|—|hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?)\s*(?P<d3>{DAY})\s+(?P<mon3>{MONTH})"
        rf"(?:\s+(?P<y3>{YEAR}))?)?" + _PART_REL + _E,
        _day_month,
    ),
    _compile(
        "day_only",
        _B + rf"(?:tanggal|tgl\.?)\s+(?P<d>{DAY})(?!\s*(?:/|-\s*\d|\d|{MONTH}))"
        r"(?:\s+(?P<rel>yang\s+lalu|lalu|kemarin|ini|nanti|mendatang|depan))?" + _E,
    ),
    _compile(
        "month_year",
        _B + rf"(?:(?P<mod>{MODIFIER})\s+)?(?:bulan\s+)?(?P<mon>{MONTH})"
        rf"(?:\s*(?:-|–|hingga|sampai(?:\s+dengan)?)\s*(?P<mon2>{MONTH}))?\s*,?\s*(?:tahun\s+)?(?P<y>{YEAR})" + _E,
    ),
    _compile(
        "month_rel",
        _B + rf"(?:(?P<mod>{MODIFIER})\s+)?(?:bulan\s+)?(?P<mon>{FULL_MONTH})\s+"
        r"(?P<rel>yang\s+lalu|lalu|silam|kemarin|ini|depan|mendatang|nanti|tahun\s+lalu|tahun\s+depan)" + _E,
    ),
    _compile(
        "month_cue",
        _B + r"(?:(?P<cue>pada|sejak|hingga|sampai|selama|per|jelang|menjelang|mulai|sepanjang|antara)\s+)?"
        rf"(?P<body>(?:(?P<mod>{MODIFIER})\s+(?:bulan\s+)?|(?P<bulan>bulan)\s+)?(?P<mon>{FULL_MONTH}))" + _E,
        _has_cue,
    ),
    _compile(
        "year",
        _B + rf"(?:(?P<mod>{MODIFIER})\s+)?(?:tahun|thn\.?)\s+(?P<y>{YEAR})"
        rf"(?:\s*(?:-|–|—|/|hingga|sampai(?:\s+dengan)?|s\.?d\.?)\s*(?P<y2>{YEAR}|\d{{2}}))?"
        r"(?:\s+(?P<rel>lalu|silam))?" + _NOT_DECADE + _E,
    ),
    _compile(
        "year_cue",
        _B + r"(?:(?P<cue>pada|sejak|hingga|sampai|selama|periode|era|musim|edisi|jelang|menjelang"
        r"|antara|per|usai|setelah|sebelum|tahun)\s+)?"
        rf"(?P<body>(?:(?P<mod>{MODIFIER})\s+)?(?P<y>{YEAR})(?:\s*(?:-|–|—|/)\s*(?P<y2>{YEAR}|\d{{2}}))?"
        r"(?:\s+(?P<rel>lalu|silam))?)" + _NOT_DECADE + _E,
        _has_cue,
    ),
    _compile(
        "bare_year", r"(?<![\w.,/:$-])" + rf"(?P<y>{YEAR})(?:\s+(?P<rel>lalu|silam))?(?![\w]|[.,/-]\d)", _bare_year
    ),
    _compile(
        "decade",
        _B + rf"(?:(?P<mod>{MODIFIER})\s+)?(?:(?:tahun|era|dekade)\s+)(?P<dec>(?:1[89]|20)?\d0)\s*-?\s*an" + _E,
    ),
    _compile("decade4", _B + r"(?P<dec>(?:1[89]|20)\d0)\s*-\s*an" + _E),
    _compile(
        "season",
        _B + r"musim\s+(?P<season>penghujan|hujan|kemarau|dingin|panas|semi|gugur|salju)"
        rf"(?:\s+(?:tahun\s+)?(?P<y>{YEAR}))?" + _E,
    ),
    _compile(
        "relative_day",
        _B + r"(?P<word>hari\s+ini|kemarin\s+lusa|kemarin|besok|esok\s+hari|esok|lusa|tadi|nanti)"
        rf"(?:\s+(?P<part>{PART}))?" + _E,
    ),
    _compile("part_rel", _B + rf"(?P<part>{PART})\s+(?P<rel>ini|tadi|nanti|itu|kemarin)" + _E),
    _compile("that_time", _B + r"(?P<unit>hari|tahun|bulan|pekan)\s+itu" + _E, _not_counted),
    _compile(
        "reference",
        _B + r"(?P<ref>saat\s+ini|kini|sekarang|dewasa\s+ini|masa\s+kini|saat\s+itu|waktu\s+itu|ketika\s+itu"
        r"|kala\s+itu|masa\s+itu|saat\s+yang\s+sama|waktu\s+yang\s+sama|baru-baru\s+ini|belum\s+lama\s+ini"
        r"|beberapa\s+(?:waktu|hari|pekan|minggu|bulan|tahun)\s+(?:yang\s+lalu|lalu|silam|terakhir|belakangan)"
        r"|dulu|dahulu|kelak)" + _E,
        _dulu,
    ),
    _compile(
        "relative_unit",
        _B + r"(?:(?P<approx>hampir|sekitar|kurang\s+lebih|lebih\s+dari|sekira|tepat)\s+)?"
        rf"(?:se(?P<seu>hari|pekan|minggu|bulan|tahun|windu|dekade)|(?P<n>{NUMBER})\s+(?P<u>{UNIT}))\s+"
        r"(?P<dir>yang\s+lalu|lalu|silam|sebelumnya|sebelum\s+itu|kemudian|setelahnya|setelah\s+itu|sesudahnya"
        r"|sesudah\s+itu|berikutnya|lagi|mendatang|yang\s+akan\s+datang)" + _E,
    ),
    _compile(
        "relative_named",
        _B + rf"(?:(?P<mod>{MODIFIER})\s+)?(?P<unit>akhir\s+pekan|pekan|minggu|bulan|tahun)\s+"
        r"(?P<dir>yang\s+lalu|lalu|ini|depan|mendatang|kemarin|berikutnya|sebelumnya|silam|yang\s+akan\s+datang)" + _E,
    ),
    _compile("period_edge", _B + rf"(?P<mod>{MODIFIER})\s+(?P<unit>pekan|bulan|tahun)" + _E),
    _compile(
        "weekday",
        _B + rf"(?:(?P<hari>hari)\s+)?(?P<wd>{WEEKDAY})"
        r"(?:\s+(?P<rel>pekan\s+lalu|minggu\s+lalu|pekan\s+depan|minggu\s+depan|lalu|kemarin|depan|mendatang"
        r"|ini|nanti|besok))?"
        rf"(?:\s+(?P<part>{PART})(?:\s+(?:ini|tadi|nanti|itu|hari))?)?" + _E,
        _weekday,
    ),
    _compile(
        "clock",
        _B + r"(?:(?:sekitar|sekira|kurang\s+lebih|tepat)\s+)?(?P<clock>pukul|pkl\.?|jam)\s+"
        r"(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?"
        r"(?:\s*(?:-|–|hingga|sampai|s\.?d\.?)\s*(?:pukul\s+)?(?P<h2>[0-2]?\d)(?:[.:](?P<mi2>[0-5]\d))?)?"
        r"(?:\s*(?P<tz>WIB|WITA|WIT|GMT|UTC|waktu\s+setempat))?"
        rf"(?:\s+(?P<part>{PART}))?" + _E,
        _clock,
    ),
    _compile(
        "zoned_clock",
        _B + r"(?P<clock>)(?P<h>[0-2]?\d)[.:](?P<mi>[0-5]\d)\s*(?P<tz>WIB|WITA|WIT)(?P<h2>)(?P<mi2>)(?P<part>)" + _E,
        _clock,
    ),
)

# When two matches overlap, the longer wins; on a tie, the earlier pattern in this order.
PRIORITY = {pattern.name: n for n, pattern in enumerate(PATTERNS)}
