"""A deadline for the store work of one request, so that a request that runs too long stops in the database
too, not only in the client's eyes.

The API sets the deadline per request (`within`); it travels in a context variable, which FastAPI's worker
threads inherit. The stores read it before each statement: LadybugDB gets the time left as its
per-connection query timeout (the engine then interrupts the statement), Neo4j as the transaction timeout
(the server terminates the transaction). Without a deadline (the CLI) nothing is limited.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from graph.stores.base import StoreError

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("policykg_deadline", default=None)


class DeadlineExceeded(StoreError):
    """The request's time ran out; the statement was interrupted or not started."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the request took longer than {seconds:g} s and was stopped")
        self.seconds = seconds


@contextmanager
def within(seconds: float | None) -> Iterator[None]:
    """Store work in this context (and threads started from it) must end within `seconds` (None or 0: no
    limit)."""
    token = _deadline.set((time.monotonic() + seconds, seconds) if seconds else None)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left before the deadline, None without one; raises DeadlineExceeded once it has passed."""
    current = _deadline.get()
    if current is None:
        return None
    left = current[0] - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded(current[1])
    return left


def milliseconds_left() -> int | None:
    """Whole milliseconds left (at least 1: both engines read 0 as "no limit"), None without a deadline."""
    left = remaining()
    return None if left is None else max(1, int(left * 1000))


def check() -> None:
    """Raise DeadlineExceeded if the deadline has passed (after the store reported an interrupted statement)."""
    remaining()
