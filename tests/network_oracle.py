"""The stored samples' responsibilities, read from the exported graph: what the network views must draw
(an oracle independent of the view's own queries)."""

from __future__ import annotations

from dataclasses import dataclass

from tests.conftest import embedded


@dataclass(frozen=True)
class Duty:
    actor: str
    measure: str
    role: str
    document: str
    region: str


@dataclass
class Stored:
    """The stored samples, exported: responsibilities, names, regions."""

    duties: list[Duty]
    names: dict[str, str]

    def nodes(self, duties: list[Duty]) -> set[str]:
        return {d.actor for d in duties} | {d.measure for d in duties} | {d.document for d in duties}


def read_stored(sample_db: str) -> Stored:
    with embedded(sample_db, read_only=True) as store:
        graph = store.export()
    measures = {n.id: n.properties for n in graph.by_label("Measure")}
    regions = {n.id: n.properties.get("region") or "" for n in graph.by_label("Document")}
    duties = [Duty(r.start, r.end, r.properties.get("role") or "unspecified", measures[r.end]["doc_id"],
                   regions[measures[r.end]["doc_id"]])
              for r in graph.relationships.values() if r.type == "RESPONSIBLE_FOR"]
    names = {n.id: n.properties.get("name") or n.properties.get("title") or "" for n in graph.nodes.values()}
    return Stored(duties, names)
