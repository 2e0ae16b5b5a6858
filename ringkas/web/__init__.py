"""Serving: the web UI and JSON API (``ringkas serve``), a thin layer over one ``Engine``.

``create_app(engine)`` returns the ASGI app: server-rendered pages, each with a JSON twin built
by the same view function, ingest by form or JSON, and full-text search over the store.
"""

from __future__ import annotations

from .app import create_app
from .uploads import Limits

__all__ = ["Limits", "create_app"]
