"""A dictionary of known names for the name tagger: multi-word and single-word names with their
usual kind, read from the NERP corpus by ``scripts/train_ner.py`` (lower-cased news, so it lends
the tagger knowledge of names the NERGrit training sentences never show). A match is a feature,
not a decision: the CRF learns how far to trust it."""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from ..errors import ModelError

DICTIONARY_NAME = "ner-names.tsv.gz"
MAX_WORDS = 6


class NameDictionary:
    """Lower-cased word sequences and their kind; ``matches`` marks the longest match at each
    capitalised word of a sentence."""

    def __init__(self, names: dict[tuple[str, ...], str]) -> None:
        self.names = names

    @classmethod
    def from_examples(cls, examples: Iterable[tuple[tuple[str, ...], str]]) -> NameDictionary:
        """The majority kind of each word sequence seen as a name."""
        counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for words, kind in examples:
            if 0 < len(words) <= MAX_WORDS:
                counts[tuple(w.lower() for w in words)][kind] += 1
        return cls({words: c.most_common(1)[0][0] for words, c in counts.items()})

    @classmethod
    def load(cls, path: str | Path | None = None) -> NameDictionary:
        try:
            if path is not None:
                raw = Path(path).read_bytes()
            else:
                raw = resources.files("ringkas.data").joinpath(DICTIONARY_NAME).read_bytes()
            lines = gzip.decompress(raw).decode("utf-8").splitlines()
        except (OSError, EOFError) as exc:
            raise ModelError(f"cannot read the name dictionary: {exc}") from exc
        names = {}
        for line in lines:
            kind, _, text = line.partition("\t")
            if text:
                names[tuple(text.split(" "))] = kind
        return cls(names)

    def save(self, path: str | Path) -> None:
        lines = sorted(f"{kind}\t{' '.join(words)}" for words, kind in self.names.items())
        Path(path).write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))

    def matches(self, words: list[str]) -> list[str]:
        """Per word: "B-KIND" or "I-KIND" inside the longest known name starting at a
        capitalised word, "" elsewhere."""
        lower = [w.lower() for w in words]
        out = [""] * len(words)
        i = 0
        while i < len(words):
            if words[i][:1].isupper():
                for j in range(min(len(words), i + MAX_WORDS), i, -1):
                    kind = self.names.get(tuple(lower[i:j]))
                    if kind:
                        out[i] = "B-" + kind
                        for k in range(i + 1, j):
                            out[k] = "I-" + kind
                        i = j - 1
                        break
            i += 1
        return out
