"""The who-owns-what view and the API docs, rendered by a real headless Chromium with no network beyond
loopback, under the server's Content-Security-Policy."""

import re
import shutil
import subprocess

import pytest

CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (make test installs it)")]


def rendered(url: str, tmp_path) -> str:
    """The DOM of `url` after its scripts ran, in headless Chromium that reaches nothing but loopback (and
    obeys the server's Content-Security-Policy)."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             "--virtual-time-budget=15000"]
    return subprocess.run([CHROMIUM, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout


def test_ownership_view_draws_the_network_offline(server, tmp_path):
    dom = rendered(server + "/view/ownership", tmp_path)
    drawn = re.search(r'data-nodes="(\d+)"', dom)
    assert drawn and int(drawn.group(1)) > 50, dom[-2000:]
    assert "<canvas" in dom


def test_the_api_docs_render_offline_under_the_content_security_policy(server, tmp_path):
    dom = rendered(server + "/docs", tmp_path)
    operations = set(re.findall(r'class="opblock-summary-path" data-path="([^"]+)"', dom))
    assert {"/api/actors/{actor_id}", "/api/search", "/healthz"} <= operations, dom[-2000:]
