"""Resolving: turn one pattern match into a TIMEX3 value, relative to the publication date
(``kemarin``, ``Februari lalu``, ``Kamis``) or to the narrative's last date (``sehari
sebelumnya``, ``hari itu``, ``pukul 06.12``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..lexicon.calendar import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from . import calendar as cal
from .pieces import parse_number

_FUTURE = re.compile(r"\b(?:akan|bakal|dijadwalkan|rencananya|direncanakan|berencana|hendak|mendatang|nanti)\b", re.I)
_PAST = re.compile(r"\b(?:telah|sudah|pernah|tadi|lalu|kemarin|sempat|silam)\b", re.I)


@dataclass
class Context:
    """What resolving needs besides the match: the text, its publication date, and the narrative
    anchor (the last day the text named; it starts at the publication date)."""

    text: str
    published: date | None
    anchor: date | None

    @property
    def reference(self) -> date | None:
        return self.anchor or self.published

    def sentence_around(self, start: int, end: int) -> str:
        left = max(self.text.rfind(ch, 0, start) for ch in ".!?\n")
        rights = [i for i in (self.text.find(ch, end) for ch in ".!?\n") if i >= 0]
        return self.text[left + 1 : min(rights) if rights else len(self.text)]


Resolved = tuple[str, str]  # (TIMEX3 value, DATE | TIME)


def _day_value(day: date | None, part: str | None = None) -> Resolved:
    value = day.isoformat() if day else "XXXX-XX-XX"
    if part:
        return f"{value}T{PARTS_OF_DAY[_norm(part)]}", "TIME"
    return value, "DATE"


def _norm(words: str | None) -> str:
    return " ".join((words or "").lower().split())


def _month(name: str) -> int:
    return MONTHS[_norm(name).rstrip(".")]


def _year(text: str, near: int | None = None) -> int:
    if len(text) == 2 and near is not None:
        return near // 100 * 100 + int(text)
    return int(text) if len(text) == 4 else 2000 + int(text)


def _infer_year(m: re.Match[str], month: int, day: int, reference: date) -> int:
    weekday = m.groupdict().get("wd")
    if weekday:
        return cal.year_for_weekday(month, day, WEEKDAYS[_norm(weekday).replace("’", "'")], reference)
    return cal.closest_year(month, day, reference)


def _set_anchor(ctx: Context, day: date | None) -> None:
    if day is not None:
        ctx.anchor = day


def resolve_calendar_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'Rabu (30/5/2018)', '30/5/2018', '2018-05-30', 'Senin (27/3) sore'."""
    day_n, month_n = int(m["d"]), int(m["m"])
    if m["y"]:
        day = cal.safe_date(_year(m["y"]), month_n, day_n)
    elif ctx.reference:
        day = cal.safe_date(_infer_year(m, month_n, day_n, ctx.reference), month_n, day_n)
    else:
        return f"XXXX-{month_n:02d}-{day_n:02d}", "DATE"
    if day is None:
        return None
    _set_anchor(ctx, day)
    return _day_value(day, m.groupdict().get("part"))


def resolve_day_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'31 Mei 2018', '12 Juni', 'Sabtu 20 April 1997', '24-25 April', '30 April - 2 Mei 2019'."""
    month_n = _month(m["mon"])
    day_n = int(m["d"])
    year_text = m["y"] or m["y3"]
    if year_text:
        year = int(year_text)
    elif ctx.reference:
        year = _infer_year(m, month_n, day_n, ctx.reference)
        looks_back = _norm(m["rel"]) in ("lalu", "yang lalu", "silam", "kemarin")
        named = cal.safe_date(year, month_n, day_n)
        if not m["wd"] and looks_back and ctx.published and named and named > ctx.published:
            year -= 1  # "7 November silam" read in early November is last year's
    else:
        return f"XXXX-{month_n:02d}-{day_n:02d}", "DATE"
    start = cal.safe_date(year, month_n, day_n)
    if start is None:
        return None
    _set_anchor(ctx, start)
    end: date | None = None
    if m["d2"]:
        end = cal.safe_date(year, month_n, int(m["d2"]))
    elif m["d3"]:
        end = cal.safe_date(int(m["y3"] or year), _month(m["mon3"]), int(m["d3"]))
    if end is not None and end > start:
        return f"{start.isoformat()}/{end.isoformat()}", "DATE"
    return _day_value(start, m["part"])


def resolve_day_only(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'tanggal 24 kemarin', 'tanggal 10': a day of the reference's month or a nearby one."""
    day_n = int(m["d"])
    if not 1 <= day_n <= 31:
        return None
    reference = ctx.reference
    if reference is None:
        return f"XXXX-XX-{day_n:02d}", "DATE"
    if _norm(m["rel"]) in ("lalu", "yang lalu", "kemarin"):
        day = cal.day_of_month_before(day_n, ctx.published or reference)
    else:
        options = []
        for shift in (-1, 0, 1):
            year, month = cal.shift_months(reference.year, reference.month, shift)
            candidate = cal.safe_date(year, month, day_n)
            if candidate is not None:
                options.append(candidate)
        day = min(options, key=lambda d: abs((d - reference).days)) if options else None
    if day is None:
        return None
    _set_anchor(ctx, day)
    return _day_value(day)


