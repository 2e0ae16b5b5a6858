"""The name -> factory registries behind the summarizer, embedder and clusterer settings."""

from __future__ import annotations

import pytest

from ringkas.errors import ConfigError
from ringkas.registry import Registry
from ringkas.summarizing import SUMMARIZERS, make_summarizer


class Scaled:
    def __init__(self, factor: int = 1) -> None:
        self.factor = factor


def test_make_passes_options_to_the_factory():
    registry: Registry[Scaled] = Registry("scaler", {"scaled": Scaled})
    assert registry.make("scaled", factor=3).factor == 3
    assert registry.make("scaled").factor == 1


def test_unknown_name_names_the_kind_and_the_choices():
    registry: Registry[Scaled] = Registry("scaler", {"b": Scaled, "a": Scaled})
    with pytest.raises(ConfigError, match=r"unknown scaler 'c' \(known: a, b\)"):
        registry.make("c")


def test_register_adds_once():
    registry: Registry[Scaled] = Registry("scaler")
    registry.register("scaled", Scaled)
    assert list(registry) == ["scaled"]
    with pytest.raises(ConfigError, match="already registered"):
        registry.register("scaled", Scaled)


def test_summarizers_are_built_by_name():
    assert {"centroid", "coverage"} <= set(SUMMARIZERS)
    assert make_summarizer("centroid").name == "centroid"
    with pytest.raises(ConfigError, match="unknown summarizer"):
        make_summarizer("abstractive")
