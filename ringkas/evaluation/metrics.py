"""Scores: BCubed precision/recall/F1 for clusterings (kept with clustering, whose training
reads them; named here for the evaluation runners)."""

from __future__ import annotations

from ..clustering.scores import BCubed, bcubed

__all__ = ["BCubed", "bcubed"]
