"""The analytics page (/analytics): who carries the load and who works with whom, in Chinese, with charts.

It shows the cached analytics report (graph/analytics_cache.py, the one GET /api/analytics serves) for the
filters /api/analytics takes (document_id, region, role): workload by body and role (a stacked bar chart and
the full table), the strongest co-responsibility pairs, communities, measures with several leads or with no
owner, and targets by due year (a column chart). Every list downloads as CSV (UTF-8 BOM) or .xlsx
(`?download=LIST&format=csv|xlsx`, the whole list the report keeps).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from api import charts
from api.deps import ReaderDep
from api.network_api import Id
from api.views import filter_choices
from api.web import Column, download, render
from graph.analytics import LIST_CAP, ROLES, Report, Role, Scope

router = APIRouter(include_in_schema=False)
CHART_BODIES = 20  # bars in the workload chart
SHOWN = 100  # rows of each measure list and of the pairs on the page (the downloads have the whole list)
ROLE_PARTS = {"lead": ("牵头", "#c0392b"), "co": ("配合", "#2980b9"), "sole": ("负责", "#8e44ad"),
              "unspecified": ("未分主次", "#7f8c8d")}
NO_YEAR = "未注明"

ListName = Literal["bodies", "pairs", "communities", "several_leads", "unowned", "targets_by_year"]
COLUMNS: dict[str, list[Column]] = {
    "bodies": [("name", "单位"), ("measures", "措施数"), *((role, ROLE_PARTS[role][0]) for role in ROLES),
               ("documents", "涉及文件数"), ("partners", "合作单位数"), ("betweenness", "中介中心度"),
               ("community", "协作群体")],
    "pairs": [("a_name", "单位甲"), ("b_name", "单位乙"), ("weight", "共同承担的措施数")],
    "communities": [("number", "协作群体"), ("size", "单位数"), ("names", "单位")],
    "several_leads": [("title", "措施"), ("document_title", "文件"), ("lead_names", "牵头单位"), ("id", "措施编号")],
    "unowned": [("title", "措施"), ("document_title", "文件"), ("id", "措施编号")],
    "targets_by_year": [("year", "到期年份"), ("targets", "目标数")],
}
FILE_NAMES = {"bodies": "各单位工作量", "pairs": "合作单位对", "communities": "协作群体",
              "several_leads": "多个牵头单位的措施", "unowned": "无责任单位的措施", "targets_by_year": "目标到期年份"}


def lists(report: Report) -> dict[str, list[dict[str, Any]]]:
    """The report's lists as flat rows (the page's tables and the downloads)."""
    names = {body.id: body.name for body in report.bodies}
    bodies = [{"id": b.id, "name": b.name, "measures": b.measures, **{role: b.by_role.get(role, 0) for role in ROLES},
               "documents": b.documents, "partners": b.partners, "betweenness": round(b.betweenness, 3),
               "community": None if b.community is None else b.community + 1} for b in report.bodies]
    communities = [{"number": i + 1, "size": len(c.ids), "names": c.names, "members": list(zip(c.ids, c.names, strict=True))}
                   for i, c in enumerate(report.communities)]
    several = [{"id": m.id, "title": m.title, "document_id": m.document_id, "document_title": m.document_title,
                "leads": [(lead, names.get(lead, lead)) for lead in m.leads],
                "lead_names": [names.get(lead, lead) for lead in m.leads]} for m in report.several_leads]
    unowned = [{"id": m.id, "title": m.title, "document_id": m.document_id, "document_title": m.document_title}
               for m in report.unowned]
    pairs = [{"a": p.a, "a_name": p.a_name, "b": p.b, "b_name": p.b_name, "weight": p.weight} for p in report.pairs]
    years = [{"year": y.year or NO_YEAR, "targets": y.targets} for y in report.targets_by_year]
    return {"bodies": bodies, "pairs": pairs, "communities": communities, "several_leads": several,
            "unowned": unowned, "targets_by_year": years}


@router.get("/analytics", response_model=None)
def analytics_page(request: Request, reader: ReaderDep, document_id: Id = "", region: Id = "",
                   role: Role | None = None, download_list: Annotated[ListName | None, Query(alias="download")] = None,
                   file_format: Annotated[Literal["csv", "xlsx"], Query(alias="format")] = "csv") -> Response:
    """The report for the filters, as a page, or one of its lists as a file."""
    if document_id and not reader.query("document", {"id": document_id}):
        raise HTTPException(404, f"no document with id {document_id!r}")
    report = request.app.state.analytics.report(reader, Scope(document_id or None, region or None, role))
    rows = lists(report)
    if download_list:
        return download(rows[download_list], COLUMNS[download_list], file_format, FILE_NAMES[download_list])
    filters = {key: value for key, value in (("document_id", document_id), ("region", region), ("role", role)) if value}
    workload = charts.stacked_bars([(b.name, "/actors/" + quote(b.id, safe=""), b.by_role)
                                    for b in report.bodies[:CHART_BODIES]], ROLE_PARTS)
    years = charts.columns([(y["year"], y["targets"]) for y in rows["targets_by_year"]])
    return render(request, "analytics.html", report=report, lists=rows, columns=COLUMNS, workload=workload,
                  years=years, shown=SHOWN, list_cap=LIST_CAP, scope={"document": document_id, "actor": "",
                                                                        "role": role or "", "region": region},
                  choices=filter_choices(reader, document_id, None), network_url="/view/ownership?" + urlencode(filters),
                  downloads="/analytics?" + urlencode(filters) + ("&" if filters else "") + "download=")
