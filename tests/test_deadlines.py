"""The deadline board (/deadlines, and a body's own): buckets relative to the day asked for, their edges, filters,
kinds in Chinese, and caches that never serve yesterday's board."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse

from api.pages.deadlines import BUCKETS
from api.response_cache import ResponseCache
from tests.conftest import copy_store, embedded, served
from tests.pages import fetch, links, page, table_rows, text

DAYS = ("2024-06-30", "2025-01-01", "2025-03-31", "2025-04-01", "2026-11-23")


@pytest.fixture(scope="module")
def measures(sample_db) -> list[dict]:
    with embedded(sample_db, read_only=True) as store:
        return store.run("MATCH (m:Measure) OPTIONAL MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m) "
                         "RETURN m.id AS id, m.doc_id AS document, m.deadline_date AS due, m.deadline_kind AS kind, "
                         "collect(a.id) AS owners")


def bucket(measure: dict, today: str) -> str:
    """The bucket a measure belongs in on `today`, worked out here from the stored date and kind."""
    if not measure["due"]:
        return measure["kind"] if measure["kind"] in ("recurring", "ongoing") else "none"
    days = (date.fromisoformat(measure["due"]) - date.fromisoformat(today)).days
    return "overdue" if days < 0 else "due30" if days <= 30 else "due90" if days <= 90 else "later"


def expected(measures: list[dict], today: str, **only: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {b: set() for b in BUCKETS}
    for m in measures:
        if only.get("document", m["document"]) == m["document"] and only.get("actor", "") in ("", *m["owners"]):
            found[bucket(m, today)].add(m["id"])
    return found


def shown_counts(tree) -> dict[str, int]:
    return {li.get("class").split()[0].removeprefix("bucket-"): int(li.xpath(".//strong/text()")[0])
            for li in tree.xpath('//ul[@class="buckets"]/li')}


def bucket_ids(server: str, which: str, **params) -> set[str]:
    return set(links(page(server, "/deadlines", bucket=which, limit=1000, **params), "/measures/", '//table[@id="board"]'))


@pytest.mark.parametrize("today", DAYS)
def test_the_board_puts_every_measure_in_its_bucket_for_the_day_asked(server, measures, today):
    want = expected(measures, today)
    overview = page(server, "/deadlines", today=today)
    assert shown_counts(overview) == {b: len(ids) for b, ids in want.items()}
    assert f"以 {today} 为今天" in text(overview)
    for which, ids in want.items():
        assert bucket_ids(server, which, today=today) == ids, which


def test_the_edges_of_the_windows(server, measures):
    march = next(m["id"] for m in measures if m["due"] == "2025-03-31")
    where = {day: next(b for b, ids in expected(measures, day).items() if march in ids)
             for day in ("2024-12-30", "2024-12-31", "2025-03-01", "2025-03-31", "2025-04-01")}
    assert where == {"2024-12-30": "later", "2024-12-31": "due90", "2025-03-01": "due30", "2025-03-31": "due30",
                     "2025-04-01": "overdue"}
    for day, which in where.items():
        assert march in bucket_ids(server, which, today=day), (day, which)


def test_a_body_and_a_document_have_their_own_boards(server, measures):
    owner = max({o for m in measures for o in m["owners"]}, key=lambda a: sum(a in m["owners"] for m in measures))
    document = measures[0]["document"]
    for filters in ({"actor": owner}, {"document": document}, {"actor": owner, "document": document}):
        want = expected(measures, "2025-01-01", **filters)
        assert shown_counts(page(server, "/deadlines", today="2025-01-01", **filters)) == {
            b: len(ids) for b, ids in want.items()}
        assert bucket_ids(server, "overdue", today="2025-01-01", **filters) == want["overdue"]
    body = page(server, f"/actors/{owner}", today="2025-01-01")
    assert shown_counts(body) == {b: len(ids) for b, ids in expected(measures, "2025-01-01", actor=owner).items()}


def test_board_rows_show_body_role_document_phrase_date_and_kind_in_chinese(server):
    rows = table_rows(page(server, "/deadlines", today="2025-01-01", bucket="due90"), "board")
    assert rows and all(r[2] == "2025年3月" and r[3] == "2025-03-31" and r[4] == "有明确时限" for r in rows)
    assert all("责任单位" in r[5] for r in rows)  # every owner with its role
    kinds = {r[4] for which in ("later", "recurring", "ongoing")
             for r in table_rows(page(server, "/deadlines", today="2025-01-01", bucket=which), "board")}
    assert {"规划期末", "每年", "长期坚持"} <= kinds
    assert "按规划期末" in text(page(server, "/deadlines", today="2025-01-01", bucket="later"))


def test_without_a_day_the_board_is_drawn_for_the_servers_date(server, measures):
    today = date.today().isoformat()
    tree = page(server, "/deadlines")
    assert f"以 {today} 为今天（服务器日期）" in text(tree)
    assert shown_counts(tree) == {b: len(ids) for b, ids in expected(measures, today).items()}
    start = page(server, "/")  # the start page counts today's overdue measures too
    overdue = len(expected(measures, today)["overdue"])
    assert f"已逾期 {overdue} 项" in text(start)


@pytest.mark.parametrize("params", [{"today": "2025-02-30"}, {"today": "tomorrow"}, {"bucket": "soon"}])
def test_a_bad_day_or_bucket_is_refused(server, params):
    assert fetch(server, "/deadlines", **params).status_code == 422
    assert fetch(server, "/deadlines", today="").status_code == 200  # an empty form field: the server's date


def test_the_response_cache_never_serves_yesterdays_answer(sample_db, tmp_path):
    """The start page counts what is overdue today: an answer kept for a graph version is kept for its day."""
    calendar = [date(2025, 1, 1)]
    with embedded(copy_store(sample_db, tmp_path / "copy.lbug")) as store:
        app = FastAPI()
        computed = []

        @app.get("/")
        def start(request: Request) -> PlainTextResponse:
            request.state.graph_version = store.version()
            computed.append(calendar[0])
            return PlainTextResponse(calendar[0].isoformat())

        app.add_middleware(ResponseCache, store=store, today=lambda: calendar[0])
        with served(app) as base:
            first, again = httpx.get(base + "/").text, httpx.get(base + "/").text
            calendar[0] += timedelta(days=1)
            next_day = httpx.get(base + "/").text
    assert first == again == "2025-01-01" and next_day == "2025-01-02"
    assert computed == [date(2025, 1, 1), date(2025, 1, 2)]  # the same day's second answer came from the cache
