"""Small helpers for the pure ASGI middlewares in api/: a refusal in the app's error model, header look-up."""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from api.errors import body


async def refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str,
                 headers: dict[str, str] | None = None) -> None:
    """Answer `status` with the error model (api/errors.py), as the routes do."""
    await JSONResponse(body(status, detail), status_code=status, headers=headers)(scope, receive, send)


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of a request header (`name` in lower case), decoded as Latin-1 like HTTP/1.1."""
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


UPLOAD_PATH = "/api/documents"


def is_upload(scope: Scope) -> bool:
    """An upload of documents (POST /api/documents): bounded by POLICYKG_UPLOAD_LIMIT_MB and by each file's own
    parse limits rather than by the body cap and the request timeout of ordinary requests."""
    return scope.get("method") == "POST" and scope.get("path") == UPLOAD_PATH
