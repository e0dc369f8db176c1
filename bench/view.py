"""`make bench-view`: how soon the network view answers clicks in headless Chromium (issue 11's 2,000 nodes).

1. Generate --docs documents (bench/corpus.py) and load them with `policykg load`.
2. Serve the store; find the largest view drawn measure by measure within the node budget (the region whose
   responsibilities fit: about 2,000 nodes at 1,000 documents), the largest within a budget raised to 2,500
   (`?limit=`), and the whole graph (folded above the budget).
3. Open each view --runs times in headless Chromium (Debian's chromium and chromedriver, a fresh profile each
   time, so vis-network is fetched cold), and read the browser's own timing: Navigation Timing for the HTML
   and DOMContentLoaded, and the page's performance mark `policykg:network-ready`, set when the bounded
   stabilisation ended and physics was switched off (the network answers clicks from then on). Then click a
   body and time until its neighbours are drawn.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from api.settings import Settings
from api.views import DEFAULT_BUDGET
from bench.corpus import generate
from tests.browser import chromium
from tests.conftest import serving
from tests.network_page import click, on_screen, wait_expanded, wait_ready

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
PAGE_DATA = re.compile(r'<script type="application/json" id="network-data">(.*?)</script>', re.DOTALL)
ABOVE = 2500  # a second view's budget, beyond the default
TIMING = """
var nav = performance.getEntriesByType('navigation')[0], ready = performance.getEntriesByName('policykg:network-ready');
return {response: nav.responseEnd, dom: nav.domContentLoadedEventEnd, ready: ready.length ? ready[0].startTime : null,
        nodes: window.policykgNetwork.nodes.length, edges: window.policykgNetwork.edges.length};"""


def view(url: str, **params: str) -> tuple[dict, int, bool]:
    """A view's data, its HTML size and whether it was folded."""
    page = httpx.get(url + "/view/ownership", params=params, timeout=120)
    page.raise_for_status()
    return json.loads(PAGE_DATA.search(page.text).group(1)), len(page.content), 'id="network-notice"' in page.text


def largest_unfolded(url: str, limit: int) -> str:
    """The region whose view is drawn measure by measure with the most nodes, within `limit` nodes."""
    regions = re.findall(r'<option value="([^"]+)"', httpx.get(url + "/view/ownership", timeout=120).text.split(
        'name="region"')[1].split("</select>")[0])
    sizes = {}
    for region in regions:
        data, _, folded = view(url, region=region, limit=str(limit))
        if not folded:
            sizes[region] = len(data["nodes"])
    return max(sizes, key=sizes.__getitem__)


def measure(url: str, params: dict[str, str], runs: int, work: Path) -> dict[str, object]:
    """Open the view `runs` times in a fresh browser each; the browser's timings (ms) and a click's."""
    timings, clicks = [], []
    for run in range(runs):
        driver = chromium(work / f"profile-{time.monotonic_ns()}-{run}")
        try:
            driver.get(url + "/view/ownership?" + str(httpx.QueryParams(params)))
            wait_ready(driver, timeout=120)
            timings.append(driver.execute_script(TIMING))
            bodies = driver.execute_script(
                "return window.policykgNetwork.nodes.get({filter: function (n) { return n.group === 'actor'; }})"
                ".sort(function (a, b) { return (a.size || 0) - (b.size || 0); }).map(function (n) { return n.id; })")
            body = on_screen(driver, bodies)
            started = time.perf_counter()
            click(driver, body)
            wait_expanded(driver, body, timeout=120)
            clicks.append((time.perf_counter() - started) * 1000)
        finally:
            driver.quit()
    ready = [t["ready"] for t in timings]
    return {"nodes": timings[0]["nodes"], "edges": timings[0]["edges"],
            "response": statistics.median(t["response"] for t in timings),
            "dom": statistics.median(t["dom"] for t in timings), "ready": statistics.median(ready),
            "worst": max(ready), "click": statistics.median(clicks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a folder for the corpus and the store, kept (and reused)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="policykg-view-"))
    try:
        run(work, args.docs, args.runs)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def run(work: Path, docs: int, runs: int) -> None:
    db = work / "view.lbug"
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {subprocess.run(['chromium', '--version'], capture_output=True, text=True).stdout.strip()}")
    if not db.exists():
        paths = generate(SAMPLES, work / "corpus", docs)
        subprocess.run([str(Path(sys.executable).parent / "policykg"), "load", str(work / "corpus"), "--db", str(db)],
                       check=True, capture_output=True)
        print(f"corpus: {len(paths)} documents loaded")
    # The server's budget is raised above the default 2,000 nodes so that one view can go beyond it (?limit=).
    with serving(Settings(db=str(db), rate_limit=0, view_node_limit=ABOVE)) as url:
        views = [(f"{region} (measure by measure)", {"region": region})
                 for region in [largest_unfolded(url, DEFAULT_BUDGET)]]
        views += [(f"{region}, ?limit={ABOVE} (measure by measure)", {"region": region, "limit": str(ABOVE)})
                  for region in [largest_unfolded(url, ABOVE)]]
        views.append(("whole graph (folded)", {}))
        print("| view | nodes | links | HTML | HTML received | DOMContentLoaded | interactive (median) | worst "
              "| click → neighbours drawn |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for label, params in views:
            _, size, _ = view(url, **params)
            found = measure(url, params, runs, work)
            print(f"| {label} | {found['nodes']} | {found['edges']} | {size / 1e6:.2f} MB | {found['response']:.0f} ms "
                  f"| {found['dom']:.0f} ms | {found['ready']:.0f} ms | {found['worst']:.0f} ms | {found['click']:.0f} ms |")


if __name__ == "__main__":
    main()
