"""Cleaning: take a raw ``Article`` and return it without the noise of scraped news.

Works line by line: every removed line is kept with its reason (``RemovedLine``). Mojibake is
repaired with ftfy, datelines ("Liputan6.com, Moskow -") are stripped and kept as metadata
(outlet, place), bylines become metadata, subheadings become structure, and a missing
publication date is taken from text such as "Rabu (30/5/2018)".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

import ftfy

from .models import Article, RemovedLine

_DASH = r"[-\u2013\u2014]"
# "Liputan6.com, Moskow -"  /  "Wartakini.com, Surabaya -"
_DATELINE_OUTLET_PLACE = re.compile(
    rf"^(?P<outlet>[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{{2,}}){{1,2}})\s*,\s*(?P<place>[A-Z][\w.' ]{{1,40}}?)\s*{_DASH}+\s*"
)
# "KONTAN.CO.ID - VLADIVOSTOK."  /  "HARIANSELAT.CO.ID - BATAM."
_DATELINE_OUTLET_CAPS_PLACE = re.compile(
    rf"^(?P<outlet>[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{{2,}}){{1,2}})\s*{_DASH}+\s*(?P<place>[A-Z][A-Z' ]{{1,40}})[.,]\s+"
)
# "JAKARTA, KOMPAS.com -"  /  "JAKARTA, KABARNUSANTARA.ID -"  /  "JAKARTA (ANTARA) -"
_DATELINE_PLACE_OUTLET = re.compile(
    rf"^(?P<place>[A-Z][A-Z' ]{{1,40}}?)\s*(?:,\s*|\()"
    rf"(?P<outlet>[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{{2,}}){{0,2}})\)?\s*{_DASH}+\s*"
)
_DATELINES = (_DATELINE_OUTLET_PLACE, _DATELINE_OUTLET_CAPS_PLACE, _DATELINE_PLACE_OUTLET)

_BYLINE = re.compile(
    r"^\s*(sumber|penulis|editor|reporter|pewarta|redaktur|laporan wartawan|kontributor|source|writer)\s*:",
    re.IGNORECASE,
)
_RELATED = re.compile(r"^\s*(baca|simak|lihat|tonton|cek)\s+(juga|pula|selengkapnya)\b", re.IGNORECASE)
_ADVERT = re.compile(r"^\s*(advertisement|iklan|scroll to (continue|resume)( with content)?|ads?)\s*$", re.IGNORECASE)
_VIDEO = re.compile(r"^\s*(saksikan|tonton|simak)\s+(juga\s+)?video\b", re.IGNORECASE)
_SHARE = re.compile(
    r"^\s*(bagikan\b|share\b|ikuti (kami|kanal|berita|akun)|follow (us|kami)|dapatkan (update|berita|informasi)"
    r"|subscribe\b|berlangganan\b|klik (di ?sini|link)|download aplikasi|unduh aplikasi"
    r"|gabung (ke )?(grup|kanal|channel))",
    re.IGNORECASE,
)
_PHOTO = re.compile(
    r"^\s*(foto|photo|ilustrasi|sumber foto|image|gambar|dok\.?|dokumentasi)\s*[:/]"
    r"|^\s*[A-Z]+ FOTO\s*/"
    r"|\b(melalui|via|/)\s*(reuters|afp|ap|getty images?|antara|epa|kcna|anadolu)\s*\.?\s*$",
    re.IGNORECASE,
)
_AGENCIES = {
    "reuters",
    "afp",
    "ap",
    "antara",
    "kcna",
    "yonhap",
    "xinhua",
    "epa",
    "getty images",
    "anadolu",
    "shutterstock",
    "istockphoto",
    "bloomberg",
    "kyodo",
    "tass",
    "ria novosti",
    "dpa",
    "bernama",
}
_SPAM_WORDS = re.compile(
    r"\b(slot|gacor|maxwin|togel|toto|sbobet|judi online|kasino|casino|jackpot|scatter|rtp live|bandar bola|"
    r"situs terpercaya|deposit pulsa|link alternatif|pragmatic play|zeus)\b",
    re.IGNORECASE,
)
_TEXT_DATE = re.compile(
    r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)\s*\((\d{1,2})/(\d{1,2})/(\d{4})\)"
)
# What is left of a no-break space or curly quote decoded twice, when ftfy cannot tell it apart.
_MOJIBAKE_DEBRIS = set("\u00c2\u00c3\u00e2\u20ac\u2122\u0153\u009d\u00a0 ")
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019:;)]\s*$")


def normalize_line(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def fix_text(text: str) -> str:
    """Repair mojibake and stray control characters; never drops letters."""
    fixed = ftfy.fix_text(text, normalization="NFC")
    return fixed.replace("\u00a0", " ").replace("\u200b", "")


def match_dateline(text: str) -> re.Match[str] | None:
    for pattern in _DATELINES:
        match = pattern.match(text)
        if match and len(text) > match.end() + 20:
            return match
    return None


def outlet_name(raw: str) -> str:
    """ "KONTAN.CO.ID" -> "Kontan"; mixed-case names stay as the outlet writes them."""
    if raw.isupper() and "." in raw:
        return raw.split(".")[0].capitalize()
    return raw


def is_byline(line: str) -> bool:
    return bool(_BYLINE.match(line)) or ("|" in line and bool(re.search(r"\beditor\s*:", line, re.IGNORECASE)))


def noise_reason(line: str, title_key: str) -> str | None:
    """Why a body line is noise, or None when it is article text."""
    stripped = line.strip()
    key = normalize_line(stripped)
    words = key.split()
    if not key:
        return "empty"
    if set(stripped) <= _MOJIBAKE_DEBRIS:
        return "mojibake"
    if title_key and key == title_key:
        return "repeated-headline"
    if is_byline(stripped):
        return "byline"
    if _RELATED.match(stripped):
        return "related-link"
    if _ADVERT.match(stripped):
        return "advertisement"
    if _VIDEO.match(stripped):
        return "video-prompt"
    if len(words) <= 25 and _SHARE.match(stripped):
        return "share-prompt"
    if key in _AGENCIES:
        return "photo-credit"
    if len(words) <= 14 and _PHOTO.search(stripped) and not _SENTENCE_END.search(stripped.rstrip(".")):
        return "photo-credit"
    if len(words) <= 12 and _SPAM_WORDS.search(stripped):
        return "spam"
    return None


def is_subheading(line: str, next_line: str | None) -> bool:
    """A short title-like line with no final punctuation, followed by more body text."""
    stripped = line.strip()
    words = stripped.split()
    if not next_line or not 2 <= len(words) <= 14 or _SENTENCE_END.search(stripped):
        return False
    return not (stripped[0].islower() or stripped.endswith(","))


def text_date(text: str) -> date | None:
    """The first "Rabu (30/5/2018)" style date in the text."""
    for match in _TEXT_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def clean_article(article: Article) -> Article:
    """The article with noise lines removed (and recorded), dateline and byline as metadata."""
    metadata = dict(article.metadata)
    removed: list[RemovedLine] = []
    title = fix_text(article.title).strip()
    body = article.text
    if metadata.pop("first_line_is_title", False) and title:
        if is_byline(title):
            removed.append(RemovedLine(title, "byline", -1))
            metadata["byline"] = title
            title = ""
        elif match_dateline(title) or len(title.split()) > 40:
            body = article.title + "\n" + body  # a dateline paragraph, not a headline
            title = ""
    raw_lines = body.split("\n")
    lines = [fix_text(line) for line in raw_lines]
    title_key = normalize_line(title)

    kept: list[str] = []
    subheadings: list[str] = []
    first_body = True
    for i, (raw, line) in enumerate(zip(raw_lines, lines, strict=True)):
        if raw.strip() and not line.strip():  # e.g. a lone "Â": mojibake of a no-break space
            removed.append(RemovedLine(raw.strip(), "empty", i))
    content_lines = [i for i, line in enumerate(lines) if line.strip()]
    for pos, i in enumerate(content_lines):
        line = lines[i].strip()
        reason = noise_reason(line, title_key)
        if reason == "empty":
            removed.append(RemovedLine(line, "empty", i))
            continue
        if reason is not None:
            removed.append(RemovedLine(line, reason, i))
            if reason == "byline":
                metadata.setdefault("byline", line)
            continue
        if first_body:
            dateline = match_dateline(line)
            if dateline:
                metadata["dateline"] = dateline.group(0).strip()
                metadata["dateline_place"] = dateline.group("place").strip().title()
                metadata["dateline_outlet"] = outlet_name(dateline.group("outlet"))
                line = line[dateline.end() :].lstrip()
        nxt = lines[content_lines[pos + 1]].strip() if pos + 1 < len(content_lines) else None
        if not first_body and is_subheading(line, nxt):
            subheadings.append(line)
            continue
        first_body = False
        kept.append(unicodedata.normalize("NFC", line))

    byline = metadata.get("byline")
    if isinstance(byline, str):
        wire = re.search(r"sumber\s*:\s*([^|]+)", byline, re.IGNORECASE)
        if wire:
            metadata["wire_source"] = wire.group(1).strip()
    text = "\n".join(kept)
    outlet = article.outlet or metadata.get("dateline_outlet")
    published = article.published or text_date(text)
    return replace(
        article,
        title=title,
        text=text,
        outlet=outlet,
        published=published,
        removed=article.removed + tuple(removed),
        subheadings=article.subheadings + tuple(subheadings),
        metadata=metadata,
    )
