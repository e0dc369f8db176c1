"""/cited (the documents loaded plans cite, most cited first) and /cited/{id} (one cited document: which loaded
plans cite it, with the title as each wrote it and where)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import PagingDep, ReaderDep
from api.pages.lists import FormatQuery, Listing, Text, not_found, show
from api.web import download

router = APIRouter(include_in_schema=False)

Sort = Literal["citing", "title"]
SORTS = {"citing": "被引用次数（多→少）", "title": "标题"}
YES_NO = {True: "是", False: "否"}
CITED = Listing("cited", [("title", "被引用文件"), ("citing", "引用它的已载入文件数"), ("loaded", "本身已载入")],
                "被引用文件", cells=lambda row: {**row, "loaded": YES_NO[row["loaded"]]})
CITING_COLUMNS = [("title", "引用它的文件"), ("issued_on", "印发日期"), ("text", "引用原文"), ("line", "行号")]


@router.get("/cited")
def cited_list(request: Request, reader: ReaderDep, paging: PagingDep, title: Text = "", sort: Sort = "citing",
               format: FormatQuery = "html") -> Response:
    """Documents the loaded plans cite; `?format=csv|xlsx` downloads all that the filter keeps."""
    filters = {"title": title.strip(), "sort": sort}
    return CITED.respond(request, reader, paging, format, "cited_list.html", filters, filters=filters, sorts=SORTS)


@router.get("/cited/{document_id}")
def cited_page(document_id: str, request: Request, reader: ReaderDep, format: FormatQuery = "html") -> Response:
    """One cited document and the loaded plans that cite it; `?format=csv|xlsx` downloads those."""
    rows = reader.query("page_document", {"id": document_id})
    if not rows:
        return not_found(request, f"被引用文件 {document_id}")
    citing = sorted((c for c in reader.query("page_document_citations", {"id": document_id}) if c["direction"] == "cited_by"),
                    key=lambda c: (c["issued_on"] or "", c["title"] or ""), reverse=True)
    if format != "html":
        return download(citing, CITING_COLUMNS, format, f"引用{rows[0]['title'] or '文件'}的文件")
    return show(request, "cited.html", document=rows[0], citing=citing, columns=CITING_COLUMNS)
