"""Errors that cross process boundaries intact.

A pickled exception is rebuilt from its message alone, which would lose the file and line an
``InputError`` names; workers send this record instead and the driver rebuilds the error.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import errors
from ..errors import InputError


@dataclass(frozen=True)
class PortableError:
    kind: str
    message: str
    source: str | None
    line: int | None

    @classmethod
    def of(cls, error: InputError) -> PortableError:
        return cls(type(error).__name__, error.message, error.source, error.line)

    def rebuild(self) -> InputError:
        kind = getattr(errors, self.kind, InputError)
        if not (isinstance(kind, type) and issubclass(kind, InputError)):
            kind = InputError
        return kind(self.message, source=self.source, line=self.line)
