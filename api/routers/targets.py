"""Quantified targets, filtered by document, due date and indicator."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import PagingDep, ReaderDep
from api.models import Target
from api.paging import Page, page
from api.routers.filters import DocumentId, Words

router = APIRouter(prefix="/api", tags=["targets"])
Due = Annotated[str, Query(pattern=r"^([0-9]{4}(-[0-9]{2})?)?$", description="a year (2025) or a month (2025-12)")]


@router.get("/targets", response_model=Page[Target])
def targets(reader: ReaderDep, paging: PagingDep, document_id: DocumentId = "", due: Due = "",
            indicator: Words = "") -> dict[str, Any]:
    """Quantified targets, by document and in text order; `document_id` keeps one document's, `due` those due
    in a year or month, `indicator` those whose indicator contains it (发明专利)."""
    return page(reader, "targets", paging, doc_id=document_id, due=due, indicator=indicator, sort="document")
