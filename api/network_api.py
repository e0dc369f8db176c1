"""GET /api/network/{id}/neighbours: what the network page (/view/ownership) adds when a node is clicked.

Nodes and edges come in the shape vis-network takes (edges bare: the page styles them by kind), built by
api/network.py from named queries, within the page's filters.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel, Field

from api import network
from api.deps import ReaderDep
from graph.analytics import Role
from graph.stores import GraphReader

router = APIRouter(prefix="/api/network", tags=["network"])
Id = Annotated[str, Query(max_length=200)]


class NetworkNode(BaseModel):
    """A node as vis-network takes it."""

    id: str
    group: str  # actor | measure | document | region
    label: str
    title: str  # the tooltip
    url: str  # the node's page
    size: float | None = None  # bodies: by the measures drawn


class NetworkEdge(BaseModel):
    """An edge (the page styles it): a responsibility (`role`), a measure's document or a document's region
    (`part_of`), or a body's measures in one document or region folded into one link (`folded`, `label`:
    the counts by role, `width`: grows with the count)."""

    source: str = Field(alias="from")
    to: str
    role: str | None = None
    part_of: bool = False
    folded: bool = False
    label: str | None = None
    width: float | None = None


class Neighbours(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    complete: bool  # false when the node has more neighbours than one expansion adds


def scope_of(reader: GraphReader, document_id: str, actor_id: str, role: str | None,
             region: str) -> network.ViewScope:
    """The filters of a network request; a document or body that names nothing is a 404, not an empty network."""
    if document_id and not reader.query("document", {"id": document_id}):
        raise HTTPException(404, f"no document with id {document_id!r}")
    if actor_id and not reader.query("actor", {"id": actor_id}):
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return network.ViewScope(document_id, actor_id, role or "", region)


@router.get("/{node_id}/neighbours", response_model=Neighbours, response_model_exclude_none=True,
            responses={404: {"description": "Unknown node id"}})
def network_neighbours(reader: ReaderDep, node_id: Annotated[str, Path(max_length=200, examples=["region:南通市"])],
                       document_id: Id = "", actor_id: Id = "", role: Role | None = None,
                       region: Id = "") -> dict[str, Any]:
    """What the network page adds when a node is clicked: a body's measures with their documents, a measure's
    owners and document, a document's owned measures with their owners, a region's documents; within the
    page's filters (document_id, actor_id, role, region). At most 300 responsibility rows (`complete` false
    when there are more)."""
    found = network.neighbours(reader, node_id, scope_of(reader, document_id, actor_id, role, region))
    if found is None:
        raise HTTPException(404, f"no body, measure, document or region with id {node_id!r}")
    return {"nodes": found.nodes, "edges": found.edges, "complete": found.complete}
