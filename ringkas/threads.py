"""Threads: a story that continues an earlier one (an arrest, then the charges, then the trial).

Two stories are one thread when the later one starts after the earlier one, within
``MAX_GAP_DAYS`` of its last article, and the earlier one names key people or organisations of
the later one that few other stories name. Each story links to at most one previous story (the
best scoring), so threads are chains that may branch; the store computes the links whenever
stories are saved.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .entities.merging import name_key
from .models import Entity, Story

# A follow-up comes within weeks: the gap between the earlier story's last article and the later
# one's first. Not tuned on data: six weeks covers arrest -> charges -> first hearing.
MAX_GAP_DAYS = 42
# How much shared rare naming makes a follow-up (``link_score`` sums one weight per shared key
# entity, at most 1 each): at least two names. No labelled threads exist; checked (not tuned on
# labels) on the real stream's 2,112 stories: 0.6 chained 60 football stories through one club
# name each, 1.5 leaves 160 links, the largest thread 15 stories (benchmarks/daily_stream.py).
MIN_LINK_SCORE = 1.5
# Key entities: the most mentioned people and organisations of a story, mentioned at least twice.
KEY_ENTITIES = 8
KEY_KINDS = ("PERSON", "ORGANISATION")


def entity_id(name: str) -> str:
    """The id of a person, organisation or place across stories: the spelling-insensitive name
    key as a URL slug ("Kevin Manuhutu" -> ``kevin-manuhutu``)."""
    key = name_key(name) or name.lower()
    ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_key).strip("-") or "x"


def entity_keys(entity: Entity) -> list[str]:
    """Every id an entity answers to: its name's, and its aliases' of two words or more."""
    keys = [entity_id(entity.name)]
    for alias in entity.aliases:
        if len(name_key(alias).split()) > 1 and entity_id(alias) not in keys:
            keys.append(entity_id(alias))
    return keys


def key_entities(story: Story) -> list[Entity]:
    chosen = [e for e in story.entities if e.kind in KEY_KINDS and e.mentions >= 2]
    return sorted(chosen, key=lambda e: -e.mentions)[:KEY_ENTITIES]


@dataclass(frozen=True)
class StoryKeys:
    """What linking needs of a story: its dates, the ids of its key entities and of every person
    and organisation it names."""

    id: str
    first: date | None
    last: date | None
    keys: frozenset[str]
    names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Link:
    story_id: str
    previous_id: str
    score: float
    shared: tuple[str, ...]


def link_score(shared: Sequence[str], df: Mapping[str, int], stories: int) -> float:
    """Each shared entity adds log((N+1)/(d+1))/log(N+1), ``d`` the number of OTHER stories (of
    the N) naming it: 1 for a name only the two stories carry, near 0 for one most stories carry."""
    if stories < 2:
        return 0.0
    scale = math.log(stories + 1)
    return sum(math.log((stories + 1) / (max(0, df.get(k, 2) - 2) + 1)) / scale for k in shared)


def continues(later: StoryKeys, earlier: StoryKeys) -> bool:
    """Whether ``later`` comes after ``earlier`` closely enough to continue it."""
    if later.first is None or earlier.first is None or earlier.last is None:
        return False
    return earlier.first < later.first and (later.first - earlier.last).days <= MAX_GAP_DAYS


def previous_link(
    story: StoryKeys, candidates: Sequence[StoryKeys], df: Mapping[str, int], stories: int
) -> Link | None:
    """The earlier story ``story`` continues, if any: the best score, then the latest start."""
    best: Link | None = None
    best_key: tuple[float, int] = (0.0, 0)
    for other in candidates:
        if other.id == story.id or not continues(story, other):
            continue
        # A key name of the follow-up that the earlier story names at all (its tagger may have
        # found the name fewer times there, or inside a longer name).
        shared = sorted(story.keys & (other.names | other.keys))
        score = link_score(shared, df, stories)
        if score < MIN_LINK_SCORE:
            continue
        assert other.first is not None
        key = (round(score, 6), other.first.toordinal())
        if best is None or key > best_key:
            best, best_key = Link(story.id, other.id, round(score, 3), tuple(shared)), key
    return best


def thread_ids(story_id: str, previous: Mapping[str, str], following: Mapping[str, Sequence[str]]) -> list[str]:
    """The stories of ``story_id``'s thread: back to its first story, then every follow-up."""
    root, seen = story_id, {story_id}
    while root in previous and previous[root] not in seen:
        root = previous[root]
        seen.add(root)
    out, queue = [], [root]
    while queue:
        current = queue.pop(0)
        if current in out:
            continue
        out.append(current)
        queue.extend(following.get(current, ()))
    return out
