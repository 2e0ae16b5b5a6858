"""The ringkas exception tree.

Every error ringkas raises on purpose is a ``RingkasError``; callers catch that one class.

    RingkasError
    ├── ConfigError            a setting, config file or flag is wrong
    ├── InputError             an input file, line, field or URL cannot be used
    │   ├── EmptyInputError        nothing to read (empty file, no article text)
    │   ├── IndexPageError         a home, section or index page: it lists articles, it is none
    │   ├── InputTooLargeError     over the size limit           (HTTP 413)
    │   ├── FormatError            undecodable bytes, bad JSON, broken feed entry
    │   │   ├── NestingTooDeepError    JSON nested deeper than the reader's limit
    │   │   └── NonFiniteNumberError   NaN, Infinity or a number too large for a float
    │   └── MoreErrors             stands for the errors of one input beyond the ones shown
    ├── AccessError            a request the web server refuses    (HTTP 401, 403, 415, ...)
    ├── StoreError             the SQLite store cannot be opened, migrated or written
    ├── NotFoundError          an unknown story or article id    (HTTP 404)
    └── ModelError             a model file or embedder cannot be loaded

API-facing errors carry ``status`` (an HTTP status code); the web layer renders them.
"""

from __future__ import annotations


class RingkasError(Exception):
    """Base class of every error ringkas raises on purpose."""

    status: int = 500

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        """One line for a user: where (file and line) and what was wrong."""
        where = ""
        if self.source:
            # repr-style when the name holds a control character: a newline cannot forge a line
            source = self.source if self.source.isprintable() else repr(self.source)
            where = source if self.line is None else f"{source}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class ConfigError(RingkasError):
    status = 400


class InputError(RingkasError):
    status = 400


class EmptyInputError(InputError):
    status = 422


class IndexPageError(InputError):
    status = 422


class InputTooLargeError(InputError):
    status = 413


class FormatError(InputError):
    status = 422


class NestingTooDeepError(FormatError):
    pass


class NonFiniteNumberError(FormatError):
    pass


class MoreErrors(InputError):
    """The errors of one input past the first few, told as one (``count`` of them)."""

    status = 422

    def __init__(self, message: str, *, count: int = 1, source: str | None = None, line: int | None = None) -> None:
        self.count = count
        super().__init__(message, source=source, line=line)


class AccessError(RingkasError):
    """A request the web server refuses: wrong host, cross-site, no token, read-only."""

    status = 403

    def __init__(self, message: str, *, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


class StoreError(RingkasError):
    status = 500


class NotFoundError(RingkasError):
    status = 404


class ModelError(RingkasError):
    status = 500
