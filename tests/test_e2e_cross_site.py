"""Cross-site requests in a real browser: a page served from another port of 127.0.0.1 (another
origin) makes headless Chromium post the ingest form to ringkas and ``fetch`` a ``text/plain``
body to ``POST /api/articles``. Both are refused and nothing is stored.

Chromium and the ringkas server come from ``test_e2e_browser``'s fixtures.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from test_e2e_browser import browser, server  # noqa: F401 - fixtures
from test_web_support import RICE


def attacker_page(target: str) -> str:
    """A page that posts an article to ``target`` twice: a ``text/plain`` fetch, then a form."""
    body = json.dumps(RICE[0])
    pasted = html.escape(RICE[1]["title"] + "\n" + RICE[1]["text"])
    return f"""<!doctype html><html><head><title>menunggu</title></head><body>
<form id="f" method="post" action="{target}/ingest" enctype="multipart/form-data">
<textarea name="text">{pasted}</textarea>
</form>
<script>
fetch({json.dumps(target + "/api/articles")}, {{
  method: "POST", mode: "no-cors", headers: {{"content-type": "text/plain"}}, body: {json.dumps(body)}
}}).then(() => {{ document.title = "terkirim"; }}, () => {{ document.title = "gagal"; }});
</script></body></html>"""


@pytest.fixture
def attacker(server: str) -> Iterator[str]:  # noqa: F811 - the imported fixture
    """The attacker's page on its own port of 127.0.0.1 (another origin than ``server``)."""
    page = attacker_page(server).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_cross_site_form_post_and_text_plain_fetch_store_nothing(server, browser, attacker):  # noqa: F811
    statuses: dict[str, int] = {}
    page = browser.new_page()
    page.on("response", lambda r: statuses.__setitem__(r.request.method + " " + r.url, r.status))
    page.goto(attacker)
    page.wait_for_function("document.title !== 'menunggu'")
    assert page.title() == "terkirim"  # the fetch went out (no-cors: its answer is opaque to the page)
    with page.expect_navigation():
        page.evaluate("document.getElementById('f').submit()")
    assert statuses[f"POST {server}/api/articles"] == 403  # refused by its Origin before its content type
    assert statuses[f"POST {server}/ingest"] == 403
    assert "cross-site request refused" in page.content()
    answer = httpx.get(server + "/api/stories").json()
    assert answer["total"] == 0 and answer["stories"] == []
    # The same article sent the way the app's own pages and API clients do is stored.
    own = httpx.post(server + "/api/articles", json=RICE[0], timeout=120)
    assert own.status_code == 201
    assert httpx.get(server + "/api/stories").json()["total"] == 1
