"""Run functions in worker processes that are allowed to fail badly.

A task that crashes its worker (a segfault in a C library), runs past its time limit, runs out of the memory
its worker may use (RLIMIT_AS) or raises (a bug) ends as a `Failure` naming what happened; the caller and
the other tasks go on, and the worker is replaced. `concurrent.futures` cannot do this: one dead worker
breaks its whole pool.

Workers are started with `spawn`: they inherit no threads, locks or open database files from the caller.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Literal

__all__ = ["Failure", "WorkerPool"]

_CONTEXT = multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _main_not_rerun() -> Iterator[None]:
    """Start a worker without re-running the calling script in it (spawn's default): the worker needs only the
    modules of its tasks, not the CLI with its store, driver and HTTP client (about 60 MB and a second each)."""
    main = sys.modules["__main__"]
    path = getattr(main, "__file__", None)
    spec = getattr(main, "__spec__", None)
    if path is None or spec is not None:  # run as a module (-m) or interactively: spawn imports by name or nothing
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path
STARTUP_SECONDS = 120.0  # for a worker to import and initialise before its first task's clock starts
_RUNNING = object()


@dataclass(frozen=True)
class Failure:
    """Why a task gave no result."""

    kind: Literal["timeout", "memory", "crash", "error"]
    detail: str  # "timed out after 60 s", "crashed (SIGSEGV)", "RecursionError: … (loaders/x.py:12)"


def _where(exc: BaseException) -> str:
    """The innermost frame of a traceback, for a bug report."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    frame = frames[-1]
    path = os.path.relpath(frame.filename)
    if path.startswith(".."):  # a library's file: its last two parts say which
        path = os.path.join(*frame.filename.split(os.sep)[-2:])
    return f" (at {path}:{frame.lineno})"


def _cap_memory(headroom: int) -> None:
    """Let this process map at most `headroom` bytes more than it has mapped now (RLIMIT_AS)."""
    with open("/proc/self/statm") as statm:
        mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (mapped + headroom, resource.getrlimit(resource.RLIMIT_AS)[1]))


def _serve(conn: Connection, memory_bytes: int | None, initializer: Callable[..., None] | None,
           initargs: tuple[Any, ...]) -> None:
    """A worker's life: initialise, cap its memory, then run tasks until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    if initializer is not None:
        initializer(*initargs)
    if memory_bytes is not None:
        _cap_memory(memory_bytes)
    conn.send(("ready", None))  # a task's time limit starts now, not while the worker imports and warms up
    while (task := conn.recv()) is not None:
        fn, args = task
        try:
            conn.send(("ok", fn(*args)))
        except MemoryError:
            conn.send(("memory", ""))
            return  # the heap may be in any state: a fresh worker takes over
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}{_where(exc)}"))


class _Worker:
    def __init__(self, memory_bytes: int | None, initializer: Callable[..., None] | None,
                 initargs: tuple[Any, ...]) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child, memory_bytes, initializer, initargs),
                                        daemon=True)
        with _main_not_rerun():
            self.process.start()
        child.close()
        self.ready = False
        self.task: int | None = None  # index of the task it runs
        self.seconds: float | None = None  # its time limit, counted from when the worker is ready
        self.deadline = float("inf")

    def start(self, task: int, fn: Callable[..., Any], args: tuple[Any, ...], seconds: float | None) -> None:
        self.task, self.seconds = task, seconds
        self.deadline = time.monotonic() + (seconds or float("inf")) + (0 if self.ready else STARTUP_SECONDS)
        self.conn.send((fn, args))

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):  # already gone
                self.conn.send(None)
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _crash_detail(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"crashed ({signal.Signals(-exitcode).name})"
        except ValueError:
            return f"crashed (signal {-exitcode})"
    return f"crashed (exit status {exitcode})"


class WorkerPool:
    """Up to `size` workers, each set up by `initializer(*initargs)`, after which its tasks may map at most
    `memory_bytes` more (RLIMIT_AS); each task runs in one of them, in isolation from the others."""

    def __init__(self, size: int, memory_bytes: int | None = None,
                 initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.size = size
        self.memory_bytes = memory_bytes
        self._initializer = initializer
        self._initargs = initargs
        self._idle: list[_Worker] = []

    def _worker(self) -> _Worker:
        return self._idle.pop() if self._idle else _Worker(self.memory_bytes, self._initializer, self._initargs)

    def call(self, fn: Callable[..., Any], *args: Any, seconds: float | None = None) -> Any:
        """fn(*args) in a worker: its result, or a Failure."""
        return next(self.map(fn, [args], seconds))[1]

    def map(self, fn: Callable[..., Any], arguments: Iterable[tuple[Any, ...]],
            seconds: float | None = None) -> Iterator[tuple[int, Any]]:
        """(index, result or Failure) for fn(*args) over `arguments`, in the order they finish; a task that
        runs longer than `seconds` is stopped. Closing the iterator early stops the tasks still running."""
        pending = deque(enumerate(arguments))
        busy: list[_Worker] = []
        try:
            while pending or busy:
                while pending and len(busy) < self.size:
                    index, args = pending.popleft()
                    worker = self._worker()
                    worker.start(index, fn, args, seconds)
                    busy.append(worker)
                yield from self._collect(busy)
        finally:
            for worker in busy:
                worker.stop(kill=True)

    def _collect(self, busy: list[_Worker]) -> Iterator[tuple[int, Any]]:
        """Wait for the first worker to answer, die or run out of time; yield what it did."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                         timeout=None if timeout == float("inf") else timeout))
        now = time.monotonic()
        for worker in list(busy):
            outcome, healthy = self._outcome(worker, ready, now)
            if outcome is _RUNNING:
                continue
            busy.remove(worker)
            index = worker.task
            if healthy:
                self._idle.append(worker)
            else:
                worker.stop(kill=True)
            yield index, outcome

    def _outcome(self, worker: _Worker, ready: set[Any], now: float) -> tuple[Any, bool]:
        """(result or Failure, whether the worker can take another task); _RUNNING while it runs."""
        if worker.conn in ready:
            try:
                status, value = worker.conn.recv()
            except (EOFError, OSError):
                worker.process.join(timeout=5)
                return Failure("crash", _crash_detail(worker.process.exitcode)), False
            if status == "ready":
                worker.ready = True
                worker.deadline = now + (worker.seconds or float("inf"))
                return _RUNNING, True
            if status == "ok":
                return value, True
            if status == "memory":
                limit = self.memory_bytes
                cap = f" (a task may use {limit // 2**20} MB)" if limit else ""
                return Failure("memory", f"ran out of memory{cap}"), False
            return Failure("error", value), True
        if worker.process.sentinel in ready:
            worker.process.join(timeout=5)
            return Failure("crash", _crash_detail(worker.process.exitcode)), False
        if now >= worker.deadline:
            if not worker.ready:
                return Failure("crash", f"did not start within {STARTUP_SECONDS:g} s"), False
            return Failure("timeout", f"took longer than {worker.seconds:g} s"), False
        return _RUNNING, True

    def close(self) -> None:
        while self._idle:
            self._idle.pop().stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
