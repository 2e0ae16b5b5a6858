"""Vector caches: embed each text once. ``StoreVectorCache`` keeps vectors in the engine's store
(keyed by article id; the store drops them when an article's text changes); ``FileVectorCache``
keeps them in a SQLite file under a directory the user names (keyed by a hash of the text), for
evaluation runs over files that are not in a store.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..errors import StoreError

if TYPE_CHECKING:
    from ..storing import Store


class VectorCache(Protocol):
    def get(self, model_id: str, keys: list[str]) -> dict[str, np.ndarray]: ...

    def put(self, model_id: str, vectors: dict[str, np.ndarray]) -> None: ...


class StoreVectorCache:
    """The store's ``vectors`` table; keys are article ids."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, model_id: str, keys: list[str]) -> dict[str, np.ndarray]:
        return self.store.vectors(model_id, keys)

    def put(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        try:
            self.store.put_vectors(model_id, vectors)
        except sqlite3.IntegrityError:  # some are not stored articles (a caller's own documents)
            for key, vector in vectors.items():
                with contextlib.suppress(sqlite3.IntegrityError):
                    self.store.put_vectors(model_id, {key: vector})


class FileVectorCache:
    """``DIR/vectors.sqlite``: one row per (model, text hash)."""

    def __init__(self, directory: str | Path) -> None:
        path = Path(directory) / "vectors.sqlite"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), isolation_level=None)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, vector BLOB, PRIMARY KEY (model, key))"
            )
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the vector cache: {exc}", source=str(path)) from None
        self.path = path

    def get(self, model_id: str, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})", [model_id, *part]
            )
            for key, blob in rows:
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        self._db.execute("BEGIN")
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors (model, key, vector) VALUES (?,?,?)",
            [(model_id, k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()],
        )
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


# Texts embedded at a time (``cached_vectors``, ``clustering.ahead``): a batch's vectors are
# written to the cache together.
EMBED_BATCH = 64


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cached_vectors(
    embed: Callable[[Sequence[str]], np.ndarray],
    model_id: str,
    dim: int,
    keys: Sequence[str],
    texts: Sequence[str],
    cache: VectorCache | None,
    *,
    batch: int = EMBED_BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """Vectors of ``texts`` (row i for ``keys[i]``): cached ones read, the rest embedded in batches
    and written back batch by batch (an interrupted run keeps what it embedded)."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    found = cache.get(model_id, list(keys)) if cache is not None else {}
    missing = []
    for i, key in enumerate(keys):
        vector = found.get(key)
        if vector is not None and vector.shape == (dim,):
            out[i] = vector
        else:
            missing.append(i)
    done = len(keys) - len(missing)
    for start in range(0, len(missing), batch):
        part = missing[start : start + batch]
        rows = embed([texts[i] for i in part])
        out[part] = rows
        if cache is not None:
            cache.put(model_id, {keys[i]: rows[n] for n, i in enumerate(part)})
        done += len(part)
        if progress:
            progress(done, len(keys))
    return out
