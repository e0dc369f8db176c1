"""Search (graph/search.py): `GET /api/search?q=` answers the hits grouped by kind, each group one page,
best first; the /search page shows them in Chinese, each hit linking to its page, its words marked.

On the embedded store the hits come from the in-app word index of the version the request reads
(graph/search_index.py) once it is built, and from the store's CONTAINS queries until then; on Neo4j from its
full-text indexes. `kind` asks for one group only, to page through it.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape
from pydantic import BaseModel

from api.deps import Paging, PagingDep, ReaderDep
from api.models import Actor, DocumentFields
from api.paging import Page, page
from api.web import render
from graph.search import KINDS, SearchError, parse
from graph.search import Query as SearchQuery
from graph.stores import GraphReader

router = APIRouter()
Kind = Literal["actors", "documents", "measures", "targets"]
Words = Annotated[str, Query(min_length=1, max_length=200, description="words to find, in any order")]
PAGE_HITS = 10  # hits per group on the /search page; "more" pages through one group
SNIPPET = 60  # characters of a measure's text shown on each side of the first word found


class ActorHit(Actor):
    aliases: list[str] | None
    score: float


class DocumentHit(DocumentFields):
    loaded: bool  # false: known only because a loaded document cites it (its page is /cited/{id})
    score: float


class MeasureHit(BaseModel):
    id: str
    path: str | None
    title: str | None
    text: str | None
    score: float
    document_id: str
    document_title: str | None


class TargetHit(BaseModel):
    id: str
    indicator: str
    value: float | None
    unit: str | None
    comparator: str | None
    due: str | None
    line: int | None
    score: float
    document_id: str
    document_title: str | None


class SearchResults(BaseModel):
    """The hits of each kind asked for (all four unless `kind` names one), each one page, best first."""

    q: str
    words: list[str]  # what the query was cut into and is matched by, longest first
    note: str | None = None  # why nothing was searched for (no word of two or more characters)
    actors: Page[ActorHit] | None = None
    documents: Page[DocumentHit] | None = None
    measures: Page[MeasureHit] | None = None
    targets: Page[TargetHit] | None = None


def hits(request: Request, reader: GraphReader, query: SearchQuery, kind: str, paging: Paging) -> dict[str, Any]:
    """One page of `kind` hits, from the word index when it is built for this version and knows every word."""
    indexes = request.app.state.search_indexes
    index = indexes.current(request.app.state.store, reader.version()) if reader.dialect == "ladybug" else None
    kind_index = index.kinds[kind] if index is not None else None
    if kind_index is None or not all(kind_index.knows(word) for word in query.words):
        return page(reader, f"search/{kind}", paging, **query.parameters())
    ranked, total = kind_index.find(query.words, query.phrase, paging.offset, paging.limit)
    rows = {row["id"]: row for row in reader.query(f"search/rows_{kind}", {"ids": [i for i, _ in ranked]})}
    return {"items": [{**rows[i], "score": score} for i, score in ranked if i in rows], "total": total,
            "limit": paging.limit, "offset": paging.offset}


def search(request: Request, reader: GraphReader, q: str, kind: str | None, paging: Paging) -> dict[str, Any]:
    """The groups asked for; none, with a note, for a query without a word of two or more characters (one
    character alone would match nearly everything, and Neo4j's full-text index cannot look it up)."""
    try:
        query = parse(q)
    except SearchError as error:
        return {"q": q, "words": [], "note": str(error)}
    groups = {k: hits(request, reader, query, k, paging) if kind in (None, k) else None for k in KINDS}
    return {"q": q, "words": list(query.words), **groups}


@router.get("/api/search", response_model=SearchResults, tags=["search"])
def search_api(request: Request, reader: ReaderDep, paging: PagingDep, q: Words, kind: Kind | None = None) -> dict[str, Any]:
    """Bodies (names and aliases), documents (titles and 文号), measures (titles and text) and targets
    (indicators) that hold every word of `q`, in any order (`q` is cut into words as the loaders cut text:
    `市公安局` finds 南通市公安局 and 市公安局). Each group is one page, best first: a word in the name or title
    counts more than one in the text, the query as typed more, the whole name most (on Neo4j: the full-text
    index's score). `kind` answers one group only, to page through it with `offset`. A query without a word of
    two or more characters finds nothing and says so in `note`."""
    return search(request, reader, q, kind, paging)


def marked(text: str | None, words: list[str], around: int | None = None) -> Markup:
    """`text` (escaped) with every word in <mark>; with `around`, only that many characters on each side of
    the first word found."""
    text = text or ""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    if around is not None and len(text) > 2 * around:
        found = pattern.search(text)
        start = max(0, (found.start() if found else 0) - around)
        text = ("…" if start else "") + text[start:start + 2 * around] + ("…" if start + 2 * around < len(text) else "")
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[last:match.start()]), Markup("<mark>%s</mark>") % match.group()]
        last = match.end()
    return Markup("").join([*parts, escape(text[last:])])


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, reader: ReaderDep, q: Annotated[str, Query(max_length=200)] = "",
                kind: Kind | None = None, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> HTMLResponse:
    if not q.strip():
        return render(request, "search.html", q=q, results=None, problem=None, kind=kind)
    paging = Paging(limit=PAGE_HITS if kind is None else 50, offset=offset if kind else 0)
    results = search(request, reader, q, kind, paging)
    if results.get("note"):
        return render(request, "search.html", q=q, results=None, problem=results["note"], kind=kind)
    return render(request, "search.html", q=q, results=results, problem=None, kind=kind, marked=marked,
                  snippet=SNIPPET)
