"""Values kept per graph version: computed once under concurrency, dropped when a newer version arrives."""

import threading
import time

import pytest

from graph.version_cache import VersionCache


def test_concurrent_requests_for_one_value_share_one_computation():
    cache: VersionCache[int] = VersionCache(8)
    calls = []

    def compute() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get(1, "k", compute))) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [42] * 10 and len(calls) == 1


def test_a_newer_version_replaces_the_older_ones_and_an_older_reader_is_answered_but_not_kept():
    cache: VersionCache[str] = VersionCache(8)
    cache.get(1, "a", lambda: "a1")
    assert cache.peek(1, "a") == "a1"
    cache.get(2, "b", lambda: "b2")
    assert cache.peek(1, "a") is None and cache.peek(2, "b") == "b2"
    assert cache.get(1, "a", lambda: "old") == "old"  # a reader still on version 1
    assert cache.peek(1, "a") is None


def test_the_least_recently_used_value_goes_first_and_failures_are_not_kept():
    cache: VersionCache[int] = VersionCache(2)
    for key in "abc":
        cache.get(1, key, lambda key=key: ord(key))
    assert cache.peek(1, "a") is None and cache.peek(1, "c") == ord("c")

    def fail() -> int:
        raise ValueError("store down")

    with pytest.raises(ValueError, match="store down"):
        cache.get(1, "d", fail)
    assert cache.get(1, "d", lambda: 4) == 4
