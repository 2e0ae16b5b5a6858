"""http(s) URLs of articles and feeds, fetched with httpx (timeouts, a size limit, redirects).

A ``Fetcher`` owns one HTTP client for a batch; every failure (unreachable host, timeout,
HTTP error status, body over the limit) is an ``InputError`` naming the URL.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from .._version import __version__
from ..errors import InputError, InputTooLargeError


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # lower-case media type without parameters, "" when absent


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def url_article_id(url: str) -> str:
    """A readable, stable id for a fetched page: the last path segment plus a short hash."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    slug = re.sub(r"[^\w-]+", "-", segments[-1] if segments else parts.netloc).strip("-").lower()[:60]
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return f"{slug or 'page'}-{digest}"


class Fetcher:
    """Fetches URLs for one batch; close it (or use ``with``) to release the connections."""

    def __init__(self, *, timeout: float, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": f"ringkas/{__version__} (+news story engine)"},
        )
        self.timeout = timeout

    def fetch(self, url: str) -> Fetched:
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    phrase = response.reason_phrase or "error"
                    raise InputError(f"HTTP {response.status_code} {phrase}", source=url)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise InputTooLargeError(
                        f"response is {declared} bytes, over the {self.max_bytes}-byte limit", source=url
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputTooLargeError(f"response is over the {self.max_bytes}-byte limit", source=url)
                    chunks.append(chunk)
                media = response.headers.get("content-type", "").split(";")[0].strip().lower()
                return Fetched(url=str(response.url), data=b"".join(chunks), content_type=media)
        except httpx.TimeoutException:
            raise InputError(f"timed out after {self.timeout:g} s", source=url) from None
        except httpx.TooManyRedirects:
            raise InputError("too many redirects", source=url) from None
        except httpx.ConnectError as exc:
            raise InputError(f"cannot connect: {_reason(exc)}", source=url) from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            raise InputError(f"cannot fetch: {_reason(exc)}", source=url) from None

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:120]
