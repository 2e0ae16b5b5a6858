"""Who may talk to the web app, and which requests may change the store.

``SecurityGuard`` (ASGI middleware) answers before any view runs:

- the ``Host`` header must name an allowed host (loopback names, plus ``--allow-host``):
  a page on another domain cannot reach the app through DNS rebinding;
- with a token (``--token`` or the setting ``web_token``), every request but the login page
  and static files carries it, as ``Authorization: Bearer`` (API clients) or as the cookie the
  login page sets once it was typed in (the web UI);
- a request that changes state (POST and co.) must come from this site: an ``Origin`` (or,
  without one, ``Referer``) of another site is refused, the JSON API takes only
  ``application/json`` (a cross-site ``text/plain`` fetch never reaches the parser), and the
  HTML forms carry a per-session token (``form_token``), checked by the view that reads them;
- ``--read-only`` refuses every change.

Refusals are ``AccessError`` values rendered by the app's one error handler.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import quote, urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import AccessError

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SESSION_COOKIE = "ringkas_session"
AUTH_COOKIE = "ringkas_auth"
FORM_FIELD = "csrf_token"
LOGIN_PATH = "/login"
JSON_ONLY_PATHS = frozenset({"/api/articles"})
AUTH_COOKIE_SECONDS = 30 * 24 * 3600

ErrorRenderer = Callable[[Request, Exception], Awaitable[Response]]


def is_loopback(host: str) -> bool:
    """Whether an interface or host name stays on this machine (``localhost``, 127.0.0.0/8, ::1)."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a ``Host`` header or URL netloc, lower case, without port or brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header[1:]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


@dataclass(frozen=True)
class Policy:
    """What the server allows: host names, an access token, read-only."""

    allowed_hosts: frozenset[str] = LOOPBACK_NAMES
    token: str = ""
    read_only: bool = False

    @classmethod
    def make(cls, allow_hosts: Iterable[str] = (), *, token: str = "", read_only: bool = False) -> Policy:
        names = {host_name(h) for h in allow_hosts if h.strip()}
        return cls(allowed_hosts=LOOPBACK_NAMES | names, token=token, read_only=read_only)

    def allows_host(self, header: str | None) -> bool:
        if "*" in self.allowed_hosts:
            return True
        if not header:
            return False
        name = host_name(header).rstrip(".")
        return name in self.allowed_hosts or (is_loopback(name) and bool(LOOPBACK_NAMES & self.allowed_hosts))


class Guard:
    """A policy and this server's secret (new at every start: sessions and logins end with it)."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._secret = secrets.token_bytes(32)

    def _sign(self, purpose: str, value: str) -> str:
        return hmac.new(self._secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    def form_token(self, session: str) -> str:
        """The token the forms of one browser session carry."""
        return self._sign("form", session)

    def login_cookie(self) -> str:
        return self._sign("auth", self.policy.token)

    def check_form_token(self, request: Request, sent: object) -> None:
        """Refuse a form post whose token is not the one of the sender's session."""
        session = request.cookies.get(SESSION_COOKIE, "")
        expected = self.form_token(session) if session else ""
        if not (expected and isinstance(sent, str) and hmac.compare_digest(sent, expected)):
            raise AccessError("the form's token is missing or out of date: reload the page and send it again")

    def token_matches(self, sent: str) -> bool:
        return bool(self.policy.token) and hmac.compare_digest(sent.encode(), self.policy.token.encode())

    def authorized(self, headers: Headers, cookies: dict[str, str]) -> bool:
        if not self.policy.token:
            return True
        scheme, _, credentials = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and self.token_matches(credentials.strip()):
            return True
        return hmac.compare_digest(cookies.get(AUTH_COOKIE, ""), self.login_cookie())


def session_of(request: Request) -> str:
    """The browser session of a request (the one the guard set on it when it had none)."""
    return str(request.scope.get("state", {}).get(SESSION_COOKIE, ""))


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


