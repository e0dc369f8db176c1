"""What every page shares: the Jinja2 templates (api/templates), Chinese labels, and list downloads.

Pages are server-rendered from templates, never HTML in f-strings; every list a page shows can be downloaded
as CSV (UTF-8 with a byte-order mark, so Excel opens Chinese correctly, and Chinese headers) or .xlsx.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from openpyxl import Workbook

__all__ = ["DEADLINE_KINDS", "ROLE_LABELS", "Column", "download", "render", "templates"]

ROLE_LABELS = {"lead": "牵头", "co": "配合", "sole": "负责", "unspecified": "责任单位"}
DEADLINE_KINDS = {"dated": "有明确时限", "recurring": "每年", "ongoing": "长期坚持", "period_end": "规划期末", "none": "未注明"}
LEVEL_LABELS = {"national": "国家", "province": "省级", "city": "市级", "district": "区县", "township": "乡镇街道"}

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(ROLE_LABELS=ROLE_LABELS, DEADLINE_KINDS=DEADLINE_KINDS, LEVEL_LABELS=LEVEL_LABELS)
templates.env.filters["role"] = lambda role: ROLE_LABELS.get(role or "", role or "")


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from api/templates/`template`, with `context`."""
    return templates.TemplateResponse(request, template, context, status_code=status_code)


Column = tuple[str, str]  # (key in a row, Chinese header)


def _cells(rows: Iterable[Mapping[str, Any]], columns: Sequence[Column]) -> Iterable[list[Any]]:
    for row in rows:
        yield ["、".join(map(str, v)) if isinstance(v := row.get(key), list) else v for key, _ in columns]


def download(rows: Iterable[Mapping[str, Any]], columns: Sequence[Column], fmt: str, name: str) -> Response:
    """`rows` as a file to download: `csv` (UTF-8 with BOM, Chinese headers) or `xlsx`; `name` without suffix."""
    headers = [header for _, header in columns]
    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(name[:31])
        sheet.append(headers)
        for cells in _cells(rows, columns):
            sheet.append(cells)
        buffer = io.BytesIO()
        book.save(buffer)
        body, media = buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(headers)
        writer.writerows(_cells(rows, columns))
        body, media = ("\ufeff" + text.getvalue()).encode("utf-8"), "text/csv; charset=utf-8"
    filename = f"{name}.{'xlsx' if fmt == 'xlsx' else 'csv'}"
    disposition = f"attachment; filename=\"policykg.{filename.rsplit('.', 1)[1]}\"; filename*=UTF-8''{quote(filename)}"
    return Response(body, media_type=media, headers={"content-disposition": disposition})
