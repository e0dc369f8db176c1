"""The worker pool: a task that segfaults, hangs, runs out of memory or raises ends as a Failure naming what
happened; the caller and the other tasks go on, and the pool keeps working."""

from __future__ import annotations

import ctypes
import os
import time

import pytest

from graph.isolation import Failure, WorkerPool


def double(x: int) -> int:
    return 2 * x


def segfault(_: int) -> None:
    ctypes.string_at(0)  # reads address 0: SIGSEGV, as a crashing C library would


def hang(_: int) -> None:
    time.sleep(60)


def hog(_: int) -> bytearray:
    return bytearray(4 << 30)


def recurse(x: int) -> int:
    return recurse(x + 1)


def worker_pid(_: int) -> int:
    return os.getpid()


def run(task: str, x: int) -> object:
    return globals()[task](x)


@pytest.mark.parametrize(("task", "kind", "detail"), [
    ("segfault", "crash", "crashed (SIGSEGV)"),
    ("hang", "timeout", "took longer than 1 s"),
    ("hog", "memory", "ran out of memory (a task may use 512 MB)"),
    ("recurse", "error", "RecursionError: maximum recursion depth exceeded (at tests/test_isolation.py:"),
])
def test_a_failing_task_is_reported_and_the_others_finish(task, kind, detail):
    tasks = [("double", 0), (task, 1), ("double", 2), ("double", 3), ("double", 4)]
    with WorkerPool(2, memory_bytes=512 << 20) as pool:
        started = time.monotonic()
        outcomes = dict(pool.map(run, tasks, seconds=1))
        assert time.monotonic() - started < 30
        assert pool.call(double, 5) == 10  # the pool still works
    failure = outcomes.pop(1)
    assert outcomes == {0: 0, 2: 4, 3: 6, 4: 8}
    assert isinstance(failure, Failure) and failure.kind == kind and failure.detail.startswith(detail)


def test_results_come_back_in_any_order_with_their_index():
    with WorkerPool(2) as pool:
        assert dict(pool.map(double, [(i,) for i in range(10)])) == {i: 2 * i for i in range(10)}
        assert pool.call(double, 21) == 42


def test_a_crashed_worker_is_replaced():
    with WorkerPool(1) as pool:
        first = pool.call(worker_pid, 0)
        assert pool.call(worker_pid, 0) == first  # a healthy worker is kept
        assert isinstance(pool.call(segfault, 0), Failure)
        assert pool.call(worker_pid, 0) not in (first, None)
