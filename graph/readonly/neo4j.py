"""Read-only Cypher on Neo4j 5, in a read transaction of a session the caller opened.

Neo4j reports what a statement does: EXPLAIN returns its plan and its query type ('r' read, 'rw', 'w',
's' schema). A statement runs only when the type is 'r' and every operator of the plan is a plain read;
LOAD CSV (a read, to Neo4j, but of a file) and procedures other than READ_PROCEDURES are refused. The
transaction is a read transaction (the server refuses writes in it) with the time limit as its timeout,
and at most the row limit is fetched; it is rolled back, never committed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph.readonly import CypherRefused, ReadLimits, ReadResult, statement
from graph.stores.base import StoreError

__all__ = ["READ_OPERATORS", "READ_PROCEDURES", "refusal", "run_read_only"]

# Operator names without the "@database" suffix and the "(All)"/"(Into)" variant.
READ_OPERATORS = frozenset({
    "AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
    "SubtractionNodeByLabelsScan", "PartitionedAllNodesScan", "PartitionedNodeByLabelScan",
    "PartitionedUnionNodeByLabelsScan", "PartitionedIntersectionNodeByLabelsScan", "NodeByIdSeek",
    "NodeByElementIdSeek", "NodeIndexSeek", "NodeUniqueIndexSeek", "MultiNodeIndexSeek", "NodeIndexSeekByRange",
    "NodeUniqueIndexSeekByRange", "NodeIndexContainsScan", "NodeIndexEndsWithScan", "NodeIndexScan",
    "PartitionedNodeIndexSeek", "PartitionedNodeIndexScan", "DirectedRelationshipByIdSeek",
    "UndirectedRelationshipByIdSeek", "DirectedRelationshipByElementIdSeek", "UndirectedRelationshipByElementIdSeek",
    "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek", "DirectedRelationshipIndexScan",
    "UndirectedRelationshipIndexScan", "DirectedRelationshipIndexContainsScan",
    "UndirectedRelationshipIndexContainsScan", "DirectedRelationshipIndexEndsWithScan",
    "UndirectedRelationshipIndexEndsWithScan", "DirectedRelationshipIndexSeekByRange",
    "UndirectedRelationshipIndexSeekByRange", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan",
    "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan", "DirectedUnionRelationshipTypesScan",
    "UndirectedUnionRelationshipTypesScan", "NodeCountFromCountStore", "RelationshipCountFromCountStore",
    "Argument", "ArgumentTracker", "Expand", "OptionalExpand", "VarLengthExpand", "BFSPruningVarLengthExpand",
    "ShortestPath", "StatefulShortestPath", "Repeat", "Trail", "NullifyMetadata", "ProjectEndpoints", "Apply",
    "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply", "SelectOrAntiSemiApply",
    "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "RollUpApply", "ConditionalApply", "AntiConditionalApply",
    "CartesianProduct", "NodeHashJoin", "ValueHashJoin", "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin",
    "TriadicSelection", "TriadicBuild", "TriadicFilter", "Union", "OrderedUnion", "Optional", "Anti", "Filter",
    "Projection", "ProduceResults", "Limit", "ExhaustiveLimit", "Skip", "Sort", "PartialSort", "Top", "PartialTop",
    "Distinct", "OrderedDistinct", "EagerAggregation", "OrderedAggregation", "Unwind", "PartitionedUnwind", "Eager",
    "CacheProperties", "ProcedureCall",
})
# Procedures that only read the graph or its schema; db.index.fulltext.queryNodes serves search_measures.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties", "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
})
_REASONS = {
    "LoadCSV": "LOAD CSV reads a file",
    "TransactionApply": "CALL … IN TRANSACTIONS writes in batches",
    "TransactionForeach": "CALL … IN TRANSACTIONS writes in batches",
}
_QUERY_TYPES = {"w": "a write", "rw": "a read-write", "s": "a schema-changing"}
_PROCEDURE = re.compile(r"^\s*([\w.]+)\s*\(")


def _operators(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    stack = [plan]
    while stack:
        operator = stack.pop()
        yield operator
        stack.extend(operator.get("children") or [])


def _procedure(operator: dict[str, Any]) -> str:
    args = operator.get("args") or {}
    for key in ("Details", "Signature"):
        if isinstance(args.get(key), str) and (match := _PROCEDURE.match(args[key])):
            return match.group(1)
    return "(unnamed procedure)"


def refusal(query_type: str | None, plan: dict[str, Any] | None) -> str | None:
    """Why a statement with this EXPLAIN summary is not a plain read of the graph, or None when it is."""
    if not plan or "operatorType" not in plan:
        return "its query plan could not be read, so it cannot be shown to only read"
    others = set()
    for operator in _operators(plan):
        name = str(operator.get("operatorType", "")).split("@")[0].split("(")[0]
        if name in _REASONS:
            return _REASONS[name]
        if name == "ProcedureCall" and (procedure := _procedure(operator)) not in READ_PROCEDURES:
            allowed = ", ".join(sorted(READ_PROCEDURES))
            return f"CALL {procedure} is not one of the read-only procedures allowed ({allowed})"
        if name not in READ_OPERATORS:
            others.add(name)
    if others:
        return f"it writes to the graph or does something else than read ({', '.join(sorted(others))})"
    if query_type != "r":
        return f"Neo4j classifies it as {_QUERY_TYPES.get(str(query_type), 'an unknown kind of')} statement"
    return None


def _store_error(exc: Exception) -> StoreError:
    code = getattr(exc, "code", "") or ""
    message = " ".join((getattr(exc, "message", None) or str(exc)).split())
    if "TransactionTimedOut" in code:
        return StoreError("the query ran longer than its time limit and was stopped")
    if code.endswith("AccessMode"):
        return CypherRefused("it writes to the database")
    return StoreError(message)


def _run(tx: neo4j.Transaction, text: str, parameters: dict[str, Any]) -> neo4j.Result:
    try:
        return tx.run(text, parameters)
    except (TypeError, ValueError, OverflowError) as exc:  # the driver's packing of a parameter
        raise StoreError(f"a parameter cannot be passed to the store: {exc}") from exc


def run_read_only(session: neo4j.Session, text: str, parameters: dict[str, Any] | None,
                  limits: ReadLimits) -> ReadResult:
    """Run `text` in a read transaction of `session` (opened with default_access_mode=READ_ACCESS)."""
    statement.screen(text)
    parameters = parameters or {}
    try:
        with session.begin_transaction(timeout=limits.seconds) as tx:
            summary = _run(tx, "EXPLAIN " + text, parameters).consume()
            if (reason := refusal(summary.query_type, summary.plan)) is not None:
                raise CypherRefused(reason)
            result = _run(tx, text, parameters)
            rows: list[dict[str, Any]] = []
            truncated = False
            for record in result:
                if len(rows) == limits.rows:
                    truncated = True
                    break
                rows.append(record.data())
            columns = list(result.keys())
            tx.rollback()
    except (DriverError, Neo4jError) as exc:
        raise _store_error(exc) from exc
    return ReadResult(columns, rows, truncated)
