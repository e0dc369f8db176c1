"""The store interface the CLI and the API program against.

Reads go through a reader: `with store.reader() as r: r.query(...); r.query(...)` — every statement of one
reader sees the same committed graph (the embedded store: one read-only transaction, a snapshot). Writes go
through `write(work)`, one transaction at a time; `replace_documents` is the write every load makes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import queries
from graph import schema
from graph.model import PolicyGraph
from graph.schema import NODE_PROPERTIES, RELATIONSHIPS

if TYPE_CHECKING:
    from graph.readonly import ReadLimits, ReadResult

T = TypeVar("T")
Execute = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


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
    version: int = 0  # the graph version the write committed


class GraphReader(ABC):
    """One consistent view of the graph: every statement run through it reads the same committed version."""

    dialect: str

    @abstractmethod
    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one read statement and return its rows as dicts keyed by column name."""

    def query(self, name: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named query from queries/, in this store's dialect. A parameter it takes and is not given is a
        bug (LadybugDB would read it as null and answer as if it were, where Neo4j refuses): ValueError."""
        missing = queries.parameters(name, self.dialect).difference(parameters or {})
        if missing:
            raise ValueError(f"the named query {name} needs the parameters {', '.join(sorted(missing))}")
        return self.run(queries.load(name, self.dialect), parameters)

    def version(self) -> int:
        """The committed graph version this reader sees (0 before the first write)."""
        rows = self.run(schema.GRAPH_VERSION)
        return rows[0]["version"] if rows else 0

    def document_hashes(self) -> dict[str, str]:
        """Content hash → id of every loaded document."""
        return {row["content_hash"]: row["id"] for row in self.run(schema.DOCUMENT_HASHES)}

    def export(self) -> PolicyGraph:
        """The whole stored graph, in the loaders' in-memory shape (for exports, not for requests)."""
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


class StatementReader(GraphReader):
    """A reader whose statements go to `run`: each store passes the one of its open read transaction."""

    def __init__(self, dialect: str, run: Execute) -> None:
        self.dialect = dialect
        self._run = run

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run(cypher, parameters or {})


class GraphStore(ABC):
    dialect: str  # which variant of a named query this store runs (queries/<dialect>/NAME.cypher)
    recovered: str = ""  # what opening the store did to recover from an interrupted write, if anything

    @abstractmethod
    def reader(self) -> AbstractContextManager[GraphReader]:
        """A consistent read view for the length of a `with` block; several may be open at once."""

    @abstractmethod
    def write(self, work: Callable[[Execute], T]) -> T:
        """Run `work(execute)` in one write transaction (one at a time), committed if it returns, rolled back
        if it raises. The only way anything is written."""

    @abstractmethod
    def run_read_only(self, cypher: str, parameters: dict[str, Any] | None = None,
                      limits: ReadLimits | None = None) -> ReadResult:
        """Run a statement only if the store reports it as a plain read of the graph (graph/readonly), within a
        time and a row limit; anything else raises CypherRefused. What `policykg cypher` and a console call."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def replace_documents(self, doc_ids: Sequence[str], graph: PolicyGraph) -> WriteTimes:
        """Write `graph`, replacing what the documents `doc_ids` owned before, in one transaction (through
        `write` and graph/stores/writer.py), remove shared nodes nothing refers to any more, and raise the
        graph version."""

    # One-shot reads, each in a reader of its own (the CLI; a request uses one reader for all its reads).
    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._read(lambda r: r.run(cypher, parameters))

    def query(self, name: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._read(lambda r: r.query(name, parameters))

    def version(self) -> int:
        return self._read(GraphReader.version)

    def known_version(self) -> int | None:
        """The committed graph version when the store knows it without a query (its only writer), else None."""
        return None

    def document_hashes(self) -> dict[str, str]:
        return self._read(GraphReader.document_hashes)

    def export(self) -> PolicyGraph:
        return self._read(GraphReader.export)

    def stats(self) -> dict[str, dict[str, int]]:
        return self._read(GraphReader.stats)

    def _read(self, work: Callable[[GraphReader], T]) -> T:
        with self.reader() as r:
            return work(r)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _properties(value: Any, allowed: dict[str, str]) -> dict[str, Any]:
    """Schema properties of a returned node or edge (drivers add internal keys)."""
    items = dict(value.items()) if hasattr(value, "items") else dict(value)
    return {k: items.get(k) for k in allowed if k in items}

