"""Sentence splitting on IndoSum: boundary F1 against the gold split, ringkas beside baselines.

    python benchmarks/sentences.py [--limit N] [--errors K]

IndoSum (``../shared/data/indosum/dev123.jsonl``) gives each article's text and, in
``paragraphs``, its gold sentences. The gold was tokenized and detokenized, so boundaries are
compared as offsets into the text with every whitespace character removed. Two figures per
splitter: F1 over all boundaries, and over the boundaries inside a paragraph only (the hard
ones: a newline is a boundary for every splitter). Baselines run on the same text in the same
process: nltk Punkt given ringkas's abbreviation lists, nltk Punkt with none, and a plain regex
(split after . ! ? and a space).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
INDOSUM = ROOT.parent / "shared" / "data" / "indosum" / "dev123.jsonl"

# A splitter maps text to the (start, end) character spans of its sentences.
Splitter = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    sentence_lengths: tuple[int, ...]  # non-whitespace characters per gold sentence
    paragraph_ends: frozenset[int]  # boundaries (non-whitespace offsets) that end a paragraph


def load_indosum(path: Path = INDOSUM, limit: int | None = None) -> Iterator[GoldArticle]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            row = json.loads(line)
            lengths: list[int] = []
            paragraph_ends: set[int] = set()
            offset = 0
            for paragraph in row["paragraphs"]:
                for sentence in paragraph:
                    size = len(_squeeze(sentence))
                    lengths.append(size)
                    offset += size
                paragraph_ends.add(offset)
            yield GoldArticle(row["id"], row["articles"][0]["text"], tuple(lengths), frozenset(paragraph_ends))


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def gold_boundaries(article: GoldArticle) -> set[int]:
    out, offset = set(), 0
    for size in article.sentence_lengths[:-1]:
        offset += size
        out.add(offset)
    return out


def predicted_boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Non-whitespace offsets where the predicted sentences end (the text's end excluded)."""
    dense = [0] * (len(text) + 1)
    count = 0
    for i, ch in enumerate(text):
        dense[i] = count
        if not ch.isspace():
            count += 1
    dense[len(text)] = count
    out = {dense[end] for _start, end in spans}
    out.discard(count)
    out.discard(0)
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[int], gold: set[int]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Result:
    name: str
    all: Score
    inner: Score
    seconds: float
    chars: int
    errors: list[tuple[str, str, str]]  # (article id, kind, context)


def evaluate(name: str, splitter: Splitter, articles: list[GoldArticle], keep_errors: int = 0) -> Result:
    every, inner = Score(), Score()
    errors: list[tuple[str, str, str]] = []
    seconds = 0.0
    chars = 0
    for article in articles:
        started = time.perf_counter()
        spans = splitter(article.text)
        seconds += time.perf_counter() - started
        chars += len(article.text)
        predicted = predicted_boundaries(article.text, spans)
        gold = gold_boundaries(article)
        every.add(predicted, gold)
        inner.add(predicted - article.paragraph_ends, gold - article.paragraph_ends)
        if len(errors) < keep_errors:
            dense = _squeeze(article.text)
            for kind, offsets in (("split", predicted - gold), ("missed", gold - predicted)):
                for offset in sorted(offsets):
                    context = dense[max(0, offset - 40) : offset] + " | " + dense[offset : offset + 30]
                    errors.append((article.id, kind, context))
    return Result(name, every, inner, seconds, chars, errors)


def ringkas_splitter() -> Splitter:
    from ringkas.sentences import SentenceSplitter

    splitter = SentenceSplitter()
    return lambda text: [(s.start, s.end) for s in splitter.split(text)]


def punkt_plain() -> Splitter:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return _by_line(PunktSentenceTokenizer())


def punkt_with_our_abbreviations() -> Splitter:
    """nltk's Punkt given ringkas's abbreviation lists (titles and ending abbreviations) and no
    other rule: what the library alone does with the same word lists."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from ringkas.sentences import ENDING_ABBREVIATIONS, TITLE_ABBREVIATIONS

    params = PunktParameters()
    params.abbrev_types = set(TITLE_ABBREVIATIONS | ENDING_ABBREVIATIONS)
    return _by_line(PunktSentenceTokenizer(params))


def _by_line(punkt: Any) -> Splitter:
    """A Punkt tokenizer run on each line (a newline is a boundary for every splitter)."""

    def split(text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        offset = 0
        for line in text.split("\n"):
            out.extend((offset + a, offset + b) for a, b in punkt.span_tokenize(line))
            offset += len(line) + 1
        return out

    return split


_REGEX_END = re.compile(r"(?<=[.!?])\s+|\n+")


def regex_splitter() -> Splitter:
    def split(text: str) -> list[tuple[int, int]]:
        out, start = [], 0
        for match in _REGEX_END.finditer(text):
            out.append((start, match.start()))
            start = match.end()
        out.append((start, len(text)))
        return [(a, b) for a, b in out if text[a:b].strip()]

    return split


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print the first K boundary errors of ringkas")
    args = parser.parse_args(argv)
    if not INDOSUM.exists():
        print(f"{INDOSUM} is absent: this benchmark needs ../shared beside the checkout", file=sys.stderr)
        return 2
    articles = list(load_indosum(limit=args.limit))
    results = [
        evaluate("ringkas", ringkas_splitter(), articles, keep_errors=args.errors),
        evaluate("nltk punkt (our abbreviations)", punkt_with_our_abbreviations(), articles),
        evaluate("nltk punkt (no abbreviations)", punkt_plain(), articles),
        evaluate("regex [.!?] + space", regex_splitter(), articles),
    ]
    print(f"IndoSum dev123: {len(articles)} articles, {sum(len(a.sentence_lengths) for a in articles)} gold sentences")
    header = f"{'splitter':32} {'F1 all':>7} {'P':>6} {'R':>6} {'F1 inner':>9} {'k chars/s':>10} {'time x':>7}"
    print(header)
    print("-" * len(header))
    base = results[0]
    for r in results:
        speed = r.chars / r.seconds / 1000 if r.seconds else float("inf")
        ratio = r.seconds / base.seconds if base.seconds else float("nan")
        print(
            f"{r.name:32} {r.all.f1:7.4f} {r.all.precision:6.3f} {r.all.recall:6.3f} {r.inner.f1:9.4f}"
            f" {speed:10.0f} {ratio:7.2f}"
        )
    for article_id, kind, context in base.errors:
        print(f"{kind:6} {article_id[:40]:40} {context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
