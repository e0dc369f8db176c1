"""Every link on the pages resolves, and no page refers to another site: a crawl of the served samples from the
start page, following every link to this server (lists, filters, sorts, pagers, downloads, details)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import pytest
from lxml import html

# Pages the other parts of issue 11 add (search, the query library, the Cypher console, analytics): linked from
# every page's navigation, crawled once they are merged.
ELSEWHERE = ("/search", "/queries", "/cypher", "/analytics")
EXTERNAL = re.compile(r"(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(https?:)?//", re.IGNORECASE)


def references(page: html.HtmlElement) -> list[str]:
    """Every URL the page's attributes refer to (links, sources, form actions)."""
    return [value for element in page.iter() if isinstance(element.tag, str)
            for name, value in element.attrib.items() if name in ("href", "src", "action", "srcset", "data", "poster")]


def external(page: html.HtmlElement) -> list[str]:
    """What a page refers to on another site: in an attribute, a style or a script. A source's own text may quote
    a web address (a text node is no reference)."""
    found = [ref for ref in references(page) if EXTERNAL.match(ref.strip())]
    found += [m.group(0) for element in page.xpath("//style|//*[@style]")
              for m in CSS_URL.finditer((element.text or "") + element.get("style", ""))]
    return found + [s for s in page.xpath("//script/text()") if re.search(r"https?://", s)]


@pytest.fixture(scope="module")
def crawl(server) -> dict[str, httpx.Response]:
    """Every URL reachable from the start page on this server (outside ELSEWHERE; downloads: one of each kind),
    fetched once."""
    seen: dict[str, httpx.Response] = {}
    frontier, downloads = ["/"], set()
    with httpx.Client(base_url=server, timeout=60) as client, ThreadPoolExecutor(4) as pool:
        while frontier:
            fetched = dict(zip(frontier, pool.map(client.get, frontier), strict=True))
            seen |= fetched
            found = set()
            for url, response in fetched.items():
                if response.headers.get("content-type", "").startswith("text/html") and response.status_code == 200:
                    found |= {local(url, ref) for ref in references(html.fromstring(response.text))}
            frontier = []
            for url in sorted(u for u in found - set(seen) if u and not u.startswith(ELSEWHERE)):
                if "format=" not in url or kind(url) not in downloads:
                    frontier.append(url)
                    downloads.add(kind(url))
    return seen


def kind(url: str) -> tuple[str, ...]:
    """A download link's kind: its route (the path without ids) and the names of its parameters. The crawl fetches
    one download of each kind (every list page links two; fetching all would triple the crawl)."""
    parts = urlsplit(url)
    return (parts.path.split("/")[1], str(parts.path.count("/")), *sorted(p.split("=")[0] for p in parts.query.split("&")))


def local(base: str, ref: str) -> str:
    """`ref` as a path and query on this server ('' for another site, an anchor on the page, or a scheme)."""
    parts = urlsplit(urljoin("http://this" + base, ref))
    if parts.netloc != "this" or parts.scheme != "http":
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_the_crawl_reaches_every_kind_of_page(crawl):
    paths = {urlsplit(url).path.split("/")[1] for url in crawl}
    assert {"documents", "actors", "measures", "cited", "targets", "topics", "deadlines", "static", "view"} <= paths
    assert sum(url.startswith("/measures/") for url in crawl) == 200  # every sample measure is linked
    assert sum(unquote(url).startswith("/actors/actor:") and "?" not in url for url in crawl) == 48  # issuers too
    assert any("format=csv" in url for url in crawl) and any("format=xlsx" in url for url in crawl)


def test_every_link_resolves(crawl):
    broken = {url: response.status_code for url, response in crawl.items() if response.status_code != 200
              and not (response.status_code == 303 and response.headers["location"].startswith("/cited/"))}
    assert not broken, broken


def test_no_page_refers_to_another_site(crawl):
    pages = {url: html.fromstring(r.text) for url, r in crawl.items()
             if r.headers.get("content-type", "").startswith("text/html") and "/view/" not in url}
    assert len(pages) > 500
    offending = {url: found for url, page in pages.items() if (found := external(page))}
    assert not offending, offending
    css = [r.text for url, r in crawl.items() if url.endswith(".css")]
    assert css and not any(CSS_URL.search(text) or "@import" in text for text in css)


def test_the_scan_finds_an_external_reference():
    page = html.fromstring('<html><head><link rel="stylesheet" href="https://cdn.example/x.css"></head><body>'
                           '<p>见 http://www.gov.cn 原文</p><img src="//img.example/a.png">'
                           '<div style="background: url(http://x.example/b.png)"></div></body></html>')
    assert external(page) == ["https://cdn.example/x.css", "//img.example/a.png", "url(http://"]
