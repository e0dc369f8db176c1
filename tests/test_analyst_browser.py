"""Search, the query library and the Cypher console clicked through in a real headless Chromium (Selenium,
Debian's chromium and chromedriver) that reaches nothing but loopback. A screenshot of each page is kept in
$POLICYKG_ARTIFACTS/analyst (a temporary folder when that is not set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import CHROMEDRIVER, CHROMIUM, chromium, follow

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                                 reason="Debian chromium and chromedriver are not installed (make test installs them)")]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ["POLICYKG_ARTIFACTS"]) if os.environ.get("POLICYKG_ARTIFACTS") else tmp_path_factory.mktemp("shots")
    (folder / "analyst").mkdir(parents=True, exist_ok=True)
    return folder / "analyst"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = chromium(tmp_path_factory.mktemp("profile"), 1280, 1000)
    yield driver
    driver.quit()


def test_the_search_box_finds_a_body_and_links_to_its_page(server, browser, shots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header form.search input[name=q]")
    box.send_keys("市公安局")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "header form.search button[type=submit]"))
    assert "/search?q=" in browser.current_url
    heading = browser.find_element(By.CSS_SELECTOR, "section#actors h2").text
    link = browser.find_element(By.CSS_SELECTOR, "section#actors li a")
    assert heading == "责任单位（1）" and link.text == "市公安局"
    assert link.get_attribute("href").startswith(server + "/actors/actor%3A")
    assert browser.find_element(By.CSS_SELECTOR, "section#actors mark").text in ("公安局", "市")
    browser.save_screenshot(str(shots / "search.png"))


def test_a_library_question_runs_from_its_form_and_its_table_sorts(server, browser, shots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/queries")
    follow(browser, browser.find_element(By.LINK_TEXT, "哪些单位牵头的措施最多？"))
    top = browser.find_element(By.NAME, "top")
    top.clear()
    top.send_keys("4")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.params button[type=submit]"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table#result tbody tr")
    assert "top=4" in browser.current_url and len(rows) == 4
    assert rows[0].find_elements(By.TAG_NAME, "td")[0].text == "省知识产权局"
    browser.find_element(By.CSS_SELECTOR, "table#result th[data-key=measures]").click()  # fewest first
    counts = [int(r.find_elements(By.TAG_NAME, "td")[2].text)
              for r in browser.find_elements(By.CSS_SELECTOR, "table#result tbody tr")]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert browser.find_element(By.LINK_TEXT, "CSV").get_attribute("href").endswith("format=csv")
    browser.save_screenshot(str(shots / "query.png"))


def test_the_console_shows_rows_and_a_refusal_in_chinese(server, browser, shots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/cypher")
    statement = browser.find_element(By.ID, "statement")
    statement.send_keys("MATCH (a:Actor) WHERE a.name CONTAINS $word RETURN a.name AS 单位, a.region AS 地区 ORDER BY 单位")
    browser.find_element(By.ID, "params").send_keys("word=公安局")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value=html]"))
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table#result tbody td")]
    assert cells == ["区公安局", "南通市通州区", "市公安局", "南通市"]
    browser.save_screenshot(str(shots / "cypher.png"))
    statement = browser.find_element(By.ID, "statement")
    statement.clear()
    statement.send_keys("MATCH (a:Actor) DETACH DELETE a")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value=html]"))
    alert = browser.find_element(By.CSS_SELECTOR, ".problem[role=alert]").text
    assert "未执行：该语句会修改数据库" in alert and "DETACH writes to the database" in alert
    browser.save_screenshot(str(shots / "cypher-refused.png"))
