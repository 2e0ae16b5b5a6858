"""Speakers across a story: each quote's speaker mapped to the story's person (aliases merged),
so that "Bakri" in one article and "Andi Bakri" in another are one speaker with one role."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..models import Entity, Quote
from .speakers import SpeakerReader, looks_like_organisation

_SPLIT = re.compile(r"[\s-]+")


def _key(name: str) -> str:
    return " ".join(_SPLIT.split(name.lower())).strip()


def resolve_speakers(quotes: Sequence[Quote], entities: Iterable[Entity] = ()) -> tuple[Quote, ...]:
    """The quotes with each named speaker replaced by the story's name for them and a missing
    role filled from the entity or another quote of the same speaker."""
    entities = list(entities)
    reader = _story_reader(entities)
    known: list[tuple[str, set[str], str | None, int]] = []  # (name, forms, role, weight)
    for entity in entities:
        if entity.kind == "PERSON":
            forms = {_key(entity.name), *(_key(a) for a in entity.aliases)}
            known.append((_clean_name(entity.name, reader), forms, entity.role, entity.mentions + 1000))
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
        return speaker  # a full name is not part of another person's name
    wider = [(weight, name) for name, forms, _role, weight in known if any(key in f.split() for f in forms)]
    return max(wider)[1] if wider else speaker


def _story_reader(entities: Sequence[Entity]) -> SpeakerReader:
    """A speaker reader that knows the story's places (from its place entities)."""
    names = [n for e in entities if e.kind == "PLACE" for n in (e.name, *e.aliases)]
    places = {w.lower() for n in names for w in n.split()}
    return SpeakerReader(places=frozenset(places))


def _clean_name(name: str, reader: SpeakerReader) -> str:
    """A person's name without an office or place stuck to its front ("Utara Kim Jong Un",
    "Banjarnegara Teguh Wibisono" -> the last two or three words)."""
    cleaned = reader.name_in(name.split())
    return cleaned if cleaned and " " in cleaned else name


def with_speakers(entities: Sequence[Entity], quotes: Sequence[Quote], outlets: dict[str, str]) -> tuple[Entity, ...]:
    """The story's entities with every named speaker among them: a person the name tagger
    missed is added, a person it cut short ("Park Young" of "Park Young-ja") takes the
    speaker's fuller name, and one it gave a place or office in front takes the clean name.
    ``outlets`` maps article ids to outlets."""
    reader = _story_reader(entities)
    out = [
        replace(e, name=_clean_name(e.name, reader), aliases=tuple(dict.fromkeys((e.name, *e.aliases))))
        if e.kind == "PERSON" and _clean_name(e.name, reader) != e.name
        else e
        for e in entities
    ]
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker[:1].isupper():
            by_speaker.setdefault(quote.speaker, []).append(quote)
    for speaker, said in by_speaker.items():
        words = _key(speaker).split()
        n = _known(out, words)
        role = next((q.role for q in said if q.role), None)
        if n is not None:
            known = out[n].name
            if _key(known).split() == words[: len(_key(known).split())] and len(words) > len(_key(known).split()):
                out[n] = replace(out[n], name=speaker, aliases=tuple(dict.fromkeys((known, *out[n].aliases))))
            if out[n].role is None and role:
                out[n] = replace(out[n], role=role)  # the role stated where the person speaks
        elif len(words) > 1 and not looks_like_organisation(speaker):
            seen_in = tuple(sorted({outlets[q.article_id] for q in said if q.article_id in outlets}))
            out.append(Entity(speaker, "PERSON", role=role, mentions=len(said), outlets=seen_in))
    return tuple(out)


def _known(entities: Sequence[Entity], words: list[str]) -> int | None:
    """Index of the entity a speaker's name words belong to: the same name or alias, a name
    inside it, or a name it starts with (a name cut short)."""
    for n, entity in enumerate(entities):
        if entity.kind != "PERSON":
            continue  # a speaker inside an organisation's name is the tagger's mistake, not the organisation
        for form in (_key(entity.name), *(_key(a) for a in entity.aliases)):
            parts = form.split()
            inside = any(parts[i : i + len(words)] == words for i in range(len(parts) - len(words) + 1))
            if inside or (len(words) > len(parts) > 0 and words[: len(parts)] == parts):
                return n
    return None
