"""Names: the full name an article gives each speaker ("kata Bakri" after "Andi Bakri"), and
the person's name without the office or place a capitalised run puts before it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..lexicon.function_words import CLAUSE_OPENERS, CONNECTIVES
from ..lexicon.names import NAME_PREFIXES
from ..lexicon.speech import SAY_AFTER_QUOTE
from ..models import Document
from .passages import Said
from .speakers import NAMED, SpeakerReader

_CAPITALISED_RUN = re.compile(r"(?:[A-Z0-9](?:[\w'’-]*|\.)[ \t]+)*[A-Z][\w'’-]*")
# Honorifics before a name in speech ("Pak Agus"): not part of another name.
_HONORIFICS = frozenset(("pak", "bu", "bapak", "ibu", "mas", "mbak", "bang", "kak"))
_OPENERS = CLAUSE_OPENERS | CONNECTIVES | SAY_AFTER_QUOTE | _HONORIFICS | {"menurut"}


def full_names(document: Document, said: Sequence[Said], reader: SpeakerReader) -> dict[str, str]:
    """Map each speaker name to the name the article gives in full: a short form ("Bakri") to
    the full name ("Andi Bakri"), and a name read with an office or place before it
    ("Mataram Andi Firmansyah") to the name the article goes on using ("Andi Firmansyah")."""
    text = document.article.text
    candidates: Counter[str] = Counter()
    for item in said:
        if item.speaker is not None and item.speaker.kind == NAMED:
            candidates[item.speaker.name] += 1
    runs = [_name_run(match.group().split()) for match in _CAPITALISED_RUN.finditer(text)]
    person_runs = [m.text.split() for m in document.mentions if m.kind == "PERSON"]
    for words in [*runs, *person_runs]:
        name = reader.name_in(words) if len(words) > 1 else None
        if name is not None and " " in name:
            candidates[name] += 1
    trimmed = {name: _trim_name(name, runs) for name in candidates}
    out: dict[str, str] = {}
    for item in said:
        if item.speaker is None or item.speaker.kind != NAMED:
            continue
        short = item.speaker.name
        parts = set(re.split(r"[\s-]+", _trim_name(short, runs).lower()))
        best = None
        for name, count in candidates.items():
            full = trimmed[name]
            tokens = set(re.split(r"[\s-]+", full.lower()))
            if len(tokens) >= len(parts) and parts <= tokens:
                key = (len(tokens), count, len(full))
                if best is None or key > best[0]:
                    best = (key, full)
        if best is not None:
            out[short] = best[1]
    return out


def _name_run(words: list[str]) -> list[str]:
    """A capitalised run without the sentence opener it may start with ("Menurut Siti" -> "Siti")."""
    while len(words) > 1 and words[0].lower() in _OPENERS:
        words = words[1:]
    return words


def _trim_name(name: str, runs: Sequence[list[str]]) -> str:
    """Drop leading words that belong to a place or office, not the person: a word the article
    uses inside another name without the rest of this one ("Pasar Deli Jaya" before "Jaya
    Rosmawati Lubis"), or a word never used alone when the next word is ("kata Andi" after
    "Mataram Andi Firmansyah"; "Muhammad Rais" stays whole)."""
    words = name.split()
    while len(words) > 2:
        first, second = words[0], words[1]
        alone = sum(1 for run in runs if run == [second]) and not any(run == [first] for run in runs)
        by_short_form = alone and first.lower() not in NAME_PREFIXES
        if not (by_short_form or _inside_other_name(first, words, runs)):
            break
        words = words[1:]
    return " ".join(words)


def _inside_other_name(word: str, name: Sequence[str], runs: Sequence[list[str]]) -> bool:
    """Whether ``word`` ends another capitalised run ("di Pasar Deli Jaya,"): a place or an
    institution's name, which a person's first name is not (a short form of ``name`` itself,
    "Ade Ary" of "Ade Ary Syam", does not count)."""
    return any(len(run) > 1 and run[-1] == word and not set(run) <= set(name) for run in runs)
