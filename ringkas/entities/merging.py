"""Merging: one ``Entity`` per real-world referent in a story. Spelling variants share a key
("Kim Jong-un" = "Kim Jong Un" = "Kim-Jong-un"), a person's single name joins the fuller name
that contains it ("Putin" -> "Vladimir Putin"; "Kim" -> the most mentioned Kim), and a person's
known names are looked for again in every sentence, so "... ujar Muraviev" counts even where the
tagger missed it."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..lexicon.function_words import FUNCTION_WORDS
from ..lexicon.organisations import ORG_HEADS
from ..lexicon.places import PLACE_HEADS, PLACES
from ..lexicon.titles import ROLE_HEADS
from ..models import Document, Entity, Mention

_KIND_ORDER = {"PERSON": 0, "ORGANISATION": 1, "PLACE": 2}
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def name_key(text: str) -> str:
    """A spelling-insensitive key: lower case, hyphens as spaces, leading titles dropped."""
    words = _NAME_TOKEN.findall(text.lower())
    while len(words) > 1 and words[0] in ROLE_HEADS:
        words = words[1:]
    return " ".join(words)


@dataclass
class _Group:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)

    @property
    def kind(self) -> str:
        counts = Counter(m.kind for m in self.mentions)
        return min(counts, key=lambda k: (-counts[k], _KIND_ORDER.get(k, 9)))

    @property
    def tokens(self) -> list[str]:
        return self.key.split()


def merge_entities(documents: Sequence[Document]) -> tuple[Entity, ...]:
    """The people, organisations and places of a story, most mentioned first."""
    outlets = {d.id: d.article.outlet for d in documents}
    mentions = _split_compounds([m for d in documents for m in d.mentions])
    mentions.extend(_find_again(documents, mentions))
    mentions = _fold_initials(documents, mentions)
    groups: dict[str, _Group] = {}
    for mention in mentions:
        key = name_key(mention.text)
        if not key:
            continue
        group = groups.setdefault(key, _Group(key))
        group.mentions.append(mention)
        outlet = outlets.get(mention.article_id)
        if outlet:
            group.outlets.add(outlet)
    merged = _merge_partial_person_names(groups)
    if any(g.kind == "PERSON" and len(g.tokens) == 1 for g in merged):  # the story's words, read only then
        lower_words = {w for d in documents for w in _LOWER_WORD.findall(d.article.text)}
        openings = {d.id: [s.start for s in d.sentences] for d in documents}
        texts = {d.id: d.article.text for d in documents}
        merged = [g for g in merged if not _word_opening_sentences(g, texts, openings, lower_words)]
    return tuple(sorted((_entity(g) for g in merged), key=lambda e: (-e.mentions, _KIND_ORDER.get(e.kind, 9), e.name)))


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_OPENING_MARKS = " \t\"'“‘(["


def _word_opening_sentences(
    group: _Group, texts: dict[str, str], openings: dict[str, list[int]], lower_words: set[str]
) -> bool:
    """A "person" of one word that only ever opens a sentence and that the story also writes in
    lower case ("Jadi", "Ancaman", "Korban", "Mari"): a capitalised word, not a name."""
    if group.kind != "PERSON" or len(group.tokens) != 1 or group.key not in lower_words:
        return False
    for mention in group.mentions:
        text, opening = texts.get(mention.article_id, ""), openings.get(mention.article_id, [])
        n = bisect.bisect_right(opening, mention.start) - 1
        if n < 0 or mention.start < 0 or text[opening[n] : mention.start].strip(_OPENING_MARKS):
            return False
    return True


def _merge_partial_person_names(groups: dict[str, _Group]) -> list[_Group]:
    """Fold a person's shorter names into the fullest name that contains them, whatever kind
    the tagger gave the shorter one ("Trump" tagged a place joins "Donald Trump")."""
    people = [g for g in groups.values() if g.kind == "PERSON"]
    full = sorted(people, key=lambda g: (-len(g.tokens), -len(g.mentions)))
    candidates = [g for g in groups.values() if g.kind == "PERSON" or not any(_not_a_name_part(w) for w in g.tokens)]
    absorbed: dict[str, _Group] = {}
    for group in sorted(candidates, key=lambda g: len(g.tokens)):
        hosts = [
            other
            for other in full
            if len(other.tokens) > len(group.tokens)
            and _contains(other.tokens, group.tokens)
            and other.key not in absorbed
        ]
        if not hosts:
            continue
        host = max(hosts, key=lambda g: (len(g.mentions), len(g.tokens)))
        absorbed[group.key] = host
    out = []
    for group in groups.values():
        if group.key in absorbed:
            host = absorbed[group.key]
            while host.key in absorbed:
                host = absorbed[host.key]
            host.mentions.extend(replace(m, kind="PERSON") for m in group.mentions)
            host.outlets |= group.outlets
        else:
            out.append(group)
    return out


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """ "putin" in "vladimir putin", "kim jong un" in "kim jong un" variants: a contiguous run."""
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _entity(group: _Group) -> Entity:
    surfaces = Counter(_clean_surface(m.text) for m in group.mentions)
    fullest = max(len(name_key(s).split()) for s in surfaces)
    name = max(
        (s for s in surfaces if len(name_key(s).split()) == fullest),
        key=lambda s: (surfaces[s], len(s)),
    )
    aliases = tuple(s for s, _ in surfaces.most_common() if s != name)
    # A role given next to the full name outweighs one read after a bare surname.
    roles: Counter[str] = Counter()
    for m in group.mentions:
        if m.role:
            roles[m.role] += 2 if len(name_key(m.text).split()) > 1 else 1
    role = max(roles, key=lambda r: (roles[r], len(r))) if roles else None
    return Entity(
        name=name,
        kind=group.kind,
        aliases=aliases,
        role=role,
        mentions=len(group.mentions),
        outlets=tuple(sorted(group.outlets)),
    )


def _clean_surface(text: str) -> str:
    return " ".join(text.split())


def _find_again(documents: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    """Occurrences the tagger missed of the names and surnames of people it found elsewhere
    in the story: a capitalised word that is a person's name part, not inside another name."""
    owners = _name_part_owners(mentions)
    if not owners:
        return []
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        covered[m.article_id].append((m.start, m.end))
    out = []
    for document in documents:
        text = document.article.text
        starts = [s.start for s in document.sentences]
        spans = covered[document.id]
        for match in _NAME_TOKEN.finditer(text):
            word = match.group()
            if not word[:1].isupper() or word.lower() not in owners:
                continue
            if any(a < match.end() and match.start() < b for a, b in spans):
                continue
            if _inside_longer_capitalised_run(text, match.start(), match.end()):
                continue
            index = max(0, bisect.bisect_right(starts, match.start()) - 1)
            out.append(Mention(word, "PERSON", document.id, index, match.start(), match.end()))
    return out


