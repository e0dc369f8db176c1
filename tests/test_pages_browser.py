"""Click-through tests of the pages in a real headless Chromium (Selenium, Debian's chromium and chromedriver),
reaching nothing but loopback, under the server's Content-Security-Policy.

Screenshots of every page visited (and print layouts as PDF) are kept in $POLICYKG_ARTIFACTS/pages, or else in
the pytest temporary folder's `pages` directory (the path is printed with -s and named in a failing test).
"""

from __future__ import annotations

import base64
import os
import time
from datetime import date
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from tests.browser import CHROMEDRIVER, CHROMIUM, chromium, follow
from tests.conftest import embedded
from tests.pages import BOM

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                                                      reason="Debian chromium and chromium-driver (make test installs them)")]


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = Path(os.environ["POLICYKG_ARTIFACTS"]) / "pages" if os.environ.get("POLICYKG_ARTIFACTS") \
        else tmp_path_factory.mktemp("pages", numbered=False)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\npage screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory, artifacts):
    profile, downloads = tmp_path_factory.mktemp("profile"), tmp_path_factory.mktemp("downloads")
    driver = chromium(profile, 1280, 1600, downloads=downloads, console=True)
    driver.downloads = downloads
    yield driver
    driver.quit()


def shot(browser, artifacts: Path, name: str) -> None:
    """Keep a screenshot of the whole page as it is now (artifacts/NAME.png)."""
    width = browser.execute_script("return document.documentElement.scrollWidth")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(max(width, 1280), min(height + 100, 8000))
    browser.save_screenshot(str(artifacts / f"{name}.png"))
    browser.set_window_size(1280, 1600)


def assert_a_chinese_page(browser) -> None:
    """What a user sees is an HTML page in Chinese without errors in the console, never JSON."""
    assert browser.execute_script("return document.contentType") == "text/html"
    assert browser.execute_script("return document.documentElement.lang") == "zh-CN"
    assert not browser.find_elements(By.TAG_NAME, "pre")  # how Chromium shows a JSON answer
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


@pytest.fixture(scope="module")
def store(sample_db):
    with embedded(sample_db, read_only=True) as opened:
        yield opened


def test_an_official_reaches_a_bodys_tasks_deadlines_and_overdue_list_in_two_clicks(server, browser, artifacts, store):
    """Acceptance criterion 1 of issue 11."""
    browser.get(server + "/")
    shot(browser, artifacts, "01-start")
    clicks = 0
    body = browser.find_element(By.CSS_SELECTOR, "table#actors tbody tr:first-child td:first-child a")
    name = body.text
    follow(browser, body)
    clicks += 1
    assert_a_chinese_page(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "承担的措施" in page and "完成时限" in page and "责任单位原文" in page
    roles = {badge.text for badge in browser.find_elements(By.CSS_SELECTOR, "span.role")}
    assert roles and roles <= {"牵头", "配合", "负责", "责任单位"}
    today = date.today().isoformat()
    actor = browser.current_url.rsplit("/", 1)[1].replace("%3A", ":")
    overdue = store.run("MATCH (:Actor {id: $id})-[:RESPONSIBLE_FOR]->(m:Measure) WHERE m.deadline_date < $today "
                        "RETURN m.id AS id", {"id": actor, "today": today})
    assert overdue, "the samples' deadlines (2024–2026) leave the busiest body overdue tasks"
    assert f"已逾期（{len(overdue)} 项）" in page  # its overdue list is on its page
    shot(browser, artifacts, "02-body")

    follow(browser, browser.find_element(By.CSS_SELECTOR, "ul.buckets li.bucket-overdue a"))
    clicks += 1
    assert_a_chinese_page(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == f"完成时限：{name}"
    rows = browser.find_elements(By.CSS_SELECTOR, "table#board tbody tr")
    assert len(rows) == len(overdue)
    dates = [row.find_elements(By.TAG_NAME, "td")[3].text for row in rows]
    assert all(d < today for d in dates) and dates == sorted(dates)
    shot(browser, artifacts, "03-body-overdue")
    assert clicks == 2


def test_a_measure_is_followed_from_the_body_page(server, browser, artifacts):
    browser.get(server + "/actors")
    follow(browser, browser.find_element(By.LINK_TEXT, "区市场监管局（知识产权局）"))
    link = browser.find_element(By.CSS_SELECTOR, "h2#measures ~ table tbody a[href^='/measures/']")
    title = link.text
    follow(browser, link)
    assert_a_chinese_page(browser)
    assert title in browser.find_element(By.TAG_NAME, "h1").text
    owners = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "table#owners a[href^='/actors/']")]
    assert "区市场监管局（知识产权局）" in owners
    assert "完成时限" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    shot(browser, artifacts, "04-measure")


