"""Very long texts: the scraper-duplicate check stays fast (exact repeats only past
``MAX_CONTAINMENT_LINES`` lines) and still finds copies in an article of normal length."""

from __future__ import annotations

import random
import time

from ringkas.cleaning.duplicates import MAX_CONTAINMENT_LINES, duplicate_lines

PLACES = ("Kendal", "Batang", "Demak", "Blora", "Rembang", "Pati", "Kudus", "Jepara")
DEEDS = ("memeriksa tanggul sungai", "membagikan beras kepada warga", "menambal jalan yang berlubang")


def paragraphs(count: int, seed: int) -> list[str]:
    """Generated paragraphs of our own wording, all different."""
    rng = random.Random(seed)
    return [
        f"Petugas dinas di {rng.choice(PLACES)} {rng.choice(DEEDS)} pada hari ke-{n} dan mencatat "
        f"{rng.randint(2, 900)} laporan warga tentang {rng.choice(DEEDS)} di kecamatan {rng.choice(PLACES)}."
        for n in range(count)
    ]


def test_copies_in_an_article_of_normal_length_are_found():
    lines = paragraphs(40, 1)
    glued = " ".join(lines[3:6])  # paragraphs run together, as nested-element scrapers leave them
    found = duplicate_lines([*lines, lines[7], glued])
    assert found == {40, 41}


def test_a_text_of_five_thousand_lines_takes_seconds_and_keeps_exact_repeats():
    lines = paragraphs(5_000, 2)
    lines[500] = lines[100]  # an exact repeat is still a copy
    lines[900] = " ".join(lines[10:13])  # glued paragraphs are only looked for in shorter texts
    assert len(lines) > MAX_CONTAINMENT_LINES
    start = time.process_time()
    found = duplicate_lines(lines)
    assert time.process_time() - start < 10  # trying every paragraph on every line: minutes
    assert found == {500}
