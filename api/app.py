"""The FastAPI application: JSON API under /api, pages for officials, OpenAPI docs at /docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline

from api import auth, health, routes, security, views
from api.settings import Settings, get_settings
from graph.stores import StoreError, open_store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    store = open_store(settings.store_config(), read_only=True)  # the API only reads

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    # FastAPIOffline serves /docs with Swagger UI from the package, not a CDN (offline, and the CSP allows no other site).
    app = FastAPIOffline(title="policykg", description="Who owns what across government policy plans.",
                         version="0.1.0", lifespan=lifespan, redoc_url=None)
    app.state.store = store
    app.state.settings = settings

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": f"graph store error: {exc}"})

    app.include_router(routes.router)
    app.include_router(views.router)
    app.include_router(health.router)
    if settings.protect_reads:
        app.include_router(auth.router)
    security.install(app, settings)
    return app


def http_server(app: FastAPI, host: str, port: int, **options: Any) -> uvicorn.Server:
    """uvicorn as `policykg serve` runs it (and the tests): without the Server banner that names it."""
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, server_header=False, **options))
