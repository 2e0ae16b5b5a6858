"""Ranking: how big a story is, so that the story list can put what is covered most first.

A story's coverage weight counts its distinct outlets, the media groups that own them and its
articles; the score decays that weight with the story's age (the days between its last article
and the newest article in the store, so an archive ranks as it did on its own last day):

    weight = outlets + 0.5 * media_groups + log2(1 + articles)
    score  = weight * 2 ** (-age_days / HALF_LIFE_DAYS)

Outlets count most because a story many newsrooms report is big; groups add a little for
independent owners (two outlets of one group count less than two of two groups); articles add
only their logarithm, so that one outlet's live blog does not outrank a story ten outlets carry.
Ordering by ``score`` is ordering by ``log2(weight) - age / HALF_LIFE`` and, since the newest
date is the same for every story, by ``rank_key = log2(weight) + day / HALF_LIFE`` (``day`` the
ordinal of the last publication date): the store keeps that key in a column and sorts by it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from .errors import FormatError
from .models import OutletCoverage, Story
from .stories import media_group_count

# A story loses half its weight every this many days without a new article. Not tuned: two days
# is the rhythm of a daily news cycle (a story still covered on day two holds its place).
HALF_LIFE_DAYS = 2.0
ORDERS = ("coverage", "newest")


def outlet_count(coverage: Sequence[OutletCoverage]) -> int:
    """Distinct outlets of a story (an article of no known outlet counts under its own label)."""
    return len({c.outlet for c in coverage})


def coverage_weight(outlets: int, media_groups: int, articles: int) -> float:
    return outlets + 0.5 * media_groups + math.log2(1 + articles)


def story_weight(story: Story) -> float:
    return coverage_weight(outlet_count(story.coverage), media_group_count(story.coverage), len(story.article_ids))


def rank_key(story: Story) -> float:
    """The store's sort key: larger is bigger (see the module docstring)."""
    weight = story_weight(story)
    day = story.last_published.toordinal() if story.last_published else 0
    return math.log2(max(weight, 1e-9)) + day / HALF_LIFE_DAYS


def coverage_score(story: Story, newest: date | None) -> float:
    """The decayed weight of ``story`` as of ``newest`` (the newest publication date in the store)."""
    return decayed_score(story_weight(story), story.last_published, newest)


def decayed_score(weight: float, last_published: date | None, newest: date | None) -> float:
    """A coverage weight decayed by the days from ``last_published`` to ``newest``."""
    if newest is None or last_published is None:
        return weight
    age = max(0, (newest - last_published).days)
    return weight * 2 ** (-age / HALF_LIFE_DAYS)


def check_order(value: str) -> str:
    order = (value or "coverage").strip().lower()
    if order not in ORDERS:
        raise FormatError(f"order must be one of {', '.join(ORDERS)}, got {value[:40]!r}")
    return order


def min_outlets_param(value: str | int | None) -> int:
    """``min_outlets`` from a query string or flag: a whole number, 0 (or blank) for no minimum."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    try:
        n = int(value)
    except ValueError:
        raise FormatError(f"min_outlets is not a whole number: {str(value)[:40]!r}") from None
    if n < 0:
        raise FormatError(f"min_outlets must be 0 or more, got {n}")
    return n
