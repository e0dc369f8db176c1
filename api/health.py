"""GET /healthz: 200 while the store answers a trivial query, 503 otherwise, and nothing about the store."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api import errors
from api.deps import StoreDep
from graph.stores import StoreError

router = APIRouter(tags=["health"])


@router.get("/healthz", responses={503: {"description": "The graph store does not answer"}})
def healthz(store: StoreDep) -> JSONResponse:
    """For load balancers and container health checks: no token, no rate limit."""
    try:
        store.query("ping")
    except StoreError:
        return errors.respond(503, "the graph store does not answer")
    return JSONResponse({"status": "ok"})
