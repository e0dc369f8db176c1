"""/actors (bodies that own measures, filterable by region, kind, level and name) and /actors/{id}: a body's
measures by role and document with their deadlines, its own deadline board, its co-owners, its predecessors
and successors in reforms, its aliases, region, kind and level."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import Paging, PagingDep, ReaderDep
from api.pages import deadlines
from api.pages.lists import BODY_CODES, FormatQuery, Listing, Text, here, not_found, show
from api.routes import page
from api.web import ROLE_LABELS, download

router = APIRouter(include_in_schema=False)

Sort = Literal["measures", "name", "region"]
SORTS = {"measures": "措施数（多→少）", "name": "名称", "region": "地区"}
Kind = Literal["", "government", "department", "court", "procuratorate", "park_zone", "leading_group",
               "enterprise_association", "institution", "collective"]
Level = Literal["", "national", "province", "city", "district", "township"]
Role = Literal["", "lead", "co", "sole", "unspecified"]
Part = Literal["measures", "partners", "documents"]
ROLE_COUNTS = list(ROLE_LABELS.items())  # columns: measures in each role
BODIES = Listing("page_actors", [("name", "单位"), ("region", "地区"), ("kind", "类别"), ("level", "层级"),
                                 ("measures", "措施数"), *ROLE_COUNTS, ("aliases", "别名")], "责任单位", codes=BODY_CODES)
MEASURES = Listing("page_actor_measures", [("role", "角色"), ("title", "措施"), ("path", "编号"),
                                           ("document_title", "文件"), ("deadline_text", "完成时限（原文）"),
                                           ("deadline_date", "截止日期"), ("deadline_kind", "时限类型"),
                                           ("evidence", "责任单位原文"), ("line", "行号")], "措施")
PARTNERS = Listing("page_actor_partners", [("name", "共同承担单位"), ("region", "地区"), ("shared", "共同承担措施数")],
                   "共同承担单位")
DOCUMENT_COLUMNS = [("title", "文件"), ("issued_on", "印发日期"), ("measures", "措施数"), *ROLE_COUNTS]
PARTNERS_SHOWN = 50  # co-owners on the page; the download has them all


@router.get("/actors")
def actor_list(request: Request, reader: ReaderDep, paging: PagingDep, region: Text = "", kind: Kind = "",
               level: Level = "", name: Text = "", sort: Sort = "measures", format: FormatQuery = "html") -> Response:
    """Bodies that own measures, filtered and sorted; `?format=csv|xlsx` downloads all that the filters keep."""
    filters = {"region": region, "kind": kind, "level": level, "name": name.strip(), "sort": sort}
    return BODIES.respond(request, reader, paging, format, "actors.html", filters, filters=filters, sorts=SORTS,
                          regions=[row["region"] for row in reader.query("page_actor_regions")])


@router.get("/actors/{actor_id}")
def actor_page(actor_id: str, request: Request, reader: ReaderDep, paging: PagingDep, today: deadlines.Today = None,
               role: Role = "", document: Text = "", format: FormatQuery = "html",
               part: Annotated[Part, Query(description="what a download holds")] = "measures") -> Response:
    """One body, its measures page by page (`role` and `document` filter them). `?format=csv|xlsx` downloads its
    measures, or with `part=partners` its co-owners, or with `part=documents` its documents."""
    rows = reader.query("actor", {"id": actor_id})
    if not rows:
        return not_found(request, f"责任单位 {actor_id}")
    body = rows[0]
    shown = {"id": actor_id, "role": role, "document": document}
    documents = reader.query("page_actor_documents", {"id": actor_id})
    if format != "html":
        if part == "documents":
            return download(documents, DOCUMENT_COLUMNS, format, f"{body['name']}-文件")
        listing, parameters = (PARTNERS, {"id": actor_id}) if part == "partners" else (MEASURES, shown)
        return listing.file(request, reader, format, parameters, f"{body['name']}-{listing.name}")
    measures = page(reader, MEASURES.query, paging, **shown)
    boards = deadlines.overview(reader, deadlines.day(today), actor=actor_id)
    return show(request, "actor.html", body=body, role=role, document=document, page=measures,
                groups=grouped(measures["items"]), here=here(request), documents=documents,
                roles={key: sum(d[key] for d in documents) for key in ROLE_LABELS},
                lineage=reader.query("page_actor_lineage", {"id": actor_id}),
                partners=page(reader, PARTNERS.query, Paging(limit=PARTNERS_SHOWN, offset=0), id=actor_id),
                boards=boards, counts={board["bucket"]: board["total"] for board in boards},
                today=deadlines.day(today), given_today=today,
                buckets=deadlines.BUCKETS, board_base=deadlines.link(today, actor=actor_id))


def grouped(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Measures (in role, document and text order) grouped by role, then by document:
    [{"role", "documents": [{"id", "title", "measures": [...]}]}]."""
    groups: list[dict[str, Any]] = []
    for row in rows:
        if not groups or groups[-1]["role"] != row["role"]:
            groups.append({"role": row["role"], "documents": []})
        documents = groups[-1]["documents"]
        if not documents or documents[-1]["id"] != row["document_id"]:
            documents.append({"id": row["document_id"], "title": row["document_title"], "measures": []})
        documents[-1]["measures"].append(row)
    return groups
