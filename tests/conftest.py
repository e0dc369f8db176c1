"""Shared fixtures: the sample corpus loaded once into a real embedded store, and a real served app."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import fastapi.routing
import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app, http_server
from api.settings import Settings
from graph.stores import GraphStore, StoreConfig, open_store
from graph.stores.lock import WAIT
from loaders.pipeline import load_paths

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


def embedded(path: str | Path, read_only: bool = False, lock_wait: float = WAIT) -> GraphStore:
    """The embedded store at `path`, opened the way the CLI and the API open it."""
    return open_store(StoreConfig(db=str(path), lock_wait=lock_wait), read_only=read_only)


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_result():
    result = load_paths([SAMPLES])
    assert not result.errors, result.errors
    return result


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, sample_result) -> str:
    path = str(tmp_path_factory.mktemp("db") / "samples.lbug")
    with embedded(path) as store:
        store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_store(source: str | Path, target: Path) -> str:
    """A copy of a closed embedded store (a served store is its server's alone: tests that read the samples
    beside a server read their own copy)."""
    for suffix in ("", ".wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return str(target)


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """`app` served by uvicorn as `policykg serve` runs it, on a free loopback port; yields its base URL."""
    port = _free_port()
    instance = http_server(app, "127.0.0.1", port, log_level="warning")
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/healthz", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """An app made with `settings`, served for the length of the block (it owns its store until then)."""
    with served(create_app(settings)) as base:
        yield base


def get_routes(app: FastAPI) -> list:
    """Every GET route of the app with its full path, those of included routers too (FastAPI 0.16x keeps
    included routers nested: `iter_route_contexts` flattens them; older versions list them flat)."""
    flatten = getattr(fastapi.routing, "iter_route_contexts", list)
    return [r for r in flatten(app.routes) if "GET" in (r.methods or ())]


@pytest.fixture(scope="session")
def app(sample_db, tmp_path_factory) -> FastAPI:
    """The app over a copy of the samples (the app owns its store); without a rate limit, since the whole suite
    calls it from one address."""
    db = copy_store(sample_db, tmp_path_factory.mktemp("served") / "samples.lbug")
    return create_app(Settings(db=db, rate_limit=0))


@pytest.fixture(scope="session")
def server(app) -> Iterator[str]:
    """The samples served for as long as the test session runs."""
    with served(app) as base:
        yield base


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path
