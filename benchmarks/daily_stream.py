"""What is big on the real stream (``../shared/data/realworld/stream.jsonl``, 3,115 articles):
the ten biggest stories by the coverage order, each with its outlets, and the story threads.

    ringkas --db /tmp/stream.db run ../shared/data/realworld/stream.jsonl   # once: several minutes
    python benchmarks/daily_stream.py /tmp/stream.db

A store built before the change log is migrated and indexed when opened. The bar (issue #21):
each of the ten biggest stories has at least 3 outlets. Exit status 1 when it is not met, 2
when the store is missing.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ringkas.ranking import coverage_score, outlet_count
from ringkas.stories import media_group_count
from ringkas.storing import Store
from ringkas.threads import thread_ids

TOP = 10
MIN_OUTLETS = 3


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or not Path(args[0]).exists():
        print(__doc__)
        return 2
    store = Store(args[0])
    newest = store.facets().last_published
    stories = store.stories("coverage")
    print(f"{store.count_articles()} articles, {len(stories)} stories; newest article {newest}")
    print(f"\nThe {TOP} biggest stories (coverage order):")
    met = True
    for n, story in enumerate(stories[:TOP], 1):
        outlets = sorted({c.outlet for c in story.coverage})
        met &= outlet_count(story.coverage) >= MIN_OUTLETS
        print(
            f"{n:2}. {story.headline[:80]}\n    {story.id} · {story.last_published} · {len(story.article_ids)} articles"
            f" · {len(outlets)} outlets ({', '.join(outlets)}) · {media_group_count(story.coverage)} groups"
            f" · score {coverage_score(story, newest):.3g}"
        )
    links = store.thread_links()
    previous = {s: p for s, (p, _score, _shared) in links.items()}
    following: dict[str, list[str]] = defaultdict(list)
    for s, p in sorted(previous.items()):
        following[p].append(s)
    roots = sorted({thread_ids(s, previous, following)[0] for s in previous})
    threads = sorted((thread_ids(r, previous, following) for r in roots), key=lambda t: (-len(t), t[0]))
    by_id = {s.id: s for s in stories}
    print(f"\n{len(links)} thread links in {len(threads)} threads; the three largest:")
    for thread in threads[:3]:
        print(f"\n  thread of {len(thread)} stories:")
        for story_id in thread:
            story = by_id[story_id]
            shared = ", ".join(links[story_id][2]) if story_id in links else ""
            print(
                f"    {story.first_published} {story.headline[:70]} ({len(story.article_ids)} articles)"
                + (f"\n        continues via: {shared}" if shared else "")
            )
    print(f"\nbar: the {TOP} biggest stories each have >= {MIN_OUTLETS} outlets: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
