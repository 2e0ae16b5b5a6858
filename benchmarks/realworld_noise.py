"""Noise on real scraped news: which annotated noise lines survive cleaning, and which body lines are lost.

    python benchmarks/realworld.py noise [--show kept|lost|all|none] [--data DIR]

Reads ``noise_dev.jsonl`` (line-level gold: noise lines with their kind, 3 body lines that must stay)
and the article texts from ``stream.jsonl`` in ``../shared/data/realworld/``, runs the real
``Cleaner`` on each article and prints, per kind of noise, how many noise lines it kept; then the
body lines it lost. Text is printed to the terminal only (truncated), never written anywhere.

A raw line counts as kept when something of it is left after taking away what the cleaner
recorded as removed from that line (whole-line removals and inline pieces such as a dateline
prefix or a glued "Baca juga" link), and that rest is found in the cleaned text or the
subheadings. Comparison ignores case, punctuation and spaces, so a repair that splits glued words
("diIranmenyusul") does not count as a loss.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ringkas.cleaning import Cleaner, fix_text  # noqa: E402
from ringkas.cleaning.noise import words_of  # noqa: E402
from ringkas.models import Article  # noqa: E402
from ringkas.reading.json import article_from_mapping  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "realworld"
BAR_KEPT = 0.03  # issue 14: at most 3% of the annotated noise lines kept on noise_dev


def _key(text: str) -> str:
    """Letters and digits only, lower case: what is compared between a raw line and the output."""
    return "".join(words_of(fix_text(text)))


def line_outcomes(cleaned: Article, raw_lines: list[str]) -> list[bool]:
    """For each raw body line: whether (some of) it is still in the cleaned article."""
    pieces: dict[int, list[str]] = defaultdict(list)
    for removed in cleaned.removed:
        pieces[removed.line].append(_key(removed.text))
    output = _key(cleaned.text) + "\x00" + "\x00".join(_key(s) for s in cleaned.subheadings)
    kept = []
    for index, raw in enumerate(raw_lines):
        rest = _key(raw)
        for piece in sorted(pieces.get(index, ()), key=len, reverse=True):
            if piece:
                rest = rest.replace(piece, "", 1)
        kept.append(bool(rest) and rest in output)
    return kept


def measure(noise_rows: list[dict], texts: dict[str, dict], cleaner: Cleaner) -> dict:
    """Per-kind counts of noise lines kept, body lines lost, and the lines behind each count."""
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [lines, kept]
    kept_noise: list[tuple[str, int, str, str]] = []
    lost_body: list[tuple[str, int, str]] = []
    body_total = 0
    for row in noise_rows:
        record = texts[row["id"]]
        raw_lines = record["text"].split("\n")
        article = article_from_mapping(record, source="stream.jsonl", fallback_id=row["id"])
        # The reader strips blank lines off the ends of the text; gold indexes the text as scraped.
        lead = len(record["text"]) - len(record["text"].lstrip("\n"))
        outcome = [False] * lead + line_outcomes(cleaner.clean(article), raw_lines[lead:])
        for index, kind in zip(row["noise_line_idx"], row["noise_types"], strict=True):
            per_kind[kind][0] += 1
            if outcome[index]:
                per_kind[kind][1] += 1
                kept_noise.append((row["id"], index, kind, raw_lines[index]))
        for index in row["body_line_idx"]:
            body_total += 1
            if not outcome[index]:
                lost_body.append((row["id"], index, raw_lines[index]))
    return {"per_kind": dict(per_kind), "kept": kept_noise, "lost": lost_body, "body": body_total}


def load(data: Path) -> tuple[list[dict], dict[str, dict]]:
    gold = (data / "noise_dev.jsonl").read_text(encoding="utf-8")
    noise_rows = [json.loads(line) for line in gold.splitlines() if line.strip()]
    wanted = {row["id"] for row in noise_rows}
    texts = {}
    with (data / "stream.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record
    return noise_rows, texts


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="realworld.py noise", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with noise_dev.jsonl and stream.jsonl")
    parser.add_argument("--show", choices=("kept", "lost", "all", "none"), default="all")
    args = parser.parse_args(argv)
    if not (args.data / "noise_dev.jsonl").exists() or not (args.data / "stream.jsonl").exists():
        print(f"{args.data} has no noise_dev.jsonl / stream.jsonl: the real-news set sits in ../shared beside the")
        print("checkout (it is measurement data and never copied into the repository); nothing measured.")
        return 2
    noise_rows, texts = load(args.data)
    result = measure(noise_rows, texts, Cleaner())

    print(f"noise_dev: {len(noise_rows)} articles\n")
    print(f"{'kind':<16}{'lines':>7}{'kept':>7}{'% kept':>9}")
    total = kept = 0
    for kind, (lines, kept_here) in sorted(result["per_kind"].items(), key=lambda kv: -kv[1][0]):
        total += lines
        kept += kept_here
        print(f"{kind:<16}{lines:>7}{kept_here:>7}{100 * kept_here / lines:>8.1f}%")
    share = kept / total if total else 0.0
    print(f"{'total':<16}{total:>7}{kept:>7}{100 * share:>8.1f}%")
    print(f"\nbody lines lost: {len(result['lost'])} of {result['body']}")
    if args.show in ("kept", "all") and result["kept"]:
        print("\nnoise lines kept:")
        for article_id, index, kind, text in result["kept"]:
            print(f"  {article_id}:{index:<3} {kind:<14} {_short(text)}")
    if args.show in ("lost", "all") and result["lost"]:
        print("\nbody lines lost:")
        for article_id, index, text in result["lost"]:
            print(f"  {article_id}:{index:<3} {_short(text)}")
    passed = share <= BAR_KEPT and not result["lost"]
    print(f"\nbar (<= {100 * BAR_KEPT:.0f}% kept, 0 body lost): {'met' if passed else 'not met'}")
    return 0
