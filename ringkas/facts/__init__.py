"""Story facts: the dated timeline, each outlet's coverage and the conflicts between outlets,
built from a story's analysed documents (``build_timeline``, ``compare_coverage``,
``find_conflicts``)."""

from __future__ import annotations

from .conflicts import find_conflicts
from .coverage import compare_coverage, outlet_of
from .figures import Figure, find_figures
from .timeline import build_timeline

__all__ = ["Figure", "build_timeline", "compare_coverage", "find_conflicts", "find_figures", "outlet_of"]
