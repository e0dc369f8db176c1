"""The store interface the CLI and the API program against."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import queries
from graph import schema
from graph.model import PolicyGraph
from graph.schema import NODE_PROPERTIES, RELATIONSHIPS

if TYPE_CHECKING:
    from graph.readonly import ReadLimits, ReadResult


class StoreError(Exception):
    """A store could not be opened, written or queried; the message says why."""


@dataclass(frozen=True)
class WriteTimes:
    """What a write did and where it spent its time (seconds), for benchmarks and diagnostics."""

    nodes: int
    relationships: int
    delete: float
    write_nodes: float
    write_relationships: float
    cleanup: float
    orphans_removed: int
    commit: float = 0.0


class GraphStore(ABC):
    dialect: str  # which variant of a named query this store runs (queries/<dialect>/NAME.cypher)

    @abstractmethod
    def replace_documents(self, doc_ids: Sequence[str], graph: PolicyGraph) -> WriteTimes:
        """Write `graph`, replacing what the documents `doc_ids` owned before, in one transaction, and
        remove shared nodes nothing refers to any more."""

    @abstractmethod
    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one Cypher statement and return its rows as dicts keyed by column name."""

    @abstractmethod
    def run_read_only(self, cypher: str, parameters: dict[str, Any] | None = None,
                      limits: ReadLimits | None = None) -> ReadResult:
        """Run a statement only if the store reports it as a plain read of the graph (graph/readonly), within a
        time and a row limit; anything else raises CypherRefused. What `policykg cypher` and a console call."""

    @abstractmethod
    def close(self) -> None: ...

    def query(self, name: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named query from queries/, in this store's dialect."""
        return self.run(queries.load(name, self.dialect), parameters)

    def document_hashes(self) -> dict[str, str]:
        """Content hash → id of every loaded document."""
        return {row["content_hash"]: row["id"] for row in self.run(schema.DOCUMENT_HASHES)}

    def export(self) -> PolicyGraph:
        """The whole stored graph, in the loaders' in-memory shape."""
        graph = PolicyGraph()
        for label in NODE_PROPERTIES:
            for row in self.run(schema.all_nodes(label)):
                props = _properties(row["n"], NODE_PROPERTIES[label])
                graph.add_node(props.pop("id"), label, **props)
        for rel_type, rel in RELATIONSHIPS.items():
            for row in self.run(schema.all_relationships(rel_type)):
                graph.add_relationship(rel_type, row["source"], row["target"], **_properties(row["r"], rel.properties))
        return graph

    def stats(self) -> dict[str, dict[str, int]]:
        return {
            "nodes": {label: self.run(schema.count_nodes(label))[0]["n"] for label in NODE_PROPERTIES},
            "relationships": {t: self.run(schema.count_relationships(t))[0]["n"] for t in RELATIONSHIPS},
        }

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _properties(value: Any, allowed: dict[str, str]) -> dict[str, Any]:
    """Schema properties of a returned node or edge (drivers add internal keys)."""
    items = dict(value.items()) if hasattr(value, "items") else dict(value)
    return {k: items.get(k) for k in allowed if k in items}
