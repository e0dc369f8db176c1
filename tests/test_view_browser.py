"""The who-owns-what view, rendered by a real headless Chromium with no network beyond loopback."""

import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (make test installs it)")
def test_ownership_view_draws_the_network_offline(server, tmp_path):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             "--virtual-time-budget=15000"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", server + "/view/ownership"],
                         capture_output=True, text=True, timeout=120).stdout
    drawn = re.search(r'data-nodes="(\d+)"', dom)
    assert drawn and int(drawn.group(1)) > 50, dom[-2000:]
    assert "<canvas" in dom
