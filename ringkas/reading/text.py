"""Plain-text articles, and turning raw bytes into text for every reader.

``decode`` accepts UTF-8 (with or without BOM), UTF-16 with a BOM and, failing those,
Windows-1252 text (old scrapes); anything else is an error that names the line and byte.
"""

from __future__ import annotations

import codecs
import re

from ..errors import EmptyInputError, FormatError
from ..models import Article

# Control characters that never occur in text (tab, newline, carriage return and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029")


def decode(data: bytes, source: str) -> str:
    """Text from bytes, or an ``InputError`` saying what is wrong and where."""
    if not data.strip():
        raise EmptyInputError("file is empty", source=source)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), source)
            except UnicodeDecodeError:
                raise FormatError("broken UTF-16 text", source=source) from None
    if b"\x00" in data[:4096]:
        raise FormatError("file looks binary (NUL bytes), not text", source=source)
    try:
        return _checked(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Not UTF-8: old Windows-1252 files are common in scraped Indonesian news. Accept them only
    # when they read as text (no undefined bytes, at most one character in ten beyond ASCII); never guess further.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and not _CONTROL.search(text) and sum(ord(c) > 127 for c in text) <= 0.1 * len(text):
        return text
    line = data.count(b"\n", 0, utf8_error.start) + 1
    byte = data[utf8_error.start]
    raise FormatError(
        f"not UTF-8 text: undecodable byte 0x{byte:02x} at offset {utf8_error.start}", source=source, line=line
    )


def _checked(text: str, source: str) -> str:
    """Text with too many control characters is a binary file that happened to decode."""
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise FormatError("file looks binary (control characters), not text", source=source)
    if not text.strip():
        raise EmptyInputError("file is empty", source=source)
    return text


def split_lines(text: str) -> list[str]:
    """Lines of text, whatever the line-break convention (CRLF, CR, Unicode separators)."""
    return _LINE_BREAKS.sub("\n", text).split("\n")


def parse_text_article(text: str, *, article_id: str, source: str) -> Article:
    """A plain-text article: the first non-empty line is the headline, the rest the body.

    Whether the first line really is a headline (and not a byline or a dateline paragraph)
    is decided by the cleaner, which sees ``metadata["first_line_is_title"]``.
    """
    lines = split_lines(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise EmptyInputError("file is empty", source=source)
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip("\n")
    return Article(
        id=article_id,
        title=title,
        text=body,
        metadata={"source_path": source, "first_line_is_title": True},
    )
