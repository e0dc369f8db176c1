"""One settings object, read once from POLICYKG_* environment variables (and CLI flags that override them)."""

from __future__ import annotations

from functools import cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYKG_")

    db: str = "data/policykg.lbug"  # the embedded graph database
    host: str = "127.0.0.1"
    port: int = 8000
    view_node_limit: int = 2000  # vis-network slows beyond this many nodes


@cache
def get_settings() -> Settings:
    return Settings()