_INITIALS = re.compile(r"[A-Z]{2,4}")


def _fold_initials(documents: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    """A person's initials an article gives in brackets right after the name ("Ibrahim Arief
    (IA)") are that person wherever the article writes them: each such mention is counted as
    the name's, not as a person of its own."""
    texts = {d.id: d.article.text for d in documents}
    people = sorted((m for m in mentions if m.kind == "PERSON" and m.start >= 0), key=lambda m: (m.article_id, m.end))
    owners: dict[tuple[str, str], Mention] = {}
    for person in people:
        text = texts.get(person.article_id, "")
        close = text.find(")", person.end, person.end + 8)
        opened = text[person.end : close].strip()
        if close < 0 or not opened.startswith("("):
            continue
        initials = opened[1:].strip()
        words = [w for w in _NAME_TOKEN.findall(person.text) if w.lower() not in ROLE_HEADS]
        if _INITIALS.fullmatch(initials) and initials == "".join(w[0] for w in words).upper():
            owners.setdefault((person.article_id, initials), person)
    if not owners:
        return mentions
    out = []
    for mention in mentions:
        owner = owners.get((mention.article_id, mention.text.strip()))
        out.append(replace(mention, text=owner.text, kind="PERSON", role=None) if owner is not None else mention)
    return out


def _not_a_name_part(word: str) -> bool:
    return len(word) < 3 or word in ROLE_HEADS or word in PLACES or word in ORG_HEADS or word in PLACE_HEADS


def _name_part_owners(mentions: Iterable[Mention]) -> set[str]:
    """Lower-case words that are part of a person's name in the story (titles, places and
    organisation words excepted), such as "putin", "pagung", "kim"."""
    out: set[str] = set()
    for mention in mentions:
        if mention.kind == "PERSON" and len(name_key(mention.text).split()) > 1:
            out.update(w for w in name_key(mention.text).split() if not _not_a_name_part(w))
    return out


_HYPHENATED_NAMES = re.compile(r"([A-Z][^\W\d_]+)(?=\s*-\s*[A-Z])|(?<=-)\s*([A-Z][^\W\d_]+)")


def _split_compounds(mentions: list[Mention]) -> list[Mention]:
    """ "KTT Trump-Kim", "Putin-Kim": two known people joined by a hyphen are two mentions;
    "Kim-Jong-un", one person's name, stays whole."""
    owners = _name_part_owners(mentions)
    person_keys = [name_key(m.text).split() for m in mentions if m.kind == "PERSON"]
    # the people written without a hyphen: whom each name word belongs to
    unhyphenated = {tuple(name_key(m.text).split()) for m in mentions if m.kind == "PERSON" and "-" not in m.text}
    out = []
    for mention in mentions:
        if "-" not in mention.text:
            out.append(mention)
            continue
        words = name_key(mention.text).split()
        if any(len(k) > len(words) and _contains(k, words) for k in person_keys):
            out.append(mention)
            continue
        parts = [m for m in _HYPHENATED_NAMES.finditer(mention.text)]
        names = [(m.group(1) or m.group(2), m.start(1) if m.group(1) else m.start(2)) for m in parts]
        holders = [{k for k in unhyphenated if len(k) > 1 and n.lower() in k} for n, _ in names]
        # "Kim-Jong-un": every part is one person's; "Al Ghazali-Alyssa", "Trump-Kim": two people's
        one_person = bool(holders) and bool(set.intersection(*holders))
        if len(names) >= 2 and all(n.lower() in owners for n, _ in names) and not one_person:
            for word, offset in names:
                start = mention.start + offset
                out.append(replace(mention, text=word, kind="PERSON", start=start, end=start + len(word), role=None))
        else:
            out.append(mention)
    return out


def _inside_longer_capitalised_run(text: str, start: int, end: int) -> bool:
    """ "Kim" in "Kim Chang Son" belongs to that name; "Kim" in "Trump-Kim" stands alone."""
    prev_word = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 30) : start])
    next_word = re.match(r"\s+([^\W\d_]+)", text[end : end + 30])
    if next_word and next_word.group(1)[:1].isupper():
        return True
    if prev_word is None or not prev_word.group(1)[:1].isupper():
        return False
    lower = prev_word.group(1).lower()
    return lower not in ROLE_HEADS and lower not in FUNCTION_WORDS
