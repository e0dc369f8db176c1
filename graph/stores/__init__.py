"""Graph stores: one interface, two implementations (embedded LadybugDB by default, Neo4j in production)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.stores.base import GraphReader, GraphStore, StoreError, WriteTimes
from graph.stores.ladybug import LadybugStore
from graph.stores.lock import WAIT, StoreBusy


@dataclass(frozen=True)
class StoreConfig:
    kind: str = "ladybug"  # or "neo4j"
    db: str = "data/policykg.lbug"  # the embedded database's folder
    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    lock_wait: float = WAIT  # seconds an embedded-store command waits for another process before refusing

    @property
    def location(self) -> str:
        """Where the graph is, for messages: the database path or the Neo4j address."""
        return self.neo4j_uri if self.kind == "neo4j" else self.db


def open_store(config: StoreConfig, read_only: bool = False) -> GraphStore:
    """The configured store; the loaders, the API and the CLI receive it from here and never know which it is."""
    if config.kind == "neo4j":
        from graph.stores.neo4j import Neo4jStore

        return Neo4jStore(config.neo4j_uri, config.neo4j_user, config.neo4j_password, config.neo4j_database,
                          read_only=read_only)
    return LadybugStore(config.db, read_only=read_only, lock_wait=config.lock_wait)


__all__ = ["GraphReader", "GraphStore", "LadybugStore", "StoreBusy", "StoreConfig", "StoreError", "WriteTimes",
           "open_store"]
