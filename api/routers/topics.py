"""Topics (keywords of measures) and the measures about one topic."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import PagingDep, ReaderDep
from api.models import TopicMeasure, TopicSummary
from api.paging import Page, page
from api.routers.filters import Words

router = APIRouter(prefix="/api", tags=["topics"])


@router.get("/topics", response_model=Page[TopicSummary])
def topic_list(reader: ReaderDep, paging: PagingDep, name: Words = "") -> dict[str, Any]:
    """Topics with how many measures are about each, most common first; `name` keeps those containing it."""
    return page(reader, "topics", paging, name=name, sort="measures")


@router.get("/topics/{name}/measures", response_model=Page[TopicMeasure],
            responses={404: {"description": "No measure is about this topic"}})
def topic_measures(name: str, reader: ReaderDep, paging: PagingDep) -> dict[str, Any]:
    """The measures about one topic, such as 商业秘密, strongest first."""
    found = page(reader, "topic_measures", paging, name=name)
    if not found["total"]:
        raise HTTPException(404, f"no measure is about the topic {name!r}")
    return found
