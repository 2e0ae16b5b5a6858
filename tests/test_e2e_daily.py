"""End to end in a real browser for the daily tool: follow a search, add an article to a
followed story through the API, reload, and see what changed.

Headless chromium (Playwright) against ringkas on a real uvicorn server on 127.0.0.1, over a
store the test fills through the real pipeline with our own articles (``daily_fixtures``).
Screenshots of the list, the story with its changes, an entity page and the thread go to
``out/screenshots/`` (gitignored).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest
from conftest import ROOT
from daily_fixtures import ARREST, TRIAL, TRIAL_UPDATE
from test_e2e_browser import browser, server  # noqa: F401  (fixtures)

SCREENSHOTS = ROOT / "out" / "screenshots"
MARK_COLOUR = "rgb(255, 229, 138)"  # --mark in style.css

pytestmark = pytest.mark.slow


def shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"daily-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def post_articles(base: str, articles: list[dict[str, Any]]) -> dict[str, Any]:
    response = httpx.post(base + "/api/articles", json=articles, timeout=300)
    assert response.status_code == 201, response.text
    return response.json()


def story_of(result: dict[str, Any], article_id: str) -> str:
    return next(a["story_id"] for a in result["articles"] if a["id"] == article_id)


def feed_entry(base: str, href: str, story_id: str) -> Any:
    body = httpx.get(base + href, timeout=60)
    assert body.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(body.content)
    assert feed.bozo is False, feed.get("bozo_exception")
    return next(e for e in feed.entries if e.link.endswith("/stories/" + story_id))


def test_follow_add_article_reload_shows_what_changed(server, browser):  # noqa: F811
    base = server
    arrest = story_of(post_articles(base, ARREST), "tangkap-1")
    trial = story_of(post_articles(base, TRIAL), "sidang-1")
    assert arrest != trial
    page = browser.new_page()

    # Follow a search from the story list; the follows page lists it with its feed.
    page.goto(base + "/?q=Darmawan")
    assert page.locator(".cards .card").count() == 2
    page.click("form.follow button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/follows")
    follow = page.locator("li.follow").filter(has_text="Darmawan")
    assert follow.count() == 1
    feed_href = follow.locator("a.feed").get_attribute("href")
    assert feed_href == "/feeds/stories.atom?q=Darmawan"
    before = feed_entry(base, feed_href, trial)

    # Visit the trial story (the browser remembers the visit), and the list.
    page.goto(f"{base}/stories/{trial}")
    assert page.locator(".part.new").count() == 0
    old_summary = page.locator(".summary .sentence-text").all_inner_texts()
    page.goto(base + "/")
    assert page.locator(".card.new").count() == 0

    # A new article joins the followed story through the API.
    result = post_articles(base, [TRIAL_UPDATE])
    assert story_of(result, TRIAL_UPDATE["id"]) == trial

    # Reload: the list marks the story new, the story page highlights the new summary sentence.
    page.goto(base + "/")
    card = page.locator(f".card[data-story='{trial}']")
    assert "new" in (card.get_attribute("class") or "").split()
    assert card.locator(".badge-new").is_visible()
    assert page.locator(f".card[data-story='{arrest}'].new").count() == 0
    shot(page, "list")

    page.goto(f"{base}/stories/{trial}")
    new_sentences = page.locator(".summary li.new .sentence-text").all_inner_texts()
    assert new_sentences, "no summary sentence is marked new"
    assert all(s not in old_summary for s in new_sentences)
    first_new = page.locator(".summary li.new").first
    assert first_new.evaluate("e => getComputedStyle(e).backgroundColor") == MARK_COLOUR
    assert page.locator(".summary li:not(.new) .sentence-text").all_inner_texts() == [
        s for s in page.locator(".summary .sentence-text").all_inner_texts() if s in old_summary
    ]
    assert page.locator(".changes-banner").is_visible()
    assert page.locator("ol.changes li.new").filter(has_text="12 miliar (was 9)").count() == 1
    shot(page, "story-changes")

    # The follow's feed has the story's entry with a later `updated`.
    after = feed_entry(base, feed_href, trial)
    assert after.updated > before.updated

    # The thread: the trial continues the arrest.
    nav = page.locator("nav.thread-nav a.previous")
    assert nav.get_attribute("href") == f"/stories/{arrest}"
    page.click("nav.thread-nav a.thread-link")
    page.wait_for_load_state()
    assert [a.get_attribute("href") for a in page.locator(".thread-stories a").all()] == [
        f"/stories/{arrest}",
        f"/stories/{trial}",
    ]
    assert page.locator(".timeline li.opens").count() == 2
    shot(page, "thread")

    # The entity page of the shared person lists both stories, oldest first.
    page.goto(f"{base}/stories/{trial}")
    page.locator("#nama a.entity", has_text="Darmawan Siregar").first.click()
    page.wait_for_load_state()
    assert "/entities/darmawan-siregar" in page.url
    assert [a.get_attribute("href") for a in page.locator(".entity-stories a").all()] == [
        f"/stories/{arrest}",
        f"/stories/{trial}",
    ]
    shot(page, "entity")

    # Without the browser's memory, ?since= marks the same change server-side.
    page.goto(f"{base}/stories/{trial}?since={date(2000, 1, 1).isoformat()}")
    assert page.locator(".summary li.new").count() == page.locator(".summary li").count()
