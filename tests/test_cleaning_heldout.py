"""The cleaner on real Indonesian news it was not written on: IndoSum (../shared/data/indosum).

IndoSum marks the sentences of each article that belong in its summary. On a fixed quarter of
the development articles (the full set: ``benchmarks/ingest.py``) the cleaner must remove none
of them, remove every "Baca juga" line, and keep listicle items it takes for subheadings few.
"""

import json
import re

import pytest

from ringkas.cleaning import Cleaner, fix_text, normalize_line
from ringkas.models import Article
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

# Measured on this subset (every 4th article, 537 articles): 0 removed, 0 "Baca juga" missed,
# 3 summary-worthy list items kept as subheadings rather than text.
MAX_MOVED_TO_SUBHEADINGS = 3
_RELATED = re.compile(r"^\W*(?:baca|simak|lihat)\s+juga\b", re.IGNORECASE)


def heldout_check(rows):
    """Counts over IndoSum rows: summary sentences removed / moved to subheadings, related links missed."""
    cleaner = Cleaner()
    counts = {"articles": 0, "summary sentences": 0, "removed": 0, "moved to subheadings": 0, "baca juga missed": 0}
    for row in rows:
        raw = row["articles"][0]
        article = cleaner.clean(Article(id=row["id"], title=raw.get("title") or "", text=raw["text"]))
        counts["articles"] += 1
        text = normalize_line(article.text)
        pieces = [normalize_line(r.text) for r in article.removed if normalize_line(r.text)]
        subheadings = [normalize_line(s) for s in article.subheadings]
        repair = cleaner.glue_repair((raw.get("title") or "") + "\n" + raw["text"])
        for paragraph, labels in zip(row["paragraphs"], row["gold_labels"], strict=True):
            for sentence, worthy in zip(paragraph, labels, strict=True):
                if not worthy or _RELATED.match(sentence):  # one gold "summary" sentence is a Baca juga link
                    continue
                counts["summary sentences"] += 1
                key = normalize_line(repair(fix_text(sentence))[0])  # "keJakarta": IndoSum's own glue, split
                for piece in pieces:  # a dateline prefix or reporter initials taken off the sentence's ends
                    if key.startswith(piece + " "):
                        key = key[len(piece) + 1 :]
                    if key.endswith(" " + piece):
                        key = key[: -len(piece) - 1]
                if key in text:
                    continue
                if key in subheadings:
                    counts["moved to subheadings"] += 1
                else:
                    counts["removed"] += 1
        removed = {normalize_line(r.text) for r in article.removed}
        for line in raw["text"].split("\n"):
            if _RELATED.match(line) and normalize_line(line) not in removed:
                counts["baca juga missed"] += 1
    return counts


def test_indosum_summary_sentences_survive_cleaning():
    path = shared_path("data", "indosum", "dev123.jsonl")
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for n, line in enumerate(handle) if n % 4 == 0]
    counts = heldout_check(rows)
    print("\nIndoSum dev (every 4th article):", ", ".join(f"{k} {v}" for k, v in counts.items()))
    assert counts["articles"] == 537
    assert counts["removed"] == 0
    assert counts["baca juga missed"] == 0
    assert counts["moved to subheadings"] <= MAX_MOVED_TO_SUBHEADINGS
