"""Plain-JSON forms of the model objects, for the store, the exports and the API.

``to_jsonable`` turns dataclasses, dates and tuples into JSON values; ``from_jsonable``
rebuilds a dataclass from them using its type hints.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date, datetime
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def from_jsonable(cls: type[T], data: Any) -> T:
    return typing.cast(T, _build(cls, data))


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(_build(items[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(items, data, strict=False))  # fixed-length tuple
    if origin is dict or tp is Any:
        return data
    if tp is date:
        return date.fromisoformat(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return tp(**{name: _build(hint, data[name]) for name, hint in _field_hints(tp) if name in data})
    return data


# Keyed by class (code, not data): resolving string annotations costs about 0.3 ms a class, and
# rebuilding one stored story touches dozens of nested dataclasses (10 s for 800 stories uncached).
@functools.cache
def _field_hints(tp: type) -> tuple[tuple[str, Any], ...]:
    """A dataclass's fields and their resolved types, in field order."""
    hints = typing.get_type_hints(tp)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(tp))
