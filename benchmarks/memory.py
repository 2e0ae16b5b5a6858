"""Peak memory of one very long article: ``ringkas run`` on a 1 MB and a 5 MB article.

    python benchmarks/memory.py [--sizes 1,5] [--keep DIR]

Each article is generated at run time from sentences of our own writing (Indonesian news
wording: names, places, dates, figures, quotes), written as a ``.txt`` file (headline on the
first line) just under the size in megabytes, and run through the real CLI in a fresh process
with a fresh store: read, clean, store, analyse, cluster, summarize. The peak resident set of
that process (its own ``wait4`` resource usage) is the figure; CPU seconds are shown beside it.

Bar (issue #17): the 5 MB article with peak RSS <= 1 GB. Analysis reads the first
``analysis_max_chars`` characters (default 100,000) of the text; the whole text is stored.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAR_BYTES = 1_000_000_000
SUBJECTS = ("Wali kota", "Kepala dinas", "Juru bicara polisi", "Ketua panitia", "Warga", "Camat")
NAMES = ("Budi Santoso", "Siti Rahmawati", "Agus Wibowo", "Dewi Lestari", "Hendra Gunawan", "Rina Marlina")
PLACES = ("Semarang", "Demak", "Kendal", "Pekalongan", "Batang", "Jepara")
ACTS = (
    "meninjau tanggul yang jebol di tepi sungai",
    "membagikan paket makanan kepada pengungsi",
    "meminta warga tetap waspada terhadap hujan susulan",
    "mencatat ketinggian air mencapai {n} sentimeter",
    "menyiapkan {n} perahu karet untuk evakuasi",
    "memperbaiki pompa air di kawasan pesisir",
)


def article_text(size: int, seed: int = 17) -> str:
    """A headline line and paragraphs of generated sentences, ``size`` bytes of UTF-8 or just under."""
    rng = random.Random(seed)
    lines = ["Banjir rob merendam pesisir utara, ribuan warga mengungsi"]
    used = len(lines[0]) + 1
    while True:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            act = rng.choice(ACTS).format(n=rng.randint(20, 400))
            day = rng.randint(1, 28)
            if rng.random() < 0.3:
                sentence = f'"Kami {act}," kata {rng.choice(NAMES)} di {rng.choice(PLACES)}, {day} Maret 2024.'
            else:
                who = f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} {rng.choice(NAMES)}"
                sentence = f"{who} {act} pada {day} Maret 2024."
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        if used + len(paragraph) + 1 > size:
            return "\n".join(lines) + "\n"
        lines.append(paragraph)
        used += len(paragraph) + 1


def peak_rss_of_run(path: Path, workdir: Path) -> tuple[int, float, int]:
    """(peak RSS in bytes, CPU seconds, exit status) of ``ringkas run`` on one file in a child
    process, from that child's own resource usage (``wait4``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "ringkas", "--no-progress", "--db", str(workdir / "memory.db"), "run", str(path)]
    log = workdir / "run.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        print(log.read_text(encoding="utf-8", errors="replace"), file=sys.stderr)
    return usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,5", help="Article sizes in MB (default 1,5).")
    parser.add_argument("--keep", metavar="DIR", help="Write the articles and stores here instead of a temp folder.")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ringkas-memory-") as temp:
        base = Path(args.keep or temp)
        base.mkdir(parents=True, exist_ok=True)
        print(f"load average {load:.2f}; ringkas run on one article each, a fresh process and store")
        print(f"{'article':>10} {'text bytes':>12} {'peak RSS':>10} {'CPU s':>8}  bar (5 MB: <= 1 GB)")
        failed = False
        for mb in sizes:
            workdir = base / f"{mb:g}mb"
            workdir.mkdir(exist_ok=True)
            path = workdir / "panjang.txt"
            path.write_text(article_text(int(mb * 1_000_000)), encoding="utf-8")
            peak, seconds, status = peak_rss_of_run(path, workdir)
            verdict = ""
            if mb >= 5:
                verdict = "met" if peak <= BAR_BYTES and status == 0 else "NOT MET"
                failed = failed or verdict != "met"
            if status != 0:
                verdict += f" (exit status {status})"
            size = path.stat().st_size
            print(f"{mb:>8g}MB {size:>12,} {peak / 1e6:>8.0f}MB {seconds:>8.1f}  {verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
