import pytest

from ringkas.errors import ConfigError
from ringkas.lengths import LengthSpec


@pytest.mark.parametrize(
    ("spec", "unit", "value"),
    [("4", "sentences", 4), ("120w", "words", 120), ("20%", "percent", 20), (" 7 words", "words", 7)],
)
def test_specs(spec, unit, value):
    parsed = LengthSpec.parse(spec)
    assert (parsed.unit, parsed.value) == (unit, value)


def test_budget():
    assert LengthSpec.parse("3").budget(40, 800) == (3, None)
    assert LengthSpec.parse("100w").budget(40, 800) == (None, 100)
    assert LengthSpec.parse("10%").budget(40, 800) == (None, 80)


@pytest.mark.parametrize("spec", ["", "0", "abc", "150%", "-3"])
def test_bad_specs(spec):
    with pytest.raises(ConfigError):
        LengthSpec.parse(spec)
