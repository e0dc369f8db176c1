"""The plain in-memory graph that loaders produce and stores write: nodes with one label, typed edges."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Node:
    id: str
    label: str
    properties: dict[str, Any]


@dataclass
class Relationship:
    type: str
    start: str
    end: str
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.type, self.start, self.end


@dataclass
class PolicyGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    relationships: dict[tuple[str, str, str], Relationship] = field(default_factory=dict)

    def add_node(self, node_id: str, label: str, /, **properties: Any) -> Node:
        """Add a node, or merge into the one with this id: a value never erases one with None,
        and list properties (aliases) are unioned in order."""
        existing = self.nodes.get(node_id)
        if existing is None:
            node = Node(node_id, label, {"id": node_id, **properties})
            self.nodes[node_id] = node
            return node
        if existing.label != label:
            raise ValueError(f"node {node_id} is a {existing.label}, not a {label}")
        for key, value in properties.items():
            old = existing.properties.get(key)
            if isinstance(old, list) and isinstance(value, list):
                existing.properties[key] = old + [v for v in value if v not in old]
            elif value is not None:
                existing.properties[key] = value
        return existing

    def add_relationship(self, rel_type: str, start: str, end: str, /, **properties: Any) -> Relationship:
        """One edge per (type, start, end); a repeat keeps the first edge's properties."""
        rel = Relationship(rel_type, start, end, properties)
        return self.relationships.setdefault(rel.key, rel)

    def merge(self, other: PolicyGraph) -> None:
        for node in other.nodes.values():
            self.add_node(node.id, node.label, **{k: v for k, v in node.properties.items() if k != "id"})
        for rel in other.relationships.values():
            self.add_relationship(rel.type, rel.start, rel.end, **rel.properties)

    def by_label(self, label: str) -> list[Node]:
        return [n for n in self.nodes.values() if n.label == label]

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """The export shape: {"nodes": [{id, labels, properties}], "relationships": [{type, start, end, properties}]};
        unknown (None) properties are left out."""
        return {
            "nodes": [{"id": n.id, "labels": [n.label],
                       "properties": {k: v for k, v in n.properties.items() if v is not None}}
                      for n in sorted(self.nodes.values(), key=lambda n: (n.label, n.id))],
            "relationships": [{"type": r.type, "start": r.start, "end": r.end,
                               "properties": {k: v for k, v in r.properties.items() if v is not None}}
                              for r in sorted(self.relationships.values(), key=lambda r: r.key)],
        }
