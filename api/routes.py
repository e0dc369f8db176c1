"""The JSON query API: documents, bodies, measures, targets, counts.  Read-only."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from api.deps import StoreDep
from graph import analytics
from graph.analytics import ROLES

router = APIRouter(prefix="/api", tags=["graph"])


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
    measures: list[OwnedMeasure]


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


def summarise_actors(rows: list[dict[str, Any]]) -> list[ActorSummary]:
    """One summary per body from the per-role rows of the `actors` query, busiest first."""
    actors: dict[str, ActorSummary] = {}
    for row in rows:
        actor = actors.setdefault(row["id"], ActorSummary(
            id=row["id"], name=row["name"], aliases=row["aliases"] or [], region=row["region"], kind=row["kind"],
            level=row["level"], measures=0,
            by_role=dict.fromkeys(ROLES, 0)))
        if row["role"]:
            actor.by_role[row["role"]] = actor.by_role.get(row["role"], 0) + row["measures"]
            actor.measures += row["measures"]
    return sorted(actors.values(), key=lambda a: (-a.measures, a.name))


@router.get("/documents", response_model=list[Document])
def documents(store: StoreDep) -> list[dict[str, Any]]:
    """Loaded documents with their measure, target and citation counts."""
    return store.query("documents")


@router.get("/actors", response_model=list[ActorSummary])
def actors(store: StoreDep, with_measures_only: bool = True) -> list[ActorSummary]:
    """Responsible bodies with the number of measures they hold in each role."""
    summaries = summarise_actors(store.query("actors"))
    return [a for a in summaries if a.measures or not with_measures_only]


@router.get("/actors/{actor_id}", response_model=ActorDetail, responses={404: {"description": "Unknown actor id"}})
def actor(actor_id: str, store: StoreDep) -> dict[str, Any]:
    """One body and the measures it owns, with roles, deadlines and documents."""
    rows = store.query("actor", {"id": actor_id})
    if not rows:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return {**rows[0], "aliases": rows[0]["aliases"] or [],
            "measures": store.query("actor_measures", {"id": actor_id})}


@router.get("/measures/{measure_id}", response_model=MeasureDetail,
            responses={404: {"description": "Unknown measure id"}})
def measure(measure_id: str, store: StoreDep) -> dict[str, Any]:
    """One measure with its owners (also those named on task-table rows that restate it), targets, topics,
    and its position and wording in the source text."""
    rows = store.query("measure", {"id": measure_id})
    if not rows:
        raise HTTPException(404, f"no measure with id {measure_id!r}")
    owners = store.query("measure_owners", {"id": measure_id})
    return {**rows[0], "owners": sorted(owners, key=lambda o: (o["via"], o["role"], o["name"])),
            **{part: store.query(f"measure_{part}", {"id": measure_id})
               for part in ("targets", "links", "topics")}}


@router.get("/targets", response_model=list[Target])
def targets(store: StoreDep, document_id: str = "") -> list[dict[str, Any]]:
    """Quantified targets, optionally of one document."""
    return store.query("targets", {"doc_id": document_id})


@router.get("/topics", response_model=list[TopicSummary])
def topic_list(store: StoreDep) -> list[dict[str, Any]]:
    """Topics (keywords of measures) with how many measures are about each."""
    return store.query("topics")


@router.get("/topics/{name}/measures", response_model=list[TopicMeasure],
            responses={404: {"description": "No measure is about this topic"}})
def topic_measures(name: str, store: StoreDep) -> list[dict[str, Any]]:
    """Every measure about one topic, such as 商业秘密, strongest first."""
    rows = store.query("topic_measures", {"name": name})
    if not rows:
        raise HTTPException(404, f"no measure is about the topic {name!r}")
    return rows


@router.get("/search", response_model=list[SearchHit])
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200, description="a word or phrase")],
           limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
    """Measures whose title or text contain a word or phrase (Neo4j: its cjk full-text index, best first)."""
    return store.query("search_measures", {"q": q.strip(), "limit": limit})


@router.get("/analytics", response_model=analytics.Report,
            responses={404: {"description": "Unknown document id"}})
def analytics_report(store: StoreDep, document_id: str | None = None, region: str | None = None,
                     role: analytics.Role | None = None,
                     top: Annotated[int, Query(ge=1, le=1000)] = 20) -> dict[str, Any]:
    """Workload and centrality of bodies (measures by role, partners, betweenness on the co-responsibility
    network), communities of bodies that work together, measures with several leads and measures no body owns;
    for the whole graph, one document, the documents of one region, or one role."""
    graph = store.export()
    document = graph.nodes.get(document_id or "")
    if document_id is not None and (document is None or document.label != "Document"):
        raise HTTPException(404, f"no document with id {document_id!r}")
    return analytics.analyse(graph, analytics.Scope(document_id, region, role)).to_dict(top=top)


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep) -> dict[str, dict[str, int]]:
    """Node counts by label and relationship counts by type."""
    return store.stats()
