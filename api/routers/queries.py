"""The analyst query library (queries/library, queries/catalog.py): the list of questions and one question's
rows, as JSON under /api/queries and as Chinese pages under /queries with a form, a table and downloads.

A library query's parameters are its own (`?top=5&region=南通市`), typed as its header says; its rows are
computed whole, kept per graph version by the request's reader, and paged (or downloaded) from there.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import PagingDep, ReaderDep
from api.models import LibraryQuery, QueryRows
from api.paging import Page, cut
from api.routers.filters import not_found
from api.web import download, render
from graph.stores import GraphReader
from queries import catalog

router = APIRouter()
RESERVED = frozenset({"limit", "offset", "format"})  # paging and downloads; no library parameter uses them


def described(query: catalog.LibraryQuery) -> dict[str, Any]:
    """A library query as GET /api/queries lists it."""
    return {"name": query.name, "question_zh": query.question_zh, "question_en": query.question_en,
            "parameters": [{"name": p.name, "type": p.type, "default": p.default, "zh": p.zh, "en": p.en}
                           for p in query.parameters],
            "example": query.example_parameters()}


def _query(name: str) -> catalog.LibraryQuery:
    try:
        return catalog.get(name)
    except KeyError:
        raise HTTPException(404, f"no library query {name!r}: GET /api/queries lists them") from None


def run(reader: GraphReader, query: catalog.LibraryQuery, given: dict[str, list[str]]) -> tuple[dict[str, Any], list]:
    """The parameters as bound (defaults filled in) and every row of the query; a bad parameter is a 422."""
    try:
        bound = query.bind(given, today=date.today())
    except catalog.ParameterError as error:
        raise HTTPException(422, str(error)) from None
    rows = reader.query(query.query_name, bound)
    return bound, [{key: catalog.plain(value) for key, value in row.items()} for row in rows]


def _given(request: Request) -> dict[str, list[str]]:
    """The library parameters of the request's URL (the paging and format parameters left out)."""
    given: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if key not in RESERVED:
            given.setdefault(key, []).append(value)
    return given


@router.get("/api/queries", response_model=Page[LibraryQuery], tags=["queries"])
def library(paging: PagingDep) -> dict[str, Any]:
    """The analyst query library: each question (Chinese and English) with its parameters, their types,
    defaults and meaning, and the example docs/queries.md runs it with."""
    return cut([described(q) for q in catalog.library().values()], paging)


@router.get("/api/queries/{name}", response_model=QueryRows, tags=["queries"], responses=not_found("query name"))
def library_rows(name: str, request: Request, reader: ReaderDep, paging: PagingDep) -> dict[str, Any]:
    """One library query's rows (one page of them) for the parameters in the URL, typed as GET /api/queries
    says (`?top=5`, a list as `?bodies=a&bodies=b` or `?bodies=a,b`, a date as YYYY-MM-DD); the rest take
    their defaults. A parameter the query does not take, or a value of the wrong type, is a 422."""
    query = _query(name)
    bound, rows = run(reader, query, _given(request))
    return {**cut(rows, paging), "name": query.name, "columns": [c for c, _ in query.columns], "parameters": bound}


@router.get("/queries", response_class=HTMLResponse, include_in_schema=False)
def library_page(request: Request) -> HTMLResponse:
    return render(request, "queries.html", queries=list(catalog.library().values()), problem=None)


@router.get("/queries/{name}", response_class=HTMLResponse, include_in_schema=False)
def query_page(name: str, request: Request, reader: ReaderDep, paging: PagingDep,
               format: Literal["html", "csv", "xlsx"] = "html") -> Response:
    """The question, a form for its parameters, its rows as a table (a page of them) with downloads of all."""
    if name not in catalog.library():
        return render(request, "queries.html", status_code=404, queries=list(catalog.library().values()),
                      problem=f"没有名为“{name}”的查询，请从下表中选择。")
    query = catalog.get(name)
    given = _given(request)
    try:
        bound, rows = run(reader, query, given)
    except HTTPException as error:
        if error.status_code != 422:
            raise
        shown = {p.name: ",".join(given.get(p.name, [])) for p in query.parameters}
        return render(request, "query.html", status_code=422, query=query, values=shown, problem=error.detail,
                      page=None, cypher=query.text(reader.dialect), arguments="")
    if format != "html":
        return download(rows, query.columns, format, f"policykg-{query.name}")
    values = {k: ",".join(v) if isinstance(v, list) else v for k, v in bound.items()}
    arguments = urlencode([(k, v) for k, vs in given.items() for v in vs])
    return render(request, "query.html", query=query, values=values, problem=None, cypher=query.text(reader.dialect),
                  page=cut(rows, paging), arguments=arguments)
