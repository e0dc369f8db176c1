"""Measures: a filtered list and one measure with its owners, targets, links and topics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import PagingDep, ReaderDep
from api.models import DeadlineKind, MeasureDetail, MeasureSummary, Role
from api.paging import Page, page
from api.routers.filters import ActorId, Day, DocumentId, not_found

router = APIRouter(prefix="/api", tags=["measures"])


@router.get("/measures", response_model=Page[MeasureSummary])
def measures(reader: ReaderDep, paging: PagingDep, document_id: DocumentId = "", actor_id: ActorId = "",
             role: Role | None = None, deadline_from: Day = None, deadline_to: Day = None,
             deadline_kind: DeadlineKind | None = None, key_task: bool | None = None) -> dict[str, Any]:
    """Measures by document and position. Filters: `document_id`; `actor_id`, a body named on the measure,
    and `role`, the role it is named in (each alone too: `role=lead` keeps measures that have a lead);
    `deadline_from` and `deadline_to`, bounds (included) on the deadline's date (`deadline_date`: the last
    day of the month or year the text names, or the plan period's end); `deadline_kind`; `key_task`."""
    return page(reader, "measures", paging, doc_id=document_id, actor_id=actor_id, role=role or "",
                deadline_from=deadline_from.isoformat() if deadline_from else "",
                deadline_to=deadline_to.isoformat() if deadline_to else "", deadline_kind=deadline_kind or "",
                key_task="" if key_task is None else str(key_task).lower())


@router.get("/measures/{measure_id}", response_model=MeasureDetail, responses=not_found("measure id"))
def measure(measure_id: str, reader: ReaderDep) -> dict[str, Any]:
    """One measure with its owners (also those named on task-table rows that restate it), targets, topics,
    and its position and wording in the source text."""
    rows = reader.query("measure", {"id": measure_id})
    if not rows:
        raise HTTPException(404, f"no measure with id {measure_id!r}")
    owners = reader.query("measure_owners", {"id": measure_id})
    return {**rows[0], "owners": sorted(owners, key=lambda o: (o["via"], o["role"], o["name"])),
            **{part: reader.query(f"measure_{part}", {"id": measure_id})
               for part in ("targets", "links", "topics")}}
