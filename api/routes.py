"""The JSON query API: documents, bodies, measures, targets, counts. Every request reads one snapshot (its
reader); every list is one page, cut in the query (SKIP/LIMIT) and counted by a `NAME_count` query."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel

from api.deps import PagingDep, ReaderDep
from graph import analytics
from graph.analytics import ROLES
from graph.stores import GraphReader

router = APIRouter(prefix="/api", tags=["graph"])
Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of a list: `items` from `offset` on, at most `limit` of them, out of `total`."""

    items: list[Item]
    total: int
    limit: int
    offset: int


def page(reader: GraphReader, query: str, paging: PagingDep, **parameters: Any) -> dict[str, Any]:
    """One page of the named query's rows and their total (the `QUERY_count` query, unless the first page shows
    that everything fitted). A page past the end is empty without asking the store: LadybugDB 0.22 can crash on
    an ORDER BY … SKIP beyond its rows."""
    total = None
    if paging.offset:
        total = reader.query(f"{query}_count", parameters)[0]["total"]
        if paging.offset >= total:
            return {"items": [], "total": total, "limit": paging.limit, "offset": paging.offset}
    items = reader.query(query, {**parameters, "offset": paging.offset, "limit": paging.limit})
    if total is None:
        fitted = len(items) < paging.limit
        total = len(items) if fitted else reader.query(f"{query}_count", parameters)[0]["total"]
    return {"items": items, "total": total, "limit": paging.limit, "offset": paging.offset}


class Document(BaseModel):
    id: str
    title: str | None
    doc_number: str | None
    issuer: str | None
    issued_on: str | None
    region: str | None
    source_file: str | None
    measures: int
    targets: int
    citations: int


class Actor(BaseModel):
    id: str
    name: str
    aliases: list[str]
    region: str | None
    kind: str | None
    level: str | None


class ActorSummary(Actor):
    measures: int
    by_role: dict[str, int]


class OwnedMeasure(BaseModel):
    id: str
    path: str | None
    title: str | None
    text: str | None
    deadline: str | None
    deadline_text: str | None
    key_task: bool | None
    role: str
    evidence: str | None
    document_id: str
    document_title: str | None


class ActorDetail(Actor):
    measures: Page[OwnedMeasure]


class Owner(BaseModel):
    id: str
    name: str
    role: str
    evidence: str | None  # the note or table cell that names the body
    sentence: str | None  # the source sentence (or table row) the note belongs to
    line: int | None
    char_start: int | None
    char_end: int | None
    via: str = ""  # id of the task-table row that restates this measure and names the body; "" when direct


class MeasureLink(BaseModel):
    id: str
    path: str | None
    title: str | None
    score: float | None
    direction: str  # implements (this row restates that measure) | implemented_by


class TopicWeight(BaseModel):
    name: str
    weight: float


class TopicSummary(BaseModel):
    id: str
    name: str
    measures: int


class TopicMeasure(BaseModel):
    id: str
    path: str | None
    title: str | None
    text: str | None
    weight: float
    document_id: str
    document_title: str | None


class Target(BaseModel):
    id: str
    indicator: str
    value: float | None
    upper: float | None
    unit: str | None
    comparator: str | None
    due: str | None
    text: str | None
    sentence: str | None
    source_file: str | None
    line: int | None
    char_start: int | None
    char_end: int | None
    document_id: str | None = None
    document_title: str | None = None


class MeasureDetail(BaseModel):
    id: str
    number: str | None
    path: str | None
    title: str | None
    text: str | None
    kind: str | None
    category: str | None
    deadline: str | None
    deadline_text: str | None
    key_task: bool | None
    source_file: str | None
    line: int | None
    char_start: int | None
    char_end: int | None
    document_id: str
    document_title: str | None
    owners: list[Owner]
    targets: list[Target]
    links: list[MeasureLink]
    topics: list[TopicWeight]


class SearchHit(BaseModel):
    id: str
    path: str | None
    title: str | None
    text: str | None
    score: float
    document_id: str
    document_title: str | None