def resolve_month(m: re.Match[str], ctx: Context, name: str) -> Resolved | None:
    """'Mei 2018', 'Januari-Maret 2019', 'Februari lalu', 'akhir April', 'pada Juni'."""
    month_n = _month(m["mon"])
    if name == "month_year":
        year = int(m["y"])
        value = f"{year}-{month_n:02d}"
        if m["mon2"]:
            value += f"/{year}-{_month(m['mon2']):02d}"
        return value, "DATE"
    published = ctx.published
    rel = _norm(m.groupdict().get("rel"))
    if published is None and ctx.reference is None:
        return f"XXXX-{month_n:02d}", "DATE"
    if name == "month_rel" and published is not None:
        if rel in ("lalu", "yang lalu", "silam", "kemarin"):
            year, _ = cal.month_before(month_n, published)
        elif rel in ("depan", "mendatang", "nanti"):
            year, _ = cal.month_after(month_n, published)
        elif rel == "tahun lalu":
            year = published.year - 1
        elif rel == "tahun depan":
            year = published.year + 1
        else:
            year = published.year
    else:
        reference = ctx.reference or published
        assert reference is not None
        year = cal.closest_year(month_n, None, reference)
    return f"{year}-{month_n:02d}", "DATE"


def resolve_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'tahun 2007', 'pada 2015', '2014', 'tahun 2017-2018'."""
    year = int(m["y"])
    second = m.groupdict().get("y2")
    if second:
        end = _year(second, near=year)
        if end > year:
            return f"{year}/{end}", "DATE"
    return str(year), "DATE"


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'tahun 40-an' -> '194', '1990-an' -> '199' (TimeML decades)."""
    text = m["dec"]
    if len(text) == 2:
        return "19" + text[0], "DATE"
    return text[:3], "DATE"


def resolve_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = m["y"] or (str(ctx.reference.year) if ctx.reference else "XXXX")
    return f"{year}-{SEASONS[m['season'].lower()]}", "DATE"


