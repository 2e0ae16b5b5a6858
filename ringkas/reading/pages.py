"""What a news page says about itself: the headline it shows, its site, and whether it is an article.

Rules that hold across outlets, learnt from each page rather than from lists of outlet strings:
the site suffix of a title ("... - Kompas.com Regional", "... | Republika Online") is the part a
heading on the page or the other meta title does without, or the part that names the site; the
outlet comes from the page's URL host and site name through the outlet registry; a page whose
URL is a home or section address, or whose text is mostly other stories' link titles, is an
index page; body lines the page marks as links to other stories or as image captions are not
article text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from ..outlets import OutletRegistry, host_of, is_social, registered_domain

# Separators between a headline and the site or section names around it in a <title>.
_SEPARATOR = re.compile(r"\s+(?:[-|\u2013\u2014\u00bb\u00b7]|::|:)\s+")
_HEADING_CLASS = re.compile(r"title|judul|jdl|headline|heading", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_SLUG_WORD = re.compile(r"[A-Za-z]+")
_LONG_NUMBER = re.compile(r"\d{4,}")
_WORD = re.compile(r"\w+")
# A displayed headline may carry a short rubric before it ("In Picture: ...", "FOTO: ...").
_MAX_RUBRIC_WORDS = 4
# Lines of other stories' titles or teasers that make a body a listing (with 60% of its lines or more).
_LISTING_LINES = 3


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", _norm(text).casefold())


@dataclass(frozen=True)
class PageFacts:
    """The parts of a page's markup the rules below read (one parse, no text extraction)."""

    url: str | None = None
    titles: tuple[str, ...] = ()  # og:title, twitter:title, <title>: as written
    site_names: tuple[str, ...] = ()  # og:site_name, application-name, publisher names
    headings: tuple[str, ...] = ()  # h1-h3 and title-classed elements, in page order, outside links
    link_texts: frozenset[str] = field(default_factory=frozenset)  # keys of other stories' link titles
    captions: frozenset[str] = field(default_factory=frozenset)  # keys of image captions and alt texts
    teasers: frozenset[str] = field(default_factory=frozenset)  # keys of texts beside a link in a small card
    photo_page: bool = False  # a gallery: its captions are the article's text

    @classmethod
    def of(cls, tree: Any) -> PageFacts:
        meta: dict[str, list[str]] = {}
        for element in tree.iter("meta"):
            name = (element.get("property") or element.get("name") or "").strip().lower()
            content = _norm(element.get("content"))
            if name and content:
                meta.setdefault(name, []).append(content)
        url = None
        for element in tree.iter("link"):
            if (element.get("rel") or "").lower() == "canonical" and (element.get("href") or "").startswith("http"):
                url = element.get("href", "").strip()
                break
        if url is None:
            url = next((u for u in meta.get("og:url", []) if u.startswith("http")), None)
        title_tag = next((_norm(t.text_content()) for t in tree.iter("title")), "")
        titles = tuple(
            dict.fromkeys(t for t in (*meta.get("og:title", []), *meta.get("twitter:title", []), title_tag) if t)
        )
        sites = tuple(dict.fromkeys((*meta.get("og:site_name", []), *meta.get("application-name", []))))
        headings: list[str] = []
        for element in tree.iter():
            tag = element.tag if isinstance(element.tag, str) else ""
            classes = (element.get("class") or "") + " " + (element.get("id") or "")
            if tag not in ("h1", "h2", "h3") and not (
                tag in ("div", "span", "p", "h4") and _HEADING_CLASS.search(classes)
            ):
                continue
            if tag == "a" or any(a.tag == "a" for a in element.iterancestors()) or element.find(".//a") is not None:
                continue  # a link to another story, not this page's heading
            text = _norm(element.text_content())
            if text and len(text.split()) <= 40:
                headings.append(text)
        links = set()
        teasers: set[str] = set()
        for anchor in tree.iter("a"):
            text = _norm(anchor.text_content())
            if len(text.split()) >= 3:
                links.add(_key(text))
                teasers.update(_card_texts(anchor, text))
            title = _norm(anchor.get("title"))
            if len(title.split()) >= 3:
                links.add(_key(title))
        captions: set[str] = set()
        for element in tree.iter("img", "figcaption"):
            for raw in (
                element.get("alt"),
                element.get("title"),
                element.text_content() if element.tag == "figcaption" else None,
            ):
                if raw and len(_norm(raw).split()) >= 2:
                    captions.add(_key(raw))
        for element in tree.xpath('//*[contains(@class, "caption") or contains(@class, "keterangan")]'):
            text = _norm(element.text_content())
            if len(text.split()) >= 2:
                captions.add(_key(text))
        return cls(
            url,
            titles,
            sites,
            tuple(headings),
            frozenset(links),
            frozenset(captions),
            frozenset(teasers),
            photo_page=bool(gallery_captions(tree)),
        )