def test_a_list_page_downloads_a_csv_with_a_bom_and_chinese(server, browser, artifacts):
    browser.get(server + "/documents")
    shot(browser, artifacts, "05-documents")
    browser.find_element(By.CSS_SELECTOR, ".list-tools .downloads a[href$='format=csv']").click()
    for _ in range(100):
        files = list(browser.downloads.glob("*.csv"))
        if files:
            break
        time.sleep(0.1)
    assert files, list(browser.downloads.iterdir())
    data = files[0].read_bytes()
    assert files[0].name == "政策文件.csv" and data.startswith(BOM)
    lines = data[len(BOM):].decode("utf-8").splitlines()
    assert lines[0].startswith("标题,文号,发文机关,印发日期") and len(lines) == 5
    assert any("南通市国家知识产权保护示范区建设方案" in line for line in lines)


def test_tables_sort_by_their_headers_and_filter_by_their_boxes(server, browser):
    browser.get(server + "/actors?sort=name")
    column = "table#actors tbody tr td:nth-child(5)"
    browser.find_element(By.CSS_SELECTOR, "table#actors th[data-key='measures']").click()
    counts = [int(cell.text) for cell in browser.find_elements(By.CSS_SELECTOR, column)]
    assert counts == sorted(counts) and counts != sorted(counts, reverse=True)
    browser.find_element(By.CSS_SELECTOR, "table#actors th[data-key='measures']").click()
    assert [int(c.text) for c in browser.find_elements(By.CSS_SELECTOR, column)] == sorted(counts, reverse=True)
    browser.find_element(By.CSS_SELECTOR, "input.filter[data-table='actors']").send_keys("公安")
    shown = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table#actors tbody tr") if row.is_displayed()]
    assert len(shown) == 2 and all("公安局" in row for row in shown)


def test_a_documents_measure_tree_filters_by_its_box(server, browser, store):
    document = store.run("MATCH (d:Document {source_file: '000_0b3680c12e4d90b1.txt'}) RETURN d.id AS id")[0]["id"]
    browser.get(f"{server}/documents/{document}")
    measures = browser.find_elements(By.CSS_SELECTOR, "#tree div.measure")
    browser.find_element(By.CSS_SELECTOR, "input.filter[data-table='tree']").send_keys("商业秘密")
    visible = [m for m in measures if m.is_displayed()]
    assert 0 < len(visible) < len(measures) and all("商业秘密" in m.text for m in visible)


@pytest.mark.parametrize("kind", ["document", "body"])
def test_document_and_body_pages_print_without_navigation_or_tools(server, browser, artifacts, store, kind):
    query = {"document": "MATCH (d:Document) WHERE d.source_file IS NOT NULL RETURN '/documents/' + d.id AS path",
             "body": "MATCH (a:Actor)-[:RESPONSIBLE_FOR]->() RETURN '/actors/' + a.id AS path"}[kind]
    path = store.run(query + " LIMIT 1")[0]["path"]
    browser.get(server + path + "?today=2025-01-01")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = ["header.site", "footer.site", ".list-tools", "form", ".downloads"]
        for selector in hidden:
            assert all(not e.is_displayed() for e in browser.find_elements(By.CSS_SELECTOR, selector)), selector
        assert browser.find_element(By.TAG_NAME, "h1").is_displayed()
        assert all(badge.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
                   for badge in browser.find_elements(By.CSS_SELECTOR, "span.role")[:5])
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
        (artifacts / f"print-{kind}.pdf").write_bytes(base64.b64decode(pdf["data"]))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


PAGES = {"documents": "/documents", "actors": "/actors", "deadlines": "/deadlines?today=2025-01-01",
         "deadlines-overdue": "/deadlines?today=2025-01-01&bucket=overdue", "targets": "/targets", "topics": "/topics",
         "topic": "/topics/商业秘密", "cited-list": "/cited"}


def test_every_page_renders_without_errors_and_is_kept_as_a_screenshot(server, browser, artifacts, store):
    pages = dict(PAGES)
    pages["document"] = "/documents/" + store.run("MATCH (d:Document {source_file: '000_0b3680c12e4d90b1.txt'}) "
                                                  "RETURN d.id AS id")[0]["id"] + "?today=2025-01-01"
    pages["cited"] = "/cited/" + store.run("MATCH (:Document)-[:CITES]->(c:Document) RETURN c.id AS id LIMIT 1")[0]["id"]
    pages["not-found"] = "/actors/actor:nope"
    for name, path in pages.items():
        browser.get(server + path)
        if name != "not-found":  # a 404 is an error in the console
            assert_a_chinese_page(browser)
        assert browser.find_element(By.TAG_NAME, "h1").text, name
        shot(browser, artifacts, f"page-{name}")
    assert len(list(artifacts.glob("page-*.png"))) >= len(pages)
