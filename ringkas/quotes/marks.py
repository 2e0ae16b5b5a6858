"""Quotation marks: find the quoted stretches of a paragraph, curly, straight or guillemets.

Straight quotes have no direction, so an opening mark is one with a word after it and a
closing mark one with a word before it. A quote left open at the end of a paragraph runs to
the paragraph's end (newspapers open every paragraph of a long quote and close only the last).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

OPENING = "“„«‟"
CLOSING = "”»"
STRAIGHT = '"'


@dataclass(frozen=True)
class QuoteMarks:
    """One quoted stretch: ``open`` and ``close`` index the marks in the text (``close`` is the
    paragraph end when the quote is left open); ``inner`` is the text between them."""

    open: int
    close: int
    closed: bool

    @property
    def inner_start(self) -> int:
        return self.open + 1

    @property
    def inner_end(self) -> int:
        return self.close


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in "([—–-:/") and not after.isspace()


def _can_close(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def find_quote_marks(text: str, start: int = 0, end: int | None = None) -> Iterator[QuoteMarks]:
    """The quoted stretches of ``text[start:end]`` (one paragraph), in order."""
    end = len(text) if end is None else end
    opened = -1
    for i in range(start, end):
        ch = text[i]
        if ch not in OPENING and ch not in CLOSING and ch != STRAIGHT:
            continue
        if opened < 0:
            # A closing curly mark can open too: some sites type ” for both.
            if ch in OPENING or _can_open(text, i, start, end):
                opened = i
        elif ch in CLOSING or (ch == STRAIGHT and _can_close(text, i, start, end)):
            if text[opened + 1 : i].strip():
                yield QuoteMarks(opened, i, True)
            opened = -1
        elif ch in OPENING:
            opened = i  # a second opening mark: the first one was stray
    if opened >= 0:
        stop = len(text[:end].rstrip())
        if text[opened + 1 : stop].strip():
            yield QuoteMarks(opened, stop, False)
