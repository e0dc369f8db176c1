"""The who-owns-what network as the page draws it (vis-network): bodies, measures and documents, read through
named queries (queries/view_*.cypher) and never more than the node budget allows.

A scope (document, body, role, region) is measured first (`view_size`); then the finest drawing that fits the
node budget, and EDGES_PER_NODE times as many links, is read:

1. measures: every body, measure and document, an edge per responsibility (coloured by role);
2. documents: measures folded into counts per body and document (a link per pair, labelled by role);
3. regions: documents folded as well, into the regions they govern;
4. busiest: the heaviest body–region links that fit, and how many bodies and links were left out.

A folded drawing says what it folded (`Folded`); nothing is dropped without a number on the page. Clicking a
node adds its neighbours (`neighbours`, behind GET /api/network/{id}/neighbours), within the same scope.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Literal
from urllib.parse import quote, urlencode

from api.web import ROLE_LABELS
from graph.stores import GraphReader

__all__ = ["EDGES_PER_NODE", "NEIGHBOURS", "Folded", "NetworkView", "ViewScope", "draw", "neighbours", "node_kind"]

EDGES_PER_NODE = 3  # links drawn at most per node of the budget (vis-network's cost grows with both)
NEIGHBOURS = 300  # rows one expansion adds at most
NO_REGION = "未注明地区"
Level = Literal["measures", "documents", "regions", "busiest", "ego"]


@dataclass(frozen=True)
class ViewScope:
    """Which responsibilities the network shows; "" means no filter. `actor` keeps that body's measures with
    every body named on them; `region` keeps the documents of one region."""

    document: str = ""
    actor: str = ""
    role: str = ""
    region: str = ""

    def parameters(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Folded:
    """What a folded drawing did, for the notice on the page."""

    level: Level
    links: int  # links drawn in place of the responsibility edges
    bodies_left_out: int = 0  # busiest only: bodies not drawn at all
    links_left_out: int = 0  # busiest only: body–region links not drawn


@dataclass
class NetworkView:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    level: Level
    size: dict[str, int] = field(default_factory=dict)  # bodies, measures, documents, edges in the scope
    folded: Folded | None = None
    complete: bool = True  # ego views: False when the node has more neighbours than NEIGHBOURS

    def counts(self) -> Counter[str]:
        """Drawn nodes by kind (actor, measure, document, region)."""
        return Counter(node["group"] for node in self.nodes)


def node_kind(node_id: str) -> str:
    """actor, measure, document or region, from the id's prefix ("" if none of them)."""
    prefix = node_id.partition(":")[0]
    return {"actor": "actor", "measure": "measure", "doc": "document", "region": "region"}.get(prefix, "")


