"""Real Indonesian news (``../shared/data/realworld/``): how ringkas does on what scrapers really give.

    python benchmarks/realworld.py noise    # noise lines kept and body lines lost on noise_dev.jsonl, per kind
    python benchmarks/realworld.py glued    # words glued at link boundaries: repaired, left, wrongly split
    python benchmarks/realworld.py html     # the page checks of html/gold.jsonl, beside trafilatura and peers
    python benchmarks/realworld.py speed    # stream.jsonl end to end: articles/s per stage, peak memory
    python benchmarks/realworld.py stream   # stories of the whole stream, scored on each labelled window

Each measurement lives in its own module beside this one (``realworld_<name>.py``, with a
``main(argv)``); this file only dispatches. The data is for measurement only and is never copied
into the repository; without ``../shared`` each command says so and exits with status 2.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

COMMANDS = ("noise", "glued", "html", "speed", "stream")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in COMMANDS:
        print(__doc__)
        return 2
    module = importlib.import_module(f"realworld_{args[0]}")
    return int(module.main(args[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
