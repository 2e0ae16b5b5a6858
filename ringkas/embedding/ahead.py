"""Embedding ahead: the vectors a rebuild's clustering will ask for, made in a second process
while this one analyses the articles (names, dates, quotes), handed to clustering batch by batch
and put in the vector cache.

Analysis is Python and embedding is matrix products, so on two cores they overlap. The child
(``python -m ringkas.embedding.ahead FOLDER``, a fresh interpreter: it shares no state, store
connection or thread with this process) embeds the texts the cache lacks in the batches
``cached_vectors`` would use, so the same floats, in order, telling each batch it finishes on
its standard output. Each batch is claimed first (a file created exclusively): when clustering
reaches a batch the child has not claimed yet, this process embeds it itself (the same batch,
so the same floats), so the two processes share the embedding that outlasts the analysis and
clustering goes on beside it. A failure leaves what is missing to this process, which reports
its errors.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import numpy as np

from .cache import EMBED_BATCH, VectorCache

# Fewer texts than this are left to clustering, in this process: starting the child (its imports
# and the model: about two seconds of CPU) would cost more than the overlap saves.
MIN_TEXTS = 256

# this process's embedder, for the batches it takes over
Embed = Callable[[Sequence[str]], np.ndarray]


def usable_cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def claim(folder: Path, batch: int) -> bool:
    """Take ``batch`` for the calling process: False when the other one took it first."""
    try:
        os.close(os.open(folder / f"claim-{batch}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def result_path(folder: Path, batch: int) -> Path:
    return folder / f"vectors-{batch}.npy"


def embed_batches(folder: Path, embedder: str, options: dict[str, Any], batches: list[list[str]], out: IO[str]) -> None:
    """What the child runs: each batch not claimed by the parent, embedded in order, its vectors
    written to ``vectors-N.npy`` and its number to ``out``."""
    from . import make_embedder

    model = make_embedder(embedder, **options)
    for n, texts in enumerate(batches):
        if not claim(folder, n):
            continue
        vectors = model.embed(texts)
        partial = folder / f"vectors-{n}.part.npy"
        np.save(partial, vectors)
        os.replace(partial, result_path(folder, n))
        out.write(f"{n}\n")
        out.flush()


class EmbeddingAhead:
    """``with EmbeddingAhead(...) as ahead: analyse(...); cluster(ahead.vectors())``: the vectors
    of ``keys`` in order. When the block ends, the vectors of ``texts`` (under ``keys``) that
    ``cache`` lacked are in it. Does nothing (``active`` False) for fewer than ``min_texts``
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
        embed: Embed | None = None,
        batch: int = EMBED_BATCH,
    ) -> None:
        self._cache = cache
        self._model_id = model_id
        self._texts = texts
        self._embed = embed
        self._all_keys = list(keys)
        self._found: dict[str, np.ndarray] = {}
        self._batches: list[list[int]] = []  # indexes into keys
        self._put: set[int] = set()  # batches already in the cache
        self._finished: set[int] = set()  # batches the child reported
        self._child: subprocess.Popen[str] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        if len(keys) < min_texts or usable_cores() < 2:
            return
        self._found = cache.get(model_id, list(keys))
        missing = [i for i, key in enumerate(keys) if key not in self._found]
        if len(missing) < min_texts:
            return
        self._batches = [missing[start : start + batch] for start in range(0, len(missing), batch)]
        self._folder = tempfile.TemporaryDirectory(prefix="ringkas-embed-")
        job = self._path / "texts.pickle"
        job.write_bytes(pickle.dumps((embedder, options, [[texts[i] for i in b] for b in self._batches])))
        # the child imports this very ringkas, wherever it was imported from
        here = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)}
        command = [sys.executable, "-m", "ringkas.embedding.ahead", str(self._path)]
        try:
            self._child = subprocess.Popen(
                command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
            )
        except OSError:
            self._child = None

    @property
    def _path(self) -> Path:
        assert self._folder is not None
        return Path(self._folder.name)

    @property
    def active(self) -> bool:
        """Whether a child embeds the texts (``vectors`` serves them)."""
        return self._child is not None

    def __enter__(self) -> EmbeddingAhead:
        return self

    def vectors(self) -> Iterator[np.ndarray]:
        """Every key's vector in order (only when ``active``): cached ones as read, the others
        batch by batch as the child finishes them, or made here with ``embed`` when the child
        has not started a batch yet or has stopped. Each batch goes into the cache as it comes."""
        if self._embed is None:
            raise ValueError("EmbeddingAhead.vectors needs this process's embedder (embed=...)")
        batch_of = {i: n for n, batch in enumerate(self._batches) for i in batch}
        rows: dict[int, np.ndarray] = {}  # key index -> vector, of the batch at hand
        for i, key in enumerate(self._all_keys):
            found = self._found.get(key)
            if found is not None:
                yield found
                continue
            if i not in rows:
                n = batch_of[i]
                rows = dict(zip(self._batches[n], self._batch(n), strict=True))
            yield rows[i]

    def _batch(self, n: int) -> np.ndarray:
        """Batch ``n``'s vectors, from the child or made here; put in the cache."""
        assert self._embed is not None
        vectors: np.ndarray | None = None
        if not claim(self._path, n):  # the child took it: wait for it
            while n not in self._finished and self._child_reports():
                pass
            try:
                vectors = np.load(result_path(self._path, n)) if n in self._finished else None
            except (OSError, ValueError):
                vectors = None
        if vectors is None:  # not started by the child, or it stopped before finishing it
            vectors = self._embed([self._texts[i] for i in self._batches[n]])
        self._store(n, vectors)
        return vectors

    def _child_reports(self) -> bool:
        """Read the next batch number the child reports; False when it has stopped."""
        if self._child is None or self._child.stdout is None:
            return False
        line = self._child.stdout.readline()
        if not line:
            return False
        try:
            self._finished.add(int(line))
        except ValueError:
            return False
        return True

    def _store(self, n: int, vectors: np.ndarray) -> None:
        keys = [self._all_keys[i] for i in self._batches[n]]
        self._cache.put(self._model_id, {key: vectors[row] for row, key in enumerate(keys)})
        self._put.add(n)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._child is None or self._folder is None:
            return
        try:
            if kind is not None:  # analysis or clustering failed: the vectors are not needed now
                self._child.kill()
            else:  # what the child made and nobody read yet goes into the cache
                while self._child_reports():
                    pass
                for n in sorted(self._finished - self._put):
                    self._store(n, np.load(result_path(self._path, n)))
            self._child.wait()
        except (OSError, ValueError):
            pass  # clustering embeds what is missing and reports the errors itself
        finally:
            if self._child.stdout is not None:
                self._child.stdout.close()
            self._child = None
            self._folder.cleanup()


def main(argv: list[str]) -> int:
    """The child: embed the batches of ``FOLDER/texts.pickle`` (``embed_batches``)."""
    folder = Path(argv[0])
    embedder, options, batches = pickle.loads((folder / "texts.pickle").read_bytes())
    embed_batches(folder, embedder, options, batches, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
