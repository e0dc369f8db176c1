"""/measures/{id}: a measure's text, document and section path, deadline (phrase, normalised date, kind), key
task, owners with roles and the note and sentence each was read from (also the owners named on task-table rows
that restate it), targets, topics and links."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import ReaderDep
from api.pages.lists import not_found, show

router = APIRouter(include_in_schema=False)


@router.get("/measures/{measure_id}")
def measure_page(measure_id: str, request: Request, reader: ReaderDep) -> Response:
    rows = reader.query("page_measure", {"id": measure_id})
    if not rows:
        return not_found(request, f"措施 {measure_id}")
    owners = sorted(reader.query("measure_owners", {"id": measure_id}), key=lambda o: (o["via"], o["role"] or "", o["name"]))
    return show(request, "measure.html", measure=rows[0], owners=owners,
                sections=reader.query("page_measure_sections", {"id": measure_id}),
                **{part: reader.query(f"measure_{part}", {"id": measure_id}) for part in ("targets", "links", "topics")})
