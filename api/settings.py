"""One settings object, read once from the environment (and CLI flags that override it).

POLICYKG_* for policykg itself; NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, the names Neo4j's
own tools use, for the Neo4j store (POLICYKG_NEO4J_* also work).
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.stores import StoreConfig
from graph.stores.lock import WAIT


def _neo4j(name: str) -> AliasChoices:
    return AliasChoices(f"NEO4J_{name}", f"POLICYKG_NEO4J_{name}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYKG_", populate_by_name=True)

    store: Literal["ladybug", "neo4j"] = "ladybug"
    db: str = "data/policykg.lbug"  # the embedded graph database
    neo4j_uri: str = Field("bolt://localhost:7687", validation_alias=_neo4j("URI"))
    neo4j_user: str = Field("neo4j", validation_alias=_neo4j("USER"))
    neo4j_password: str = Field("", validation_alias=_neo4j("PASSWORD"))
    neo4j_database: str = Field("neo4j", validation_alias=_neo4j("DATABASE"))
    lock_wait: float = WAIT  # seconds a command waits for another policykg process to release the store
    host: str = "127.0.0.1"
    port: int = 8000
    view_node_limit: int = 2000  # vis-network slows beyond this many nodes
    # Bearer token for write endpoints (POST /api/documents); without one the server refuses every write.
    api_token: str = Field("", repr=False)
    upload_limit_mb: int = 512  # the most one upload (all its files together) may hold

    def store_config(self) -> StoreConfig:
        return StoreConfig(self.store, self.db, self.neo4j_uri, self.neo4j_user, self.neo4j_password,
                           self.neo4j_database, self.lock_wait)


@cache
def get_settings() -> Settings:
    return Settings()
