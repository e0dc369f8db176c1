"""Response models of the JSON API (api/routers): what each endpoint answers, published in OpenAPI."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from api.paging import Page

Role = Literal["lead", "co", "sole", "unspecified"]
DeadlineKind = Literal["dated", "recurring", "ongoing", "period_end", "none"]
ActorKind = Literal["government", "department", "court", "procuratorate", "park_zone", "leading_group",
                    "enterprise_association", "institution", "collective"]
Level = Literal["national", "province", "city", "district", "township"]


class DocumentFields(BaseModel):
    id: str
    title: str | None
    doc_number: str | None
    issuer: str | None
    issued_on: str | None
    region: str | None


class Document(DocumentFields):
    source_file: str | None
    measures: int
    targets: int
    citations: int


class Section(BaseModel):
    id: str
    number: str | None
    title: str | None
    path: str | None
    line: int | None
    measures: int  # measures directly in this section


class DocumentDetail(DocumentFields):
    source_file: str | None  # null for a document known only because a loaded one cites it
    wrapper_title: str | None
    period_end: str | None
    measures: int
    targets: int
    bodies: int  # responsible bodies named on its measures
    citations: int  # documents it cites
    cited_by: int  # documents that cite it
    sections: list[Section]  # in text order


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


class MeasureSummary(BaseModel):
    id: str
    path: str | None
    title: str | None
    text: str | None
    kind: str | None
    deadline: str | None
    deadline_text: str | None
    deadline_kind: str | None
    deadline_date: str | None  # ISO: the last day the deadline names, or the plan period's end
    key_task: bool | None
    document_id: str
    document_title: str | None


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


class CitedDocument(BaseModel):
    id: str
    title: str | None
    doc_number: str | None
    issuer: str | None
    region: str | None
    loaded: bool  # the cited document is loaded itself (it has its own page)
    citing: int  # loaded documents that cite it


class Citation(BaseModel):
    id: str  # the citing document
    title: str | None
    region: str | None
    issued_on: str | None
    text: str | None  # the cited title as the citing document wrote it
    line: int | None
    char_start: int | None
    char_end: int | None


class CitedDetail(BaseModel):
    id: str
    title: str | None
    doc_number: str | None
    issuer: str | None
    region: str | None
    loaded: bool
    cited_by: list[Citation]


class Stats(BaseModel):
    nodes: dict[str, int]
    relationships: dict[str, int]


class QueryParameter(BaseModel):
    name: str
    type: Literal["str", "int", "list", "date"]
    default: Any
    zh: str  # what the parameter means, in Chinese
    en: str


class LibraryQuery(BaseModel):
    name: str
    question_zh: str
    question_en: str
    parameters: list[QueryParameter]
    example: dict[str, Any]  # the parameters docs/queries.md runs it with


class QueryRows(Page[dict[str, Any]]):
    name: str
    columns: list[str]
    parameters: dict[str, Any]  # the values the query ran with, defaults filled in
