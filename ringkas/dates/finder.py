"""The date finder: run every pattern over a text, keep the longest of overlapping matches,
then resolve them in reading order so that each relative expression sees the dates named
before it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import resolving as r
from .patterns import PATTERNS, PRIORITY


@dataclass(frozen=True)
class Timex:
    """A date or time expression of a text with its TIMEX3 value (ISO day, month, year, week,
    range, ``2014-12-30TAF``, ``PRESENT_REF`` ...). ``calendar.to_iso`` makes it plain ISO."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME
    value: str


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    name: str
    match: re.Match[str]


_Resolver = Callable[[re.Match[str], r.Context], "r.Resolved | None"]

_RESOLVERS: dict[str, _Resolver] = {
    "numeric": r.resolve_calendar_day,
    "iso": r.resolve_calendar_day,
    "dashed": r.resolve_calendar_day,
    "day_month": r.resolve_day_month,
    "day_only": r.resolve_day_only,
    "month_year": lambda m, c: r.resolve_month(m, c, "month_year"),
    "month_rel": lambda m, c: r.resolve_month(m, c, "month_rel"),
    "month_cue": lambda m, c: r.resolve_month(m, c, "month_cue"),
    "year": r.resolve_year,
    "year_cue": r.resolve_year,
    "bare_year": r.resolve_year,
    "decade": r.resolve_decade,
    "decade4": r.resolve_decade,
    "season": r.resolve_season,
    "relative_day": r.resolve_relative_day,
    "part_rel": r.resolve_part_of_day,
    "that_time": r.resolve_that_time,
    "reference": r.resolve_reference,
    "relative_unit": r.resolve_relative_unit,
    "relative_named": lambda m, c: r.resolve_named_period(m, c, "relative_named"),
    "period_edge": lambda m, c: r.resolve_named_period(m, c, "period_edge"),
    "weekday": r.resolve_weekday,
    "clock": r.resolve_clock,
    "zoned_clock": r.resolve_clock,
}
_CLOCKS = frozenset({"clock", "zoned_clock"})
_DAYS = frozenset({"numeric", "iso", "dashed", "day_month", "day_only", "relative_day", "weekday"})


class DateFinder:
    """Finds date and time expressions in Indonesian text and normalizes them against the
    publication date. Holds no state between texts."""

    def find(self, text: str, published: date | None = None) -> list[Timex]:
        matches = _select(_candidates(text))
        context = r.Context(text=text, published=published, anchor=published)
        out: list[Timex] = []
        n = 0
        while n < len(matches):
            current = matches[n]
            resolved = _RESOLVERS[current.name](current.match, context)
            following = matches[n + 1] if n + 1 < len(matches) else None
            if (
                resolved is not None
                and following is not None
                and current.name in _DAYS
                and following.name in _CLOCKS
                and not text[current.end : following.start].strip()
            ):
                # "Minggu (28/12/2014) pukul 07.55" is one time: the clock on that day.
                clock = _RESOLVERS[following.name](following.match, context)
                if clock is not None:
                    out.append(_timex(text, current.start, following.end, clock))
                    n += 2
                    continue
            if resolved is not None:
                out.append(_timex(text, current.start, current.end, resolved))
            n += 1
        return out


def _timex(text: str, start: int, end: int, resolved: r.Resolved) -> Timex:
    value, kind = resolved
    return Timex(text=text[start:end], start=start, end=end, type=kind, value=value)


def _candidates(text: str) -> list[_Match]:
    out = []
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(text):
            if not pattern.accept(match, text):
                continue
            start = match.start("body") if "body" in pattern.regex.groupindex else match.start()
            end = match.end()
            while end > start and text[end - 1] in " \t,":
                end -= 1
            if end > start:
                out.append(_Match(start, end, pattern.name, match))
    return out


def _select(candidates: list[_Match]) -> list[_Match]:
    """Non-overlapping matches, longest first (then by pattern order), in reading order."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), PRIORITY[c.name], c.start))
    taken: list[_Match] = []
    for candidate in ranked:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)
