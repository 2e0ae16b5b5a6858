"""Summarizing: pick cited sentences and a headline for each story.

A summarizer is any object with ``name`` and ``select(documents, length) -> list[Candidate]``;
register it in ``SUMMARIZERS`` and choose it by the ``summarizer`` setting. Citing and the
headline are shared by all summarizers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ConfigError
from .base import Candidate, Summarizer, candidates
from .centroid import CentroidSummarizer
from .citing import cite
from .coverage import CoverageSummarizer
from .headline import choose_headline

SUMMARIZERS: dict[str, Callable[..., Summarizer]] = {
    "centroid": CentroidSummarizer,
    "coverage": CoverageSummarizer,
}


def make_summarizer(name: str, **options: Any) -> Summarizer:
    try:
        factory = SUMMARIZERS[name]
    except KeyError:
        raise ConfigError(f"unknown summarizer {name!r} (known: {', '.join(sorted(SUMMARIZERS))})") from None
    return factory(**options)


__all__ = [
    "SUMMARIZERS",
    "Candidate",
    "CentroidSummarizer",
    "CoverageSummarizer",
    "Summarizer",
    "candidates",
    "choose_headline",
    "cite",
    "make_summarizer",
]
