"""Graph stores: one interface, with the embedded LadybugDB store as the default implementation."""

from graph.stores.base import GraphStore, StoreError
from graph.stores.ladybug import LadybugStore


def open_store(path: str, read_only: bool = False) -> GraphStore:
    """The configured store; the API and CLI receive it from here and never know which one it is."""
    return LadybugStore(path, read_only=read_only)


__all__ = ["GraphStore", "LadybugStore", "StoreError", "open_store"]
