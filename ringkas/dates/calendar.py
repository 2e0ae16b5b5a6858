"""Calendar arithmetic for resolving date expressions against a reference date, and the
conversion of TimeML (TIMEX3) values to the plain ISO forms the rest of ringkas uses."""

from __future__ import annotations

import re
from datetime import date, timedelta


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def closest_year(month: int, day: int | None, reference: date) -> int:
    """The year that puts (month, day) nearest the reference: "12 Juni" in a story of late May
    2018 is 2018-06-12, "Desember" in a story of January 2019 is 2018-12."""
    best_year, best_gap = reference.year, None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = safe_date(year, month, day or 15)
        if candidate is None:
            continue
        gap = abs((candidate - reference).days)
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


def year_for_weekday(month: int, day: int, weekday: int, reference: date) -> int:
    """The year near the reference in which (month, day) falls on the given weekday, so that
    "Minggu (20/1)" read in mid-2018 is 2019-01-20; the closest year when none does."""
    matching = [
        year
        for year in range(reference.year - 1, reference.year + 2)
        if (candidate := safe_date(year, month, day)) is not None and candidate.weekday() == weekday
    ]
    if not matching:
        return closest_year(month, day, reference)
    return min(matching, key=lambda y: abs((date(y, month, min(day, 28)) - reference).days))


def month_before(month: int, reference: date) -> tuple[int, int]:
    """The last such month strictly before the reference's month ("Februari lalu")."""
    year = reference.year if month < reference.month else reference.year - 1
    return year, month


def month_after(month: int, reference: date) -> tuple[int, int]:
    """The next such month strictly after the reference's month ("Maret mendatang")."""
    year = reference.year if month > reference.month else reference.year + 1
    return year, month


def day_of_month_before(day: int, reference: date) -> date | None:
    """ "Tanggal 24 kemarin": the latest 24th on or before the reference."""
    year, month = reference.year, reference.month
    for _ in range(3):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= reference:
            return candidate
        year, month = shift_months(year, month, -1)
    return None


def weekday_on_or_before(weekday: int, reference: date) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def weekday_on_or_after(weekday: int, reference: date) -> date:
    return reference + timedelta(days=(weekday - reference.weekday()) % 7)


def weekday_in_week(weekday: int, reference: date) -> date:
    """The given weekday in the reference's Monday-to-Sunday week ("Kamis ini")."""
    return reference + timedelta(days=weekday - reference.weekday())


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_DECADE = re.compile(r"^(\d{3})$")


def to_iso(value: str) -> str | None:
    """A TIMEX3 value as a plain ISO day, month, year or range; None when it names no calendar
    time (PRESENT_REF, a season, an unresolved XXXX value).

    Times keep only their day ("2014-12-28T06:12" -> "2014-12-28"); weeks, weekends and decades
    become ranges ("2019-W16" -> "2019-04-15/2019-04-21", "194" -> "1940/1949").
    """
    if "/" in value:
        parts = [to_iso(part) for part in value.split("/", 1)]
        return None if parts[0] is None or parts[1] is None else f"{parts[0]}/{parts[1]}"
    match = _DAY.match(value)
    if match:
        return match.group(1)
    if _MONTH.match(value) or _YEAR.match(value):
        return value
    match = _WEEK.match(value)
    if match:
        first = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 6 if match.group(3) else 1)
        last = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 7)
        return f"{first.isoformat()}/{last.isoformat()}"
    match = _DECADE.match(value)
    if match:
        return f"{match.group(1)}0/{match.group(1)}9"
    return None
