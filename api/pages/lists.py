"""What every list page shares: one page on screen, the whole filtered list as a download, links that keep
the filters, and the labels the templates show.

A list is a paged named query (`NAME` with `$offset`/`$limit`, `NAME_count`). The screen shows one page of it
through `page()`; `?format=csv|xlsx` downloads every row the filters keep (up to EXPORT_ROWS), read in large
pages through `page()` as well (so never a page past the end), never the whole graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import Paging
from api.routes import page
from api.web import DEADLINE_KINDS, LEVEL_LABELS, ROLE_LABELS, Column, download, render
from graph.stores import GraphReader

__all__ = ["BODY_CODES", "CODES", "COMPARATORS", "KIND_LABELS", "MEASURE_KINDS", "FormatQuery", "Listing", "Text", "Year", "everything",
           "here", "not_found", "owners_text", "show", "too_many"]

Format = Literal["html", "csv", "xlsx"]
FormatQuery = Annotated[Format, Query(description="html: this page; csv or xlsx: the whole filtered list as a file")]
Text = Annotated[str, Query(max_length=200)]  # a filter: '' for none
EXPORT_ROWS = 50_000  # the most rows a download holds: enough for a meeting; a broader list is to be filtered first
EXPORT_CHUNK = 5_000
Year = Annotated[str, Query(pattern=r"^([0-9]{4})?$", description="a year such as 2025; empty for any")]

KIND_LABELS = {"government": "人民政府", "department": "部门", "court": "法院", "procuratorate": "检察院",
               "park_zone": "园区", "leading_group": "领导小组", "enterprise_association": "企业、协会",
               "institution": "事业单位、机构", "collective": "泛指单位（各镇、街道等）"}
MEASURE_KINDS = {"item": "条目", "table_row": "任务表行", "box": "专栏"}
COMPARATORS = {">=": "≥", ">": "＞", "<=": "≤", "=": "＝"}
LABELS = {"KIND_LABELS": KIND_LABELS, "MEASURE_KINDS": MEASURE_KINDS, "COMPARATORS": COMPARATORS}


def show(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from api/templates with the labels every page of this package uses."""
    return render(request, template, status_code=status_code, **LABELS, **context)


def not_found(request: Request, what: str) -> HTMLResponse:
    """A Chinese 404 page (never the API's JSON) naming what was not found."""
    return show(request, "not_found.html", status_code=404, what=what)


def here(request: Request, *drop: str) -> str:
    """This page's URL with its filters, without paging, format and `drop`, ready for `key=value` to be appended."""
    left_out = {"offset", "limit", "format", *drop}
    kept = [(key, value) for key, value in request.query_params.multi_items() if key not in left_out and value]
    return f"{request.url.path}?{urlencode(kept)}{'&' if kept else ''}"


class Uncached(GraphReader):
    """A request's reader whose named queries bypass the answer cache: a download's large pages would crowd the
    pages' answers out of it."""

    def __init__(self, reader: GraphReader) -> None:
        self.dialect = reader.dialect
        self._reader = reader

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._reader.run(cypher, parameters)


def everything(reader: GraphReader, query: str, **parameters: Any) -> Iterator[dict[str, Any]]:
    """Every row of the paged named query `query`, EXPORT_CHUNK rows at a time (each chunk sorts the filtered
    rows again, so a download is bounded by EXPORT_ROWS)."""
    uncached, offset = Uncached(reader), 0
    while True:
        found = page(uncached, query, Paging(limit=EXPORT_CHUNK, offset=offset), **parameters)
        yield from found["items"]
        offset += EXPORT_CHUNK
        if offset >= found["total"]:
            return


def too_many(request: Request, total: int) -> HTMLResponse | None:
    """A Chinese refusal when a download would hold more than EXPORT_ROWS rows, else None."""
    if total <= EXPORT_ROWS:
        return None
    return show(request, "too_many.html", status_code=422, total=total, limit=EXPORT_ROWS, back=here(request))


def owners_text(owners: Sequence[Mapping[str, Any]]) -> str:
    """Owners as one cell of a download: 市公安局（牵头）、市法院（配合）."""
    return "、".join(f"{o['name']}（{ROLE_LABELS.get(o['role'] or 'unspecified', o['role'])}）" for o in owners if o["id"])


CODES = {"role": ROLE_LABELS, "deadline_kind": DEADLINE_KINDS}  # coded columns a download shows in Chinese
BODY_CODES = {"kind": KIND_LABELS, "level": LEVEL_LABELS}


@dataclass(frozen=True)
class Listing:
    """A list page: the paged named query behind it, the columns of its download (key, Chinese header), the
    download's file name, which coded columns the download shows in Chinese (`codes`: key → labels), and any
    further change a row needs to become the download's cells (`cells`)."""

    query: str
    columns: Sequence[Column]
    name: str
    codes: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: CODES)
    cells: Callable[[dict[str, Any]], Mapping[str, Any]] = dict

    def chinese(self, row: Mapping[str, Any]) -> Mapping[str, Any]:
        """A row as the download's cells: coded values in Chinese (the cached row itself is left alone)."""
        return self.cells({key: self.codes[key].get(value, value) if key in self.codes and value is not None else value
                           for key, value in row.items()})

    def file(self, request: Request, reader: GraphReader, fmt: Format, parameters: Mapping[str, Any],
             name: str = "") -> Response:
        """Every row the filters keep, as a CSV or .xlsx file (`name`, else the list's), or a refusal when
        they keep more than EXPORT_ROWS."""
        refused = too_many(request, reader.query(f"{self.query}_count", dict(parameters))[0]["total"])
        if refused:
            return refused
        rows = (self.chinese(row) for row in everything(reader, self.query, **parameters))
        return download(rows, self.columns, fmt, name or self.name)

    def respond(self, request: Request, reader: GraphReader, paging: Paging, fmt: Format, template: str,
                parameters: Mapping[str, Any], **context: Any) -> Response:
        """The page (one page of rows as `page`, the filters' URL as `here`), or the whole filtered list as a file."""
        if fmt != "html":
            return self.file(request, reader, fmt, parameters)
        found = page(reader, self.query, paging, **parameters)
        return show(request, template, page=found, here=here(request), columns=self.columns, **context)
