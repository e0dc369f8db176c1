"""`make bench-pages`: how long the heaviest pages take to render (api/pages): the page of the document with the
most measures, the page of the busiest body, the deadline board and the lists, each the first time after the
server starts (every query computed) and again (its named queries answered from the cache). A store given with
--db is served as it is (copy it first: the server owns it while it runs); without one the samples are loaded
into a temporary store. Prints milliseconds and page sizes."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from api.app import create_app
from api.pages.lists import everything
from api.settings import Settings
from graph.stores import StoreConfig, open_store
from loaders.pipeline import load_paths
from tests.conftest import served

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
SETTLE = 5  # seconds: the server warms its loaders and the default analytics report in the background at start-up
LISTS = ("/", "/documents", "/actors", "/targets", "/topics", "/cited", "/deadlines", "/deadlines?bucket=overdue")


def heaviest(db: str) -> tuple[str, str]:
    """The id of the document with the most measures and of the body with the most."""
    with open_store(StoreConfig(db=db), read_only=True) as store, store.reader() as reader:
        documents = everything(reader, "page_documents", region="", issuer="", year="", sort="title")
        document = max(documents, key=lambda d: d["measures"])["id"]
        body = reader.query("page_actors", {"region": "", "kind": "", "level": "", "name": "", "sort": "measures",
                                            "offset": 0, "limit": 1})[0]["id"]
    return document, body


def timed(db: str, paths: list[str], again: int) -> None:
    settings = Settings(db=db, rate_limit=0, request_timeout=0)
    with served(create_app(settings)) as base, httpx.Client(base_url=base, timeout=600) as client:
        time.sleep(SETTLE)
        print(f"{'page':60s} {'first':>8s} {'again':>8s} {'KB':>6s}")
        for path in paths:
            start = time.perf_counter()
            size = len(client.get(path).raise_for_status().content)
            first = time.perf_counter() - start
            times = []
            for _ in range(again):
                start = time.perf_counter()
                client.get(path).raise_for_status()
                times.append(time.perf_counter() - start)
            print(f"{path[:60]:60s} {first * 1e3:8.0f} {statistics.median(times) * 1e3:8.0f} {size // 1024:6d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="an embedded store to serve (default: the samples, loaded into a temporary one)")
    parser.add_argument("--again", type=int, default=5, help="repeats after the first request (median reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = str(Path(folder) / "samples.lbug")
            result = load_paths([SAMPLES])
            with open_store(StoreConfig(db=db)) as store:
                store.replace_documents([d.doc_id for d in result.documents], result.graph)
        document, body = heaviest(db)
        print(f"heaviest document {document}, busiest body {body}; milliseconds over loopback")
        paths = [f"/documents/{quote(document)}", f"/actors/{quote(body)}", f"/deadlines?actor={quote(body)}",
                 *LISTS, f"/actors/{quote(body)}?format=xlsx"]
        timed(db, paths, args.again)


if __name__ == "__main__":
    main()
