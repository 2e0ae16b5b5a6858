"""Quotes: who said what in an article (direct and reported speech, speaker and role), and
the speakers of a story's quotes resolved to its people.

``QuoteExtractor.extract(document)`` fills ``Document.quotes`` during analysis;
``resolve_speakers(quotes, entities)`` maps each speaker to the story's entity name. Each quote
carries a confidence; pages show those of at least ``SHOWN_CONFIDENCE``.
"""

from __future__ import annotations

from .attribution import QuoteExtractor
from .marks import QuoteMarks, find_quote_marks
from .passages import SHOWN_CONFIDENCE
from .resolve import resolve_speakers, with_speakers
from .speakers import Speaker, SpeakerReader

__all__ = [
    "SHOWN_CONFIDENCE",
    "QuoteExtractor",
    "QuoteMarks",
    "Speaker",
    "SpeakerReader",
    "find_quote_marks",
    "resolve_speakers",
    "with_speakers",
]
