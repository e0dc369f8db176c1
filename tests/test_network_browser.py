"""The network page in a real headless Chromium (Selenium, Debian's chromium and chromedriver), reaching nothing
but loopback: filter with the form, click to expand, double-click to open a node's page, labels on screen.

Screenshots of each step are kept in $POLICYKG_ARTIFACTS/network, else in pytest's base temporary folder
(artifacts/network; pytest keeps the last three runs' folders)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.browser import CHROMEDRIVER, CHROMIUM, chromium
from tests.network_oracle import Stored, read_stored
from tests.network_page import click, drawn, on_screen, wait_expanded, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None, reason="Debian chromium and chromium-driver (make browser installs them)")]



@pytest.fixture(scope="module")
def stored(sample_db) -> Stored:
    return read_stored(sample_db)

@pytest.fixture(scope="module")
def artefacts(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("POLICYKG_ARTIFACTS") or tmp_path_factory.getbasetemp() / "artifacts") / "network"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = chromium(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def open_network(driver, url: str) -> None:
    driver.get(url)
    wait_ready(driver)


def test_filter_the_network_with_the_form(browser, server, stored, artefacts):
    open_network(browser, server + "/view/ownership")
    everything = drawn(browser)
    assert everything == stored.nodes(stored.duties)
    browser.save_screenshot(str(artefacts / "1-whole-network.png"))
    document = Counter(d.document for d in stored.duties).most_common()[-1][0]  # the smaller plan
    Select(browser.find_element(By.NAME, "document_id")).select_by_value(document)
    Select(browser.find_element(By.NAME, "role")).select_by_value("lead")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(browser, 30).until(lambda d: "document_id=" in d.current_url)
    wait_ready(browser)
    expected = stored.nodes([d for d in stored.duties if d.document == document and d.role == "lead"])
    assert drawn(browser) == expected and expected < everything
    assert Select(browser.find_element(By.NAME, "role")).first_selected_option.get_attribute("value") == "lead"
    browser.save_screenshot(str(artefacts / "2-filtered-document-lead.png"))


def test_a_click_expands_the_nodes_neighbours_without_a_reload(browser, server, stored, artefacts):
    shared = Counter(d.measure for d in stored.duties)
    actor = next(d.actor for d in stored.duties if shared[d.measure] > 1)
    open_network(browser, f"{server}/view/ownership?actor={quote(actor)}")
    theirs = [d for d in stored.duties if d.actor == actor]
    assert drawn(browser) == stored.nodes(theirs)
    browser.execute_script("document.body.dataset.marker = 'same page'")
    measure = on_screen(browser, [d.measure for d in theirs if shared[d.measure] > 1])
    click(browser, measure)
    wait_expanded(browser, measure)
    owners = [d for d in stored.duties if d.measure == measure]
    assert drawn(browser) == stored.nodes(theirs) | stored.nodes(owners)
    assert browser.execute_script("return document.body.dataset.marker") == "same page"  # no reload
    panel = browser.find_element(By.ID, "network-info").text
    assert f"已加入 {len(stored.nodes(owners) - stored.nodes(theirs))} 个相邻节点" in panel
    browser.save_screenshot(str(artefacts / "3-expanded-measure.png"))


def test_a_double_click_opens_the_nodes_page(browser, server, stored, artefacts):
    open_network(browser, server + "/view/ownership")
    busiest = [actor for actor, _ in Counter(d.actor for d in stored.duties).most_common()]
    actor = on_screen(browser, busiest)
    browser.save_screenshot(str(artefacts / "4-before-double-click.png"))
    click(browser, actor, double=True)
    WebDriverWait(browser, 30).until(lambda d: "/actors/" in d.current_url)
    assert browser.current_url == f"{server}/actors/{quote(actor, safe='')}"


@pytest.mark.parametrize(("query", "notice"), [("", False), ("?limit=60", True), ("?limit=10", True)])
def test_body_names_are_drawn_readable_at_the_fitted_zoom(browser, server, artefacts, query, notice):
    open_network(browser, server + "/view/ownership" + query)
    notices = browser.find_elements(By.ID, "network-notice")
    assert bool(notices) == notice and all(n.is_displayed() for n in notices)
    labels = browser.execute_script("""
        var net = window.policykgNetwork.network, scale = net.getScale();
        return window.policykgNetwork.nodes.get({filter: function (n) { return n.group === 'actor'; }}).map(
            function (n) { return [n.label, net.body.nodes[n.id].options.font.size * scale]; });""")
    assert labels and all(label.strip() and pixels >= 12 for label, pixels in labels), labels[:5]
    browser.save_screenshot(str(artefacts / f"5-labels{query.replace('?', '-').replace('=', '')}.png"))
