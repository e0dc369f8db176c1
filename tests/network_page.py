"""Driving the network page (/view/ownership) in headless Chromium with Selenium: for the browser tests and
the view benchmark (bench/view.py)."""

from __future__ import annotations

from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait


def wait_ready(driver: WebDriver, timeout: float = 60) -> None:
    """Until the page's network finished its layout (physics off) — what a user can click."""
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")


def wait_expanded(driver: WebDriver, node: str, timeout: float = 30) -> None:
    """Until the page has added the neighbours of `node` (after a click on it)."""
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.body.dataset.expanded") == node)


def drawn(driver: WebDriver) -> set[str]:
    return set(driver.execute_script("return window.policykgNetwork.nodes.getIds()"))


def on_screen(driver: WebDriver, candidates: list[str]) -> str:
    """The first of `candidates` that a click at its drawn position would hit (not hidden under another node)."""
    for node in candidates:
        hit = driver.execute_script("""
            var net = window.policykgNetwork.network, id = arguments[0];
            var at = net.canvasToDOM(net.getPositions([id])[id]);
            return net.getNodeAt(at) === id;""", node)
        if hit:
            return node
    raise AssertionError(f"none of {candidates[:5]}… can be clicked")


def click(driver: WebDriver, node: str, double: bool = False) -> None:
    """A real mouse click (or double click) on `node` where the canvas draws it (scrolled into view first).
    Viewport coordinates: WebDriver measures element offsets from the element's visible centre, which is not
    the canvas's centre when part of it is below the window."""
    x, y = driver.execute_script("""
        var net = window.policykgNetwork.network, id = arguments[0], canvas = document.querySelector('#network canvas');
        var at = net.canvasToDOM(net.getPositions([id])[id]), box = canvas.getBoundingClientRect();
        if (box.top + at.y < 0 || box.top + at.y > window.innerHeight) {
            window.scrollBy(0, box.top + at.y - window.innerHeight / 2);
            box = canvas.getBoundingClientRect();
        }
        return [box.left + at.x, box.top + at.y];""", node)
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(round(x), round(y))
    if double:
        actions.pointer_action.double_click()
    else:
        actions.pointer_action.click()
    actions.perform()
