from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ringkas.entities.network import TokenNetwork

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip (with the reason) when this clone has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (seeds, gold, evaluation sets) sits beside the checkout in CI only")
    return path


# Labels of the small random name networks the network tests build.
NETWORK_LABELS = ["O", "B-PERSON", "I-PERSON"]


def random_token_network(seed: int, dim: int = 8, extra: int = 3, hidden: int = 5) -> TokenNetwork:
    """A name network (``entities.network.TokenNetwork``) of random weights over ASCII letters, for
    tests that compare two ways of computing its scores: ``dim`` vector and ``extra`` input columns."""
    import numpy as np

    from ringkas.entities.network import TokenNetwork

    rng = np.random.default_rng(seed)
    chars = {ch: n + 2 for n, ch in enumerate("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")}
    shapes = {
        "chars.weight": (len(chars) + 2, 4),
        "conv.weight": (6, 4, 3),
        "conv.bias": (6,),
        "out.weight": (len(NETWORK_LABELS), 2 * hidden),
        "out.bias": (len(NETWORK_LABELS),),
    }
    for suffix in ("", "_reverse"):
        shapes[f"lstm.weight_ih_l0{suffix}"] = (4 * hidden, dim + 6 + extra)
        shapes[f"lstm.weight_hh_l0{suffix}"] = (4 * hidden, hidden)
        shapes[f"lstm.bias_ih_l0{suffix}"] = (4 * hidden,)
        shapes[f"lstm.bias_hh_l0{suffix}"] = (4 * hidden,)
    params = {name: rng.normal(size=shape).astype(np.float32) for name, shape in shapes.items()}
    params["chars.weight"][0] = 0.0
    return TokenNetwork(NETWORK_LABELS, chars, params)


@pytest.fixture
def engine(tmp_path: Path):
    from ringkas import Engine

    with Engine(db=str(tmp_path / "test.db"), progress=False) as eng:
        yield eng
