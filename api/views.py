"""Pages for officials: a Chinese start page and the interactive who-owns-what network (pyvis).

The network page is self-contained: vis-network is inlined and every external <script>/<link> that
pyvis's template adds (Bootstrap from a CDN) is removed, because government intranets are offline.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pyvis.network import Network

from api.deps import Paging, ReaderDep
from api.routes import actor_page, document_page
from api.web import render

router = APIRouter(include_in_schema=False)
START_PAGE_ROWS = 100  # documents and bodies listed on the start page; the API pages through the rest
ROWS_PER_NODE = 4

ROLE_LABELS = {"lead": "牵头", "co": "配合", "sole": "负责", "unspecified": "责任单位"}
ROLE_COLOURS = {"lead": "#c0392b", "co": "#2980b9", "sole": "#8e44ad", "unspecified": "#7f8c8d"}
ACTOR_COLOUR, MEASURE_COLOUR, DOCUMENT_COLOUR = "#e67e22", "#27ae60", "#34495e"
_EXTERNAL = re.compile(r"<(script|link)\b[^>]*(src|href)=\"https?://[^\"]*\"[^>]*>(\s*</script>)?", re.IGNORECASE)


def _shorten(text: str | None, limit: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def ownership_network(rows: list[dict[str, Any]], node_limit: int) -> tuple[Network, int]:
    """Bodies → measures → documents.  Node and edge lists are built directly: pyvis's add_node and
    add_edge check membership in lists, which is quadratic on large graphs."""
    workload = Counter(row["actor_id"] for row in rows)
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    for row in sorted(rows, key=lambda r: -workload[r["actor_id"]]):
        if len(nodes) >= node_limit and row["measure_id"] not in nodes:
            continue
        nodes.setdefault(row["actor_id"], {
            "id": row["actor_id"], "label": row["actor"], "shape": "dot", "color": ACTOR_COLOUR,
            "size": 12 + 3 * workload[row["actor_id"]] ** 0.5, "group": "actor",
            "title": f"{row['actor']}\n承担措施 {workload[row['actor_id']]} 项"})
        nodes.setdefault(row["measure_id"], {
            "id": row["measure_id"], "label": _shorten(row["measure_title"], 14), "shape": "square",
            "color": MEASURE_COLOUR, "size": 8, "group": "measure",
            "title": f"{_shorten(row['measure_text'], 300)}\n完成时限：{row['deadline'] or '未注明'}\n"
                     f"文件：{row['document_title']}"})
        nodes.setdefault(row["document_id"], {
            "id": row["document_id"], "label": _shorten(row["document_title"], 16), "shape": "diamond",
            "color": DOCUMENT_COLOUR, "size": 22, "group": "document", "title": row["document_title"]})
        edges.append({"from": row["actor_id"], "to": row["measure_id"], "color": ROLE_COLOURS[row["role"]],
                      "title": ROLE_LABELS[row["role"]], "arrows": "to"})
    seen_parts = {(e["from"], e["to"]) for e in edges}
    for row in rows:
        if row["measure_id"] in nodes and (row["measure_id"], row["document_id"]) not in seen_parts:
            seen_parts.add((row["measure_id"], row["document_id"]))
            edges.append({"from": row["measure_id"], "to": row["document_id"], "color": "#bdc3c7", "dashes": True})
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.edges = list(nodes.values()), edges  # generate_html reads only these two lists
    net.barnes_hut(gravity=-6000, spring_length=120)
    return net, workload.total()


def offline_html(net: Network, heading: str, legend: str) -> str:
    page = _EXTERNAL.sub("", net.generate_html())
    page = page.replace("<head>", '<head>\n<meta charset="utf-8"><title>谁负责什么 · policykg</title>', 1)
    banner = (f'<div id="policykg-banner" style="font-family:sans-serif;padding:8px 12px">'
              f'<h2 style="margin:4px 0">{html.escape(heading)}</h2>{legend}</div>')
    page = page.replace("<body>", "<body>\n" + banner, 1)
    # Record how many nodes were drawn, so a browser test can tell the network rendered.
    marker = ("<script>window.addEventListener('load', function () {"
              "document.body.dataset.nodes = network.body.data.nodes.length;});</script>")
    return page.replace("</body>", marker + "\n</body>", 1)


def _legend() -> str:
    items = [f'<span style="color:{ACTOR_COLOUR}">● 责任单位</span>',
             f'<span style="color:{MEASURE_COLOUR}">■ 措施</span>',
             f'<span style="color:{DOCUMENT_COLOUR}">◆ 文件</span>']
    items += [f'<span style="color:{c}">→ {ROLE_LABELS[r]}</span>' for r, c in ROLE_COLOURS.items()]
    return " &nbsp; ".join(items) + '<br><small>节点大小表示承担措施数量；悬停查看措施内容与完成时限。</small>'


@router.get("/view/ownership", response_class=HTMLResponse)
def ownership_view(request: Request, reader: ReaderDep,
                   limit: Annotated[int, Query(ge=10, le=10_000)] = 2000) -> str:
    budget = min(limit, request.app.state.settings.view_node_limit)
    # Each responsibility row adds at most three nodes; reading a few rows per node of the budget bounds the
    # work while still filling the network (the view is to aggregate beyond its budget: issue 10).
    rows = reader.query("ownership", {"rows": budget * ROWS_PER_NODE})
    net, assignments = ownership_network(rows, budget)
    heading = f"谁负责什么：{len(net.nodes)} 个节点，{assignments} 项责任分工"
    return offline_html(net, heading, _legend())


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request, reader: ReaderDep) -> HTMLResponse:
    first = Paging(limit=START_PAGE_ROWS, offset=0)
    actors = actor_page(reader, first)
    actors["items"] = [a for a in actors["items"] if a.measures]
    return render(request, "index.html", documents=document_page(reader, first), actors=actors)
