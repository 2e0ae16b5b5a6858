"""Length specs shared by CLI and API: ``"4"`` sentences, ``"120w"`` words, ``"20%"`` of the input."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ConfigError

_SPEC = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(w|words?|%|s|sentences?)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LengthSpec:
    value: float
    unit: str  # "sentences" | "words" | "percent"

    @classmethod
    def parse(cls, spec: str | int | LengthSpec) -> LengthSpec:
        if isinstance(spec, LengthSpec):
            return spec
        match = _SPEC.match(str(spec))
        if not match or float(match.group(1)) <= 0:
            raise ConfigError(f'length {spec!r} is not "N" sentences, "Nw" words or "N%"')
        value = float(match.group(1))
        suffix = (match.group(2) or "s").lower()
        if suffix.startswith("w"):
            return cls(value, "words")
        if suffix == "%":
            if value > 100:
                raise ConfigError(f"length {spec!r} is over 100%")
            return cls(value, "percent")
        return cls(value, "sentences")

    def budget(self, total_sentences: int, total_words: int) -> tuple[int | None, int | None]:
        """(max sentences, max words) for an input of this size; None means unbounded."""
        if self.unit == "sentences":
            return max(1, int(self.value)), None
        if self.unit == "words":
            return None, max(1, int(self.value))
        return None, max(1, round(total_words * self.value / 100))
