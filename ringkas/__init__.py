"""ringkas: a news story engine, Indonesian first.

It reads news articles, groups those that report the same event into stories and writes a
cited summary of each. The public API is what ``__all__`` lists; everything else may change.
"""

from __future__ import annotations

from ._version import __version__
from .engine import Engine
from .errors import RingkasError
from .lengths import LengthSpec
from .models import (
    Article,
    Citation,
    Document,
    Entity,
    Quote,
    RemovedLine,
    Sentence,
    Story,
    SummarySentence,
    TimelineEntry,
)
from .reports import AddReport, IngestReport, Placement
from .settings import SETTINGS, Settings

__all__ = [
    "SETTINGS",
    "AddReport",
    "Article",
    "Citation",
    "Document",
    "Engine",
    "Entity",
    "IngestReport",
    "LengthSpec",
    "Placement",
    "Quote",
    "RemovedLine",
    "RingkasError",
    "Sentence",
    "Settings",
    "Story",
    "SummarySentence",
    "TimelineEntry",
    "__version__",
]