def _short(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


def _roles(counts: dict[str, int]) -> str:
    return " · ".join(f"{ROLE_LABELS[role]} {n}" for role, n in counts.items() if n)


class _Drawing:
    """Nodes and edges by id, each added once (pyvis's own add_node checks a list: quadratic)."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}  # styled by the page (network.js)
        self.load: dict[str, Counter[str]] = defaultdict(Counter)  # body → measures by role, as drawn

    def body(self, actor_id: str, name: str | None) -> None:
        self.nodes.setdefault(actor_id, {"id": actor_id, "group": "actor", "label": name or actor_id,
                                         "url": "/actors/" + quote(actor_id, safe="")})

    def document(self, document_id: str, title: str | None) -> None:
        self.nodes.setdefault(document_id, {"id": document_id, "group": "document", "label": _short(title, 16),
                                            "title": title or document_id,
                                            "url": "/documents/" + quote(document_id, safe="")})

    def region(self, name: str) -> str:
        node_id = f"region:{name}"
        self.nodes.setdefault(node_id, {"id": node_id, "group": "region", "label": name or NO_REGION,
                                        "title": f"{name}：单击展开为文件" if name else f"{NO_REGION}的文件",
                                        "url": "/view/ownership?" + urlencode({"region": name})})
        return node_id

    def measure(self, row: dict[str, Any]) -> None:
        title, text = row["measure_title"] or "", row["measure_text"] or ""
        lines = [] if text.startswith(title) else [title]
        lines += [text + ("…" if len(text) >= 100 else ""), f"完成时限：{row['deadline'] or '未注明'}",
                  f"文件：{row['document_title'] or row['document_id']}"]
        self.nodes.setdefault(row["measure_id"], {
            "id": row["measure_id"], "group": "measure", "label": _short(title or text, 14), "title": "\n".join(lines),
            "url": "/measures/" + quote(row["measure_id"], safe="")})

    def responsibility(self, row: dict[str, Any]) -> None:
        """A row of view_edges or view_neighbours_*: body → measure → document."""
        self.measure(row)
        self.document(row["document_id"], row["document_title"])
        self.part_of(row["measure_id"], row["document_id"])
        if row["actor_id"] is None:  # a measure no body owns
            return
        role = row["role"] or "unspecified"
        self.body(row["actor_id"], row["actor"])
        if self._edge(row["actor_id"], row["measure_id"], role=role):
            self.load[row["actor_id"]][role] += 1

    def folded_link(self, row: dict[str, Any], target: str) -> None:
        """A row of view_by_document or view_by_region: a body's measures in one document or region."""
        self.body(row["actor_id"], row["actor"])
        counts = {role: int(row[role]) for role in ROLE_LABELS}
        self.load[row["actor_id"]].update(counts)
        self._edge(row["actor_id"], target, folded=True, label=_roles(counts),
                   width=round(1 + math.log2(row["measures"]), 1))

    def part_of(self, part: str, whole: str) -> None:
        self._edge(part, whole, part_of=True)

    def _edge(self, source: str, target: str, **style: Any) -> bool:
        if (source, target) in self.edges:
            return False
        self.edges[source, target] = {"from": source, "to": target, **style}
        return True

    def view(self, level: Level, size: dict[str, int] | None = None, folded: Folded | None = None,
             complete: bool = True) -> NetworkView:
        for node in self.nodes.values():
            if node["group"] == "actor":
                counts = self.load[node["id"]]
                node["title"] = f"{node['label']}\n图中所示措施 {counts.total()} 项：{_roles(counts)}" if counts else node["label"]
                node["size"] = round(10 + min(30.0, 2.5 * math.sqrt(counts.total())), 1)
        return NetworkView(list(self.nodes.values()), list(self.edges.values()), level, size or {}, folded, complete)


def draw(reader: GraphReader, scope: ViewScope, budget: int) -> NetworkView:
    """The finest drawing of `scope` within `budget` nodes (and EDGES_PER_NODE × `budget` links)."""
    params = scope.parameters()
    size = reader.query("view_size", params)[0]
    links = budget * EDGES_PER_NODE
    drawing = _Drawing()
    if size["bodies"] + size["measures"] + size["documents"] <= budget and size["edges"] + size["measures"] <= links:
        for row in reader.query("view_edges", {**params, "rows": size["edges"]}):
            drawing.responsibility(row)
        return drawing.view("measures", size)
    rows = reader.query("view_by_document", {**params, "rows": links + 1})
    if size["bodies"] + size["documents"] <= budget and len(rows) <= links:
        for row in rows:
            drawing.document(row["document_id"], row["document_title"])
            drawing.folded_link(row, row["document_id"])
        return drawing.view("documents", size, Folded("documents", len(rows)))
    rows = reader.query("view_by_region", {**params, "rows": links + 1})
    if len(rows) <= links and size["bodies"] + len({row["region"] for row in rows}) <= budget:
        for row in rows:
            drawing.folded_link(row, drawing.region(row["region"]))
        return drawing.view("regions", size, Folded("regions", len(rows)))
    return _busiest(drawing, rows[:links], reader.query("view_by_region_count", params)[0]["total"], size, budget)


def _busiest(drawing: _Drawing, rows: list[dict[str, Any]], pairs: int, size: dict[str, int],
             budget: int) -> NetworkView:
    """The heaviest body–region links (`rows`, heaviest first) whose ends fit in `budget` nodes."""
    drawn = 0
    for row in rows:
        new = (row["actor_id"] not in drawing.nodes) + (f"region:{row['region']}" not in drawing.nodes)
        if len(drawing.nodes) + new > budget:
            continue
        drawing.folded_link(row, drawing.region(row["region"]))
        drawn += 1
    bodies = sum(1 for node in drawing.nodes.values() if node["group"] == "actor")
    return drawing.view("busiest", size, Folded("busiest", drawn, size["bodies"] - bodies, pairs - drawn))


def neighbours(reader: GraphReader, node_id: str, scope: ViewScope) -> NetworkView | None:
    """What clicking `node_id` adds, within `scope`: a body's measures (with their documents); a measure's owners
    and document; a document's owned measures with their owners; a region's documents (folded, as level 2).
    Includes the node itself; `complete` is False when it has more than NEIGHBOURS. None when no such node."""
    drawing = _Drawing()
    kind = node_kind(node_id)
    if kind == "region":
        region = node_id.partition(":")[2]
        drawing.region(region)
        # Documents that name no region cannot be asked for by region ("" means any): that hub stays folded.
        rows = reader.query("view_by_document", {**scope.parameters(), "region": region, "rows": NEIGHBOURS + 1}
                            ) if region else []
        for row in rows[:NEIGHBOURS]:
            drawing.document(row["document_id"], row["document_title"])
            drawing.folded_link(row, row["document_id"])
            drawing.part_of(row["document_id"], node_id)
        return drawing.view("ego", complete=len(rows) <= NEIGHBOURS)
    rows = _neighbour_rows(reader, drawing, kind, node_id, scope)
    if rows is None:
        return None
    for row in rows[:NEIGHBOURS]:
        drawing.responsibility(row)
    return drawing.view("ego", complete=len(rows) <= NEIGHBOURS)


def _neighbour_rows(reader: GraphReader, drawing: _Drawing, kind: str, node_id: str,
                    scope: ViewScope) -> list[dict[str, Any]] | None:
    """The responsibility rows around a body, measure or document (the node itself added to `drawing`)."""
    limit = {"limit": NEIGHBOURS + 1}
    if kind == "actor":
        found = reader.query("actor", {"id": node_id})
        if found:
            drawing.body(node_id, found[0]["name"])
            return reader.query("view_neighbours_actor", {"id": node_id, "document": scope.document,
                                                          "region": scope.region, "role": scope.role, **limit})
    elif kind == "document":
        found = reader.query("document", {"id": node_id})
        if found:
            drawing.document(node_id, found[0]["title"])
            return reader.query("view_neighbours_document", {"id": node_id, "actor": scope.actor, "role": scope.role,
                                                             **limit})
    elif kind == "measure":
        return reader.query("view_neighbours_measure", {"id": node_id, "role": scope.role, **limit}) or None
    return None
