"""Coverage: how each outlet covers a story — its articles and when it published, which of
the story's summary facts and quotes it carries, what only it reports, and where its numbers
or dates disagree with another outlet's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..models import Conflict, Document, OutletCoverage, Quote, SummarySentence
from ..tokens import Tokenizer
from ..vectors import tfidf_matrix

# Similarity above which another outlet's sentence reports the same fact (the citation threshold).
SAME_FACT = 0.35
MAX_UNIQUE = 5
MIN_UNIQUE_WORDS = 6
_FACTUAL = re.compile(r"\d|\s[A-Z]")  # a number, or a name after the first word


def outlet_of(document: Document) -> str:
    """The outlet an article counts for; an article without one stands for itself."""
    return document.article.outlet or document.id


def compare_coverage(
    documents: Sequence[Document],
    summary: Sequence[SummarySentence],
    quotes: Sequence[Quote],
    conflicts: Sequence[Conflict],
    tokenizer: Tokenizer,
) -> tuple[OutletCoverage, ...]:
    """One ``OutletCoverage`` per outlet, in order of first publication."""
    by_outlet: dict[str, list[Document]] = {}
    for document in documents:
        by_outlet.setdefault(outlet_of(document), []).append(document)
    unique = _unique_facts(documents, tokenizer) if len(by_outlet) > 1 else {}
    out = []
    for outlet, docs in by_outlet.items():
        ids = {d.id for d in docs}
        dates = sorted(d.article.published for d in docs if d.article.published)
        out.append(
            OutletCoverage(
                outlet=outlet,
                article_ids=tuple(d.id for d in docs),
                unique=tuple(unique.get(outlet, ())),
                conflicts=tuple(c for c in conflicts if any(set(a) & ids for _v, a in c.values)),
                published=dates[0] if dates else None,
                facts=tuple(n for n, s in enumerate(summary) if any(c.article_id in ids for c in s.citations)),
                quotes=tuple(n for n, q in enumerate(quotes) if q.article_id in ids),
            )
        )
    return tuple(out)


def _quoted(document: Document, start: int, end: int) -> bool:
    """Whether a sentence overlaps a direct quote: quotes are listed apart, not as facts."""
    return any(q.direct and q.start < end and start < q.end for q in document.quotes)


def _unique_facts(documents: Sequence[Document], tokenizer: Tokenizer) -> dict[str, list[str]]:
    """Per outlet, its most central fact-bearing sentences that no other outlet reports."""
    rows = [(outlet_of(d), s.text) for d in documents for s in d.sentences if not _quoted(d, s.start, s.end)]
    if not rows:
        return {}
    matrix = tfidf_matrix([text for _, text in rows], tokenizer)
    relevance = matrix @ np.asarray(matrix.mean(axis=0)).ravel()
    outlets = np.array([o for o, _ in rows])
    if len(set(outlets)) < 2:
        return {}
    found: dict[str, list[tuple[float, str]]] = {}
    for outlet in dict.fromkeys(o for o, _ in rows):
        own = np.flatnonzero(outlets == outlet)
        # Best similarity of each of its sentences to any other outlet's (sparse: stories can be large).
        best = (matrix[own] @ matrix[outlets != outlet].T).max(axis=1).toarray().ravel()
        for n, score in zip(own, best, strict=True):
            text = rows[n][1]
            if score >= SAME_FACT or len(text.split()) < MIN_UNIQUE_WORDS or not _FACTUAL.search(text):
                continue
            found.setdefault(outlet, []).append((float(relevance[n]), text))
    return {o: [t for _, t in sorted(items, key=lambda x: -x[0])[:MAX_UNIQUE]] for o, items in found.items()}
