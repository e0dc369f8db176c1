"""Shared fixtures: the sample corpus loaded once into a real embedded store, and a real served app."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
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
def serving(settings: Settings) -> Iterator[str]:
    """The API served by a real uvicorn on a free loopback port for the length of the block; its base URL."""
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/api/stats", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(sample_db, tmp_path_factory) -> Iterator[str]:
    """The samples served for as long as the test session runs."""
    db = copy_store(sample_db, tmp_path_factory.mktemp("served") / "samples.lbug")
    with serving(Settings(db=db)) as base:
        yield base


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path
