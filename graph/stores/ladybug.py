"""The embedded store: LadybugDB (the maintained fork of Kùzu), on disk, queried with Cypher.

Writes follow what is fast in LadybugDB 0.22: ids are looked up once; the new nodes and edges of a large
write are bulk-loaded with COPY from Arrow tables passed as parameters (about 30 times faster than row-wise
Cypher), those of a small write (one document reloaded) are created with UNWIND … CREATE, which commits
faster (MERGE would scan the whole table per row); existing shared nodes are updated with SET. COPY runs
inside the same transaction, so a failed load still rolls back whole.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa

from graph import schema
from graph.model import Node, PolicyGraph, Relationship
from graph.stores import deadline, writer
from graph.stores.base import GraphStore, StoreError, WriteTimes

# Elements (nodes + relationships) from which a write is bulk-loaded with COPY: a COPY of any size is fast,
# but a transaction that used COPY pays about 0.2 s more at commit, which only large writes win back.
COPY_FROM = 2000
_ARROW_TYPES = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                "STRING[]": pa.list_(pa.string())}


class LadybugStore(GraphStore):
    dialect = "ladybug"

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
        left = deadline.milliseconds_left()
        try:
            self._conn.set_query_timeout(left or 0)  # 0: no limit
            return self._conn.execute(cypher, parameters or {})
        except RuntimeError as exc:
            deadline.check()  # the engine interrupted the statement at the request's deadline
            raise StoreError(str(exc).strip()) from exc

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return self._rows(cypher, parameters)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def replace_documents(self, doc_ids: Sequence[str], graph: PolicyGraph) -> WriteTimes:
        if self.read_only:
            raise StoreError("the graph database is open read-only")
        with self._lock:
            self._execute("BEGIN TRANSACTION")
            try:
                bulk = _Copy(self._execute) if len(graph.nodes) + len(graph.relationships) >= COPY_FROM else None
                times = writer.replace(self._rows, doc_ids, graph, bulk)
                committing = time.perf_counter()
                self._execute("COMMIT")
            except Exception:
                self._execute("ROLLBACK")
                raise
            return dataclasses.replace(times, commit=time.perf_counter() - committing)

    def _rows(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._execute(cypher, parameters)
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(columns, result.get_next(), strict=True)))
        return rows


class _Copy:
    """Bulk loads with COPY from an Arrow table passed as a parameter."""

    def __init__(self, execute: Callable[[str, dict[str, Any]], Any]) -> None:
        self._execute = execute

    def nodes(self, label: str, nodes: list[Node]) -> None:
        if not nodes:
            return
        columns = schema.NODE_PROPERTIES[label]
        table = {p: [n.properties.get(p) for n in nodes] for p in columns}
        self._execute(schema.copy_nodes(label), {"rows": _arrow(label, table, columns)})

    def relationships(self, rel_type: str, start_label: str, end_label: str, rels: list[Relationship]) -> None:
        if not rels:
            return
        properties = schema.RELATIONSHIPS[rel_type].properties
        columns = {"_from": "STRING", "_to": "STRING", **properties}
        table = {"_from": [r.start for r in rels], "_to": [r.end for r in rels],
                 **{p: [r.properties.get(p) for r in rels] for p in properties}}
        self._execute(schema.copy_relationships(rel_type, start_label, end_label),
                      {"rows": _arrow(rel_type, table, columns)})


def _arrow(table: str, columns: dict[str, list[Any]], types: dict[str, str]) -> pa.Table:
    """Column lists as an Arrow table typed by the schema (so an all-null column still has its type)."""
    arrow_schema = pa.schema([(name, _ARROW_TYPES[types[name]]) for name in columns])
    try:
        return pa.table(columns, schema=arrow_schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise StoreError(f"{table}: a value does not fit the schema ({exc})") from exc
