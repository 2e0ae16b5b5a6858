"""End to end in a real browser: Debian's chromium, driven by Playwright, against ``ringkas``'s
web app served by uvicorn on 127.0.0.1. Upload articles through the ingest form, open the story,
click a citation, land on the cited sentence highlighted in its article.

``scripts/test`` installs chromium with apt when /usr/bin/chromium is missing; Playwright's own
browser download is never used. Screenshots of the story page (desktop and phone width) go to
``out/screenshots/``.
"""

from __future__ import annotations

import json
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, shared_path
from test_web_support import FLOOD, HOSTILE, HOSTILE_TEXT, RICE, as_jsonl, as_txt

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "out" / "screenshots"
MARK_COLOUR = "rgb(255, 229, 138)"  # --mark in style.css


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, in a thread of this process, over a fresh store."""
    import uvicorn

    from ringkas import Engine
    from ringkas.web import create_app

    engine = Engine(db=str(tmp_path / "web.db"), progress=False)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(engine), host="127.0.0.1", port=port, log_level="warning", lifespan="off", ws="none"
    )
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    engine.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    """A headless chromium context with a fresh profile; skipped (with the reason) without chromium."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: scripts/test installs Debian's chromium with apt-get")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="ringkas-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1100, "height": 900},
        )
        context.set_default_timeout(30_000)
        try:
            yield context
        finally:
            context.close()


def upload_and_open_story(page: Any, base: str, files: list[dict[str, Any]], story_text: str | None) -> None:
    """Ingest ``files`` through the form and end on a story page (the one whose headline holds
    ``story_text`` when the upload made several stories)."""
    page.goto(base + "/ingest")
    page.set_input_files("input[name=files]", files=files)
    page.click("form.ingest button[type=submit]")
    page.wait_for_load_state()
    if "/stories/" not in page.url:  # several stories: the result page lists them
        assert page.locator("h1").inner_text() == "Hasil unggahan"
        cards = page.locator(".cards a")
        assert cards.count() >= 1
        if story_text:
            target = cards.filter(has_text=story_text).first
        else:  # the story with the most articles
            counts = [int(n.split()[0]) for n in page.locator(".cards .meta").all_inner_texts()]
            target = cards.nth(counts.index(max(counts)))
        target.click()
        page.wait_for_load_state()
    assert "/stories/" in page.url


def follow_first_citation(page: Any) -> None:
    """Click the source citation of the first summary sentence and check where it lands."""
    first = page.locator(".summary li").first
    sentence = first.locator(".sentence-text").inner_text().strip()
    first.locator("a.cite.source").click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and "#s" in page.url
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    # The sentence the link names is the summary sentence, it is the page's :target, it is
    # highlighted, and it is on screen.
    assert target.inner_text().strip() == sentence
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    assert "hl" in (target.get_attribute("class") or "").split()
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == MARK_COLOUR
    assert target.is_visible()
    box = target.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert 0 <= box["y"] < viewport["height"]


def screenshot_story(page: Any, story_url: str, name: str) -> list[Path]:
    """Screenshots of the story page at desktop and at phone width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    paths = []
    for label, size in (("desktop", {"width": 1100, "height": 900}), ("phone", {"width": 390, "height": 844})):
        page.set_viewport_size(size)
        page.goto(story_url)
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        if label == "phone":  # nothing wider than the phone: no sideways scrolling
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        paths.append(path)
    page.set_viewport_size({"width": 1100, "height": 900})
    return paths


def test_upload_open_story_click_citation(server, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    files = [{"name": f"{a['id']}.txt", "mimeType": "text/plain", "buffer": as_txt(a).encode()} for a in FLOOD[:2]] + [
        {
            "name": "kiriman.jsonl",
            "mimeType": "application/json",
            "buffer": as_jsonl([FLOOD[2], *RICE, HOSTILE]).encode(),
        }
    ]
    upload_and_open_story(page, server, files, "anjir")
    story_url = page.url
    assert "Ringkasan" in page.locator("#ringkasan h2").inner_text()
    assert page.locator("svg.chart circle").count() >= 2  # articles per outlet over time
    screenshot_story(page, story_url, "story-fixture")
    page.goto(story_url)
    follow_first_citation(page)

    # The article with markup in its text shows it as text, and nothing runs.
    page.goto(server + "/?q=peretas")
    page.locator(".hits a").first.click()
    page.wait_for_load_state()
    assert HOSTILE_TEXT in page.locator(".text").inner_text()
    assert page.locator(".text script").count() == 0
    assert page.locator("h1 b").count() == 0
    assert dialogs == []


@pytest.mark.shared
def test_upload_seeds_open_story_click_citation(server, browser):
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    assert seeds, "no seed articles"
    page = browser.new_page()
    files = [{"name": p.name, "mimeType": "text/plain", "buffer": p.read_bytes()} for p in seeds]
    upload_and_open_story(page, server, files, None)
    story_url = page.url
    screenshot_story(page, story_url, "story-seeds")
    page.goto(story_url)
    follow_first_citation(page)
    # The page's JSON twin names the same story.
    story_id = story_url.rsplit("/", 1)[1]
    page.goto(f"{server}/api/stories/{story_id}")
    assert json.loads(page.locator("body").inner_text())["story"]["id"] == story_id
