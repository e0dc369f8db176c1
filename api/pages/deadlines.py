"""The deadline board: measures overdue, due within 30 days, within 90 days, later, and recurring, long-term or
undated, relative to today, for everyone or for one body, optionally of one document.

Today is the server's date, or `?today=YYYY-MM-DD` (tests, and officials preparing a meeting on a later day).
Every query that depends on it takes the dates as parameters, so the query cache keys its answers by them, and
the response cache keys by the date (api/response_cache.py): no cache serves yesterday's board.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from api.deps import Paging, PagingDep, ReaderDep
from api.pages.lists import CODES, FormatQuery, Listing, Text, everything, here, owners_text, show, too_many
from api.routes import page
from api.web import download
from graph.stores import GraphReader

router = APIRouter(include_in_schema=False)

SOON, LATER = 30, 90  # days: due soon, and due within the quarter
BUCKETS = {"overdue": "已逾期", "due30": f"{SOON} 天内到期", "due90": f"{SOON + 1}–{LATER} 天内到期",
           "later": f"{LATER} 天以后到期", "recurring": "每年（周期性）", "ongoing": "长期坚持", "none": "未注明时限"}
Bucket = Literal["overdue", "due30", "due90", "later", "recurring", "ongoing", "none"]
URGENT = ("overdue", "due30", "due90")  # the buckets an overview lists; the others it counts and links
PREVIEW = 10  # rows of each urgent bucket an overview shows; the bucket's own page lists them all
CHOICES = 500  # bodies and documents the board's filter form offers

COLUMNS = [("bucket", "期限状态"), ("title", "措施"), ("path", "编号"), ("document_title", "文件"),
           ("deadline_text", "完成时限（原文）"), ("deadline_date", "截止日期"), ("deadline_kind", "时限类型")]
EVERYONE = [*COLUMNS, ("owners", "责任单位（角色）")]
ONE_BODY = [*COLUMNS, ("role", "角色"), ("evidence", "责任单位原文")]
BOARD_CODES = {**CODES, "bucket": BUCKETS}
# The board's lists, by whose board (everyone's or one body's) and whether the bucket is dated (a date range) or
# not (a kind): separate queries, since one condition choosing between the two made each page's scan 1.5 times
# as long (docs/benchmarks.md).
BOARDS = {
    (False, True): Listing("deadline_board", EVERYONE, "完成时限", codes=BOARD_CODES,
                           cells=lambda row: {**row, "owners": owners_text(row["owners"])}),
    (True, True): Listing("deadline_actor_board", ONE_BODY, "完成时限", codes=BOARD_CODES),
}
BOARDS[False, False] = replace(BOARDS[False, True], query="deadline_undated")
BOARDS[True, False] = replace(BOARDS[True, True], query="deadline_actor_undated")


def given_day(today: Annotated[str, Query(pattern=r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$",
                                          description="the day the board is drawn for; empty: the server's date")] = "",
              ) -> date | None:
    """`?today=YYYY-MM-DD`, if given (an empty form field means the server's date)."""
    try:
        return date.fromisoformat(today) if today else None
    except ValueError:
        raise HTTPException(422, f"today: there is no day {today}") from None


Today = Annotated[date | None, Depends(given_day)]


def day(today: date | None) -> date:
    """The day a board is drawn for: the one asked for, else the server's date."""
    return today or date.today()


def link(today: date | None, **filters: str) -> str:
    """The board's URL for `filters` (actor, document) and the day asked for, ready for `key=value` to be appended."""
    given = {**filters, **({"today": today.isoformat()} if today else {})}
    return f"/deadlines?{urlencode(given)}&"


def horizon(today: date) -> dict[str, str]:
    """The bucket counts' dates: today and the last days of the 30- and 90-day windows (ISO strings)."""
    return {"today": today.isoformat(), "soon": (today + timedelta(days=SOON)).isoformat(),
            "later": (today + timedelta(days=LATER)).isoformat()}


def selection(bucket: str, today: date, actor: str, document: str) -> tuple[Listing, dict[str, str]]:
    """The list that holds one bucket and its parameters: dated measures due after `after` and by `until` ('' for
    no bound), or undated measures of one kind. The same buckets as `horizon` draws for the counts."""
    filters = {"actor": actor, "document": document} if actor else {"document": document}
    yesterday, soon, later = ((today + timedelta(days=days)).isoformat() for days in (-1, SOON, LATER))
    dated = {"overdue": ("", yesterday), "due30": (yesterday, soon), "due90": (soon, later), "later": (later, "")}
    if bucket in dated:
        after, until = dated[bucket]
        return BOARDS[bool(actor), True], {**filters, "after": after, "until": until}
    return BOARDS[bool(actor), False], {**filters, "kind": bucket}


def counts(reader: GraphReader, today: date, actor: str = "", document: str = "") -> dict[str, int]:
    """How many measures each bucket holds, in board order."""
    query, filters = ("deadline_actor_buckets", {"actor": actor}) if actor else ("deadline_buckets", {})
    found = {row["bucket"]: row["measures"]
             for row in reader.query(query, {**filters, "document": document, **horizon(today)})}
    return {bucket: found.get(bucket, 0) for bucket in BUCKETS}


def bucket_page(reader: GraphReader, paging: Paging, today: date, bucket: str, actor: str = "",
                document: str = "") -> dict[str, Any]:
    """One page of one bucket, each row marked with its bucket."""
    listing, parameters = selection(bucket, today, actor, document)
    found = page(reader, listing.query, paging, **parameters)
    return {**found, "items": [{**row, "bucket": bucket} for row in found["items"]]}


def overview(reader: GraphReader, today: date, actor: str = "", document: str = "") -> list[dict[str, Any]]:
    """Every bucket with its count, and the urgent ones with their first measures."""
    first = Paging(limit=PREVIEW, offset=0)
    return [{"bucket": bucket, "label": BUCKETS[bucket], "total": total,
             "rows": bucket_page(reader, first, today, bucket, actor, document)["items"] if total and bucket in URGENT else []}
            for bucket, total in counts(reader, today, actor, document).items()]


def whole_board(reader: GraphReader, today: date, buckets: list[str], actor: str, document: str) -> Iterator[dict[str, Any]]:
    """Every measure of `buckets`, bucket by bucket, as a download's cells."""
    for bucket in buckets:
        listing, parameters = selection(bucket, today, actor, document)
        for row in everything(reader, listing.query, **parameters):
            yield listing.chinese({**row, "bucket": bucket})


@router.get("/deadlines")
def deadlines(request: Request, reader: ReaderDep, paging: PagingDep, today: Today = None,
              bucket: Annotated[Bucket | None, Query(description="one bucket; all when absent")] = None,
              actor: Text = "", document: Text = "", format: FormatQuery = "html") -> Response:
    """The board: an overview of every bucket, or one bucket page by page; `?format=` downloads the filtered
    board (one bucket, or all of them)."""
    drawn = day(today)
    if format != "html":
        buckets = [bucket] if bucket else list(BUCKETS)
        total = sum(n for b, n in counts(reader, drawn, actor, document).items() if b in buckets)
        return too_many(request, total) or download(whole_board(reader, drawn, buckets, actor, document),
                                                     ONE_BODY if actor else EVERYONE, format, "完成时限")
    shown = bucket_page(reader, paging, drawn, bucket, actor, document) if bucket else None
    return show(request, "deadlines.html", page=shown, here=here(request), today=drawn, given_today=today,
                bucket=bucket, actor=actor, document=document, counts=counts(reader, drawn, actor, document),
                boards=None if bucket else overview(reader, drawn, actor, document), buckets=BUCKETS,
                names={"actor": _name(reader, "actor", actor), "document": _name(reader, "page_document", document)},
                choices=_choices(reader), here_all=here(request, "bucket"))


def _name(reader: GraphReader, query: str, key: str) -> str:
    """The name or title of the body or document a filter names ('' when none or unknown)."""
    rows = reader.query(query, {"id": key}) if key else []
    return (rows[0].get("name") or rows[0].get("title") or key) if rows else ""


def _choices(reader: GraphReader) -> dict[str, list[dict[str, Any]]]:
    """The bodies and documents the filter form offers: the first CHOICES of each (any other is reached from its
    own page, whose board links here)."""
    first = Paging(limit=CHOICES, offset=0)
    bodies = page(reader, "page_actors", first, region="", kind="", level="", name="", sort="name")["items"]
    documents = page(reader, "page_documents", first, region="", issuer="", year="", sort="issued_desc")["items"]
    return {"actors": bodies, "documents": documents}
