"""What the app does to every request before a route sees it, and to every response: security headers,
HEAD answered like GET, and refusals of URLs and bodies no route should have to handle (docs/security.md).

`install` puts the middlewares in their order; each is a plain ASGI middleware with one job.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote_to_bytes

import fastapi.routing
from fastapi import FastAPI, HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.asgi import header, is_upload, refuse
from api.auth import ReadProtection
from api.errors import ERROR_CONTENT
from api.ratelimit import RateLimit
from api.settings import Settings
from api.timeout import RequestTimeout

# Pages inline their JavaScript and CSS (offline intranets): nothing is loaded from anywhere but this server.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'", "object-src 'none'",
    "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"])
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
MAX_URL_BYTES = 4096  # path and query, percent-encoded; the longest real id is under 100 bytes
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
NO_CONTROL = "^[^\\u0000-\\u001f\\u007f]*$"  # the same rule, as a JSON Schema pattern for the OpenAPI document
REFUSALS = {  # what the middlewares may answer to any operation
    400: "The URL is not valid UTF-8 once percent-decoded, or holds a control character (NUL …)",
    401: "The server protects reads (POLICYKG_PROTECT_READS) and the request has no valid token",
    413: "The request body is larger than POLICYKG_MAX_BODY_BYTES (POLICYKG_UPLOAD_LIMIT_MB for an upload)",
    414: f"The URL is longer than {MAX_URL_BYTES} bytes",
    429: "The client made more requests than POLICYKG_RATE_LIMIT allows; Retry-After says when to retry",
    503: "The store did not answer, or the request took longer than POLICYKG_REQUEST_TIMEOUT",
}


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response, the refusals of the other middlewares included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = set(SECURITY_HEADERS)
                kept = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """HEAD on any GET route answers what GET would, without the body (FastAPI's routes answer 405)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}  # Content-Length stays that of the GET body
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class AllowedMethods:
    """A 405 names every method the path answers in `Allow` (Starlette names only those of the first route
    whose path matches: GET /api/documents hid POST /api/documents)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allowed = ", ".join(_methods(scope))
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                message = {**message, "headers": [*kept, (b"allow", allowed.encode())]}
            await send(message)

        await self.app(scope, receive, with_allow)


def _methods(scope: Scope) -> list[str]:
    routes = getattr(fastapi.routing, "iter_route_contexts", list)(scope["app"].routes)
    found = {m for r in routes if getattr(r, "path_regex", None) and r.path_regex.match(scope["path"])
             for m in (getattr(r, "methods", None) or ())}
    if "GET" in found:
        found.add("HEAD")  # HeadAsGet answers it
    return sorted(found)


def url_problem(raw_path: bytes, query: bytes) -> tuple[int, str] | None:
    """Why a request URL is refused (status, message), or None: too long, not UTF-8 once percent-decoded, or
    holding a control character (NUL and the like belong in no id, name or search)."""
    size = len(raw_path) + len(query)
    if size > MAX_URL_BYTES:
        return 414, f"the request URL is {size} bytes long; the limit is {MAX_URL_BYTES}"
    parts = [("the request path", raw_path)]
    for pair in filter(None, query.split(b"&")):
        name, _, value = pair.replace(b"+", b" ").partition(b"=")  # "+" is a space in a query only
        label = unquote_to_bytes(name).decode("utf-8", "replace")
        parts += [(f"the query parameter name {label!r}", name), (f"the query parameter {label!r}", value)]
    for where, raw in parts:
        try:
            text = unquote_to_bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            return 400, f"{where} is not valid UTF-8 once percent-decoded"
        if found := _CONTROL.search(text):
            return 400, f"{where} contains the control character U+{ord(found.group()):04X}"
    return None


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int, setting: str, size: int | None = None) -> None:
        told = f"is {size} bytes; the limit is {limit}" if size is not None else f"is over the limit of {limit} bytes"
        super().__init__(413, f"the request body {told} ({setting})")


class RequestHygiene:
    """Refuses URLs no route should see (`url_problem`) and bodies over `max_body` bytes (`uploads` bytes for an
    upload of documents): at once when Content-Length says so, else when the route reads past the limit."""

    def __init__(self, app: ASGIApp, max_body: int, uploads: int) -> None:
        self.app = app
        self.max_body = max_body
        self.uploads = uploads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        problem = url_problem(scope.get("raw_path") or scope["path"].encode(), scope.get("query_string", b""))
        if problem:
            return await refuse(scope, receive, send, *problem)
        upload = is_upload(scope)
        limit = self.uploads if upload else self.max_body
        setting = "POLICYKG_UPLOAD_LIMIT_MB" if upload else "POLICYKG_MAX_BODY_BYTES"
        if not limit:
            return await self.app(scope, receive, send)
        declared = header(scope, b"content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return await refuse(scope, receive, send, 413, BodyTooLarge(limit, setting, int(declared)).detail)
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge(limit, setting)  # FastAPI answers it like any HTTPException
            return message

        await self.app(scope, counted, send)



def describe_refusals(app: FastAPI) -> None:
    """Publish in the OpenAPI document what the middlewares refuse: REFUSALS on every operation (in the one
    error model, api/errors.py), and the control-character rule as a pattern on every string parameter, so
    clients (and schemathesis) know."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = generate()
        for operation in (op for path in schema["paths"].values() for op in path.values()):
            for parameter in operation.get("parameters", []):
                for variant in parameter["schema"].get("anyOf", [parameter["schema"]]):
                    if variant.get("type") == "string" and "enum" not in variant:
                        variant["pattern"] = NO_CONTROL
            for status, description in REFUSALS.items():
                operation["responses"].setdefault(str(status), {"description": description, "content": ERROR_CONTENT})
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def install(app: FastAPI, settings: Settings) -> None:
    """The middlewares, innermost first (Starlette runs the last one added first)."""
    app.add_middleware(RequestTimeout, seconds=settings.request_timeout)
    if settings.protect_reads:
        app.add_middleware(ReadProtection, token=settings.api_token)
    app.add_middleware(RequestHygiene, max_body=settings.max_body_bytes, uploads=settings.upload_limit_mb << 20)
    if settings.rate_limit:
        app.add_middleware(RateLimit, per_minute=settings.rate_limit, burst=settings.rate_burst)
    app.add_middleware(AllowedMethods)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    describe_refusals(app)
