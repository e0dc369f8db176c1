"""`make bench`: parse-and-extract throughput on one core in process and through the isolated worker
processes of `policykg load --jobs N`, bulk-write throughput into the embedded store, and peak memory, on a
generated corpus.  Prints the figures and the machine."""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path

from bench.corpus import generate
from graph.model import PolicyGraph
from graph.stores import StoreConfig, open_store
from loaders.pipeline import load_document, load_paths

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
WRITE_RUNS = 3


def _extract(paths: list[Path], jobs: int) -> list[tuple[str, PolicyGraph]]:
    result = load_paths(paths, strict=True, jobs=jobs)
    return [(doc.doc_id, doc.graph) for doc in result.documents]


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    corpus = args.keep or work / "corpus"
    cores = os.cpu_count() or 1
    try:
        paths = generate(SAMPLES, corpus, args.docs)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        print(f"machine: {platform.processor() or platform.machine()}, {cores} cores, Python {platform.python_version()}")
        print(f"corpus: {len(paths)} documents, {megabytes:.1f} MB (generated from {SAMPLES.name})")

        load_document(paths[0])  # warm caches: word lists, tokenizer dictionary, IDF table
        start = time.perf_counter()
        results = _extract(paths, jobs=0)
        one = time.perf_counter() - start
        print(f"parse+extract, 1 core, in process:  {len(paths) / one:8.1f} documents/s  {megabytes / one:6.2f} MB/s")
        for jobs in sorted({1, cores}):
            # Wall clock of the isolated path, worker start-up and warm-up included.
            start = time.perf_counter()
            _extract(paths, jobs=jobs)
            seconds = time.perf_counter() - start
            print(f"parse+extract, --jobs {jobs} (isolated): {len(paths) / seconds:8.1f} documents/s  "
                  f"{megabytes / seconds:6.2f} MB/s")

        graph = PolicyGraph()
        for _, doc_graph in results:
            graph.merge(doc_graph)
        runs = []
        for run in range(WRITE_RUNS):
            with open_store(StoreConfig(db=str(work / f"bench-{run}.lbug"))) as store:
                runs.append(store.replace_documents([doc_id for doc_id, _ in results], graph))
        # The median run by node-phase time: single writes on this machine vary by ±30 %.
        times = sorted(runs, key=lambda t: t.write_nodes)[len(runs) // 2]
        total = times.delete + times.write_nodes + times.write_relationships + times.cleanup + times.commit
        print(f"bulk write (LadybugDB, into an empty store, one transaction, median of {WRITE_RUNS}): "
              f"{times.nodes} nodes, {times.relationships} relationships")
        print(f"  nodes:         {times.nodes / times.write_nodes:10,.0f} nodes/s ({times.write_nodes:.2f} s)")
        print(f"  relationships: {times.relationships / times.write_relationships:10,.0f} relationships/s "
              f"({times.write_relationships:.2f} s)")
        print(f"  whole write:   {times.nodes / total:10,.0f} nodes/s, {(times.nodes + times.relationships) / total:,.0f} "
              f"elements/s ({total:.2f} s, commit {times.commit:.2f} s)")
        print(f"peak memory: {_peak_mb():.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
