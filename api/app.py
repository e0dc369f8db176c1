"""The FastAPI application: JSON API under /api, pages for officials, OpenAPI docs at /docs.

The app owns its store for its lifetime: it opens it for writing (the embedded store's exclusive lock), so
that loads reach a served store only through `POST /api/documents`, and each request reads one snapshot.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api import analytics_page, auth, errors, health, network_api, routes, security, uploads, views
from api.pages import actors, cited, deadlines, documents, measures, targets, topics
from api.response_cache import ResponseCache
from api.settings import Settings, get_settings
from graph.analytics_cache import AnalyticsCache
from graph.search_index import SearchIndexes
from graph.stores import open_store
from graph.version_cache import VersionCache

QUERY_CACHE = 2048  # named-query answers kept for the current graph version (pages, details, view rows)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    store = open_store(settings.store_config())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.analytics.warm(store)  # the default report, before the first visitor asks
        threading.Thread(target=uploads.warm_loaders, name="loaders-warm", daemon=True).start()
        if store.dialect == "ladybug":  # the search index, before the first search (Neo4j has its own)
            app.state.search_indexes.current(store, store.version())
        yield
        app.state.analytics.settle()
        app.state.search_indexes.settle()
        store.close()

    # FastAPIOffline serves /docs with Swagger UI from the package, not a CDN (offline, and the CSP allows no other site).
    app = FastAPIOffline(title="policykg", description="Who owns what across government policy plans.",
                         version="0.1.0", lifespan=lifespan, redoc_url=None)
    app.state.store = store
    app.state.settings = settings
    app.state.analytics = AnalyticsCache()
    app.state.query_cache = VersionCache(QUERY_CACHE)
    app.state.search_indexes = SearchIndexes()

    errors.install(app)
    # Innermost: whole GET answers kept per graph version; the middlewares security.install adds wrap it, so a
    # cached answer still passes the rate limit, the read token and the headers.
    app.add_middleware(ResponseCache, store=store)
    for module in (routes, uploads, views, documents, actors, measures, cited, targets, topics, deadlines,
                   network_api, analytics_page, health):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    if settings.protect_reads:
        app.include_router(auth.router)
    security.install(app, settings)
    return app


def http_server(app: FastAPI, host: str, port: int, **options: Any) -> uvicorn.Server:
    """uvicorn as `policykg serve` runs it (and the tests): without the Server banner that names it."""
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, server_header=False, **options))
