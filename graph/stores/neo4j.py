"""The production store: Neo4j 5 through the official driver, with the same Cypher as the embedded store.

Nodes and edges are upserted with UNWIND … MERGE. A load runs in one managed write transaction
(`execute_write`), which the driver retries on transient errors (leader changes, deadlocks); any other
failure rolls the whole load back. Reads use read transactions, so a read-only store refuses writes the
way the embedded one does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph import schema
from graph.model import PolicyGraph
from graph.stores import deadline, writer
from graph.stores.base import GraphStore, StoreError, WriteTimes


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

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(cypher, parameters or {})]

        # The server terminates the transaction at the request's deadline (TransactionTimedOut…).
        left = deadline.milliseconds_left()
        work = neo4j.unit_of_work(timeout=None if left is None else left / 1000)(work)
        try:
            with self._driver.session(database=self.database) as session:
                if self.read_only:
                    return session.execute_read(work)
                return session.execute_write(work)
        except (DriverError, Neo4jError) as exc:
            deadline.check()
            raise StoreError(_message(exc)) from exc

    def replace_documents(self, doc_ids: Sequence[str], graph: PolicyGraph) -> WriteTimes:
        if self.read_only:
            raise StoreError("the Neo4j store is open read-only")

        def work(tx: neo4j.ManagedTransaction) -> WriteTimes:
            return writer.replace(lambda cypher, params: [r.data() for r in tx.run(cypher, params)], doc_ids, graph,
                                  upsert=True)

        return self._write(work)

    def _write(self, work: Any) -> Any:
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        except (DriverError, Neo4jError) as exc:
            raise StoreError(_message(exc)) from exc

    def close(self) -> None:
        self._driver.close()


def _message(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return " ".join(message.split())
