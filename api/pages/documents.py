"""/documents (loaded documents, filterable by region, issuer and year) and /documents/{id}: a document's
metadata, its measures in document order under their sections with owner badges and deadlines, its targets,
its citations both ways, and where in the source each fact was read (notes, sentences, line numbers)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import MAX_LIMIT, Paging, PagingDep, ReaderDep
from api.pages import deadlines
from api.pages.lists import CODES, FormatQuery, Listing, Text, Year, not_found, owners_text, show
from api.routes import page
from api.web import download

router = APIRouter(include_in_schema=False)

Sort = Literal["issued_desc", "issued_asc", "title", "region"]
SORTS = {"issued_desc": "印发日期（新→旧）", "issued_asc": "印发日期（旧→新）", "title": "标题", "region": "地区"}
DOCUMENTS = Listing("page_documents", [("title", "标题"), ("doc_number", "文号"), ("issuer", "发文机关"),
                                       ("issued_on", "印发日期"), ("region", "地区"), ("period_end", "规划期末"),
                                       ("measures", "措施数"), ("targets", "目标数")], "政策文件")
MEASURE_COLUMNS = [("path", "编号"), ("title", "措施"), ("text", "内容"), ("deadline_text", "完成时限（原文）"),
                   ("deadline_date", "截止日期"), ("deadline_kind", "时限类型"), ("key_task", "重点任务"),
                   ("owners", "责任单位（角色）"), ("line", "行号")]
CITATION_COLUMNS = [("direction", "方向"), ("title", "文件"), ("text", "引用原文"), ("line", "行号"), ("loaded", "已载入")]
DIRECTIONS = {"cites": "本文件引用", "cited_by": "引用本文件"}
Part = Literal["measures", "citations"]


@router.get("/documents")
def document_list(request: Request, reader: ReaderDep, paging: PagingDep, region: Text = "", issuer: Text = "",
                  year: Year = "", sort: Sort = "issued_desc", format: FormatQuery = "html") -> Response:
    """Loaded documents, filtered and sorted; `?format=csv|xlsx` downloads all that the filters keep."""
    filters = {"region": region, "issuer": issuer, "year": year, "sort": sort}
    return DOCUMENTS.respond(request, reader, paging, format, "documents.html", filters, filters=filters,
                             sorts=SORTS, regions=[row["region"] for row in reader.query("document_regions")])


@router.get("/documents/{document_id}")
def document_page(document_id: str, request: Request, reader: ReaderDep, today: deadlines.Today = None,
                  format: FormatQuery = "html",
                  part: Annotated[Part, Query(description="what a download holds")] = "measures") -> Response:
    """One document; `?format=csv|xlsx` downloads its measures (or, with `part=citations`, its citations)."""
    rows = reader.query("page_document", {"id": document_id})
    if not rows:
        return not_found(request, f"文件 {document_id}")
    document = {**rows[0], "issuers": [a for a in rows[0]["issuers"] if a["id"]]}
    if not document["source_file"]:  # known only because loaded documents cite it
        return RedirectResponse(f"/cited/{quote(document_id, safe='')}", status_code=303)
    owners: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for owner in reader.query("page_document_owners", {"id": document_id}):
        owners[owner["measure"]].append(owner)
    measures = [{**row, "owners": owners[row["id"]]} for row in reader.query("page_document_measures", {"id": document_id})]
    citations = sorted(reader.query("page_document_citations", {"id": document_id}),
                       key=lambda c: (c["direction"], c["line"] or 0, c["title"] or ""))
    name = document["title"] or "文件"
    if format != "html":
        if part == "citations":
            cells = [{**c, "direction": DIRECTIONS[c["direction"]], "loaded": "是" if c["loaded"] else "否"} for c in citations]
            return download(cells, CITATION_COLUMNS, format, f"{name}-引用")
        return download(map(_measure_cells, measures), MEASURE_COLUMNS, format, f"{name}-措施")
    sections = reader.query("page_document_sections", {"id": document_id})
    targets = page(reader, "targets", Paging(limit=MAX_LIMIT, offset=0), indicator="", due="", doc_id=document_id,
                   sort="document")
    day = deadlines.day(today)
    return show(request, "document.html", document=document, tree=measure_tree(document_id, sections, measures),
                measures=len(measures), targets=targets, citations=citations, today=day, given_today=today,
                counts=deadlines.counts(reader, day, document=document_id), buckets=deadlines.BUCKETS,
                board_base=deadlines.link(today, document=document_id))


def measure_tree(root: str, sections: Sequence[dict[str, Any]], measures: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sections and measures under `root`, nested, each level in text order:
    [{"kind": "section" | "measure", "row": row, "children": [...]}]."""
    children: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for kind, rows in (("section", sections), ("measure", measures)):
        for row in rows:
            children[row["parent"]].append({"kind": kind, "row": row})

    def grow(parent: str) -> list[dict[str, Any]]:
        nodes = sorted(children.get(parent, []), key=lambda node: (node["row"]["char_start"] or 0, node["row"]["id"]))
        return [{**node, "children": grow(node["row"]["id"])} for node in nodes]

    return grow(root)


def _measure_cells(row: dict[str, Any]) -> dict[str, Any]:
    key_task = {True: "是", False: "否"}.get(row["key_task"], "")
    return {**row, "deadline_kind": CODES["deadline_kind"].get(row["deadline_kind"], row["deadline_kind"]),
            "key_task": key_task, "owners": owners_text(row["owners"])}
