"""Analytics reports kept per (graph version, scope), each computed once (graph/version_cache.py).

`warm` computes a scope in a background thread (the default scope at start-up and after each write), so the
first visitor after a load does not wait for it.
"""

from __future__ import annotations

import threading

from graph.analytics import Report, Scope, analyse
from graph.stores.base import GraphReader, GraphStore, StoreError
from graph.version_cache import VersionCache

DEFAULT = Scope()  # the whole graph, every role


class AnalyticsCache:
    def __init__(self, size: int = 64) -> None:
        self._reports: VersionCache[Report] = VersionCache(size)
        self._lock = threading.Lock()
        self._warming: list[threading.Thread] = []

    def report(self, reader: GraphReader, scope: Scope = DEFAULT) -> Report:
        """The report for `scope` at the graph version `reader` sees."""
        return self._reports.get(reader.version(), scope, lambda: analyse(reader, scope))

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
