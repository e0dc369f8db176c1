"""Query parameters that several list endpoints share, and the 404 answer of a detail endpoint."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator

Words = Annotated[str, Query(max_length=200, description="a part of the name or title ('' for all)")]
Region = Annotated[str, Query(max_length=100, description="a region as the documents name it, e.g. 南通市")]
DocumentId = Annotated[str, Query(max_length=200, description="a loaded document's id ('' for all)")]
ActorId = Annotated[str, Query(max_length=200, description="a body's id ('' for all)")]


def _iso_day(value: Any) -> Any:
    """Only a calendar day written YYYY-MM-DD: pydantic would also read '0' or '1700000000' as a Unix time."""
    if isinstance(value, str) and not (len(value) == 10 and value[4] == value[7] == "-"):
        raise ValueError("a day written YYYY-MM-DD, e.g. 2025-12-31")
    return value


Day = Annotated[date | None, BeforeValidator(_iso_day), Query(description="a day, YYYY-MM-DD")]


def not_found(what: str) -> dict[int | str, dict[str, Any]]:
    """The `responses` of an endpoint that answers 404 for an unknown id (its body: the error model)."""
    return {404: {"description": f"Unknown {what}"}}
