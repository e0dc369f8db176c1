"""The production store: Neo4j 5 through the official driver, with the same Cypher as the embedded store.

Nodes and edges are upserted with UNWIND … MERGE. A load runs in one managed write transaction
(`execute_write`), which the driver retries on transient errors (leader changes, deadlocks); any other
failure rolls the whole load back. A reader is one session with one explicit read transaction, which refuses
writes the way the embedded store's read-only transaction does. Neo4j isolates transactions as read committed,
not as snapshots: a reader that runs several statements while a load commits can see the load from its next
statement on (docs/concurrency.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph import schema
from graph.model import PolicyGraph
from graph.stores import deadline, writer
from graph.stores.base import Execute, GraphReader, GraphStore, StatementReader, StoreError, WriteTimes

T = TypeVar("T")

if TYPE_CHECKING:
    from graph.readonly import ReadLimits, ReadResult


class Neo4jStore(GraphStore):
    dialect = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j", read_only: bool = False) -> None:
        self.uri = uri
        self.database = database
        self.read_only = read_only
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except (DriverError, Neo4jError, ValueError) as exc:
            raise StoreError(f"cannot reach Neo4j at {uri}: {_message(exc)}") from exc
        if not read_only:
            for statement in schema.neo4j_schema():
                self._write(lambda tx, statement=statement: tx.run(statement).consume())

    @contextmanager
    def reader(self) -> Iterator[GraphReader]:
        # The server terminates the transaction at the request's deadline (TransactionTimedOut…).
        left = deadline.milliseconds_left()
        try:
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session, \
                    session.begin_transaction(timeout=None if left is None else left / 1000) as tx:
                yield StatementReader(self.dialect, lambda cypher, parameters: _records(tx, cypher, parameters))
        except (DriverError, Neo4jError) as exc:
            deadline.check()
            raise StoreError(_message(exc)) from exc

    def run_read_only(self, cypher: str, parameters: dict[str, Any] | None = None,
                      limits: ReadLimits | None = None) -> ReadResult:
        from graph.readonly import ReadLimits
        from graph.readonly import neo4j as readonly

        try:
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                return readonly.run_read_only(session, cypher, parameters, limits or ReadLimits())
        except (DriverError, Neo4jError) as exc:
            raise StoreError(_message(exc)) from exc

    def write(self, work: Callable[[Execute], T]) -> T:
        if self.read_only:
            raise StoreError("the Neo4j store is open read-only")
        return self._write(lambda tx: work(lambda cypher, params: [r.data() for r in tx.run(cypher, params)]))

    def replace_documents(self, doc_ids: Sequence[str], graph: PolicyGraph) -> WriteTimes:
        return self.write(lambda execute: writer.replace(execute, doc_ids, graph, upsert=True))

    def _write(self, work: Any) -> Any:
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        except (DriverError, Neo4jError) as exc:
            raise StoreError(_message(exc)) from exc

    def close(self) -> None:
        self._driver.close()


def _records(tx: neo4j.Transaction, cypher: str, parameters: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        return [record.data() for record in tx.run(cypher, parameters)]
    except (DriverError, Neo4jError) as exc:
        raise StoreError(_message(exc)) from exc


def _message(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return " ".join(message.split())
