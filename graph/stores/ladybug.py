"""The embedded store: LadybugDB (the maintained fork of Kùzu), on disk, queried with Cypher.

Writes follow what is fast in LadybugDB 0.22: ids are looked up once; many new nodes or edges are
bulk-loaded with COPY from an Arrow table passed as a parameter (about 30 times faster than row-wise
Cypher), a few are created with UNWIND … CREATE (MERGE scans the whole table per row); existing shared
nodes are updated with SET. COPY runs inside the same transaction, so a failed load still rolls back whole.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa

from graph import schema
from graph.model import Node, PolicyGraph, Relationship
from graph.stores.base import GraphStore, StoreError

BATCH = 2000
COPY_FROM = 500  # rows from which a bulk COPY beats UNWIND … CREATE
_ARROW_TYPES = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                "STRING[]": pa.list_(pa.string())}


@dataclass(frozen=True)
class WriteTimes:
    """Where the last write spent its time (seconds), for benchmarks and diagnostics."""

    nodes: int
    relationships: int
    delete: float
    write_nodes: float
    write_relationships: float
    commit: float


def batched(rows: list[Any], size: int = BATCH) -> list[list[Any]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


class LadybugStore(GraphStore):
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no graph database at {self.path}: load documents first (policykg load PATH)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = ladybug.Database(str(self.path), read_only=read_only)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            raise StoreError(f"cannot open the graph database at {self.path}: {exc}") from exc
        self._lock = threading.Lock()  # one connection, shared by the API's worker threads
        self.last_write: WriteTimes | None = None
        if not read_only:
            for label, properties in schema.NODE_PROPERTIES.items():
                self._execute(schema.node_ddl(label))
                for statement in schema.add_columns_ddl(label, properties):
                    self._execute(statement)
            for rel in schema.RELATIONSHIPS.values():
                self._execute(schema.relationship_ddl(rel))
                for statement in schema.add_columns_ddl(rel.name, rel.properties):
                    self._execute(statement)

    def _execute(self, cypher: str, parameters: dict[str, Any] | None = None) -> Any:
        try:
            return self._conn.execute(cypher, parameters or {})
        except RuntimeError as exc:
            raise StoreError(str(exc).strip()) from exc

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return self._rows(cypher, parameters)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def replace_documents(self, doc_ids: Sequence[str], graph: PolicyGraph) -> None:
        if self.read_only:
            raise StoreError("the graph database is open read-only")
        with self._lock:
            self._execute("BEGIN TRANSACTION")
            try:
                phases = self._replace(list(doc_ids), graph)
                committing = time.perf_counter()
                self._execute("COMMIT")
            except Exception:
                self._execute("ROLLBACK")
                raise
            self.last_write = WriteTimes(len(graph.nodes), len(graph.relationships), *phases,
                                         time.perf_counter() - committing)

    def _replace(self, doc_ids: list[str], graph: PolicyGraph) -> tuple[float, float, float]:
        """Delete what the documents owned, then write; returns the seconds each of the three took."""
        clock = time.perf_counter()
        for label in schema.OWNED_LABELS:
            self._execute(schema.delete_owned(label), {"doc_ids": doc_ids})
        for rel_type in ("CITES", "ISSUED_BY"):
            self._execute(schema.delete_document_edges(rel_type), {"doc_ids": doc_ids})
        deleted = time.perf_counter()
        self._write_nodes(doc_ids, graph)
        nodes_written = time.perf_counter()
        self._write_relationships(graph)
        return deleted - clock, nodes_written - deleted, time.perf_counter() - nodes_written

    def _write_nodes(self, doc_ids: list[str], graph: PolicyGraph) -> None:
        by_label: dict[str, list[Node]] = defaultdict(list)
        for node in graph.nodes.values():
            by_label[node.label].append(node)
        for label, nodes in by_label.items():
            columns = schema.NODE_PROPERTIES[label]
            existing = self._existing(label, [n.id for n in nodes]) if label not in schema.OWNED_LABELS else {}
            new = [n for n in nodes if n.id not in existing]
            if len(new) >= COPY_FROM:
                table = {p: [n.properties.get(p) for n in new] for p in columns}
                self._execute(schema.copy_nodes(label), {"rows": _arrow(label, table, columns)})
            else:
                for rows in batched([_row(n, columns) for n in new]):
                    self._execute(schema.create_nodes(label), {"rows": rows})
            changed = [_merged_row(n, existing[n.id], columns, authoritative=n.id in doc_ids)
                       for n in nodes if n.id in existing]
            for rows in batched(changed):
                self._execute(schema.update_nodes(label), {"rows": rows})

    def _write_relationships(self, graph: PolicyGraph) -> None:
        grouped: dict[tuple[str, str, str], list[Relationship]] = defaultdict(list)
        for rel in graph.relationships.values():
            start, end = graph.nodes.get(rel.start), graph.nodes.get(rel.end)
            if start is None or end is None:
                raise StoreError(f"relationship {rel.type} points at a node missing from the graph")
            grouped[(rel.type, start.label, end.label)].append(rel)
        for (rel_type, start_label, end_label), rels in grouped.items():
            properties = schema.RELATIONSHIPS[rel_type].properties
            if len(rels) >= COPY_FROM:
                columns = {"_from": "STRING", "_to": "STRING", **properties}
                table = {"_from": [r.start for r in rels], "_to": [r.end for r in rels],
                         **{p: [r.properties.get(p) for r in rels] for p in properties}}
                self._execute(schema.copy_relationships(rel_type, start_label, end_label),
                              {"rows": _arrow(rel_type, table, columns)})
                continue
            rows = [{"source": r.start, "target": r.end, "props": {p: r.properties.get(p) for p in properties}}
                    for r in rels]
            for chunk in batched(rows):
                self._execute(schema.create_relationships(rel_type, start_label, end_label), {"rows": chunk})

    def _existing(self, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for chunk in batched(ids):
            for row in self._rows(schema.existing_nodes(label), {"ids": chunk}):
                found[row["n"]["id"]] = row["n"]
        return found

    def _rows(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._execute(cypher, parameters)
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(columns, result.get_next(), strict=True)))
        return rows


def _arrow(table: str, columns: dict[str, list[Any]], types: dict[str, str]) -> pa.Table:
    """Column lists as an Arrow table typed by the schema (so an all-null column still has its type)."""
    arrow_schema = pa.schema([(name, _ARROW_TYPES[types[name]]) for name in columns])
    try:
        return pa.table(columns, schema=arrow_schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise StoreError(f"{table}: a value does not fit the schema ({exc})") from exc


def _row(node: Node, columns: dict[str, str]) -> dict[str, Any]:
    return {p: node.properties.get(p) for p in columns}


def _merged_row(node: Node, stored: dict[str, Any], columns: dict[str, str], authoritative: bool) -> dict[str, Any]:
    """A shared node written again: the loaded document's own node takes its new values; otherwise new
    values fill in what was unknown and aliases are unioned."""
    row = {}
    for p in columns:
        new, old = node.properties.get(p), stored.get(p)
        if isinstance(old, list) and isinstance(new, list):
            row[p] = old + [v for v in new if v not in old]
        elif authoritative:
            row[p] = new
        else:
            row[p] = new if new is not None else old
    return row
