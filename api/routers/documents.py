"""Documents: the loaded plans (a filtered list) and one document with its counts and sections."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import Paging, PagingDep, ReaderDep
from api.models import Document, DocumentDetail
from api.paging import Page, page
from api.routers.filters import Region, Words, not_found
from graph.stores import GraphReader

router = APIRouter(prefix="/api", tags=["documents"])


def document_page(reader: GraphReader, paging: Paging, region: str = "", title: str = "") -> dict[str, Any]:
    """One page of loaded documents, newest first; `region` and `title` ('' for all) filter them."""
    return page(reader, "documents", paging, region=region, title=title)


@router.get("/documents", response_model=Page[Document])
def documents(reader: ReaderDep, paging: PagingDep, region: Region = "", title: Words = "") -> dict[str, Any]:
    """Loaded documents, newest first, with their measure, target and citation counts; `region` keeps one
    region's, `title` those whose title or 文号 contains it."""
    return document_page(reader, paging, region, title)


@router.get("/documents/{document_id}", response_model=DocumentDetail, responses=not_found("document id"))
def document(document_id: str, reader: ReaderDep) -> dict[str, Any]:
    """One document: its metadata, how many measures, targets and responsible bodies it has, how many
    documents it cites and how many cite it, and its sections in text order (a document known only because
    it is cited has no sections)."""
    rows = reader.query("document_detail", {"id": document_id})
    if not rows:
        raise HTTPException(404, f"no document with id {document_id!r}")
    return {**rows[0], "sections": reader.query("document_sections", {"id": document_id})}
