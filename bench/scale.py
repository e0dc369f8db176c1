"""`make bench-scale`: 10,000 generated documents through the real commands, then reads under load.

1. Generate the corpus (bench/corpus.py) and load it with `policykg load` (a child process: wall time, peak
   memory, store size).
2. Start `policykg serve` on the store and read it with 20 concurrent clients on loopback for a fixed time,
   over the start page, the network view and the API (lists, details, search, analytics, counts): p50, p95,
   p99 and errors per endpoint.
3. Reload one changed document into the full store through the server (POST /api/documents, and
   `policykg load --server`): its time.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from bench.corpus import generate

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
POLICYKG = str(Path(sys.executable).parent / "policykg")
TOKEN = "bench-scale-token"
CLIENTS = 20
WORDS = ["知识产权", "商业秘密", "专利", "质押融资", "保护", "人才", "品牌", "标准", "服务", "执法"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args: list[str]) -> tuple[float, float, str]:
    """Run a policykg command; its wall time (s), peak memory (MB) and output."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{output[-3000:]}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, output


def _store_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file()) / 1e6


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Targets:
    """What the clients ask for: a mix of pages and endpoints, with ids taken from the served store."""

    def __init__(self, client: httpx.Client) -> None:
        actors = client.get("/api/actors", params={"limit": 200}).json()["items"]
        self.actors = [a["id"] for a in actors]
        self.measures: list[str] = []
        for actor in actors[:40]:
            detail = client.get(f"/api/actors/{actor['id']}", params={"limit": 50}).json()
            self.measures += [m["id"] for m in detail["measures"]["items"]]
        documents = client.get("/api/documents", params={"limit": 1000}).json()
        self.documents = [d["id"] for d in documents["items"]][:20]
        self.document_pages = max(1, documents["total"] // 100)

    def pick(self, rng: random.Random) -> tuple[str, str, dict[str, object]]:
        """(endpoint label, path, query parameters)."""
        choices = [
            ("/", "/", {}),
            ("/api/documents", "/api/documents", {"offset": 100 * rng.randrange(min(self.document_pages, 20))}),
            ("/api/actors", "/api/actors", {"offset": rng.choice([0, 0, 100, 200])}),
            ("/api/actors/{id}", f"/api/actors/{rng.choice(self.actors)}", {}),
            ("/api/measures/{id}", f"/api/measures/{rng.choice(self.measures)}", {}),
            ("/api/targets", "/api/targets", {"offset": 100 * rng.randrange(20)}),
            ("/api/search", "/api/search", {"q": rng.choice(WORDS)}),
            ("/api/analytics", "/api/analytics",
             {} if rng.random() < 0.75 else {"document_id": rng.choice(self.documents)}),
            ("/api/stats", "/api/stats", {}),
            ("/view/ownership", "/view/ownership", {}),
        ]
        return rng.choice(choices)


def load_test(url: str, seconds: float, seed: int = 7) -> dict[str, dict[str, float]]:
    """CLIENTS threads, each asking one request after another for `seconds`; latency and errors per endpoint."""
    with httpx.Client(base_url=url, timeout=120) as client:
        targets = Targets(client)
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client_loop(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        with httpx.Client(base_url=url, timeout=120) as client:
            while time.monotonic() < deadline:
                label, path, params = targets.pick(rng)
                started = time.perf_counter()
                try:
                    ok = client.get(path, params=params).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    timings[label].append(elapsed)
                    errors[label] += 0 if ok else 1

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report = {}
    for label, values in sorted(timings.items()):
        cuts = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        report[label] = {"requests": len(values), "p50": cuts[49] * 1000, "p95": cuts[94] * 1000,
                         "p99": cuts[98] * 1000, "errors": errors[label]}
    return report


def reload_one(url: str, corpus: Path) -> tuple[float, float]:
    """Change one document and load it through the server: (POST seconds, `policykg load --server` seconds)."""
    path = sorted(corpus.glob("*.txt"))[0]
    raw = path.read_bytes()
    encoding = "utf-8" if raw.decode("utf-8", errors="ignore").count("\ufffd") == 0 else "gb18030"
    text = raw.decode(encoding, errors="replace")
    changed = text.replace("2025年", "2026年", 1) if "2025年" in text else text + "\n"
    path.write_bytes(changed.encode(encoding))
    started = time.perf_counter()
    response = httpx.post(url + "/api/documents", files={"files": (path.name, path.read_bytes())},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600)
    posted = time.perf_counter() - started
    if response.status_code != 200 or response.json()["loaded"] != 1:
        raise SystemExit(f"reload failed: {response.status_code} {response.text[:500]}")
    path.write_bytes(raw)  # the original again, through the CLI this time
    seconds, _, _ = _run([POLICYKG, "load", "--server", url, "--token", TOKEN, str(path)])
    return posted, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the load test")
    parser.add_argument("--keep", type=Path, help="a folder for the corpus and the store, kept afterwards")
    parser.add_argument("--reuse", action="store_true", help="with --keep: serve the store loaded there before")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="policykg-scale-"))
    corpus, db = work / "corpus", work / "scale.lbug"
    server = None
    try:
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}")
        if not (args.reuse and db.exists()):
            paths = generate(SAMPLES, corpus, args.docs)
            print(f"corpus: {len(paths)} documents, {sum(p.stat().st_size for p in paths) / 1e6:.0f} MB")
            for stale in db.parent.glob(db.name + "*"):
                stale.unlink()
            seconds, peak, output = _run([POLICYKG, "load", str(corpus), "--db", str(db)])
            print(f"load: {seconds:.0f} s, peak memory {peak:.0f} MB, store {_store_mb(db):.0f} MB")
            print(f"  {output.strip().splitlines()[-1]}")

        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        server = subprocess.Popen([POLICYKG, "serve", "--db", str(db), "--port", str(port)],
                                  env={**os.environ, "POLICYKG_API_TOKEN": TOKEN},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                httpx.get(url + "/api/stats", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        up = time.perf_counter() - started
        httpx.get(url + "/api/analytics", timeout=600)
        print(f"serve: answering after {up:.1f} s, default analytics ready after {time.perf_counter() - started:.1f} s")

        report = load_test(url, args.seconds)
        total = sum(r["requests"] for r in report.values())
        print(f"load test: {CLIENTS} clients, {args.seconds:.0f} s, {total} requests ({total / args.seconds:.0f}/s)")
        print("| endpoint | requests | p50 ms | p95 ms | p99 ms | errors |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for label, r in report.items():
            print(f"| `{label}` | {r['requests']} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | {r['errors']} |")
        posted, via_cli = reload_one(url, corpus)
        print(f"reload one changed document through the server: POST {posted:.2f} s; "
              f"policykg load --server {via_cli:.2f} s (with the command's start-up)")
        print(f"server peak memory: {_peak_mb(server.pid):.0f} MB")
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=120)
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
