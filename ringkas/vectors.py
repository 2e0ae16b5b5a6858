"""Vectors: TF-IDF over content words (stopwords out, Indonesian stems), shared by clustering,
summarizing and citing so that every stage weighs words the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .tokens import Tokenizer

if TYPE_CHECKING:
    from scipy import sparse


def tfidf_matrix(texts: Sequence[str], tokenizer: Tokenizer, *, min_df: int = 1) -> sparse.csr_matrix:
    """L2-normalized sublinear TF-IDF rows, one per text (empty texts give zero rows)."""
    # scikit-learn and scipy load here, on first use: importing them costs more than a second of
    # start-up that ``ringkas --help`` and ``ringkas stories`` do not need.
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not texts:
        return sparse.csr_matrix((0, 0))
    vectorizer = TfidfVectorizer(
        analyzer=tokenizer.content_words, sublinear_tf=True, min_df=min_df, norm="l2", dtype=np.float32
    )
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # no content words at all
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)


def cosine_matrix(rows: sparse.csr_matrix) -> np.ndarray:
    """Cosine similarities of L2-normalized rows."""
    return np.asarray((rows @ rows.T).toarray(), dtype=np.float32)
