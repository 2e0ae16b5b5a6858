"""Ingest speed and extraction quality: ringkas reading + cleaning beside trafilatura and jusText.

    python benchmarks/ingest.py [--articles N] [--quality] [--dedup]
    python benchmarks/ingest.py web [--sizes 100,2000,20000] ...   (see benchmarks/ingest_web.py)

The corpus is built at run time from IndoSum articles (``../shared/data/indosum/dev123.jsonl``,
real Indonesian news with its own "Baca juga" lines): each article is written once as a ``.txt``
file and once as an ``.html`` page wrapped in the furniture of a news site (menu, a "Berita
Terpopuler" sidebar, an advert, a comment thread, a footer). Every system reads the same files
from disk in one process, one after another, on one core:

- ``trafilatura``: ``trafilatura.extract`` alone (comments off, as ringkas calls it);
- ``jusText``: paragraphs jusText keeps with its Indonesian stoplist;
- ``ringkas html`` / ``ringkas text``: ``Reader.read_file`` then ``Cleaner.clean`` (language
  identification included), i.e. what ``ringkas ingest`` does before storing.

Columns: articles per second, the ratio to trafilatura's rate, the share of body paragraphs
kept, and the number of noise lines (site furniture, "Baca juga" links) left in the output.

``--quality`` adds the held-out check on all 2,146 IndoSum articles (summary sentences the
cleaner removed, or kept as subheadings; "Baca juga" lines missed); ``--dedup`` adds the
near-duplicate figures behind ``ringkas/dedup.py``'s thresholds.
Without ``../shared`` the benchmark says so and measures the repository's fixtures only.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ringkas.cleaning import Cleaner, normalize_line  # noqa: E402
from ringkas.dedup import shingles_of  # noqa: E402
from ringkas.reading import Reader  # noqa: E402

SHARED = ROOT.parent / "shared"
INDOSUM = SHARED / "data" / "indosum" / "dev123.jsonl"
MMDS = SHARED / "data" / "clustering" / "mmds_dev.jsonl"
FIXTURES = ROOT / "tests" / "fixtures" / "reading"
RELATED = re.compile(r"^\W*(?:baca|simak|lihat)\s+juga\b", re.IGNORECASE)
# Lines of the source that are not body text either: links, credits, bylines, reporter initials.
NOT_BODY = re.compile(
    r"^\W*(?:baca|simak|lihat)(?:\s+juga)?\s*:|^\W*(?:baca|simak|lihat)\s+juga\b|^\s*(?:sumber|penulis|editor|reporter)\s*:"
    r"|^\s*[\(\[]\s*\w{2,8}(?:\s*/\s*\w{2,8})?\s*[\)\]]\s*$|^.{0,80}\((?:foto|photo)\s*:",
    re.IGNORECASE,
)
_ENDS = re.compile(r"^\S+\.(?:com|id|net)\s*[-\u2013]+\s*|\s*[\(\[][\w/ ]{2,12}[\)\]]\s*$")

# Site furniture of the generated pages (our own writing); none of it may reach the output.
FURNITURE = [
    "Promo tiket kereta mudik diskon hingga 40 persen, pesan sekarang juga di aplikasi kami!",
    "Semoga pemerintah segera menuntaskan masalah ini, warga sudah terlalu lama menunggu kepastian.",
    "Tulisan yang bagus, tetapi saya kira redaksi perlu meminta tanggapan dari pihak lain juga.",
    "Copyright 2024 Warta Uji. Hak cipta dilindungi undang-undang.",
    "Berita Terpopuler",
]


@dataclass
class Source:
    id: str
    title: str
    paragraphs: list[str]  # body paragraphs
    related: list[str]  # the article's own noise lines: "Baca juga" links, bylines, reporter initials


def load_sources(limit: int) -> list[Source]:
    if not INDOSUM.exists():
        print(f"NOTE: {INDOSUM} is absent; measuring the repository's fixtures only.\n")
        text = (FIXTURES / "bising.txt").read_text(encoding="utf-8").split("\n")
        return [Source(f"fixture-{n}", text[0], [t for t in text[1:] if t.strip()], []) for n in range(limit)]
    sources = []
    with INDOSUM.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            raw = row["articles"][0]
            paragraphs = [p.strip() for p in raw["text"].split("\n") if p.strip()]
            slug = re.sub(r"^\d+-", "", row["id"]).replace("-", " ")  # IndoSum ids carry the headline's slug
            title = raw.get("title") or slug.capitalize()
            sources.append(
                Source(
                    row["id"],
                    title,
                    [p for p in paragraphs if not NOT_BODY.match(p)],
                    [p for p in paragraphs if NOT_BODY.match(p)],
                )
            )
            if len(sources) >= limit:
                break
    return sources


def page(source: Source, others: list[Source]) -> str:
    """A news page: the article inside a site's menu, sidebar, advert, comments and footer."""
    esc = html.escape
    body = []
    for n, paragraph in enumerate(source.paragraphs):
        body.append(f"<p>{esc(paragraph)}</p>")
        if n == 1:
            body.append('<div class="ads inline">ADVERTISEMENT</div>')
    for link in source.related:  # the article's own related links stay where a site prints them
        body.insert(min(3, len(body)), f"<p><strong>{esc(link)}</strong></p>")
    popular = "".join(f"<li><a href='/b/{esc(o.id)}'>{esc(o.title)}</a></li>" for o in others)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{esc(source.title)} - Warta Uji</title>
