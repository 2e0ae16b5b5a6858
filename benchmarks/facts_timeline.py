"""Timeline checks: what an editor would reject in a story's timeline, counted per story.

    python benchmarks/facts.py timeline [--corpus samples/corpus] [--dev ../shared/data/realworld/clusters_dev.jsonl]
                                        [--examples 3]

On the sample corpus (the whole pipeline: read, analyse, cluster, build stories) and on the real
dev window (each annotated cluster of clusters_dev.jsonl taken as one story; read at run time,
never copied): entries with the same description, entries opening with a pronoun or a quote,
plans or forecasts not marked as such, more than 12 entries shown. Prints the counts and a few
stories' timelines as examples. Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Independent of ringkas's own lists on purpose: the words a reader sees as a subject pronoun
# or a plan, written here so that the check does not share the code's blind spots.
_PRONOUN_START = re.compile(r"^(?:ia|dia|beliau|mereka|kami|kita|saya|aku|menurut(?:nya| dia| mereka))\b", re.I)
_QUOTE_START = re.compile(r"^[\"“”'‘’«]")
_PLAN_WORDS = re.compile(
    r"\b(?:akan|dijadwalkan|direncanakan|rencananya|diperkirakan|diprediksi|berpeluang|berpotensi|bakal|ditargetkan)\b",
    re.I,
)
MAX_SHOWN = 12


def check_story(timeline: Sequence[Any]) -> dict[str, list[str]]:
    """The problems of one story's timeline, by check."""
    problems: dict[str, list[str]] = {
        "duplicate": [],
        "pronoun": [],
        "quote": [],
        "plan unmarked": [],
        "shown > 12": [],
    }
    seen: set[str] = set()
    for entry in timeline:
        key = " ".join(entry.text.lower().split())
        if key in seen:
            problems["duplicate"].append(entry.text)
        seen.add(key)
        if _PRONOUN_START.match(entry.text):
            problems["pronoun"].append(entry.text)
        if _QUOTE_START.match(entry.text):
            problems["quote"].append(entry.text)
        if _PLAN_WORDS.search(entry.text) and entry.kind == "event":
            problems["plan unmarked"].append(f"{entry.date} {entry.text}")
    shown = sum(1 for e in timeline if e.shown)
    if shown > MAX_SHOWN:
        problems["shown > 12"].append(f"{shown} shown")
    return problems


def sample_timelines(corpus: Path) -> list[tuple[str, Sequence[Any]]]:
    from ringkas import Engine

    with tempfile.TemporaryDirectory() as tmp, Engine(db=str(Path(tmp) / "t.db"), progress=False) as engine:
        _report, stories = engine.run([str(corpus)])
    return [(s.headline, s.timeline) for s in stories]


def dev_timelines(path: Path) -> list[tuple[str, Sequence[Any]]]:
    """Each annotated cluster of the dev window as one story's documents, its timeline built."""
    from ringkas import Engine
    from ringkas.errors import InputError
    from ringkas.facts import build_timeline

    clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    with tempfile.TemporaryDirectory() as tmp, Engine(db=":memory:", progress=False) as engine:
        rows = Path(tmp) / "dev.jsonl"
        with rows.open("w", encoding="utf-8") as f:
            for cluster in clusters:
                for a in cluster["articles"]:
                    row = {k: a.get(k) for k in ("id", "title", "text", "published", "url")}
                    f.write(json.dumps({**row, "outlet": a.get("source"), "language": "id"}, ensure_ascii=False) + "\n")
        articles = {a.id: a for a in engine.read([str(rows)]) if not isinstance(a, InputError)}
        for cluster in clusters:
            documents = [engine.analyzer.analyse(articles[a["id"]]) for a in cluster["articles"] if a["id"] in articles]
            if documents:
                out.append((documents[0].article.title, build_timeline(documents, engine.analyzer.tokenizer)))
    return out


def report(name: str, stories: Sequence[tuple[str, Sequence[Any]]], examples: int) -> int:
    totals: dict[str, int] = {}
    entries = shown = plans = background = 0
    failing = 0
    for _headline, timeline in stories:
        entries += len(timeline)
        shown += sum(1 for e in timeline if e.shown)
        plans += sum(1 for e in timeline if e.kind == "plan")
        background += sum(1 for e in timeline if e.kind == "background")
        for check, found in check_story(timeline).items():
            totals[check] = totals.get(check, 0) + len(found)
            failing += len(found)
    print(
        f"{name}: {len(stories)} stories, {entries} entries ({shown} shown, {plans} plans, "
        f"{background} background); most in one story: {max((len(t) for _, t in stories), default=0)}"
    )
    for check, count in totals.items():
        print(f"  {check:<16}{count:>5}")
    for headline, timeline in stories:
        for check, found in check_story(timeline).items():
            for text in found:
                print(f"  !! {check}: {text[:100]}  [{headline[:40]}]")
    busiest = sorted(stories, key=lambda s: -len(s[1]))[:examples]
    for headline, timeline in busiest:
        print(f"  -- {headline[:90]}")
        for entry in timeline:
            flag = "" if entry.shown else " (more)"
            print(f"     {entry.date:<22}{entry.kind:<11}{len(entry.article_ids)} art. {entry.text[:110]}{flag}")
    return failing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "samples" / "corpus")
    parser.add_argument("--dev", type=Path, default=SHARED / "data" / "realworld" / "clusters_dev.jsonl")
    parser.add_argument("--examples", type=int, default=2)
    args = parser.parse_args(argv)
    failing = report("sample corpus", sample_timelines(args.corpus), args.examples)
    if args.dev.exists():
        failing += report("real dev window", dev_timelines(args.dev), args.examples)
    else:
        print(f"absent: {args.dev} (../shared sits beside the checkout in CI only); dev window not checked")
    print("all checks pass" if not failing else f"{failing} problems")
    return 1 if failing else 0
