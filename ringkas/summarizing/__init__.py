"""Summarizing: pick cited sentences and a headline for each story.

A summarizer is any object with ``name`` and ``select(documents, length) -> list[Candidate]``;
register it in ``SUMMARIZERS`` and choose it by the ``summarizer`` setting. Citing and the
headline are shared by all summarizers.
"""

from __future__ import annotations

from typing import Any

from ..registry import Registry
from .base import Candidate, Summarizer, candidates
from .centroid import CentroidSummarizer
from .citing import cite
from .coverage import CoverageSummarizer
from .headline import choose_headline
from .learned import LearnedSummarizer

SUMMARIZERS: Registry[Summarizer] = Registry(
    "summarizer",
    {"centroid": CentroidSummarizer, "coverage": CoverageSummarizer, "learned": LearnedSummarizer},
)


def make_summarizer(name: str, **options: Any) -> Summarizer:
    """The summarizer registered as ``name`` (``ConfigError`` naming the choices if unknown)."""
    return SUMMARIZERS.make(name, **options)


__all__ = [
    "SUMMARIZERS",
    "Candidate",
    "CentroidSummarizer",
    "CoverageSummarizer",
    "LearnedSummarizer",
    "Summarizer",
    "candidates",
    "choose_headline",
    "cite",
    "make_summarizer",
]
