"""Values computed from one committed graph version, kept until a newer version replaces them.

Everything a reader computes (a named query's rows, an analytics report, a rendered view) depends only on the
graph version and its inputs, so it stays valid until a write raises the version. Concurrent requests for the
same value wait for one computation instead of starting their own; values of older versions are dropped once
a value of a newer version is kept; at most `size` values are kept, the least recently used going first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

V = TypeVar("V")


class VersionCache(Generic[V]):
    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._done: OrderedDict[tuple[int, Hashable], V] = OrderedDict()
        self._running: dict[tuple[int, Hashable], Future[V]] = {}
        self._newest = 0

    def get(self, version: int, key: Hashable, compute: Callable[[], V]) -> V:
        """The value for `key` at `version`: kept, being computed by another thread, or computed now."""
        entry = (version, key)
        with self._lock:
            if entry in self._done:
                self._done.move_to_end(entry)
                return self._done[entry]
            running = self._running.get(entry)
            owner = running is None
            if owner:
                running = self._running[entry] = Future()
        if not owner:
            return running.result()
        try:
            value = compute()
        except BaseException as exc:
            with self._lock:
                del self._running[entry]
            running.set_exception(exc)
            raise
        with self._lock:
            del self._running[entry]
            self._keep(entry, value)
        running.set_result(value)
        return value

    def peek(self, version: int, key: Hashable) -> V | None:
        """The value kept for `key` at `version`, if any (nothing is computed)."""
        entry = (version, key)
        with self._lock:
            if entry in self._done:
                self._done.move_to_end(entry)
                return self._done[entry]
        return None

    def put(self, version: int, key: Hashable, value: V) -> None:
        with self._lock:
            self._keep((version, key), value)

    def _keep(self, entry: tuple[int, Hashable], value: V) -> None:
        version = entry[0]
        if version < self._newest:
            return  # a reader of an older snapshot asked: answer it, keep nothing
        if version > self._newest:
            self._newest = version
            self._done.clear()
        self._done[entry] = value
        while len(self._done) > self._size:
            self._done.popitem(last=False)
