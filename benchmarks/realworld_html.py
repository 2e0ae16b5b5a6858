"""Real saved pages (``../shared/data/realworld/html/gold.jsonl``): ringkas's HTML reading beside its peers.

    python benchmarks/realworld.py html [--verbose] [--systems ringkas,trafilatura,newspaper4k,goose3]

For every page of the gold file, each system reads the saved HTML and is checked on:
headline exact (as the page shows it, no site suffix), canonical outlet, index pages skipped,
body_first / body_last / body_samples kept and noise_samples left out. Strings are compared
after decoding entities and collapsing whitespace (and Unicode NFC). ringkas reads the page as
``ringkas ingest`` does (``Reader`` then ``Cleaner``); trafilatura is ``bare_extraction`` with
metadata; newspaper4k and goose3 (the extra ``peers``) parse the saved markup with their
defaults and no network (sockets are refused while they run; a peer that tries the network is
reported and left out). Prints a per-check and a per-page table; exits 2 without ``../shared``.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import socket
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HTML_DIR = ROOT.parent / "shared" / "data" / "realworld" / "html"
GOLD = HTML_DIR / "gold.jsonl"
SYSTEMS = ("ringkas", "trafilatura", "newspaper4k", "goose3")
CHECKS = ("headline", "outlet", "index skipped", "body_first", "body_last", "body_samples", "noise left out")


def norm(text: str | None) -> str:
    """Entities decoded, Unicode NFC, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", html.unescape(text or "")).split())


@dataclass
class Extraction:
    """What one system made of one page: skipped (with why), or headline, outlet and body text."""

    skipped: str | None = None
    headline: str = ""
    outlet: str = ""
    text: str = ""


@dataclass
class PageResult:
    file: str
    kind: str
    results: list[tuple[str, bool, str]] = field(default_factory=list)  # (check, passed, detail)

    def add(self, check: str, passed: bool, detail: str = "") -> None:
        self.results.append((check, passed, detail))


def _contains(haystack: str, needle: str) -> bool:
    return norm(needle) in haystack


def _noise_kept(text: str, lines: set[str], sample: str) -> bool:
    """A noise sample survives when it is a line of the text or, long enough to be specific
    (3+ words), occurs inside one; a one- or two-word credit ("Reuters") may occur in prose."""
    key = norm(sample)
    if key in lines:
        return True
    return len(key.split()) >= 3 and key in text


def check_page(gold: dict[str, Any], got: Extraction) -> PageResult:
    page = PageResult(gold["file"], gold["kind"])
    if gold["kind"] != "article":
        page.add("index skipped", got.skipped is not None, got.skipped or f"read as article {got.headline[:50]!r}")
        return page
    if got.skipped is not None:
        page.add("headline", False, f"skipped: {got.skipped}")
        return _fail_rest(page, gold, "skipped")
    page.add("headline", norm(got.headline) == norm(gold["headline"]), repr(norm(got.headline)[:90]))
    page.add("outlet", norm(got.outlet) == norm(gold["outlet"]), repr(got.outlet))
    lines = {norm(line) for line in got.text.splitlines() if line.strip()}
    text = norm(got.text)
    page.add("body_first", _contains(text, gold["body_first"]), norm(gold["body_first"])[:70])
    page.add("body_last", _contains(text, gold["body_last"]), norm(gold["body_last"])[:70])
    for sample in gold.get("body_samples") or []:
        page.add("body_samples", _contains(text, sample), norm(sample)[:70])
    for sample in gold.get("noise_samples") or []:
        page.add("noise left out", not _noise_kept(text, lines, sample), norm(sample)[:70])
    return page


def _fail_rest(page: PageResult, gold: dict[str, Any], why: str) -> PageResult:
    page.add("outlet", False, why)
    page.add("body_first", False, why)
    page.add("body_last", False, why)
    for _ in gold.get("body_samples") or []:
        page.add("body_samples", False, why)
    for _ in gold.get("noise_samples") or []:
        page.add("noise left out", True, why)
    return page


# -- the systems ---------------------------------------------------------------------------


def ringkas_reader() -> Callable[[Path], Extraction]:
    from ringkas.cleaning import Cleaner
    from ringkas.errors import InputError
    from ringkas.reading import Reader

    cleaner = Cleaner()
    reader = Reader()

    def read(path: Path) -> Extraction:
        items = list(reader.read_path(path))
        if len(items) != 1:
            return Extraction(skipped=f"{len(items)} items")
        item = items[0]
        if isinstance(item, InputError):
            return Extraction(skipped=item.message)
        article = cleaner.clean(item)
        return Extraction(headline=article.title, outlet=article.outlet or "", text=article.text)

    return read


def trafilatura_reader() -> Callable[[Path], Extraction]:
    import trafilatura

    def read(path: Path) -> Extraction:
        doc = trafilatura.bare_extraction(path.read_text(encoding="utf-8", errors="replace"), with_metadata=True)
        text = getattr(doc, "text", None)
        if not text:
            return Extraction(skipped="no text extracted")
        return Extraction(
            headline=getattr(doc, "title", "") or "", outlet=getattr(doc, "sitename", "") or "", text=text
        )

    return read


