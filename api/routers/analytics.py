"""Analytics (workload, centrality, communities) and node and relationship counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from api.deps import ReaderDep
from api.models import Stats
from api.routers.filters import not_found
from graph import analytics

router = APIRouter(prefix="/api", tags=["analytics"])


@router.get("/analytics", response_model=analytics.Report, responses=not_found("document id"))
def analytics_report(request: Request, reader: ReaderDep, document_id: str | None = None, region: str | None = None,
                     role: analytics.Role | None = None,
                     top: Annotated[int, Query(ge=1, le=analytics.LIST_CAP)] = 20) -> dict[str, Any]:
    """Workload and centrality of bodies (measures by role, partners, betweenness on the co-responsibility
    network), communities of bodies that work together, measures with several leads and measures no body owns;
    for the whole graph, one document, the documents of one region, or one role. Computed from aggregate
    queries and kept per graph version and scope; `top` limits each list, `totals` counts them."""
    if document_id is not None and not reader.query("document", {"id": document_id}):
        raise HTTPException(404, f"no document with id {document_id!r}")
    report = request.app.state.analytics.report(reader, analytics.Scope(document_id, region, role))
    return report.to_dict(top=top)


@router.get("/stats", response_model=Stats)
def stats(reader: ReaderDep) -> dict[str, dict[str, int]]:
    """Node counts by label and relationship counts by type."""
    return reader.stats()
