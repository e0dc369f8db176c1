"""Who carries the load and who works with whom, from aggregates the store computes.

A report never reads the whole graph: the store answers five slim queries (queries/analytics_*.cypher) —
each body's workload by role, the co-responsibility pairs with their weights, measures with several leads and
measures no body owns (these two capped at LIST_CAP, with their totals), and targets counted by due year —
and networkx works on the co-responsibility network of bodies only. graph/analytics_cache.py keeps reports per
graph version and scope.

RESPONSIBLE_FOR edges count as stated (a body named on a task-table row owns that row; the IMPLEMENTS link to
the body measure is not counted twice). Two bodies are co-responsible for a measure when both are named on
it; the network links them, weighted by the number of measures they share. Betweenness treats a heavier link
as a shorter distance (1 / shared measures).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

import networkx as nx

from graph.stores.base import GraphReader

Role = Literal["lead", "co", "sole", "unspecified"]
ROLES: tuple[str, ...] = get_args(Role)
LIST_CAP = 1000  # measures listed per kind (several leads, unowned); the totals count them all
EXACT_BETWEENNESS = 600  # bodies up to which betweenness is exact; beyond, estimated from this many pivots
SEED = 7
LISTS = ("bodies", "pairs", "several_leads", "unowned")  # what `top` limits


@dataclass(frozen=True)
class Scope:
    """Which part of the graph to analyse; None means no filter."""

    document: str | None = None  # a Document id
    region: str | None = None  # the region of the documents (南通市)
    role: str | None = None  # only responsibilities in this role

    def parameters(self) -> dict[str, str]:
        return {"document": self.document or "", "region": self.region or "", "role": self.role or ""}


@dataclass
class BodyLoad:
    id: str
    name: str
    measures: int
    documents: int
    by_role: dict[str, int]
    partners: int = 0  # bodies it shares at least one measure with
    betweenness: float = 0.0
    community: int | None = None


@dataclass
class MeasureRef:
    id: str
    title: str | None
    document_id: str | None
    document_title: str | None = None
    leads: list[str] = field(default_factory=list)


@dataclass
class PairRef:
    """Two bodies named on `weight` measures together (a link of the co-responsibility network)."""

    a: str
    a_name: str
    b: str
    b_name: str
    weight: int


@dataclass
class YearCount:
    year: str | None  # the year a target is due by (None: the text gives none)
    targets: int


@dataclass
class Community:
    ids: list[str]
    names: list[str]


@dataclass
class Report:
    scope: Scope
    bodies: list[BodyLoad]
    communities: list[Community]  # largest first; BodyLoad.community is the index here
    several_leads: list[MeasureRef]  # by id, at most LIST_CAP
    unowned: list[MeasureRef]  # by id, at most LIST_CAP
    pairs: list[PairRef] = field(default_factory=list)  # strongest first, at most LIST_CAP
    targets_by_year: list[YearCount] = field(default_factory=list)  # by year; the role filter does not apply
    totals: dict[str, int] = field(default_factory=dict)  # bodies, communities, several_leads, unowned, pairs
    version: int = 0  # the graph version the report was computed from

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """The report; `top` limits the lists of bodies, pairs, several leads and unowned measures (totals say
        how many there are)."""
        data = asdict(self)
        if top is not None:
            for key in LISTS:
                data[key] = data[key][:top]
        return data


@dataclass(frozen=True)
class Pair:
    """Two bodies named on `weight` measures together."""

    a: str
    b: str
    weight: int


def co_responsibility(bodies: list[str], pairs: list[Pair]) -> nx.Graph:
    """Bodies linked by the measures they share; edge `weight` = shared measures, `distance` = 1 / weight."""
    network = nx.Graph()
    network.add_nodes_from(bodies)
    network.add_edges_from((p.a, p.b, {"weight": p.weight, "distance": 1 / p.weight}) for p in pairs)
    return network


def communities(network: nx.Graph) -> list[list[str]]:
    """Groups of bodies that work together (Louvain on shared-measure weights, fixed seed: repeatable)."""
    if network.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(network, weight="weight", seed=SEED)
    return sorted((sorted(c) for c in found if len(c) > 1), key=lambda c: (-len(c), c))


def betweenness(network: nx.Graph) -> dict[str, float]:
    """Normalised betweenness on `distance`: exact up to EXACT_BETWEENNESS bodies, beyond that estimated from
    that many pivots chosen with a fixed seed (the same graph gives the same figures)."""
    n = network.number_of_nodes()
    if n <= 2:
        return {}
    k = None if n <= EXACT_BETWEENNESS else EXACT_BETWEENNESS
    return nx.betweenness_centrality(network, k=k, weight="distance", seed=SEED)


def analyse(reader: GraphReader, scope: Scope = Scope()) -> Report:
    """The report for `scope`, from the graph version `reader` sees."""
    params = scope.parameters()
    workload = reader.query("analytics_workload", params)
    pairs = [Pair(row["a"], row["b"], row["weight"]) for row in reader.query("analytics_pairs", params)]
    network = co_responsibility([row["id"] for row in workload], pairs)
    central = betweenness(network)
    groups = communities(network)
    community_of = {actor: i for i, group in enumerate(groups) for actor in group}
    bodies = [BodyLoad(id=row["id"], name=row["name"] or row["id"], measures=int(row["measures"]),
                       documents=row["documents"], by_role={role: int(row[role]) for role in ROLES if row[role]},
                       partners=network.degree(row["id"]), betweenness=round(central.get(row["id"], 0.0), 6),
                       community=community_of.get(row["id"]))
              for row in workload]
    bodies.sort(key=lambda b: (-b.measures, -b.betweenness, b.name, b.id))
    names = {b.id: b.name for b in bodies}
    listed = {**params, "limit": LIST_CAP}
    several = [MeasureRef(row["id"], row["title"], row["document_id"], row["document_title"], sorted(row["leads"]))
               for row in reader.query("analytics_several_leads", listed)]
    unowned = [MeasureRef(row["id"], row["title"], row["document_id"], row["document_title"])
               for row in reader.query("analytics_unowned", listed)]
    strongest = sorted(pairs, key=lambda p: (-p.weight, names[p.a], names[p.b], p.a, p.b))[:LIST_CAP]
    years = reader.query("analytics_targets_by_year", {"document": params["document"], "region": params["region"]})
    totals = {"bodies": len(bodies), "communities": len(groups),
              "several_leads": _total(reader, "analytics_several_leads", params, several),
              "unowned": _total(reader, "analytics_unowned", params, unowned), "pairs": len(pairs)}
    return Report(scope, bodies, [Community(group, [names[a] for a in group]) for group in groups], several,
                  unowned, [PairRef(p.a, names[p.a], p.b, names[p.b], p.weight) for p in strongest],
                  [YearCount(row["year"], row["targets"]) for row in years], totals, reader.version())


def _total(reader: GraphReader, name: str, params: dict[str, str], listed: list[MeasureRef]) -> int:
    """How many rows `name` has in all: the listed ones, unless the list was capped."""
    if len(listed) < LIST_CAP:
        return len(listed)
    return reader.query(f"{name}_count", params)[0]["total"]
