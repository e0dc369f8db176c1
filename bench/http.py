"""`make bench-http`: what the serving middlewares (api/security.py: headers, HEAD, rate limit, URL and body
checks, request timeout) cost per request. The samples are loaded into a temporary store; the same app is
served with its middlewares (rate limit high enough never to refuse) and without them, in alternating
rounds, and sequential keep-alive requests over loopback are timed. Prints p50 and p99 per endpoint."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from fastapi import FastAPI

from api.app import create_app
from api.ratelimit import TokenBuckets
from api.settings import Settings
from graph.stores import StoreConfig, open_store
from loaders.pipeline import load_paths
from tests.conftest import served

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
ENDPOINTS = ("/healthz", "/api/stats", "/api/actors")


def _timed(app: FastAPI, path: str, requests: int) -> tuple[float, float]:
    """p50 and p99 in milliseconds of `requests` sequential GETs of `path`, after a warm-up."""
    with served(app) as base, httpx.Client(base_url=base) as client:
        for _ in range(100):
            client.get(path)
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(path).raise_for_status()
            times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1e3, times[int(len(times) * 0.99)] * 1e3


def _bare(settings: Settings) -> FastAPI:
    """The same app without its middlewares (Starlette builds the stack at the first request)."""
    app = create_app(settings)
    app.user_middleware.clear()
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "samples.lbug")
        result = load_paths([SAMPLES])
        with open_store(StoreConfig(db=db)) as store:
            store.replace_documents([d.doc_id for d in result.documents], result.graph)
        settings = Settings(db=db, rate_limit=1_000_000, rate_burst=1_000_000)
        print(f"{args.requests} sequential requests per figure, loopback, keep-alive; p50 / p99 in ms")
        for path in ENDPOINTS:
            for round_ in range(args.rounds):
                with_ = _timed(create_app(settings), path, args.requests)
                without = _timed(_bare(settings), path, args.requests)
                print(f"{path:12s} round {round_ + 1}: with middlewares {with_[0]:6.2f} / {with_[1]:6.2f}   "
                      f"without {without[0]:6.2f} / {without[1]:6.2f}")
    buckets, takes = TokenBuckets(per_minute=600, burst=100), 200_000
    start = time.perf_counter()
    for i in range(takes):
        buckets.take(f"10.0.{i % 250}.{i % 199}")
    print(f"rate limiter: {takes / (time.perf_counter() - start):,.0f} decisions/s over 10,000 client addresses")


if __name__ == "__main__":
    main()
