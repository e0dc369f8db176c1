"""The embedded store: LadybugDB (the maintained fork of Kùzu), on disk, queried with Cypher.

Writes follow what is fast in LadybugDB 0.22: ids are looked up once, new nodes are created with
UNWIND … CREATE (MERGE scans the whole table per row), existing shared nodes are updated with SET,
and edges are matched by primary key in separate MATCH clauses.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ladybug

from graph import schema
from graph.model import Node, PolicyGraph
from graph.stores.base import GraphStore, StoreError

BATCH = 2000


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
                self._replace(list(doc_ids), graph)
                self._execute("COMMIT")
            except Exception:
                self._execute("ROLLBACK")
                raise

    def _replace(self, doc_ids: list[str], graph: PolicyGraph) -> None:
        for label in schema.OWNED_LABELS:
            self._execute(schema.delete_owned(label), {"doc_ids": doc_ids})
        for rel_type in ("CITES", "ISSUED_BY"):
            self._execute(schema.delete_document_edges(rel_type), {"doc_ids": doc_ids})

        by_label: dict[str, list[Node]] = defaultdict(list)
        for node in graph.nodes.values():
            by_label[node.label].append(node)
        for label, nodes in by_label.items():
            columns = schema.NODE_PROPERTIES[label]
            existing = self._existing(label, [n.id for n in nodes]) if label not in schema.OWNED_LABELS else {}
            new_rows = [_row(n, columns) for n in nodes if n.id not in existing]
            changed = [_merged_row(n, existing[n.id], columns, authoritative=n.id in doc_ids)
                       for n in nodes if n.id in existing]
            for rows in batched(new_rows):
                self._execute(schema.create_nodes(label), {"rows": rows})
            for rows in batched(changed):
                self._execute(schema.update_nodes(label), {"rows": rows})

        grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for rel in graph.relationships.values():
            start, end = graph.nodes.get(rel.start), graph.nodes.get(rel.end)
            if start is None or end is None:
                raise StoreError(f"relationship {rel.type} points at a node missing from the graph")
            props = {p: rel.properties.get(p) for p in schema.RELATIONSHIPS[rel.type].properties}
            grouped[(rel.type, start.label, end.label)].append({"source": rel.start, "target": rel.end, "props": props})
        for (rel_type, start_label, end_label), rows in grouped.items():
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
