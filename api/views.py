"""Pages for officials: the start page and the who-owns-what network (vis-network).

The network page is filtered by document, body, role and region (query parameters, and a form on the page),
or starts at one body or document (`?actor=ID`, `?document=ID`) and grows as nodes are clicked: the page asks
GET /api/network/{id}/neighbours (api/network_api.py) and adds the answer without a reload. api/network.py
decides what is drawn, api/network_layout.py where it starts.
vis-network comes from pyvis's package and is served by this server (offline intranets; the
Content-Security-Policy allows no other site).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import pyvis
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from markupsafe import Markup

from api import network, network_layout
from api.deps import Paging, ReaderDep
from api.network_api import Id, scope_of
from api.pages import deadlines
from api.routes import actor_page, document_page
from api.web import render
from graph.analytics import Role
from graph.stores import GraphReader

router = APIRouter(include_in_schema=False)
START_PAGE_ROWS = 100  # documents and bodies listed on the start page; the API pages through the rest
DEFAULT_BUDGET = 2000  # nodes a view draws unless ?limit= says fewer (and never more than settings.view_node_limit)
FORM_DOCUMENTS, FORM_BODIES = 200, 300  # choices in the filter form (newest documents, busiest bodies)
VIS_NETWORK = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"


def _script_json(data: dict[str, Any]) -> Markup:
    """`data` as JSON to sit in a <script> element: Chinese as UTF-8 (a third of Jinja's tojson escapes), and no
    `<`, `>` or `&` that could end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def filter_choices(reader: GraphReader, document: str, actor: str | None) -> dict[str, list[Any]]:
    """What a filter form offers: the newest documents, the busiest bodies (unless `actor` is None: a form
    without that filter), every region; and the chosen `document` and `actor` even when not among those."""
    documents = document_page(reader, Paging(limit=FORM_DOCUMENTS, offset=0))["items"]
    if document and all(d["id"] != document for d in documents):
        documents = reader.query("document", {"id": document}) + documents
    bodies = []
    if actor is not None:
        bodies = [{"id": a.id, "name": a.name} for a in actor_page(reader, Paging(limit=FORM_BODIES, offset=0))["items"]]
        if actor and all(a["id"] != actor for a in bodies):
            bodies = reader.query("actor", {"id": actor}) + bodies
    return {"documents": documents, "bodies": bodies,
            "regions": [row["region"] for row in reader.query("document_regions")]}


@router.get("/view/ownership", response_class=HTMLResponse)
def ownership_view(request: Request, reader: ReaderDep, document_id: Id = "", actor_id: Id = "",
                   role: Role | None = None, region: Id = "", actor: Id = "", document: Id = "",
                   limit: Annotated[int, Query(ge=10, le=10_000)] = DEFAULT_BUDGET) -> HTMLResponse:
    """Who owns what: the filtered network, or an ego view starting at `actor` or `document`."""
    if actor and document:
        raise HTTPException(422, "start at one node: actor or document, not both")
    scope = scope_of(reader, document_id, actor_id, role, region)
    budget = min(limit, request.app.state.settings.view_node_limit)
    start, kind = (actor, "actor") if actor else (document, "document")
    if start and network.node_kind(start) != kind:
        raise HTTPException(404, f"no {kind} with id {start!r}")
    view = network.neighbours(reader, start, scope) if start else network.draw(reader, scope, budget)
    if view is None:
        raise HTTPException(404, f"no {kind} with id {start!r}")
    network_layout.place(view.nodes, view.edges)
    data = {"nodes": view.nodes, "edges": view.edges, "budget": budget,
            "iterations": network_layout.iterations(len(view.nodes)),
            "scope": {"document_id": document_id, "actor_id": actor_id, "role": role or "", "region": region}}
    return render(request, "network.html", view=view, scope=scope, start=start, budget=budget,
                  hidden={"limit": limit} if limit != DEFAULT_BUDGET else {},
                  choices=filter_choices(reader, scope.document, scope.actor), data=_script_json(data))


@router.get("/vendor/vis-network.min.js")
def vis_network() -> FileResponse:
    """vis-network 9.1.2 as pyvis ships it: one file the browser keeps, rather than 0.5 MB inside every page."""
    return FileResponse(VIS_NETWORK, media_type="text/javascript",
                        headers={"cache-control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request, reader: ReaderDep) -> HTMLResponse:
    first = Paging(limit=START_PAGE_ROWS, offset=0)
    actors = actor_page(reader, first)
    actors["items"] = [a for a in actors["items"] if a.measures]
    return render(request, "index.html", documents=document_page(reader, first), actors=actors,
                  counts=reader.query("page_counts")[0], deadlines=deadlines.counts(reader, deadlines.day(None)),
                  buckets=deadlines.BUCKETS)
