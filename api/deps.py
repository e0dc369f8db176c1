"""FastAPI dependencies: the store, one consistent reader per request, paging, and write access."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel

from graph.stores import GraphReader, GraphStore
from graph.version_cache import VersionCache

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


class CachedReader(GraphReader):
    """A request's reader whose named queries are answered from the app's cache for this graph version
    (a named query's rows depend only on the graph and its parameters)."""

    def __init__(self, reader: GraphReader, cache: VersionCache[list[dict[str, Any]]]) -> None:
        self.dialect = reader.dialect
        self._reader = reader
        self._cache = cache
        self._version = reader.version()

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._reader.run(cypher, parameters)

    def version(self) -> int:
        return self._version

    def query(self, name: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        key = (name, _hashable(parameters or {}))
        return self._cache.get(self._version, key, lambda: self._reader.query(name, parameters))


def _hashable(value: Any) -> Any:
    """A parameter value as a cache key: lists (search ids, a library query's list) and maps as tuples.

    >>> _hashable({"ids": ["a", "b"], "top": 5})
    (('ids', ('a', 'b')), ('top', 5))
    """
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    return value


def get_reader(request: Request) -> Iterator[GraphReader]:
    """One read view for the whole request: its several queries never mix two graph versions."""
    with request.app.state.store.reader() as reader:
        cached = CachedReader(reader, request.app.state.query_cache)
        request.state.graph_version = cached.version()  # which version the response is computed from
        yield cached


class Paging(BaseModel):
    limit: int
    offset: int


def get_paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 100,
               offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0) -> Paging:
    return Paging(limit=limit, offset=offset)


def require_write_access(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need the server's token (POLICYKG_API_TOKEN) as `Authorization: Bearer …`; a server without a
    token refuses every write."""
    token = request.app.state.settings.api_token
    if not token:
        raise HTTPException(403, "writes are disabled on this server: start it with POLICYKG_API_TOKEN set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid API token is required: Authorization: Bearer <POLICYKG_API_TOKEN>",
                            headers={"WWW-Authenticate": "Bearer"})


StoreDep = Annotated[GraphStore, Depends(get_store)]
ReaderDep = Annotated[GraphReader, Depends(get_reader)]
PagingDep = Annotated[Paging, Depends(get_paging)]
WriteAccess = Annotated[None, Depends(require_write_access)]
