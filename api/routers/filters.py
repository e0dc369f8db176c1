"""Query parameters that several list endpoints share, and the 404 answer of a detail endpoint."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

Words = Annotated[str, Query(max_length=200, description="a part of the name or title ('' for all)")]
Region = Annotated[str, Query(max_length=100, description="a region as the documents name it, e.g. 南通市")]
DocumentId = Annotated[str, Query(max_length=200, description="a loaded document's id ('' for all)")]
ActorId = Annotated[str, Query(max_length=200, description="a body's id ('' for all)")]


def not_found(what: str) -> dict[int | str, dict[str, Any]]:
    """The `responses` of an endpoint that answers 404 for an unknown id (its body: the error model)."""
    return {404: {"description": f"Unknown {what}"}}
