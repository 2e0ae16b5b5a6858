from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip (with the reason) when this clone has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (seeds, gold, evaluation sets) sits beside the checkout in CI only")
    return path


@pytest.fixture
def engine(tmp_path: Path):
    from ringkas import Engine

    with Engine(db=str(tmp_path / "test.db"), progress=False) as eng:
        yield eng
