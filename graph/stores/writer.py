"""Replacing documents in a store, with the same Cypher statements on every store.

A store runs `replace` inside one transaction of its own; a failure anywhere rolls the whole load back.
Nodes and edges are written in UNWIND batches: CREATE for new ones and SET for stored ones, or, with
`upsert` (Neo4j, where another writer may create the same body meanwhile), MERGE for both. The embedded
store passes a bulk loader (COPY from Arrow tables) for large writes instead.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from graph import schema
from graph.model import Node, PolicyGraph, Relationship
from graph.stores.base import Execute, StoreError, WriteTimes

BATCH = 2000


class BulkLoader(Protocol):
    """A faster way to create new nodes and edges than UNWIND batches (the embedded store's COPY)."""

    def nodes(self, label: str, nodes: list[Node]) -> None: ...

    def relationships(self, rel_type: str, start_label: str, end_label: str, rels: list[Relationship]) -> None: ...


def batched(rows: list[Any], size: int = BATCH) -> list[list[Any]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def _in_batches(execute: Execute, statement: str, rows: list[dict[str, Any]]) -> None:
    for chunk in batched(rows):
        execute(statement, {"rows": chunk})


def replace(execute: Execute, doc_ids: Sequence[str], graph: PolicyGraph, bulk: BulkLoader | None = None,
            upsert: bool = False) -> WriteTimes:
    """Delete what the documents owned (and what an earlier version of the same source file owned), write
    `graph`, then remove shared nodes that nothing refers to any more."""
    clock = time.perf_counter()
    doc_ids = list(doc_ids)
    source_files = sorted({n.properties["source_file"] for n in graph.by_label("Document")
                           if n.id in doc_ids and n.properties.get("source_file")})
    superseded = [row["id"] for row in execute(schema.SUPERSEDED_DOCUMENTS,
                                               {"files": source_files, "doc_ids": doc_ids})]
    owners = doc_ids + superseded
    for label in schema.OWNED_LABELS:
        execute(schema.delete_owned(label), {"doc_ids": owners})
    for rel_type in schema.DOCUMENT_EDGES:
        execute(schema.delete_document_edges(rel_type), {"doc_ids": owners})
    if superseded:
        execute(schema.RETIRE_DOCUMENTS, {"doc_ids": superseded})
    deleted = time.perf_counter()
    _write_nodes(execute, doc_ids, graph, bulk, upsert)
    nodes_written = time.perf_counter()
    _write_relationships(execute, graph, bulk, upsert)
    rels_written = time.perf_counter()
    orphans = sum(execute(statement, {})[0]["n"] for statement in schema.remove_orphans())
    version = bump_version(execute)
    return WriteTimes(nodes=len(graph.nodes), relationships=len(graph.relationships), delete=deleted - clock,
                      write_nodes=nodes_written - deleted, write_relationships=rels_written - nodes_written,
                      cleanup=time.perf_counter() - rels_written, orphans_removed=orphans, version=version)


def bump_version(execute: Execute) -> int:
    """Raise the graph version, in the write's own transaction: readers of the old snapshot keep the old one."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return execute(schema.BUMP_VERSION, {"now": now})[0]["version"]


def _write_nodes(execute: Execute, doc_ids: list[str], graph: PolicyGraph, bulk: BulkLoader | None,
                 upsert: bool) -> None:
    by_label: dict[str, list[Node]] = defaultdict(list)
    for node in graph.nodes.values():
        by_label[node.label].append(node)
    for label, nodes in by_label.items():
        columns = schema.NODE_PROPERTIES[label]
        existing = _existing(execute, label, [n.id for n in nodes]) if label not in schema.OWNED_LABELS else {}
        new = [n for n in nodes if n.id not in existing]
        changed = [merged_row(n, existing[n.id], columns, authoritative=n.id in doc_ids)
                   for n in nodes if n.id in existing]
        if bulk:
            bulk.nodes(label, new)
            new = []
        new_rows = [{p: schema.typed(n.properties.get(p), t) for p, t in columns.items()} for n in new]
        if upsert:
            _in_batches(execute, schema.merge_nodes(label), new_rows + changed)
        else:
            _in_batches(execute, schema.create_nodes(label), new_rows)
            _in_batches(execute, schema.update_nodes(label), changed)


def _write_relationships(execute: Execute, graph: PolicyGraph, bulk: BulkLoader | None, upsert: bool) -> None:
    grouped: dict[tuple[str, str, str], list[Relationship]] = defaultdict(list)
    for rel in graph.relationships.values():
        start, end = graph.nodes.get(rel.start), graph.nodes.get(rel.end)
        if start is None or end is None:
            raise StoreError(f"relationship {rel.type} points at a node missing from the graph")
        grouped[(rel.type, start.label, end.label)].append(rel)
    for (rel_type, start_label, end_label), rels in grouped.items():
        shared = schema.RELATIONSHIPS[rel_type].shared  # may exist already: merged, never bulk-created
        if bulk and not shared:
            bulk.relationships(rel_type, start_label, end_label, rels)
            continue
        properties = schema.RELATIONSHIPS[rel_type].properties
        rows = [{"source": r.start, "target": r.end,
                 "props": {p: schema.typed(r.properties.get(p), t) for p, t in properties.items()}} for r in rels]
        make = schema.merge_relationships if upsert or shared else schema.create_relationships
        _in_batches(execute, make(rel_type, start_label, end_label), rows)


def _existing(execute: Execute, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for chunk in batched(ids):
        for row in execute(schema.existing_nodes(label), {"ids": chunk}):
            found[row["n"]["id"]] = row["n"]
    return found


def merged_row(node: Node, stored: dict[str, Any], columns: dict[str, str], authoritative: bool) -> dict[str, Any]:
    """A shared node written again: the loaded document's own node takes its new values; otherwise new
    values fill in what was unknown and aliases are unioned."""
    row = {}
    for p, kind in columns.items():
        new, old = schema.typed(node.properties.get(p), kind), stored.get(p)
        if isinstance(old, list) and isinstance(new, list):
            row[p] = old + [v for v in new if v not in old]
        elif authoritative:
            row[p] = new
        else:
            row[p] = new if new is not None else old
    return row
