"""Responsible bodies: a filtered list, busiest first, and one body with the measures it owns."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import Paging, PagingDep, ReaderDep
from api.models import ActorDetail, ActorKind, ActorSummary, Level
from api.paging import Page, page
from api.routers.filters import Region, Words, not_found
from graph.analytics import ROLES
from graph.stores import GraphReader

router = APIRouter(prefix="/api", tags=["actors"])


def actor_summary(row: dict[str, Any]) -> ActorSummary:
    """A row of the `actors` query as a body with its measures by role."""
    return ActorSummary(id=row["id"], name=row["name"], aliases=row["aliases"] or [], region=row["region"],
                        kind=row["kind"], level=row["level"], measures=row["measures"],
                        by_role={role: row[role] for role in ROLES})


def actor_page(reader: GraphReader, paging: Paging, with_measures_only: bool = True, name: str = "",
               region: str = "", kind: str = "", level: str = "") -> dict[str, Any]:
    """One page of bodies, busiest first; the filters ('' for all) as GET /api/actors takes them."""
    found = page(reader, "actors", paging, with_measures_only=with_measures_only, name=name, region=region,
                 kind=kind, level=level)
    return {**found, "items": [actor_summary(row) for row in found["items"]]}


@router.get("/actors", response_model=Page[ActorSummary])
def actors(reader: ReaderDep, paging: PagingDep, with_measures_only: bool = True, name: Words = "",
           region: Region = "", kind: ActorKind | None = None, level: Level | None = None) -> dict[str, Any]:
    """Responsible bodies, busiest first, with the number of measures they hold in each role; `name` keeps
    those whose name or an alias contains it (市公安局), `region`, `kind` and `level` filter exactly."""
    return actor_page(reader, paging, with_measures_only, name, region, kind or "", level or "")


@router.get("/actors/{actor_id}", response_model=ActorDetail, responses=not_found("actor id"))
def actor(actor_id: str, reader: ReaderDep, paging: PagingDep) -> dict[str, Any]:
    """One body and the measures it owns (one page of them), with roles, deadlines and documents."""
    rows = reader.query("actor", {"id": actor_id})
    if not rows:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return {**rows[0], "aliases": rows[0]["aliases"] or [],
            "measures": page(reader, "actor_measures", paging, id=actor_id)}
