"""Plain-JSON forms of the model objects, for the store, the exports and the API.

``to_jsonable`` turns dataclasses, dates and tuples into JSON values; ``from_jsonable``
rebuilds a dataclass from them using its type hints.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

T = TypeVar("T")


# Values that are their own JSON form (exact types: a subclass such as a str enum takes the
# general path below, which also returns it as it is).
_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_jsonable(value: Any) -> Any:
    kind: Any = type(value)
    if kind in _SCALARS:
        return value
    names = _field_names(kind)
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type."""
    if dataclasses.is_dataclass(kind):
        return tuple(f.name for f in dataclasses.fields(kind))
    return None


def from_jsonable(cls: type[T], data: Any) -> T:
    return typing.cast(T, _builder(typing.cast(Any, cls))(data))


def _same(data: Any) -> Any:
    return data


@functools.cache
def _builder(tp: Any) -> Callable[[Any], Any]:
    """The function that rebuilds a value of type ``tp`` from its JSON form (None stays None),
    made once per type: a store reads thousands of stories of the same few dataclasses."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _builder(args[0]) if len(args) == 1 else _same
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            each = _builder(items[0])
            return lambda data: None if data is None else tuple(each(v) for v in data)
        parts = [_builder(a) for a in items]  # fixed-length tuple
        return lambda data: None if data is None else tuple(b(v) for b, v in zip(parts, data, strict=False))
    if origin is dict or tp is Any:
        return _same
    if tp is date:
        return lambda data: None if data is None else date.fromisoformat(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _DataclassBuilder(tp)
    return _same


class _DataclassBuilder:
    """Rebuilds one dataclass; its fields' builders are found on first use (a dataclass may
    hold its own type)."""

    def __init__(self, tp: type) -> None:
        self.tp = tp
        self.fields: list[tuple[str, Callable[[Any], Any]]] | None = None

    def __call__(self, data: Any) -> Any:
        if data is None:
            return None
        if self.fields is None:
            self.fields = [(name, _builder(hint)) for name, hint in _field_hints(self.tp)]
        return self.tp(**{name: build(data[name]) for name, build in self.fields if name in data})


# Keyed by class (code, not data): resolving string annotations costs about 0.3 ms a class, and
# rebuilding one stored story touches dozens of nested dataclasses (10 s for 800 stories uncached).
@functools.cache
def _field_hints(tp: type) -> tuple[tuple[str, Any], ...]:
    """A dataclass's fields and their resolved types, in field order."""
    hints = typing.get_type_hints(tp)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(tp))
