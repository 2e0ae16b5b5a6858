"""Cleaning in two processes: a batch's later articles are cleaned by a second process (``python
-m ringkas.cleaning.parallel IN OUT``, a fresh interpreter) while this one cleans the earlier ones.

Cleaning is per article (a ``Cleaner`` keeps nothing between articles that changes a result), so
the split gives the articles one process would give, in the same order; on two cores an ingest of
real news takes about half the time. A child that fails leaves its articles to this process.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..children import start_child, usable_cores
from ..errors import RingkasError
from ..models import Article

# Fewer articles than this are cleaned here: starting the child (its imports, the language model
# and the root-word list: about a second and a half of CPU) would cost more than it saves.
MIN_ARTICLES = 200
# The child's share: less than half, as it starts later (its imports and models).
CHILD_SHARE = 0.45

# What cleaning one article gives: the cleaned article, or the message of the error it raised.
Cleaned = Article | str


def clean_each(articles: Sequence[Article], clean: Callable[[Article], Article]) -> list[Cleaned]:
    """Each article cleaned, or the message of the ``RingkasError`` cleaning it raised."""
    out: list[Cleaned] = []
    for article in articles:
        try:
            out.append(clean(article))
        except RingkasError as exc:
            out.append(exc.message)
    return out


def clean_in_two(
    articles: Sequence[Article], clean: Callable[[Article], Article], *, min_articles: int | None = None
) -> Iterator[Cleaned]:
    """``clean_each`` over ``articles``, in order, the later share cleaned by a second process
    (with a default ``Cleaner``) when there are ``min_articles`` (default ``MIN_ARTICLES``) and two
    cores."""
    if len(articles) < (MIN_ARTICLES if min_articles is None else min_articles) or usable_cores() < 2:
        yield from clean_each(articles, clean)
        return
    split = len(articles) - int(len(articles) * CHILD_SHARE)
    with tempfile.TemporaryDirectory(prefix="ringkas-clean-") as folder:
        job, result = Path(folder) / "articles.pickle", Path(folder) / "cleaned.pickle"
        job.write_bytes(pickle.dumps(list(articles[split:])))
        child = start_child("ringkas.cleaning.parallel", job, result)
        try:
            for article in articles[:split]:
                yield from clean_each([article], clean)
        except BaseException:  # an error here, or the caller stopped early: the child's work is moot
            if child is not None:
                child.kill()
                child.wait()
            raise
        rest: list[Cleaned] | None = None
        if child is not None and child.wait() == 0:
            try:
                rest = pickle.loads(result.read_bytes())
            except (OSError, ValueError, pickle.UnpicklingError):
                rest = None
        if rest is None or len(rest) != len(articles) - split:
            rest = clean_each(articles[split:], clean)
        yield from rest


def main(argv: list[str]) -> int:
    """The child: clean the articles pickled in ``argv[0]`` and pickle the results to ``argv[1]``."""
    from . import Cleaner

    source, target = argv
    articles = pickle.loads(Path(source).read_bytes())
    Path(target).write_bytes(pickle.dumps(clean_each(articles, Cleaner().clean)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
