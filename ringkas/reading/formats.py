"""Formats: which parser reads a file, from its name, its media type or its first bytes."""

from __future__ import annotations

from .feeds import looks_like_feed

FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
SUPPORTED_SUFFIXES = frozenset(FORMATS_BY_SUFFIX)
# JSON Lines files are read a line at a time: ``max_bytes`` limits each line, not the file.
STREAMED_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "text")
JSON_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "json")
HTML_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "html")
FEED_SUFFIXES = frozenset(s for s, f in FORMATS_BY_SUFFIX.items() if f == "feed")
FORMATS_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "json",
    "application/jsonl": "json",
    "text/plain": "text",
}


def sniff_format(data: bytes) -> str:
    """The format of a document from its first bytes: feed, html, json or text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if looks_like_feed(head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<article", b"<div", b"<p>")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def format_of(suffix: str, data: bytes) -> str:
    """The format of a file with this suffix (lower case, with the dot); sniffed when unknown."""
    return FORMATS_BY_SUFFIX.get(suffix) or sniff_format(data)
