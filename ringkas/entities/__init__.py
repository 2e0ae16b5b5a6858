"""Entities: names of people, organisations and places found in sentences (``NameTagger``),
their roles from appositions, and the merging of a story's mentions into one ``Entity`` per
real-world referent."""

from __future__ import annotations

from .merging import merge_entities, name_key
from .roles import find_role
from .tagger import NameSpan, NameTagger

__all__ = ["NameSpan", "NameTagger", "find_role", "merge_entities", "name_key"]
