"""Routes of the daily tool: story change logs, entity pages, threads, follows and Atom feeds.

Pages and their JSON twins come from the same view in ``daily.py``; feeds from ``feeds.py``.
``create_app`` calls ``add_daily_routes`` once.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..engine import Engine
from ..errors import FormatError
from ..ranking import min_outlets_param
from ..storing import StoryFilter
from . import daily, feeds
from .labels import choose_language, labels_for
from .security import FORM_FIELD, Guard

if TYPE_CHECKING:
    from .app import Site

SINCE_HELP = "Mark what changed after this time: ISO time or date, or an age like 24h or 7d."
MAX_FORM_CHARS = 300


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _stories_feed(engine: Engine, q: str, outlet: str, min_outlets: str, base: str, request_url: str) -> bytes:
    if len(q) > MAX_FORM_CHARS:
        raise FormatError(f"query parameter 'q' is longer than {MAX_FORM_CHARS} characters")
    filters = StoryFilter(outlet=outlet.strip() or None, min_outlets=min_outlets_param(min_outlets))
    stories, _total = engine.find_stories(q, filters, limit=feeds.FEED_ENTRIES, order="updated")
    changed = {k: v[3] for k, v in engine.story_ranks(s.id for s in stories).items()}
    title = "ringkas" + (f": {q}" if q else "") + (f" ({outlet})" if outlet else "")
    query = request_url.partition("?")[2]
    page = base + "/" + ("?" + query if query else "")
    return feeds.stories_feed(feeds.FeedMeta(request_url, page, title), stories, changed, base)


def _story_feed(engine: Engine, story_id: str, base: str, self_url: str, labels: dict[str, str]) -> bytes:
    story = engine.story(story_id)
    meta = feeds.FeedMeta(self_url, f"{base}/stories/{story.id}", story.headline)
    return feeds.story_feed(meta, story, engine.changes(story.id), base, labels)


def _entity_feed(engine: Engine, key: str, base: str, self_url: str) -> bytes:
    data = daily.entity_page(engine, key)
    stories = [engine.story(s["id"]) for s in data["stories"]]
    changed = {k: v[3] for k, v in engine.story_ranks(s.id for s in stories).items()}
    meta = feeds.FeedMeta(self_url, f"{base}/entities/{key}", data["name"])
    return feeds.entity_feed(meta, stories, changed, base)


def _atom(body: bytes) -> Response:
    return Response(body, media_type=feeds.MEDIA_TYPE)


async def _form_or_json(request: Request, guard: Guard) -> dict[str, str]:
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(await request.body() or b"{}")
        except ValueError as exc:
            raise FormatError(f"request body is not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise FormatError("request body must be a JSON object with 'q' (and 'outlet', 'min_outlets')")
    else:
        form = await request.form(max_files=0, max_fields=10)
        guard.check_form_token(request, form.get(FORM_FIELD))  # a form is a browser's: same-session proof
        data = {k: v for k, v in form.items() if isinstance(v, str)}
    return {k: str(data.get(k, "") or "")[:MAX_FORM_CHARS] for k in ("q", "query", "outlet", "min_outlets")}


def add_daily_routes(app: FastAPI, site: Site) -> None:
    def labels(request: Request) -> dict[str, str]:
        lang = choose_language(site.engine.settings["ui_language"], request.headers.get("accept-language"))
        return labels_for(lang)

    # -- what changed --------------------------------------------------------------------------

    @app.get("/api/stories/{story_id}/changes", summary="A story's change log")
    def changes_api(story_id: str, since: str = Query("", description=SINCE_HELP)) -> JSONResponse:
        """Every change to the story (article joined, summary sentence added or replaced, new quote,
        new timeline entry, figure revised), oldest first, saved after `since` when given."""
        return JSONResponse(site.call(daily.story_changes, story_id, since))

    # -- people, organisations and places ------------------------------------------------------

    @app.get("/entities/{key}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, key: str) -> Response:
        return site.render("entity.html", request, site.call(daily.entity_page, key))

    @app.get("/api/entities/{key}", summary="A person, organisation or place across stories")
    def entity_api(key: str) -> JSONResponse:
        """Names merged across stories, roles seen, the stories naming it over time, its quotes."""
        return JSONResponse(site.call(daily.entity_page, key))

    # -- threads ---------------------------------------------------------------------------------

    @app.get("/threads/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def thread_page(request: Request, story_id: str) -> Response:
        return site.render("thread.html", request, site.call(daily.thread_page, story_id))

    @app.get("/api/threads/{story_id}", summary="The thread of a story")
    def thread_api(story_id: str) -> JSONResponse:
        """The stories a story continues and that continue it, in order, with one timeline."""
        return JSONResponse(site.call(daily.thread_page, story_id))

    # -- follows ---------------------------------------------------------------------------------

    @app.get("/follows", response_class=HTMLResponse, include_in_schema=False)
    def follows_page(request: Request) -> Response:
        return site.render("follows.html", request, site.call(daily.follows_page))

    @app.get("/api/follows", summary="Followed searches, each with its feed")
    def follows_api() -> JSONResponse:
        return JSONResponse(site.call(daily.follows_page))

    async def add_follow(request: Request) -> dict[str, Any]:
        data = await _form_or_json(request, site.guard)
        query = data["q"] or data["query"]
        return await run_in_threadpool(site.call, daily.follow_search, query, data["outlet"], data["min_outlets"])

    @app.post("/follows", include_in_schema=False)
    async def follow_submit(request: Request) -> Response:
        await add_follow(request)
        return RedirectResponse("/follows", status_code=303)

    @app.post("/api/follows", summary="Follow a search (q, outlet, min_outlets)", status_code=201)
    async def follow_api(request: Request) -> JSONResponse:
        """JSON `{"q": ..., "outlet": ..., "min_outlets": ...}` or a form; the same search twice is kept once."""
        return JSONResponse(await add_follow(request), status_code=201)

    @app.post("/follows/{follow_id}/delete", include_in_schema=False)
    async def unfollow_submit(request: Request, follow_id: str) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        site.guard.check_form_token(request, form.get(FORM_FIELD))
        await run_in_threadpool(site.call, daily.unfollow, follow_id)
        return RedirectResponse("/follows", status_code=303)

    @app.delete("/api/follows/{follow_id}", summary="Stop following a search")
    def unfollow_api(follow_id: str) -> JSONResponse:
        return JSONResponse(site.call(daily.unfollow, follow_id))

    # -- Atom feeds ------------------------------------------------------------------------------

    @app.get("/feeds/stories.atom", summary="Atom feed of the story list (q, outlet, min_outlets)")
    def stories_atom(
        request: Request,
        q: str = Query("", description="Words to search for."),
        outlet: str = Query("", description="Only stories with an article from this outlet."),
        min_outlets: str = Query("", description="Only stories that this many outlets report."),
    ) -> Response:
        """One entry per story, most recently changed first; an entry's `updated` is its story's last change."""
        return _atom(site.call(_stories_feed, q, outlet, min_outlets, _base(request), str(request.url)))

    @app.get("/feeds/stories/{story_id}.atom", summary="Atom feed of a story's changes")
    def story_atom(request: Request, story_id: str) -> Response:
        return _atom(site.call(_story_feed, story_id, _base(request), str(request.url), labels(request)))

    @app.get("/feeds/entities/{key}.atom", summary="Atom feed of the stories naming a person, organisation or place")
    def entity_atom(request: Request, key: str) -> Response:
        return _atom(site.call(_entity_feed, key, _base(request), str(request.url)))
