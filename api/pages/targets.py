"""/targets: quantified targets filtered by indicator (part of it), due year and document, sortable, with the
sentence each was read from; downloadable."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import PagingDep, ReaderDep
from api.pages.lists import COMPARATORS, FormatQuery, Listing, Text, Year

router = APIRouter(include_in_schema=False)

Sort = Literal["document", "due", "indicator"]
SORTS = {"document": "文件及原文顺序", "due": "期限（早→晚）", "indicator": "指标"}
TARGETS = Listing("targets", [("indicator", "指标"), ("comparator", "比较"), ("value", "目标值"), ("upper", "上限"),
                                   ("unit", "单位"), ("due", "期限"), ("document_title", "文件"), ("sentence", "原文句子"),
                                   ("line", "行号")], "目标指标", codes={"comparator": COMPARATORS})


@router.get("/targets")
def target_list(request: Request, reader: ReaderDep, paging: PagingDep, indicator: Text = "", year: Year = "",
                document: Text = "", sort: Sort = "document", format: FormatQuery = "html") -> Response:
    """Targets, filtered and sorted; `?format=csv|xlsx` downloads all that the filters keep."""
    filters = {"indicator": indicator.strip(), "year": year, "document": document, "sort": sort}
    parameters = {"indicator": filters["indicator"], "due": year, "doc_id": document, "sort": sort}
    titles = reader.query("page_document", {"id": document}) if document else []
    return TARGETS.respond(request, reader, paging, format, "targets.html", parameters, filters=filters, sorts=SORTS,
                           document_title=titles[0]["title"] if titles else "")
