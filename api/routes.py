"""The JSON API under /api, assembled from one router per resource (api/routers/), and the analyst pages.

Pages elsewhere build on the same helpers: `page` (one page of a named query, api/paging.py),
`document_page` and `actor_page` (the filtered lists of documents and bodies).
"""

from __future__ import annotations

from fastapi import APIRouter

from api.paging import Page, page
from api.routers import actors, analytics, cited, cypher, documents, measures, queries, search, targets, topics
from api.routers.actors import actor_page
from api.routers.documents import document_page

__all__ = ["Page", "actor_page", "document_page", "page", "router"]

router = APIRouter()
for module in (documents, actors, measures, targets, topics, cited, search, queries, cypher, analytics):
    router.include_router(module.router)
