"""Analytics reports kept per (graph version, scope), each computed once.

A report depends only on the committed graph, so it is valid until the next write raises the graph version.
Concurrent requests for the same version and scope wait for one computation instead of starting their own;
a report for an older version is dropped once one for a newer version is kept. `warm` computes the default
scope in a background thread (at start-up and after each write), so the first visitor does not wait.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future

from graph.analytics import Report, Scope, analyse
from graph.stores.base import GraphReader, GraphStore, StoreError

Key = tuple[int, Scope]
DEFAULT = Scope()  # the whole graph, every role: what the start of the analytics page asks for


class AnalyticsCache:
    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._done: OrderedDict[Key, Report] = OrderedDict()
        self._running: dict[Key, Future[Report]] = {}
        self._warming: list[threading.Thread] = []

    def report(self, reader: GraphReader, scope: Scope = DEFAULT) -> Report:
        """The report for `scope` at the graph version `reader` sees."""
        key = (reader.version(), scope)
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                return self._done[key]
            running = self._running.get(key)
            if running is None:
                running = self._running[key] = Future()
                owner = True
            else:
                owner = False
        if not owner:
            return running.result()
        try:
            report = analyse(reader, scope)
        except BaseException as exc:
            running.set_exception(exc)
            with self._lock:
                del self._running[key]
            raise
        with self._lock:
            del self._running[key]
            self._keep(key, report)
        running.set_result(report)
        return report

    def _keep(self, key: Key, report: Report) -> None:
        newest = max((version for version, _ in self._done), default=key[0])
        if key[0] < newest:
            return  # a reader of an old snapshot asked: answer it, do not keep it
        for old in [k for k in self._done if k[0] < key[0]]:
            del self._done[old]
        self._done[key] = report
        while len(self._done) > self._size:
            self._done.popitem(last=False)

    def warm(self, store: GraphStore, scope: Scope = DEFAULT) -> threading.Thread:
        """Compute `scope` at the current graph version in a background thread."""

        def work() -> None:
            try:
                with store.reader() as reader:
                    self.report(reader, scope)
            except StoreError:
                pass  # the store is closing or failing; a request will report it

        thread = threading.Thread(target=work, name="analytics-warm", daemon=True)
        with self._lock:
            self._warming = [t for t in self._warming if t.is_alive()] + [thread]
        thread.start()
        return thread

    def settle(self, timeout: float = 30.0) -> None:
        """Wait for background computations to end (before the store closes under them)."""
        with self._lock:
            warming = list(self._warming)
        for thread in warming:
            thread.join(timeout)
