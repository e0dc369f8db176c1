"""/topics (keywords of measures with how many measures are about each) and /topics/{name} (the measures about
one topic, strongest first)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import PagingDep, ReaderDep
from api.pages.lists import FormatQuery, Listing, Text, not_found

router = APIRouter(include_in_schema=False)

Sort = Literal["measures", "name"]
SORTS = {"measures": "措施数（多→少）", "name": "主题词"}
TOPICS = Listing("topics", [("name", "主题"), ("measures", "措施数")], "主题")
MEASURES = Listing("topic_measures", [("title", "措施"), ("path", "编号"), ("document_title", "文件"),
                                      ("weight", "相关度"), ("text", "内容")], "主题措施")


@router.get("/topics")
def topic_list(request: Request, reader: ReaderDep, paging: PagingDep, name: Text = "", sort: Sort = "measures",
               format: FormatQuery = "html") -> Response:
    """Topics with their measure counts; `?format=csv|xlsx` downloads all that the filter keeps."""
    filters = {"name": name.strip(), "sort": sort}
    return TOPICS.respond(request, reader, paging, format, "topics.html", filters, filters=filters, sorts=SORTS)


@router.get("/topics/{name:path}")
def topic_page(name: str, request: Request, reader: ReaderDep, paging: PagingDep, format: FormatQuery = "html") -> Response:
    """The measures about one topic, strongest first; `?format=csv|xlsx` downloads them all."""
    if not reader.query("topic_measures_count", {"name": name})[0]["total"]:
        return not_found(request, f"主题“{name}”")
    return MEASURES.respond(request, reader, paging, format, "topic.html", {"name": name}, name=name)
