"""Date expressions on IndoTimex and on the seed timeline, ringkas beside dateparser.

    python benchmarks/dates.py [--errors]

IndoTimex dev (``../shared/data/timex/indotimex_dev.jsonl``, 13 kompas.com articles): gold
DATE and TIME expressions with TIMEX3 values. Detection is scored with overlap matching (a
prediction matches an unmatched gold expression it overlaps), normalization as the share of
matched expressions whose value equals the gold value. dateparser's ``search_dates`` with
``languages=['id']`` and the publication date as its relative base runs on the same texts; its
datetimes are compared at the gold value's granularity (day, month, year, or minute for TIME).

The seed check reads ``../shared/gold/seeds.json``: every timeline entry must get its date from
an expression inside its evidence text in ``../shared/gold/seeds-with-dates.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ringkas.models import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TIMEX = SHARED / "data" / "timex" / "indotimex_dev.jsonl"
SEEDS_WITH_DATES = SHARED / "gold" / "seeds-with-dates.jsonl"
SEEDS_GOLD = SHARED / "gold" / "seeds.json"
TYPES = ("DATE", "TIME")


@dataclass(frozen=True)
class Expression:
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class TimexArticle:
    id: str
    text: str
    published: date
    gold: tuple[Expression, ...]


def load_timex(path: Path = TIMEX) -> Iterator[TimexArticle]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            gold = tuple(Expression(t["start"], t["end"], t["value"]) for t in row["timexes"] if t["type"] in TYPES)
            yield TimexArticle(row["id"], row["text"], date.fromisoformat(row["dct"]), gold)


# A system maps (text, publication date) to expressions; ``value`` may be a predicate when the
# system's values are datetimes rather than TIMEX3 strings.
System = Callable[[str, date], list[Expression]]


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.correct / self.matched if self.matched else 0.0


def score(system: System, articles: list[TimexArticle], same_value: Callable[[str, str], bool] | None = None) -> Scores:
    same = same_value or (lambda predicted, gold: predicted == gold)
    out = Scores()
    for article in articles:
        started = time.perf_counter()
        predicted = system(article.text, article.published)
        out.seconds += time.perf_counter() - started
        out.gold += len(article.gold)
        out.predicted += len(predicted)
        free = list(article.gold)
        for p in predicted:
            hit = next((g for g in free if p.start < g.end and g.start < p.end), None)
            if hit is None:
                out.misses.append(f"extra   {article.id} {article.text[p.start : p.end]!r} {p.value}")
                continue
            free.remove(hit)
            out.matched += 1
            if same(p.value, hit.value):
                out.correct += 1
            else:
                out.misses.append(
                    f"value   {article.id} {article.text[p.start : p.end]!r} {p.value} (gold "
                    f"{article.text[hit.start : hit.end]!r} {hit.value})"
                )
        out.misses.extend(f"missed  {article.id} {article.text[g.start : g.end]!r} {g.value}" for g in free)
    return out


def ringkas_system() -> System:
    from ringkas.dates import DateFinder

    finder = DateFinder()
    return lambda text, published: [Expression(t.start, t.end, t.value) for t in finder.find(text, published)]


def dateparser_system() -> System:
    from dateparser.search import search_dates

    def run(text: str, published: date) -> list[Expression]:
        from datetime import datetime

        base = datetime(published.year, published.month, published.day, 12, 0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["id"], settings={"RELATIVE_BASE": base}) or []
        out, cursor = [], 0
        for piece, when in found:
            start = text.find(piece, cursor)
            if start < 0:
                continue
            cursor = start + len(piece)
            out.append(Expression(start, cursor, when.strftime("%Y-%m-%dT%H:%M")))
        return out

    return run


def same_at_gold_granularity(predicted: str, gold: str) -> bool:
    """A dateparser datetime against a TIMEX3 value: compare as many characters as gold names."""
    if gold[:1].isdigit() and len(gold) in (4, 7, 10, 16):
        return predicted[: len(gold)] == gold
    return False


@dataclass(frozen=True)
class TimelineCheck:
    article: str
    gold_date: str
    evidence: str
    found: str | None  # the ISO value ringkas gave the expression inside the evidence


def analyse_seeds(seeds_with_dates: Path = SEEDS_WITH_DATES) -> dict[str, Document]:
    """The seed articles analysed as the engine would, by id. Each seed's first line (``title``)
    is analysed as the text's first paragraph: in one seed it holds the lead, not a headline."""
    from ringkas.analysis import Analyzer
    from ringkas.models import Article

    analyzer = Analyzer()
    documents = {}
    with seeds_with_dates.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = (row["title"] + "\n" + row["text"]) if row["title"] else row["text"]
            article = Article(
                id=row["id"],
                title="",
                text=text,
                outlet=row.get("source"),
                published=date.fromisoformat(row["published"]),
                language="id",
            )
            documents[row["id"]] = analyzer.analyse(article)
    return documents


def check_seed_timeline(seeds_with_dates: Path = SEEDS_WITH_DATES, gold_path: Path = SEEDS_GOLD) -> list[TimelineCheck]:
    """Each gold timeline entry: does an expression inside its evidence resolve to its date?"""
    documents = analyse_seeds(seeds_with_dates)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    checks = []
    for entry in gold["timeline"]:
        document = documents[entry["article"]]
        text = document.article.text
        at = text.find(entry["evidence"])
        found = None
        if at >= 0:
            inside = [t for t in document.times if t.start < at + len(entry["evidence"]) and at < t.end]
            values = [t.value for t in inside]
            found = entry["date"] if entry["date"] in values else (values[0] if values else None)
        checks.append(TimelineCheck(entry["article"], entry["date"], entry["evidence"], found))
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong value of ringkas")
    args = parser.parse_args(argv)
    if not TIMEX.exists():
        print(f"{TIMEX} is absent: this benchmark needs ../shared beside the checkout", file=sys.stderr)
        return 2
    articles = list(load_timex())
    ours = score(ringkas_system(), articles)
    theirs = score(dateparser_system(), articles, same_at_gold_granularity)
    print(f"IndoTimex dev: {len(articles)} articles, {ours.gold} gold DATE/TIME expressions (overlap matching)")
    header = f"{'system':28} {'P':>6} {'R':>6} {'F1':>6} {'value acc':>10} {'ms/article':>11} {'time x':>7}"
    print(header)
    print("-" * len(header))
    for name, s in (("ringkas", ours), ("dateparser search_dates id", theirs)):
        ms = 1000 * s.seconds / len(articles)
        ratio = s.seconds / ours.seconds if ours.seconds else float("nan")
        print(
            f"{name:28} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.value_accuracy:10.3f} {ms:11.2f} {ratio:7.1f}"
        )
    if args.errors:
        print("\n".join(ours.misses))
    if SEEDS_GOLD.exists():
        checks = check_seed_timeline()
        good = sum(c.found == c.gold_date for c in checks)
        print(f"\nSeed timeline: {good}/{len(checks)} gold entries get their date")
        for c in checks:
            mark = "ok " if c.found == c.gold_date else "BAD"
            print(f"  {mark} {c.article[:3]} {c.gold_date:10} found {c.found!s:22} in {c.evidence!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
