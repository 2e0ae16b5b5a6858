"""The page checks of ../shared/data/realworld/html/gold.jsonl (benchmarks/realworld_html.py) for ringkas."""

import pytest

from tests.conftest import shared_path

pytestmark = pytest.mark.shared

# Measured 2026-12-03: every check passes (290 of 290), the bar.
FLOOR = 290


def test_page_checks_hold_their_floor_and_the_structural_checks_all_pass():
    shared_path("data", "realworld", "html", "gold.jsonl")
    from benchmarks.realworld_html import load_gold, run_system, tally

    pages = run_system("ringkas", load_gold())
    assert not isinstance(pages, str), pages
    counts = tally(pages)
    for check in ("headline", "outlet", "index skipped", "body_first", "body_last"):
        ok, total = counts[check]
        assert ok == total, (
            check,
            [(p.file, d) for p in pages for c, passed, d in p.results if c == check and not passed],
        )
    assert sum(ok for ok, _ in counts.values()) >= FLOOR
