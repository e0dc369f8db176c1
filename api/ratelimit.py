"""A per-client rate limit: one token bucket per client address (docs/security.md).

The client address is the connection's peer, or the address a trusted reverse proxy names in
X-Forwarded-For (uvicorn trusts proxies on 127.0.0.1 and ::1 by default: FORWARDED_ALLOW_IPS).
/healthz is exempt so that health checks never see 429.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from api.asgi import refuse

EXEMPT = frozenset({"/healthz"})


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class TokenBuckets:
    """`per_minute` tokens a minute per key, at most `burst` saved up. Only the `max_keys` most recently
    seen keys are remembered (a forgotten key starts again with a full bucket), so memory stays bounded.

    >>> clock = iter([0.0, 0.0, 0.0, 30.0]).__next__
    >>> buckets = TokenBuckets(per_minute=2, burst=2, clock=clock)
    >>> [buckets.take("a"), buckets.take("a"), buckets.take("a"), buckets.take("a")]
    [0.0, 0.0, 30.0, 0.0]
    """

    def __init__(self, per_minute: int, burst: int, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, key: str) -> float:
        """Take a token for `key`: 0.0 if there was one, else the seconds until there will be."""
        now = self.clock()
        bucket = self._buckets.pop(key, None) or _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        self._buckets[key] = bucket
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate


class RateLimit:
    """Answers 429 with Retry-After to a client that has used up its bucket."""

    def __init__(self, app: ASGIApp, per_minute: int, burst: int) -> None:
        self.app = app
        self.per_minute = per_minute
        self.buckets = TokenBuckets(per_minute, burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT:
            return await self.app(scope, receive, send)
        client = scope["client"][0] if scope.get("client") else "unknown"
        wait = self.buckets.take(client)
        if not wait:
            return await self.app(scope, receive, send)
        seconds = math.ceil(wait)
        await refuse(scope, receive, send, 429,
                     f"too many requests from {client}: the limit is {self.per_minute} a minute "
                     f"(POLICYKG_RATE_LIMIT); retry after {seconds} s", headers={"retry-after": str(seconds)})
