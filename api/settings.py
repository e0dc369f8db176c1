"""One settings object, read once from the environment (and CLI flags that override it).

POLICYKG_* for policykg itself; NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, the names Neo4j's
own tools use, for the Neo4j store (POLICYKG_NEO4J_* also work).
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import AliasChoices, Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.stores import StoreConfig
from graph.stores.lock import WAIT

MIN_TOKEN_LENGTH = 16


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
    # Serving safely (docs/security.md). The token is required for writes (POST /api/documents; without one the
    # server refuses every write) and, with protect_reads, for reads.
    api_token: str = Field("", repr=False)
    upload_limit_mb: int = Field(512, ge=1)  # the most one upload (all its files together) may hold
    protect_reads: bool = False
    rate_limit: int = Field(600, ge=0)  # requests per minute per client address; 0 turns the limit off
    rate_burst: int = Field(100, ge=1)  # requests a client may make at once before the rate applies
    request_timeout: float = Field(30.0, ge=0)  # seconds; 0 turns the limit off
    max_body_bytes: int = Field(16 * 1024 * 1024, ge=0)

    @model_validator(mode="after")
    def _token_is_usable(self) -> Settings:
        if self.protect_reads and not self.api_token:
            raise ValueError("POLICYKG_PROTECT_READS=true needs POLICYKG_API_TOKEN")
        if self.api_token and len(self.api_token) < MIN_TOKEN_LENGTH:
            raise ValueError(f"POLICYKG_API_TOKEN must be at least {MIN_TOKEN_LENGTH} characters "
                             "(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')")
        return self

    def store_config(self) -> StoreConfig:
        return StoreConfig(self.store, self.db, self.neo4j_uri, self.neo4j_user, self.neo4j_password,
                           self.neo4j_database, self.lock_wait)


@cache
def get_settings() -> Settings:
    return Settings()


def settings_problem(error: ValidationError) -> str:
    """What is wrong with the environment, naming the variable (pydantic names the field)."""
    problems = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        if not item["loc"]:
            problems.append(message)
            continue
        field = Settings.model_fields.get(str(item["loc"][0]))
        alias = field.validation_alias if field else None
        name = alias.choices[0] if isinstance(alias, AliasChoices) else f"POLICYKG_{str(item['loc'][0]).upper()}"
        problems.append(f"{name}={item['input']!r}: {message}")
    return "; ".join(problems)
