"""Citations: every article that reports the fact of a summary sentence, found by similarity.

An article reports a summary sentence's fact when one of its sentences, or its headline, is
similar enough to it: cosine of IDF-weighted content words (stems, hyphenated names split so
"Kim-Jong-un" meets "Kim Jong Un"), the IDF taken over the story itself. The source article is
always cited first, the others by how closely they match, each outlet once with all its
articles together (a reader sees "outlet (2)", never "outlet; outlet").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ..models import Citation, Document, SummarySentence
from ..tokens import Tokenizer
from .base import CJK, Candidate, is_cjk

_WORD = re.compile(f"[{CJK}]|[^\\W_{CJK}]+", re.UNICODE)


def citation_terms(text: str, tokenizer: Tokenizer) -> Counter[str]:
    """Stemmed content words of a text (stopwords and one-letter words out)."""
    stop = tokenizer.stopwords
    words = _WORD.findall(text.lower())
    return Counter(tokenizer.stem(w) for w in words if (len(w) > 1 or is_cjk(w)) and w not in stop)


def stem_ahead(texts: Iterable[str], tokenizer: Tokenizer) -> Iterator[None]:
    """Stem the words ``citation_terms`` will ask of these texts, one text per step: work a
    rebuild does while it waits for its clustering process (the stems are the same, found
    earlier)."""
    stop = tokenizer.stopwords
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if len(word) > 1 and word not in stop:
                tokenizer.stem(word)
        yield


def by_outlet(documents: Sequence[Document], source: int, best: dict[int, float]) -> list[int]:
    """The cited articles grouped by outlet: the source's outlet first, then the others by their
    closest match; within an outlet the source first, then by match."""

    def outlet(d: int) -> str:
        return documents[d].article.outlet or "article:" + documents[d].id

    groups: dict[str, list[int]] = {}
    for d in sorted(best, key=lambda d: (d != source, -best[d], documents[d].id)):
        groups.setdefault(outlet(d), []).append(d)
    return [d for members in groups.values() for d in members]


def outlet_groups(citations: Sequence[Citation]) -> list[tuple[str, tuple[Citation, ...]]]:
    """(outlet, its cited articles) in citation order, each outlet once; an article without an
    outlet stands alone under its id."""
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.outlet or c.article_id, []).append(c)
    return [(name, tuple(members)) for name, members in groups.items()]


def citation_label(citations: Sequence[Citation]) -> str:
    """How a summary sentence's citations read: "outlet (2 articles); other outlet"."""
    return "; ".join(
        name if len(members) == 1 else f"{name} ({len(members)} articles)" for name, members in outlet_groups(citations)
    )


def cite(
    documents: Sequence[Document], chosen: Sequence[Candidate], tokenizer: Tokenizer, threshold: float = 0.35
) -> list[SummarySentence]:
    """Each chosen sentence with its own article plus every article holding a similar sentence
    (or headline), most similar first."""
    if len(documents) == 1:  # nothing to compare with: each sentence cites its own article
        only = documents[0]
        return [
            SummarySentence(
                text=c.sentence.text,
                article_id=only.id,
                sentence_index=c.sentence.index,
                citations=(Citation(only.id, only.article.outlet, c.sentence.index),),
            )
            for c in chosen
        ]
    # (article, sentence index or None for the headline, terms) for every sentence and headline
    units: list[tuple[int, int | None, Counter[str]]] = []
    for d, doc in enumerate(documents):
        units.extend((d, s.index, citation_terms(s.text, tokenizer)) for s in doc.sentences)
        if doc.article.title.strip():
            units.append((d, None, citation_terms(doc.article.title, tokenizer)))
    df: Counter[str] = Counter()
    for _, _, terms in units:
        df.update(terms.keys())
    n = len(units) + 1
    idf = {t: math.log(n / (1 + f)) + 1.0 for t, f in df.items()}

    def vector(terms: Counter[str]) -> tuple[dict[str, float], float]:
        weights = {t: (1.0 + math.log(c)) * idf.get(t, math.log(n) + 1.0) for t, c in terms.items()}
        return weights, math.sqrt(sum(w * w for w in weights.values()))

    vectors = [(d, index, *vector(terms)) for d, index, terms in units]
    out = []
    for c in chosen:
        own, own_norm = vector(citation_terms(c.sentence.text, tokenizer))
        best: dict[int, float] = {c.doc: 1.0}
        where: dict[int, int | None] = {c.doc: c.sentence.index}
        if own_norm:
            for d, index, weights, norm in vectors:
                if d == c.doc or not norm:
                    continue
                small, large = (own, weights) if len(own) < len(weights) else (weights, own)
                similarity = sum(w * large.get(t, 0.0) for t, w in small.items()) / (own_norm * norm)
                if similarity >= threshold and similarity > best.get(d, 0.0):
                    best[d], where[d] = similarity, index
        cited = by_outlet(documents, c.doc, best)
        out.append(
            SummarySentence(
                text=c.sentence.text,
                article_id=documents[c.doc].id,
                sentence_index=c.sentence.index,
                citations=tuple(Citation(documents[d].id, documents[d].article.outlet, where[d]) for d in cited),
            )
        )
    return out