def _card_texts(anchor: Any, title: str) -> set[str]:
    """Keys of the texts beside a story link in the small block around it (a teaser card)."""
    card = None
    node = anchor.getparent()
    for _ in range(3):
        if node is None or len(_norm(node.text_content())) > 3 * len(title) + 300:
            break
        card, node = node, node.getparent()
    if card is None:
        return set()
    out = set()
    for element in card.iter("p", "div", "span"):
        if element.find(".//a") is not None:
            continue
        text = _norm(element.text_content())
        if len(text.split()) >= 5:
            out.add(_key(text))
    return out


# -- markup repair before extraction -------------------------------------------------------------

_INLINE = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "span",
        "font",
        "small",
        "sup",
        "sub",
        "abbr",
        "cite",
        "q",
        "mark",
        "time",
        "br",
    }
)
_BLOCKS = frozenset(
    {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "section"}
)
# Words outside links a loose run of text needs to count as a paragraph (a byline or a lone
# "Baca juga" link stays as it was).
_MIN_LOOSE_WORDS = 8


# A photo page: captions of this many words or more (prose, not a credit or a label), at least two
# of them, and no paragraph of prose outside them (liputan6's photo pages in ../shared's html gold).
_MIN_CAPTION_WORDS = 8
_MIN_PROSE_WORDS = 12
_PROSE_END = re.compile(r"[.!?\"\u201d]\s*$")


def gallery_captions(root: Any) -> list[Any]:
    """The <figcaption>s that are a photo page's text, or none when the page has prose of its own."""
    captions = [f for f in root.iter("figcaption") if len(_norm(f.text_content()).split()) >= _MIN_CAPTION_WORDS]
    if len(captions) < 2:
        return []
    for paragraph in root.iter("p"):
        if any(a.tag in ("figure", "figcaption") for a in paragraph.iterancestors()):
            continue
        text = _norm(paragraph.text_content())
        if len(text.split()) >= _MIN_PROSE_WORDS and _PROSE_END.search(text):
            return []
    return captions


