"""The cleaner against the hand-made gold of ../shared/seeds: every noise line, duplicate line,
byline and dateline prefix removed, no other body line lost, through .txt and through JSONL.

Prints removed-correct / removed-wrong / missed counts (run with ``-s`` to see them).
"""

import json
from collections import Counter
from datetime import date

import pytest

from ringkas.cleaning import Cleaner, fix_text, normalize_line
from ringkas.models import Article
from ringkas.reading import read_paths, split_lines
from tests.conftest import shared_path

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def gold():
    return json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def _same(text: str) -> str:
    return " ".join(text.split())


def score(article: Article, raw_body_lines: list[str], entry: dict) -> dict:
    """Compare one cleaned article with its gold entry; counts and the body lines lost."""
    expected = Counter(_same(x) for x in entry.get("noise_lines", []) + entry.get("duplicate_lines", []))
    if entry.get("byline"):
        expected[_same(entry["byline"])] += 1
    removed = Counter(_same(r.text) for r in article.removed if r.reason != "dateline")
    datelines = [r for r in article.removed if r.reason == "dateline"]
    correct = sum((expected & removed).values())
    wrong = sum((removed - expected).values())
    missed = sum((expected - removed).values())
    if entry.get("dateline"):
        hit = [r for r in datelines if entry["dateline"].lower() in r.text.lower()]
        correct += len(hit[:1])
        missed += 0 if hit else 1
        wrong += len(datelines) - len(hit[:1])
    else:
        wrong += len(datelines)
    # Every other body line must still be in the text (after the dateline prefix, mojibake repaired).
    gold_out = set(expected) | {_same(s) for s in entry.get("subheadings", [])}
    text_key = normalize_line(article.text)
    lost = []
    for line in raw_body_lines:
        if not line.strip() or _same(line) in gold_out:
            continue
        line = _same(line)
        for r in datelines:
            if line.startswith(r.text):
                line = line[len(r.text) :]
        if normalize_line(fix_text(line)) not in text_key:
            lost.append(line)
    return {"correct": correct, "wrong": wrong, "missed": missed, "lost": lost}


def report(name: str, rows: dict[str, dict]) -> None:
    print(f"\n{name}: article, removed-correct, removed-wrong, missed, body lines lost")
    for article_id, row in rows.items():
        print(f"  {article_id}  {row['correct']:3d} {row['wrong']:3d} {row['missed']:3d} {len(row['lost']):3d}")
    total = {k: sum(r[k] if k != "lost" else len(r[k]) for r in rows.values()) for k in next(iter(rows.values()))}
    print(f"  total                 {total['correct']:3d} {total['wrong']:3d} {total['missed']:3d} {total['lost']:3d}")


def check(rows: dict[str, dict], cleaned: dict[str, Article], gold: dict) -> None:
    for article_id, row in rows.items():
        assert row["missed"] == 0, article_id
        assert row["wrong"] == 0, (article_id, cleaned[article_id].removed)
        assert row["lost"] == [], article_id
        for heading in gold[article_id].get("subheadings", []):
            assert heading in cleaned[article_id].subheadings
            assert heading not in cleaned[article_id].text
    assert cleaned["004_09c633fbae8da99e"].published == date(2018, 5, 30)
    assert cleaned["004_09c633fbae8da99e"].outlet == "Liputan6.com"
    assert cleaned["004_09c633fbae8da99e"].metadata["dateline_place"] == "Moskow"
    assert cleaned["003_b724f73c1ca55076"].outlet == "Kontan"
    assert cleaned["003_b724f73c1ca55076"].metadata["dateline_place"] == "Vladivostok"
    assert cleaned["003_b724f73c1ca55076"].metadata["wire_source"] == "Reuters"
    assert cleaned["003_b724f73c1ca55076"].title == ""  # its first line is a byline, not a headline
    assert all(a.language == "id" for a in cleaned.values())


def test_seed_text_files(gold, cleaner):
    folder = shared_path("seeds")
    cleaned = {a.id: cleaner.clean(a) for a in read_paths([str(folder)]) if isinstance(a, Article)}
    assert sorted(cleaned) == sorted(gold)
    rows = {}
    for article_id, entry in gold.items():
        lines = split_lines((folder / f"{article_id}.txt").read_text(encoding="utf-8"))
        first = lines[0]
        # The first line is the headline, unless it is the byline or a dateline paragraph.
        not_headline = entry.get("byline") == first or entry.get("dateline", "~").lower() in first.lower()
        body = lines if not_headline else lines[1:]
        rows[article_id] = score(cleaned[article_id], body, entry)
    report("seeds/*.txt", rows)
    check(rows, cleaned, gold)


def test_seed_jsonl(gold, cleaner):
    path = shared_path("gold", "seeds-with-dates.jsonl")
    raw = {json.loads(line)["id"]: json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()}
    cleaned = {a.id: cleaner.clean(a) for a in read_paths([str(path)]) if isinstance(a, Article)}
    assert sorted(cleaned) == sorted(gold)
    rows = {}
    for article_id, entry in gold.items():
        title, text = raw[article_id]["title"], raw[article_id]["text"]
        in_body = entry.get("dateline") and entry["dateline"].lower() in title.lower()  # 004: a paragraph
        rows[article_id] = score(cleaned[article_id], ([title] if in_body else []) + split_lines(text), entry)
    report("gold/seeds-with-dates.jsonl", rows)
    check(rows, cleaned, gold)
    assert cleaned["000_f1e473b128159fc4"].published == date(2019, 4, 18)  # from the published field