<meta property="og:site_name" content="Warta Uji"><meta property="og:title" content="{esc(source.title)}"></head>
<body><header><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/olahraga">Olahraga</a></nav>
<div class="ads">{esc(FURNITURE[0])}</div></header>
<main><article><h1>{esc(source.title)}</h1><div class="content">{"".join(body)}</div></article>
<section class="comments"><h3>Komentar</h3><div class="comment"><p>{esc(FURNITURE[1])}</p></div>
<div class="comment"><p>{esc(FURNITURE[2])}</p></div></section></main>
<aside><h3>{FURNITURE[4]}</h3><ol>{popular}</ol></aside><footer><p>{esc(FURNITURE[3])}</p></footer></body></html>"""


def write_corpus(sources: list[Source], folder: Path) -> tuple[list[Path], list[Path]]:
    html_files, text_files = [], []
    for n, source in enumerate(sources):
        others = [sources[(n + k) % len(sources)] for k in (1, 2, 3)]
        html_path = folder / f"{source.id}.html"
        html_path.write_text(page(source, others), encoding="utf-8")
        html_files.append(html_path)
        text_path = folder / f"{source.id}.txt"
        lines = [source.title, *source.paragraphs[:2], *source.related, *source.paragraphs[2:]]
        text_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        text_files.append(text_path)
    return html_files, text_files


def kept_share(source: Source, output: str) -> tuple[int, int]:
    """Body paragraphs found in the output (text or headings), judged from the sixth word to the
    third-last, so that a stripped dateline or reporter initials do not count as a lost paragraph."""
    out = f" {normalize_line(output)} "
    found = 0
    for paragraph in source.paragraphs:
        paragraph = _ENDS.sub("", paragraph)  # "Merdeka.com - ..." or "... (rsa)": judged without them
        words = normalize_line(paragraph).split()
        found += f" {' '.join(words[5:-3] if len(words) > 12 else words)} " in out
    return found, len(source.paragraphs)


def leaks(source: Source, others_titles: list[str], output: str) -> int:
    out = f" {normalize_line(output)} "
    noise = [*FURNITURE, *source.related, *others_titles, "ADVERTISEMENT"]
    return sum(1 for n in noise if normalize_line(n) and f" {normalize_line(n)} " in out)


def run_trafilatura(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes().decode("utf-8"), include_comments=False) or ""


def run_justext(path: Path) -> str:
    import justext

    paragraphs = justext.justext(path.read_bytes(), justext.get_stoplist("Indonesian"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def ringkas_runner(reader: Reader, cleaner: Cleaner) -> Callable[[Path], str]:
    def run(path: Path) -> str:
        cleaned = [cleaner.clean(item) for item in reader.read_file(path) if not isinstance(item, Exception)]
        return "\n".join("\n".join([a.text, *a.subheadings]) for a in cleaned)

    return run


def measure(name: str, fmt: str, files: list[Path], sources: list[Source], run: Callable[[Path], str]) -> dict:
    run(files[0])  # warm up: imports, model loads
    outputs = []
    started = time.perf_counter()
    for path in files:
        outputs.append(run(path))
    seconds = time.perf_counter() - started
    kept = total = leaked = 0
    for n, (source, output) in enumerate(zip(sources, outputs, strict=True)):
        k, t = kept_share(source, output)
        kept, total = kept + k, total + t
        titles = [sources[(n + k) % len(sources)].title for k in (1, 2, 3)] if fmt == "html" else []
        leaked += leaks(source, titles, output)
    return {"system": name, "input": fmt, "n": len(files), "s": seconds, "kept": kept / max(1, total), "leaked": leaked}


def speed_table(count: int) -> None:
    sources = load_sources(count)
    with tempfile.TemporaryDirectory() as tmp:
        html_files, text_files = write_corpus(sources, Path(tmp))
        with Reader() as reader:
            cleaner = Cleaner()
            rows = [
                measure("trafilatura", "html", html_files, sources, run_trafilatura),
                measure("jusText", "html", html_files, sources, run_justext),
                measure("ringkas", "html", html_files, sources, ringkas_runner(reader, cleaner)),
                measure("ringkas", "text", text_files, sources, ringkas_runner(reader, cleaner)),
            ]
    base = rows[0]["n"] / rows[0]["s"]
    print(f"Ingest speed, {len(sources)} IndoSum articles, one process, same files (html pages and txt)")
    print(
        f"{'system':<12} {'input':<5} {'articles':>8} {'seconds':>8} {'art/s':>8} {'vs traf.':>8}"
        f" {'body kept':>9} {'noise left':>10}"
    )
    for row in rows:
        rate = row["n"] / row["s"]
        print(
            f"{row['system']:<12} {row['input']:<5} {row['n']:>8} {row['s']:>8.2f} {rate:>8.1f} {rate / base:>7.2f}x"
            f" {row['kept']:>9.1%} {row['leaked']:>10}"
        )


def quality_table() -> None:
    if not INDOSUM.exists():
        print(f"\nNOTE: {INDOSUM} is absent; no held-out quality check.")
        return
    from tests.test_cleaning_heldout import heldout_check

    with INDOSUM.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    started = time.perf_counter()
    counts = heldout_check(rows)
    print(f"\nHeld-out cleaning check, all IndoSum dev articles ({time.perf_counter() - started:.1f} s)")
    for key, value in counts.items():
        print(f"  {key:<22} {value}")


def dedup_table() -> None:
    if not MMDS.exists() or not INDOSUM.exists():
        print(f"\nNOTE: {MMDS} or {INDOSUM} is absent; no near-duplicate figures.")
        return

    def jaccard(a: str, b: str) -> float:
        x, y = shingles_of(a), shingles_of(b)
        return len(x & y) / max(1, len(x | y))

    pairs = []
    with MMDS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            pairs += [jaccard(a["text"], b["text"]) for a, b in combinations(row["articles"], 2)]
    pairs.sort(reverse=True)
    print(f"\nNear-duplicates: 3-gram Jaccard of {len(pairs)} same-event article pairs (MMDS dev)")
    print("  above 0.5:", [round(p, 2) for p in pairs if p >= 0.5])
    print("  highest below 0.5:", [round(p, 2) for p in pairs if p < 0.5][:3])
    rng = random.Random(3)
    with INDOSUM.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["articles"][0]["text"] for line in handle]
    planted = []
    for text in rng.sample(texts, 200):
        paragraphs = [p for p in text.split("\n") if p.strip()]
        words = " ".join(paragraphs[:-1] if len(paragraphs) > 2 else paragraphs).split()
        for _ in range(len(words) // 10):  # one word in ten replaced
            words[rng.randrange(len(words))] = rng.choice(["tersebut", "itu", "pada", "kemarin", "lalu"])
        planted.append(jaccard(text, "JAKARTA, WARTA.ID - " + " ".join(words)))
    planted.sort()
    print(
        f"  planted copies (new dateline, last paragraph cut, 1 word in 10 replaced), n=200: "
        f"min {planted[0]:.2f}, median {planted[100]:.2f}, share >= 0.5: {sum(p >= 0.5 for p in planted) / 200:.0%}"
    )


def main() -> None:
    if sys.argv[1:2] == ["web"]:  # one article through a running server: benchmarks/ingest_web.py
        from benchmarks.ingest_web import main as web_main

        web_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500, help="IndoSum articles to build pages from")
    parser.add_argument("--quality", action="store_true", help="also run the held-out check on all of IndoSum")
    parser.add_argument("--dedup", action="store_true", help="also print the near-duplicate threshold figures")
    args = parser.parse_args()
    speed_table(args.articles)
    if args.quality:
        quality_table()
    if args.dedup:
        dedup_table()


if __name__ == "__main__":
    main()
