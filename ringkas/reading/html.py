"""HTML pages: the article's main text (trafilatura, comments left out) and its metadata.

The headline is the one the page shows (its site suffix learnt from the page, see ``pages``), the
outlet the canonical name of the site (``ringkas.outlets``); related-story lists and captions the
page itself marks as links or images are left out. Headings inside the article are passed on in
``metadata["html_headings"]`` so the cleaner keeps them as structure; a page with no article text
is an ``EmptyInputError``, a home, section or index page an ``IndexPageError``.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

from ..errors import EmptyInputError, FormatError, IndexPageError
from ..models import Article
from ..outlets import OutletRegistry, default_registry
from .json import parse_date_text
from .pages import (
    PageFacts,
    drop_page_furniture,
    gallery_captions,
    index_page_reason,
    link_share,
    page_headline,
    page_outlet,
    parse_page,
    prose_chars,
    repair_paragraphs,
)

# Block elements that start a new line when an HTML fragment (a feed entry) becomes text.
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "hr",
}
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
# What ends a table cell and a row of trafilatura's tables in text.
_CELL_ENDS = {"cell": " ", "row": "\n"}
# A bracketed credit after a caption's last sentence.
_CAPTION_CREDIT = re.compile(r"(?<=[.!?])\s+([(\[][^()\[\]]{2,60}[)\]])\s*$")
# Share of a body's characters in other stories' link titles above which the body is a link list.
_LINKED_BODY = 0.3


def read_html(
    markup: str, *, article_id: str, source: str, url: str | None = None, outlets: OutletRegistry | None = None
) -> Article:
    """The article in an HTML page, or an ``InputError`` naming the page (``IndexPageError`` for
    a home, section or index page that lists other articles)."""
    try:
        tree = parse_page(markup)
        page = PageFacts.of(tree)
        doc = _extract(markup, url)
        body = getattr(doc, "body", None)
        lines, headings = _body_lines(body) if body is not None else ([], [])
        if page.photo_page:
            # Extractors leave captions out and fall back to the whole page's text: a photo
            # page's captions, in page order, are its text.
            lines, headings = [part for c in gallery_captions(tree) for part in _caption_lines(_text(c))], []
        elif link_share(lines, page) > _LINKED_BODY:
            # The block trafilatura took is a list of other stories ("Berita lainnya"): its
            # precision mode often finds the article beside it.
            precise = _extract(markup, url, favor_precision=True)
            body = getattr(precise, "body", None)
            other = _body_lines(body) if body is not None else ([], [])
            if prose_chars(other[0], page) > prose_chars(lines, page):
                lines, headings = other
    except Exception as exc:  # trafilatura and lxml raise whatever malformed markup makes them hit
        raise FormatError(f"HTML could not be parsed ({type(exc).__name__}: {exc})", source=source) from None
    registry = outlets or default_registry()
    page_url = page.url or _http(getattr(doc, "url", None)) or url
    sitename = getattr(doc, "sitename", None)
    outlet = page_outlet(page, page_url, sitename if isinstance(sitename, str) else None, registry)
    headline = page_headline(page, (getattr(doc, "title", None) or "").strip(), outlet, page_url, registry)
    index_reason = index_page_reason(page_url, headline, lines, page)
    if index_reason is not None:
        raise IndexPageError(index_reason, source=source)
    lines = drop_page_furniture(lines, page)
    if not any(line.strip() for line in lines):
        raise EmptyInputError("HTML page has no article text", source=source)
    # The text keeps the page's own spaces (line breaks, spaces between inline tags): the cleaner
    # leaves what is glued in it as the page wrote it.
    metadata: dict[str, Any] = {"source_path": source, "spacing_from_markup": True}
    if headings:
        metadata["html_headings"] = [h for h in headings if h in lines]
    for key in ("author", "description", "hostname"):
        value = getattr(doc, key, None)
        if isinstance(value, str) and value.strip():
            metadata[key] = value.strip()
    if isinstance(sitename, str) and sitename.strip() and sitename.strip() != outlet:
        metadata["site_name"] = sitename.strip()
    date_text = getattr(doc, "date", None)
    return Article(
        id=article_id,
        title=headline,
        text="\n".join(lines),
        url=page_url or url,
        outlet=outlet,
        published=parse_date_text(date_text) if isinstance(date_text, str) else None,
        metadata=metadata,
    )


def _extract(markup: str, url: str | None, *, favor_precision: bool = False) -> Any:
    tree = parse_page(markup)
    repair_paragraphs(tree)
    import trafilatura  # loaded on the first page: slow to import, and most inputs are not HTML

    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,  # comments leak into the text otherwise
        include_tables=True,
        with_metadata=True,
        favor_precision=favor_precision,
        deduplicate=False,  # trafilatura's dedup cache is process-global state
        # Dates from the page's metadata and markup only: scanning the whole text for date
        # strings doubled the time per page (benchmarks/ingest.py); the cleaner reads the
        # "Senin (4/3/2024)" style dates Indonesian articles carry in their first paragraph.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _http(value: object) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def _body_lines(body: Any) -> tuple[list[str], list[str]]:
    """One line per paragraph, heading, list item or quote of trafilatura's body tree."""
    lines: list[str] = []
    headings: list[str] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            for item in element.iter("item"):
                lines.extend(_text_lines(item))
            continue
        texts = _text_lines(element)
        if tag == "head" and len(texts) == 1:
            headings.append(texts[0])
        lines.extend(texts)
    return lines, headings


def _text_lines(element: Any) -> list[str]:
    """An element's text, a line per line break it keeps (trafilatura's <lb/> for a <br>, or a newline)."""
    parts: list[str] = []
    _break_text(element, parts)
    return [line for line in (_SPACES.sub(" ", part).strip() for part in "".join(parts).split("\n")) if line]


def _break_text(node: Any, parts: list[str]) -> None:
    """``itertext`` with a newline for each <lb/>: "tersebut.<lb/>Dia" is two paragraphs, not "tersebut.Dia"."""
    if node.tag == "lb":
        parts.append("\n")
    elif node.text and isinstance(node.tag, str):
        parts.append(node.text)
    for child in node:
        _break_text(child, parts)
        if child.tag in _CELL_ENDS:
            parts.append(_CELL_ENDS[child.tag])  # "Penulis | Nama" / "Editor | Nama", not "NamaEditor"
        if child.tail:
            parts.append(child.tail)


def _caption_lines(caption: str) -> list[str]:
    """A caption and the credit closing it ("... Senin (15/2). (REUTERS / Nama)") as two lines, so
    the cleaner takes the credit out and keeps the caption."""
    match = _CAPTION_CREDIT.search(caption)
    return [caption[: match.start()], match.group(1)] if match else [caption]


def _text(element: Any) -> str:
    return _SPACES.sub(" ", "".join(element.itertext())).strip()


def fragment_lines(markup: str) -> list[str]:
    """Text lines of an HTML fragment (a feed entry's content): one per block element."""
    if "<" not in markup:
        return [line.strip() for line in markup.splitlines() if line.strip()]
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.LxmlError, ValueError, TypeError):
        return [line.strip() for line in re.sub(r"<[^>]*>", " ", markup).splitlines() if line.strip()]
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    parts: list[str] = []
    _walk(root, parts)
    text = "".join(parts)
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n") if line.strip()]


def _walk(node: Any, parts: list[str]) -> None:
    block = isinstance(node.tag, str) and node.tag.lower() in _BLOCKS
    if block:
        parts.append("\n")
    if node.text and isinstance(node.tag, str):
        parts.append(node.text)
    for child in node:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")
