"""Loading while a server answers 20 concurrent clients: every response is the old graph or the new one
(whole answers compared, so counts and ids), never a mix, never an error. The fast run is part of `make test`;
`make fuzz` repeats it ten times (marker `slow`)."""

import random
import threading

import httpx
import pytest

from api.settings import Settings
from tests.conftest import copy_store, serving

TOKEN = "concurrency-test-token"
CLIENTS = 20
# Two versions of one plan: other measures, bodies, targets and topics, so that every checked answer differs.
PLANS = {
    "old": """某市节水行动方案
一、主要任务
1. 推广节水器具。新建节水示范小区{n}个。（牵头单位：市水利局；配合单位：市住建局）
2. 开展节水宣传。组织节水宣传进社区活动。（市委宣传部负责）
""",
    "new": """某市节水行动方案
一、主要任务
1. 推广节水器具。新建节水示范小区{n}个，改造供水管网50公里。（牵头单位：市水利局；配合单位：市财政局）
2. 建设节水型单位。到2026年，公共机构节水型单位建成率达到80%以上。（市机关事务管理局负责）
3. 开展节水宣传。组织节水宣传进校园活动。（市教育局、市委宣传部负责）
""",
}
CHECKED = ["/api/stats", "/api/documents?limit=1000", "/api/actors?limit=1000", "/api/targets?limit=1000",
           "/api/topics?limit=1000", "/api/search?q=节水", "/api/analytics?top=1000", "/"]


def _upload(url: str, version: str) -> None:
    files = {"files": ("plan.txt", PLANS[version].format(n=30).encode())}
    response = httpx.post(url + "/api/documents", files=files, headers={"Authorization": f"Bearer {TOKEN}"},
                          timeout=60)
    assert response.status_code == 200 and response.json()["loaded"] == 1, response.text


def _answer(response: httpx.Response) -> object:
    """What a response says about the graph: the body, less the graph version an analytics report carries."""
    if response.headers["content-type"].startswith("text/html"):
        return response.text
    body = response.json()
    if isinstance(body, dict):
        body.pop("version", None)
    return body


def _snapshot(client: httpx.Client, paths: list[str]) -> dict[str, object]:
    return {path: _answer(client.get(path)) for path in paths}


def one_run(url: str, loads: int, seed: int) -> int:
    """Answers of both graph versions, then clients reading while `loads` uploads alternate the versions;
    returns how many responses were checked."""
    client = httpx.Client(base_url=url, timeout=60)
    _upload(url, "old")
    water = next(a["id"] for a in client.get("/api/actors?limit=1000").json()["items"] if a["name"] == "市水利局")
    paths = [*CHECKED, f"/api/actors/{water}"]
    expected = {"old": _snapshot(client, paths)}
    _upload(url, "new")
    expected["new"] = _snapshot(client, paths)
    for path in paths:
        assert expected["old"][path] != expected["new"][path], f"{path} does not tell the versions apart"
    done = threading.Event()
    failures: list[str] = []
    checked = [0] * CLIENTS

    def read(index: int) -> None:
        rng = random.Random(seed * 100 + index)
        with httpx.Client(base_url=url, timeout=60) as reader:
            while not done.is_set() and not failures:
                path = rng.choice(paths)
                response = reader.get(path)
                if response.status_code != 200:
                    failures.append(f"{path}: {response.status_code} {response.text[:300]}")
                elif _answer(response) not in (expected["old"][path], expected["new"][path]):
                    failures.append(f"{path}: an answer that is neither graph: {response.text[:300]}")
                checked[index] += 1

    threads = [threading.Thread(target=read, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        for i in range(loads):
            _upload(url, "old" if i % 2 == 0 else "new")
    finally:
        done.set()
        for thread in threads:
            thread.join(timeout=120)
    assert not failures, failures[:5]
    assert _snapshot(client, paths) == expected["old" if loads % 2 else "new"]
    client.close()
    return sum(checked)


@pytest.fixture()
def served(sample_db, tmp_path):
    # Twenty clients from one address: the per-client rate limit would refuse them, which is not under test.
    with serving(Settings(db=copy_store(sample_db, tmp_path / "db.lbug"), api_token=TOKEN, rate_limit=0)) as url:
        yield url


def test_readers_see_the_old_graph_or_the_new_one_while_loads_run(served):
    assert one_run(served, loads=4, seed=1) > 4 * CLIENTS


@pytest.mark.slow
@pytest.mark.parametrize("run", range(10))
def test_ten_runs_of_loads_under_twenty_clients(served, run):
    assert one_run(served, loads=8, seed=run + 2) > 8 * CLIENTS
