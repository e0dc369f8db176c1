"""Who carries the load and who works with whom: the ownership graph projected into networkx.

The projection takes RESPONSIBLE_FOR edges as stated (a body named on a task-table row owns that row; the
IMPLEMENTS link to the body measure is not counted twice). Two bodies are co-responsible for a measure
when both are named on it; the co-responsibility network links them, weighted by the number of measures
they share. Betweenness treats a heavier link as a shorter distance (1 / shared measures).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any, Literal, get_args

import networkx as nx

from graph.model import PolicyGraph

Role = Literal["lead", "co", "sole", "unspecified"]
ROLES: tuple[str, ...] = get_args(Role)


@dataclass(frozen=True)
class Scope:
    """Which part of the graph to analyse; None means no filter."""

    document: str | None = None  # a Document id
    region: str | None = None  # the region of the documents (南通市)
    role: str | None = None  # only responsibilities in this role


@dataclass(frozen=True)
class Ownership:
    actor: str
    measure: str
    role: str


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
    leads: list[str] = field(default_factory=list)


@dataclass
class Community:
    ids: list[str]
    names: list[str]


@dataclass
class Report:
    scope: Scope
    bodies: list[BodyLoad]
    communities: list[Community]  # largest first; BodyLoad.community is the index here
    several_leads: list[MeasureRef]
    unowned: list[MeasureRef]

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        data = asdict(self)
        if top is not None:
            data["bodies"] = data["bodies"][:top]
        return data


def _in_scope(graph: PolicyGraph, scope: Scope) -> set[str]:
    """The ids of the measures the scope covers."""
    regions = {n.id: n.properties.get("region") for n in graph.by_label("Document")}
    return {m.id for m in graph.by_label("Measure")
            if (scope.document is None or m.properties.get("doc_id") == scope.document)
            and (scope.region is None or regions.get(m.properties.get("doc_id")) == scope.region)}


def ownerships(graph: PolicyGraph, scope: Scope = Scope(), measures: set[str] | None = None) -> list[Ownership]:
    """The RESPONSIBLE_FOR edges in scope (`measures`: the scope's measures, when already known)."""
    measures = _in_scope(graph, scope) if measures is None else measures
    return [Ownership(r.start, r.end, r.properties.get("role") or "unspecified")
            for r in graph.relationships.values()
            if r.type == "RESPONSIBLE_FOR" and r.end in measures and (scope.role is None
                                                                   or r.properties.get("role") == scope.role)]


def co_responsibility(owned: list[Ownership]) -> nx.Graph:
    """Bodies linked by the measures they share; edge `weight` = shared measures, `distance` = 1 / weight."""
    network = nx.Graph()
    by_measure: dict[str, set[str]] = defaultdict(set)
    for o in owned:
        network.add_node(o.actor)
        by_measure[o.measure].add(o.actor)
    for actors in by_measure.values():
        for a, b in combinations(sorted(actors), 2):
            weight = network.get_edge_data(a, b, {"weight": 0})["weight"] + 1
            network.add_edge(a, b, weight=weight, distance=1 / weight)
    return network


def communities(network: nx.Graph) -> list[list[str]]:
    """Groups of bodies that work together (Louvain on shared-measure weights, fixed seed: repeatable)."""
    if network.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(network, weight="weight", seed=7)
    return sorted((sorted(c) for c in found if len(c) > 1), key=lambda c: (-len(c), c))


def analyse(graph: PolicyGraph, scope: Scope = Scope()) -> Report:
    in_scope = _in_scope(graph, scope)
    owned = ownerships(graph, scope, in_scope)
    network = co_responsibility(owned)
    betweenness = nx.betweenness_centrality(network, weight="distance") if network.number_of_nodes() > 2 else {}
    groups = communities(network)
    community_of = {actor: i for i, group in enumerate(groups) for actor in group}
    doc_of = {m.id: m.properties.get("doc_id") for m in graph.by_label("Measure")}

    roles: dict[str, Counter[str]] = defaultdict(Counter)
    measures: dict[str, set[str]] = defaultdict(set)
    for o in owned:
        roles[o.actor][o.role] += 1
        measures[o.actor].add(o.measure)
    bodies = [BodyLoad(id=actor, name=graph.nodes[actor].properties.get("name") or actor,
                       measures=len(measures[actor]), documents=len({doc_of.get(m) for m in measures[actor]}),
                       by_role={role: roles[actor][role] for role in ROLES if roles[actor][role]},
                       partners=network.degree(actor), betweenness=round(betweenness.get(actor, 0.0), 6),
                       community=community_of.get(actor))
              for actor in measures]
    bodies.sort(key=lambda b: (-b.measures, -b.betweenness, b.name))
    bodies_by_id = {b.id: b for b in bodies}

    leads: dict[str, list[str]] = defaultdict(list)
    for o in owned:
        if o.role == "lead":
            leads[o.measure].append(o.actor)
    several = [_ref(graph, m, sorted(actors)) for m, actors in leads.items() if len(actors) > 1]
    named = [Community(group, [bodies_by_id[a].name for a in group]) for group in groups]
    return Report(scope, bodies, named, sorted(several, key=lambda r: r.id),
                  [_ref(graph, m) for m in sorted(_unowned(graph, in_scope))])


def _unowned(graph: PolicyGraph, measures: set[str]) -> set[str]:
    """The measures that no body owns, directly or through a task-table row that restates them."""
    owned = {r.end for r in graph.relationships.values() if r.type == "RESPONSIBLE_FOR"}
    owned |= {r.end for r in graph.relationships.values() if r.type == "IMPLEMENTS" and r.start in owned}
    return measures - owned


def _ref(graph: PolicyGraph, measure_id: str, leads: list[str] | None = None) -> MeasureRef:
    props = graph.nodes[measure_id].properties
    return MeasureRef(measure_id, props.get("title"), props.get("doc_id"), leads or [])
