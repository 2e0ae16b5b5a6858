"""The web app: server-rendered pages and their JSON twins over one ``Engine``.

Every page ``/X`` has a JSON twin ``/api/X`` (the story list's is ``/api/stories``) built by
the same view function in ``views.py``; templates only lay that data out. Errors go through
one handler that answers JSON under ``/api`` and an HTML page elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import resources
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._version import __version__
from ..engine import Engine
from ..errors import (
    AccessError,
    EmptyInputError,
    FormatError,
    InputError,
    InputTooLargeError,
    NotFoundError,
    RingkasError,
)
from ..models import Article
from . import views
from .daily_routes import SINCE_HELP, add_daily_routes
from .labels import choose_language, labels_for
from .security import FORM_FIELD, Guard, Policy, SecurityGuard, login_cookie_header, safe_next, session_of
from .uploads import Limits, read_json_body, read_pasted, read_upload

log = logging.getLogger("ringkas.web")
T = TypeVar("T")

STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
# No inline script or style and nothing from elsewhere: an article that smuggles markup past
# the escaping still cannot run or load anything.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
ERROR_TITLES = {404: "Tidak ditemukan", 413: "Terlalu besar", 422: "Masukan tidak bisa dipakai"}


class Site:
    """What one app owns: the engine, the request limits, the templates and the static files.

    No lock here: the engine lets one writer in at a time (``Engine.add``) and answers every
    reading thread on its own store connection, so pages never wait for an upload."""

    def __init__(self, engine: Engine, limits: Limits, guard: Guard | None = None) -> None:
        self.engine = engine
        self.limits = limits
        self.guard = guard or Guard(Policy())
        self.templates = Environment(
            loader=PackageLoader("ringkas.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
        )
        self.templates.filters["tanggal"] = format_date
        self.templates.filters["size"] = format_size
        self.static: dict[str, tuple[bytes, str]] = {}
        for item in resources.files("ringkas.web").joinpath("static").iterdir():
            suffix = "." + item.name.rsplit(".", 1)[-1]
            if item.is_file() and suffix in STATIC_TYPES:
                self.static[item.name] = (item.read_bytes(), STATIC_TYPES[suffix])

    def call(self, view: Callable[..., T], *args: Any) -> T:
        return view(self.engine, *args)

    def render(self, name: str, request: Request, data: Any, status: int = 200) -> HTMLResponse:
        lang = choose_language(self.engine.settings["ui_language"], request.headers.get("accept-language"))
        html = self.templates.get_template(name).render(
            data=data,
            version=__version__,
            json_href=json_twin(request),
            path=request.url.path,
            lang=lang,
            t=labels_for(lang),
            form_token=self.guard.form_token(session_of(request)),
        )
        return HTMLResponse(html, status_code=status)


def json_twin(request: Request) -> str:
    path = request.url.path
    twin = "/api/stories" if path == "/" else "/openapi.json" if path == "/api" else "/api" + path
    return twin + ("?" + request.url.query if request.url.query else "")


def format_date(value: str | None) -> str:
    """``2024-03-04`` as ``4 Mar 2024``."""
    if not value:
        return "tanpa tanggal"
    parts = value.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return value
    return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


def format_size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} kB"


class RequestGuard:
    """ASGI middleware: refuse bodies over the limit (413, even when sent without a length) and
    add the security headers to every response."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        declared = dict(scope["headers"]).get(b"content-length")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise InputTooLargeError(f"request body is {int(declared)} bytes, over the {limit}-byte limit")
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise InputTooLargeError(f"request body is over the {limit}-byte limit")
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def list_params(
    q: str = Query("", description="Words to search for in stories and articles (SQLite FTS5)."),
    outlet: str = Query("", description="Only stories with an article from this outlet."),
    language: str = Query("", description="Only stories with an article in this language (ISO 639-1)."),
    since: str = Query("", description="Only stories with an article published on or after this date (YYYY-MM-DD)."),
    until: str = Query("", description="Only stories with an article published on or before this date (YYYY-MM-DD)."),
    page: str = Query("1", description="Page number, 1 or more."),
    order: str = Query("", description="coverage (biggest first; default) or newest; a search: best match first."),
    min_outlets: str = Query("", description="Only stories that at least this many distinct outlets report."),
) -> views.ListParams:
    return views.ListParams(
        q=q, outlet=outlet, language=language, since=since, until=until, page=page, order=order, min_outlets=min_outlets
    )


