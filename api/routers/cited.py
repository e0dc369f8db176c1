"""Cited documents: what the loaded plans cite (national plans, provincial rules…), and who cites one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path

from api.deps import PagingDep, ReaderDep
from api.models import CitedDetail, CitedDocument
from api.paging import Page, page
from api.routers.filters import Words, not_found
from loaders.resolve import cited_document_id

router = APIRouter(prefix="/api", tags=["documents"])
# A document known by its title alone has the same id in every graph: the national plan most IP plans cite.
CITED_EXAMPLE = cited_document_id("知识产权强国建设纲要（2021-2035年）")


@router.get("/cited", response_model=Page[CitedDocument])
def cited(reader: ReaderDep, paging: PagingDep, title: Words = "") -> dict[str, Any]:
    """Documents the loaded plans cite, most cited first, with how many loaded documents cite each; `title`
    keeps those whose title contains it."""
    return page(reader, "cited", paging, title=title, sort="citing")


@router.get("/cited/{document_id}", response_model=CitedDetail, responses=not_found("cited document id"))
def cited_document(document_id: Annotated[str, Path(examples=[CITED_EXAMPLE])], reader: ReaderDep) -> dict[str, Any]:
    """One cited document and the loaded documents that cite it, with the title as each wrote it and where."""
    citations = reader.query("cited_by", {"id": document_id})
    document = reader.query("document", {"id": document_id}) if citations else []
    if not document:
        raise HTTPException(404, f"no loaded document cites a document with id {document_id!r}")
    fields = ("id", "title", "doc_number", "issuer", "region")
    return {**{f: document[0][f] for f in fields}, "loaded": document[0]["source_file"] is not None,
            "cited_by": citations}