def parse_page(markup: str) -> Any:
    """The page's element tree (lxml), decoded as the text it already is."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    return lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)


def repair_paragraphs(root: Any) -> None:
    """Mark up the paragraphs a page writes without <p>, so extraction keeps them whole and apart:
    text lines inside a <div> that also holds <p> paragraphs (often the lead, before the first
    <p>, lines split by <br>), and <div>s of inline text only used as paragraphs."""
    _keep_spaces_between_inlines(root)
    for element in list(root.iter("div", "td", "section", "article")):
        kids = list(element)
        if any(k.tag in _BLOCKS for k in kids if isinstance(k.tag, str)):
            if any(k.tag == "p" for k in kids):
                _wrap_loose_runs(element)
        elif _words_outside_links(element) >= _MIN_LOOSE_WORDS and element.tag == "div":
            element.tag = "p"


def _keep_spaces_between_inlines(root: Any) -> None:
    """Move the space between two inline elements ("<em>enggak</em> <em>ngobrol</em>") into the
    first one's text: jusText, trafilatura's fallback, drops text nodes that are only a space and
    glues the two words ("enggakngobrol")."""
    for element in root.iter(*(_INLINE - {"br"})):
        tail, after = element.tail, element.getnext()
        if not tail or tail.strip() or after is None or after.tag not in _INLINE or after.tag == "br":
            continue
        last = element
        while len(last):
            last = last[-1]
        if last is element:
            element.text = (element.text or "") + " "
        else:
            last.tail = (last.tail or "") + " "
        element.tail = None


def _words_outside_links(element: Any) -> int:
    words = len((element.text or "").split())
    for child in element.iterdescendants():
        if not isinstance(child.tag, str):
            continue
        inside_link = child.tag == "a" or any(a.tag == "a" for a in child.iterancestors() if a is not element)
        if not inside_link:
            words += len((child.text or "").split())
        if child.getparent() is element or not inside_link:
            words += len((child.tail or "").split())
    return words


def _wrap_loose_runs(element: Any) -> None:
    """Wrap each run of loose text and inline elements between blocks and <br>s in a <p>."""
    items: list[tuple[str, Any]] = []
    if element.text:
        items.append(("text", element.text))
    for kid in list(element):
        tail, kid.tail = kid.tail, None
        kind = "break" if kid.tag == "br" else "inline" if kid.tag in _INLINE else "block"
        items.append((kind, kid))
        if tail:
            items.append(("text", tail))
        element.remove(kid)
    element.text = None
    run: list[tuple[str, Any]] = []

    def flush() -> None:
        target = element
        holder = lxml.html.Element("p")
        words = sum(len(v.split()) for k, v in run if k == "text") + sum(
            len(v.text_content().split()) for k, v in run if k == "inline" and v.tag != "a"
        )
        if words >= _MIN_LOOSE_WORDS:
            element.append(holder)
            target = holder
        for kind, value in run:
            if kind == "text":
                last = target[-1] if len(target) else None
                if last is None:
                    target.text = (target.text or "") + value
                else:
                    last.tail = (last.tail or "") + value
            else:
                target.append(value)
        run.clear()

    for kind, value in items:
        if kind in ("text", "inline"):
            run.append((kind, value))
            continue
        flush()
        element.append(value)
    flush()


# -- outlet ---------------------------------------------------------------------------------


def page_outlet(page: PageFacts, url: str | None, sitename: str | None, registry: OutletRegistry) -> str | None:
    """The canonical outlet of a page: its URL's site in the registry, else a site name the
    registry knows, else the page's own site name (never a URL of a social network), else its domain."""
    host = host_of(url) if url else None
    if host is not None and not is_social(host):
        found = registry.for_host(host)
        if found is not None:
            return found.name
    names = [n for n in (*page.site_names, sitename) if n]
    for name in names:
        found = registry.find(name)
        if found is not None:
            return found.name
    for title in page.titles:  # "... - ANTARA News": the title's site segment
        parts = _SEPARATOR.split(title)
        for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
            found = registry.find(part)
            if found is not None:
                return found.name
    for name in names:
        if host_of(name) is None and len(name.split()) <= 5:
            return name
    if host is not None and not is_social(host):
        return registered_domain(host)
    return None


# -- headline -------------------------------------------------------------------------------


def _pieces(title: str) -> list[str]:
    """Every run of a title's separator-delimited parts, longest first ("A - B | C": "A - B | C",
    "A - B", "B | C", "A", ...): one of them is the headline, the rest site and section names."""
    spans = [(m.start(), m.end()) for m in _SEPARATOR.finditer(title)]
    starts = [0] + [end for _, end in spans]
    ends = [start for start, _ in spans] + [len(title)]
    out = []
    for i, start in enumerate(starts):
        for j in range(i, len(ends)):
            out.append(title[start : ends[j]].strip())
    return sorted(dict.fromkeys(p for p in out if p), key=len, reverse=True)


def _names_site(part: str, site_keys: set[str], outlet_key: str, registry: OutletRegistry) -> bool:
    """Whether a title part names the site ("Kompas.com Regional", "Republika Online", "ihram.co.id")."""
    key = _key(part)
    if not key:
        return True
    if any(k and k in key for k in site_keys):
        return True
    found = registry.find(part)
    return found is not None and _key(found.name) == outlet_key


