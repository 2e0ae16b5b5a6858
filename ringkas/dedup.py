"""Near-duplicates: copies of one wire story across outlets, marked, never dropped.

Each article's clean text becomes a MinHash of its word 3-grams (datasketch); a MinHashLSH
index finds earlier articles that share most of them. A later copy gets
``Article.duplicate_of`` = the id of the earliest copy (by publication date, then by the order
it was read) and ``metadata["duplicate_similarity"]`` (to the closest earlier copy with that
root); the earliest copy is untouched.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from .models import Article

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 3
# Fewer distinct 3-grams than this (a teaser, a one-line brief) is too little to call a copy.
MIN_SHINGLES = 12
# Tuned on ../shared/data/clustering/mmds_dev.jsonl: of 213 same-event article pairs, the ten
# at 3-gram Jaccard 0.52-0.95 are wire copies (one story, two outlets); the next, at 0.39 and
# below, are separately written reports. A planted copy with a new dateline and one word in
# ten replaced keeps a median Jaccard of 0.54 (benchmarks/ingest.py --dedup).
JACCARD = 0.5
# A shortened copy (an outlet runs the first half of the wire story) shares few 3-grams with the
# whole, but most of its own: containment catches it.
CONTAINMENT = 0.8
_CANDIDATE_JACCARD = 0.3  # what the LSH index is built to surface; the exact test is above
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class _Entry:
    key: tuple[date, int]  # (publication date or date.max, arrival order): earliest first
    minhash: MinHash
    size: int  # distinct 3-grams
    root: str  # id of the earliest copy (itself when it is the original)


class DuplicateMarker:
    """Remembers the articles it has seen (one per engine) and marks later near-copies."""

    def __init__(self, *, jaccard: float = JACCARD, containment: float = CONTAINMENT, num_perm: int = 128) -> None:
        self.jaccard = jaccard
        self.containment = containment
        self.num_perm = num_perm
        # datasketch loads here: importing it (and the scipy it brings) is slow start-up that
        # commands which never mark copies do not need.
        from datasketch import MinHash, MinHashLSH

        self._minhash_type = MinHash
        self._lsh = MinHashLSH(threshold=min(_CANDIDATE_JACCARD, jaccard), num_perm=num_perm)
        self._seed = MinHash(num_perm=num_perm, hashfunc=zlib.crc32)
        self._entries: dict[str, _Entry] = {}
        self._arrivals = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def remember(self, articles: Iterable[Article]) -> None:
        """Index articles already stored, so new copies of them are found (nothing is marked)."""
        for article in sorted(articles, key=_date_key):
            if article.id not in self._entries:
                self._add(article, article.duplicate_of or article.id)

    def mark(self, articles: Sequence[Article]) -> list[Article]:
        """The batch in its order, each later near-copy marked with the id of its earliest copy."""
        order = sorted(range(len(articles)), key=lambda i: (_date_key(articles[i]), i))
        out = list(articles)
        for i in order:
            article = articles[i]
            if article.id in self._entries:  # a new version of a known article: judge it afresh
                self._forget(article.id)
            signature = self._minhash(article)  # once: the search and the index take the same
            found = self._earliest_copy(article, signature)
            if found is None:
                self._add(article, article.id, signature)
                continue
            root, similarity = found
            metadata = dict(article.metadata)
            metadata["duplicate_similarity"] = round(similarity, 2)
            out[i] = replace(article, duplicate_of=root, metadata=metadata)
            self._add(article, root, signature)
        return out

    def _earliest_copy(self, article: Article, signature: tuple[MinHash | None, int]) -> tuple[str, float] | None:
        minhash, size = signature
        if minhash is None:
            return None
        key = (_date_key(article), self._arrivals)
        # The earliest root wins; among the candidates of that root, the most similar one gives
        # the similarity, the earliest of equally similar ones breaking the tie: the LSH index
        # returns its candidates in the order of Python's string hashing, which varies by run.
        best: tuple[tuple[date, int], float, tuple[date, int], str] | None = None
        for other_id in self._lsh.query(minhash):
            other = self._entries[other_id]
            if other.key > key:  # a later copy cannot be the original
                continue
            jaccard = minhash.jaccard(other.minhash)
            # |A ∩ B| from the Jaccard estimate and both sizes; containment of the smaller one.
            shared = jaccard * (size + other.size) / (1 + jaccard)
            contained = shared / max(1, min(size, other.size))
            if jaccard >= self.jaccard or contained >= self.containment:
                root_key = self._entries[other.root].key if other.root in self._entries else other.key
                found = (root_key, -max(jaccard, contained), other.key, other.root)
                if best is None or found < best:
                    best = found
        return None if best is None else (best[3], -best[1])

    def _add(self, article: Article, root: str, signature: tuple[MinHash | None, int] | None = None) -> None:
        minhash, size = self._minhash(article) if signature is None else signature
        self._arrivals += 1
        if minhash is None:
            return
        self._entries[article.id] = _Entry((_date_key(article), self._arrivals), minhash, size, root)
        self._lsh.insert(article.id, minhash)

    def _forget(self, article_id: str) -> None:
        self._entries.pop(article_id, None)
        if article_id in self._lsh:
            self._lsh.remove(article_id)

    def _minhash(self, article: Article) -> tuple[MinHash | None, int]:
        shingles = shingles_of(article.text)
        if len(shingles) < MIN_SHINGLES:
            return None, len(shingles)
        minhash = self._minhash_type(
            num_perm=self.num_perm, permutations=self._seed.permutations, scheme=self._seed.scheme, hashfunc=zlib.crc32
        )
        minhash.update_batch(list(shingles))
        return minhash, len(shingles)


def shingles_of(text: str) -> set[bytes]:
    """The distinct word 3-grams of a text, lower-cased."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def _date_key(article: Article) -> date:
    return article.published or date.max
