"""Who may open the embedded store: one writer or many readers, across processes.

LadybugDB locks its file against a second read-write open, but a read-only open from another process succeeds
while a writer holds it, and then reads pages the writer is changing (torn reads). So every policykg process
first takes an advisory lock on `<db>.lock` beside the database: a writer (`policykg load`, and `policykg
serve`, which owns the store while it runs) exclusively, a reader (`stats`, `export`, `cypher`, `analytics`)
shared. A writer waits briefly for readers to finish, a reader briefly for a writer; then each refuses with a
message that says who holds the store. The kernel releases the lock when its process dies, even by kill -9.

While `policykg serve` runs it records itself in `<db>.serve.json` (pid, url), so that a refused command can
name the server to load through (`policykg load --server URL`).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from graph.stores.base import StoreError

WAIT = 10.0  # seconds a command waits for the store to be free before it refuses
_POLL = 0.1


class StoreBusy(StoreError):
    """The store is held by another process (a server, a load, or readers)."""


@dataclass(frozen=True)
class Server:
    """A `policykg serve` that owns the store."""

    pid: int
    url: str


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def serve_path(db: Path) -> Path:
    return db.with_name(db.name + ".serve.json")


def serving(db: Path) -> Server | None:
    """The server recorded beside the database, if its process is still alive."""
    try:
        info = json.loads(serve_path(db).read_text(encoding="utf-8"))
        server = Server(int(info["pid"]), str(info["url"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(server.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, owned by another user
    return server


def record_server(db: Path, url: str) -> None:
    serve_path(db).write_text(json.dumps({"pid": os.getpid(), "url": url}), encoding="utf-8")


def forget_server(db: Path) -> None:
    server = serving(db)
    if server is None or server.pid == os.getpid():
        serve_path(db).unlink(missing_ok=True)


class StoreLock:
    """The advisory lock on `<db>.lock`, taken at open and released at close."""

    def __init__(self, db: Path, exclusive: bool, wait: float = WAIT) -> None:
        self.db = db
        self.exclusive = exclusive
        path = lock_path(db)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            self._acquire(exclusive, wait)
        except BaseException:
            os.close(self._fd)
            raise

    def _acquire(self, exclusive: bool, wait: float) -> None:
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self._fd, mode)
                return
            except BlockingIOError:
                server = serving(self.db)
                if server is not None or time.monotonic() >= deadline:
                    raise StoreBusy(busy_message(self.db, exclusive, server, wait)) from None
                time.sleep(_POLL)

    def try_exclusive(self) -> bool:
        """Upgrade a shared lock to exclusive if no other process holds the store (a reader repairing it).
        Linux drops the old lock before it tries the new one, so a failed upgrade takes the shared lock again."""
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            self._acquire(exclusive=False, wait=WAIT)
            return False

    def share(self) -> None:
        """Back from exclusive to shared (a writer may slip in between: then this waits like any reader)."""
        self._acquire(exclusive=False, wait=WAIT)

    def release(self) -> None:
        if self._fd >= 0:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = -1


def busy_message(db: Path, exclusive: bool, server: Server | None, wait: float) -> str:
    if server is not None:
        how = (f"load through it: policykg load --server {server.url} PATH…" if exclusive
               else f"read it through the server's API ({server.url}/api/…)")
        return (f"the graph database at {db} is served by policykg serve (pid {server.pid}, {server.url}), which is "
                f"its only writer: {how}, or stop the server first")
    if exclusive:
        return (f"the graph database at {db} is in use by another policykg command (a load, or a reader such as "
                f"stats, export, cypher or analytics); waited {wait:g} s: try again when it has finished")
    return (f"the graph database at {db} is being written by another policykg command (a load); waited {wait:g} s: "
            f"try again when it has finished")
