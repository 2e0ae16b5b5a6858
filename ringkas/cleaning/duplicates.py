"""Scraper duplicates: lines of one article that repeat other lines of it.

Scrapers that take the text of nested elements emit a paragraph twice, or a line that holds a
paragraph and then the rest of the article run together (a ``<p>`` wrapping the ones after it),
before the paragraphs themselves. Such a line is found by what it shares with the other lines,
whatever the outlet: it repeats an earlier line word for word, or most of it is made of other
lines of the article. The shorter lines, the real paragraphs, stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .noise import SENTENCE_END, line_noise, normalize_line

_WORD = re.compile(r"\w+", re.UNICODE)
# A repeat this long, ending like a sentence, is a scraper's copy; a short reply said twice in a
# Q&A ('"Ya," jawabnya.'), a venue line repeated in a schedule or a quoted post is not.
MIN_REPEAT_WORDS = 10
# Only paragraphs this long, ending like a sentence, count towards covering another line: list
# items ("Budi sebagai Direktur Operasi") also occur inside the sentence that lists them, and
# labels ("Baca juga") anywhere.
MIN_PART_WORDS = 10
# A line at least this much made of other lines is a copy of them. Checked on ../shared's
# stream.jsonl (3,115 real articles): apart from the copies removed and one paragraph repeated with
# a new ending (kept by the single-line test below), no line is more than 0.25 covered.
MIN_COVERED = 0.5
# A line that holds just one other line must start with it and add only noise (a glued share
# prompt) or a few words, so a paragraph whose quote also stands alone as a pull quote is kept.
MAX_TAIL_WORDS = 3
# Trying every paragraph on every line grows with the square of the text: past this many lines
# (news articles have 5 to 100; 1,000 lines is about 200 KB of text, a second of work) only
# exact repeats are looked for, so that one very long text cannot hold the cleaner for minutes.
MAX_CONTAINMENT_LINES = 1000


def duplicate_lines(lines: Sequence[str]) -> set[int]:
    """Positions of the lines that repeat an earlier line or (in a text of at most
    ``MAX_CONTAINMENT_LINES`` lines) are mostly made of other lines."""
    keys = [normalize_line(line) for line in lines]
    found: set[int] = set()
    first: dict[str, int] = {}
    for pos, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if not key:
            continue
        if key in first and len(line.split()) >= MIN_REPEAT_WORDS and SENTENCE_END.search(line):
            found.add(pos)
        first.setdefault(key, pos)
    parts = sorted(
        {
            key
            for line, key in zip(lines, keys, strict=True)
            if len(line.split()) >= MIN_PART_WORDS and SENTENCE_END.search(line)
        },
        key=len,
    )
    if len(parts) < 2 or len(lines) > MAX_CONTAINMENT_LINES:
        return found
    for pos, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if pos not in found and _is_copy(line, key, [part for part in parts if len(part) < len(key)]):
            found.add(pos)
    return found


def _is_copy(line: str, key: str, parts: Sequence[str]) -> bool:
    """Whether ``key`` (of ``line``) is mostly made of ``parts``, or is one of them and a noise tail."""
    spans: list[tuple[int, int]] = []
    for part in parts:
        start = key.find(part)
        while start != -1:
            spans.append((start, start + len(part)))
            start = key.find(part, start + len(part))
    if not spans:
        return False
    if len({key[start:stop] for start, stop in spans}) == 1:
        start, stop = spans[0]
        if start != 0:
            return False
        tail = key[stop:].split()
        return len(tail) <= MAX_TAIL_WORDS or line_noise(_tail_of(line, len(tail))) is not None
    spans.sort()
    covered = 0
    end = 0
    for start, stop in spans:
        if stop > end:
            covered += stop - max(start, end)
            end = stop
    return covered / len(key) >= MIN_COVERED


def _tail_of(line: str, words: int) -> str:
    """The end of ``line`` that holds its last ``words`` words."""
    starts = [match.start() for match in _WORD.finditer(line)]
    return line[starts[-words] :] if 0 < words <= len(starts) else ""
