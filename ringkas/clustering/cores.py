"""Weak links: which of a story's articles the clustering holds only loosely.

Average link lets an article into a story when its links to the story's articles are strong
enough on average, so an article of the same topic but another happening (two companies'
dividends, two road deaths in one town) can join on links that are all middling. Here each
article of a story is judged by its best link to the rest of the story (the link model's
probability that the two report one event): below ``WEAK_LINK`` it is loosely related. It stays
in the story (listed, cited), but the summary takes no sentence from it. When every article of
a story is loosely related (two articles on one middling link), the story's founder (its
earliest article, which names it) is kept as its core.

``StoryGroup`` is what clustering hands on: a story's articles and the loosely related ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .stream import StoryStream

# The highest cut that marks at most 2% of the real members of ringkas's stories, counted over
# every labelled set (ViMs, MMDS dev, the real dev window and our 15 labelled windows of the real
# stream, labels/realworld/; 2,573 members, 153 intruders), as scripts/train_weak_links.py
# learns it: in sample 47 members marked, 33 intruders caught. Leaving each set out the others
# choose 0.54-0.66; over the left-out sets 52 of 2,573 members marked (51 of the 714 outside
# ViMs, 7%) and 35 of 153 intruders caught. The link model was trained on these sets too.
WEAK_LINK = 0.63
_UNDATED = date.max.toordinal()


@dataclass(frozen=True)
class StoryGroup:
    """One story of a clustering: its articles (indexes into the documents clustered) and those
    of them that are loosely related (``weak``, a subset of ``members``)."""

    members: tuple[int, ...]
    weak: tuple[int, ...] = ()


def best_links(stream: StoryStream, article_ids: Sequence[str]) -> dict[str, float]:
    """Each article's best link probability to another article of its story (a copy shares its
    original's node and links); 1.0 for all when the stream has no link model or the story one
    node."""
    nodes = sorted({stream.node_of(a) for a in article_ids})
    if stream.params.model is None or len(nodes) < 2:
        return dict.fromkeys(article_ids, 1.0)
    link = stream.link_matrix(nodes)
    np.fill_diagonal(link, -np.inf)
    best = dict(zip(nodes, link.max(axis=1).tolist(), strict=True))
    return {a: best[stream.node_of(a)] for a in article_ids}


def founding_key(article_id: str, day: int) -> tuple[int, str]:
    """Founding order by publication day (``features.day_number``, -1 unknown: last), then id, as
    ``stories.founding_order`` orders documents."""
    return (day if day >= 0 else _UNDATED, article_id)


def founder_of(days: Mapping[str, int]) -> str:
    """The founder among articles by publication day: the first in ``founding_key`` order."""
    return min(days, key=lambda a: founding_key(a, days[a]))


def weak_articles(stream: StoryStream, days: Mapping[str, int], cut: float = WEAK_LINK) -> tuple[str, ...]:
    """The loosely related articles of the story of the articles ``days`` keys (with their
    publication days), in that order (see ``below_cut``)."""
    best = best_links(stream, list(days))
    return below_cut(best, {a: stream.node_of(a) for a in days}, founder_of(days), cut)


def below_cut(best: Mapping[str, float], nodes: Mapping[str, int], founder: str, cut: float) -> tuple[str, ...]:
    """The articles (``best`` keys, in order) whose best link is under ``cut``; when that is every
    article, all but the founder's node (the founder and its copies)."""
    weak = [a for a in best if best[a] < cut]
    if len(weak) == len(best):
        weak = [a for a in best if nodes[a] != nodes[founder]]
    return tuple(weak)


def stream_groups(stream: StoryStream, position: Mapping[str, int], days: Mapping[str, int]) -> list[StoryGroup]:
    """The stream's stories (``StoryStream.groups`` order) as positions of their articles, each
    with its loosely related ones (``days``: every article's publication day)."""
    out = []
    for group in stream.groups():
        weak = weak_articles(stream, {a: days[a] for a in group}) if len(group) > 1 else ()
        out.append(StoryGroup(tuple(position[a] for a in group), tuple(position[a] for a in weak)))
    return out
