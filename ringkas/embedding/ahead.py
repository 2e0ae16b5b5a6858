"""Embedding ahead: the vectors a rebuild's clustering will ask for, made in a second process
while this one analyses the articles (names, dates, quotes), then put in the vector cache.

Analysis is Python and embedding is matrix products, so on two cores they overlap and the
embedding costs a rebuild of real Indonesian news almost no wall time. The child (``python -m
ringkas.embedding.ahead IN OUT``, a fresh interpreter: it shares no state, store connection or
thread with this process) embeds the texts the cache lacks in the batches ``cached_vectors``
would use, so the same floats, and clustering then finds them in the cache. A failure leaves the
cache as it was: clustering embeds what is missing in this process and reports its errors there.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from .cache import EMBED_BATCH, VectorCache

# Fewer texts than this are left to clustering, in this process: starting the child (its imports
# and the model: about two seconds of CPU) would cost more than the overlap saves.
MIN_TEXTS = 256


def usable_cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def embed_batches(embedder: str, options: dict[str, Any], batches: list[list[str]]) -> list[np.ndarray]:
    """Each batch's vectors, from one embedder (what the child runs)."""
    from . import make_embedder

    model = make_embedder(embedder, **options)
    return [model.embed(texts) for texts in batches]


class EmbeddingAhead:
    """``with EmbeddingAhead(...): analyse(...)``: when the block ends, the vectors of ``texts``
    (under ``keys``) that ``cache`` lacked are in it. Does nothing for fewer than ``min_texts``
    missing texts or on one core."""

    def __init__(
        self,
        keys: Sequence[str],
        texts: Sequence[str],
        cache: VectorCache,
        model_id: str,
        embedder: str,
        options: dict[str, Any],
        *,
        min_texts: int = MIN_TEXTS,
    ) -> None:
        self._cache = cache
        self._model_id = model_id
        self._keys: list[list[str]] = []
        self._child: subprocess.Popen[bytes] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        if len(keys) < min_texts or usable_cores() < 2:
            return
        found = cache.get(model_id, list(keys))
        missing = [i for i, key in enumerate(keys) if key not in found]
        if len(missing) < min_texts:
            return
        batches = [missing[start : start + EMBED_BATCH] for start in range(0, len(missing), EMBED_BATCH)]
        self._keys = [[keys[i] for i in batch] for batch in batches]
        self._folder = tempfile.TemporaryDirectory(prefix="ringkas-embed-")
        job = Path(self._folder.name) / "texts.pickle"
        job.write_bytes(pickle.dumps((embedder, options, [[texts[i] for i in b] for b in batches])))
        # the child imports this very ringkas, wherever it was imported from
        here = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)}
        command = [sys.executable, "-m", "ringkas.embedding.ahead", str(job), str(self._result)]
        try:
            self._child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            self._child = None

    @property
    def _result(self) -> Path:
        assert self._folder is not None
        return Path(self._folder.name) / "vectors.pickle"

    def __enter__(self) -> EmbeddingAhead:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._child is None or self._folder is None:
            return
        try:
            if kind is not None:  # analysis failed: the vectors are not needed now
                self._child.kill()
            if self._child.wait() == 0 and kind is None:
                rows = pickle.loads(self._result.read_bytes())
                for keys, vectors in zip(self._keys, rows, strict=True):
                    self._cache.put(self._model_id, {key: vectors[n] for n, key in enumerate(keys)})
        except (OSError, ValueError, pickle.UnpicklingError):
            pass  # clustering embeds what is missing and reports the errors itself
        finally:
            self._child = None
            self._folder.cleanup()


def main(argv: list[str]) -> int:
    """The child: read (embedder, options, batches) from ``argv[0]``, write the vectors to ``argv[1]``."""
    source, target = argv
    embedder, options, batches = pickle.loads(Path(source).read_bytes())
    Path(target).write_bytes(pickle.dumps(embed_batches(embedder, options, batches)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
