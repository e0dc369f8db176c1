"""Helpers for the page tests: fetch a page of the served app and read it as HTML, a download as rows."""

from __future__ import annotations

import csv
import io
from urllib.parse import unquote

import httpx
from lxml import html
from openpyxl import load_workbook

BOM = b"\xef\xbb\xbf"


def fetch(server: str, path: str, **params) -> httpx.Response:
    """GET `path` (which may hold a query string of its own) with `params` added."""
    return httpx.get(server + path, params=params or None, timeout=60)


def page(server: str, path: str, **params) -> html.HtmlElement:
    """The page at `path`, which must be a Chinese HTML page (never JSON)."""
    response = fetch(server, path, **params)
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("text/html"), path
    return html.fromstring(response.text)


def links(tree: html.HtmlElement, prefix: str, within: str = "//body") -> list[str]:
    """The ids linked as `prefix` + id inside the elements `within` selects (XPath), in page order."""
    return [unquote(a.get("href")[len(prefix):]).split("?")[0].split("#")[0]
            for element in tree.xpath(within) for a in element.iter("a")
            if (a.get("href") or "").startswith(prefix)]


def text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def table_rows(tree: html.HtmlElement, table_id: str) -> list[list[str]]:
    """The cells' text of every body row of the table `table_id` (none for its 暂无 row)."""
    return [[text(cell) for cell in row.xpath("./td")]
            for row in tree.xpath(f'//table[@id="{table_id}"]/tbody/tr[not(contains(@class, "empty"))]')]


def csv_rows(response: httpx.Response) -> list[list[str]]:
    """A CSV download's rows (header first): it must start with the UTF-8 byte-order mark."""
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(BOM), response.content[:20]
    return list(csv.reader(io.StringIO(response.content[len(BOM):].decode("utf-8"))))


def xlsx_rows(response: httpx.Response) -> list[list]:
    """An .xlsx download's rows (header first), read by openpyxl."""
    assert response.status_code == 200 and "spreadsheetml" in response.headers["content-type"]
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]
