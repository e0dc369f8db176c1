"""The analytics page through the served app: the same numbers as GET /api/analytics for every filter, charts
whose bars and columns carry those numbers, lists that link to their pages, and downloads of whole lists."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest
from lxml import html
from openpyxl import load_workbook

from api.analytics_page import CHART_BODIES, COLUMNS, SHOWN

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)


def page(server: str, **params) -> html.HtmlElement:
    response = httpx.get(server + "/analytics", params=params, timeout=60)
    assert response.status_code == 200, response.text
    return html.fromstring(response.text)


def api(server: str, **params) -> dict:
    return httpx.get(server + "/api/analytics", params={"top": 1000, **params}, timeout=60).json()


@pytest.fixture(scope="module")
def scopes(server) -> list[dict[str, str]]:
    """The whole graph, the largest document, a region, a role."""
    documents = httpx.get(server + "/api/documents").json()["items"]
    largest = max(documents, key=lambda d: d["measures"])
    return [{}, {"document_id": largest["id"]}, {"region": largest["region"]}, {"role": "lead"},
            {"region": largest["region"], "role": "unspecified"}]


def rows(tree: html.HtmlElement, table: str) -> list[list[str]]:
    return [[cell.text_content().strip() for cell in row.xpath("td")] for row in tree.xpath(f'//table[@id="{table}"]/tbody/tr')
            if "empty" not in (row.get("class") or "")]


def test_the_page_shows_the_numbers_the_api_gives(server, scopes):
    for scope in scopes:
        tree, report = page(server, **scope), api(server, **scope)
        summary = tree.get_element_by_id("analytics-summary").text_content()
        totals = report["totals"]
        assert re.findall(r"\d+", summary.split("在关系网络")[0]) == [
            str(totals[k]) for k in ("bodies", "communities", "pairs", "several_leads", "unowned")], scope
        shown = [(r[0], int(r[1])) for r in rows(tree, "bodies")]
        assert shown == [(b["name"], b["measures"]) for b in report["bodies"][:SHOWN]], scope
        assert [(r[0], r[1], int(r[2])) for r in rows(tree, "pairs-table")] == [
            (p["a_name"], p["b_name"], p["weight"]) for p in report["pairs"][:SHOWN]], scope
        assert [r[0] for r in rows(tree, "unowned-table")] == [m["title"] or m["id"] for m in report["unowned"][:SHOWN]]
        assert len(rows(tree, "communities-table")) == totals["communities"]


def test_the_workload_chart_has_a_bar_per_body_and_a_segment_per_role(server, scopes):
    for scope in scopes:
        tree, report = page(server, **scope), api(server, **scope)
        bars = tree.xpath('//svg[contains(@class, "bars")]/g[@class="bar-row"]')
        top = report["bodies"][:CHART_BODIES]
        assert [(g.get("data-label"), int(g.get("data-total"))) for g in bars] == [(b["name"], b["measures"]) for b in top]
        for bar, body in zip(bars, top, strict=True):
            segments = [int(rect.get("data-value")) for rect in bar.xpath('rect[@class="bar"]')]
            assert segments == [n for n in body["by_role"].values() if n], (body, segments)  # lead, co, sole, …
            assert bar.xpath("a/@href") == [f"/actors/{body['id'].replace(':', '%3A')}"]


def test_the_targets_chart_has_a_column_per_due_year(server, scopes):
    for scope in scopes:
        tree, report = page(server, **scope), api(server, **scope)
        columns = [(g.get("data-label"), int(g.get("data-value")))
                   for g in tree.xpath('//svg[contains(@class, "columns")]/g[@class="column"]')]
        assert columns == [(y["year"] or "未注明", y["targets"]) for y in report["targets_by_year"]], scope
    assert columns and all(value > 0 for _, value in columns)  # the samples have targets
    heights = [float(r.get("height")) for r in tree.xpath('//svg[contains(@class, "columns")]//rect[@class="bar"]')]
    assert max(heights) == 180.0  # the tallest column fills the plot


def test_measure_lists_link_to_measures_and_documents(server):
    tree, report = page(server), api(server)
    assert report["unowned"] and report["several_leads"]
    links = tree.xpath('//table[@id="unowned-table"]//a/@href')
    assert {f"/measures/{m['id'].replace(':', '%3A')}" for m in report["unowned"][:SHOWN]} <= set(links)
    leads = tree.xpath('//table[@id="several-leads-table"]//a/@href')
    assert {f"/actors/{lead.replace(':', '%3A')}" for m in report["several_leads"] for lead in m["leads"]} <= set(leads)


@pytest.mark.parametrize("name", list(COLUMNS))
def test_every_list_downloads_whole_as_csv_and_xlsx(server, name):
    expected = len(api(server)[name])
    assert expected > 0
    csv_file = httpx.get(server + "/analytics", params={"download": name, "format": "csv"})
    assert csv_file.status_code == 200 and csv_file.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    assert table[0] == [header for _, header in COLUMNS[name]] and len(table) - 1 == expected
    xlsx = httpx.get(server + "/analytics", params={"download": name, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).active
    got = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert got[0] == table[0] and len(got) == expected + 1


def test_download_links_keep_the_filters(server, scopes):
    tree = page(server, **scopes[1])
    links = tree.xpath('//span[@class="downloads"]/a/@href')
    assert len(links) == 2 * len(COLUMNS) and all(f"document_id={scopes[1]['document_id']}".replace(":", "%3A") in link
                                                 for link in links)


@pytest.mark.parametrize(("params", "status"), [({"document_id": "doc:nope"}, 404), ({"role": "boss"}, 422),
                                                ({"download": "everything"}, 422), ({"download": "pairs", "format": "pdf"}, 422)])
def test_bad_filters_are_refused(server, params, status):
    assert httpx.get(server + "/analytics", params=params).status_code == status


def test_the_page_is_chinese_and_references_no_other_site(server):
    text = httpx.get(server + "/analytics").text
    assert not EXTERNAL.search(text) and "<script src=\"http" not in text
    assert "各单位工作量" in text and 'href="/analytics"' in text  # the navigation links the page
