"""Citations: every article that reports the fact of a summary sentence, found by similarity."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Citation, Document, SummarySentence
from ..tokens import Tokenizer
from ..vectors import tfidf_matrix
from .base import Candidate


def cite(
    documents: Sequence[Document], chosen: Sequence[Candidate], tokenizer: Tokenizer, threshold: float = 0.35
) -> list[SummarySentence]:
    """Each chosen sentence with its own article plus every article holding a similar sentence."""
    all_sentences = [(d, s) for d, doc in enumerate(documents) for s in doc.sentences]
    texts = [c.sentence.text for c in chosen] + [s.text for _, s in all_sentences]
    rows = tfidf_matrix(texts, tokenizer)
    picked, pool = rows[: len(chosen)], rows[len(chosen) :]
    sim = (picked @ pool.T).toarray() if len(chosen) and len(all_sentences) else None
    out = []
    for n, c in enumerate(chosen):
        best: dict[int, float] = {c.doc: 1.0}
        if sim is not None:
            for m, (d, _s) in enumerate(all_sentences):
                if sim[n, m] >= threshold and sim[n, m] > best.get(d, 0.0):
                    best[d] = float(sim[n, m])
        cited = sorted(best, key=lambda d: (d != c.doc, -best[d], documents[d].id))
        out.append(
            SummarySentence(
                text=c.sentence.text,
                article_id=documents[c.doc].id,
                sentence_index=c.sentence.index,
                citations=tuple(Citation(documents[d].id, documents[d].article.outlet) for d in cited),
            )
        )
    return out
