"""The list envelope every list endpoint answers: `{"items", "total", "limit", "offset"}`.

A list cut in the store (`page`) runs a named query that takes $offset and $limit and counts with its
`NAME_count` twin; a list computed whole (a library query's rows, kept per graph version) is cut in Python
(`cut`). Neither ever sends the store a SKIP past the end: LadybugDB 0.22 can crash on ORDER BY … SKIP
beyond its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from api.deps import Paging
from graph.stores import GraphReader

__all__ = ["Page", "cut", "page"]

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of a list: `items` from `offset` on, at most `limit` of them, out of `total`."""

    items: list[Item]
    total: int
    limit: int
    offset: int


def page(reader: GraphReader, query: str, paging: Paging, **parameters: Any) -> dict[str, Any]:
    """One page of the named query's rows and their total (the `QUERY_count` query, unless the first page shows
    that everything fitted). A page past the end is empty without asking the store."""
    total = None
    if paging.offset:
        total = reader.query(f"{query}_count", parameters)[0]["total"]
        if paging.offset >= total:
            return {"items": [], "total": total, "limit": paging.limit, "offset": paging.offset}
    items = reader.query(query, {**parameters, "offset": paging.offset, "limit": paging.limit})
    if total is None:
        fitted = len(items) < paging.limit
        total = len(items) if fitted else reader.query(f"{query}_count", parameters)[0]["total"]
    return {"items": items, "total": total, "limit": paging.limit, "offset": paging.offset}


def cut(rows: Sequence[Any], paging: Paging) -> dict[str, Any]:
    """One page of rows computed whole.

    >>> cut([1, 2, 3, 4, 5], Paging(limit=2, offset=3))
    {'items': [4, 5], 'total': 5, 'limit': 2, 'offset': 3}
    """
    return {"items": list(rows[paging.offset:paging.offset + paging.limit]), "total": len(rows),
            "limit": paging.limit, "offset": paging.offset}
