"""One error model for every refusal and failure the app answers, whoever answers it:

    {"error": {"status": 404, "code": "not_found", "message": "no actor with id 'x'", "detail": null}}

Routes raise HTTPException as usual and the handlers here reshape it; request validation (422) keeps the
per-field problems in `detail`; store errors and requests over the time limit answer 503; the middlewares'
refusals (400, 401, 413, 414, 429, 503: api/asgi.py `refuse`) build the same body with `body()`. `install`
registers the handlers and publishes the model once in OpenAPI (components/schemas/Error), referenced by
every error response of every operation. A browser asking for a page (not under /api) gets the same status and
message as a Chinese page instead: officials never see JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.web import render
from graph.stores import StoreError
from graph.stores.deadline import DeadlineExceeded

__all__ = ["CODES", "ERROR_CONTENT", "Error", "ErrorBody", "body", "install", "respond"]

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 414: "url_too_long", 422: "invalid", 429: "too_many_requests", 503: "unavailable"}
ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}


class ErrorBody(BaseModel):
    status: int  # the HTTP status, repeated for clients that only keep the body
    code: str  # a stable word for the status: not_found, invalid, unavailable, …
    message: str  # what went wrong, naming the id, parameter or limit
    detail: Any = None  # structured detail: the failing fields of a 422


class Error(BaseModel):
    error: ErrorBody


def code(status: int) -> str:
    """>>> code(404), code(418)
    ('not_found', 'im_a_teapot')
    """
    if status in CODES:
        return CODES[status]
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("'", "")
    except ValueError:
        return "error"


def body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    """The JSON body of an error answer."""
    return {"error": {"status": status, "code": code(status), "message": message, "detail": detail}}


def respond(status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body(status, message, detail), status_code=status, headers=headers)


PAGE_TEXTS = {404: ("未找到", "没有找到所要的页面或条目。它可能已被删除，或链接有误。"),
              422: ("参数有误", "网址中的筛选条件或参数不符合要求，请修改后重试。"),
              503: ("暂时无法回答", "图谱暂时无法回答（正在载入、超时或出错），请稍后重试。")}


def _answer(request: Request, status: int, message: str, detail: Any = None,
            headers: dict[str, str] | None = None) -> Response:
    """The error model, or for a browser asking for a page a Chinese page with the same status and message."""
    path = request.url.path
    if path.startswith(("/api/", "/openapi")) or "text/html" not in request.headers.get("accept", ""):
        return respond(status, message, detail, headers)
    heading, advice = PAGE_TEXTS.get(status, ("无法完成请求", "请求未能完成，请返回重试。"))
    return render(request, "error.html", status_code=status, heading=heading, advice=advice, message=message)


def error_schema() -> dict[str, Any]:
    """The JSON schema of Error, the body's fields inline: one model in the OpenAPI document."""
    schema = Error.model_json_schema()
    schema["properties"]["error"] = schema.pop("$defs")["ErrorBody"]
    return schema


def _field(error: dict[str, Any]) -> str:
    """'query parameter limit' for ('query', 'limit'); the location as FastAPI reports it otherwise."""
    where, *path = [str(part) for part in error.get("loc", ())] or ["request"]
    names = {"query": "query parameter", "path": "path parameter", "body": "body field", "header": "header"}
    return f"{names.get(where, where)} {'.'.join(path)}".strip()


def _validation_message(errors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{_field(e)}: {e.get('msg', 'invalid')}" for e in errors) or "the request is not valid"


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return _answer(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    errors = [{k: e[k] for k in ("loc", "msg", "type") if k in e} for e in exc.errors()]
    return _answer(request, 422, _validation_message(errors), jsonable_encoder(errors))


async def _store_error(request: Request, exc: StoreError) -> Response:
    message = str(exc) if isinstance(exc, DeadlineExceeded) else f"graph store error: {exc}"
    return _answer(request, 503, message)


def _publish(app: FastAPI, generate: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = generate()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)  # FastAPI's own 422 shape, replaced by Error
        schemas["Error"] = error_schema()
        for operation in (op for path in schema["paths"].values() for op in path.values()):
            for status, response in operation.get("responses", {}).items():
                if status[:1] in ("4", "5"):
                    response["content"] = ERROR_CONTENT
        return schema

    return openapi


def install(app: FastAPI) -> None:
    """Answer every error with the model and publish it in the app's OpenAPI document."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StoreError, _store_error)  # DeadlineExceeded too: it is a StoreError
    app.openapi = _publish(app, app.openapi)  # type: ignore[method-assign]
