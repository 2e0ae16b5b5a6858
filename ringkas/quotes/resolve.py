"""Speakers across a story: each quote's speaker mapped to the story's person (aliases merged),
so that "Bakri" in one article and "Andi Bakri" in another are one speaker with one role."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..models import Entity, Quote

_SPLIT = re.compile(r"[\s-]+")


def _key(name: str) -> str:
    return " ".join(_SPLIT.split(name.lower())).strip()


def resolve_speakers(quotes: Sequence[Quote], entities: Iterable[Entity] = ()) -> tuple[Quote, ...]:
    """The quotes with each named speaker replaced by the story's name for them and a missing
    role filled from the entity or another quote of the same speaker."""
    known: list[tuple[str, set[str], str | None, int]] = []  # (name, forms, role, weight)
    for entity in entities:
        if entity.kind in ("PERSON", "ORGANISATION"):
            forms = {_key(entity.name), *(_key(a) for a in entity.aliases)}
            known.append((entity.name, forms, entity.role, entity.mentions + 1000))
    counts = Counter(q.speaker for q in quotes if q.speaker[:1].isupper())
    for name, count in counts.items():
        if " " in name.strip():
            known.append((name, {_key(name)}, None, count))
    resolved = [replace(q, speaker=_canonical(q.speaker, known)) for q in quotes]
    roles: dict[str, str] = {}
    for name, _forms, role, _weight in known:
        if role:
            roles.setdefault(name, role)
    for q in resolved:
        if q.role:
            roles.setdefault(q.speaker, q.role)
    return tuple(q if q.role else replace(q, role=roles.get(q.speaker)) for q in resolved)


def _canonical(speaker: str, known: Sequence[tuple[str, set[str], str | None, int]]) -> str:
    if not speaker[:1].isupper():
        return speaker  # an unnamed speaker keeps its description
    key = _key(speaker)
    exact = [(weight, name) for name, forms, _role, weight in known if key in forms]
    if exact:
        return max(exact)[1]
    if " " in key:
        return speaker  # a full name stays as written: it is not another person's part
    wider = [(weight, name) for name, forms, _role, weight in known if any(key in f.split() for f in forms)]
    return max(wider)[1] if wider else speaker
