"""A headline from the article's address, for an article that came without one.

Some scrapes carry no title (on the real dev window, every article of one outlet: 11 of 314),
and a story page would list such an article as an empty link. News sites put the headline in
the address as a slug ("/berita/x1y2z3/gubernur-resmikan-jembatan-baru-di-bogor"), so the slug's
words stand in for it. A slug is lower case; each word is written as the article's own text
writes it inside sentences ("bogor" -> "Bogor", "ihsg" -> "IHSG") when the text mostly writes
it capitalised, and the first word takes a capital.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote, urlsplit

# A slug names a headline when it has this many words of letters (ids, dates and section
# names such as "read" or "2025" have fewer).
MIN_WORDS = 3
# Segments after the slug that are looked past: a short word ("amp", "print") or a page number
# ("2"); any other last segment is the page's own, and holds its slug or none.
_TRAILER = re.compile(r"[a-z]{1,5}|\d{1,2}", re.IGNORECASE)
_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"[-_+]+")
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = frozenset(".!?\"'\u201d")


def slug_words(url: str | None) -> list[str]:
    """The words of the address's slug: its last path segment (past short trailers such as
    "amp") when its parts include at least ``MIN_WORDS`` words of letters, without an extension
    or a leading or trailing id."""
    if not url:
        return []
    try:
        path = urlsplit(url).path
    except ValueError:
        return []
    for segment in reversed([s for s in path.split("/") if s]):
        parts = [p for p in _SEPARATOR.split(_EXTENSION.sub("", unquote(segment))) if p]
        while parts and _is_id(parts[0]):
            parts.pop(0)
        while parts and _is_id(parts[-1]):
            parts.pop()
        if sum(1 for p in parts if p.isalpha()) >= MIN_WORDS and all(_WORD.fullmatch(p) for p in parts):
            return [p.lower() for p in parts]
        if not _is_trailer(segment):
            return []  # the page's own segment is no headline: never climb to a section's name
    return []


def _is_trailer(segment: str) -> bool:
    return _TRAILER.fullmatch(segment) is not None


def _is_id(part: str) -> bool:
    """A part that is no word: digits, or letters and digits mixed ("sy5ifc425", "d7970001")."""
    return part.isdigit() or (any(c.isdigit() for c in part) and any(c.isalpha() for c in part))


def headline_from_url(url: str | None, text: str) -> str:
    """The headline the address spells, written as ``text`` writes its words; "" without a slug."""
    words = slug_words(url)
    if not words:
        return ""
    forms = _inner_forms(text)
    out = []
    for word in words:
        seen = forms.get(word)
        if seen:
            form, count = seen.most_common(1)[0]
            if form != word and 2 * count > sum(seen.values()):
                word = form
        out.append(word)
    out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def _inner_forms(text: str) -> dict[str, Counter[str]]:
    """Each word's spellings in ``text`` (lower-cased word -> spelling counts), leaving out the
    first word of each sentence and paragraph (a capital there says nothing)."""
    forms: dict[str, Counter[str]] = {}
    for match in _WORD.finditer(text):
        start = match.start()
        before = text[max(0, start - 8) : start]  # enough to see the mark and the spaces before a word
        last = before.rstrip()
        gap = before[len(last) :]
        opens = start == len(gap) or last[-1:] in _SENTENCE_END or "\n" in gap
        if not opens:
            token = match.group()
            forms.setdefault(token.lower(), Counter())[token] += 1
    return forms