class Stats(BaseModel):
    nodes: dict[str, int]
    relationships: dict[str, int]


def actor_summary(row: dict[str, Any]) -> ActorSummary:
    """A row of the `actors` query as a body with its measures by role."""
    return ActorSummary(id=row["id"], name=row["name"], aliases=row["aliases"] or [], region=row["region"],
                        kind=row["kind"], level=row["level"], measures=row["measures"],
                        by_role={role: row[role] for role in ROLES})


def actor_page(reader: GraphReader, paging: PagingDep, with_measures_only: bool = True) -> dict[str, Any]:
    """One page of bodies, busiest first."""
    found = page(reader, "actors", paging, with_measures_only=with_measures_only)
    return {**found, "items": [actor_summary(row) for row in found["items"]]}


@router.get("/documents", response_model=Page[Document])
def documents(reader: ReaderDep, paging: PagingDep) -> dict[str, Any]:
    """Loaded documents, newest first, with their measure, target and citation counts."""
    return page(reader, "documents", paging)


@router.get("/actors", response_model=Page[ActorSummary])
def actors(reader: ReaderDep, paging: PagingDep, with_measures_only: bool = True) -> dict[str, Any]:
    """Responsible bodies, busiest first, with the number of measures they hold in each role."""
    return actor_page(reader, paging, with_measures_only)


@router.get("/actors/{actor_id}", response_model=ActorDetail, responses={404: {"description": "Unknown actor id"}})
def actor(actor_id: str, reader: ReaderDep, paging: PagingDep) -> dict[str, Any]:
    """One body and the measures it owns (one page of them), with roles, deadlines and documents."""
    rows = reader.query("actor", {"id": actor_id})
    if not rows:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return {**rows[0], "aliases": rows[0]["aliases"] or [],
            "measures": page(reader, "actor_measures", paging, id=actor_id)}


@router.get("/measures/{measure_id}", response_model=MeasureDetail,
            responses={404: {"description": "Unknown measure id"}})
def measure(measure_id: str, reader: ReaderDep) -> dict[str, Any]:
    """One measure with its owners (also those named on task-table rows that restate it), targets, topics,
    and its position and wording in the source text."""
    rows = reader.query("measure", {"id": measure_id})
    if not rows:
        raise HTTPException(404, f"no measure with id {measure_id!r}")
    owners = reader.query("measure_owners", {"id": measure_id})
    return {**rows[0], "owners": sorted(owners, key=lambda o: (o["via"], o["role"], o["name"])),
            **{part: reader.query(f"measure_{part}", {"id": measure_id})
               for part in ("targets", "links", "topics")}}


@router.get("/targets", response_model=Page[Target])
def targets(reader: ReaderDep, paging: PagingDep, document_id: str = "") -> dict[str, Any]:
    """Quantified targets, by document and in text order, optionally of one document."""
    return page(reader, "targets", paging, doc_id=document_id)


@router.get("/topics", response_model=Page[TopicSummary])
def topic_list(reader: ReaderDep, paging: PagingDep) -> dict[str, Any]:
    """Topics (keywords of measures) with how many measures are about each, most common first."""
    return page(reader, "topics", paging)


@router.get("/topics/{name}/measures", response_model=Page[TopicMeasure],
            responses={404: {"description": "No measure is about this topic"}})
def topic_measures(name: str, reader: ReaderDep, paging: PagingDep) -> dict[str, Any]:
    """The measures about one topic, such as 商业秘密, strongest first."""
    found = page(reader, "topic_measures", paging, name=name)
    if not found["total"]:
        raise HTTPException(404, f"no measure is about the topic {name!r}")
    return found


@router.get("/search", response_model=Page[SearchHit])
def search(reader: ReaderDep, paging: PagingDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description="a word or phrase")]) -> dict[str, Any]:
    """Measures whose title or text contain a word or phrase (Neo4j: its cjk full-text index, best first)."""
    return page(reader, "search_measures", paging, q=q.strip())


@router.get("/analytics", response_model=analytics.Report,
            responses={404: {"description": "Unknown document id"}})
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
