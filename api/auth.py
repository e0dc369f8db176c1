"""Protected reads (POLICYKG_PROTECT_READS=true): every request but /healthz and /login needs the API token.

Scripts send `Authorization: Bearer <token>`. Browsers sign in once on /login, a one-field form; the cookie it
sets holds a value derived from the token (an HMAC), not the token itself, so it grants reads only: write
endpoints accept the token in the Authorization header alone, which also keeps them out of reach of
cross-site requests. Changing the token signs every browser out.
"""

from __future__ import annotations

import hashlib
import hmac
import html
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from api.asgi import header, refuse

COOKIE = "policykg_session"
OPEN = frozenset({"/healthz", "/login"})
SESSION_SECONDS = 12 * 3600

router = APIRouter(include_in_schema=False)


def session_value(token: str) -> str:
    """The cookie value that stands for a signed-in browser: an HMAC of a fixed label under the token."""
    return hmac.new(token.encode(), b"policykg read session", hashlib.sha256).hexdigest()


def bearer_token(scope: Scope) -> str | None:
    scheme, _, token = (header(scope, b"authorization") or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _cookie(scope: Scope, name: str) -> str | None:
    for part in (header(scope, b"cookie") or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


class ReadProtection:
    """Lets a request through with the token (header) or the session cookie; otherwise sends a browser asking
    for a page to /login and answers anything else 401."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token
        self.session = session_value(token)

    def allowed(self, scope: Scope) -> bool:
        token, session = bearer_token(scope), _cookie(scope, COOKIE)
        return bool(token and hmac.compare_digest(token.encode(), self.token.encode())) or \
            bool(session and hmac.compare_digest(session.encode(), self.session.encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN or self.allowed(scope):
            return await self.app(scope, receive, send)
        if scope["method"] in ("GET", "HEAD") and "text/html" in (header(scope, b"accept") or ""):
            target = scope["path"] + (f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else "")
            return await RedirectResponse(f"/login?next={quote(target)}", status_code=303)(scope, receive, send)
        await refuse(scope, receive, send, 401,
                     "this server requires the API token: send the header Authorization: Bearer <token>, "
                     "or sign in on /login in a browser", headers={"www-authenticate": "Bearer"})


def _local(target: str) -> str:
    """`target` if it is a path on this server, else "/" (no redirect to another site)."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _form(next_page: str, problem: str = "") -> str:
    warning = f'<p style="color:#c0392b">{html.escape(problem)}</p>' if problem else ""
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>登录 · policykg</title>
<style>body{{font-family:sans-serif;margin:4em auto;max-width:360px}}input{{width:100%;padding:6px;margin:6px 0}}</style>
</head><body><h1>政策知识图谱</h1><p>本服务需要访问令牌。</p>{warning}
<form method="post" action="/login"><input type="hidden" name="next" value="{html.escape(next_page)}">
<label>访问令牌<input type="password" name="token" autocomplete="current-password" autofocus required></label>
<input type="submit" value="登录"></form></body></html>"""


@router.get("/login", response_class=HTMLResponse)
def login_form(next: str = "/") -> str:
    return _form(_local(next))


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    """Checks the token from the form; sets the session cookie and returns to the page asked for."""
    fields = parse_qs((await request.body()).decode("utf-8", "replace"))
    token, next_page = fields.get("token", [""])[0], _local(fields.get("next", ["/"])[0])
    expected = request.app.state.settings.api_token
    if not hmac.compare_digest(token.encode(), expected.encode()):
        return HTMLResponse(_form(next_page, "令牌不正确，请重试。"), status_code=401)
    response = RedirectResponse(next_page, status_code=303)
    response.set_cookie(COOKIE, session_value(expected), max_age=SESSION_SECONDS, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response
