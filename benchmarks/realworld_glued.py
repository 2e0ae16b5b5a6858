"""Words glued at link boundaries in real scraped news: how many ringkas splits, leaves and breaks.

    python benchmarks/realworld.py glued [--sample N] [--seed S]

Over ``../shared/data/realworld/stream.jsonl`` (every line of every article, the title included)
it counts glued-token candidates before and after ``ringkas.cleaning.repair``:

- ``case``: a lower->upper change inside a word whose left part is a dictionary word of two letters
  or more and whose right part starts a capitalised word of three letters or more (or an
  upper-case acronym of two): "diIran", "KabupatenTulungagung";
- ``bracket``: a bracket glued to a word on its outer side: "Agung(Kejagung)", "(Pemprov)Jawa";
- ``punct``: a comma, semicolon, colon, "!" or "?" glued to the next word, or a full stop glued to
  a capitalised word ("tersebut,harga", "ujarnya.Dia"); addresses, handles and decimals are no
  candidates;
- ``capitals``: two or more capitals glued to a lower-case dictionary word of three letters or
  more ("PBSImenyiapkan", "ODOLyang"; the joined form lower-cased must be no word: "DIberitakan");
- ``number``: a number glued to a lower-case dictionary word of three letters or more ("2025akan",
  "7model").

Precision has three checks. A case or name split "AB" -> "A B" is *suspect* when the joined form
"AB" is written in the stream, in another article, more often than "A B" (a real word is written
unsplit, a glue is a one-off next to many spaced uses); suspects are listed for eyeballing. The
same splits on IndoSum (``../shared/data/indosum/dev123.jsonl``, clean text without link glue)
should be glue IndoSum has itself ("keJakarta") and no cut word: it prints "IndoSum wrong splits"
(see ``indosum_splits``). A sample of splits is printed to read.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ringkas.cleaning import Cleaner  # noqa: E402
from ringkas.cleaning.repair import GlueRepair, function_words, is_untouchable  # noqa: E402

SHARED = ROOT.parent / "shared"
STREAM = SHARED / "data" / "realworld" / "stream.jsonl"
INDOSUM = SHARED / "data" / "indosum" / "dev123.jsonl"

_LETTERS = re.compile(r"[A-Za-z]+")
_CASE = re.compile(r"(?<![A-Za-z])([a-z]{2,}|[A-Z][a-z]+)([A-Z](?:[a-z]{2,}|[A-Z]+))")
_BRACKET = re.compile(r"[A-Za-z]{2}\([A-Za-z][^()\s]*\)|\)[A-Za-z]{2}")
_PUNCT = re.compile(r"[A-Za-z]{2}[,;:!?][A-Za-z]{2}|[a-z]{3}\.[A-Z][a-z]")
_CAPITALS = re.compile(r"(?<![A-Za-z])([A-Z]{2,})([a-z]{3,})(?![A-Za-z])")
_NUMBER = re.compile(r"(?<![\w.,])\d+([a-z]{3,})(?![A-Za-z])")


def candidates(line: str, cleaner: Cleaner) -> Counter[str]:
    """Glued-token candidates of one line, by kind."""
    found: Counter[str] = Counter()
    for token in line.split():
        if is_untouchable(token):
            continue
        for left, _right in _CASE.findall(token):
            if cleaner.is_indonesian_word(left.lower()):
                found["case"] += 1
        found["bracket"] += len(_BRACKET.findall(token))
        found["punct"] += len(_PUNCT.findall(token))
        for capitals, word in _CAPITALS.findall(token):
            if cleaner.is_indonesian_word(word) and not cleaner.is_indonesian_word((capitals + word).lower()):
                found["capitals"] += 1
        found["number"] += sum(cleaner.is_indonesian_word(word) for word in _NUMBER.findall(token))
    return found


def letter_splits(line: str, repair: GlueRepair) -> Iterator[tuple[str, str, str]]:
    """(joined, left, right) for every split inside a run of letters."""
    for token in line.split():
        if is_untouchable(token):
            continue
        for run in _LETTERS.findall(token):
            start = 0
            lower = repair.lower_cut(run)
            cuts = [lower] if lower else repair.cuts(run)
            for n, cut in enumerate(cuts):
                end = cuts[n + 1] if n + 1 < len(cuts) else len(run)
                yield run[start:end], run[start:cut], run[cut:end]
                start = cut


def token_changes(line: str, repair: GlueRepair) -> Iterator[tuple[str, str]]:
    for token in line.split(" "):
        fixed, count = repair.repair(token)
        if count:
            yield token, fixed


def articles(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def word_counts(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Letter runs, and pairs of runs written with one space between them."""
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for text in texts:
        runs = list(re.finditer(r"[A-Za-z]+", text))
        words.update(m.group(0) for m in runs)
        for a, b in itertools.pairwise(runs):
            if text[a.end() : b.start()] == " ":
                pairs[a.group(0) + " " + b.group(0)] += 1
    return words, pairs