StoryListParams = Annotated[views.ListParams, Depends(list_params)]
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown story or article"},
    413: {"description": "Request body or file count over the limit"},
    422: {"description": "Bad JSON, bad field or bad parameter (the message names it)"},
}
ARTICLE_REF = {"$ref": "#/components/schemas/ArticleIn"}
ARTICLES_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        ARTICLE_REF,
                        {"type": "array", "items": ARTICLE_REF},
                        {
                            "type": "object",
                            "properties": {"articles": {"type": "array", "items": ARTICLE_REF}},
                        },
                    ]
                }
            }
        },
    }
}
ARTICLE_IN_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": "string", "description": "Article id (default: derived from the content)"},
        "title": {"type": "string"},
        "text": {"type": "string", "description": "Body text (also accepted as 'body' or 'content')"},
        "url": {"type": "string"},
        "outlet": {"type": "string", "description": "Outlet name (also 'source')"},
        "published": {"type": "string", "description": "ISO date or datetime (also 'date')"},
        "language": {"type": "string", "description": "ISO 639-1 code"},
    },
}
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "text": {"type": "string"},
                        "outlet": {"type": "string"},
                        "published": {"type": "string"},
                        "url": {"type": "string"},
                    },
                }
            }
        },
    }
}


def create_app(engine: Engine, limits: Limits | None = None, policy: Policy | None = None) -> FastAPI:
    """The web UI and JSON API for ``engine``; the caller owns (and closes) the engine.

    ``policy``: allowed host names, access token, read-only (default: loopback names only)."""
    limits = limits or Limits(max_file_bytes=engine.settings["max_file_bytes"])
    site = Site(engine, limits, Guard(policy or Policy()))
    app = FastAPI(
        title="ringkas",
        version=__version__,
        description="News stories with cited summaries. Every page has a JSON twin under /api.",
        docs_url=None,  # the stock docs pages load scripts from a CDN; /api renders the same schema
        redoc_url=None,
    )
    app.state.site = site
    # Added first, so it runs inside RequestGuard: its refusals carry the security headers too.
    app.add_middleware(SecurityGuard, guard=site.guard, on_error=lambda request, exc: error_response(request, exc))
    app.add_middleware(RequestGuard, max_body_bytes=limits.max_body_bytes)

    def original_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = FastAPI.openapi(app)
            schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = ARTICLE_IN_SCHEMA
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = original_openapi  # type: ignore[method-assign]

    # -- errors ------------------------------------------------------------------------

    async def error_response(request: Request, exc: Exception) -> Response:
        if isinstance(exc, RingkasError):
            status, kind, message = exc.status, type(exc).__name__, exc.describe()
        elif isinstance(exc, HTTPException):
            status, kind = exc.status_code, "HTTPError"
            message = "no such page" if status == 404 else str(exc.detail)
        elif isinstance(exc, RequestValidationError):
            status, kind = 422, "FormatError"
            message = "; ".join(
                f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()
            )
        else:
            log.exception("unexpected error on %s", request.url.path, exc_info=exc)
            status, kind, message = 500, "InternalError", "internal error (see the server log)"
        if wants_json(request):
            return JSONResponse({"error": {"status": status, "type": kind, "message": message}}, status_code=status)
        data = {"status": status, "title": ERROR_TITLES.get(status, "Galat"), "message": message}
        return site.render("error.html", request, data, status=status)

    app.add_exception_handler(RingkasError, error_response)
    app.add_exception_handler(HTTPException, error_response)
    app.add_exception_handler(RequestValidationError, error_response)
    app.add_exception_handler(Exception, error_response)

    # -- the story list ------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, params: StoryListParams) -> Response:
        return site.render("stories.html", request, site.call(views.story_list, params))

    @app.get("/api/stories", summary="Stories, newest first, or found by a search", responses=ERROR_RESPONSES)
    def stories_api(params: StoryListParams) -> JSONResponse:
        """The story list page as data: stories (30 a page), matching articles with snippets, facets."""
        return JSONResponse(site.call(views.story_list, params))

    # -- one story -------------------------------------------------------------------------

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, since: str = "") -> Response:
        return site.render("story.html", request, site.call(views.story_page, story_id, since))

    @app.get("/api/stories/{story_id}", summary="One story", responses=ERROR_RESPONSES)
    def story_api(story_id: str, since: str = Query("", description=SINCE_HELP)) -> JSONResponse:
        """The story (export format under `story`), its summary with citation links, timeline, people,
        places, quotes by speaker, coverage per outlet, articles per outlet over time, its change log
        (`changes`, with `times` saying when each part appeared) and its thread."""
        return JSONResponse(site.call(views.story_page, story_id, since))

    # -- one article -------------------------------------------------------------------------

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, hl: str = "") -> Response:
        return site.render("article.html", request, site.call(views.article_page, article_id, hl))

    @app.get("/api/articles/{article_id:path}", summary="One article", responses=ERROR_RESPONSES)
    def article_api(
        article_id: str, hl: str = Query("", description="Index of the sentence to mark as highlighted.")
    ) -> JSONResponse:
        """The clean text cut into sentences (the targets of citations) and the removed noise with reasons."""
        return JSONResponse(site.call(views.article_page, article_id, hl))

    # -- ingest ----------------------------------------------------------------------------

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request) -> Response:
        return site.render("ingest.html", request, views.ingest_form(limits))

    @app.get("/api/ingest", summary="What ingest accepts: file types, fields and limits")
    def ingest_api() -> JSONResponse:
        return JSONResponse(views.ingest_form(limits))

    async def ingest_uploads(request: Request, *, html: bool = False) -> dict[str, Any]:
        items = await read_form(request, limits, site.guard if html else None)
        return await run_in_threadpool(site.call, views.ingest, items)

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_submit(request: Request) -> Response:
        result = await ingest_uploads(request, html=True)
        if result["redirect"] and not result["skipped"]:
            return RedirectResponse(result["redirect"], status_code=303)
        return site.render("ingested.html", request, result)

    @app.post(
        "/api/ingest",
        summary="Upload files or pasted text (multipart form), build stories",
        status_code=201,
        responses=ERROR_RESPONSES,
        openapi_extra=UPLOAD_BODY,
    )
    async def ingest_submit_api(request: Request) -> JSONResponse:
        """The ingest form as an API: the same fields, the answer as data."""
        return JSONResponse(await ingest_uploads(request), status_code=201)

    @app.post(
        "/api/articles",
        summary="Add articles as JSON; each joins a story or opens one",
        status_code=201,
        responses=ERROR_RESPONSES,
        openapi_extra=ARTICLES_BODY,
    )
    async def articles_api(request: Request) -> JSONResponse:
        """Runs the pipeline on the articles and says which story each one joined (`stories[].href`).
        Only the stories they touch are clustered and summarized again. Articles that cannot be
        used are listed under `skipped`; the rest are stored."""
        items = read_json_body(await request.body(), limits)
        result = await run_in_threadpool(site.call, views.ingest, items)
        return JSONResponse(result, status_code=201)

    # -- login (only with a token) ------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/") -> Response:
        return site.render("login.html", request, {"next": safe_next(next), "needed": bool(site.guard.policy.token)})

    @app.post("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login_submit(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        site.guard.check_form_token(request, form.get(FORM_FIELD))
        token = form.get("token")
        if not site.guard.policy.token or not (isinstance(token, str) and site.guard.token_matches(token)):
            raise AccessError("wrong token", status=401)
        target = form.get("next")
        response = RedirectResponse(safe_next(target if isinstance(target, str) else "/"), status_code=303)
        response.headers.append("set-cookie", login_cookie_header(site.guard))
        return response

    add_daily_routes(app, site)

    # -- API docs and static files -----------------------------------------------------------

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> Response:
        return site.render("api.html", request, views.api_docs(app.openapi()))

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in site.static:  # a fixed set read at start-up: the name is never a path
            raise NotFoundError(f"no static file {name!r}")
        body, media_type = site.static[name]
        return Response(body, media_type=media_type, headers={"cache-control": "public, max-age=3600"})

    return app


async def read_form(request: Request, limits: Limits, guard: Guard | None = None) -> list[Article | InputError]:
    """The uploaded files and pasted article of an ingest form (with ``guard``: an HTML form,
    whose per-session token is checked). At most ``limits.max_files`` articles in all."""
    try:
        form = await request.form(max_files=limits.max_files, max_fields=20)
    except HTTPException as exc:
        if "too many files" in str(exc.detail).lower():
            raise InputTooLargeError(f"too many files in one upload (the limit is {limits.max_files})") from None
        raise FormatError(f"cannot read the form: {exc.detail}") from None
    items: list[Article | InputError] = []
    try:
        if guard is not None:
            guard.check_form_token(request, form.get(FORM_FIELD))
        uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and (f.filename or f.size)]
        for n, upload in enumerate(uploads, 1):
            data = await upload.read()  # bounded by the body limit
            items.extend(read_upload(upload.filename, data, limits, n, max_items=limits.max_files - len(items)))
        text = _field(form.get("text"))
        if text.strip():
            if len(items) >= limits.max_files:
                raise InputTooLargeError(f"more than {limits.max_files} articles in one request")
            try:
                items.append(
                    read_pasted(
                        text,
                        outlet=_field(form.get("outlet")),
                        published=_field(form.get("published")),
                        url=_field(form.get("url")),
                    )
                )
            except InputError as exc:
                items.append(exc)
    finally:
        await form.close()
    if not items:
        raise EmptyInputError("nothing to ingest: paste an article or choose files")
    return items


def _field(value: Any) -> str:
    return value if isinstance(value, str) else ""
