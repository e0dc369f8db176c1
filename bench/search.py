"""`make bench-search`: search on a large embedded store, through the served app.

1. The in-app word index (graph/search_index.py): how long a build takes and how much memory the process holds.
2. /api/search answered by the word index and by the store's CONTAINS queries (what answers while the index
   is built), each under CLIENTS concurrent clients sending distinct queries (one to three words drawn from the
   index's vocabulary, so hardly any answer comes from the response cache): p50, p95, p99 per path.

    python -m bench.search --db STORE      # a store loaded before (bench.scale --keep DIR leaves DIR/scale.lbug)
    python -m bench.search --docs 2000     # generate and load a corpus first
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from api.app import create_app
from api.settings import Settings
from bench.corpus import generate
from graph.search_index import SearchIndex, SearchIndexes
from graph.stores import StoreConfig, open_store
from loaders.pipeline import load_paths
from tests.conftest import served

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
CLIENTS = 8


class _NoIndex:
    """No word index: every search goes to the store, as it does while an index is being built."""

    def current(self, store: object, version: int) -> None:
        return None

    def settle(self, timeout: float = 0) -> None:
        return None


def _words(index: SearchIndex, rng: random.Random, count: int) -> list[str]:
    """Queries of one to three words the measures hold (Chinese words of two to four characters)."""
    vocabulary = [w for w in index.kinds["measures"]._all.words if 2 <= len(w) <= 4 and "\u4e00" <= w[0] <= "\u9fff"]
    return [" ".join(rng.sample(vocabulary, rng.choice((1, 1, 2, 3)))) for _ in range(count)]


def _load(base: str, queries: list[str], seconds: float) -> dict[str, float]:
    timings: list[float] = []
    lock, position = threading.Lock(), iter(range(len(queries)))
    deadline = time.monotonic() + seconds

    def client() -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            while time.monotonic() < deadline:
                with lock:
                    at = next(position, None)
                if at is None:
                    return
                started = time.perf_counter()
                assert http.get("/api/search", params={"q": queries[at], "limit": 20}).status_code == 200
                with lock:
                    timings.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(timings, n=100)
    return {"requests": len(timings), "p50": cuts[49] * 1000, "p95": cuts[94] * 1000, "p99": cuts[98] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an embedded store to search (it is copied)")
    parser.add_argument("--docs", type=int, default=2000, help="without --db: documents to generate and load")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each load test")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="policykg-search-"))
    try:
        db = work / "search.lbug"
        if args.db:
            shutil.copyfile(args.db, db)
        else:
            result = load_paths(generate(SAMPLES, work / "corpus", args.docs))
            with open_store(StoreConfig(db=str(db))) as store:
                store.replace_documents([d.doc_id for d in result.documents], result.graph)
        with open_store(StoreConfig(db=str(db)), read_only=True) as store, store.reader() as reader:
            for jobs in (os.cpu_count() or 1, 0):
                before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                started, cpu = time.perf_counter(), time.process_time()
                index = SearchIndex.build(reader, jobs=jobs)
                print(f"index build, {f'{jobs} worker processes' if jobs else 'in this process'}: "
                      f"{time.perf_counter() - started:.1f} s ({time.process_time() - cpu:.1f} s of this process's CPU); "
                      f"peak memory {before:.0f} → {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
                      + ", ".join(f"{len(k.ids)} {kind}" for kind, k in index.kinds.items()))
        queries = _words(index, random.Random(7), 100_000)
        del index
        for path, indexes in (("word index", SearchIndexes()), ("store (CONTAINS)", _NoIndex())):
            app = create_app(Settings(db=str(db), rate_limit=0, request_timeout=0))
            app.state.search_indexes = indexes
            with served(app) as base:
                indexes.current(app.state.store, app.state.store.version())
                indexes.settle(600)
                report = _load(base, queries[:: 2 if path == "word index" else 3], args.seconds)
            print(f"/api/search, {path}, {CLIENTS} clients, {args.seconds:.0f} s: {report['requests']} distinct queries, "
                  f"p50 {report['p50']:.0f} ms, p95 {report['p95']:.0f} ms, p99 {report['p99']:.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