def indosum_splits(cleaner: Cleaner, stopwords: frozenset[str]) -> None:
    """Splits on IndoSum's clean text, each inside a run of letters judged glue or wrong.

    IndoSum has glue of its own ("keJakarta", "Koreadan"). A split "AB" -> "A B" counts as glue
    when IndoSum writes "A B" with a space somewhere, or when "B" is a function word and IndoSum
    writes "A" on its own, unless IndoSum writes "AB" more often than once and than "A B"; any
    other split cuts a word ("MarlinBooking", "Instagram") and is wrong.
    """
    texts = [
        article.get("title", "") + "\n" + article["text"]
        for cluster in articles(INDOSUM)
        for article in cluster.get("articles", [])  # type: ignore[attr-defined]
    ]
    words, pairs = word_counts(texts)
    made = lines = 0
    examples: list[tuple[str, str]] = []
    letters: Counter[tuple[str, str, str]] = Counter()
    for text in texts:
        repair = cleaner.glue_repair(text)
        for line in text.split("\n"):
            lines += 1
            _, count = repair.repair(line)
            made += count
            if count:
                examples.extend(token_changes(line, repair))
                letters.update(letter_splits(line, repair))

    def glue(left: str, right: str) -> bool:
        spaced = pairs[f"{left} {right}"]
        if words[left + right] > max(1, spaced):
            return False  # written joined again and again ("MarlinBooking" 12x): a spelling
        return spaced > 0 or (right.lower() in stopwords and words[left] > 0)

    wrong = {split: n for split, n in letters.items() if not glue(split[1], split[2])}
    print(f"\nIndoSum (clean text): {made} splits over {lines} lines, {sum(letters.values())} inside a run of letters")
    print(f"IndoSum wrong splits (a word cut, not IndoSum's own glue): {sum(wrong.values())}")
    for (joined, left, right), n in letters.most_common():
        verdict = "WRONG" if (joined, left, right) in wrong else "glue"
        print(f"  {verdict:<5} {joined!r} -> {left} {right}  {n}x")
    print("other splits (brackets, punctuation), first 25:")
    for old, new in [e for e in examples if not _LETTERS.fullmatch(e[0])][:25]:
        print(f"  {old[:60]!r} -> {new[:70]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="realworld.py glued", description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=40, help="splits to print for eyeballing")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    if not STREAM.exists():
        print(f"missing {STREAM}: the realworld data lives in ../shared (see its README)", file=sys.stderr)
        return 2
    cleaner = Cleaner(identify_language=False)
    stopwords = function_words()
    stream = list(articles(STREAM))
    texts = [a.get("title", "") + "\n" + a["text"] for a in stream]
    words, pairs = word_counts(texts)

    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    splits = 0
    changed: list[tuple[str, str]] = []
    letter: Counter[tuple[str, str, str]] = Counter()
    for text in texts:
        repair = cleaner.glue_repair(text)
        for line in text.split("\n"):
            before.update(candidates(line, cleaner))
            fixed, count = repair.repair(line)
            after.update(candidates(fixed, cleaner))
            splits += count
            if count:
                changed.extend(token_changes(line, repair))
                letter.update(letter_splits(line, repair))

    print(f"stream: {len(stream)} articles, {splits} splits in {len(changed)} tokens")
    print(f"{'candidates':<10} {'before':>7} {'after':>7} {'repaired':>9}")
    for kind in ("case", "bracket", "punct", "capitals", "number"):
        print(f"{kind:<10} {before[kind]:>7} {after[kind]:>7} {before[kind] - after[kind]:>9}")
    total_before, total_after = sum(before.values()), sum(after.values())
    print(f"{'total':<10} {total_before:>7} {total_after:>7} {total_before - total_after:>9}")

    suspects = [
        (joined, left, right, n)
        for (joined, left, right), n in letter.items()
        if words[joined] > n and words[joined] - n > pairs[f"{left} {right}"]
    ]
    print(
        f"\nletter splits: {sum(letter.values())} ({len(letter)} distinct); suspect (the joined form is written "
        f"elsewhere more often than split): {sum(n for *_, n in suspects)} ({len(suspects)} distinct)"
    )
    for joined, left, right, n in sorted(suspects, key=lambda s: -words[s[0]])[:30]:
        spaced = pairs[f"{left} {right}"]
        print(f"  {joined!r:<24} -> {left} {right}   joined {words[joined]}x, split here {n}x, spaced {spaced}x")

    rng = random.Random(args.seed)
    print(f"\nsample of {min(args.sample, len(changed))} repaired tokens:")
    for old, new in rng.sample(changed, min(args.sample, len(changed))):
        print(f"  {old[:60]!r} -> {new[:70]!r}")

    if INDOSUM.exists():
        indosum_splits(cleaner, stopwords)
    else:
        print(f"\nIndoSum check skipped: {INDOSUM} is missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