def page_headline(
    page: PageFacts, extracted: str, outlet: str | None, url: str | None, registry: OutletRegistry
) -> str:
    """The headline as the page shows it: a heading that is a title without its site and section
    parts (or that plus a short rubric), else the title with the parts that name the site cut off."""
    titles = [t for t in (*page.titles, _norm(extracted)) if t]
    if not titles:
        return page.headings[0] if page.headings else ""
    headings = {_key(h): h for h in reversed(page.headings)}  # the first of equal headings wins
    for title in titles:
        for piece in _pieces(title):
            if len(piece.split()) >= 2 and _key(piece) in headings:
                return headings[_key(piece)]
    # A heading that shows a title's piece after a short rubric: "In Picture: <og:title>".
    for title in titles:
        for piece in _pieces(title):
            if len(piece.split()) < 3:
                continue
            for heading in page.headings:
                head, _, tail = heading.rpartition(piece)
                if head and not tail.strip() and len(head.split()) <= _MAX_RUBRIC_WORDS and head.rstrip().endswith(":"):
                    return heading
    site_keys = {_key(n) for n in page.site_names if len(_key(n)) >= 4}
    host = host_of(url) if url else None
    if host is not None:
        label = registered_domain(host).split(".")[0]
        if len(label) >= 4:
            site_keys.add(_key(label))
    outlet_key = _key(outlet or "")
    if len(outlet_key) >= 4:
        site_keys.add(outlet_key)
    # Titles that differ only by a suffix teach it: og:title "X", <title> "X - Tekno Liputan6.com".
    best = titles[0]
    for title in titles[1:]:
        if title != best and (title.startswith(best) or best.startswith(title)):
            best = min(best, title, key=len)
    parts = _SEPARATOR.split(best)
    seps = _SEPARATOR.findall(best)
    while len(parts) > 1 and _names_site(parts[-1], site_keys, outlet_key, registry):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _names_site(parts[0], site_keys, outlet_key, registry):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip()


# -- index pages ----------------------------------------------------------------------------


def _article_like_path(url: str) -> bool:
    """Whether a URL's path names one article: a slug of three or more words, or a long number."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if _LONG_NUMBER.search(parts.query or ""):
        return True
    for segment in segments:
        stem = re.sub(r"\.(html?|php|aspx?)$", "", segment, flags=re.IGNORECASE)
        if _LONG_NUMBER.search(stem) or len(_SLUG_WORD.findall(stem)) >= 3:
            return True
    return False


def index_page_reason(url: str | None, headline: str, lines: list[str], page: PageFacts) -> str | None:
    """Why a page is a home, section or index page rather than an article (None: it is an article)."""
    if url and host_of(url) and not _article_like_path(url):
        path = urlsplit(url).path or "/"
        return f"index page, not an article: its address ({path}) is a home or section page"
    listed = sum(1 for line in lines if _key(line) in page.link_texts or _key(line) in page.teasers)
    # A listing: other stories' titles and the teasers beside them make up the text.
    if link_share(lines, page) > 0.5 or (listed >= _LISTING_LINES and listed / len(lines) >= 0.6):
        return "index page, not an article: most of its text is links to other articles"
    return None


def link_share(lines: list[str], page: PageFacts) -> float:
    """The share of a body's characters in lines that are other stories' link titles."""
    total = sum(len(line) for line in lines)
    linked = sum(len(line) for line in lines if _key(line) in page.link_texts)
    return linked / total if total else 0.0


def prose_chars(lines: list[str], page: PageFacts) -> int:
    """Characters of a body in lines that are neither link titles nor captions."""
    return sum(len(line) for line in lines if _key(line) not in page.link_texts and _key(line) not in page.captions)


# -- body -------------------------------------------------------------------------------------


def drop_page_furniture(lines: list[str], page: PageFacts) -> list[str]:
    """Body lines without other stories' link titles and image captions: a line the page marks as
    a link to another page or as an image's caption is not the article's text. Lines of running
    prose (a full sentence and more than a few words) are kept whatever the markup says."""
    out: list[str] = []
    captions = frozenset() if page.photo_page else page.captions
    for line in lines:
        key = _key(line)
        if key and (key in page.link_texts or key in captions) and not _is_lead_prose(line, out):
            continue
        out.append(line)
    return out


def _is_lead_prose(line: str, kept: list[str]) -> bool:
    """A long prose line at the top of the body (a photo page's caption is its text)."""
    return not kept and len(_WORD.findall(line)) >= 12 and line.rstrip().endswith((".", '"', "\u201d"))
