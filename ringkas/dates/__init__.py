"""Dates: find date and time expressions in Indonesian news and normalize them to ISO values
relative to the article's publication date ("kemarin", "Kamis", "Februari lalu", "24-25 April",
"sehari sebelumnya"). Analysis hands them on as ``TimeExpression`` objects.
"""

from __future__ import annotations

from .calendar import to_iso
from .finder import DateFinder, Timex

__all__ = ["DateFinder", "Timex", "to_iso"]