def newspaper_reader() -> Callable[[Path], Extraction]:
    import newspaper
    import tldextract

    # tldextract (newspaper4k's domain parser) fetches the public suffix list unless told not to.
    offline = tldextract.TLDExtract(suffix_list_urls=())
    tldextract.extract = offline  # type: ignore[assignment]
    with contextlib.suppress(AttributeError):
        tldextract.tldextract.TLD_EXTRACTOR = offline

    def read(path: Path) -> Extraction:
        article = newspaper.Article("http://localhost/", fetch_images=False)
        article.download(input_html=path.read_text(encoding="utf-8", errors="replace"))
        article.parse()
        if not article.text.strip():
            return Extraction(skipped="no text extracted")
        site = article.meta_site_name or ""
        return Extraction(headline=article.title or "", outlet=site, text=article.text)

    return read


def goose_reader() -> Callable[[Path], Extraction]:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False, "http_timeout": 1})

    def read(path: Path) -> Extraction:
        article = goose.extract(raw_html=path.read_text(encoding="utf-8", errors="replace"))
        if not (article.cleaned_text or "").strip():
            return Extraction(skipped="no text extracted")
        site = (article.opengraph or {}).get("site_name") or article.domain or ""
        return Extraction(headline=article.title or "", outlet=site, text=article.cleaned_text)

    return read


READERS: dict[str, Callable[[], Callable[[Path], Extraction]]] = {
    "ringkas": ringkas_reader,
    "trafilatura": trafilatura_reader,
    "newspaper4k": newspaper_reader,
    "goose3": goose_reader,
}


class NetworkUsed(RuntimeError):
    pass


@contextlib.contextmanager
def no_network() -> Iterator[None]:
    """Refuse every outgoing connection: the peers must read saved pages offline."""

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise NetworkUsed("tried to open a network connection")

    saved = socket.socket.connect, socket.create_connection
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.socket.connect, socket.create_connection = saved  # type: ignore[method-assign]


def run_system(name: str, golds: list[dict[str, Any]]) -> list[PageResult] | str:
    """Every page's checks for one system, or why the system was left out."""
    try:
        reader = READERS[name]()
    except ImportError as exc:
        return f"not installed ({exc.name}); pip install 'ringkas[peers]'"
    pages = []
    with no_network():
        for gold in golds:
            try:
                got = reader(HTML_DIR / gold["file"])
            except NetworkUsed:
                return "left out: it tried to use the network at run time"
            except Exception as exc:  # a peer crashing on one page counts as that page failed
                got = Extraction(skipped=f"crashed: {type(exc).__name__}: {exc}"[:80])
            pages.append(check_page(gold, got))
    return pages


def load_gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def tally(pages: list[PageResult]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for page in pages:
        for check, passed, _ in page.results:
            ok, total = out.get(check, (0, 0))
            out[check] = (ok + passed, total + 1)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="realworld.py html", description=__doc__.split("\n\n")[0])
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated: " + ", ".join(SYSTEMS))
    parser.add_argument("--verbose", action="store_true", help="list every failed check")
    args = parser.parse_args(argv)
    if not GOLD.is_file():
        print(f"{GOLD} is missing: ../shared/data/realworld/ must sit beside the checkout", file=sys.stderr)
        return 2
    golds = load_gold()
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in READERS]
    if unknown:
        parser.error(f"unknown system(s): {', '.join(unknown)}")
    results: dict[str, list[PageResult]] = {}
    for name in names:
        outcome = run_system(name, golds)
        if isinstance(outcome, str):
            print(f"{name}: {outcome}")
        else:
            results[name] = outcome
    if not results:
        return 1
    shown = list(results)
    width = max(len(g["file"]) for g in golds) + 2
    print(f"\n{len(golds)} pages ({sum(g['kind'] == 'article' for g in golds)} articles), checks passed\n")
    print("check".ljust(width) + "".join(n.rjust(14) for n in shown))
    tallies = {n: tally(p) for n, p in results.items()}
    for check in CHECKS:
        row = check.ljust(width)
        for n in shown:
            ok, total = tallies[n].get(check, (0, 0))
            row += f"{ok}/{total}".rjust(14)
        print(row)
    row = "all".ljust(width)
    for n in shown:
        ok = sum(v[0] for v in tallies[n].values())
        total = sum(v[1] for v in tallies[n].values())
        row += f"{ok}/{total}".rjust(14)
    print(row)
    print()
    print("page".ljust(width) + "".join(n.rjust(14) for n in shown))
    for i, gold in enumerate(golds):
        row = gold["file"].ljust(width)
        for n in shown:
            page = results[n][i]
            ok = sum(p for _, p, _ in page.results)
            row += f"{ok}/{len(page.results)}".rjust(14)
        print(row)
    failed = [
        (n, results[n][i].file, c, d)
        for n in shown
        for i in range(len(golds))
        for c, p, d in results[n][i].results
        if not p
    ]
    ringkas_failed = [f for f in failed if f[0] == "ringkas"]
    if ringkas_failed or args.verbose:
        print("\nfailed checks" + ("" if args.verbose else " (ringkas)"))
        for n, file, check, detail in failed if args.verbose else ringkas_failed:
            print(f"  {n:12} {file:22} {check:15} {' '.join(detail.split())[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