class SecurityGuard:
    """ASGI middleware applying a ``Guard`` to every HTTP request (see the module docstring)."""

    def __init__(self, app: ASGIApp, guard: Guard, on_error: ErrorRenderer) -> None:
        self.app = app
        self.guard = guard
        self.on_error = on_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        cookies = request.cookies
        session = cookies.get(SESSION_COOKIE, "")
        new_session = not session
        if new_session:
            session = secrets.token_urlsafe(24)
        scope.setdefault("state", {})[SESSION_COOKIE] = session

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and new_session:
                cookie = f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Strict"
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
            await send(message)

        try:
            refusal = self.refusal(request, cookies)
        except AccessError as exc:
            response = await self.on_error(request, exc)
            await response(scope, receive, send_with_cookie)
            return
        if refusal is not None:
            await refusal(scope, receive, send_with_cookie)
            return
        await self.app(scope, receive, send_with_cookie)

    def refusal(self, request: Request, cookies: dict[str, str]) -> Response | None:
        """A response that stops the request (a redirect to the login page), None to let it
        through; raises ``AccessError`` for a refusal the error handler renders."""
        policy = self.guard.policy
        path = request.url.path
        headers = request.headers
        if not policy.allows_host(headers.get("host")):
            raise AccessError(
                f"host {host_name(headers.get('host', ''))!r} is not served here (ringkas serve --allow-host NAME)",
                status=400,
            )
        exempt = path == LOGIN_PATH or path.startswith("/static/")
        if not exempt and not self.guard.authorized(headers, cookies):
            if request.method in SAFE_METHODS and not wants_json(path):
                target = path + ("?" + request.url.query if request.url.query else "")
                return RedirectResponse(f"{LOGIN_PATH}?next={quote(target, safe='')}", status_code=303)
            raise AccessError("this server needs its token: send 'Authorization: Bearer <token>'", status=401)
        if request.method in SAFE_METHODS:
            if policy.read_only and path == "/ingest":
                raise AccessError("this server is read-only: nothing can be added")
            return None
        if policy.read_only and path != LOGIN_PATH:
            raise AccessError("this server is read-only: nothing can be added")
        self.check_same_origin(headers)
        if path in JSON_ONLY_PATHS:
            media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if media_type != "application/json" and not media_type.endswith("+json"):
                shown = media_type or "none"
                raise AccessError(f"send the articles as application/json (content type was {shown})", status=415)
        return None

    @staticmethod
    def check_same_origin(headers: Headers) -> None:
        """Refuse a change whose ``Origin`` (or ``Referer``) names another site than ``Host``."""
        origin = headers.get("origin")
        if origin is None:
            referer = headers.get("referer")
            if not referer:
                return  # not a browser (curl, httpx, scripts): nothing to forge
            origin = referer
        try:
            parts = urlsplit(origin)
        except ValueError:
            parts = None
        if parts is None or origin == "null" or not parts.netloc:
            raise AccessError("cross-site request refused (its origin is hidden)")
        default = {"http": ":80", "https": ":443"}.get(parts.scheme, "")
        sender = parts.netloc.lower().removesuffix(default)
        host = headers.get("host", "").lower().removesuffix(":80").removesuffix(":443")
        if sender != host:
            raise AccessError(f"cross-site request refused (from {parts.scheme}://{parts.netloc})")


def safe_next(target: str) -> str:
    """Where to go after logging in: a path of this site only (never ``//elsewhere``)."""
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


def login_cookie_header(guard: Guard) -> str:
    cookie: SimpleCookie = SimpleCookie()
    cookie[AUTH_COOKIE] = guard.login_cookie()
    morsel = cookie[AUTH_COOKIE]
    morsel["path"] = "/"
    morsel["httponly"] = True
    morsel["samesite"] = "Strict"
    morsel["max-age"] = AUTH_COOKIE_SECONDS
    return morsel.OutputString()
