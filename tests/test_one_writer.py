"""One writer, consistent readers, across processes: a served store refuses direct loads and CLI readers with
a message naming the server, loads go through POST /api/documents (token required), readers and writers of the
embedded store wait briefly for each other and then refuse."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from api.cli import main
from api.settings import Settings, get_settings
from graph.stores import StoreBusy
from graph.stores.lock import serve_path
from tests.conftest import ROOT, _free_port, copy_store, embedded, serving, write

TOKEN = "test-token-of-the-one-writer"
POLICYKG = str(Path(sys.executable).parent / "policykg")
PLAN = """某市节水行动方案
一、主要任务
1. 推广节水器具。新建节水示范小区{n}个。（牵头单位：市水利局；配合单位：市住建局）
2. 开展节水宣传。（市委宣传部负责）
"""


@pytest.fixture()
def served(sample_db, tmp_path):
    """`policykg serve` in its own process on a copy of the samples, with an API token."""
    db = copy_store(sample_db, tmp_path / "served.lbug")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYKG_API_TOKEN": TOKEN}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([POLICYKG, "serve", "--db", db, "--port", str(port)], cwd=ROOT, env=env,
                               stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(url + "/api/stats", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"policykg serve did not start: {(tmp_path / 'serve.log').read_text()}")
    yield db, url, process
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)
    log.close()


def test_a_served_store_refuses_direct_loads_and_readers_and_names_the_server(served, tmp_path):
    db, url, process = served
    plan = write(tmp_path, "plan.txt", PLAN.format(n=5))
    direct = CliRunner().invoke(main, ["load", str(plan), "--db", db])
    assert direct.exit_code == 1
    assert f"pid {process.pid}" in direct.output and f"policykg load --server {url}" in direct.output
    for command in (["stats"], ["cypher", "RETURN 1 AS x"], ["export", "--out", str(tmp_path / "g.json")],
                    ["analytics"]):
        refused = CliRunner().invoke(main, [*command, "--db", db])
        assert refused.exit_code != 0 and "served by policykg serve" in refused.output, command
    assert httpx.get(url + "/api/documents").json()["total"] == 4  # nothing was written


def test_load_through_the_server(served, tmp_path):
    db, url, process = served
    plan = write(tmp_path, "plan.txt", PLAN.format(n=5))
    bad = write(tmp_path, "empty.txt", "")
    before = httpx.get(url + "/api/analytics").json()["version"]
    loaded = CliRunner().invoke(main, ["load", "--server", url, "--token", TOKEN, str(plan), str(bad)])
    assert loaded.exit_code == 1, loaded.output  # one file was bad
    assert "loaded 1 document(s) through" in loaded.output and "skipped empty.txt" in loaded.output
    assert httpx.get(url + "/api/documents").json()["total"] == 5
    assert httpx.get(url + "/api/analytics").json()["version"] == before + 1  # a new version, a new report
    again = CliRunner().invoke(main, ["load", "--server", url, "--token", TOKEN, str(plan)])
    assert again.exit_code == 0 and "loaded 0 document(s), 1 unchanged" in again.output
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)
    assert not serve_path(Path(db)).exists()  # the server forgot itself at exit
    with embedded(db, read_only=True) as store:
        assert store.query("documents_count", {"region": "", "title": ""})[0]["total"] == 5


def test_uploads_need_the_token(tmp_path, sample_db):
    plan = write(tmp_path, "plan.txt", PLAN.format(n=5))
    files = {"files": ("plan.txt", plan.read_bytes())}
    with serving(Settings(db=copy_store(sample_db, tmp_path / "open.lbug"))) as url:
        closed = httpx.post(url + "/api/documents", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
        assert closed.status_code == 403 and "POLICYKG_API_TOKEN" in closed.json()["error"]["message"]
    with serving(Settings(db=copy_store(sample_db, tmp_path / "token.lbug"), api_token=TOKEN)) as url:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            refused = httpx.post(url + "/api/documents", files=files, headers=headers)
            assert refused.status_code == 401, headers
        assert httpx.get(url + "/api/documents").json()["total"] == 4
        accepted = httpx.post(url + "/api/documents", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
        assert accepted.status_code == 200
        report = accepted.json()
        assert report["loaded"] == 1 and report["files"][0]["status"] == "loaded" and report["version"] >= 2


def test_an_upload_reports_every_file_and_strict_writes_nothing(tmp_path, sample_db):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    good = ("files", ("plan.txt", PLAN.format(n=5).encode()))
    empty = ("files", ("empty.txt", b""))
    with serving(Settings(db=copy_store(sample_db, tmp_path / "db.lbug"), api_token=TOKEN)) as url:
        strict = httpx.post(url + "/api/documents", files=[good, empty], headers=headers, params={"strict": True},
                            timeout=60)
        assert strict.status_code == 422 and "empty.txt" in strict.json()["error"]["message"]
        assert httpx.get(url + "/api/documents").json()["total"] == 4
        report = httpx.post(url + "/api/documents", files=[good, empty], headers=headers, timeout=60).json()
        assert {f["file"]: f["status"] for f in report["files"]} == {"plan.txt": "loaded", "empty.txt": "error"}
        assert "empty" in next(f["reason"] for f in report["files"] if f["status"] == "error")
        twice = httpx.post(url + "/api/documents", files=[good, good], headers=headers, timeout=60)
        assert twice.status_code == 422 and "twice" in twice.json()["error"]["message"]
        sneaky = httpx.post(url + "/api/documents", files=[("files", ("../../etc/x.txt", b"x"))], headers=headers,
                            timeout=60)  # each upload starts a parsing worker: seconds on a busy machine
        assert sneaky.status_code == 200 and sneaky.json()["files"][0]["file"] == "x.txt"  # the base name only


def test_readers_and_writers_of_the_embedded_store_wait_then_refuse(tmp_path, samples, monkeypatch):
    db = tmp_path / "db.lbug"
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(samples), "--db", str(db)]).exit_code == 0
    monkeypatch.setenv("POLICYKG_LOCK_WAIT", "0.5")
    get_settings.cache_clear()
    monkeypatch.setattr("api.settings.get_settings", get_settings)
    with embedded(db, read_only=True) as reader, embedded(db, read_only=True):  # readers share the store
        started = time.monotonic()
        refused = runner.invoke(main, ["load", str(samples), "--db", str(db)])
        assert refused.exit_code == 1 and "in use by another policykg command" in refused.output
        assert time.monotonic() - started >= 0.5
        assert reader.stats()["nodes"]["Document"] >= 4
    with embedded(db) as writer:
        with pytest.raises(StoreBusy, match="being written"):
            embedded(db, read_only=True, lock_wait=0.2)
        writer.stats()
    assert runner.invoke(main, ["stats", "--db", str(db)]).exit_code == 0  # free again
    get_settings.cache_clear()