_DAY_OFFSETS = {"hari ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1, "esok": 1, "esok hari": 1, "lusa": 2}


def resolve_relative_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'kemarin', 'hari ini', 'besok pagi', 'tadi malam', 'nanti sore' (from the publication date)."""
    word = _norm(m["word"])
    part = m["part"]
    if word in ("tadi", "nanti"):
        if not part:
            return None  # "tadi" alone is "just now", "nanti" alone is "later"
        offset = -1 if word == "tadi" and _norm(part) == "malam" else 0
    else:
        offset = _DAY_OFFSETS[word]
    if ctx.published is None:
        return ("XXXX-XX-XX", "TIME" if part else "DATE")
    day = cal.shift_days(ctx.published, offset)
    _set_anchor(ctx, day)
    return _day_value(day, part)


def resolve_part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'siang ini', 'malam itu', 'pagi tadi'."""
    rel = _norm(m["rel"])
    if rel == "itu":
        return _day_value(ctx.reference, m["part"])
    if ctx.published is None:
        return "XXXX-XX-XX", "TIME"
    day = cal.shift_days(ctx.published, -1 if rel == "kemarin" else 0)
    return _day_value(day, m["part"])


def resolve_that_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'hari itu', 'tahun itu': the narrative's current day, month or year."""
    reference = ctx.reference
    if reference is None:
        return None
    unit = _norm(m["unit"])
    if unit == "hari":
        return reference.isoformat(), "DATE"
    if unit == "bulan":
        return reference.isoformat()[:7], "DATE"
    if unit == "pekan":
        return cal.iso_week(reference), "DATE"
    return str(reference.year), "DATE"


_PRESENT = ("saat ini", "kini", "sekarang", "dewasa ini", "masa kini")


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    ref = _norm(m["ref"])
    if ref in _PRESENT:
        return "PRESENT_REF", "DATE"
    if ref == "kelak":
        return "FUTURE_REF", "DATE"
    return "PAST_REF", "DATE"


_BACK = ("sebelumnya", "sebelum itu")
_FORWARD = ("kemudian", "setelahnya", "setelah itu", "sesudahnya", "sesudah itu", "berikutnya")
_AGO = ("lalu", "yang lalu", "silam")
_UNIT_DAYS = {"hari": 1, "pekan": 7, "minggu": 7}
_UNIT_YEARS = {"tahun": 1, "windu": 8, "dekade": 10}


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'tiga hari lalu', 'sehari sebelumnya', 'sebulan kemudian', 'dua pekan lagi'."""
    unit = _norm(m["seu"] or m["u"])
    count = 1 if m["seu"] else parse_number(m["n"])
    if count is None:
        return None
    direction = _norm(m["dir"])
    sign = -1 if direction in _BACK or direction in _AGO else 1
    from_anchor = direction in _BACK or direction in _FORWARD
    base = ctx.reference if from_anchor else ctx.published
    if base is None:
        return None
    if unit in _UNIT_DAYS:
        day = cal.shift_days(base, sign * count * _UNIT_DAYS[unit])
        _set_anchor(ctx, day)
        return day.isoformat(), "DATE"
    if unit == "bulan":
        year, month = cal.shift_months(base.year, base.month, sign * count)
        if from_anchor:
            day_or_none = cal.safe_date(year, month, min(base.day, 28 if month == 2 else 30))
            _set_anchor(ctx, day_or_none)
            return (day_or_none.isoformat() if day_or_none else f"{year}-{month:02d}"), "DATE"
        return f"{year}-{month:02d}", "DATE"
    return str(base.year + sign * count * _UNIT_YEARS[unit]), "DATE"


def resolve_named_period(m: re.Match[str], ctx: Context, name: str) -> Resolved | None:
    """'pekan lalu', 'bulan depan', 'tahun ini', 'akhir pekan ini', 'awal tahun'."""
    unit = _norm(m["unit"])
    direction = _norm(m.groupdict().get("dir")) if name == "relative_named" else "ini"
    from_anchor = direction in ("berikutnya", "sebelumnya")
    base = ctx.reference if from_anchor else ctx.published
    if base is None:
        return None
    if direction in ("lalu", "yang lalu", "kemarin", "silam", "sebelumnya"):
        step = -1
    elif direction in ("depan", "mendatang", "berikutnya", "yang akan datang"):
        step = 1
    else:
        step = 0
    if unit in ("pekan", "minggu", "akhir pekan"):
        week = cal.iso_week(cal.shift_days(base, 7 * step))
        return (week + "-WE" if unit == "akhir pekan" else week), "DATE"
    if unit == "bulan":
        year, month = cal.shift_months(base.year, base.month, step)
        return f"{year}-{month:02d}", "DATE"
    return str(base.year + step), "DATE"


def resolve_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'pada hari Kamis', 'Senin lalu', 'Kamis ini', 'Selasa malam': the nearest such day,
    looking back unless the sentence speaks of the future ("akan", "dijadwalkan")."""
    weekday = WEEKDAYS[_norm(m["wd"]).replace("’", "'")]
    published = ctx.published
    if published is None:
        return ("XXXX-XX-XX", "TIME" if m["part"] else "DATE")
    rel = _norm(m["rel"])
    if rel in ("pekan lalu", "minggu lalu"):
        day = cal.weekday_in_week(weekday, cal.shift_days(published, -7))
    elif rel in ("pekan depan", "minggu depan"):
        day = cal.weekday_in_week(weekday, cal.shift_days(published, 7))
    elif rel in ("lalu", "kemarin"):
        day = cal.weekday_on_or_before(weekday, cal.shift_days(published, -1))
    elif rel in ("depan", "mendatang", "nanti", "besok"):
        day = cal.weekday_on_or_after(weekday, cal.shift_days(published, 1))
    elif rel == "ini" or weekday == published.weekday():
        day = cal.weekday_in_week(weekday, published)
    else:
        sentence = ctx.sentence_around(m.start(), m.end())
        if _FUTURE.search(sentence) and not _PAST.search(sentence):
            day = cal.weekday_on_or_after(weekday, published)
        else:
            day = cal.weekday_on_or_before(weekday, published)
    _set_anchor(ctx, day)
    return _day_value(day, m["part"])


def resolve_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'pukul 10.30 WIB', 'pukul 8 malam', '06.14 WIB' on the narrative's current day."""
    hour = int(m["h"])
    minute = int(m["mi"] or 0)
    part = _norm(m["part"])
    afternoon = (part in ("sore", "petang") and hour < 12) or (part == "siang" and hour <= 5)
    if afternoon or (part == "malam" and 6 <= hour < 12):
        hour += 12
    reference = ctx.reference
    day = reference.isoformat() if reference else "XXXX-XX-XX"
    return f"{day}T{hour:02d}:{minute:02d}", "TIME"
