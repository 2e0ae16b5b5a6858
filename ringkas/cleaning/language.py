"""Language identification, per article, with py3langid (its model ships inside the wheel).

Measured on ../shared/data: IndoSum 2,146/2,146 Indonesian articles and all 30 Malay articles
of the MMDS dev set labelled right when the whole article is classified, while short single
sentences confuse the two; so decide per article, never per sentence.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ModelError

# Below this many letters the guess is noise: leave the language unknown.
MIN_LETTERS = 40
# The opening of an article decides its language; classifying more costs time, not accuracy
# (the same IndoSum / MMDS figures with 2,000 characters as with the whole text).
_SAMPLE_CHARS = 2000
_LETTERS = re.compile(r"[^\W\d_]")


class LanguageIdentifier:
    """Loads the py3langid model on first use and keeps it (one per engine, not per process)."""

    def __init__(self) -> None:
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                from py3langid.langid import MODEL_FILE
                from py3langid.langid import LanguageIdentifier as _Model
            except ImportError as exc:  # pragma: no cover - a dependency of the package
                raise ModelError(f"py3langid is not installed: {exc}") from None
            self._model = _Model.from_model_file(MODEL_FILE, norm_probs=True)
        return self._model

    def identify(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, or None when there is too little text."""
        sample = text[:_SAMPLE_CHARS]
        if len(_LETTERS.findall(sample, 0, 400)) < MIN_LETTERS and len(_LETTERS.findall(sample)) < MIN_LETTERS:
            return None
        code, _probability = self._load().classify(sample)
        return str(code)


def normalize_language(value: str | None) -> str | None:
    """ "id-ID", "ID", "id_ID" -> "id"; unknown shapes are kept as given."""
    if not value:
        return None
    text = value.strip()
    head = text.replace("_", "-").split("-")[0]
    if len(head) == 2 and head.isalpha():
        return head.lower()
    names = {"indonesian": "id", "bahasa indonesia": "id", "english": "en", "malay": "ms", "bahasa melayu": "ms"}
    return names.get(text.lower(), text)
