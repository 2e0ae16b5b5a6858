"""The name tagger's CPU time on real Indonesian news, and a check that a change keeps its output.

    python benchmarks/names_speed.py [--limit N] [--network on|off] [--profile K]
                                     [--dump FILE] [--compare FILE]

Reads the last N articles (default 300) of ``../shared/data/realworld/stream.jsonl``, cleans
them and splits their sentences as ``ringkas run`` does (untimed), then tags every sentence of
the Indonesian articles with a fresh ``NameTagger`` in batches of ``NAME_BATCH_SENTENCES``, as
``Analyzer`` does. Prints the CPU seconds of loading the models and of tagging, and the tagging
CPU seconds per 1,000 articles (CPU time: the machine is shared, wall time is noisy).

``--dump FILE`` writes every sentence's tokens and name spans (JSON lines) to FILE, outside the
repository; ``--compare FILE`` tags again and reports every sentence whose tokens or spans differ
from FILE's (status 1 if any), so a speed change can show it leaves the names unchanged.
``--profile K`` prints the K most expensive functions of a cProfile run of the tagging.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STREAM = ROOT.parent / "shared" / "data" / "realworld" / "stream.jsonl"
sys.path.insert(0, str(ROOT))


def sentence_texts(limit: int) -> tuple[int, list[str]]:
    """(Indonesian articles, their sentences' texts) of the stream's last ``limit`` articles."""
    from ringkas.analysis import INDONESIAN, MAX_ANALYSED_CHARS, analysed_part
    from ringkas.cleaning import Cleaner
    from ringkas.errors import RingkasError
    from ringkas.models import Article
    from ringkas.reading import read_paths
    from ringkas.sentences import SentenceSplitter

    items = [item for item in read_paths([str(STREAM)]) if isinstance(item, Article)][-limit:]
    cleaner, splitter = Cleaner(), SentenceSplitter()
    articles, texts = 0, []
    for item in items:
        try:
            article = analysed_part(cleaner.clean(item), MAX_ANALYSED_CHARS)
        except RingkasError:
            continue
        if not article.text.strip() or (article.language is not None and article.language not in INDONESIAN):
            continue
        articles += 1
        texts.extend(s.text for s in splitter.split(article.text, article.id))
    return articles, texts


def resident_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def tag_all(tagger: object, texts: list[str]) -> list[tuple[list[object], list[object]]]:
    from ringkas.analysis import NAME_BATCH_SENTENCES

    out = []
    for at in range(0, len(texts), NAME_BATCH_SENTENCES):
        out.extend(tagger.find_tokens_many(texts[at : at + NAME_BATCH_SENTENCES]))  # type: ignore[attr-defined]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--network", choices=("on", "off"), default="on")
    parser.add_argument("--profile", type=int, default=0)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args(argv)
    if not STREAM.exists():
        print(f"no {STREAM}: this benchmark needs ../shared")
        return 2
    from ringkas.entities import NameTagger
    from ringkas.entities.tagger import NETWORK_WEIGHT

    articles, texts = sentence_texts(args.limit)
    tagger = NameTagger(network_weight=NETWORK_WEIGHT if args.network == "on" else 0.0)
    start = time.process_time()
    tagger.find_tokens_many(["Presiden Joko Widodo tiba di Jakarta."])  # loads every model
    load = time.process_time() - start
    loaded_mb = resident_mb()
    profile = cProfile.Profile() if args.profile else None
    start, wall = time.process_time(), time.perf_counter()
    if profile is not None:
        profile.enable()
    found = tag_all(tagger, texts)
    if profile is not None:
        profile.disable()
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    names = sum(len(spans) for _, spans in found)
    print(f"{articles} Indonesian articles, {len(texts)} sentences, {names} names (network {args.network})")
    print(f"models loaded in {load:.2f} s CPU; tagging {cpu:.2f} s CPU ({wall:.2f} s wall)")
    print(f"tagging: {1000 * cpu / max(articles, 1):.1f} s CPU per 1,000 articles")
    print(f"resident memory {loaded_mb:.0f} MB with the models loaded, {resident_mb():.0f} MB after tagging")
    if profile is not None:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    rows = [
        json.dumps({"text": text, "tokens": tokens, "spans": spans})
        for text, (tokens, spans) in zip(texts, found, strict=True)
    ]
    if args.dump:
        args.dump.write_text("\n".join(rows) + "\n", encoding="utf-8")
    if args.compare:
        before = args.compare.read_text(encoding="utf-8").splitlines()
        changed = [n for n, (a, b) in enumerate(zip(before, rows, strict=False)) if a != b]
        if len(before) != len(rows):
            print(f"{len(before)} sentences before, {len(rows)} now")
        for n in changed[:20]:
            print(f"changed: {before[n][:300]}\n     now: {rows[n][:300]}")
        print(f"{len(changed)} of {len(rows)} sentences differ from {args.compare}")
        return 1 if changed or len(before) != len(rows) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
