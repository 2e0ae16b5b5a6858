"""Registries: swappable algorithms (summarizers, embedders, clusterers) chosen by name.

A registry maps a name to a factory; ``make(name, **options)`` builds one and names the known
choices when the name is unknown. Adding an algorithm is one new module and one ``register``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import ConfigError

T = TypeVar("T")


class Registry(dict[str, Callable[..., T]], Generic[T]):
    """Factories by name for one kind of algorithm (``kind`` names it in error messages)."""

    def __init__(self, kind: str, factories: dict[str, Callable[..., T]] | None = None) -> None:
        super().__init__(factories or {})
        self.kind = kind

    def register(self, name: str, factory: Callable[..., T]) -> Callable[..., T]:
        """Add ``factory`` under ``name`` (a name is registered once)."""
        if name in self:
            raise ConfigError(f"{self.kind} {name!r} is already registered")
        self[name] = factory
        return factory

    def make(self, name: str, **options: Any) -> T:
        """A new ``name`` built with ``options``; ``ConfigError`` naming the choices if unknown."""
        try:
            factory = self[name]
        except KeyError:
            raise ConfigError(f"unknown {self.kind} {name!r} (known: {', '.join(sorted(self))})") from None
        return factory(**options)
